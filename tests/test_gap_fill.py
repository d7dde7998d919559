"""The gap-fill kind: over every real fact base and the sweep's seeds, each gap has exactly one bank
word that fits it and the spare words fit none; selection, leaks, versions, scoring, and every
format's own type (Moodle Cloze, Canvas fill in multiple blanks, an Anki cloze note)."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded
from sweep import seeds_of

from quizgen.factbase.model import Entity, FactBase, Place, Term
from quizgen.generators import GENERATORS, ON_REQUEST, Generated, GenOptions
from quizgen.generators import gap_fill as generator
from quizgen.oracle import check_question
from quizgen.quiz.leaks import find_leaks
from quizgen.quiz.questions import (
    GAP_SIZES,
    SPARE_WORDS,
    Amount,
    EntityRef,
    GapFill,
    MultipleChoice,
    Option,
    PlaceRef,
    Question,
    Quiz,
    TermRef,
)
from quizgen.quiz.scoring import earned, points
from quizgen.quiz.select import build_quiz
from quizgen.quiz.versions import make_versions
from quizgen.renderers.base import RenderOptions

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("content/*.yaml"), *ROOT.glob("tests/corpus/*/*.yaml")])
NEAR = Decimal("0.25")  # the test's own reading: a figure within 25% of another may be it
KIND = "gap-fill"


@cache
def base_of(path: Path) -> FactBase:
    """A fact base, loaded once per test process (conftest.loaded: shared with the other sweeps)."""
    return loaded(path)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _thing(base: FactBase, option: Option) -> tuple[tuple[str, ...], frozenset[str]]:
    """The test's own reading of a bank word: its word class and the ids it names (itself and
    what the fact base says is it under another name)."""
    claim = option.claim
    if isinstance(claim, Amount):
        return ("amount", claim.unit), frozenset()
    ident = claim.entity if isinstance(claim, EntityRef) else (
        claim.place if isinstance(claim, PlaceRef) else claim.term if isinstance(
            claim, TermRef) else "")
    thing = base.by_id[ident]
    assert isinstance(thing, Entity | Place | Term)
    names = (thing.term, *thing.aliases) if isinstance(thing, Term) else (
        thing.name, *thing.aliases)
    assert _folded(option.text) in {_folded(n) for n in names}, f"{option.text!r} names {ident}"
    same = {ident, *thing.same_as} | {
        t.id for t in (*base.entities, *base.places, *base.terms) if ident in t.same_as}
    cls = ("entity", thing.kind) if isinstance(thing, Entity) else (type(thing).__name__,)
    return cls, frozenset(same)


def _may_fit(base: FactBase, word: Option, gap: Option) -> bool:
    """Whether a bank word could stand in a gap: of its class and the same thing, or a figure
    of its unit within 25% of the gap's (the test's own, stricter reading of "plausible")."""
    (w_cls, w_same), (g_cls, g_same) = _thing(base, word), _thing(base, gap)
    if w_cls != g_cls:
        return False
    if isinstance(word.claim, Amount) and isinstance(gap.claim, Amount):
        low, high = sorted((abs(word.claim.value), abs(gap.claim.value)))
        return high - low <= NEAR * high
    return bool(w_same & g_same)


def assert_gaps_sound(generated: Generated, base: FactBase) -> None:
    """Each passage passes the oracle, has 4–8 gaps and 2–3 spare words, stands in the article
    with its answers, and by the test's own reading each gap has one bank word that may fit
    it and the spare words fit none; no gap's answer is named elsewhere in the passage, and no
    spare word stands in it (it would be seen to be left over)."""
    article = _folded(base.article or "")
    for q in generated.questions:
        assert isinstance(q, GapFill), f"{KIND}: {q.id}: not a GapFill"
        verdict = check_question(q, base)
        assert verdict.ok, f"{KIND}: {q.id}: {verdict.problems}"
        assert len(q.answer) in GAP_SIZES, f"{KIND}: {q.id}: {len(q.answer)} gaps"
        assert len(q.bank) - len(q.answer) in SPARE_WORDS, f"{KIND}: {q.id}: spare words"
        filled = q.passage[0] + "".join(q.bank[k].text + q.passage[n + 1]
                                        for n, k in enumerate(q.answer))
        assert _folded(filled) in article, f"{KIND}: {q.id}: the passage is not the article's"
        for n, key in enumerate(q.answer):
            fitting = [i for i, word in enumerate(q.bank)
                       if _may_fit(base, word, q.bank[key])]
            assert fitting == [key], \
                f"{KIND}: {q.id}: gap {n + 1} may take {[q.bank[i].text for i in fitting]}"
            if not isinstance(q.bank[key].claim, Amount):
                rest = _folded(" _ ".join(q.passage))
                assert f" {_folded(q.bank[key].text)} " not in f" {rest} ", \
                    f"{KIND}: {q.id}: gap {n + 1}'s word stands in the passage"
        words = re.findall(r"\w+", _folded(filled))
        for i, spare in enumerate(q.bank):
            shown = re.findall(r"\w+", _folded(spare.text))
            assert i in q.answer or not any(
                words[at:at + len(shown)] == shown for at in range(len(words))), \
                f"{KIND}: {q.id}: the spare word {spare.text!r} stands in the passage"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_gap_has_exactly_one_fitting_word(path: Path) -> None:
    """On every real fact base, swept seeds, each gap takes exactly one bank word (the oracle's
    proof and the test's own reading agree) and the spare words fit no gap."""
    base = base_of(path)
    for seed in seeds_of(path):
        assert_gaps_sound(GENERATORS[KIND](base, seed=seed, options=GenOptions()), base)


def test_the_property_is_not_vacuous() -> None:
    """Most real fact bases give passages to gap: the property above checks many of them."""
    made = {path.stem: len(GENERATORS[KIND](base_of(path), seed=1, options=GenOptions())
                           .questions) for path in FILES}
    assert sum(made.values()) >= 40, made  # 56 passages at seed 1 over 36 bases
    assert sum(1 for n in made.values() if n) >= len(FILES) * 2 // 3, made


def _swapped(made: Generated, base: FactBase) -> Generated:
    """The key of the first two gaps swapped."""
    return dataclasses.replace(made, questions=tuple(
        dataclasses.replace(q, answer=(q.answer[1], q.answer[0], *q.answer[2:]))
        for q in made.questions if isinstance(q, GapFill)))


def _spare_is_a_gap(made: Generated, base: FactBase) -> Generated:
    """A spare word replaced by the first gap's thing under the same text in capitals."""
    out: list[Question] = []
    for q in made.questions:
        assert isinstance(q, GapFill)
        spare = next(i for i in range(len(q.bank)) if i not in q.answer)
        key = q.bank[q.answer[0]]
        bank = list(q.bank)
        bank[spare] = Option(key.text.upper(), key.claim)
        out.append(dataclasses.replace(q, bank=tuple(bank)))
    return dataclasses.replace(made, questions=tuple(out))


PLANTS: dict[str, Callable[[Generated, FactBase], Generated]] = {
    "key of two gaps swapped": _swapped,
    "a spare word names a gap's thing": _spare_is_a_gap,
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_the_property_goes_red_on_a_planted_bug(plant: str) -> None:
    """With the bug planted in the output, the property check fails on the bundled bases."""
    tried = 0
    for path in sorted(ROOT.glob("content/*.yaml")):
        base = base_of(path)
        real = GENERATORS[KIND](base, seed=1, options=GenOptions())
        if not real.questions:
            continue
        with pytest.raises(AssertionError, match=f"^{KIND}: "):
            assert_gaps_sound(PLANTS[plant](real, base), base)
        tried += 1
    assert tried >= 3


def test_the_property_goes_red_when_spare_figures_come_near(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The generator's bug planted: spare figures no longer kept far from the gapped ones
    (FAR 1.5 → 1.01); the property fails on the corpus."""
    monkeypatch.setattr(generator, "FAR", Decimal("1.01"))
    failed = []
    for path in FILES:
        base = base_of(path)
        try:
            assert_gaps_sound(GENERATORS[KIND](base, seed=1, options=GenOptions()), base)
        except AssertionError as error:
            failed.append(str(error))
    assert failed and all(f.startswith(f"{KIND}: ") for f in failed)


# ---- the oracle on hand-made passages -----------------------------------------------------------


def _made(path: str = "content/calderia-pension-protest.yaml") -> tuple[FactBase, GapFill]:
    base = base_of(ROOT / path)
    made = GENERATORS[KIND](base, seed=1, options=GenOptions()).questions
    first = made[0]
    assert isinstance(first, GapFill)
    return base, first


def test_the_oracle_refuses_a_gap_that_cuts_a_word_or_leaves_the_article() -> None:
    """A passage whose gap ends inside a word, or whose text is not the article's, fails."""
    base, q = _made()
    cut = dataclasses.replace(q, passage=(q.passage[0], "x" + q.passage[1], *q.passage[2:]))
    assert any("cuts a word" in p for p in check_question(cut, base).problems)
    assert any("does not stand in the article" in p
               for p in check_question(cut, base).problems)


def test_the_oracle_reads_the_qualifier_before_a_figure_gap() -> None:
    """A spare figure of the gap's unit fits a gap after "about" when the ranges overlap:
    about 1,000 people and about 1,050 people may be one crowd."""
    from quizgen.oracle.gaps import _fits, _Word

    gap = _Word(("amount", "people"), frozenset(), Amount(Decimal(1000), "people"))
    near = _Word(("amount", "people"), frozenset(), Amount(Decimal(1050), "people"))
    far = _Word(("amount", "people"), frozenset(), Amount(Decimal(3000), "people"))
    base = base_of(ROOT / "content/calderia-pension-protest.yaml")
    assert _fits(near, gap, "1,000 people", "a crowd of about ", base)
    assert not _fits(near, gap, "1,000 people", "a crowd of ", base)
    assert _fits(far, gap, "1,000 people", "a crowd of more than ", base)
    assert not _fits(far, gap, "1,000 people", "a crowd of about ", base)


# ---- selection, leaks, versions, scoring ------------------------------------------------------


def _quiz(seed: int = 1) -> Quiz:
    """A quiz asking gap-fill beside who-said-it and figure-choice."""
    base = base_of(ROOT / "content" / "veskaria-solvarr-holiday.yaml")
    return build_quiz([base], seed=seed, kinds=[KIND, "who-said-it", "figure-choice"])


def test_selection_asks_it_by_name_without_leaks() -> None:
    """The kind is made only when asked for; asked, it joins other kinds with no item given
    away, and a quiz whose other item asks a figure the passage states is refused by leaks."""
    assert KIND in ON_REQUEST
    base = base_of(ROOT / "content" / "calderia-pension-protest.yaml")
    assert all(q.kind != KIND for q in build_quiz([base], seed=1).questions)
    kept = 0
    for seed in (1, 2, 3):
        quiz = _quiz(seed)
        kept += any(q.kind == KIND for q in quiz.questions)
        assert find_leaks(quiz) == []
    assert kept >= 2
    every = build_quiz([base], seed=1, kinds=[KIND, "figure-choice"], everything=True)
    gap = next(q for q in every.questions if isinstance(q, GapFill))
    digits = {Decimal(n.replace(",", ""))
              for n in re.findall(r"\d[\d,]*", " ".join(gap.explanation))}
    stated = [q for q in every.questions if isinstance(q, MultipleChoice)
              and q.kind == "figure-choice"
              and isinstance(amount := q.options[q.answer].claim, Amount)
              and amount.value in digits
              and any(e in " ".join(gap.explanation) for e in q.explanation)]
    assert stated, "a figure question whose excerpt the passage holds"
    leaks = find_leaks(dataclasses.replace(every, questions=(gap, stated[0])))
    assert any(leak.by == gap.id for leak in leaks), leaks


def test_versions_shuffle_the_bank_and_keep_the_key() -> None:
    """Per-student versions show the bank in other orders; each gap's word stays its key."""
    quiz = _quiz()
    gap = next(q for q in quiz.questions if isinstance(q, GapFill))
    base = quiz.base(gap.factbase)
    orders = set()
    for version in make_versions(quiz, count=4, seed=1):
        moved = next(q for q in version.questions if q.id == gap.id)
        assert isinstance(moved, GapFill) and check_question(moved, base).ok
        assert [moved.bank[k].text for k in moved.answer] == [gap.bank[k].text
                                                              for k in gap.answer]
        orders.add(tuple(o.text for o in moved.bank))
    assert len(orders) >= 3


def test_each_gap_is_one_point() -> None:
    """One point per gap by the one scoring rule: all right, one wrong, none given."""
    _, q = _made()
    gaps = len(q.answer)
    assert points(q) == gaps
    assert earned(q, q.answer) == gaps
    wrong = (next(i for i in range(len(q.bank)) if i not in q.answer), *q.answer[1:])
    assert earned(q, wrong) == gaps - 1
    assert earned(q, ()) == 0


# ---- formats ------------------------------------------------------------------------------


def _hostile() -> Quiz:
    """A gap-fill full of the characters each format must escape (no oracle needed)."""
    _, q = _made()
    texts = ["a}b~c#d/e\"f\\g", "<b>bold</b> & co", "=equal", "%50% off", "{1:SA:x}"]
    bank = tuple(Option(texts[i % len(texts)] + f" {i}", o.claim) for i, o in enumerate(q.bank))
    passage = tuple(p.replace(",", " {curly} [sq] <i>it</i>,") for p in q.passage)
    hostile = dataclasses.replace(q, bank=bank, passage=passage, id="gap-fill-hostile")
    base = base_of(ROOT / "content" / "calderia-pension-protest.yaml")
    return Quiz(title="Gaps & <tags>", bases=(base,), questions=(hostile,))


@pytest.mark.parametrize("quiz", [_quiz, _hostile], ids=["content", "hostile"])
def test_moodle_cloze_and_canvas_blanks_pass_the_validators(quiz: Callable[[], Quiz]) -> None:
    """Moodle's Cloze (multianswer) and Canvas's fill in multiple blanks pass the validators
    of the other kinds (lxml structure, the QTI 1.2.1 DTD) and carry each gap's word; GIFT
    says why it leaves the passage out and still parses."""
    import platform_check as pc

    from quizgen.renderers import gift, moodle_xml, qti

    made = quiz()
    gaps = [q for q in made.questions if isinstance(q, GapFill)]
    options = RenderOptions(name="q")
    pc.need_lxml()
    moodle = next(iter(moodle_xml.render(made, options=options).values()))
    assert pc.moodle_problems(moodle) == []
    records = {r["id"]: r for r in pc.moodle_records(moodle)}
    for q in gaps:
        assert records[q.id]["type"] == "cloze"
        assert [(shown, right) for shown, right in records[q.id]["gaps"]] == [
            ([" ".join(o.text.split()) for o in q.bank], key) for key in q.answer]
    pc.need_qti()
    package = next(iter(qti.render(made, options=options).values()))
    assert pc.qti_problems(package) == []
    records = {r["id"]: r for r in pc.qti_records(package)}
    for q in gaps:
        assert records[q.id]["type"] == "fill_in_multiple_blanks_question"
        assert [word for _, word in records[q.id]["blanks"]] == [
            " ".join(q.bank[key].text.split()) for key in q.answer]
    pc.need_gift()
    text = next(iter(gift.render(made, options=options).values())).decode()
    assert pc.gift_problems(text) == []
    assert all(r["id"] not in {q.id for q in gaps} for r in pc.gift_records(text))
    assert all(f"[id:{q.id}]" in text for q in gaps) and "Left out: a gap-fill" in text


def test_planted_unescaped_cloze_answer_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the Cloze escaping planted away, the Moodle validator reports the hostile words."""
    import platform_check as pc

    from quizgen.renderers import moodle_xml

    pc.need_lxml()
    monkeypatch.setattr(moodle_xml, "cloze_answer", moodle_xml.html_text)
    moodle = next(iter(moodle_xml.render(_hostile(), options=RenderOptions(name="q")).values()))
    assert pc.moodle_problems(moodle) != []


@pytest.mark.parametrize("fmt", ["kahoot", "blooket", "quizlet"])
def test_games_ask_one_gap_at_a_time(fmt: str) -> None:
    """The quiz games take a gap-fill as one "which word fills the gap" per gap, the key among
    the words shown, and pass their validators."""
    import platform_check as pc
    from platform_same import game_rows

    from quizgen.renderers import get_renderer

    pc.need_frictionless()
    quiz = _quiz()
    keys = [q.bank[k].text for q in quiz.questions if isinstance(q, GapFill) for k in q.answer]
    data = next(iter(get_renderer(fmt)(quiz, options=RenderOptions(name="q")).values()))
    rows = [r for r in game_rows(fmt, data) if r[0].startswith("Which word fills the gap?")]
    assert keys and len(rows) == len(keys)
    for (_, shown, answer, _), key in zip(rows, keys, strict=True):
        assert shown[answer].startswith(key[:20])


def test_json_reads_back_the_same_passage() -> None:
    """The JSON export holds the passage, the bank and the key, and reads back unchanged."""
    from quizgen.renderers.json_out import read_questions, render_text

    quiz = _quiz()
    text = render_text(quiz)
    assert read_questions(text) == quiz.questions
    record = next(r for r in json.loads(text)["questions"] if r["kind"] == KIND)
    assert record["shape"] == KIND and len(record["passage"]) == len(record["answer"]) + 1


def test_anki_has_one_cloze_note_per_passage(tmp_path: Path) -> None:
    """The deck imports into a real Anki collection with a cloze note type; the passage is one
    note with a card per gap, each card's front hides its word and its back shows it."""
    from anki.collection import Collection
    from test_anki import all_cards, import_apkg, rendered

    from quizgen.renderers import anki
    from quizgen.renderers.anki import text as t

    quiz = _quiz()
    gaps = [q for q in quiz.questions if isinstance(q, GapFill)]
    files = anki.render(quiz, options=RenderOptions(name="deck", timestamp=1_700_000_000))
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_apkg(col, files["deck.apkg"], tmp_path)
        cards = [c for c in all_cards(col) if c.note_type()["name"] == "quizgen: Gap-fill"]
        assert cards and cards[0].note_type()["type"] == 1  # MODEL_CLOZE
        notes = {c.nid for c in cards}
        assert len(notes) == len(gaps) >= 1
        for nid in notes:
            text = col.get_note(nid).fields[0]
            (gap,) = [q for q in gaps
                      if f"{{{{c1::{t.text(q.bank[q.answer[0]].text)}}}}}" in text]
            mine = sorted((c for c in cards if c.nid == nid), key=lambda c: c.ord)
            assert len(mine) == len(gap.answer)
            for card in mine:
                front, back = rendered(card)
                word = gap.bank[gap.answer[card.ord]].text
                assert "[...]" in front and "cloze" in front
                assert word.replace("&", "&amp;") in back
    finally:
        col.close()


def _spaced(text: str) -> str:
    """A text's words, folded, one space apart."""
    return " ".join(re.findall(r"[^\W_]+", _folded(text)))


def test_a_passage_naming_another_gaps_word_gives_it_away() -> None:
    """Two passages of one article where the second shows a word the first hides: leaks name
    the pair, and a quiz built with the kind holds no such pair."""
    from quizgen.quiz.leaks import gives_away

    pairs = 0
    for path in sorted(ROOT.glob("content/*.yaml")):
        base = base_of(path)
        made = [q for q in GENERATORS[KIND](base, seed=1, options=GenOptions()).questions
                if isinstance(q, GapFill)]
        for a in made:
            hidden = {_folded(a.bank[k].text) for k in a.answer
                      if not isinstance(a.bank[k].claim, Amount)}
            for b in made:
                shown = f" {_spaced(' '.join(b.explanation))} "
                if b is not a and any(f" {_spaced(w)} " in shown for w in hidden):
                    pairs += 1
                    assert gives_away(a, b, base) is not None
        quiz = build_quiz([base], seed=1, kinds=[KIND, "who-said-it"])
        assert find_leaks(quiz) == []
    assert pairs >= 1
