"""Tests of the semantic checks: ids, references, key phrases, units, percentages, event order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.loader import load_text
from quizgen.factbase.model import Entity, Event, FactBase, Figure, PartialDate, Quote, Source, Span
from quizgen.factbase.validate import validate_factbase

SOURCE = Source(title="An article", about="Something that happened")


def person(pid: str, **extra: object) -> Entity:
    """A minimal valid entity."""
    return Entity(id=pid, name=pid.title(), role="someone", excerpt="x", **extra)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def quote(qid: str, speakers: tuple[str, ...], **extra: object) -> Quote:
    """A minimal valid quote."""
    return Quote(id=qid, text="We will win the vote.", speakers=speakers, excerpt="x",
                 **extra)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def figure(fid: str, value: str, unit: str = "percent", **extra: object) -> Figure:
    """A minimal valid figure given by `a`."""
    fields: dict[str, object] = {"given_by": ("a",), "measure": "share", **extra}
    return Figure(id=fid, value=Decimal(value), unit=unit, excerpt="x",
                  **fields)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def event(eid: str, date: PartialDate | None = None, **extra: object) -> Event:
    """A minimal valid event."""
    return Event(id=eid, description=eid, date=date, excerpt="x", **extra)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def base(*facts: Entity | Quote | Figure | Event) -> FactBase:
    """A fact base holding these facts, sorted into their sections."""
    return FactBase(
        id="t", source=SOURCE, path="t.yaml",
        entities=tuple(f for f in facts if isinstance(f, Entity)),
        quotes=tuple(f for f in facts if isinstance(f, Quote)),
        figures=tuple(f for f in facts if isinstance(f, Figure)),
        events=tuple(f for f in facts if isinstance(f, Event)),
    )


def messages(problems: list[Problem]) -> list[tuple[str | None, str]]:
    """(field, message) of each problem."""
    return [(p.field, p.message) for p in problems]


def test_a_consistent_base_has_no_problems() -> None:
    """A base with resolving references, a sane group and ordered events passes."""
    good = base(person("a"), person("b"), quote("q", ("a", "b"), key_phrase="win"),
                figure("f1", "51.2", group="g", subject="b"), figure("f2", "44.2", group="g"),
                event("e1", PartialDate(2024, 7), before=("e2",)), event("e2", after=("e1",)))
    assert validate_factbase(good) == []


def test_dangling_reference_names_the_bad_id_and_the_known_ids() -> None:
    """An unknown speaker is reported with the list of people ids to choose from."""
    problems = validate_factbase(base(person("a"), person("b"), quote("q", ("a", "c"))))
    assert messages(problems) == [("quotes[0].speakers[1]", "reference to an unknown id")]
    assert problems[0].found == "'c'"
    assert problems[0].expected == "one of the people ids: a, b"


def test_references_of_every_kind_are_checked() -> None:
    """given_by, subject, event people, after and before must all resolve."""
    problems = validate_factbase(base(
        person("a"), figure("f", "1", given_by=("zz",), subject="yy"),
        event("e", people=("xx",), after=("ww",), before=("vv",)),
    ))
    assert messages(problems) == [
        ("figures[0].subject", "reference to an unknown id"),
        ("figures[0].given_by[0]", "reference to an unknown id"),
        ("events[0].after[0]", "reference to an unknown id"),
        ("events[0].before[0]", "reference to an unknown id"),
        ("events[0].people[0]", "reference to an unknown id"),
    ]
    assert problems[2].expected == "one of the event ids: e"


def test_reference_to_a_fact_of_the_wrong_kind_says_what_it_is() -> None:
    """A speaker id naming a quote is refused, saying it is a quote."""
    problems = validate_factbase(base(person("a"), quote("q", ("a",)), quote("r", ("q",))))
    assert problems[0].found == "'q', which is a quote"
    events = validate_factbase(base(person("a"), event("e", after=("a",))))
    assert events[0].found == "'a', which is a person or organisation"


def test_many_known_ids_are_summarised_with_close_matches() -> None:
    """With hundreds of people the message offers close matches and the count, not all ids."""
    people = [person(f"person-{n}") for n in range(300)]
    problems = validate_factbase(base(*people, quote("q", ("person-12x",))))
    expected = problems[0].expected or ""
    assert expected.startswith("one of the 300 people ids, such as: person-12")
    assert len(expected) < 200


def test_no_people_at_all_is_said_plainly() -> None:
    """A reference when no people are defined says the file defines none."""
    problems = validate_factbase(base(quote("q", ("a",))))
    assert problems[0].expected == "a people id, but the file defines none"


def test_duplicate_ids_across_sections() -> None:
    """An id used by a person and an event is reported once, at the second use."""
    problems = validate_factbase(base(person("a"), person("b"), event("a")))
    assert messages(problems) == [("events[0].id", "duplicate id")]
    assert problems[0].expected is not None and "people[0]" in problems[0].expected


def test_speakers_and_given_by_must_not_be_empty() -> None:
    """A quote asked about without speakers and a figure without a source are refused."""
    problems = validate_factbase(base(person("a"), quote("q", ()), figure("f", "1", given_by=())))
    assert messages(problems) == [
        ("figures[0].given_by", "needs at least one id"),
        ("quotes[0].speakers", "gives nobody as the speaker of words that would be asked about")]


def test_words_nobody_says_are_accepted_when_never_asked() -> None:
    """A quote with no speakers passes when marked distinctive: false (legal text, a slogan)."""
    assert validate_factbase(base(person("a"), quote("q", (), distinctive=False))) == []


def test_an_id_listed_twice_is_refused() -> None:
    """The same speaker twice in one quote is an error."""
    problems = validate_factbase(base(person("a"), quote("q", ("a", "a"))))
    assert messages(problems) == [("quotes[0].speakers[1]", "the same id is listed twice")]


@pytest.mark.parametrize("phrase", ["lose", "WIN", " ", "win the vote!"])
def test_key_phrase_must_be_a_substring_of_the_text(phrase: str) -> None:
    """A key phrase not found exactly in the quote's text is refused."""
    problems = validate_factbase(base(person("a"), quote("q", ("a",), key_phrase=phrase)))
    assert messages(problems) == [("quotes[0].key_phrase",
                                   "key phrase is not part of the quote's text")]


def test_figures_of_a_group_share_one_unit() -> None:
    """A group mixing percent and people is refused at the odd figure, naming the first."""
    problems = validate_factbase(base(person("a"), figure("f1", "10", group="g"),
                                      figure("f2", "12", unit="people", group="g"),
                                      figure("f3", "12", unit="people", group="h")))
    assert messages(problems) == [("figures[1].unit", "figures of group 'g' differ in unit")]
    assert problems[0].expected == "'percent', the unit of 'f1' in the same group"


@pytest.mark.parametrize(("value", "ok"), [("0", True), ("100", True), ("100.0", True),
                                           ("-0.1", False), ("100.01", False), ("73", True)])
def test_percentages_stay_within_0_and_100(value: str, ok: bool) -> None:
    """Percent values outside 0..100 are refused; the bounds themselves are fine."""
    problems = validate_factbase(base(person("a"), figure("f", value)))
    assert (problems == []) is ok


def test_ids_tags_and_groups_must_be_slugs() -> None:
    """Capitals, spaces and underscores in ids, tags or groups are refused."""
    problems = validate_factbase(base(person("A b"), person("c", tags=("human rights",)),
                                      figure("f_1", "1", given_by=("c",), group="Vote Shares")))
    assert messages(problems) == [("people[0].id", "not a valid id"),
                                  ("people[1].tags[0]", "not a valid tag"),
                                  ("figures[0].id", "not a valid id"),
                                  ("figures[0].group", "not a valid id")]


def test_empty_required_text_is_refused() -> None:
    """A fact built in code with an empty name or excerpt is refused."""
    problems = validate_factbase(base(Entity(id="a", name=" ", role="r", excerpt="")))
    assert messages(problems) == [("people[0].name", "empty text"),
                                  ("people[0].excerpt", "empty text")]


@pytest.mark.parametrize("relation", ["after", "before"])
def test_an_event_cannot_be_ordered_against_itself(relation: str) -> None:
    """`before: [self]` or `after: [self]` is refused."""
    itself = event("e", after=("e",)) if relation == "after" else event("e", before=("e",))
    problems = validate_factbase(base(itself))
    assert messages(problems) == [(f"events[0].{relation}[0]",
                                   f"an event cannot be {relation} itself")]


def test_two_event_cycle_through_after_and_before() -> None:
    """e1 after e2 and e1 before e2 is a loop, reported once with the path."""
    problems = validate_factbase(base(event("e1", after=("e2",), before=("e2",)), event("e2")))
    assert messages(problems) == [("events[0]", "events are ordered in a circle")]
    assert problems[0].found in ("e1 → e2 → e1", "e2 → e1 → e2")


def test_longer_cycles_are_each_reported_once() -> None:
    """Two separate loops give two problems, each naming its whole loop."""
    problems = validate_factbase(base(
        event("a", before=("b",)), event("b", before=("c",)), event("c", before=("a",)),
        event("d", after=("e",)), event("e", after=("d",)), event("f", after=("a",)),
    ))
    assert [p.message for p in problems] == ["events are ordered in a circle"] * 2
    assert problems[0].found == "a → b → c → a"
    assert problems[1].found == "d → e → d"


def test_cycle_check_handles_a_long_chain_without_recursion() -> None:
    """A chain of 5,000 events closed into a loop is found without hitting recursion limits."""
    events = [event(f"e{n}", before=(f"e{(n + 1) % 5000}",)) for n in range(5000)]
    problems = validate_factbase(base(*events))
    assert len(problems) == 1 and problems[0].found is not None
    assert problems[0].found.count("→") == 5000


def test_relation_contradicting_the_dates_is_refused() -> None:
    """a before b while a's date is certainly later than b's is an error at b's date."""
    problems = validate_factbase(base(event("a", PartialDate(2024, 8), before=("b",)),
                                      event("b", PartialDate(2024, 7, 31))))
    assert messages(problems) == [("events[1].date",
                                   "the date contradicts the before/after relations")]
    assert problems[0].found == "2024-07-31, but a → b puts it no earlier than 2024-08"


def test_contradiction_through_an_undated_event_is_found() -> None:
    """a (2024-08) before u (no date) before c (2024-07) cannot be, even though u has no date."""
    problems = validate_factbase(base(event("a", PartialDate(2024, 8)),
                                      event("u", after=("a",)),
                                      event("c", PartialDate(2024, 7), after=("u",))))
    assert messages(problems) == [("events[2].date",
                                   "the date contradicts the before/after relations")]
    assert problems[0].found == "2024-07, but a → u → c puts it no earlier than 2024-08"


@pytest.mark.parametrize(
    ("first", "second"),
    [(PartialDate(2024, 7, 28), PartialDate(2024, 7, 28)),  # same day: order within the day
     (PartialDate(2024, 7), PartialDate(2024, 7, 1)),  # the month may start that day
     (PartialDate(2024), PartialDate(2024, 1, 1)),
     (PartialDate(2024, 7, 31), PartialDate(2024, 7))],
)
def test_overlapping_dates_allow_either_order(first: PartialDate, second: PartialDate) -> None:
    """Relations between dates that may overlap are consistent."""
    assert validate_factbase(base(event("a", first, before=("b",)), event("b", second))) == []


def test_problems_are_located_by_the_loader_locations() -> None:
    """Loaded through YAML, a validation problem points at the offending list item."""
    text = """\
source: {title: t, about: a}
people:
  - {id: a, name: A, role: r, excerpt: x}
quotes:
  - id: q
    text: hello
    speakers: [a,
               b]
    excerpt: x
"""
    with pytest.raises(QuizgenError) as caught:
        load_text(text, filename="loc.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("loc.yaml", 8, 16)


def test_without_locations_problems_fall_back_to_the_fact_span() -> None:
    """A base built in code with spans reports at the fact's span."""
    q = Quote(id="q", text="t", speakers=("nobody",), excerpt="x",
              span=Span("made.yaml", 40, 5))
    (problem,) = validate_factbase(base(person("a"), q))
    assert (problem.file, problem.line, problem.column) == ("made.yaml", 40, 5)


def test_validation_is_deterministic() -> None:
    """The same base gives the same problems in the same order every time."""
    bad = base(person("a"), quote("q", ("x", "y", "a", "a")), event("e", after=("e",)),
               event("f", before=("g",)), event("g", before=("f",)))
    assert validate_factbase(bad) == validate_factbase(bad)
    assert len(validate_factbase(bad)) == 5


def test_a_measure_written_as_a_question_is_refused() -> None:
    """A measure starting with a question word ("how much …") is refused: prompts would read
    "the how much …"; the same measure as a noun phrase passes."""
    asked = figure("f", "0.4", measure="how much each transit dims its star")
    problems = validate_factbase(base(person("a"), asked))
    assert any(field.endswith("measure") and "noun phrase" in message
               for field, message in messages(problems) if field), messages(problems)
    noun = figure("f", "0.4", measure="dimming of the star during each transit")
    assert validate_factbase(base(person("a"), noun)) == []
