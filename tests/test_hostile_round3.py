"""Hostile input, round three (issue 20): the drafter stays linear and its drafts load."""

from __future__ import annotations

import importlib
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import quizgen.article.text as article_text
from benchmarks import hostile_draft as hd
from quizgen.article.text import Article, find_quotes
from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_factbase

# the package re-exports a function of that name: the module itself
to_yaml = importlib.import_module("quizgen.draft.to_yaml")


class _TooSlow(Exception):
    pass


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail when the block runs longer than `seconds` (a generous bound, far above the linear
    code's time and far below the quadratic code's)."""
    def alarm(signum: int, frame: object) -> None:
        raise _TooSlow(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _draft_files(tmp_path: Path, text: str, name: str = "hostile") -> Path:
    """Draft text and save it with its article as a project would; the fact base's path."""
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    target = tmp_path / f"{name}.yaml"
    target.write_text(draft_factbase(text, name=name), encoding="utf-8")
    return target


def test_unclosed_single_quotes_are_searched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """3,000 single quotes that never close cost a few closing checks each, not the paragraph."""
    calls = 0
    closes = article_text._closes

    def counted(text: str, at: int, mark: str) -> bool:
        nonlocal calls
        calls += 1
        return closes(text, at, mark)

    monkeypatch.setattr(article_text, "_closes", counted)
    text = hd.unclosed_single_quotes(9_000)
    assert find_quotes(text) == []
    assert calls <= 2 * len(text)  # the old search made ~len(text)**2 / 18 = 4.5 million


def test_unclosed_single_quotes_draft_quickly() -> None:
    """The issue's paragraph of 8,000 `'x` openers (24 KB, 16 s before) drafts in under 10 s."""
    text = hd.unclosed_single_quotes(24_000)
    with within(10):
        drafted = draft_factbase(text, name="quotes")
    assert "quotes: []" in drafted


def test_a_long_run_of_stops_splits_without_backtracking() -> None:
    """40 KB of `.!?…` with no capital after them (13 s before) is split into sentences at once."""
    text = hd.stop_runs(60_000)
    with within(5):
        sentences = Article(text).sentences
    assert sentences


@pytest.mark.parametrize("run", [".", "!", "?", "…", "?!", ".”"])
def test_stop_runs_still_end_sentences(run: str) -> None:
    """A run of stops before a space and a capital still ends its sentence, whatever the run."""
    text = f"It rose{run * 3} Then it fell. And then{run}{run} it stopped{run} Done."
    spans = [Article(text).text[s.start:s.end] for s in Article(text).sentences]
    assert spans[0] == f"It rose{run * 3}"
    assert spans[1] == "Then it fell."


def test_a_pasted_list_of_quotes_gives_short_excerpts_and_loads(tmp_path: Path) -> None:
    """5,000 quoted strings in one 70 KB sentence: excerpts are parts of it, and the draft loads."""
    text = hd.quoted_list(70_000)
    with within(30):  # 68 s and a 200 MB draft before
        path = _draft_files(tmp_path, text)
    base = load_factbase(path)
    assert len(base.quotes) >= 3_000  # one per quoted string
    excerpts = [fact.excerpt for fact in (*base.quotes, *base.figures, *base.entities)]
    assert max(len(excerpt) for excerpt in excerpts) <= article_text.MAX_SENTENCE
    assert len(base.source.about) <= article_text.MAX_SENTENCE
    ids = [quote.id for quote in base.quotes]
    assert len(set(ids)) == len(ids)


def test_fresh_ids_are_not_probed_from_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Giving 3,000 alike quotes their ids looks at each taken id about once, not 4.5 million
    times (`union-more-pay-2`, `-3`, … were tried anew for every quote)."""
    probes = 0

    class Counting(set[str]):
        def __contains__(self, item: object) -> bool:
            nonlocal probes
            probes += 1
            return super().__contains__(item)

    original = to_yaml._Writer.__init__

    def init(self: Any, draft: object, name: str) -> None:
        original(self, draft, name)  # type: ignore[arg-type]  # the draft given through
        self.taken = Counting(self.taken)

    monkeypatch.setattr(to_yaml._Writer, "__init__", init)
    drafted = draft_factbase(hd.quoted_list(45_000), name="ids")
    quotes = drafted.count("\n    text: ")
    assert quotes >= 2_000
    assert probes <= 4 * (quotes + drafted.count("\n    measure: ")) + 100


def test_bracketed_acronyms_link_in_linear_time() -> None:
    """8,000 organisations named with their acronyms (150 KB, ~20 s before) draft in seconds."""
    text = hd.bracketed_acronyms(150_000)
    with within(12):
        drafted = draft_factbase(text, name="acronyms")
    first, second = hd._letters(0), hd._letters(1)  # "The Borth Aab Aab Union (BAA)"
    assert f'    aliases: ["{first}"]' in drafted and f'    aliases: ["{second}"]' in drafted


@pytest.mark.parametrize("shape", sorted(hd.SHAPES))
def test_every_shape_drafts_to_a_base_that_loads_within_the_limit(
        tmp_path: Path, shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the fact-base limit lowered to 60 KB, a 40 KB article of each hostile shape still
    drafts to a file under the limit that loads and validates (a 1 MB article against the 5 MB
    limit is the same case, timed in benchmarks/hostile.py)."""
    import quizgen.factbase.filetext as filetext

    monkeypatch.setattr(filetext, "MAX_BYTES", 60_000)
    monkeypatch.setattr(to_yaml, "DRAFT_BUDGET", 60_000, raising=False)  # none before
    path = _draft_files(tmp_path, hd.SHAPES[shape](40_000))
    assert path.stat().st_size <= 60_000
    base = load_factbase(path)
    from quizgen.factbase.provenance import check_provenance
    from quizgen.factbase.validate import validate_factbase

    assert validate_factbase(base) == []
    assert check_provenance(base) == []
    drafted = path.read_text(encoding="utf-8")
    if "check: the article is long" in drafted:  # what was left out is said
        assert len(base.quotes) + len(base.figures) + len(base.events) > 0


def test_a_cut_draft_says_where_it_stops(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft cut to fit the limit keeps the article's first facts and names the cut."""
    monkeypatch.setattr(to_yaml, "DRAFT_BUDGET", 40_000, raising=False)  # none before
    drafted = draft_factbase(hd.quoted_list(40_000), name="cut")
    assert len(drafted.encode("utf-8")) <= 40_000
    assert "# check: the article is long; this draft covers its first" in drafted
    assert '"more pay now 0"' in drafted
    assert '"more pay now 1999"' not in drafted

