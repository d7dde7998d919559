"""quote-match and event-order on small hand-made fact bases: single answers, sizes, skips."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from factbases import event, make_base, newsroom, people, quote, reasons, run

from quizgen.factbase.model import FactBase, PartialDate
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import EntityRef, EventRef, Matching, Ordering, QuoteRef

SEEDS = range(40)
NEWSROOM = newsroom()
# the newsroom with its three fragments ("massive fraud", "73% of the votes", "serious doubts")
# spoken as sayings: seven people speak, enough for many matchings of four and for one of five
SAYINGS = {"q-fraud": "There was massive fraud.", "q-73": "We won 73% of the votes.",
           "q-doubts": "I have serious doubts."}
SPOKEN = replace(NEWSROOM, quotes=tuple(
    replace(q, text=SAYINGS[q.id], excerpt=f"said “{SAYINGS[q.id]}”") if q.id in SAYINGS else q
    for q in NEWSROOM.quotes))


# ---- quote-match ---------------------------------------------------------------------------------


def pairings(q: Matching, base: FactBase) -> int:
    """How many bijections fit who said what (same text, spacing aside, counts as one passage)."""
    said: dict[str, set[str]] = {}
    for x in base.quotes:
        said.setdefault(" ".join(x.text.split()), set()).update(x.speakers)
    texts = {x.id: " ".join(x.text.split()) for x in base.quotes}
    left = [said[texts[o.claim.quote]] for o in q.left if isinstance(o.claim, QuoteRef)]
    right = [o.claim.entity for o in q.right if isinstance(o.claim, EntityRef)]
    return sum(
        all(right[j] in left[i] for i, j in enumerate(perm))
        for perm in itertools.permutations(range(len(right)))
    )


def test_quote_match_makes_many_single_answer_matchings() -> None:
    """The newsroom spoken as sayings gives five or more distinct matchings, each with one
    fitting pairing."""
    for seed in range(10):
        questions = run("quote-match", SPOKEN, seed).questions
        assert len({q.id for q in questions}) == len(questions) >= 5
        for q in questions:
            assert isinstance(q, Matching) and len(q.left) == len(q.right) == 4
            assert pairings(q, SPOKEN) == 1
            said = {x.id: set(x.speakers) for x in SPOKEN.quotes}
            left = [said[o.claim.quote] for o in q.left if isinstance(o.claim, QuoteRef)]
            for o in q.right:  # no speaker fits two quotes, not even as a co-speaker
                assert sum(o.claim.entity in s for s in left) == 1  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
            right = [o.claim.entity for o in q.right if isinstance(o.claim, EntityRef)]
            for i, j in q.answer:
                quote_id = q.left[i].claim.quote  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
                assert right[j] in next(x.speakers for x in SPOKEN.quotes if x.id == quote_id)


@pytest.mark.parametrize("k", [3, 5])
def test_quote_match_size(k: int) -> None:
    """match_size sets how many quotes and speakers each matching has."""
    questions = run("quote-match", SPOKEN, match_size=k).questions
    assert questions and all(len(q.left) == len(q.right) == k for q in questions)  # type: ignore[union-attr]  # the test knows which kind of question or claim this is


def test_quote_match_never_offers_both_speakers_of_a_shared_quote() -> None:
    """When a and b said the same words, no matching offers both of them beside that text."""
    base = make_base(
        *people("a", "b", "c", "d", "e"),
        quote("q-ab", "Together we stand.", "a", "b"),
        quote("q-b2", "together we  stand.", "b"),
        quote("q-c", "See you all.", "c"), quote("q-d", "Dee says so.", "d"),
        quote("q-e", "Eee, what a day.", "e"),
    )  # fmt: skip
    for seed in SEEDS:
        for q in run("quote-match", base, seed, match_size=3).questions:
            texts = [o.text.casefold() for o in q.left]  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
            assert len(set(texts)) == len(texts)
            assert pairings(q, base) == 1  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def test_two_speakers_make_matchings_where_a_speaker_is_used_again() -> None:
    """Two people with quotes: three or more quotes, both speakers on the right, each used at
    least once, the prompt says a speaker may be used more than once; a shared quote is left out."""
    base = make_base(
        *people("a", "b", "c"),
        quote("q1", "One thing is clear.", "a"), quote("q2", "Two things are clear.", "b"),
        quote("q3", "Three things are clear.", "a"), quote("q4", "Four things are clear.", "a"),
        quote("q-ab", "We both said this.", "a", "b"),
    )  # fmt: skip
    for seed in SEEDS:
        questions = run("quote-match", base, seed).questions
        assert questions
        for q in questions:
            assert isinstance(q, Matching) and q.ask.repeats
            assert len(q.right) == 2 and 3 <= len(q.left) <= 4
            assert "may be used more than once" in q.prompt
            assert {j for _, j in q.answer} == {0, 1}
            assert "q-ab" not in {o.claim.quote for o in q.left}  # type: ignore[union-attr]  # the test knows which kind of question or claim this is


def test_quote_match_skips_with_one_speaker_or_too_few_own_quotes() -> None:
    """One person with quotes, or two whose own quotes number fewer than 3: skipped with why."""
    one = make_base(*people("a", "b"), quote("q1", "One thing is clear.", "a"),
                    quote("q2", "Two things are clear.", "a"))  # fmt: skip
    assert "only 1 person with quotes" in reasons(run("quote-match", one))
    two = make_base(*people("a", "b"), quote("q1", "One thing is clear.", "a"),
                    quote("q2", "Two things are clear.", "b"))  # fmt: skip
    result = run("quote-match", two)
    assert result.questions == () and "only 2 quotes said by one of them alone" in reasons(result)


def test_quote_match_falls_back_to_three_with_three_speakers() -> None:
    """Three quoted people and the default size of 4: matchings of 3, and the report says so."""
    base = make_base(*people("a", "b", "c", "d"), quote("q1", "One thing is clear.", "a"),
                     quote("q2", "Two things are clear.", "b"),
                     quote("q3", "Three things are clear.", "c"))  # fmt: skip
    for seed in range(5):
        result = run("quote-match", base, seed)
        assert result.questions
        assert all(len(q.left) == len(q.right) == 3 for q in result.questions)  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
        assert "matchings of 3 quotes, not 4" in reasons(result)
    assert len(run("quote-match", NEWSROOM).questions[0].left) == 4  # type: ignore[union-attr]  # the test knows which kind of question or claim this is


def test_quote_match_right_column_is_shuffled() -> None:
    """Across seeds the key is not always the identity pairing."""
    keys = {q.answer for seed in SEEDS for q in run("quote-match", NEWSROOM, seed).questions}  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
    assert len(keys) > 5


# ---- event-order ---------------------------------------------------------------------------------

TRUE_ORDER = ["chavez", "maduro-power", "election", "protests", "lima", "cut-ties", "term-ends"]


def event_ids(q: Ordering) -> list[str]:
    return [o.claim.event for o in q.items if isinstance(o.claim, EventRef)]


def test_event_order_follows_dates_and_relations() -> None:
    """Each key lists the events in their true order; the unordered event never appears."""
    for seed in SEEDS:
        questions = run("event-order", NEWSROOM, seed).questions
        assert questions  # one: a third of one or two orderings is less than one event
        for q in questions:
            assert isinstance(q, Ordering) and q.prompt.startswith(
                "Put these events in chronological"
            )
            ids = event_ids(q)
            in_key = [ids[i] for i in q.answer]
            assert in_key == sorted(in_key, key=TRUE_ORDER.index)
            assert "rumour" not in ids
            assert ids != in_key, "items must not be shown already in order"


def test_event_order_orders_events_of_different_years_alone() -> None:
    """Events dated in different years are ordered; an undated one (related to them by
    before/after alone) and one of the same year as another are never in an ordering."""
    base = make_base(
        event("a", before=("b",)), event("b", "2019-07-01"), event("c", "2021-08"),
        event("d", "2023-09-03"), event("same", "2023-01", before=("d",)),
    )  # fmt: skip
    for seed in SEEDS:
        for q in run("event-order", base, seed).questions:
            ids = [event_ids(q)[i] for i in q.answer]  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
            assert "a" not in ids and not {"d", "same"} <= set(ids)
            assert ids in (["b", "c", "d"], ["b", "c", "same"])


def test_event_order_never_pairs_ties_or_overlapping_dates() -> None:
    """Same-day events, and a day inside a month, are never in one question."""
    base = make_base(
        event("e1", "2020"), event("e2", "2021-03-04"), event("tie", "2021-03-04"),
        event("month", "2022-05"), event("inside", "2022-05-10"), event("e3", "2023"),
    )  # fmt: skip
    for seed in SEEDS:
        result = run("event-order", base, seed)
        assert result.questions
        for q in result.questions:
            ids = set(event_ids(q))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
            assert not {"e2", "tie"} <= ids and not {"month", "inside"} <= ids


def test_event_order_leaves_chains_of_relations_alone_as_the_storys_own_order() -> None:
    """Undated events chained by before/after relations are one story's steps, ordered by the
    story itself (cause before effect): no ordering, and the skip says common sense orders them."""
    base = make_base(event("a", before=("b",)), event("b"), event("c", after=("b",)),
                     event("d", after=("c",)), event("loose"))  # fmt: skip
    result = run("event-order", base)
    assert result.questions == ()
    assert "4 events are ordered by the facts, but common sense orders them too" in reasons(result)


def test_event_order_skips_with_the_longest_chain() -> None:
    """Two separate pairs of ordered events: skipped, saying only 2 are totally ordered."""
    base = make_base(event("a", before=("b",)), event("b"), event("c", before=("d",)), event("d"))
    result = run("event-order", base)
    assert result.questions == ()
    assert "only 2 events are totally ordered; event-order needs 3" in reasons(result)
    few = run("event-order", make_base(event("a", "2020"), event("b", "2021")))
    assert "only 2 events; event-order needs 3" in reasons(few)


def test_event_order_makes_smaller_orderings_when_it_must() -> None:
    """Three ordered events and a loose one: one 3-event ordering, and a note saying why not 4."""
    base = make_base(event("a", "2019"), event("b", "2020"), event("c", "2021"), event("loose"))
    result = run("event-order", base)
    (q,) = result.questions
    assert [event_ids(q)[i] for i in q.answer] == ["a", "b", "c"]  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    assert "too few events are totally ordered for 4; ordered 3" in reasons(result)


def test_event_order_survives_cycles_and_impossible_dates() -> None:
    """Events in a cycle or with a date that does not exist are left out, without a crash."""
    base = make_base(
        event("x", before=("y",)), event("y", before=("x",)),
        replace(event("bad"), date=PartialDate(2024, 2, 30)),
        event("e1", "2020"), event("e2", "2021"), event("e3", "2022"), event("e4", "2023"),
    )  # fmt: skip
    result = GENERATORS["event-order"](base, seed=0, options=GenOptions())
    assert "cycle" in reasons(result)
    assert {frozenset(event_ids(q)) for q in result.questions} == {  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
        frozenset({"e1", "e2", "e3", "e4"})
    }


YEARS = make_base(*(event(f"y{year}", str(year), description=f"Harbour works stage {year}")
                    for year in range(2011, 2019)))  # eight events, each in its own year


@pytest.mark.parametrize("k", [3, 6])
def test_event_order_size(k: int) -> None:
    """order_size sets how many events each question has."""
    questions = run("event-order", YEARS, order_size=k).questions
    assert questions and all(len(q.items) == k for q in questions)  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
