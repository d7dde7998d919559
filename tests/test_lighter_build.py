"""Work the bundled build no longer does (issue 22): patterns compiled only when used, each fact's
deck fields made once, a note's hashes encoded once, figure items read only when they can cross."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from itertools import permutations
from pathlib import Path

import pytest
from conftest import loaded

from quizgen.article import numbers, text
from quizgen.article.patterns import Lazy
from quizgen.factbase.loader import load_factbase
from quizgen.generators import get_generator
from quizgen.generators.base import GenOptions
from quizgen.quiz import figure_sheet, guessed
from quizgen.quiz.questions import MultipleChoice, Question, Quiz
from quizgen.quiz.select import build_quiz
from quizgen.renderers.anki import facts, notes
from quizgen.renderers.anki.deck import render as render_deck
from quizgen.renderers.base import RenderOptions

ROOT = Path(__file__).resolve().parent.parent
BASES = [*sorted((ROOT / "content").glob("*.yaml")),
         *sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))]
LAZY_MODULES = ("quizgen.article.text", "quizgen.article.numbers",
                "quizgen.generators.figure_trivia", "quizgen.quiz.guessed")


def _lazy_patterns() -> list[tuple[str, Lazy]]:
    found = []
    for name in LAZY_MODULES:
        module = sys.modules[name]
        found += [(f"{name}.{key}", value) for key, value in vars(module).items()
                  if isinstance(value, Lazy)]
    return found


def test_lazy_patterns_search_as_their_compiled_patterns() -> None:
    """Every lazily compiled pattern searches, matches and finds, from any position, exactly what
    `re.compile` of its text and flags does, over the articles' texts and their excerpts."""
    assert text and numbers and guessed  # the modules holding lazy patterns are imported
    patterns = _lazy_patterns()
    assert len(patterns) >= 14
    samples = []
    for path in BASES[:6]:
        base = loaded(path)
        samples += [*(f.excerpt for f in base.figures), *(q.excerpt for q in base.quotes)]
    samples += [path.read_text(encoding="utf-8")[:4000] for path in sorted(
        (ROOT / "content" / "sources").glob("*.txt"))[:3]]
    assert len(samples) > 100
    samples += ["up 6% to 70m.", "a 6m tall mast", "ranked 14th out of 20", "The U.S. said so."]
    for name, lazy in patterns:
        plain = re.compile(lazy.text, lazy.flags)
        for sample in samples:
            for pos in (0, len(sample) // 3):
                assert _spans(lazy.search(sample, pos)) == _spans(plain.search(sample, pos)), name
                assert _spans(lazy.match(sample, pos)) == _spans(plain.match(sample, pos)), name
                assert [m.span() for m in lazy.finditer(sample, pos)] == [
                    m.span() for m in plain.finditer(sample, pos)], name


def _spans(match: re.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.groups())


def test_importing_compiles_no_lazy_pattern() -> None:
    """Importing the modules that hold lazy patterns (as a build does) compiles none of them: a
    fresh interpreter finds every one still uncompiled."""
    script = (
        "import sys\n"
        f"import {', '.join(LAZY_MODULES)}\n"
        "from quizgen.article.patterns import Lazy\n"
        f"found = [v for m in {LAZY_MODULES!r} for v in vars(sys.modules[m]).values()"
        " if isinstance(v, Lazy)]\n"
        "print(len(found), sum(v._compiled is not None for v in found))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert int(out[0]) >= 14 and out[1] == "0"


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_noted_facts_are_the_facts_with_a_note(path: Path) -> None:
    """noted_facts names exactly the facts fact_notes makes a note of, on every base."""
    base = loaded(path)
    assert facts.noted_facts(base) == {fact_id for fact_id, *_ in facts.fact_notes(base)}


def _quiz() -> Quiz:
    base = loaded(ROOT / "content" / "venezuela-post-election.yaml")
    return build_quiz([base], seed=0, everything=True)


def test_the_deck_makes_each_facts_fields_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendering the bundled deck makes each fact's card fields once (the fact notes were made
    twice: once only to learn which facts have a note)."""
    counts: Counter[tuple[str, str]] = Counter()
    for name in ("_quote_fields", "_entity_fields", "_figure_fields", "_term_fields"):
        real = getattr(facts, name)

        def counted(*args: object, _real: object = real, _name: str = name) -> object:
            counts[_name, repr(args[:3])] += 1
            return _real(*args)  # type: ignore[operator]

        monkeypatch.setattr(facts, name, counted)
    render_deck(_quiz(), options=RenderOptions(name="t", timestamp=1_700_000_000))
    assert sum(counts.values()) > 50  # the facts' fields were made, and counted
    assert max(counts.values()) == 1


def test_a_notes_hashes_are_those_of_its_json() -> None:
    """content_hashes gives, for every note of the bundled deck, the SHA-256 of the JSON list of
    its type, fields and tags, with the build tag and without it."""
    _, made = notes.build_notes(_quiz())
    assert len(made) > 50
    for note in made:
        def digest(tags: list[str], note: notes.NoteSpec = note) -> str:
            payload = json.dumps([note.note_type.key, list(note.fields), tags])
            return hashlib.sha256(payload.encode("utf-8")).hexdigest()

        plain = [t for t in note.tags if not t.startswith("quizgen::build::")]
        assert len(plain) < len(note.tags)  # the build tag is there to leave out
        assert note.content_hashes() == (digest(list(note.tags)), digest(plain))
        assert note.content_hash() == digest(list(note.tags))
        assert note.content_hash(build_tag=False) == digest(plain)


def _figure_items() -> list[Question]:
    items: list[Question] = []
    for path in BASES[:10]:
        base = loaded(path)
        made = get_generator("figure-choice")(base, seed=1, options=GenOptions())
        items += [q for q in made.questions if isinstance(q, MultipleChoice)][:30]
    return items


def test_figures_cross_reads_items_only_when_their_answers_share_a_striking_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """figures_cross reads two figure items in full (their options' numbers) only for a pair
    whose answers have one number of STRIKING size, and says for every pair what reading every
    pair in full says."""
    items = _figure_items()
    pairs = list(permutations(items, 2))
    assert len(pairs) > 1000
    made = Counter[int]()
    real = figure_sheet._Profile.__init__

    def profile(self: figure_sheet._Profile, question: Question) -> None:
        made[id(question)] += 1
        real(self, question)

    def striking(a: Question, b: Question) -> bool:
        ka, kb = figure_sheet._key(a), figure_sheet._key(b)
        if ka is None or kb is None:
            return False
        ra, rb = figure_sheet._reading(ka), figure_sheet._reading(kb)
        return ra[1] >= figure_sheet.STRIKING and ra[1:] == rb[1:]

    found = [figure_sheet.figures_cross(a, b) for a, b in pairs]
    with monkeypatch.context() as patch:
        patch.setattr(figure_sheet._Profile, "__init__", profile)
        for a, b in pairs:
            figure_sheet.figures_cross(a, b)
    allowed = sum(2 for a, b in pairs if striking(a, b))
    assert sum(made.values()) <= allowed < len(pairs) // 4
    assert found == [_crossed_in_full(a, b) for a, b in pairs]
    assert any(found)  # pairs that cross were met


def _crossed_in_full(a: Question, b: Question) -> str | None:
    """figures_cross as it was, reading both items in full for every pair of figure items."""
    key = figure_sheet._key(a)
    if key is None:
        return None
    if (said := figure_sheet.share_in_words(a, b)) is not None:
        return said
    if not isinstance(b, MultipleChoice) or (other := figure_sheet._key(b)) is None:
        return None
    for i, option in enumerate(b.options):
        claim = option.claim
        if isinstance(claim, type(key)) and figure_sheet._same(claim, key):
            if i == b.answer:
                return f"both figure items have the answer {figure_sheet.format_amount(key)}"
            return (f"offers {option.text}, the answer to another figure item on the sheet: "
                    "one is solved by elimination")
    ra, rb = figure_sheet._reading(key), figure_sheet._reading(other)
    if ra[1] >= figure_sheet.STRIKING and ra[1:] == rb[1:]:
        return (f"both figure items have the number of {figure_sheet.format_amount(key)} for an "
                "answer: one quantity asked twice, the number in both lists picked twice")
    return None


def _written_lower_by_searching(name: str, base: object) -> bool:
    """guessed._written_lower as it was: the pattern searched in every text of every fact."""
    lower = name[:1].lower() + name[1:]
    if lower == name:
        return False
    found = re.compile(rf"(?<![\w-]){re.escape(lower)}(?![\w-])")
    return any(isinstance(text := getattr(fact, field, None), str) and found.search(text)
               for fact in base.by_id.values()  # type: ignore[attr-defined]
               for field in ("excerpt", "term", "meaning", "text", "description"))


def test_a_term_is_looked_for_in_lower_case_only_where_its_words_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """_written_lower compiles its pattern only for a name some text holds (a plain substring
    test first), and answers as searching every text does, for every term and entity name of
    every base and for names made to be found inside other words or only in lower case."""
    asked, lower, compiled = 0, 0, Counter[str]()
    real_compile = re.compile

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(re, name)

        def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
            compiled[pattern] += 1
            return real_compile(pattern, flags)

    for path in BASES:
        base = load_factbase(path)
        names = [t.term for t in base.terms] + [e.name for e in base.entities]
        names += ["Cloud nine", "Ate", "In", "The government"]
        for name in names:
            want = _written_lower_by_searching(name, base)
            with monkeypatch.context() as patch:
                patch.setattr(guessed, "re", Counting())
                assert guessed._written_lower(name, base) == want, (path.stem, name)
            asked, lower = asked + 1, lower + want
    assert asked > 200 and lower > 0  # names written in lower case elsewhere were met
    assert 0 < sum(compiled.values()) < asked // 4
