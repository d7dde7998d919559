"""Per-student versions of a quiz: questions, options and matching columns shuffled, keys moved."""

from __future__ import annotations

import hashlib
import itertools
import math
import random
import string
from collections.abc import Collection, Sequence
from dataclasses import replace

from quizgen.errors import Problem, QuizgenError
from quizgen.generators import get_generator
from quizgen.generators.base import GenOptions
from quizgen.generators.common import norm
from quizgen.generators.figure_choice import KIND as FIGURE
from quizgen.generators.figure_choice import generate_measure
from quizgen.quiz.figure_sheet import Crossings, Profiles
from quizgen.quiz.questions import (
    Amount,
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    ParagraphRef,
    Question,
    Quiz,
    Statement,
    TruthRef,
    assert_never,
)

MAX_VERSIONS = 26 * 27  # A..Z, then AA..ZZ
VERSION_TRIES = 20  # reshuffles tried to make a version differ from the earlier ones
LISTED_ORDERS = 720  # up to this many orders (6 items), an unused one is picked from them all


def version_label(index: int) -> str:
    """'A'..'Z', then 'AA', 'AB', ..."""
    letters = string.ascii_uppercase
    if index < 26:
        return letters[index]
    return letters[index // 26 - 1] + letters[index % 26]


def make_versions(quiz: Quiz, *, count: int, seed: int) -> tuple[Quiz, ...]:
    """Versions A, B, ...: each shuffles the questions within each section, every option list and
    both columns of a matching, and remaps the keys; a single version is the quiz unchanged.

    Each version tries to put every answer on a letter (an order, a set of pairs) that no earlier
    version used for it, and gives every matching an order of quotes no earlier version gave it
    while one is left. Numeric options stay ascending, so a figure question is asked again by
    its generator with another seed, which surrounds the answer with other distractors and so
    moves its letter; the oracle must accept the new question, else the old one stays. A
    statement (True, False) keeps its letter: its key is its truth, which its id fixes.
    """
    if not 1 <= count <= MAX_VERSIONS:
        raise QuizgenError(
            Problem(
                "number of versions out of range",
                field="versions",
                found=str(count),
                expected=f"1 to {MAX_VERSIONS}",
            )
        )
    if count == 1:
        return (replace(quiz, version=""),)
    remade = _Remade(quiz, seed=seed)
    versions: list[Quiz] = []
    orders: set[tuple[str, ...]] = set()
    keys: dict[str, set[object]] = {}
    lefts: dict[str, set[tuple[int, ...]]] = {}
    for index in range(count):
        label = version_label(index)
        rng = random.Random(f"{seed}:version:{label}")
        for _ in range(VERSION_TRIES):
            order = _reorder(quiz.questions, rng)
            if tuple(q.id for q in order) not in orders:
                break
        orders.add(tuple(q.id for q in order))
        questions: list[Question] = []
        for n, question in enumerate(order):
            used = keys.setdefault(question.id, set())
            orders_used = lefts.setdefault(question.id, set())
            others = (*questions, *order[n + 1:])  # a remade figure crosses none of them
            arranged = _arrange(question, rng, used=used, lefts=orders_used, remade=remade,
                                others=others)
            used.add(answer_key(arranged))
            if isinstance(question, Matching) and isinstance(arranged, Matching):
                orders_used.add(_left_order(question, arranged))
            questions.append(arranged)
        versions.append(replace(quiz, questions=tuple(questions), version=label))
    return tuple(versions)


def answer_key(question: Question) -> object:
    """What a student writes for a question, independent of how it is worded: a letter's index,
    the pairs as (quote, speaker) letters, the order as item letters."""
    match question:
        case MultipleChoice():
            return question.answer
        case Matching():
            return tuple(sorted(question.answer))
        case Ordering() | GapFill():
            return tuple(question.answer)
        case _:
            assert_never(question)


def _reorder(questions: tuple[Question, ...], rng: random.Random) -> tuple[Question, ...]:
    """Questions shuffled within each run of one kind (a section of the sheet)."""
    sections: list[list[Question]] = []
    for question in questions:
        if sections and sections[-1][0].kind == question.kind:
            sections[-1].append(question)
        else:
            sections.append([question])
    result: list[Question] = []
    for section in sections:
        shuffled = list(section)
        rng.shuffle(shuffled)
        result.extend(shuffled)
    return tuple(result)


def _numeric(question: Question) -> bool:
    """Options in a fixed order: numbers (amounts, paragraph numbers) ascending; True, False."""
    return isinstance(question, MultipleChoice) and all(
        isinstance(o.claim, Amount | ParagraphRef | TruthRef) for o in question.options
    )


def _flippable(question: Question) -> bool:
    """Options that may be listed from the top down: amounts only. Paragraph numbers stay in
    reading order and a statement's options stay True, False."""
    return isinstance(question, MultipleChoice) and all(
        isinstance(o.claim, Amount) for o in question.options
    )


def _descending(question: Question) -> Question:
    """A numeric question with its options from the largest down, the key remapped: a key that
    must stand at one end (a figure given as 'more than 1,000', whose wrong options all lie
    below it) moves to the other in another version."""
    if not isinstance(question, MultipleChoice):
        return question
    return replace(question, options=question.options[::-1],
                   answer=_descending_answer(question))


def _descending_answer(question: MultipleChoice) -> int:
    """The key of the question with its options listed from the top down (its answer_key),
    known without listing them."""
    return len(question.options) - 1 - question.answer


def _left_order(original: Matching, arranged: Matching) -> tuple[int, ...]:
    """Where each quote of the arranged matching stood in the original: its order of quotes."""
    return tuple(original.left.index(item) for item in arranged.left)


def _arrange(question: Question, rng: random.Random, *, used: set[object],
             lefts: Collection[tuple[int, ...]], remade: _Remade,
             others: Sequence[Question] = ()) -> Question:
    """The question rearranged with an answer key not in `used` when one can be found (and a
    matching with an order of quotes not in `lefts` when one is left); a figure asked again
    offers no answer of the `others` nor has one (figures_cross)."""
    if _numeric(question):
        if answer_key(question) not in used:
            return question
        if isinstance(question, MultipleChoice) and used.issuperset(range(len(question.options))):
            return question  # every letter taken already: no remake nor flip finds a new one
        if isinstance(question, MultipleChoice) and isinstance(question.ask, Statement):
            return question  # its key is its truth: a remake (same id, same statement) keeps it
        crossings = Crossings(others, profiles=remade.profiles)
        remakes: list[Question] = []  # remade in turn until one has a key not used yet
        for attempt in range(VERSION_TRIES):
            remake = remade.get(question, attempt)
            if remake is None or crossings.any(remake):
                continue
            if answer_key(remake) not in used:
                return remake
            remakes.append(remake)
        # "more than 1,000" is last whatever the seed: list the options from the top down
        for other in (question, *remakes) if _flippable(question) else ():
            if isinstance(other, MultipleChoice) and _descending_answer(other) not in used:
                return _descending(other)
        return question
    best = shuffle_options(question, rng, avoid=lefts)
    for _ in range(VERSION_TRIES):
        if answer_key(best) not in used:
            break
        best = shuffle_options(question, rng, avoid=lefts)
    return best


class _Remade:
    """Figure questions asked again by their generator under other seeds, checked by the oracle."""

    def __init__(self, quiz: Quiz, *, seed: int) -> None:
        self.quiz, self.seed = quiz, seed
        self._made: dict[tuple[str, str, int, int, str | None], dict[str, Question]] = {}
        self._proved: dict[tuple[str, str, int, int, str | None, str], bool] = {}  # verdicts
        self.profiles: Profiles = {}  # what figures_cross reads of each item (Crossings)
        # each question's remake for an attempt, made once: every version asks for it again,
        # and the same object is read once by Crossings (its profile is kept by identity)
        self._given: dict[tuple[int, int], tuple[Question, Question | None]] = {}

    def get(self, question: Question, attempt: int) -> Question | None:
        """The question asked again by its generator for this attempt's seed, worded as the
        question is, if the oracle proves it; None when there is none."""
        known = self._given.get((id(question), attempt))
        if known is not None and known[0] is question:
            return known[1]
        remake = self._remake(question, attempt)
        self._given[id(question), attempt] = (question, remake)
        return remake

    def _remake(self, question: Question, attempt: int) -> Question | None:
        from quizgen.oracle import check_question

        try:
            base = self.quiz.base(question.factbase)
            generate = get_generator(question.kind)
        except (KeyError, QuizgenError):
            return None
        wanted = max(3, len(question.options)) if isinstance(question, MultipleChoice) else 4
        # a figure is asked again with the figures of its measure alone: the same questions
        measure = getattr(question.ask, "measure", None) if question.kind == FIGURE else None
        narrow = norm(measure) if isinstance(measure, str) else None
        key = (question.kind, question.factbase, attempt, wanted, narrow)  # 3 options or 4 apart
        if key not in self._made:
            digest = hashlib.sha256(f"{self.seed}:remake:{attempt}".encode()).digest()
            options = GenOptions(num_options=wanted)
            seed = int.from_bytes(digest[:4], "big")
            made = (generate(base, seed=seed, options=options).questions if narrow is None
                    else generate_measure(base, narrow, seed=seed, options=options))
            self._made[key] = {q.id: q for q in made}
        other = self._made[key].get(question.id)
        if (
            other is None
            or not isinstance(other, MultipleChoice)
            or not isinstance(question, MultipleChoice)
            or len(other.options) != len(question.options)
            or not _numeric(other)
        ):
            return None
        proved = (*key, other.id)
        if proved not in self._proved:  # every version asks again for the same remade question
            self._proved[proved] = check_question(other, base).ok
        if not self._proved[proved]:
            return None
        return replace(other, prompt=question.prompt, explanation=question.explanation,
                       tags=question.tags, people=question.people)


def shuffle_options(question: Question, rng: random.Random, *,
                    avoid: Collection[tuple[int, ...]] = ()) -> Question:
    """The question with its options (or both matching columns, or items) permuted, key remapped.

    Numeric options stay ascending. A matching's quotes take an order (new position -> old
    index) not in `avoid` whenever such an order exists.
    """
    match question:
        case MultipleChoice():
            if _numeric(question):
                return question
            perm = _permutation(len(question.options), rng)
            return replace(
                question,
                options=tuple(question.options[p] for p in perm),
                answer=perm.index(question.answer),
            )
        case Matching():
            right = _permutation(len(question.right), rng)
            left = _fresh_permutation(len(question.left), rng, avoid=avoid)
            pairs = dict(question.answer)
            return replace(
                question,
                left=tuple(question.left[p] for p in left),
                right=tuple(question.right[p] for p in right),
                answer=tuple((i, right.index(pairs[p])) for i, p in enumerate(left)),
            )
        case Ordering():
            return _shuffle_items(question, rng)
        case GapFill():  # the bank in a new order; the gaps stay where the passage has them
            bank = _permutation(len(question.bank), rng)
            return replace(
                question,
                bank=tuple(question.bank[p] for p in bank),
                answer=tuple(bank.index(word) for word in question.answer),
            )
        case _:
            assert_never(question)


def _shuffle_items(question: Ordering, rng: random.Random) -> Ordering:
    """Items permuted, never into chronological order when another order exists."""
    k = len(question.items)
    perm = _permutation(k, rng)
    for _ in range(VERSION_TRIES):
        answer = tuple(perm.index(i) for i in question.answer)
        if k < 2 or answer != tuple(sorted(answer)):
            break
        perm = _permutation(k, rng)
    return replace(
        question,
        items=tuple(question.items[p] for p in perm),
        answer=tuple(perm.index(i) for i in question.answer),
    )


def _fresh_permutation(n: int, rng: random.Random, *,
                       avoid: Collection[tuple[int, ...]]) -> list[int]:
    """A uniformly drawn permutation not in `avoid` when one exists: redrawn a few times, then
    (for few items, where a repeat is likely) drawn from all the unused ones; else any."""
    perm = _permutation(n, rng)
    for _ in range(VERSION_TRIES):
        if tuple(perm) not in avoid:
            return perm
        perm = _permutation(n, rng)
    if math.factorial(n) <= LISTED_ORDERS:
        unused = [list(p) for p in itertools.permutations(range(n)) if p not in avoid]
        if unused:
            return rng.choice(unused)
    return perm


def _permutation(n: int, rng: random.Random) -> list[int]:
    """A uniformly drawn permutation: new position -> old index."""
    perm = list(range(n))
    rng.shuffle(perm)
    return perm
