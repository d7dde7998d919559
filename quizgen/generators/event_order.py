"""event-order: put k events in chronological order, where the facts order every pair of them."""

from __future__ import annotations

import random

from quizgen.article.text import Article
from quizgen.factbase.model import Event, FactBase
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.chronology import (
    Timeline,
    build_timeline,
    day_bounds,
    longest_chain,
    pick_bit,
)
from quizgen.generators.common import (
    Skips,
    check_options,
    excerpts,
    index_facts,
    norm,
    only,
    seeded,
    tags_of,
)
from quizgen.generators.sequence import guessed_orders, years_apart
from quizgen.generators.textindex import WordFinder
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import Chronology, EventRef, Option, Ordering, Question

KIND = "event-order"
ATTEMPTS = 3  # chains tried per anchor event before giving up on it
MIN_SIZE = 3  # the smallest ordering, made when too few events are ordered for order_size
PROMPT = "Put these events in chronological order, earliest first."


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One chain of k totally ordered events per anchor event, deduplicated by the events chosen."""
    check_options(options)
    facts = index_facts(base)
    skips = Skips(KIND, base.id)
    if len(facts.events) < MIN_SIZE:
        skips.add(f"{only(len(facts.events), 'event', 'events')}; event-order needs {MIN_SIZE}")
        return Generated(questions=(), skipped=skips.result())
    timeline = build_timeline(base.events)
    askable = {event.id for event in facts.events}
    eligible = 0
    same_text: dict[str, int] = {}
    for i, event in enumerate(timeline.events):
        if _askable(event, askable) and not timeline.cyclic >> i & 1:
            eligible |= 1 << i
            key = norm(event.description)
            same_text[key] = same_text.get(key, 0) | 1 << i
    if timeline.cyclic:
        skips.add("some events are put before themselves by the facts (a cycle); left out")
    n = len(timeline.events)
    sensed = _sensed(timeline)
    apart_in_years = years_apart(timeline.events)
    comparable = [(timeline.later[i] | timeline.earlier[i]) & eligible & ~sensed[i]
                  & apart_in_years[i] for i in range(n)]
    reach = [mask.bit_count() for mask in comparable]  # how many events each is ordered against
    one_list = _listed_together(base, timeline)
    # what each event can be ordered with: comparable, and not of the same text or list; one
    # mask per event (not two ANDed on every pick), and only one list of them kept
    mates = [comparable[i] & ~(same_text.get(norm(e.description), 0) | one_list[i])
             for i, e in enumerate(timeline.events)]
    del comparable
    questions: list[Question] = []
    wanted = options.order_size
    size = 0
    for k in range(min(wanted, len(facts.events)), MIN_SIZE - 1, -1):  # smaller when it must
        made = _orderings(
            base,
            seed,
            options,
            timeline,
            k,
            eligible,
            reach,
            mates,
            facts_people=set(facts.entities),
        )
        if made:
            questions, size = list(made), k
            break
    if questions:
        if size < wanted:
            skips.add(f"too few events are totally ordered for {wanted}; ordered {size}")
    else:
        longest = longest_chain(timeline, eligible)
        verb = "is" if longest == 1 else "are"
        if longest >= MIN_SIZE:  # ordered by the facts, but common sense orders them as well
            skips.add(f"{_events(longest)} are ordered by the facts, but common sense orders them"
                      " too (events of one story, not dated in different years: cause before"
                      " effect, one step before the next, the past before what is to come)")
        else:
            skips.add(f"{only(longest, 'event', 'events')} {verb} totally ordered;"
                      f" event-order needs {MIN_SIZE}")
    if options.limit is not None:
        questions = questions[: options.limit]
    return Generated(questions=tuple(questions), skipped=skips.result())


def _orderings(
    base: FactBase,
    seed: int,
    options: GenOptions,
    timeline: Timeline,
    k: int,
    eligible: int,
    reach: list[int],
    mates: list[int],
    *,
    facts_people: set[str],
) -> list[Question]:
    """One chain of k totally ordered events per anchor event, deduplicated by the events chosen."""
    anchors = [
        i
        for i in range(len(timeline.events))
        if eligible >> i & 1 and reach[i] >= k - 1
    ]
    seeded(seed, KIND, base.id).shuffle(anchors)
    best: list[_Drawn] = []
    for allowance in range(1, len(anchors) + 1):  # events may recur in `allowance` orderings
        made, capped = _with_allowance(base, seed, timeline, k, anchors, mates, allowance)
        if allowance > max(1, len(made) // 3):
            break
        if len(made) > len(best):
            best = made
        # Stop early where no later allowance can do better, so the work stays linear: no run
        # makes more than one ordering per anchor, and a run whose events all stayed under the
        # allowance is repeated exactly by every larger one.
        if len(best) == len(anchors) or not capped:
            break
    return [_question(base, drawn, facts_people=facts_people) for drawn in best]


_Drawn = tuple[list[Event], list[int]]  # a chain's events, earliest first, and the order shown


def _with_allowance(
    base: FactBase, seed: int, timeline: Timeline, k: int, anchors: list[int],
    mates: list[int], allowance: int,
) -> tuple[list[_Drawn], bool]:
    """One chain per anchor, each of events in fewer than `allowance` orderings made before it.

    The caller keeps an allowance only when it is at most a third of the orderings it gave, so
    that no event is in more than a third of the orderings (or in more than one when there are
    fewer than six): each ordering teaches new events. Also tells whether any event reached the
    allowance (if none did, the allowance changed nothing). Orderings are told apart by their
    events (what their id hashes) and made into questions only by the caller, for the run kept.
    """
    questions: list[_Drawn] = []
    seen: set[tuple[str, ...]] = set()
    uses = [0] * len(timeline.events)
    fresh = (1 << len(uses)) - 1  # the events in fewer than `allowance` orderings so far
    for anchor in anchors:
        if uses[anchor] >= allowance:
            continue
        rng = seeded(seed, KIND, base.id, timeline.events[anchor].id)
        for _ in range(ATTEMPTS):
            chain = _chain(rng, anchor, k, mates, fresh=fresh)
            if chain is None:
                continue
            drawn = _draw(rng, timeline, chain)
            events = tuple(sorted(e.id for e in drawn[0]))
            if events not in seen:
                seen.add(events)
                questions.append(drawn)
                for i in chain:
                    uses[i] += 1
                    if uses[i] == allowance:
                        fresh ^= 1 << i  # set until now: cleared the one time uses reach it
                break
    return questions, fresh != (1 << len(uses)) - 1


def _sensed(timeline: Timeline) -> list[int]:
    """For each event, the events common sense orders against it the way the facts do (a march
    that set off before it ended): an ordering of those teaches nothing, so they are never
    ordered together. Events of one story (sequence.dated_apart) are never ordered together
    either: the caller leaves them out as well."""
    after, before = guessed_orders(timeline.events)
    return [(after[i] & timeline.later[i]) | (before[i] & timeline.earlier[i])
            for i in range(len(timeline.events))]


def _listed_together(base: FactBase, timeline: Timeline) -> list[int]:
    """For each event, the others of the same people the article tells in the same sentence:
    one subject's dates listed in passing ("ruling out a repeat of 1985, the festival's
    windiest year; 1997, its muddiest; and 2005, …") are one aside of the article, not a story
    whose order a student learns, so they are never ordered together. Events of different
    people listed in one sentence (one company joining a programme after another) are."""
    article = Article(base.article or "")
    events = timeline.events
    finder = WordFinder((" ".join(e.excerpt.split()), i) for i, e in enumerate(events)
                        if e.excerpt.split() and "…" not in e.excerpt)
    seen: dict[int, list[int]] = {}  # event -> the sentence of each time its excerpt is found
    for sentence in article.sentences:  # the article read once, sentence by sentence
        text = " ".join(article.text[sentence.start:sentence.end].split())
        for i in finder.found(text):
            seen.setdefault(i, []).append(sentence.index)
    groups: dict[tuple[int, frozenset[str]], list[int]] = {}
    for i, event in enumerate(events):
        found = seen.get(i, [])
        if len(found) == 1:  # found once, inside one sentence
            groups.setdefault((found[0], frozenset(event.people)), []).append(i)
    mates = [0] * len(events)
    for members in groups.values():
        mask = sum(1 << i for i in members)
        for i in members:
            mates[i] = mask & ~(1 << i)
    return mates


def _events(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def _askable(event: Event, askable: set[str]) -> bool:
    """An event can be an item: unique id, something to show, and a date that exists if any."""
    return (
        event.id in askable
        and bool(event.description.strip())
        and (event.date is None or day_bounds(event) is not None)
    )


def _chain(
    rng: random.Random, anchor: int, k: int, mates: list[int], *, fresh: int,
) -> list[int] | None:
    """k events including `anchor` and otherwise from `fresh`, each ordered against all the
    others, with distinct texts."""
    chain = [anchor]
    candidates = mates[anchor] & fresh
    while len(chain) < k:
        if not candidates:
            return None
        pick = pick_bit(rng, candidates)
        chain.append(pick)
        candidates &= mates[pick]
    return chain


def _draw(rng: random.Random, timeline: Timeline, chain: list[int]) -> _Drawn:
    """The chain's events, earliest first, and the order they are shown in: shuffled, never
    already in order."""
    ordered = [timeline.events[i] for i in sorted(chain, key=lambda i: timeline.rank[i])]
    shown = list(range(len(ordered)))
    while shown == sorted(shown):
        rng.shuffle(shown)
    return ordered, shown


def _question(
    base: FactBase,
    drawn: _Drawn,
    *,
    facts_people: set[str],
) -> Ordering:
    """The drawn events in their shown order, and the key, earliest first."""
    ordered, shown = drawn
    items = [ordered[c] for c in shown]
    answer = tuple(shown.index(c) for c in range(len(ordered)))
    ask = Chronology()
    return Ordering(
        id=stable_id(KIND, base.id, ask, tuple(sorted(e.id for e in ordered))),
        kind=KIND,
        factbase=base.id,
        prompt=PROMPT,
        ask=ask,
        items=tuple(
            Option(text=" ".join(e.description.split()), claim=EventRef(e.id)) for e in items
        ),
        answer=answer,
        explanation=excerpts(ordered),
        tags=tags_of(ordered),
        people=tuple(sorted({p for e in ordered for p in e.people if p in facts_people})),
    )
