"""Causes of poor figure items found by the strict review (docs/review.md), each a rule over every
fact base in content/ and tests/corpus/*/, swept seeds, worked out from what a student reads."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded
from factbases import figure, make_base, org, people, run
from sheet_check import sheets
from sweep import seeds_of
from test_sheets import SWEEPS, Sweep
from test_truth_rules import BASES

from quizgen.factbase.model import FactBase
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import (
    Amount,
    EntityRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    MultipleChoice,
    Question,
)
from quizgen.quiz.select import CLASS_LENGTH, build_quiz

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

# how a student sees an option's form: a bound, a vague number, a range or a plain number
FORMS = {"more than": "bound", "at least": "bound", "fewer than": "bound", "at most": "bound",
         "up to": "bound", "about": "vague", "nearly": "vague", "exact": "plain"}  # fmt: skip


@cache
def _made(path: Path) -> tuple[tuple[FactBase, Question], ...]:
    """Every figure-choice item made from the base, the sweep's seeds, made once per session."""
    base = loaded(path)
    make = GENERATORS["figure-choice"]
    return tuple((base, q) for seed in seeds_of(path)
                 for q in make(base, seed=seed, options=GenOptions()).questions)


def _value_items(path: Path) -> Iterator[tuple[FactBase, MultipleChoice, list[Amount]]]:
    """The numeric 'what was the figure?' items of a base, with their options' amounts."""
    for base, q in _made(path):
        if isinstance(q, MultipleChoice) and isinstance(q.ask, FigureValue | FigureGiven):
            amounts = [o.claim for o in q.options if isinstance(o.claim, Amount)]
            assert len(amounts) == len(q.options)
            yield base, q, amounts


def _form(amount: Amount) -> tuple[str, bool]:
    return FORMS[amount.qualifier], amount.to is not None


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_the_key_never_stands_alone_in_its_form(path: Path) -> None:
    """No numeric key is the only one of its form ('more than 300' beside plain numbers): the
    wording would give it away."""
    for _, q, amounts in _value_items(path):
        key = _form(amounts[q.answer])
        others = [_form(a) for i, a in enumerate(amounts) if i != q.answer]
        assert key in others, (q.prompt, [o.text for o in q.options])


def _names(base: FactBase, entity_id: str) -> list[str]:
    entity = next(e for e in base.entities if e.id == entity_id)
    names = [entity.name, *entity.aliases]
    words = entity.name.split()
    if entity.kind == "person" and len(words) > 1 and all(w[:1].isupper() for w in words):
        names.append(words[-1])
    return [n for n in names if n.strip()]


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_figure_prompt_names_its_source_twice(path: Path) -> None:
    """'According to Adam Fox, how many challenges does Adam Fox see …?' is never printed: a
    source is named once in a prompt (by name, alias or surname)."""
    for base, q in _made(path):
        for source in getattr(q.ask, "given_by", None) or ():
            pattern = "|".join(re.escape(n) for n in _names(base, source))
            found = re.findall(rf"(?<!\w)(?:{pattern})(?!\w)", q.prompt, re.IGNORECASE)
            # a full name counts once, its surname inside it is no second mention
            full = [f for f in found if not any(f != g and f in g for g in found)]
            assert len(full) <= 1, q.prompt


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_two_sources_of_one_quantity_keep_their_names(path: Path) -> None:
    """Two sources' figures for one quantity are never asked in one wording: a prompt that drops
    'According to …' (its measure names the source) would leave both answers defensible."""
    asked: dict[str, set[frozenset[str]]] = {}
    for _, q in _made(path):
        if isinstance(q.ask, FigureValue | FigureGiven):
            asked.setdefault(q.prompt, set()).add(frozenset(q.ask.given_by or ()))
    assert all(len(sources) == 1 for sources in asked.values()), asked


def test_a_disputed_quantity_names_its_source_even_when_the_measure_does() -> None:
    """The police's and the union's counts of injured police officers: each prompt says whose."""
    base = make_base(
        org("police", "the police"), org("union", "the union"),
        figure("f1", "number of the police officers injured", "12", "officers", "police"),
        figure("f2", "number of the police officers injured", "30", "officers", "union"),
    )  # fmt: skip
    prompts = {q.prompt for q in run("figure-choice", base).questions}
    assert len(prompts) == 2 and all("According to" in p for p in prompts), prompts


EXAMPLE = re.compile(r"\b(?:example|hypothetical)\b|^\W*(?:suppose|imagine)\b", re.IGNORECASE)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_figure_of_a_worked_example_is_asked(path: Path) -> None:
    """A worked example's numbers ('airspeed of the airliner in the example') are trivia: no
    figure item asks about a figure whose measure or excerpt sets up an example."""
    for base, q in _made(path):
        measure = getattr(q.ask, "measure", "")
        figures = [f for f in base.figures if f.measure == measure]
        assert not any(EXAMPLE.search(f.measure) or EXAMPLE.search(f.excerpt) for f in figures), (
            q.prompt)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_figure_given_only_in_brackets_is_asked(path: Path) -> None:
    """A number the article gives only in brackets ('a sleeping mask ($299)') is an aside: no
    figure item asks about it."""
    for base, q in _made(path):
        measure = getattr(q.ask, "measure", "")
        for f in base.figures:
            if f.measure == measure:
                bracketed = "".join(re.findall(r"\(([^()]*)\)", f.excerpt))
                bare = re.sub(r"\([^()]*\)", "", f.excerpt)
                assert not (any(c.isdigit() for c in bracketed)
                            and not any(c.isdigit() for c in bare)), q.prompt


def _whole(unit: str) -> Decimal | None:
    if unit.casefold() in ("percent", "per cent", "%"):
        return Decimal(100)
    found = re.fullmatch(r"out of ([\d,]+)", " ".join(unit.split()))
    return Decimal(found.group(1).replace(",", "")) if found else None


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_the_key_is_not_the_step_of_its_list(path: Path) -> None:
    """No option list is the key and whole multiples of it ('nearly 3, 6, 9 or 12 times',
    'about 200, 400, 800, 1,200' around 200): the list's common step would be the answer.
    A key of one divides every whole number, and ranges step by their width ('between 20 and
    30' beside 40-50 and 60-70), so both are left to other rules."""
    for _, q, amounts in _value_items(path):
        key = amounts[q.answer].value
        if key <= 0 or key == 1 or len(amounts) < 3 or amounts[q.answer].to is not None:
            continue
        ratios = [a.value / key for i, a in enumerate(amounts) if i != q.answer]
        assert not all(r == r.to_integral_value() for r in ratios), (
            q.prompt, [o.text for o in q.options])


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_shares_and_multiples_stay_plausible(path: Path) -> None:
    """'55 out of 100' is never offered beside '110 out of 100', and '3 times the average'
    never beside '1 time' (no rise at all)."""
    for _, q, amounts in _value_items(path):
        key = amounts[q.answer]
        for amount in amounts:
            whole = re.fullmatch(r"out of ([\d,]+)", " ".join(amount.unit.split()))
            if whole:
                top = Decimal(whole.group(1).replace(",", ""))
                assert amount.value <= top and (amount.to or 0) <= top, q.options
            words = amount.unit.casefold().split()
            if words[:1] == ["times"] and words[1:2] not in (["a"], ["per"]) and key.value > 1:
                assert amount.value != 1, (q.prompt, [o.text for o in q.options])


# an auxiliary moved in front of a reported clause, or 'did' with no verb after its subject
GARBLED = (
    re.compile(r"\b(?:will|would|can|could|may|might|do|does|did|is|are|was|were)\s+"
               r"(?:[A-Z][\w’'-]*\s+){1,3}(?:thinks|predicts|says|believes|expects|hopes|fears|"
               r"estimates|claims|argues|suggests|reckons|knows|insists|warns)\b"),
    re.compile(r"\b(?:did|does|do)\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:a|an|the|some|his|her|their)\s"),
)



@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_figure_prompts_keep_their_clauses_whole(path: Path) -> None:
    """'within what time will Huffington predicts nap rooms be …?' and 'at what age did Allen a
    computer course?' are never printed."""
    for _, q in _made(path):
        for garbled in GARBLED:
            assert not garbled.search(q.prompt), q.prompt


def _key(q: Question) -> Amount | None:
    if isinstance(q, MultipleChoice) and isinstance(q.ask, FigureValue | FigureGiven):
        claim = q.options[q.answer].claim
        return claim if isinstance(claim, Amount) else None
    return None


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_figure_item_offers_another_ones_answer(sweep: Sweep) -> None:
    """On a sheet, no figure item's options hold another figure item's answer (a poll's shares
    asked one by one, each offering the others', are matched up by elimination)."""
    for label, _, quiz in sweep():
        keyed = [(q, k) for q in quiz.questions if (k := _key(q)) is not None]
        for q, key in keyed:
            for other, _ in keyed:
                if other is q:
                    continue
                shown = {_read(a) for o in other.options if isinstance(a := o.claim, Amount)}
                assert _read(key) not in shown, (label, q.prompt, other.prompt)


def _holders_crossed(questions: Iterable[Question]) -> list[tuple[str, str]]:
    """Pairs of "whose …?" items of one measure where the second offers the first's key: each
    holder has one figure of a measure, so a student who knows one rules it out of the other."""
    holders = [q for q in questions
               if isinstance(q, MultipleChoice) and isinstance(q.ask, FigureHolder)]
    found = []
    for q in holders:
        key = q.options[q.answer].claim
        for other in holders:
            assert isinstance(q.ask, FigureHolder) and isinstance(other.ask, FigureHolder)
            if other is q or q.ask.measure.casefold() != other.ask.measure.casefold():
                continue
            wrong = [o.claim for i, o in enumerate(other.options) if i != other.answer]
            if isinstance(key, EntityRef) and key in wrong:
                found.append((q.prompt, other.prompt))
    return found


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_whose_item_offers_the_key_of_another_of_its_measure(sweep: Sweep) -> None:
    """On a sheet, no "whose …?" item offers as a wrong option the answer of another "whose
    …?" item of the same measure ("whose age was 84?" beside "whose age was 89?")."""
    for label, _, quiz in sweep():
        assert not _holders_crossed(quiz.questions), label


# six people of one village, each with an age the registry gives: "whose age was …?" six times
VILLAGE = make_base(
    org("registry", "the town registry"), *people("ada", "bo", "cy", "di", "ed", "flo"),
    *(figure(f"age-{who}", "age", age, "years", "registry", subject=who)
      for who, age in (("ada", "61"), ("bo", "67"), ("cy", "72"), ("di", "78"), ("ed", "84"),
                       ("flo", "89"))),
    base_id="village")


def test_whose_items_of_one_measure_never_eliminate_each_other() -> None:
    """A made-up base whose "whose age was …?" items offer each other's keys (each age one
    person's) makes sheets, seeds 1-20, where no such item offers another's key, yet the sheets
    keep some "whose …?" items."""
    made = GENERATORS["figure-choice"](VILLAGE, seed=1, options=GenOptions()).questions
    assert _holders_crossed(made)  # the base holds the pairs the rule must keep apart
    kept = 0
    for seed in range(1, 21):
        quiz = build_quiz(VILLAGE, seed=seed, count=CLASS_LENGTH)
        assert not _holders_crossed(quiz.questions), seed
        kept += sum(isinstance(q, MultipleChoice) and isinstance(q.ask, FigureHolder)
                    for q in quiz.questions)
    assert kept >= 20


def _read(amount: Amount) -> tuple[str, Decimal, Decimal | None]:
    """An amount as a student compares it: '60 out of 100' and '60%' are one share."""
    whole = _whole(amount.unit)
    if whole is None:
        return amount.unit, amount.value, amount.to
    to = None if amount.to is None else amount.to * 100 / whole
    return "share", amount.value * 100 / whole, to


def test_sweeps_see_sheets() -> None:
    """The sheet sweep above reads real sheets with figure items (not an empty loop)."""
    found = sum(1 for _, _, quiz in sheets(BASES[:3], range(1, 3))
                for q in quiz.questions if _key(q) is not None)
    assert found > 5


SHARE_NAMES = {Decimal(50): ("half",), Decimal(25): ("a quarter", "one quarter"),
               Decimal(75): ("three quarters",), Decimal("33.3"): ("a third", "one third"),
               Decimal("66.7"): ("two thirds",)}  # fmt: skip


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_item_states_a_figure_items_share_in_words(sweep: Sweep) -> None:
    """'In what period did coal meet nearly half of the rise?' never stands beside 'What share
    of the rise did coal meet?' keyed 'nearly 50%': the words give the share away."""
    for label, _, quiz in sweep():
        for q in quiz.questions:
            key = _key(q)
            if key is None or key.to is not None:
                continue
            kind, value, _ = _read(key)
            names = [n for share, found in SHARE_NAMES.items() if abs(value - share) <= 1
                     for n in found] if kind == "share" else []  # fmt: skip
            for other in quiz.questions:
                if other is q:
                    continue
                texts = [other.prompt, *(o.text for o in getattr(other, "options", ()))]
                said = " " + " ".join(re.findall(r"[\w%]+", " ".join(texts).casefold())) + " "
                assert not any(f" {n} " in said for n in names), (label, q.prompt, other.prompt)


def test_crossings_read_as_figures_cross() -> None:
    """Crossings (items read once, for versions) says what figures_cross says, both ways, for
    every item against the rest of its sheet, on every base (seed 1) and the figure items made
    for it (the sweep's seeds)."""
    from quizgen.quiz.figure_sheet import Crossings, figures_cross

    hits = 0
    for label, _, quiz in sheets(BASES, range(1, 2)):
        items = list(quiz.questions)
        made = [q for _, q in _made(BASES[[p.stem for p in BASES].index(label.split()[0])])]
        crossings = Crossings(items, profiles={})
        for item in [*items, *made]:
            want = any(figures_cross(o, item) or figures_cross(item, o) for o in items)
            assert crossings.any(item) == want, (label, item.prompt)
            hits += want
    assert hits > 50, hits  # the sheets' own items cross themselves, at the least


def _whole_told(excerpt: str, key: Decimal) -> Decimal | None:
    """The N of 'K of the N' or 'K out of N' in an excerpt, K the key, as a reader sees it."""
    found = re.search(rf"\b{int(key)} (?:out )?of (?:the |its |all )?(\d+)\b", excerpt)
    return Decimal(found.group(1)) if found else None


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_part_is_never_offered_its_whole_or_more(path: Path) -> None:
    """'How many of the Lagting's seats does the coalition hold?' (48 of the 87) offers no 87
    seats or more: no part is the whole."""
    for _, q, amounts in _value_items(path):
        key = amounts[q.answer]
        whole = None if key.decimals else _whole_told(" ".join(q.explanation), key.value)
        if whole is not None and whole > key.value:
            assert all(a.value < whole for a in amounts), (q.prompt, [o.text for o in q.options])


def test_the_part_sweep_meets_an_item() -> None:
    """Some base has a part told with its whole, so the sweep above cannot pass empty."""
    assert any(_whole_told(" ".join(q.explanation), amounts[q.answer].value)
               for path in BASES for _, q, amounts in _value_items(path)
               if not amounts[q.answer].decimals)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_vague_keys_decimals_do_not_set_it_apart(path: Path) -> None:
    """Beside 'about 6.3 million', the other options are not all whole numbers shown with '.0'
    ('13.0', '17.0', '23.0'): the key would be the one number that looks measured."""
    for _, q, amounts in _value_items(path):
        key = amounts[q.answer]
        if key.qualifier not in ("about", "nearly") or not key.decimals or key.to is not None:
            continue
        if key.value == key.value.to_integral_value():
            continue
        others = [a for i, a in enumerate(amounts) if i != q.answer]
        assert not all(a.value == a.value.to_integral_value() for a in others), (
            q.prompt, [o.text for o in q.options])
