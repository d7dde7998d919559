"""Poor items of the review's dev2 set (issue 18): one large number the answer of two figure items
of different measures (one quantity asked twice), a group named only as the rest of others
offered as a speaker, a group that never speaks offered as one, and the recommended daily
portions of fruit and vegetables asked as news; each rule written here again from what a student
reads."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from factbases import event, figure, make_base, org, person, quote, reasons, run
from test_sheets import SWEEPS, Sweep

from quizgen.quiz.figure_sheet import Crossings, figures_cross
from quizgen.quiz.questions import (
    Amount,
    ClaimantOf,
    EntityRef,
    FigureValue,
    Matching,
    MultipleChoice,
    Option,
    Question,
    SpeakerOf,
)

Number = tuple[Decimal, Decimal | None]


def _numbers(item: Question) -> tuple[Number | None, set[Number]]:
    """A figure item's key number and its options' numbers (value and upper end), as printed."""
    if not isinstance(item, MultipleChoice):
        return None, set()
    shown = {(o.claim.value, o.claim.to) for o in item.options if isinstance(o.claim, Amount)}
    key = item.options[item.answer].claim
    return ((key.value, key.to) if isinstance(key, Amount) and shown else None), shown


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_two_figure_items_have_one_large_number_for_an_answer(sweep: Sweep) -> None:
    """No sheet has two figure items whose keys are one number of 100 or more ("140,000
    ticket-holders", "the litter of 140,000 people"), whatever other numbers both option lists
    print: one quantity asked twice, and a student picks the number in both lists twice."""
    for label, _, quiz in sweep():
        keys = [(item, key) for item in quiz.questions
                if (key := _numbers(item)[0]) is not None]
        for i, (a, key_a) in enumerate(keys):
            for b, key_b in keys[i + 1:]:
                if a.factbase == b.factbase:
                    assert key_a != key_b or key_a[0] < 100, (label, a.prompt, b.prompt)


def _remainder_shown(item: Question, names: dict[str, str]) -> list[str]:
    options = item.right if isinstance(item, Matching) else (
        item.options if isinstance(item, MultipleChoice) else ())
    return [names[o.claim.entity] for o in options if isinstance(o.claim, EntityRef)
            and o.claim.entity in names]


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_offers_a_group_named_as_the_rest_of_others(sweep: Sweep) -> None:
    """No item offers or keys an entity named only as the rest of some others ("other
    supporters", "others"): no student can tell such a group from the ones it is the rest of."""
    for label, base, quiz in sweep():
        names = {e.id: e.name for e in base.entities
                 if e.name.casefold().split()[:1] in (["other"], ["others"])}
        for item in quiz.questions:
            assert not _remainder_shown(item, names), (label, item.prompt)


def test_other_supporters_speak_in_no_item_but_other_groups_do() -> None:
    """"other supporters" is neither asked about nor offered; a group named for itself
    ("Otherside Collective", "the supporters") is both."""
    group = "group"
    base = make_base(
        person("murray", "Sandra Murray"), person("luntz", "Frank Luntz"),
        person("deace", "Steve Deace"),
        replace(org("others", "other supporters"), kind=group),
        replace(org("fans", "the supporters"), kind=group),
        replace(org("otherside", "Otherside Collective"), kind=group),
        replace(org("hosts", "the rally organisers"), kind=group),
        quote("q-others", "He is not afraid of anybody or anything at all.", "others"),
        quote("q-fans", "He has followed his instinct to every rally this autumn.", "fans"),
        quote("q-side", "The collective never backs a candidate in a primary.", "otherside"),
        quote("q-hosts", "The hall was full an hour before he arrived tonight.", "hosts"),
        quote("q-murray", "This country is a huge mess and he could fix it.", "murray"),
        quote("q-luntz", "He says what they are thinking, and they like it.", "luntz"),
        quote("q-deace", "The polls will turn once the voting finally starts.", "deace"),
    )  # fmt: skip
    for kind in ("who-said-it", "quote-match"):
        result = run(kind, base)
        shown = [o.text for q in result.questions
                 for o in (q.right if isinstance(q, Matching) else q.options)]  # type: ignore[union-attr]
        assert "other supporters" not in shown, kind
        assert "the supporters" in shown and "Otherside Collective" in shown, kind
        if kind == "who-said-it":
            assert "rest of others" in reasons(result)
            assert not [q for q in result.questions if "afraid of anybody" in q.prompt]


def test_the_recommended_daily_portions_are_skipped_but_other_portions_are_asked() -> None:
    """"the recommended 'five a day'" is known without the article; the portions a diet adds or
    a survey finds people eat are asked."""
    base = make_base(
        org("paper", "the paper"),
        figure("five", "recommended daily portions of fruit and vegetables", "5", "portions",
               "paper"),
        figure("eaten", "daily portions of fruit and vegetables adults eat", "3", "portions",
               "paper"),
        figure("extra", "extra daily portions of vegetables in the trial diet", "5", "portions",
               "paper"),
    )  # fmt: skip
    result = run("figure-choice", base)
    asked = {str(getattr(q.ask, "measure", "")) for q in result.questions}
    assert "recommended daily portions of fruit and vegetables" not in asked
    assert {"daily portions of fruit and vegetables adults eat",
            "extra daily portions of vegetables in the trial diet"} <= asked


def _figure_item(item_id: str, unit: str, values: tuple[int, ...], key: int) -> MultipleChoice:
    options = tuple(Option(f"{v:,} {unit}", Amount(Decimal(v), unit)) for v in values)
    return MultipleChoice(item_id, "figure-choice", "test", f"What was the number of {unit}?",
                          FigureValue(f"number of {unit}", None, None), options,
                          values.index(key), ())


def test_one_large_number_for_two_answers_is_refused_but_a_small_one_is_kept() -> None:
    """140,000 ticket-holders beside the litter of 140,000 people is refused either way round,
    whether 140,000 is the one number both lists print or others are shared too; for a small
    count (5 months off work beside 5 days in hospital) both items stand."""
    tickets = _figure_item("t", "ticket-holders", (140_000, 190_000, 240_000, 290_000), 140_000)
    litter = _figure_item("l", "people", (110_000, 120_000, 130_000, 140_000), 140_000)
    crowd = _figure_item("c", "people", (120_000, 140_000, 190_000, 200_000), 140_000)
    months = _figure_item("m", "months", (5, 6, 7, 8), 5)
    days = _figure_item("d", "days", (2, 3, 4, 5), 5)
    assert figures_cross(tickets, litter) and figures_cross(litter, tickets)
    assert Crossings([tickets]).any(litter) and Crossings([litter]).any(tickets)
    assert figures_cross(tickets, crowd) and figures_cross(crowd, tickets)
    assert Crossings([tickets]).any(crowd) and Crossings([crowd]).any(tickets)
    assert figures_cross(months, days) is None and not Crossings([months]).any(days)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_speaker_item_offers_a_group_that_never_speaks(sweep: Sweep) -> None:
    """A who-said-it or who-claimed-it item offers a group only when the article quotes it or
    gives it a claim: "Venezuelans" who downloaded an app said nothing an analyst said."""
    for label, base, quiz in sweep():
        voices = {s for q in base.quotes for s in q.speakers}
        voices |= {c for claim in base.claims for c in claim.claimants}
        groups = {e.id for e in base.entities if e.kind == "group"}
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf | ClaimantOf):
                shown = {o.claim.entity for o in item.options if isinstance(o.claim, EntityRef)}
                assert not (shown & groups) - voices, (label, item.prompt)


def test_a_group_that_only_acts_is_not_offered_for_a_group_s_words() -> None:
    """The analysts' finding offers the fans, who are quoted, and not the shoppers, who only
    queued: with too few groups that speak the item is left out, not filled with a crowd."""
    group = "group"
    analysts = replace(org("analysts", "the analysts"), kind=group)
    fans = replace(org("fans", "the fans"), kind=group)
    shoppers = replace(org("shoppers", "shoppers"), kind=group)
    crowd = replace(org("crowd", "the crowd"), kind=group)
    said = quote("q-peak", "user levels may have declined from their peak", "analysts")
    said_too = quote("q-fans", "We will be back next season whatever happens.", "fans")
    queued = event("queue", "2024-01-02", description="shoppers queued outside the store",
                   people=("shoppers",))
    cheered = event("cheer", "2024-01-03", description="the crowd cheered the team",
                    people=("crowd",))
    base = make_base(analysts, fans, shoppers, crowd, said, said_too, queued, cheered)
    result = run("who-said-it", base)
    assert not [q for q in result.questions if "declined" in q.prompt], reasons(result)
    speaking = replace(org("critics", "the critics"), kind=group)
    critics = quote("q-critics", "The whole campaign was a costly mistake.", "critics")
    result = run("who-said-it", make_base(analysts, fans, speaking, shoppers, crowd, said,
                                         said_too, critics, queued, cheered))
    asked = [q for q in result.questions if "declined" in q.prompt]
    assert asked and isinstance(asked[0], MultipleChoice)
    assert {o.text for o in asked[0].options} == {"the analysts", "the fans", "the critics"}
