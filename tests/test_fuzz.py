"""Fuzzing the loader and the whole pipeline: a valid build or located QuizgenErrors, nothing else.

The unmarked tests run a small profile in `make test`; the `fuzz`-marked ones run thousands of
examples in `make fuzz`.
"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_text
from quizgen.factbase.model import FactBase
from quizgen.quiz.select import build_quiz
from quizgen.renderers import get_renderer
from quizgen.renderers.base import RenderOptions
from tests.strategies import fact_bases, seeds
from tests.strategies_yaml import (
    damaged_bytes,
    dump,
    mutated_documents,
    scalars,
    slugs,
    syntax_soup,
    valid_documents,
    yaml_trees,
)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content" / "venezuela-post-election.yaml"
FILENAME = "content/fuzz.yaml"

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
SMALL = settings(max_examples=25, deadline=None, suppress_health_check=_HEALTH)
SMALL_PIPELINE = settings(max_examples=8, deadline=None, suppress_health_check=_HEALTH)
LONG = settings(max_examples=3000, deadline=None, suppress_health_check=_HEALTH)
LONG_PIPELINE = settings(max_examples=200, deadline=None, suppress_health_check=_HEALTH)


def _bundled_text() -> str:
    """The bundled fact base, or a synthetic one while it is not written yet."""
    if BUNDLED.is_file():
        return BUNDLED.read_text(encoding="utf-8")
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synth import synth_factbase_text

    return synth_factbase_text(60, seed=2)[0]


BUNDLED_TEXT = _bundled_text()
BUNDLED_DOC: dict[str, Any] = yaml.safe_load(BUNDLED_TEXT)

# ---- the only allowed outcomes -------------------------------------------------------------------


def assert_located(error: QuizgenError, *, file: str) -> None:
    """Every problem names the file, and a line within it whenever it names a field or a place."""
    assert error.problems, "a QuizgenError must carry at least one problem"
    for problem in error.problems:
        assert problem.file == file, f"problem without its file: {problem}"
        if problem.field is not None or problem.column is not None:
            assert problem.line is not None and problem.line >= 1, f"no line: {problem}"
        assert str(problem).strip()


def load_or_located_error(data: str | bytes) -> FactBase | None:
    """Load the data; a QuizgenError must be located, and any other exception fails the test."""
    try:
        return load_text(data, filename=FILENAME)
    except QuizgenError as error:
        assert_located(error, file=FILENAME)
        return None


def build_everything(base: FactBase, *, seed: int) -> None:
    """Select every kind, render JSON, Anki and worksheet in memory, and sanity-check the bytes."""
    try:
        quiz = build_quiz([base], seed=seed)
    except QuizgenError as error:
        assert_located(error, file=base.path or FILENAME)
        return
    if not quiz.questions:
        return  # the CLI refuses to write an empty selection; nothing to render
    options = RenderOptions(name="fuzz", seed=seed)
    checks: dict[str, Callable[[dict[str, bytes]], None]] = {
        "json": lambda files: _check_json(files, len(quiz.questions)),
        "anki": _check_apkg,
        "worksheet": _check_pdfs,
    }
    for name, check in checks.items():
        check(get_renderer(name)(quiz, options=options))


def _check_json(files: dict[str, bytes], count: int) -> None:
    assert len(json.loads(files["fuzz.json"])["questions"]) == count


def _check_apkg(files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(files["fuzz.apkg"])) as archive:
        assert archive.testzip() is None
        assert "collection.anki2" in archive.namelist()


def _check_pdfs(files: dict[str, bytes]) -> None:
    pdfs = [data for name, data in files.items() if name.endswith(".pdf")]
    assert pdfs and all(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:] for data in pdfs)


# ---- mutations of the bundled fact base ----------------------------------------------------------

_SECTIONS = ("people", "quotes", "figures", "events")
_REFS = {"quotes": ("speakers",), "figures": ("given_by", "subject"),
         "events": ("after", "before", "people")}


@st.composite
def mutated_bundled(draw: st.DrawFn) -> str:
    """The bundled fact base after one to four damages, dumped in block or flow style."""
    doc = copy.deepcopy(BUNDLED_DOC)
    for _ in range(draw(st.integers(1, 4))):
        _damage(doc, draw)
    return dump(doc, flow=draw(st.sampled_from([False, None, True])))


def _damage(doc: dict[str, Any], draw: st.DrawFn) -> None:
    """One damage: a dropped key, a wrong type, a dangling reference, a duplicated id, junk."""
    sections = [s for s in _SECTIONS if isinstance(doc.get(s), list) and doc[s]]
    action = draw(st.sampled_from(["drop", "retype", "dangle", "duplicate", "steal-id",
                                   "top", "unknown"]))
    if action == "top" or not sections:
        key = draw(st.sampled_from(sorted(doc) or ["source"]))
        if draw(st.booleans()):
            doc.pop(key, None)
        else:
            doc[key] = draw(st.one_of(scalars(), st.lists(scalars(), max_size=2)))
        return
    section = draw(st.sampled_from(sections))
    items = doc[section]
    index = draw(st.integers(0, len(items) - 1))
    item = items[index]
    if not isinstance(item, dict) or not item:
        items[index] = draw(scalars())
        return
    key = draw(st.sampled_from(sorted(item)))
    if action == "drop":
        del item[key]
    elif action == "retype":
        item[key] = draw(st.one_of(scalars(), st.lists(scalars(), max_size=3),
                                   st.dictionaries(slugs, scalars(), max_size=2)))
    elif action == "dangle":
        fields = _REFS.get(section, ("tags",))
        field = draw(st.sampled_from(fields))
        ghost = draw(slugs.map(lambda s: f"ghost-{s}"))
        item[field] = ghost if field == "subject" else [ghost]
    elif action == "duplicate":
        items.insert(draw(st.integers(0, len(items))), copy.deepcopy(item))
    elif action == "steal-id":
        other = draw(st.sampled_from(sections))
        victim = doc[other][draw(st.integers(0, len(doc[other]) - 1))]
        if isinstance(victim, dict) and "id" in victim:
            item["id"] = victim["id"]
    else:
        item[draw(st.text(min_size=1, max_size=8))] = draw(scalars())


# ---- the properties, each in a small and a long profile ------------------------------------------


def _random_tree(tree: Any, flow: bool | None, under: str | None) -> None:
    """A random tree, on its own or as one section of an otherwise plausible document."""
    doc = tree if under is None else {"source": {"title": "T", "about": "A"}, under: tree}
    try:
        text = dump(doc, flow=flow)
    except yaml.YAMLError:
        return
    base = load_or_located_error(text)
    if base is not None:
        build_everything(base, seed=0)


def _prefix(cut: int, as_bytes: bool) -> None:
    raw = BUNDLED_TEXT.encode("utf-8")[:cut]
    base = load_or_located_error(raw if as_bytes else raw.decode("utf-8", "ignore"))
    if base is not None:
        build_everything(base, seed=cut)


_TREES = (yaml_trees(), st.sampled_from([False, None, True]),
          st.none() | st.sampled_from([*_SECTIONS, "source", "id"]))
_PREFIXES = (st.integers(0, len(BUNDLED_TEXT.encode("utf-8"))), st.booleans())
_BYTES = st.one_of(st.binary(max_size=400), damaged_bytes(BUNDLED_TEXT),
                   syntax_soup().map(lambda s: s.encode("utf-8", "surrogatepass")))
_TEXTS = st.one_of(syntax_soup(), mutated_documents(), st.text(max_size=300))


@SMALL
@given(*_TREES)
def test_random_yaml_trees_small(tree: Any, flow: bool | None, under: str | None) -> None:
    """Random YAML trees give a valid build or located QuizgenErrors (small profile)."""
    _random_tree(tree, flow, under)


@pytest.mark.fuzz
@LONG
@given(*_TREES)
def test_random_yaml_trees_long(tree: Any, flow: bool | None, under: str | None) -> None:
    """Random YAML trees give a valid build or located QuizgenErrors (thousands of examples)."""
    _random_tree(tree, flow, under)


@SMALL
@given(_BYTES)
def test_random_and_damaged_bytes_small(data: bytes) -> None:
    """Random bytes, invalid UTF-8 and damaged copies of the article load or fail located."""
    load_or_located_error(data)


@pytest.mark.fuzz
@LONG
@given(_BYTES)
def test_random_and_damaged_bytes_long(data: bytes) -> None:
    """Random bytes, invalid UTF-8 and damaged copies load or fail located (thousands)."""
    load_or_located_error(data)


@SMALL
@given(_TEXTS)
def test_random_texts_small(text: str) -> None:
    """YAML syntax soup, mutated documents and random text load or fail located."""
    load_or_located_error(text)


@pytest.mark.fuzz
@LONG
@given(_TEXTS)
def test_random_texts_long(text: str) -> None:
    """YAML syntax soup, mutated documents and random text load or fail located (thousands)."""
    load_or_located_error(text)


@SMALL_PIPELINE
@given(*_PREFIXES)
def test_truncated_bundled_file_small(cut: int, as_bytes: bool) -> None:
    """Every prefix of the bundled fact base builds or fails located (small profile)."""
    _prefix(cut, as_bytes)


@pytest.mark.fuzz
@LONG_PIPELINE
@given(*_PREFIXES)
def test_truncated_bundled_file_long(cut: int, as_bytes: bool) -> None:
    """Every prefix of the bundled fact base builds or fails located (long profile)."""
    _prefix(cut, as_bytes)


def test_every_hundredth_prefix_of_the_bundled_file() -> None:
    """Deterministic sweep: prefixes at every 1% of the file load or fail located."""
    raw = BUNDLED_TEXT.encode("utf-8")
    loaded = 0
    for step in range(101):
        loaded += load_or_located_error(raw[: len(raw) * step // 100]) is not None
    assert loaded >= 1  # at least the whole file loads


def _mutated(text: str, seed: int) -> None:
    base = load_or_located_error(text)
    if base is not None:
        build_everything(base, seed=seed)


@SMALL_PIPELINE
@given(mutated_bundled(), seeds)
def test_mutated_bundled_file_small(text: str, seed: int) -> None:
    """Dropped keys, wrong types, dangling references, duplicated ids: build or located errors."""
    _mutated(text, seed)


@pytest.mark.fuzz
@LONG_PIPELINE
@given(mutated_bundled(), seeds)
def test_mutated_bundled_file_long(text: str, seed: int) -> None:
    """The bundled file after random damages builds or fails located (long profile)."""
    _mutated(text, seed)


@SMALL
@given(mutated_bundled())
def test_mutated_bundled_file_loader_only_small(text: str) -> None:
    """Many more damaged copies of the bundled file, loader only: load or fail located."""
    load_or_located_error(text)


@pytest.mark.fuzz
@LONG
@given(mutated_bundled())
def test_mutated_bundled_file_loader_only_long(text: str) -> None:
    """Thousands of damaged copies of the bundled file, loader only: load or fail located."""
    load_or_located_error(text)


@SMALL_PIPELINE
@given(valid_documents(), seeds)
def test_valid_documents_build_small(doc: dict[str, Any], seed: int) -> None:
    """Documents the loader must accept do load, and then build in every format."""
    base = load_text(dump(doc), filename=FILENAME)
    build_everything(base, seed=seed)


@pytest.mark.fuzz
@LONG_PIPELINE
@given(valid_documents(), seeds)
def test_valid_documents_build_long(doc: dict[str, Any], seed: int) -> None:
    """Documents the loader must accept do load, and then build in every format (long)."""
    base = load_text(dump(doc), filename=FILENAME)
    build_everything(base, seed=seed)


@SMALL_PIPELINE
@given(fact_bases(), seeds)
def test_adversarial_fact_bases_build_small(base: FactBase, seed: int) -> None:
    """Valid but adversarial fact bases (ties, shared quotes) render in every format."""
    build_everything(base, seed=seed)


@pytest.mark.fuzz
@LONG_PIPELINE
@given(fact_bases(), seeds)
def test_adversarial_fact_bases_build_long(base: FactBase, seed: int) -> None:
    """Valid but adversarial fact bases render in every format (long profile)."""
    build_everything(base, seed=seed)


def test_bundled_file_builds() -> None:
    """The undamaged bundled fact base loads and builds: the mutations start from a valid file."""
    base = load_text(BUNDLED_TEXT, filename=FILENAME)
    build_everything(base, seed=0)
