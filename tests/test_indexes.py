"""Indexes built once per fact base: the speaker map, names and excerpts; a build loads once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.factbase import model
from quizgen.factbase.model import Entity, build_speaker_map
from quizgen.generators import GENERATORS, ON_REQUEST
from quizgen.generators.common import norm
from quizgen.generators.textindex import Passages, WordFinder, has_word
from tests.strategies import load_profiles, needles_and_text, speaks_for_graphs

load_profiles()
ROOT = Path(__file__).resolve().parent.parent
CONTENT = sorted((ROOT / "content").glob("*.yaml"))


def _chain(entities: tuple[Entity, ...], entity_id: str) -> tuple[str, ...]:
    up = {e.id: e.speaks_for for e in entities}
    chain = [entity_id]
    while (nxt := up.get(chain[-1])) is not None and nxt not in chain:
        chain.append(nxt)
    return tuple(chain)


@given(speaks_for_graphs())
def test_speaker_map_is_the_chains_read_both_ways(entities: tuple[Entity, ...]) -> None:
    """Equivalents are the entity's speaks_for chain plus every entity whose chain holds it."""
    speakers = build_speaker_map(entities)
    for entity_id in [*{e.id for e in entities}, "ghost", "nobody"]:
        below = {e.id for e in entities if entity_id in _chain(entities, e.id)}
        assert speakers.chain(entity_id) == _chain(entities, entity_id)
        assert speakers.equivalents(entity_id) == set(_chain(entities, entity_id)) | below


@given(needles_and_text())
@example((["'a", "a'", ".", "a é"], "a'a a. a é_ 'a"))  # a name starting or ending off a word
@example((["a a a a é", "a a a a"], "é a a a a é"))  # filed under words after its first ones
def test_word_finder_finds_what_a_whole_word_search_finds(case: tuple[list[str], str]) -> None:
    """A needle is found exactly when `(?<!\\w)needle(?!\\w)` matches somewhere in the text."""
    needles, text = case
    finder = WordFinder((needle, index) for index, needle in enumerate(needles))
    expected = {index for index, needle in enumerate(needles)
                if re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text)}
    assert set(finder.found(text)) == expected


@given(needles_and_text())
@example((["a", "", "_a", "é", "a1", "a a"], "a_ _a ba é1 a1 a a a"))  # underscore, digit, accent
@example((["a", "", "b"], "a"))  # the whole text, the empty needle, no occurrence
def test_has_word_is_a_whole_word_search(case: tuple[list[str], str]) -> None:
    """has_word answers as `re.search(r"(?<!\\w)needle(?!\\w)")` does, for every needle."""
    needles, text = case
    for needle in [*needles, text, text[1:4], ""]:
        expected = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text) is not None
        assert has_word(text, needle) == expected, (needle, text)


@given(needles_and_text())
@example((["'a é'", ".a.", "a"], "_'a é'_ .a."))  # filed under a pair of words, under one word
def test_passages_finds_each_passage_inside_the_text_or_holding_it(
    case: tuple[list[str], str],
) -> None:
    """Overlapping passages are those one of which holds the other, compared loosely, in order."""
    passages, text = case
    passages = [*passages, text[1:9], text[3:], text.upper()]
    index = Passages([(p, i) for i, p in enumerate(passages)], fold=norm)
    for probe in (text, text[2:7], text[:1]):
        a = norm(probe)
        expected = [i for i, p in enumerate(passages)
                    if a and norm(p) and (norm(p) in a or a in norm(p))]
        assert index.overlapping(probe) == expected


def test_a_build_makes_each_base_s_speaker_map_once_and_generates_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """Building every format from two articles builds each base's speaker map once and runs
    each default generator (not those asked by name) once per base, though the deck and the
    worksheet select apart."""
    built: list[tuple[Entity, ...]] = []
    real_map = model.build_speaker_map

    def counting_map(entities: tuple[Entity, ...]) -> model.SpeakerMap:
        built.append(entities)
        return real_map(entities)

    runs: list[tuple[str, str]] = []
    for kind, generate in list(GENERATORS.items()):
        def counting(base: model.FactBase, *, _kind: str = kind, _real=generate, **kw):  # type: ignore[no-untyped-def]  # a spy
            runs.append((_kind, base.id))
            return _real(base, **kw)
        monkeypatch.setitem(GENERATORS, kind, counting)
    monkeypatch.setattr(model, "build_speaker_map", counting_map)
    bases = CONTENT[:2]
    result = CliRunner().invoke(app, ["build", *map(str, bases), "--out", str(tmp_path),
                                      "--quiet", "--to", "anki,worksheet,json"])
    assert result.exit_code == 0, result.output
    assert len(built) == len(bases)
    assert len({tuple(e.id for e in entities) for entities in built}) == len(bases)
    assert sorted(runs) == sorted({(kind, path.stem) for kind in GENERATORS
                                   if kind not in ON_REQUEST for path in bases})
