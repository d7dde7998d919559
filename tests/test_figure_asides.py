"""figure_trivia's per-base readings (bracketed asides by word, shares by excerpt) answer as the
plain scans over every text and every figure do."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from strategies import asides_texts, load_profiles

from quizgen.factbase.model import Figure
from quizgen.generators.figure_trivia import Asides, Shares, bracketed_elsewhere, even_split

load_profiles()


def _plain_bracketed(passage: str, texts: list[str]) -> bool:
    """The test's own reading: the passage (spaces and case folded) inside some bracketed part."""
    import re

    own = " ".join(passage.split()).casefold()
    return bool(own) and any(own in " ".join(part.split()).casefold()
                             for text in texts for part in re.findall(r"\([^()]*\)", text))


def _figure(excerpt: str, value: int = 50, unit: str = "percent") -> Figure:
    return Figure(id="f", value=Decimal(value), unit=unit, measure="share", excerpt=excerpt,
                  given_by=())


@given(asides_texts(), st.data())
def test_asides_hold_a_passage_exactly_when_some_bracket_does(texts: list[str],
                                                              data: st.DataObject) -> None:
    """For any texts and any passage (often cut out of one of their brackets, at any character),
    the word-indexed asides say it is bracketed exactly when a scan of every bracket finds it."""
    pieces = [t[i:j] for t in texts for i in range(len(t)) for j in range(i + 1, len(t) + 1)
              if "(" in t[:i + 1]][:200]
    passage = data.draw(st.sampled_from(pieces) if pieces else st.text("ab1 2%", max_size=6))
    figure = _figure(passage)
    assert bracketed_elsewhere(figure, Asides((None, t) for t in texts)) == _plain_bracketed(
        passage, texts)


def test_a_passage_cut_inside_a_word_is_found() -> None:
    """"2%" lies inside "(12%)" though "2" is no word of that bracket."""
    assert bracketed_elsewhere(_figure("2%"), Asides([(None, "rates (12%) rose")]))
    assert bracketed_elsewhere(_figure("of 2"), Asides([(None, "(out of 25)")]))


def test_a_figure_is_never_an_aside_of_its_own_excerpt() -> None:
    """The figure's own excerpt's brackets are not another text's."""
    own = _figure("82.2% (truths: 88.9%)")
    inner = _figure("88.9%")
    asides = Asides([(own, own.excerpt), (inner, inner.excerpt)])
    assert bracketed_elsewhere(inner, asides) and not bracketed_elsewhere(own, asides)


@given(st.lists(st.tuples(st.sampled_from(["half did A and half did B", "a third", "x"]),
                          st.sampled_from([25, 50, 100]), st.sampled_from(["percent", "people"]),
                          st.booleans()), max_size=6))
def test_shares_split_as_a_scan_of_every_figure_does(
        rows: list[tuple[str, int, str, bool]]) -> None:
    """Even splits read from Shares equal those read from the list of figures (a range, "50 to
    51 percent", is no share of a split)."""
    from dataclasses import replace

    figures = [replace(_figure(excerpt, value, unit), to=Decimal(value + 1) if ranged else None)
               for excerpt, value, unit, ranged in rows]
    shares = Shares(figures)
    for figure in figures:
        parts = [f for f in figures
                 if f.unit == figure.unit and f.excerpt == figure.excerpt and f.to is None]
        plain = (figure.unit == "percent" and figure.to is None and len(parts) > 1
                 and all(f.value == figure.value for f in parts)
                 and sum(f.value for f in parts) == 100)
        assert even_split(figure, shares) == plain
