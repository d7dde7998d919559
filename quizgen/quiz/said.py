"""Speaker items a student answers by what the words or the options are, not by reading: a
body's claim its role makes, a claim summing up a quote, two voices of one body, a quote too
short or a quip."""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.article.lexicon import STOPWORDS
from quizgen.factbase.model import Entity, FactBase, Quote, ReportedClaim
from quizgen.quiz.breath import summaries
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    Matching,
    MultipleChoice,
    Option,
    Question,
    QuoteRef,
    SpeakerOf,
)

SAID_WORDS = 5  # fewer words ("It matters very much", "73% of the votes") anyone could say


_ARTICLE = {"organisation": "an organisation", "country": "a country", "group": "a group",
            "person": "a person"}


def role_claim(question: Question, base: FactBase) -> str | None:
    """Why a who-claimed-it item is answered by its claimant's role, or None: the key is a body
    or a group (a government, a union, a pollster, a newspaper, critics), whose claims are what
    its role says, or a person who speaks for a body telling that body's own act (a club's
    president announcing its signing); only a person's own claim asks the student to remember
    who said it."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, ClaimantOf):
        return None
    key = question.options[question.answer].claim
    entity = base.by_id.get(key.entity) if isinstance(key, EntityRef) else None
    if isinstance(entity, Entity) and entity.kind != "person":
        return f"its claimant is no person but {_ARTICLE[entity.kind]}: its role makes the claim"
    claim = base.by_id.get(question.ask.claim)
    if isinstance(entity, Entity) and isinstance(claim, ReportedClaim):
        body = _own_act(claim, entity, base)
        if body is not None:
            return (f"its claimant speaks for {body.name} and tells of its own act (a club's "
                    "president announcing its signing): its role makes the claim")
    return None


def summary_claim(question: Question, base: FactBase) -> str | None:
    """Why a who-claimed-it item asks a quote again in other words, or None: the claim is told in
    one paragraph with its claimant's quoted words (breath.summaries), so it is the reporter's
    summary of them ("Luntz believes Trump speaks for voters who …", then his "Trump says what
    they're thinking …"): whoever is asked who said the words is asked it twice, and the
    summary alone asks a paraphrase where the article gives the words."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, ClaimantOf):
        return None
    if question.ask.claim in summaries(base):
        return "its claim sums up words its claimant is quoted saying in the same paragraph"
    return None


def _own_act(claim: ReportedClaim, entity: Entity, base: FactBase) -> Entity | None:
    """The body the claimant speaks for when the claim tells an act of that body: an event
    told by the same sentence has the body among its people ("he announced the team had signed
    Messi": the club signed him). None otherwise."""
    if entity.speaks_for is None or not claim.excerpt.strip():
        return None
    said = " ".join(claim.excerpt.split()).casefold()
    for event in base.events:
        told = " ".join(event.excerpt.split()).casefold()
        if told and (told in said or said in told) and entity.speaks_for in event.people:
            body = base.by_id.get(entity.speaks_for)
            return body if isinstance(body, Entity) else None
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
    """Why an item offers two voices of one body, or None: someone beside the body he speaks for
    (an owner and his auction house: the body's statement is defensible for either), or two who
    speak for one body (its chief and its spokeswoman, two activists of one group). They say one
    body's message, so only memory of who held the microphone tells them apart, in a matching
    as in a who-said-it."""
    shown = [o.claim.entity for o in _speakers(question) if isinstance(o.claim, EntityRef)]
    for i, first in enumerate(shown):
        voices = base.speaker_equivalents(first)
        for second in shown[i + 1:]:
            if second == first:
                continue
            if second in voices:
                return "it offers a speaker beside the body he speaks for"
            if voices & base.speaker_equivalents(second):
                return "it offers two voices of one body"
    return None


@lru_cache(maxsize=1 << 18)  # a quote's words are counted for each item offering it, each pick
def _said_words(text: str) -> int:  # (4,096 kept too few: a 50,000-fact base has 12,500 quotes)
    return len([w for w in text.split() if _WORDLIKE.search(w)])


_WORDLIKE = re.compile(r"[^\W_]")


def forget_said() -> None:
    """Drop the quotes' word counts (leaks.forget, once the quizzes are selected)."""
    _said_words.cache_clear()


# a quote this short with fewer than QUIP_CONTENT words beside the little words of news English
# ("the", "of", "your") is a quip: "The rest of your life" ties no speaker to it
QUIP_CONTENT = 3
_LITTLE = frozenset(w.casefold() for w in STOPWORDS)


def _quip(text: str) -> bool:
    words = [w.strip(".,;:!?…“”\"'’").casefold() for w in text.split()]
    words = [w for w in words if re.search(r"[^\W_]", w)]
    return len(words) <= SAID_WORDS and len([w for w in words if w not in _LITTLE]) < QUIP_CONTENT


def short_quote(question: Question, base: FactBase) -> str | None:
    """Why an item asks who said a few words anyone offered could have said, or None: a quote of
    fewer than SAID_WORDS words ("It matters very much", "73% of the votes") tells no speaker from
    another, nor does a quip of SAID_WORDS words nearly all little ("The rest of your life"). In
    a matching the other quotes place the speakers, so there only a figure with its noun ("11
    enforced disappearances") is a fragment that tells no one."""
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf):
        quote = base.by_id.get(question.ask.quote)
        if isinstance(quote, Quote) and _said_words(quote.text) < SAID_WORDS:
            return f"a quote of fewer than {SAID_WORDS} words any speaker could have said"
        if isinstance(quote, Quote) and _quip(quote.text):
            return ("a quip of a few common words (\"The rest of your life\") any speaker could "
                    "have said")
    elif isinstance(question, Matching):
        for option in question.left:
            claim = option.claim
            quote = base.by_id.get(claim.quote) if isinstance(claim, QuoteRef) else None
            if (isinstance(quote, Quote) and _said_words(quote.text) < SAID_WORDS
                    and re.search(r"\d", quote.text)):
                return "a figure and its noun offered as a quote to match"
    return None
