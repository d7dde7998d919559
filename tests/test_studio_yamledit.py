"""The studio's many-fact edit (Confirm all) reads the file once and writes what one-by-one does."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import load_profiles, picks

from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_text
from quizgen.studio import yamledit
from quizgen.studio.fields import SECTIONS

load_profiles()
ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "content" / "sources").glob("*.txt"))[:3]


@cache
def _draft(index: int) -> str:
    """A drafted fact base (every fact still marked `# check:`) of a bundled article's first third:
    a dozen to twenty facts of every section, and a third of the parsing each edit costs."""
    path = ARTICLES[index]
    lines = path.read_text(encoding="utf-8").splitlines()
    return draft_factbase("\n".join(lines[:max(5, len(lines) // 3)]), name=path.stem)


@cache
def _ids(index: int) -> tuple[tuple[str, str], ...]:
    """(section, id) of every fact of the draft, in file order."""
    doc = yamledit.parse(_draft(index))
    return tuple((section, str(item["id"])) for section in SECTIONS
                 for item in doc.get(section) or [])


@cache
def _one_edit(text: str, fact_id: str, fields: tuple[tuple[str, str], ...], confirm: bool) -> str:
    """yamledit.update_fact, once for each input: the one-by-one sides of examples that begin
    with the same facts repeat the same edits (62 distinct of 103 in the ci profile's draws)."""
    return yamledit.update_fact(text, fact_id, dict(fields), confirm=confirm)


# each example reads a whole draft up to seven times (the one-by-one side): 25 examples, not 100
@settings(max_examples=25)
@given(st.integers(0, len(ARTICLES) - 1), st.data(), st.booleans())
def test_many_facts_edited_at_once_equal_one_by_one(index: int, data: st.DataObject,
                                                    confirm: bool) -> None:
    """For any facts of a draft, in any order (repeats too), confirmed or given one field, the
    file read once equals the file edited fact by fact, and it loads."""
    facts = _ids(index)
    chosen = data.draw(picks(facts, most=6))
    entities = [fact_id for section, fact_id in chosen if section == "entities"]
    fields = {"role": "someone named in a test"} if entities and not confirm else {}
    ids = entities if fields else [fact_id for _, fact_id in chosen]
    one_by_one = _draft(index)
    for fact_id in ids:
        one_by_one = _one_edit(one_by_one, fact_id, tuple(fields.items()), confirm)
    at_once = yamledit.update_facts(_draft(index), ids, fields, confirm=confirm)
    assert at_once == one_by_one
    load_text(at_once, filename="draft.yaml")


BASES = sorted((ROOT / "content").glob("*.yaml"))[:3]


@cache
def _reference_fields() -> frozenset[str]:
    """The fields that hold other facts' ids, as the JSON Schema describes them ("People ids of
    who said it", "Place id of where it happened"); tags, names and texts are words."""
    import json
    import re

    schema = json.loads((ROOT / "content" / "factbase.schema.json").read_text(encoding="utf-8"))
    return frozenset(name for fact in schema["$defs"].values()
                     for name, spec in fact.get("properties", {}).items()
                     if name != "id" and re.search(r"\b[Ii]ds?\b", spec.get("description", "")))


@cache
def _base_ids(index: int) -> tuple[str, ...]:
    """Every fact id of a hand-written base of content/, in file order."""
    doc = yamledit.parse(BASES[index].read_text(encoding="utf-8"))
    return tuple(str(item["id"]) for section in SECTIONS for item in doc.get(section) or [])


@cache
def _named_ids(index: int) -> tuple[str, ...]:
    """The ids of the base's facts that other facts name (in a list or a single reference)."""
    from dataclasses import fields as fields_of

    base = load_text(BASES[index].read_text(encoding="utf-8"), filename="base.yaml")
    named: dict[str, None] = {}
    for fact in base.by_id.values():
        for field in fields_of(fact):
            if field.name not in _reference_fields():
                continue  # words (a term, a tag) may spell an id without naming the fact
            value = getattr(fact, field.name)
            for one in value if isinstance(value, tuple) else (value,):
                if isinstance(one, str) and one in base.by_id and one != fact.id:
                    named[one] = None
    return tuple(named)


def _without(value: object, gone: str) -> object:
    """A field's value once the fact `gone` is deleted: taken out of a list, a reference cleared."""
    if isinstance(value, tuple) and gone in value:
        return tuple(v for v in value if v != gone)
    return None if value == gone else value


@settings(max_examples=20)
@given(st.integers(0, len(BASES) - 1), st.data())
def test_a_deleted_fact_leaves_every_other_fact_as_it_was_but_for_naming_it(
        index: int, data: st.DataObject) -> None:
    """Deleting any fact of a hand-written base leaves a file whose other facts equal the old
    ones with the deleted id taken out of their lists and references, or is refused by the loader
    (a required list left empty), never anything else."""
    from dataclasses import fields as fields_of

    from quizgen.errors import QuizgenError

    text = BASES[index].read_text(encoding="utf-8")
    # half the draws among the facts others name: the deletes that rewrite other facts
    gone = data.draw(st.sampled_from(_named_ids(index)) | st.sampled_from(_base_ids(index)))
    before = load_text(text, filename="before.yaml")
    try:
        after = load_text(yamledit.delete_fact(text, gone), filename="after.yaml")
    except QuizgenError:
        # refused only where a fact's list would be left empty (test_studio holds the message)
        assert any(getattr(fact, field.name) != () == _without(getattr(fact, field.name), gone)
                   for fact in before.by_id.values() for field in fields_of(fact)
                   if field.name in _reference_fields()), gone
        return
    assert gone not in after.by_id
    assert set(after.by_id) == set(before.by_id) - {gone}
    for fact_id, fact in after.by_id.items():
        old = before.by_id[fact_id]
        for field in fields_of(old):
            if not field.compare:
                continue  # where the fact stands in the file: lines move up past the deleted one
            expected = getattr(old, field.name)
            if field.name in _reference_fields():
                expected = _without(expected, gone)
            assert getattr(fact, field.name) == expected, (fact_id, field.name)
