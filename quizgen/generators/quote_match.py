"""quote-match: k quotes, k speakers, and exactly one way to pair them that fits the facts."""

import itertools
import random
from collections.abc import Sequence
from typing import NamedTuple

from quizgen.factbase.model import FactBase, Quote
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    REMAINDER_SKIP,
    FactIndex,
    Skips,
    check_options,
    excerpts,
    full,
    index_facts,
    norm,
    only,
    remainder,
    seeded,
    tags_of,
)
from quizgen.generators.speaker_sorts import sort_of
from quizgen.generators.speakers import same_speaker, unworthy
from quizgen.generators.who_said_it import passages, speakers_of
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    EntityRef,
    Matching,
    MatchSpeakers,
    Option,
    Question,
    QuoteRef,
)

KIND = "quote-match"
ATTEMPTS = 3  # tries per anchor quote before giving up on it
SAMPLE = 48  # candidate passages looked at per slot, so big fact bases stay linear
MIN_SIZE = 3  # the smallest matching, used when fewer speakers than match_size are quoted
PROMPT = "Match each quote to its speaker."
REPEATS_PROMPT = "Match each quote to its speaker. A speaker may be used more than once."


class _Passage(NamedTuple):
    """A quotable text: the quote shown for it, who may be offered, and everyone who said it."""

    quote: Quote
    offer: tuple[str, ...]  # known entities credited on the shown quote itself
    said: frozenset[str]  # everyone credited with this text, on any quote


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One matching per anchor passage (others drawn by the seed), deduplicated by what is asked;
    with only two speakers, matchings where a speaker is used more than once."""
    check_options(options)
    facts = index_facts(base)
    skips = Skips(KIND, base.id)
    items = _passages(base, facts, skips)
    speakers = {s for item in items for s in item.offer}
    sorts = _by_sort(speakers, facts)
    largest = max((len(ids) for ids in sorts.values()), default=0)
    if len(speakers) == 2 or (len(speakers) > 2 and largest == 2):
        if len(speakers) > 2:  # two people and a journal: the two people, each more than once
            pair = next(ids for ids in sorts.values() if len(ids) == 2)
            items = [item for item in items if set(item.offer) <= pair]
            skips.add(f"{_only_sort(speakers, facts)}: matchings of the two people of one sort")
        made = repeated_matchings(base, items, facts, seed=seed, options=options)
        if isinstance(made, str):
            skips.add(made)
            return Generated(questions=(), skipped=skips.result())
        return Generated(questions=made, skipped=skips.result())
    if largest < MIN_SIZE:
        skips.add(
            f"{only(len(speakers), 'person', 'people')} with quotes; quote-match needs "
            f"{MIN_SIZE} different speakers"
            if len(speakers) < MIN_SIZE else
            f"{_only_sort(speakers, facts)}; quote-match needs {MIN_SIZE}"
        )
        return Generated(questions=(), skipped=skips.result())
    k = min(options.match_size, largest)  # fewer speakers than asked: smaller matchings
    if k < options.match_size:
        skips.add(
            f"only {largest} people of one sort with quotes: matchings of {k} quotes, not "
            f"{options.match_size}"
        )
    rng = seeded(seed, KIND, base.id)
    anchors = list(range(len(items)))
    rng.shuffle(anchors)
    questions: list[Question] = []
    seen: set[str] = set()
    failed = 0
    for anchor in anchors:
        if full(questions, options):
            break
        anchor_rng = seeded(seed, KIND, base.id, items[anchor].quote.id)
        for _ in range(ATTEMPTS):
            picked = _pick(anchor_rng, items, anchor, k, facts, sorts)
            if picked is None:
                continue
            question = _question(base, anchor_rng, picked, facts)
            if question.id not in seen:
                seen.add(question.id)
                questions.append(question)
                break
        else:
            failed += 1
    if not questions:
        skips.add(
            f"no {k} quotes have {k} different speakers that can be offered without a quote "
            f"fitting two of them"
        )
    elif failed:
        skips.add(f"{failed} quotes gave no new matching")
    return Generated(questions=tuple(questions), skipped=skips.result())


def _passages(base: FactBase, facts: FactIndex, skips: Skips) -> list[_Passage]:
    """One item per distinct text worth asking, shown through its first quote that names a known
    speaker; `said` counts everyone who is the same speaker through speaks_for."""
    groups = passages(base)
    items: list[_Passage] = []
    done: set[str] = set()
    for quote in facts.quotes:
        key = norm(quote.text)
        offer = facts.known(quote.speakers)
        if key in done or not key or not offer:
            continue
        done.add(key)
        why = next(filter(None, (unworthy(q) for q in groups[key])), None)
        if not why and all(remainder(facts.entities[s]) for s in offer):
            why = REMAINDER_SKIP
        if why:
            skips.add(why)
            continue
        said = frozenset(same_speaker(base, speakers_of(groups[key], base)))
        items.append(_Passage(quote, offer, said))
    return items


def _by_sort(speakers: set[str], facts: FactIndex) -> dict[str, set[str]]:
    """The quoted speakers by the sort a student reads in their names (speaker_sorts)."""
    found: dict[str, set[str]] = {}
    for speaker in sorted(speakers):
        found.setdefault(sort_of(facts.entities[speaker]), set()).add(speaker)
    return found


def _only_sort(speakers: set[str], facts: FactIndex) -> str:
    """'quotes by 4 speakers, no 3 of one sort (…)': why matchings shrink, in plain words."""
    return (f"quotes by {len(speakers)} speakers, but no {MIN_SIZE} of one sort (people with "
            "people, bodies with bodies, journals with journals: one of its own sort in a "
            "matching is matched without reading)")


def _pick(
    rng: random.Random, items: Sequence[_Passage], anchor: int, k: int, facts: FactIndex,
    sorts: dict[str, set[str]],
) -> list[tuple[_Passage, str]] | None:
    """k (passage, speaker) pairs where each offered speaker said exactly one of the passages,
    the speakers all of the anchor's speaker's sort (none the odd one out), k at most as many
    as that sort has."""
    chosen: list[tuple[_Passage, str]] = []
    names: set[str] = set()
    sort: set[str] = set().union(*sorts.values())

    def fits(item: _Passage) -> str | None:
        if any(item is other for other, _ in chosen):
            return None
        offered = {speaker for _, speaker in chosen}
        if item.said & offered:
            return None
        free = [
            s
            for s in item.offer
            if norm(facts.name(s)) not in names and not any(s in other.said for other, _ in chosen)
            and s in sort
        ]
        return rng.choice(free) if free else None

    first = fits(items[anchor])
    if first is None:
        return None
    sort = next(ids for ids in sorts.values() if first in ids)
    k = min(k, len(sort))
    if k < MIN_SIZE:
        return None
    chosen.append((items[anchor], first))
    names.add(norm(facts.name(first)))
    size = min(len(items), SAMPLE + 8 * k)
    candidates = rng.sample(range(len(items)), size)
    for index in candidates:
        speaker = fits(items[index])
        if speaker is not None:
            chosen.append((items[index], speaker))
            names.add(norm(facts.name(speaker)))
            if len(chosen) == k:
                return chosen if _unique(chosen) else None
    return None


def _unique(chosen: Sequence[tuple[_Passage, str]]) -> bool:
    """Whether exactly one pairing of the chosen passages and speakers fits who said what."""
    speakers = [speaker for _, speaker in chosen]
    fitting = sum(
        all(speakers[j] in item.said for (item, _), j in zip(chosen, perm, strict=True))
        for perm in itertools.permutations(range(len(chosen)))
    )
    return fitting == 1


def _question(
    base: FactBase, rng: random.Random, chosen: list[tuple[_Passage, str]], facts: FactIndex
) -> Matching:
    """Left: the quotes in random order; right: their speakers shuffled again."""
    order = list(chosen)
    rng.shuffle(order)
    right = [speaker for _, speaker in order]
    rng.shuffle(right)
    answer = tuple((i, right.index(speaker)) for i, (_, speaker) in enumerate(order))
    pairs = tuple(sorted((item.quote.id, speaker) for item, speaker in order))
    ask = MatchSpeakers()
    return _matching(base, facts, question_id=stable_id(KIND, base.id, ask, pairs), prompt=PROMPT,
                     ask=ask, items=[item for item, _ in order], right=right, answer=answer)


def repeated_matchings(
    base: FactBase,
    items: Sequence[_Passage],
    facts: FactIndex,
    *,
    seed: int,
    options: GenOptions,
) -> tuple[Question, ...] | str:
    """Matchings for an article with two speakers: k quotes, the two speakers on the right, each
    quote said by exactly one of them (a speaker is used more than once)."""
    pair = sorted({s for item in items for s in item.offer})
    names = {norm(facts.name(s)) for s in pair}
    if len(names) < 2:
        return "the two people with quotes share a name; quote-match cannot tell them apart"
    own: dict[str, list[_Passage]] = {s: [] for s in pair}
    for item in items:
        fits = [s for s in pair if s in item.said]
        if len(fits) == 1 and fits[0] in item.offer:
            own[fits[0]].append(item)
    total = sum(len(v) for v in own.values())
    if any(not v for v in own.values()) or total < MIN_SIZE:
        return (
            f"two people with quotes, but {only(total, 'quote', 'quotes')} said by one of "
            f"them alone (each needs one); a matching needs {MIN_SIZE}"
        )
    k = min(options.match_size, total)
    rng = seeded(seed, KIND, base.id, "repeats")
    anchors = [item for s in pair for item in own[s]]
    rng.shuffle(anchors)
    questions: list[Question] = []
    seen: set[str] = set()
    for anchor in anchors:
        if full(questions, options):
            break
        anchor_rng = seeded(seed, KIND, base.id, anchor.quote.id, "repeats")
        speaker_of = {id(item): s for s in pair for item in own[s]}
        other = pair[1] if speaker_of[id(anchor)] == pair[0] else pair[0]
        rest = [i for i in anchors if i is not anchor]
        anchor_rng.shuffle(rest)
        first_other = next(i for i in rest if speaker_of[id(i)] == other)
        chosen = [anchor, first_other, *[i for i in rest if i is not first_other][: k - 2]]
        anchor_rng.shuffle(chosen)
        right = list(pair)
        anchor_rng.shuffle(right)
        answer = tuple((n, right.index(speaker_of[id(item)])) for n, item in enumerate(chosen))
        pairs = tuple(sorted((item.quote.id, speaker_of[id(item)]) for item in chosen))
        ask = MatchSpeakers(repeats=True)
        question_id = stable_id(KIND, base.id, ask, pairs)
        if question_id in seen:
            continue
        seen.add(question_id)
        questions.append(_matching(base, facts, question_id=question_id, prompt=REPEATS_PROMPT,
                                   ask=ask, items=chosen, right=right, answer=answer))
    return tuple(questions)


def _matching(
    base: FactBase,
    facts: FactIndex,
    *,
    question_id: str,
    prompt: str,
    ask: MatchSpeakers,
    items: Sequence[_Passage],
    right: Sequence[str],
    answer: tuple[tuple[int, int], ...],
) -> Matching:
    """The matching of these passages (left, in order) to these speakers (right)."""
    quotes = [item.quote for item in items]
    everyone = {s for item in items for s in item.said}
    return Matching(
        id=question_id,
        kind=KIND,
        factbase=base.id,
        prompt=prompt,
        ask=ask,
        left=tuple(Option(text=_show(q), claim=QuoteRef(q.id)) for q in quotes),
        right=tuple(Option(text=facts.name(s), claim=EntityRef(s)) for s in right),
        answer=answer,
        explanation=excerpts(quotes),
        tags=tags_of(quotes),
        people=tuple(sorted(facts.known(everyone))),
    )


def _show(quote: Quote) -> str:
    """The quote as a left item: its text in quotation marks, spacing tidied."""
    return f"“{' '.join(quote.text.split())}”"
