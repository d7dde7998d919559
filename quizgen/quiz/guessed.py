"""Items a student answers or guesses without the article: orderings of one story's steps, claims
that only the claimant's role would make (a union calls a strike, a pollster gives a poll), two
voices of one body to tell apart, and a few words any speaker could have said."""

from __future__ import annotations

import re
from itertools import pairwise

from quizgen.factbase.model import Entity, Event, FactBase, Quote
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    EventRef,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    Question,
    QuoteRef,
    SpeakerOf,
)

SAID_WORDS = 5  # fewer words ("It matters very much", "73% of the votes") anyone could say


_ARTICLE = {"organisation": "an organisation", "country": "a country", "group": "a group",
            "person": "a person"}


def story_order(question: Question, base: FactBase) -> str | None:
    """Why an ordering is sorted by common sense, or None: every two events next to each other in
    its key must be dated by the facts in different years. Events of one story (one day, one
    season) ordered by the story itself are sorted by cause and effect or by the plain order of
    steps (announced before passed, a lead before the equaliser, produced before disclosed), and
    "moments before" or "later" is no order a student can learn."""
    if not isinstance(question, Ordering):
        return None
    events: list[Event] = []
    for index in question.answer:
        claim = question.items[index].claim
        event = base.by_id.get(claim.event) if isinstance(claim, EventRef) else None
        if not isinstance(event, Event):
            return None  # not an ordering of the base's events: not this rule's to judge
        events.append(event)
    for earlier, later in pairwise(events):
        if earlier.date is None or later.date is None or earlier.date.year >= later.date.year:
            return "its events are not dated in different years: the story's own order"
    return None


def role_claim(question: Question, base: FactBase) -> str | None:
    """Why a who-claimed-it item is answered by its claimant's role, or None: the key is a body
    or a group (a government, a union, a pollster, a newspaper, critics), whose claims are what
    its role says; only a person's claim asks the student to remember who said it."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, ClaimantOf):
        return None
    key = question.options[question.answer].claim
    entity = base.by_id.get(key.entity) if isinstance(key, EntityRef) else None
    if isinstance(entity, Entity) and entity.kind != "person":
        return f"its claimant is no person but {_ARTICLE[entity.kind]}: its role makes the claim"
    return None


def _speakers(question: Question) -> tuple[Option, ...]:
    """The options naming who said something: a speaker or claimant item's options, a matching's
    right column; none for other items."""
    if isinstance(question, Matching):
        return question.right
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf | ClaimantOf):
        return question.options
    return ()


def one_voice(question: Question, base: FactBase) -> str | None:
    """Why an item offers two voices of one body, or None. Never one beside the body he speaks
    for (an owner and his auction house: the body's statement is defensible for either); and in
    a who-said-it or who-claimed-it item, never two who speak for one body (its chief and its
    spokeswoman, two activists of one group): they say one message, so only memory of who held
    the microphone tells them apart. A matching may show two of one body's voices: its other
    quotes tell them apart."""
    shown = [o.claim.entity for o in _speakers(question) if isinstance(o.claim, EntityRef)]
    for i, first in enumerate(shown):
        voices = base.speaker_equivalents(first)
        for second in shown[i + 1:]:
            if second == first:
                continue
            if second in voices:
                return "it offers a speaker beside the body he speaks for"
            if not isinstance(question, Matching) and voices & base.speaker_equivalents(second):
                return "it offers two voices of one body"
    return None


def _said_words(text: str) -> int:
    return len([w for w in text.split() if re.search(r"[^\W_]", w)])


def short_quote(question: Question, base: FactBase) -> str | None:
    """Why an item asks who said a few words anyone offered could have said, or None: a quote of
    fewer than SAID_WORDS words ("It matters very much", "73% of the votes") tells no speaker from
    another. In a matching the other quotes place the speakers, so there only a figure with its
    noun ("11 enforced disappearances") is a fragment that tells no one."""
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf):
        quote = base.by_id.get(question.ask.quote)
        if isinstance(quote, Quote) and _said_words(quote.text) < SAID_WORDS:
            return f"a quote of fewer than {SAID_WORDS} words any speaker could have said"
    elif isinstance(question, Matching):
        for option in question.left:
            claim = option.claim
            quote = base.by_id.get(claim.quote) if isinstance(claim, QuoteRef) else None
            if (isinstance(quote, Quote) and _said_words(quote.text) < SAID_WORDS
                    and re.search(r"\d", quote.text)):
                return "a figure and its noun offered as a quote to match"
    return None


def guessed(question: Question, base: FactBase) -> str | None:
    """Why an item is answered or guessed without the article, or None."""
    return (story_order(question, base) or role_claim(question, base)
            or one_voice(question, base) or short_quote(question, base))
