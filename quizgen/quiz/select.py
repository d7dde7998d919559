"""Choosing a quiz's questions: kinds, counts, filters, seed, and no item giving another away."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterable, Sequence

from quizgen.factbase.model import FactBase
from quizgen.generators import get_generator
from quizgen.generators.base import Generated, GenOptions
from quizgen.quiz.balance import rationed_kinds
from quizgen.quiz.checker import Checker
from quizgen.quiz.deck_spread import deck_skips, spread_counted, spread_deck
from quizgen.quiz.fill import fill_kinds
from quizgen.quiz.leaks import piled
from quizgen.quiz.left_out import left_out
from quizgen.quiz.questions import TRUE_FALSE, MultipleChoice, Question, Quiz, Skip
from quizgen.quiz.request import check_request, filter_reason, touches, wanted_kinds
from quizgen.quiz.spread import favour
from quizgen.quiz.unchecked import unchecked_under
from quizgen.quiz.verdicts import Verdicts
from quizgen.quiz.versions import (  # versions live in their own module; importable from here too
    MAX_VERSIONS,
    answer_key,
    make_versions,
    shuffle_options,
    version_label,
)

CLASS_LENGTH = 20  # questions on a worksheet when no count is given: a class period, few pages


def build_quiz(
    bases: Sequence[FactBase] | FactBase,
    *,
    seed: int = 0,
    kinds: Iterable[str] | None = None,
    per_kind: int | None = None,
    count: int | None = None,
    tags: Iterable[str] = (),
    people: Iterable[str] = (),
    title: str | None = None,
    options: GenOptions = GenOptions(),  # noqa: B008 - frozen, so a shared default is safe
    everything: bool = False,
    include_unchecked: bool = False,
    generated: dict[tuple[str, int], Generated] | None = None,
) -> Quiz:
    """Generate, filter and pick questions: grouped by kind in registry order, seeded throughout.

    `per_kind` picks that many of each kind; `count` picks that many in all, spread evenly across
    kinds and topped up from others when a kind runs short; neither keeps every question that
    fits. Tags and people keep questions touching any of them (both given: a question must pass
    both filters). No item kept gives away another or asks a fact another asks (quizgen.quiz.leaks),
    unless `everything` is set: then questions are kept (all of them, without counts) whether
    they clash or not. A question that rests on a fact still marked `check:` (a guess of the
    draft or the template) is left out unless `include_unchecked`: then the quiz is a draft,
    and its title says so. `generated`: what each generator made of each base (keyed by kind and
    the base's place in `bases`), filled here and reused by a later call with the same bases,
    seed and options, so that a build selecting twice (a worksheet's share and a deck's whole)
    generates once. Without a `title`, a quiz over several bases of which some give no question
    is chosen again over those that do, and titled by them (its files are named by quiz.bases).
    """
    bases = (bases,) if isinstance(bases, FactBase) else tuple(bases)
    check_request(bases, per_kind=per_kind, count=count)
    chosen_kinds = wanted_kinds(kinds)
    tag_set, people_set = frozenset(tags), frozenset(people)
    pools: dict[str, list[Question]] = {}
    skipped: list[Skip] = []
    waiting: dict[str, int] = {}  # questions left out per kind: they rest on unchecked facts
    drafted = False
    for kind in chosen_kinds:
        generate = get_generator(kind)
        pool: list[Question] = []
        seen: set[str] = set()
        for position, base in enumerate(bases):
            made = None if generated is None else generated.get((kind, position))
            result = made or generate(base, seed=seed, options=options)
            if generated is not None:
                generated[kind, position] = result
            skipped.extend(result.skipped)
            kept = [q for q in result.questions if touches(q, tag_set, people_set)
                    and q.id not in base.dropped]  # dropped by the teacher (quizgen studio)
            if result.questions and not kept:
                skipped.append(Skip(kind, base.id, filter_reason(tag_set, people_set)))
            guessed = [q for q in kept if unchecked_under(q, base)]
            if guessed and include_unchecked:
                drafted = True
            elif guessed:
                kept = [q for q in kept if q not in guessed]
                waiting[kind] = waiting.get(kind, 0) + len(guessed)
            for question in kept:
                if question.id not in seen:
                    seen.add(question.id)
                    pool.append(question)
        pools[kind] = _spread(pool, random.Random(f"{seed}:select:{kind}"))
    if waiting:
        skipped.append(Skip(",".join(waiting), ",".join(b.id for b in bases),
                            _waiting_reason(waiting)))
    quotas = _quotas(pools, per_kind=per_kind, count=count)
    shortfall = _shortfall(pools, quotas, per_kind=per_kind, count=count)
    if shortfall:
        skipped.append(Skip(",".join(chosen_kinds), ",".join(b.id for b in bases), shortfall))
    for kind in chosen_kinds:
        if per_kind is not None and len(pools[kind]) < per_kind:
            skipped.append(
                Skip(
                    kind,
                    ",".join(b.id for b in bases),
                    f"asked for {per_kind} {kind} questions; {_only(len(pools[kind]))} available",
                )
            )
    titled_by_bases = title is None  # the default title follows the bases that give questions
    title = title if title is not None else _default_title(bases)
    if everything:
        picked = spread_counted(pools, quotas, bases, tries=SPREAD_TRIES)
    else:
        verdicts = Verdicts()  # what the sheet rules said, kept for the whole selection
        rationed = rationed_kinds(chosen_kinds, count=count)  # one each on a mixed sheet
        picked = _spread_keys(pools, quotas, bases, title=title, per_kind=per_kind,
                              count=count, verdicts=verdicts, rationed=rationed)
        if count is not None:
            picked = fill_kinds(picked, pools, bases, title=title, count=count,
                                verdicts=verdicts, rationed=rationed)
        skipped.extend(left_out([q for kind in picked for q in picked[kind]],
                                [q for kind in chosen_kinds for q in pools[kind]], bases,
                                title=title, verdicts=verdicts, rationed=rationed))
    for kind in chosen_kinds:  # true/false statements: as many true as false, give or take one
        kept = even_statements(picked[kind])
        if len(kept) < len(picked[kind]):
            skipped.append(Skip(kind, ",".join(b.id for b in bases),
                                f"{len(picked[kind]) - len(kept)} statements left out to keep as"
                                " many true as false"))
            picked[kind] = kept
    if everything:  # the deck too keeps the speakers' keys spread, teaching every fact still
        spread = spread_deck([q for kind in chosen_kinds for q in picked[kind]], bases,
                             seed=seed)
        order = dict.fromkeys([*chosen_kinds, *(q.kind for q in spread.kept)])
        picked = {kind: [q for q in spread.kept if q.kind == kind] for kind in order}
        skipped.extend(deck_skips(spread, bases))
    total = sum(len(p) for p in picked.values())
    if count is not None and total < count and not shortfall:
        skipped.append(Skip(",".join(chosen_kinds), ",".join(b.id for b in bases),
                            f"asked for {count} questions; {_only(total)} of those made can stand"
                            " together on one sheet"))
    questions = tuple(q for kind in picked for q in picked[kind])
    quiz = Quiz(
        title=draft_title(title) if drafted else title,
        bases=bases,
        questions=questions,
        skipped=tuple(skipped),
        draft=drafted,
    )
    giving = tuple(b for b in bases if any(q.factbase == b.id for q in questions))
    if not titled_by_bases or not 0 < len(giving) < len(bases):
        return quiz
    # Some bases gave no question: the quiz is titled (and its files named) by those that did,
    # and chosen again under that title, which the sheet rules read (a title may answer an item)
    narrower = build_quiz(
        giving, seed=seed, kinds=chosen_kinds, per_kind=per_kind, count=count, tags=tag_set,
        people=people_set, options=options, everything=everything,
        include_unchecked=include_unchecked,
        generated=None if generated is None else _moved(generated, bases, giving))
    idle = [b.id for b in bases if b not in giving]
    told = tuple(s for s in quiz.skipped if s.factbase in idle)
    note = Skip(",".join(chosen_kinds), ",".join(idle),
                "gave no question, so the quiz is titled and named after the other"
                f" {'article' if len(giving) == 1 else 'articles'}")
    return dataclasses.replace(narrower, skipped=(*narrower.skipped, *told, note))


def _moved(generated: dict[tuple[str, int], Generated], bases: Sequence[FactBase],
           kept: Sequence[FactBase]) -> dict[tuple[str, int], Generated]:
    """What each generator made of each kept base, keyed by the base's place among the kept."""
    place = {id(b): i for i, b in enumerate(bases)}
    return {(kind, new): made for new, base in enumerate(kept)
            for (kind, old), made in generated.items() if old == place[id(base)]}


def even_statements(questions: list[Question]) -> list[Question]:
    """The questions with true/false statements (options TRUE_FALSE) trimmed from the end of the
    more common key, so that as many are true as false, give or take one."""
    keys = [q.answer for q in questions
            if isinstance(q, MultipleChoice) and q.options == TRUE_FALSE]
    surplus = abs(keys.count(0) - keys.count(1)) - 1
    if surplus <= 0:
        return questions
    more = 0 if keys.count(0) > keys.count(1) else 1
    out = list(questions)
    for index in range(len(out) - 1, -1, -1):
        q = out[index]
        if surplus and isinstance(q, MultipleChoice) and q.options == TRUE_FALSE \
                and q.answer == more:
            del out[index]
            surplus -= 1
    return out


DRAFT_MARK = "DRAFT, facts not checked"


def draft_title(title: str) -> str:
    """The title of a quiz holding questions that rest on unchecked guesses."""
    return title if title.startswith(DRAFT_MARK) else f"{DRAFT_MARK}: {title}"


def _only(count: int) -> str:
    """'only 3', or 'none' for nothing at all (never 'only 0')."""
    return f"only {count}" if count else "none"


def _waiting_reason(waiting: dict[str, int]) -> str:
    total = sum(waiting.values())
    return (f"left out {total} question{'s' * (total != 1)} that rest on facts still marked"
            " `check:` (guesses of the draft or the template, not yet read against the"
            " article): check each fact and delete its `check:` line, or build with"
            " --include-unchecked for a draft")


SPREAD_TRIES = 24  # re-picks allowed to spread speaker keys before the last pick is kept


def _spread_keys(
    pools: dict[str, list[Question]],
    quotas: dict[str, int],
    bases: Sequence[FactBase],
    *,
    title: str,
    per_kind: int | None,
    count: int | None,
    verdicts: Verdicts | None = None,
    rationed: frozenset[str] = frozenset(),
) -> dict[str, list[Question]]:
    """Pick, then while a student answering "always the main speaker" would beat chance by more
    than ten points on the speaker items, leave out the item that favours that guess most (the
    last picked among equals) and pick again (quizgen.quiz.sheet_rules)."""
    spared: set[str] = set()
    verdicts = Verdicts() if verdicts is None else verdicts  # judged once for all picks
    for _ in range(SPREAD_TRIES):
        picked = _pick(pools, quotas, bases, title=title, left_out=spared, per_kind=per_kind,
                       count=count, verdicts=verdicts, rationed=rationed)
        chosen = [q for kind in picked for q in picked[kind]]
        over = piled(chosen, bases)
        if not over:
            break
        for spread in over:
            gains = [(favour(q, spread.entity), i) for i, q in enumerate(chosen)
                     if q.factbase == spread.factbase]
            gain, worst = max(gains)
            if gain <= 0:
                break
            spared.add(chosen[worst].id)
    return picked


def _pick(
    pools: dict[str, list[Question]],
    quotas: dict[str, int],
    bases: Sequence[FactBase],
    *,
    title: str = "",
    left_out: set[str] | frozenset[str] = frozenset(),
    per_kind: int | None,
    count: int | None,
    verdicts: Verdicts | None = None,
    rationed: frozenset[str] = frozenset(),
) -> dict[str, list[Question]]:
    """Questions taken kind by kind in turn, each only if it clashes with none taken before.

    Kinds take turns so that a kind's share survives clashes with the others; with a `count`,
    build_quiz then tops the quiz up (quizgen.quiz.fill). Returns the questions per kind.
    """
    checker = Checker(bases, title=title, left_out=left_out, verdicts=verdicts,
                      rationed=rationed)
    picked: dict[str, list[Question]] = {kind: [] for kind in pools}
    cursor = dict.fromkeys(pools, 0)

    def take(kind: str) -> bool:
        pool = pools[kind]
        while cursor[kind] < len(pool):
            question = pool[cursor[kind]]
            cursor[kind] += 1
            if checker.offer(question):
                picked[kind].append(question)
                return True
        return False

    def turns(kinds: list[str], room: Callable[[str], bool], stop: Callable[[], bool]) -> None:
        active = [kind for kind in kinds if room(kind)]
        while active and not stop():
            for kind in list(active):
                if stop():
                    return
                if not room(kind) or not take(kind):
                    active.remove(kind)

    if per_kind is None and count is None:  # every question that fits
        turns(list(pools), lambda kind: True, lambda: False)
    else:  # each kind its share
        turns(list(pools), lambda kind: len(picked[kind]) < quotas[kind], lambda: False)
    return picked


def _spread(pool: list[Question], rng: random.Random) -> list[Question]:
    """The pool in seeded order, questions sharing no source excerpt with earlier ones first.

    A figure asked both ways, or a quote asked alone and in a matching, shares its excerpt: putting
    such questions late keeps one from giving another away when only some are picked.
    """
    shuffled = list(pool)
    rng.shuffle(shuffled)
    first: list[Question] = []
    later: list[Question] = []
    used: set[str] = set()
    for question in shuffled:
        if used.isdisjoint(question.explanation):
            first.append(question)
            used.update(question.explanation)
        else:
            later.append(question)
    return first + later


def _quotas(
    pools: dict[str, list[Question]], *, per_kind: int | None, count: int | None
) -> dict[str, int]:
    """How many of each kind to keep."""
    available = {kind: len(pool) for kind, pool in pools.items()}
    if per_kind is not None:
        return {kind: min(per_kind, n) for kind, n in available.items()}
    if count is None:
        return available
    quotas = dict.fromkeys(available, 0)
    remaining = min(count, sum(available.values()))
    while remaining > 0:
        open_kinds = [kind for kind in available if quotas[kind] < available[kind]]
        share = max(1, remaining // len(open_kinds))
        for kind in open_kinds:
            give = min(share, available[kind] - quotas[kind], remaining)
            quotas[kind] += give
            remaining -= give
            if remaining == 0:
                break
    return quotas


def _shortfall(
    pools: dict[str, list[Question]],
    quotas: dict[str, int],
    *,
    per_kind: int | None,
    count: int | None,
) -> str | None:
    total = sum(quotas.values())
    if count is not None and total < count:
        return f"asked for {count} questions; {_only(total)} available"
    if per_kind is None and count is None and not total:
        return "no questions could be made"
    return None


def _default_title(bases: tuple[FactBase, ...]) -> str:
    if len(bases) == 1:
        return bases[0].source.title
    return f"Quiz on {len(bases)} articles"


__all__ = [
    "CLASS_LENGTH", "MAX_VERSIONS", "answer_key", "build_quiz", "make_versions",
    "shuffle_options", "version_label",
]
