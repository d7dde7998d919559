"""Why questions that were made stayed off a sheet, each cause in a teacher's words."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quizgen.factbase.model import Entity, FactBase
from quizgen.generators.speakers import main_speaker
from quizgen.quiz.balance import over_ration
from quizgen.quiz.checker import Checker
from quizgen.quiz.described import described_alike
from quizgen.quiz.fill import Fit
from quizgen.quiz.guessed import (
    common_term,
    name_holds_place,
    names_speaker,
    story_order,
    textbook_figure,
)
from quizgen.quiz.leaks import forget_item, title_gives_away
from quizgen.quiz.questions import Question, Skip
from quizgen.quiz.said import one_voice, role_claim, short_quote
from quizgen.quiz.sheet_rules import gives_itself_away, indistinct, trivia
from quizgen.quiz.spread import SheetSpread
from quizgen.quiz.term_kinds import lone_kind, name_says
from quizgen.quiz.verdicts import Verdicts
from quizgen.quiz.worldly import worldly_term

# cause -> what a teacher reads after "left out <n> <kind>, ...: "
CAUSES: dict[str, str] = {
    "trivia": "each asks a time of day, trivia no sheet spends a line on",
    "story": "common sense puts the events of each in order (events of one story, not dated in"
             " different years: cause before effect, one step before the next)",
    "role": "each claim is what its claimant's role would say (a union calls a strike, a pollster"
            " gives a poll's finding, a government defends its policy): students guess it",
    "voices": "each offers two voices of one body (a spokesman beside his body, its chief beside"
              " its spokeswoman): they say one message, and only memory tells them apart",
    "short": "each asks who said a few words (fewer than five, or a figure and its noun) any of"
             " the people offered could have said",
    "names": "each quote names who said it (its speaker, or the body its speaker speaks for)",
    "kind": "the answer of each is the only option of its kind (a nickname among football clubs,"
            " a technique among a star and a distance): students pick it without the article",
    "name says": "the term's own name says what each is (a telescope's meaning an observatory):"
                 " students read the answer off the name",
    "general word": "each asks the meaning of a general word (a word of the language or of a"
                    " science, not a name the article introduces): students know it from outside",
    "wider world": "each asks a thing of the wider world that the article names in passing (a"
                   " maker's product, a festival abroad): students know it or not from outside",
    "constant": "each asks a constant of a general word (the length of a light-year): textbook"
                " knowledge, not what the article reports",
    "place name": "each names something whose full name holds the place asked (the SIWI, the"
                  " Stockholm International Water Institute, for Stockholm)",
    "own words": "the words of each point to its own answer (a word of the prompt only the"
                 " answer echoes, or an acronym spelling it)",
    "title": "the printed title answers each",
    "alike": "each offers two people the article does not tell apart (one only described, as"
             " 'one user', and another who fits the description)",
    "repeat": "each asks again what a question on the sheet asks",
    "giveaway": "each would give away a question on the sheet, or be given away by one",
    "terms": "with the term questions on the sheet, each would let students answer a term by"
             " elimination (one offers another's answer)",
    "event": "each shows an event that an ordering on the sheet already asks to put in order",
    "ration": "a class sheet keeps one question of this kind per article (the kind teachers"
              " rated good least often)",
    "speaker": "each would make always answering {main} score more than ten points above"
               " guessing on the questions asking who said or claimed something",
}


# the causes of quizgen.quiz.guessed, each with its rule, in the order they are told
GUESSED: tuple[tuple[str, Callable[[Question, FactBase], str | None]], ...] = (
    ("story", story_order), ("role", role_claim), ("voices", one_voice), ("short", short_quote),
    ("names", names_speaker), ("place name", name_holds_place), ("kind", lone_kind),
    ("name says", name_says), ("general word", common_term), ("wider world", worldly_term),
    ("constant", textbook_figure),
)


def cause(question: Question, sheet: Sequence[Question], *, fit: Fit) -> str | None:
    """The first rule that keeps an item made off the sheet (a key of CAUSES), or None when
    it fits and was only not needed."""
    base = next((b for b in fit.bases if b.id == question.factbase), None)
    if base is None:
        return None
    said = fit.verdicts
    if trivia(question):
        return "trivia"
    if said.alone(gives_itself_away, question, base):
        return "own words"
    if said.titled(title_gives_away, question, fit.title, base):
        return "title"
    if indistinct(question) or said.alone(described_alike, question, base):
        return "alike"
    for key, rule in GUESSED:
        if said.alone(rule, question, base):
            return key
    for kept in sheet:
        if kept.factbase != question.factbase or fit.clear(kept, question) or fit.pair(
                kept, question):
            continue
        checker = Checker(fit.bases, title=fit.title, verdicts=said)
        checker.offer(kept)
        reason = checker.clash(question) or ""
        if " both ask " in reason:
            return "repeat"
        if "term item" in reason:
            return "terms"
        return "giveaway" if reason else "event"
    if over_ration(question, sheet, fit.rationed):
        return "ration"
    spread = fit.sheet_spread  # the sheet's, read once for every item left_out tells
    if spread.piled(question) if spread is not None and spread.sheet is sheet else not fit.spread(
            [*sheet, question]):
        return "speaker"
    return None


def left_out(
    sheet: Sequence[Question], made: Sequence[Question], bases: Sequence[FactBase], *,
    title: str,
    verdicts: Verdicts | None = None,
    rationed: frozenset[str] = frozenset(),
) -> list[Skip]:
    """One skip per cause, counting the items made but left off the sheet by kind; an item that
    fits and was only not needed (the sheet is full) is not reported. `verdicts`: what the
    rules said during the selection, read back rather than asked again."""
    kept = Verdicts() if verdicts is None else verdicts
    on = {q.id for q in sheet}
    spread = SheetSpread(sheet, bases)
    counts: dict[str, dict[str, int]] = {}
    for question in made:
        if question.id not in on:  # what is asked of this item is kept only while it is told
            found = cause(question, sheet, fit=Fit(bases, title=title, verdicts=kept.apart(),
                                                   rationed=rationed, sheet_spread=spread))
            base = next((b for b in bases if b.id == question.factbase), None)
            if base is not None:
                forget_item(question, base)  # asked of no other item: not held for the rest
            if found is not None:
                per_kind = counts.setdefault(found, {})
                per_kind[question.kind] = per_kind.get(question.kind, 0) + 1
    skips = []
    for key, text in CAUSES.items():
        if key in counts:
            parts = ", ".join(f"{n} {kind}" for kind, n in counts[key].items())
            words = text.format(main=_mains(bases))
            skips.append(Skip(",".join(counts[key]), ",".join(b.id for b in bases),
                              f"left out {parts}: {words}"))
    return skips


def _mains(bases: Sequence[FactBase]) -> str:
    """The names of the bases' main speakers, whose keys the spread rule rations."""
    names = []
    for base in bases:
        entity = base.by_id.get(main_speaker(base) or "")
        if isinstance(entity, Entity):
            names.append(entity.name)
    return " or ".join(names) or "the main speaker"
