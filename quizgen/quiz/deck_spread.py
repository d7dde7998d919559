"""Keys spread across speakers in a whole deck (`--all`, the Anki deck): "always the main speaker"
scores at most chance plus ten points (quizgen.quiz.spread), and the deck still teaches every
quote and claim. The items favouring the main speaker most are left out where another item of
the deck teaches their quote or claim, and asked as true-or-false statements where none does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from quizgen.factbase.model import Entity, FactBase, Quote, ReportedClaim
from quizgen.generators.common import norm, seeded
from quizgen.generators.speakers import main_speaker
from quizgen.quiz.leaks import piled
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    TRUE_FALSE,
    ClaimantOf,
    ClaimStatement,
    EntityRef,
    GapFill,
    Matching,
    MultipleChoice,
    Question,
    QuoteRef,
    SaidStatement,
    Skip,
    SpeakerOf,
)
from quizgen.quiz.spread import SPREAD_MARGIN, favour, spreads

Fact = tuple[str, str]  # ("quote", its text folded) or ("claim", its id)
STATEMENT = "true-false"  # the kind a re-formed item is asked as
REFORMED = "as true-or-false statements instead"  # the report's words for them (cli.console)


class DeckSpread:
    """The deck after spreading: `kept` in deck order (a re-formed item in its item's place),
    and the items left out and those re-formed, by base, for the teacher's report."""

    def __init__(self) -> None:
        self.kept: list[Question] = []
        self.left_out: dict[str, list[Question]] = {}  # by base id, in deck order
        self.reformed: dict[str, list[Question]] = {}  # the items asked as statements instead


class _Base(NamedTuple):
    """One base's speaker items as spreading reads them."""

    base: FactBase
    entity: str
    own: list[int]  # indexes of the base's items in the deck
    excess: float  # (score - chance - margin) × items: over while above zero


def spread_deck(questions: Sequence[Question], bases: Sequence[FactBase], *,
                seed: int) -> DeckSpread:
    """For each base whose main speaker scores more than ten points above chance on the deck's
    items asking who said or claimed something, the items favouring that speaker most (the last
    among equals; only those whose going lowers the score) are left out while another kept
    item teaches each fact they ask (a matching or speaker item holding the quote, a true
    statement of who said it, a gap-fill passage showing it); then, while still over, those
    asking who said one quote or claim are asked as true-or-false statements instead, true and
    false in turn, so that the deck's statements stay as many true as false, give or take one
    (a false one names an option the item offered, which the facts rule out)."""
    by_id = {base.id: base for base in bases}
    out: set[int] = set()
    reformed: dict[int, list[Question]] = {}
    ids = {q.id for q in questions}
    balance = [sum(1 if q.answer == 0 else -1 for q in questions  # true less false statements
                   if isinstance(q, MultipleChoice) and q.options == TRUE_FALSE)]
    for spread in spreads(questions, bases):
        if spread.over:
            read = _Base(by_id[spread.factbase], spread.entity,
                         [i for i, q in enumerate(questions) if q.factbase == spread.factbase],
                         (spread.score - spread.chance - SPREAD_MARGIN) * spread.items)
            excess, cover = _leave_out(questions, read, out)
            _reform(questions, read._replace(excess=excess), cover, out, reformed, ids,
                    balance, seed=seed)
    found = DeckSpread()
    for index, question in enumerate(questions):
        if index in out:
            found.left_out.setdefault(question.factbase, []).append(question)
        elif index in reformed:
            found.kept.extend(reformed[index])
            found.reformed.setdefault(question.factbase, []).append(question)
        else:
            found.kept.append(question)
    return found


def spread_counted(pools: dict[str, list[Question]], quotas: dict[str, int],
                   bases: Sequence[FactBase], *, tries: int) -> dict[str, list[Question]]:
    """Each kind's share of its pool, clashes allowed (`--all` with a count); when a share is
    short of its pool, while the main speaker is piled on, the item favouring that guess most
    (the last among equals) gives its place to the next of its kind, as long as one is left."""
    spared: set[str] = set()
    picked: dict[str, list[Question]] = {}
    for _ in range(tries):
        picked = {kind: [q for q in pool if q.id not in spared][: quotas[kind]]
                  for kind, pool in pools.items()}
        chosen = [q for kind in picked for q in picked[kind]]
        spare = {kind for kind, pool in pools.items()
                 if sum(q.id not in spared for q in pool) > quotas[kind]}
        over = piled(chosen, bases) if spare else []
        if not over:
            break
        gains = [(favour(q, spread.entity), i) for spread in over for i, q in enumerate(chosen)
                 if q.factbase == spread.factbase and q.kind in spare]
        if not gains or max(gains)[0] <= 0:
            break
        spared.add(chosen[max(gains)[1]].id)
    return picked


def _gains(questions: Sequence[Question], read: _Base) -> list[tuple[float, int]]:
    """The base's items that favour its main speaker enough that leaving each out (or asking it
    otherwise) lowers the score, most first, the last in the deck first among equals."""
    gains = [(favour(questions[i], read.entity), i) for i in read.own]
    return sorted(((g, i) for g, i in gains if g > SPREAD_MARGIN + 1e-9), reverse=True)


def _leave_out(questions: Sequence[Question], read: _Base,
               out: set[int]) -> tuple[float, dict[Fact, int]]:
    """Leave out items taught by others while over; returns the excess left, and how many kept
    items teach each fact."""
    taught = {i: _taught(questions[i], read.base) for i in read.own}
    cover: dict[Fact, int] = {}
    for facts in taught.values():
        for fact in facts:
            cover[fact] = cover.get(fact, 0) + 1
    excess = read.excess
    for gain, index in _gains(questions, read):
        if excess <= 1e-9:
            break
        facts = taught[index]
        if not facts or any(cover[fact] < 2 for fact in facts):
            continue  # the only item teaching one of its facts: kept
        for fact in facts:
            cover[fact] -= 1
        out.add(index)
        excess -= gain - SPREAD_MARGIN
    return excess, cover


def _reform(questions: Sequence[Question], read: _Base, cover: dict[Fact, int], out: set[int],
            reformed: dict[int, list[Question]], ids: set[str], balance: list[int], *,
            seed: int) -> None:
    """Ask the items favouring the main speaker most as statements while still over: a
    who-said-it or who-claimed-it item as one statement, a matching as one statement for each
    of its quotes that no other kept item teaches. Each is true when the deck's statements hold
    fewer true than false, false when more (`balance`: true less false), else as seeded."""
    excess = read.excess
    first = seeded(seed, STATEMENT, read.base.id, "deck-spread").random() < 0.5
    for gain, index in _gains(questions, read):
        if excess <= 1e-9:
            break
        if index in out:
            continue
        question = questions[index]
        made: list[Question] = []
        for one in _singles(question, read.base, cover):
            true = balance[0] < 0 if balance[0] else first
            statement = _statement(one, read.base, true=true, ids=ids, seed=seed)
            if statement is None:
                break
            made.append(statement)
            ids.add(statement.id)
            balance[0] += 1 if statement.answer == 0 else -1
        else:
            for fact in _taught(question, read.base):
                cover[fact] -= 1
            reformed[index] = made
            excess -= gain - SPREAD_MARGIN


def _singles(question: Question, base: FactBase,
             cover: dict[Fact, int]) -> list[MultipleChoice]:
    """An item as who-said-it items: itself, or a matching's quotes that no other kept item
    teaches, each offering the matching's right column (a repeated speaker once)."""
    if isinstance(question, MultipleChoice):
        return [question]
    if not isinstance(question, Matching):
        return []
    singles = []
    for left, right in sorted(question.answer):
        ref = question.left[left].claim
        if not isinstance(ref, QuoteRef) or cover.get(_quote(base, ref.quote), 0) > 1:
            continue
        quote = base.by_id.get(ref.quote)
        words = norm(quote.text) if isinstance(quote, Quote) else ""
        shown = tuple(e for e in question.explanation if words and words in norm(e))
        singles.append(MultipleChoice(
            id=f"{question.id}:{left}", kind=question.kind, factbase=base.id,
            prompt=question.prompt, ask=SpeakerOf(ref.quote), options=question.right,
            answer=right, explanation=shown or question.explanation, tags=question.tags,
            people=question.people))
    return singles


def _statement(question: Question, base: FactBase, *, true: bool, ids: set[str],
               seed: int) -> MultipleChoice | None:
    """A who-said-it or who-claimed-it item as a statement ("Ana Ruiz said that …"): of its key
    when `true`, else of another option it offers (the next when the deck already asks one, and
    the other truth when it asks all); None for other items, or when the deck asks them all."""
    if not isinstance(question, MultipleChoice) or not isinstance(
            question.ask, SpeakerOf | ClaimantOf):
        return None
    wrong = [i for i in range(len(question.options)) if i != question.answer]
    seeded(seed, STATEMENT, base.id, question.id, "deck-spread").shuffle(wrong)
    for option in [question.answer, *wrong] if true else [*wrong, question.answer]:
        claim = question.options[option].claim
        if not isinstance(claim, EntityRef):
            return None
        name = question.options[option].text
        fact = base.by_id.get(question.ask.quote if isinstance(question.ask, SpeakerOf)
                              else question.ask.claim)
        if isinstance(fact, Quote):
            ask: SaidStatement | ClaimStatement = SaidStatement(fact.id, claim.entity)
            said = f"{name} said: “{' '.join(fact.text.split())}”"
        elif isinstance(fact, ReportedClaim):
            ask = ClaimStatement(fact.id, claim.entity)
            said = f"{name} said that {' '.join(fact.text.split()).rstrip('.')}."
        else:
            return None
        made = stable_id(STATEMENT, base.id, ask)
        if made not in ids:  # "The research paper said: …" at the start of a sentence
            return MultipleChoice(
                id=made, kind=STATEMENT, factbase=base.id, prompt=said[:1].upper() + said[1:],
                ask=ask,
                options=TRUE_FALSE, answer=0 if option == question.answer else 1,
                explanation=question.explanation, tags=question.tags, people=question.people)
    return None


def _taught(question: Question, base: FactBase) -> frozenset[Fact]:
    """The quotes (by text) and claims an item teaches who said: those it asks, a matching's
    quotes, a true statement's quote or claim, and those whose excerpt a gap-fill shows."""
    if isinstance(question, Matching):
        return frozenset(_quote(base, o.claim.quote) for o in question.left
                         if isinstance(o.claim, QuoteRef))
    if isinstance(question, GapFill):
        return _shown(base, norm(" ".join(question.explanation)))
    if not isinstance(question, MultipleChoice):
        return frozenset()
    ask = question.ask
    if isinstance(ask, SpeakerOf):
        return frozenset({_quote(base, ask.quote)})
    if isinstance(ask, ClaimantOf):
        return frozenset({("claim", ask.claim)})
    if isinstance(ask, SaidStatement) and question.answer == 0:  # "X said: …", true
        return frozenset({_quote(base, ask.quote)})
    if isinstance(ask, ClaimStatement) and question.answer == 0:
        return frozenset({("claim", ask.claim)})
    return frozenset()


def _quote(base: FactBase, quote_id: str) -> Fact:
    """A quote as a fact taught: its text folded (one passage said under several entries)."""
    quote = base.by_id.get(quote_id)
    return ("quote", norm(quote.text) if isinstance(quote, Quote) else quote_id)


def _shown(base: FactBase, passage: str) -> frozenset[Fact]:
    """The quotes and claims whose excerpt (the sentence reporting them) a passage shows."""
    found: set[Fact] = set()
    for quote in base.quotes:
        if quote.excerpt and norm(quote.excerpt) in passage:
            found.add(("quote", norm(quote.text)))
    for claim in base.claims:
        if claim.excerpt and norm(claim.excerpt) in passage:
            found.add(("claim", claim.id))
    return frozenset(found)


def deck_skips(spread: DeckSpread, bases: Sequence[FactBase]) -> list[Skip]:
    """What spreading did to each base's deck, in a teacher's words."""
    skips = []
    for base in bases:
        entity = base.by_id.get(main_speaker(base) or "")
        name = entity.name if isinstance(entity, Entity) else "the main speaker"
        why = (f"each would make always answering {name} score more than ten points above"
               " guessing on the questions asking who said or claimed something")
        left = spread.left_out.get(base.id, [])
        if left:
            skips.append(Skip(_kinds(left), base.id, (
                f"left out {_counts(left)}: {why}, and another question of the deck already"
                " teaches its quote or claim (a matching, a true statement, a gap-fill"
                " passage)")))
        again = spread.reformed.get(base.id, [])
        if again:
            said = [f'"{name} said that …"' if isinstance(q, MultipleChoice)
                    and isinstance(q.ask, ClaimantOf) else f'"{name} said: “…”"' for q in again]
            skips.append(Skip(_kinds(again), base.id, (
                f"asked {_counts(again)} {REFORMED}, one for each quote"
                " or claim no other question of the deck teaches"
                f" ({' or '.join(dict.fromkeys(said))}): as questions of who said it, {why}")))
    return skips


def _kinds(items: list[Question]) -> str:
    return ",".join(dict.fromkeys(q.kind for q in items))


def _counts(items: list[Question]) -> str:
    """'2 who-said-it, 1 quote-match'."""
    counts: dict[str, int] = {}
    for q in items:
        counts[q.kind] = counts.get(q.kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())
