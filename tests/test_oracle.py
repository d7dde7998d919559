"""The oracle rejects hand-made bad questions and accepts hand-made good ones."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from quizgen.factbase.model import Entity, Event, FactBase, Figure, PartialDate, Quote, Source
from quizgen.factbase.numbers import format_amount
from quizgen.oracle import Timeline, check_question, correct_options, speakers_of
from quizgen.quiz.questions import (
    Amount,
    Chronology,
    EntityRef,
    EventRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    Matching,
    MatchSpeakers,
    MultipleChoice,
    Option,
    Ordering,
    QuoteRef,
    SpeakerOf,
)

PEOPLE = {
    "maduro": "Nicolás Maduro",
    "gonzalez": "Edmundo González Urrutia",
    "machado": "María Corina Machado",
    "almagro": "Luis Almagro",
    "saab": "Tarek William Saab",
    "cne": "National Electoral Council",
    "foro": "Foro Penal",
    "marquez": "Enrique Márquez",
}
QUOTES = {  # id: (text, speakers)
    "bloodbath": ("The president promised a bloodbath.", ("almagro",)),
    "tally": ("We have the tally sheets.", ("gonzalez", "machado")),
    "tally-again": ("We have  the tally sheets.", ("foro",)),  # same words, other spacing
    "stolen": ("They stole the election.", ("machado", "gonzalez")),
    "law": ("They will face the full weight of the law.", ("saab",)),
    "peace": ("Venezuela deserves peace.", ("maduro",)),
    "count": ("The count was complete.", ("cne",)),
}


def _figure(fid: str, measure: str, subject: str | None, value: str, unit: str, *by: str,
            qualifier: str = "exact") -> Figure:  # fmt: skip
    return Figure(
        id=fid, measure=measure, subject=subject, value=Decimal(value), unit=unit,
        given_by=by, qualifier=qualifier, excerpt=f"{measure} {value}",  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    )  # fmt: skip


FIGURES = (
    _figure("cne-maduro", "share of the vote", "maduro", "51.2", "percent", "cne"),
    _figure("cne-gonzalez", "share of the vote", "gonzalez", "44.2", "percent", "cne"),
    _figure("cne-marquez", "share of the vote", "marquez", "44.2", "percent", "cne"),
    _figure("opp-gonzalez", "share of the vote", "gonzalez", "67", "percent", "machado"),
    _figure("opp-maduro", "share of the vote", "maduro", "30", "percent", "machado"),
    _figure("arrests-foro", "arrests", None, "1200", "arrests", "foro", qualifier="more than"),
    _figure("arrests-saab", "arrests", None, "2229", "arrests", "saab"),
    _figure("turnout", "turnout", None, "59.975", "percent", "cne"),
    _figure("oil-now", "oil production", None, "1", "million barrels", "cne",
            qualifier="fewer than"),
    _figure("held-foro", "people held", "foro", "500", "people", "cne", qualifier="more than"),
    _figure("held-saab", "people held", "saab", "300", "people", "cne"),
    _figure("held-marquez", "people held", "marquez", "700", "people", "cne", qualifier="about"),
)


def _event(eid: str, date: PartialDate | None = None, *, after: tuple[str, ...] = ()) -> Event:
    return Event(id=eid, description=f"the {eid} happened", date=date, after=after, excerpt=eid)


EVENTS = (
    _event("last-election", PartialDate(2018)),
    _event("election", PartialDate(2024, 7, 28)),
    _event("results", PartialDate(2024, 7, 29)),
    _event("protest", PartialDate(2024, 7, 29)),  # the same day as the results
    _event("lima", after=("results",)),  # no date: only relative order
    _event("cut-ties", PartialDate(2024, 7), after=("lima",)),  # July overlaps the election
    _event("warrant", PartialDate(2024, 9, 2)),
    _event("exile", PartialDate(2024, 9)),  # September: unknown against Sept 2
    _event("undated"),
)
BASE = FactBase(
    id="hand-made",
    source=Source(title="Hand-made", about="A fact base written for the oracle tests"),
    entities=tuple(Entity(id=k, name=v, role="r", excerpt=v) for k, v in PEOPLE.items()),
    quotes=tuple(Quote(id=k, text=t, speakers=s, excerpt=t) for k, (t, s) in QUOTES.items()),
    figures=FIGURES,
    events=EVENTS,
)


def who(*ids: str) -> tuple[Option, ...]:
    """Entity options shown by name."""
    return tuple(Option(PEOPLE[i], EntityRef(i)) for i in ids)


def pct(value: str, decimals: int = 1, unit: str = "percent", qualifier: str = "exact") -> Option:
    """A numeric option."""
    amount = Amount(Decimal(value), unit, decimals, qualifier)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    return Option(format_amount(amount), amount)


def mc(ask: SpeakerOf | FigureValue | FigureGiven | FigureHolder, options: tuple[Option, ...],
       answer: int) -> MultipleChoice:  # fmt: skip
    """A multiple choice on the hand-made base (a who-said-it shows its quote and excerpt)."""
    if isinstance(ask, SpeakerOf) and ask.quote in QUOTES:
        text = QUOTES[ask.quote][0]
        return MultipleChoice("q", "test", BASE.id, f"Who said: “{text}”?", ask, options, answer,
                              (f"said “{text}”",))  # fmt: skip
    return MultipleChoice("q", "test", BASE.id, "?", ask, options, answer, ("excerpt",))


def match(quotes: tuple[str, ...], speakers: tuple[str, ...], answer: tuple[int, ...]) -> Matching:
    """A matching; answer[i] is the right index for left item i."""
    left = tuple(Option(QUOTES[q][0], QuoteRef(q)) for q in quotes)
    pairs = tuple(enumerate(answer))
    return Matching("m", "test", BASE.id, "?", MatchSpeakers(), left, who(*speakers), pairs, ())


def order(events: tuple[str, ...], answer: tuple[int, ...]) -> Ordering:
    """An ordering of these events as shown."""
    items = tuple(Option(f"the {e} happened", EventRef(e)) for e in events)
    return Ordering("o", "test", BASE.id, "?", Chronology(), items, answer, ())


def rejected(question: MultipleChoice | Matching | Ordering, reason: str) -> None:
    """Assert the oracle rejects the question, naming `reason`."""
    verdict = check_question(question, BASE)
    assert not verdict.ok
    assert any(reason in p for p in verdict.problems), verdict.problems


def accepted(question: MultipleChoice | Matching | Ordering) -> None:
    """Assert the oracle accepts the question."""
    verdict = check_question(question, BASE)
    assert verdict.ok, verdict.problems
    assert verdict.problems == ()


# ---- who said it --------------------------------------------------------------------------------


def test_speaker_good_question_accepted() -> None:
    """A quote with one speaker, offered among non-speakers, is accepted with that answer."""
    question = mc(SpeakerOf("bloodbath"), who("maduro", "almagro", "saab"), 1)
    accepted(question)
    assert correct_options(question, BASE) == (1,)


def test_speaker_one_of_two_speakers_offered_accepted() -> None:
    """Offering just one of a shared quote's speakers is fine."""
    accepted(mc(SpeakerOf("tally"), who("saab", "maduro", "machado"), 2))


def test_speaker_both_co_speakers_offered_rejected() -> None:
    """Offering both speakers of a shared quote makes two options true."""
    question = mc(SpeakerOf("tally"), who("gonzalez", "machado", "saab"), 0)
    rejected(question, "are all true")
    assert correct_options(question, BASE) == (0, 1)


def test_speaker_same_text_in_another_fact_counts() -> None:
    """A quote fact with the same words (whitespace aside) lends its speaker to the question."""
    assert speakers_of(BASE, "tally") == {"gonzalez", "machado", "foro"}
    rejected(mc(SpeakerOf("tally"), who("gonzalez", "foro", "saab"), 0), "are all true")


def test_speaker_no_true_option_rejected() -> None:
    """A question whose options are all non-speakers has no correct option."""
    rejected(mc(SpeakerOf("bloodbath"), who("maduro", "saab", "cne"), 0), "no option is true")


def test_speaker_wrong_answer_index_rejected() -> None:
    """The key must point at the true option."""
    rejected(mc(SpeakerOf("bloodbath"), who("maduro", "almagro", "saab"), 2), "answer says 2")


def test_answer_out_of_range_rejected() -> None:
    """An answer index past the last option is malformed."""
    rejected(mc(SpeakerOf("bloodbath"), who("maduro", "almagro", "saab"), 3), "out of range")


def test_two_option_multiple_choice_rejected() -> None:
    """Two options are too few even when exactly one is true."""
    rejected(mc(SpeakerOf("bloodbath"), who("maduro", "almagro"), 1), "at least 3")


def test_option_text_must_name_its_entity() -> None:
    """An option whose text names someone other than its claim is caught."""
    options = (*who("maduro", "saab"), Option("Nicolás Maduro (again)", EntityRef("almagro")))
    rejected(mc(SpeakerOf("bloodbath"), options, 2), "is not a name of 'almagro'")


def test_dangling_references_rejected() -> None:
    """An unknown quote or entity id is reported."""
    rejected(mc(SpeakerOf("nope"), who("maduro", "almagro", "saab"), 1), "no quote 'nope'")
    options = (*who("maduro", "almagro"), Option("Nobody", EntityRef("nobody")))
    rejected(mc(SpeakerOf("bloodbath"), options, 1), "no entity 'nobody'")


def test_wrong_claim_type_rejected() -> None:
    """A numeric option in a who-said-it question is malformed."""
    rejected(mc(SpeakerOf("bloodbath"), (*who("maduro", "almagro"), pct("3")), 1), "expected")


def test_question_from_another_base_rejected() -> None:
    """A question drawn from another fact base cannot be judged against this one."""
    question = mc(SpeakerOf("bloodbath"), who("maduro", "almagro", "saab"), 1)
    rejected(replace(question, factbase="x"), "drawn from 'x'")


# ---- figures ------------------------------------------------------------------------------------

CNE_SHARE = FigureValue("share of the vote", "gonzalez", ("cne",))


def test_figure_value_source_named_accepted() -> None:
    """Naming the source picks out one of two disagreeing figures."""
    accepted(mc(CNE_SHARE, (pct("30.0"), pct("44.2"), pct("51.2"), pct("58.3")), 1))
    machado = replace(CNE_SHARE, given_by=("machado",))
    accepted(mc(machado, (pct("44"), pct("51"), pct("67")), 2))


def test_figure_value_disagreeing_sources_unnamed_rejected() -> None:
    """With no source named, both sources' values are true."""
    unnamed = replace(CNE_SHARE, given_by=None)
    rejected(mc(unnamed, (pct("44.2"), pct("50.0"), pct("67.0")), 0), "are all true")


def test_figure_value_same_value_twice_rejected() -> None:
    """Showing the same value twice gives two true, indistinct options."""
    options = (pct("40.0"), pct("44.2"), Option("44.2%", pct("44.2").claim), pct("50.0"))
    verdict = check_question(mc(CNE_SHARE, options, 1), BASE)
    assert not verdict.ok
    assert verdict.correct == (1, 2)
    assert any("same claim" in p for p in verdict.problems)


def test_figure_value_not_ascending_rejected() -> None:
    """Numeric options must be listed in ascending order."""
    rejected(mc(CNE_SHARE, (pct("44.2"), pct("30.0"), pct("58.3")), 0),
             "not strictly ascending (nor descending)")


def test_figure_value_precision_rounding() -> None:
    """59.975 shows as 60.0 at one decimal; at two decimals 59.97 and 59.98 both stand for it."""
    ask = FigureValue("turnout", None, ("cne",))
    accepted(mc(ask, (pct("55.0"), pct("60.0"), pct("65.0")), 1))
    rejected(mc(ask, (pct("59.90", 2), pct("59.97", 2), pct("59.98", 2)), 1), "are all true")
    rejected(mc(ask, (pct("59.9"), pct("65.0"), pct("70.0")), 0), "no option is true")


def test_figure_value_mixed_units_rejected() -> None:
    """Options must share the answer's unit."""
    options = (pct("30.0"), pct("44.2"), pct("50.0", unit="people"))
    rejected(mc(CNE_SHARE, options, 1), "mix units")


def test_amount_with_more_digits_than_decimals_rejected() -> None:
    """An amount whose value does not fit its displayed decimals is malformed."""
    rejected(mc(CNE_SHARE, (pct("30.0"), pct("44.23"), pct("50.0")), 1), "does not fit")


def test_figure_holder_good_question_accepted() -> None:
    """Exactly one person held 51.2% per the CNE; the others' CNE shares are other values."""
    ask = FigureHolder("share of the vote", pct("51.2").claim, ("cne",))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    accepted(mc(ask, who("gonzalez", "maduro", "marquez"), 1))


def test_figure_holder_without_a_figure_is_open() -> None:
    """Someone the CNE gives no share to may have had 51.2%, as far as the facts go: rejected."""
    ask = FigureHolder("share of the vote", pct("51.2").claim, ("cne",))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    rejected(mc(ask, who("gonzalez", "maduro", "machado"), 1), "neither certainly true")


def test_figure_holder_equal_figures_rejected() -> None:
    """Two people with the same figure in different facts make two options true."""
    ask = FigureHolder("share of the vote", pct("44.2").claim, ("cne",))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    rejected(mc(ask, who("gonzalez", "marquez", "maduro"), 0), "are all true")


def test_figure_holder_unnamed_source_counts_all_sources() -> None:
    """With no source named, Machado's figure for González counts too."""
    ask = FigureHolder("share of the vote", pct("67").claim, None)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    accepted(mc(ask, who("maduro", "gonzalez", "marquez"), 1))
    cne_only = replace(ask, given_by=("cne",))
    rejected(mc(cne_only, who("maduro", "gonzalez", "marquez"), 1), "no option is true")


# ---- matching -----------------------------------------------------------------------------------


def test_matching_good_accepted() -> None:
    """Three quotes with one speaker each, shuffled on the right, match one way."""
    question = match(("bloodbath", "law", "peace"), ("saab", "maduro", "almagro"), (2, 0, 1))
    accepted(question)
    assert correct_options(question, BASE) == (((0, 2), (1, 0), (2, 1)),)


def test_matching_shared_quote_with_one_consistent_bijection_accepted() -> None:
    """A shared quote is fine when the other items force a single pairing."""
    accepted(match(("tally", "bloodbath", "law"), ("saab", "almagro", "machado"), (2, 1, 0)))


def test_matching_two_consistent_bijections_rejected() -> None:
    """Two quotes both said by González and Machado, with both offered, match two ways."""
    question = match(("tally", "stolen", "law"), ("gonzalez", "machado", "saab"), (0, 1, 2))
    rejected(question, "2 pairings are consistent")
    assert len(correct_options(question, BASE)) == 2


def test_matching_wrong_answer_rejected() -> None:
    """The key must be the consistent pairing."""
    rejected(match(("bloodbath", "law", "peace"), ("almagro", "saab", "maduro"), (1, 0, 2)),
             "answer says")  # fmt: skip


def test_matching_malformed_answer_rejected() -> None:
    """An answer mapping two quotes to one speaker is not a bijection."""
    rejected(match(("bloodbath", "law", "peace"), ("almagro", "saab", "maduro"), (0, 0, 2)),
             "not one right item per left item")  # fmt: skip


def test_matching_size_bounds() -> None:
    """Fewer than 3 or more than 5 pairs is refused."""
    rejected(match(("bloodbath", "law"), ("almagro", "saab"), (0, 1)), "2 quotes")
    six = ("bloodbath", "law", "peace", "count", "tally", "stolen")
    rejected(match(six, ("almagro", "saab", "maduro", "cne", "gonzalez", "machado"),
                   (0, 1, 2, 3, 4, 5)), "6 quotes")  # fmt: skip


def test_matching_same_quote_text_twice_rejected() -> None:
    """Two left items with the same words are indistinct."""
    rejected(match(("tally", "tally-again", "law"), ("machado", "foro", "saab"), (0, 1, 2)),
             "same text")  # fmt: skip


# ---- ordering -----------------------------------------------------------------------------------


def test_ordering_good_accepted() -> None:
    """Dates at year and day precision order these events one way."""
    question = order(("results", "last-election", "warrant"), (1, 0, 2))
    accepted(question)
    assert correct_options(question, BASE) == ((1, 0, 2),)


def test_ordering_chain_through_unchosen_event_accepted() -> None:
    """cut-ties (July) follows the results through lima, which is not shown."""
    accepted(order(("cut-ties", "election", "results"), (1, 2, 0)))


def test_ordering_month_overlapping_day_unknown_without_chain() -> None:
    """Without the lima relation, 'July' and 28 July are not ordered."""
    question = order(("cut-ties", "election", "last-election"), (2, 1, 0))
    accepted(question)
    events = tuple(replace(e, after=()) if e.id == "cut-ties" else e for e in BASE.events)
    verdict = check_question(question, replace(BASE, events=events))
    assert not verdict.ok
    assert any("do not order 'cut-ties' and 'election'" in p for p in verdict.problems)


def test_ordering_tie_rejected() -> None:
    """Two events on the same day cannot be ordered."""
    question = order(("results", "protest", "last-election"), (2, 0, 1))
    rejected(question, "do not order 'results' and 'protest'")
    assert len(correct_options(question, BASE)) == 2


def test_ordering_unknown_pair_rejected() -> None:
    """An undated event with no relations is unordered against the rest."""
    rejected(order(("undated", "last-election", "election"), (1, 2, 0)), "'undated'")


def test_ordering_day_within_month_rejected() -> None:
    """2 September and 'September' may be either way round."""
    rejected(order(("warrant", "exile", "election"), (2, 0, 1)), "do not order")


def test_ordering_wrong_answer_rejected() -> None:
    """The key must be the one chronological order."""
    rejected(order(("results", "last-election", "warrant"), (0, 1, 2)), "answer says")


def test_ordering_malformed_answer_rejected() -> None:
    """An answer that is not a permutation of the items is malformed."""
    rejected(order(("results", "last-election", "warrant"), (1, 1, 2)), "not an order")


def test_ordering_duplicate_items_rejected() -> None:
    """The same event twice is indistinct (and tied with itself)."""
    rejected(order(("results", "results", "warrant"), (0, 1, 2)), "same claim")


def test_ordering_contradiction_rejected() -> None:
    """A relation that contradicts the dates is reported, not resolved either way."""
    events = tuple(
        replace(e, after=("warrant",)) if e.id == "last-election" else e for e in BASE.events
    )
    question = order(("results", "last-election", "warrant"), (1, 0, 2))
    verdict = check_question(question, replace(BASE, events=events))
    assert not verdict.ok
    assert any("both before and after" in p for p in verdict.problems)
    assert verdict.correct == ()


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("last-election", "undated", False),
        ("election", "results", True),
        ("results", "election", False),
        ("results", "cut-ties", True),  # through lima
        ("election", "cut-ties", True),  # election < results < lima < cut-ties
        ("results", "protest", False),
        ("warrant", "exile", False),
        ("cut-ties", "warrant", True),  # July before 2 September
    ],
)
def test_timeline_certainly_before(first: str, second: str, expected: bool) -> None:
    """The timeline closes dates at their precision and relations transitively."""
    assert (second in Timeline(BASE.events).later_than(first)) is expected


def test_unknown_person_in_people_rejected() -> None:
    """The people a question says it touches must exist."""
    question = mc(SpeakerOf("bloodbath"), who("maduro", "almagro", "saab"), 1)
    accepted(replace(question, people=("almagro",)))
    rejected(replace(question, people=("ghost",)), "no entity 'ghost'")
