"""The oracle's rules for matchings: one speaker per quote, with or without repeated speakers.
Written independently of the generators; shares no code with them."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TypeAlias

from quizgen.factbase.model import Entity, FactBase, Quote
from quizgen.oracle.asks import askable_quote, equivalents, speakers_of
from quizgen.oracle.read import distinct, entities_named
from quizgen.quiz.questions import MATCH_SIZES, EntityRef, Matching, MatchSpeakers, Option, QuoteRef

Pairing: TypeAlias = tuple[tuple[int, int], ...]
MAX_ENUMERATED = 6  # larger matchings are refused before enumerating k! answers


def normalise(text: str) -> str:
    """Text with runs of whitespace collapsed, for comparing quotes."""
    return " ".join(text.split())


def matching(q: Matching, base: FactBase, problems: list[str]) -> tuple[Pairing, ...]:
    if not isinstance(q.ask, MatchSpeakers):
        problems.append(f"ask {type(q.ask).__name__} does not fit a matching")
        return ()
    repeats = q.ask.repeats
    k, width = len(q.left), len(q.right)
    if not repeats and width != k:
        problems.append(f"{k} quotes but {width} speakers")
    if repeats and not 2 <= width <= k:
        problems.append(f"{k} quotes but {width} speakers; a speaker may be used again: 2 to {k}")
    if k not in MATCH_SIZES:
        problems.append(f"{k} quotes; a matching has {MATCH_SIZES.start} to {MATCH_SIZES.stop - 1}")
    if repeats and "more than once" not in q.prompt:
        problems.append("the prompt does not say a speaker may be used more than once")
    distinct(q.left, "left items", problems)
    distinct(q.right, "right items", problems)
    said: list[frozenset[str]] = []
    texts: set[str] = set()
    for i, option in enumerate(q.left):
        quote = base.by_id.get(option.claim.quote) if isinstance(option.claim, QuoteRef) else None
        if not isinstance(quote, Quote):
            problems.append(f"left[{i}]: not a quote of the fact base: {option.claim!r}")
            said.append(frozenset())
            continue
        if why := askable_quote(quote):
            problems.append(f"left[{i}]: {why}")
        if normalise(quote.text) not in normalise(option.text):
            problems.append(f"left[{i}]: text {option.text!r} does not show quote {quote.id!r}")
        said.append(equivalents(base, speakers_of(base, quote.id)))
        texts.add(normalise(quote.text))
    if len(texts) != len(said):
        problems.append("left items: two quotes have the same text, or one is not a quote")
    who = [_right_item(o, f"right[{i}]", base, problems) for i, o in enumerate(q.right)]
    fits = [[j for j in range(width) if who[j] & said[i]] for i in range(k)]
    if repeats:
        return _matching_with_repeats(q, fits, width, problems)
    expected = tuple((i, j) for i, j in enumerate(_permutation_of(q.answer, k)))
    if tuple(q.answer) != expected or len(expected) != k:
        problems.append(f"answer {q.answer!r} is not one right item per left item, by left index")
    if width != k or k > MAX_ENUMERATED:
        return ()
    consistent = tuple(
        tuple(enumerate(perm))
        for perm in itertools.permutations(range(k))
        if all(j in fits[i] for i, j in enumerate(perm))
    )
    _one_pairing(q, consistent, problems)
    return consistent


def _right_item(option: Option, where: str, base: FactBase, problems: list[str]) -> frozenset[str]:
    """The entity a right item claims and every entity its text names."""
    claim = option.claim
    entity = base.by_id.get(claim.entity) if isinstance(claim, EntityRef) else None
    if not isinstance(entity, Entity):
        problems.append(f"{where}: not an entity of the fact base: {claim!r}")
        return frozenset()
    named = entities_named(base, option.text)
    if entity.id not in named:
        problems.append(f"{where}: text {option.text!r} is not a name of {entity.id!r}")
    return named | {entity.id}


def _matching_with_repeats(
    q: Matching, fits: list[list[int]], width: int, problems: list[str]
) -> tuple[Pairing, ...]:
    """Every left item takes exactly one right item, and each right item is used at least once."""
    k = len(fits)
    pairs = sorted(q.answer)
    if [i for i, _ in pairs] != list(range(k)) or any(not 0 <= j < width for _, j in pairs):
        problems.append(f"answer {q.answer!r} is not one right item per left item, by left index")
    elif tuple(q.answer) != tuple(pairs):
        problems.append(f"answer {q.answer!r} is not sorted by left index")
    if {j for _, j in q.answer} != set(range(width)):
        problems.append("a right item answers no quote")
    if k > MAX_ENUMERATED:
        return ()
    consistent = tuple(
        tuple(enumerate(choice))
        for choice in itertools.product(*fits)
        if set(choice) == set(range(width))
    )
    _one_pairing(q, consistent, problems)
    return consistent


def _one_pairing(q: Matching, consistent: tuple[Pairing, ...], problems: list[str]) -> None:
    if not consistent:
        problems.append("no pairing is consistent with the facts")
    elif len(consistent) > 1:
        problems.append(f"{len(consistent)} pairings are consistent with the facts")
    elif consistent[0] != tuple(q.answer):
        problems.append(
            f"the consistent pairing is {consistent[0]}, but the answer says {q.answer}"
        )


def _permutation_of(answer: Sequence[tuple[int, int]], k: int) -> tuple[int, ...]:
    """The right indices of a well-formed answer, or () when it is not one."""
    try:
        pairs = [(int(i), int(j)) for i, j in answer]
    except (TypeError, ValueError):
        return ()
    rights = [j for _, j in sorted(pairs)]
    if [i for i, _ in sorted(pairs)] != list(range(k)) or sorted(rights) != list(range(k)):
        return ()
    return tuple(rights)
