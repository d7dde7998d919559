"""Tests of the JSON Schema: the committed file is current, valid, and agrees with the loader."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import load_profiles
from strategies_yaml import dump, mutated_documents, valid_documents
from test_loader import VALID

from quizgen.errors import QuizgenError
from quizgen.factbase.json_schema import factbase_json_schema
from quizgen.factbase.loader import load_text
from quizgen.factbase.schema import SECTIONS
from quizgen.factbase.yamlsafe import compose, to_data

load_profiles()
ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "content" / "factbase.schema.json"
ARTICLE = ROOT / "content" / "venezuela-post-election.yaml"
HOSTILE = ROOT / "tests" / "data" / "hostile"


def schema_text() -> str:
    """The schema as committed: sorted keys, indent 2, trailing newline."""
    return json.dumps(factbase_json_schema(), indent=2, sort_keys=True) + "\n"


def validator() -> jsonschema.Draft202012Validator:
    """A draft 2020-12 validator for the fact-base schema."""
    return jsonschema.Draft202012Validator(factbase_json_schema())


def as_data(text: str | bytes) -> Any:
    """A YAML document as the JSON-like data an editor's YAML 1.2 plugin would see."""
    return to_data(compose(text, filename="doc.yaml"))


def test_committed_schema_file_is_current() -> None:
    """content/factbase.schema.json equals factbase_json_schema(); QUIZGEN_REGEN=1 rewrites it."""
    if os.environ.get("QUIZGEN_REGEN") == "1":
        SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "regenerate with: QUIZGEN_REGEN=1 .venv/bin/python -m pytest tests/test_schema.py")


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself passes the draft 2020-12 meta-schema and closes every object."""
    schema = factbase_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = [schema, *schema["$defs"].values()]
    assert all(o["additionalProperties"] is False for o in objects if o.get("type") == "object")
    assert schema["$defs"]["person"]["properties"]["kind"]["enum"] == [
        "person", "organisation", "country", "group"]
    assert schema["$defs"]["figure"]["properties"]["qualifier"]["enum"] == [
        "exact", "about", "nearly", "at least", "at most", "up to", "more than", "fewer than",
        "over", "under"]


def test_every_field_has_a_description() -> None:
    """Editors show a description for every property, for completion and hover."""
    schema = factbase_json_schema()
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field}"


def test_bundled_fact_base_validates_against_the_schema() -> None:
    """The bundled article's fact base is valid under the JSON Schema."""
    if not ARTICLE.exists():
        pytest.skip("the bundled fact base is not written yet")
    errors = sorted(validator().iter_errors(as_data(ARTICLE.read_bytes())), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_loader_samples_validate_against_the_schema() -> None:
    """The loader tests' full sample and the hostile files that load are valid under the schema."""
    assert list(validator().iter_errors(as_data(VALID))) == []
    for name in ("bom.yaml", "crlf.yaml", "quote-100kb.yaml"):
        assert list(validator().iter_errors(as_data((HOSTILE / name).read_bytes()))) == []


def _broken(path: list[str | int], value: Any, *, delete: bool = False) -> Any:
    """The VALID sample with the value at path replaced (or deleted)."""
    doc = copy.deepcopy(as_data(VALID))
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "delete"),
    [(["quotes", 0, "speaker"], ["maduro"], False),
     (["people", 0, "excerpt"], None, True),
     (["source"], None, True),
     (["people", 1, "kind"], "organization", False),
     (["figures", 0, "value"], 151.2, False),
     (["figures", 0, "value"], "51.2", False),
     (["people", 0, "id"], "Nicolás", False),
     (["people", 0, "tags"], ["human rights"], False),
     (["events", 0, "date"], "July 2024", False),
     (["events", 0, "date"], 20240, False),
     (["quotes", 0, "speakers"], [], False),
     (["quotes", 0, "text"], "   ", False),
     (["figures", 1, "qualifier"], "roughly", False)],
)
def test_known_bad_documents_fail_the_schema(path: list[str | int], value: Any,
                                             delete: bool) -> None:
    """Unknown keys, missing fields, bad enums, out-of-range percents, bad slugs and dates fail."""
    assert list(validator().iter_errors(_broken(path, value, delete=delete)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_documents())
def test_documents_the_loader_accepts_pass_the_schema(doc: dict[str, Any]) -> None:
    """Whatever random valid document the loader accepts, the schema accepts too."""
    text = dump(doc)
    load_text(text, filename="random.yaml")
    assert list(validator().iter_errors(as_data(text))) == []


@pytest.mark.search  # the profile's examples: 100 in make test, 3,000 under make fuzz
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_documents())
def test_schema_never_accepts_less_than_the_loader(text: str) -> None:
    """A mutated document the loader accepts is accepted by the schema as well."""
    try:
        load_text(text, filename="random.yaml")
    except QuizgenError:
        return
    assert list(validator().iter_errors(as_data(text))) == []


def test_docs_describe_every_field() -> None:
    """docs/factbase.md mentions every section and every field of the format."""
    docs = (ROOT / "docs" / "factbase.md").read_text(encoding="utf-8")
    for section, fields in SECTIONS.items():
        assert f"`{section}`" in docs, section
        for field in fields:
            assert f"`{field}`" in docs, f"{section}.{field}"


def test_docs_example_is_valid_and_drawn_from_the_article() -> None:
    """The example in docs/factbase.md loads, passes the schema and its provenance check."""
    from quizgen.factbase.provenance import check_provenance

    docs = (ROOT / "docs" / "factbase.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    base = load_text(example, filename=str(ROOT / "content" / "example.yaml"))
    assert len(base.entities) >= 3 and base.quotes and base.figures and base.events
    assert check_provenance(base) == []
    assert list(validator().iter_errors(as_data(example))) == []
