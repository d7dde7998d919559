"""Items a student answers or guesses without the article: orderings of one story's steps, claims
that only the claimant's role would make (a union calls a strike, a pollster gives a poll), two
voices of one body to tell apart, a few words any speaker could have said, a general word
or its constant."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from quizgen.article.patterns import Lazy
from quizgen.factbase.model import Entity, Event, FactBase, Figure, Place, Quote, Term
from quizgen.generators.sequence import dated_apart
from quizgen.quiz.folding import QUOTED, folded_words, spaced
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    EventRef,
    FigureGiven,
    FigureValue,
    Matching,
    MultipleChoice,
    Ordering,
    PlaceOf,
    PlaceRef,
    Question,
    QuoteRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
)
from quizgen.quiz.said import one_voice, role_claim, short_quote, summary_claim
from quizgen.quiz.sheet_rules import akin
from quizgen.quiz.term_kinds import lone_kind, name_says
from quizgen.quiz.worldly import worldly_term


def story_order(question: Question, base: FactBase) -> str | None:
    """Why an ordering is sorted by common sense, or None: every two events next to each other in
    its key must be dated by the facts in different years (quizgen.generators.sequence's
    dated_apart, the rule the event-order generator keeps to as well)."""
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
        if not dated_apart(earlier, later):
            return "its events are not dated in different years: the story's own order"
    return None


# words of a term's name that say nothing of what it is: shown elsewhere, they name no term
PLAIN_WORDS = frozenset({"the", "and", "for", "with", "from", "its", "his", "her", "their", "our",
                    "new", "old", "first", "one", "two"})


def _folded(text: str) -> list[str]:
    return list(folded_words(text))  # folded once per text (quizgen.quiz.folding)


def term_name(question: Question, base: FactBase) -> str | None:
    """The term a term item is about: the one "What is X?" asks, or the key of "Which term
    means …?"; None for other items."""
    if not isinstance(question, MultipleChoice):
        return None
    if isinstance(question.ask, TermMeaning):
        fact = base.by_id.get(question.ask.term)
        if isinstance(fact, Term):
            return fact.term
        return fact.name if isinstance(fact, Entity) else None
    if isinstance(question.ask, TermFor):
        return question.options[question.answer].text
    return None


_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def common_term(question: Question, base: FactBase) -> str | None:
    """Why a term item asks a general word the article explains, or None: a term written in
    lower case ("cosmic rays", "radial velocity", "sulphur emissions") is no name the article
    introduces but a word of the language or of a science, whose meaning a student knows or
    guesses from the word itself: a textbook definition, not what the article reports."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask,
                                                                   TermMeaning | TermFor):
        return None
    fact = base.by_id.get(question.ask.term)
    if not isinstance(fact, Term):
        return None  # a named body or person explained: a name the article introduces
    name = _ARTICLES.sub("", fact.term.strip())
    if name[:1].islower():
        return f"“{fact.term}” is a general word, whose meaning is known outside the article"
    if _written_lower(name, base):
        return (f"“{fact.term}” is a phrase of the language (the article writes it in lower case"
                " too), whose meaning is known outside the article")
    return None


def _written_lower(name: str, base: FactBase) -> bool:
    """Whether the base writes a capitalised term in lower case elsewhere ("Cloud nine" as "on
    cloud nine"): then the capital is only a sentence's start, and the term a phrase of the
    language, not a name the article introduces."""
    lower = name[:1].lower() + name[1:]
    if lower == name:
        return False
    found: re.Pattern[str] | None = None
    for fact in base.by_id.values():
        for field in ("excerpt", "term", "meaning", "text", "description"):
            text = getattr(fact, field, None)
            # the pattern is compiled and searched for only in a text that holds the words
            if isinstance(text, str) and lower in text:
                found = found or re.compile(rf"(?<![\w-]){re.escape(lower)}(?![\w-])")
                if found.search(text):
                    return True
    return False


def textbook_figure(question: Question, base: FactBase) -> str | None:
    """Why a figure item asks a constant of a general word, or None: its measure is a size of
    a term the article explains in lower case and nothing else ("length of a light-year"), so
    the figure is the word's definition, a textbook constant and not what the article reports."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask,
                                                                   FigureValue | FigureGiven):
        return None
    measure = " ".join(question.ask.measure.split())
    for term in base.terms:
        name = _ARTICLES.sub("", term.term.strip())
        if name[:1].islower() and re.fullmatch(
                rf"[^\W\d_]+ of (?:(?:the|a|an)\s+)?{re.escape(name)}", measure, re.IGNORECASE):
            return f"its figure is a constant of “{term.term}”, a general word: textbook knowledge"
    units = _units(base)
    for figure in units.asked.get((tuple(question.ask.measure.split()), question.ask.subject), ()):
        unit = units.defined(figure)
        if unit is not None:
            return (f"its figure is the size of a {unit}, a unit the article counts in:"
                    " a textbook conversion, not the news")
    return None


def _unit_word(unit: str) -> str:
    """A unit as one word of the language, folded and singular: 'light-years': 'light year'."""
    words = unit.casefold().replace("-", " ").split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


class _Units:
    """A base's figures read once for textbook_figure (a pass over every figure per item was
    quadratic): figures by measure and subject, unit words in order, what each excerpt defines."""

    def __init__(self, base: FactBase) -> None:
        self.asked: dict[tuple[tuple[str, ...], str | None], list[Figure]] = {}
        for figure in base.figures:
            self.asked.setdefault((tuple(figure.measure.split()), figure.subject), []).append(
                figure)
        words = (_unit_word(figure.unit) for figure in base.figures)
        self.words = [w for w in dict.fromkeys(words) if len(w) >= 3]
        self._defined: dict[str, str | None] = {}

    def defined(self, figure: Figure) -> str | None:
        """The unit of another figure that a sentence of this figure's excerpt opens by defining
        ("A light year is … about 9.5 trillion kilometers", another figure counting light years)."""
        if figure.id not in self._defined:
            self._defined[figure.id] = self._find(figure)
        return self._defined[figure.id]

    def _find(self, figure: Figure) -> str | None:
        excerpt = " ".join(figure.excerpt.casefold().replace("-", " ").split())
        if not _OPENS_DEFINING.search(excerpt):
            return None  # no sentence of it opens with "a", "an" or "one": nothing defined
        own = _unit_word(figure.unit)
        for unit in self.words:
            if unit == own:
                continue
            opens = rf"(?:^|[.;:!?]\s)(?:a|an|one)\s+{re.escape(unit)}s?\s*"
            if re.search(opens + r"(?:is\b|was\b|equals\b|[,–—(])", excerpt):
                return unit
        return None


_OPENS_DEFINING = re.compile(r"(?:^|[.;:!?]\s)(?:a|an|one)\s")
_UNITS: dict[int, tuple[FactBase, _Units]] = {}


def _units(base: FactBase) -> _Units:
    """The base's figures read once (kept per base while it lives in the selection)."""
    kept = _UNITS.get(id(base))
    if kept is None or kept[0] is not base:
        if len(_UNITS) > 64:
            _UNITS.clear()
        kept = _UNITS[id(base)] = (base, _Units(base))
    return kept[1]


def shown_texts(question: Question) -> list[str]:
    """What a student reads of an item: its prompt and every option, quote or event it shows."""
    texts = [question.prompt]
    if isinstance(question, MultipleChoice):
        texts += [o.text for o in question.options]
    elif isinstance(question, Matching):
        texts += [o.text for o in (*question.left, *question.right)]
    elif isinstance(question, Ordering):
        texts += [o.text for o in question.items]
    return texts


def term_in_use(question: Question, texts: Iterable[str], base: FactBase) -> str | None:
    """Why texts shown beside a term item (another item's, the title) answer it, or None: they
    use a word of the term's name ("seats in the Lagting", "the dimming of its star during
    each transit", "flares seen", "come to Inzozi Nziza for an ice cream"), and a term in use
    says what it is. Words of the name that the article's title has too are left out when the
    name has others: they tell of the article's subject."""
    name = term_name(question, base)
    if name is None:
        return None
    wanted = {w for w in _folded(name) if len(w) > 2 and w not in PLAIN_WORDS}
    # a word the article's title has too is the article's subject, not the term's ("sleep" of
    # "The Sleep Revolution" in an article on sleep), unless the title has the whole name
    titled = {w for w in wanted if any(akin(w, t) for t in _folded(base.source.title))}
    wanted = (wanted - titled) or wanted
    for text in texts:
        for word in _folded(text):
            if any(akin(word, w) for w in wanted):
                return f"shows “{word}” of the term “{name}” in use"
    return None


def _key_entity(question: Question, base: FactBase) -> Entity | None:
    """The person or body a who-said-it or who-claimed-it item keys, or None for other items."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask,
                                                                   SpeakerOf | ClaimantOf):
        return None
    key = question.options[question.answer].claim
    entity = base.by_id.get(key.entity) if isinstance(key, EntityRef) else None
    return entity if isinstance(entity, Entity) else None


def title_names_key(question: Question, title: str, base: FactBase) -> str | None:
    """Why the printed title answers a who-said-it or who-claimed-it item, or None: the title
    names its key (by name or alias), so a student picks the person the headline is about
    ("Late Okonjo header …" for the scorer's words, "Obama tells young people …" for a speech),
    or shares a word with a term item's key alone."""
    place = key_place(question, base)
    if place is not None:
        return _title_names_place(place, title)
    if isinstance(question, MultipleChoice) and isinstance(question.ask, TermFor):
        return _title_points_to_term(question, title)
    entity = _key_entity(question, base)
    if entity is None:
        return None
    if _named(title, (entity.name, *entity.aliases)):
        return f"names its answer, {entity.name}"
    return None


def _title_points_to_term(question: MultipleChoice, title: str) -> str | None:
    """Why the title answers "Which term means …?", or None: the key shares a word with the
    title and no other option does ("The Sleep Revolution" in a column headed "Sleep becomes a
    status symbol": the one name about the article's subject)."""
    heading = _folded(title)

    def shared(text: str) -> list[str]:
        return [w for w in _folded(text) if len(w) > 2 and w not in PLAIN_WORDS
                and any(akin(w, t) for t in heading)]

    found = shared(question.options[question.answer].text)
    if found and not any(shared(o.text) for i, o in enumerate(question.options)
                         if i != question.answer):
        return f"the title shares “{found[0]}” with its answer alone"
    return None


def key_place(question: Question, base: FactBase) -> Place | None:
    """The place a place item keys, or None for other items."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, PlaceOf):
        return None
    key = question.options[question.answer].claim
    place = base.by_id.get(key.place) if isinstance(key, PlaceRef) else None
    return place if isinstance(place, Place) else None


_PROPER = Lazy(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*")


def _title_names_place(place: Place, title: str) -> str | None:
    """Why the title answers 'Where …?': it names the key place, or a proper name the key's own
    names carry ("at the United Nations" for "the UN chamber", alias "one of the council
    chambers at the United Nations"; "in London" for London). A title naming a wrong option
    instead is a fair trap and left alone."""
    names = [place.name, *place.aliases]
    proper = [m.group() for n in names for m in _PROPER.finditer(n) if len(m.group()) > 2]
    found = _named(title, names) or _named(title, proper)
    return f"names its answer's place, {found}" if found else None


def _named(text: str, names: Iterable[str]) -> str | None:
    """The first of the names that the text says as whole words, or None; a name without a word
    of three letters ("A", "Li") is no name a reader spots in a text."""
    folded = spaced(text)
    for name in names:
        if any(len(w) > 2 for w in folded_words(name)) and spaced(name) in folded:
            return name
    return None


def names_speaker(question: Question, base: FactBase) -> str | None:
    """Why a quote asked about names who said it, or None: its words name its speaker or the
    body its speaker speaks for ("Google cares deeply about …" for Google, "Starbucks has always
    paid taxes" for Starbucks' chief), so the quote answers its own question."""
    asked: list[tuple[str, str]] = []  # (quote id, the entity the key gives it)
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf):
        key = question.options[question.answer].claim
        if isinstance(key, EntityRef):
            asked.append((question.ask.quote, key.entity))
    elif isinstance(question, Matching):
        for left, right in question.answer:
            quote_ref, key = question.left[left].claim, question.right[right].claim
            if isinstance(quote_ref, QuoteRef) and isinstance(key, EntityRef):
                asked.append((quote_ref.quote, key.entity))
    for quote_id, speaker in asked:
        quote = base.by_id.get(quote_id)
        if not isinstance(quote, Quote):
            continue
        for entity_id in sorted(base.speaker_equivalents(speaker) | {speaker}):
            entity = base.by_id.get(entity_id)
            if isinstance(entity, Entity) and _named(quote.text, (entity.name, *entity.aliases)):
                return f"a quote names who said it ({entity.name})"
    return None




_NEAR_PLACE = 2  # words either side of a place's name that say what stands there


def place_tied(question: Question, texts: Iterable[str], base: FactBase) -> str | None:
    """Why texts shown beside a place item (another item's) answer it, or None: one names the
    key place right beside a word the prompt tells of ("the Butare shop" beside "… to open the
    shop?"), so the place of that thing is read off the other item."""
    place = key_place(question, base)
    if place is None:
        return None
    names = [n for n in (place.name, *place.aliases) if any(len(w) > 2 for w in _folded(n))]
    own = {w for n in names for w in _folded(n)}
    marks = {w[:5] for w in _folded(QUOTED.sub(" ", question.prompt.partition(":")[2]
                                                 or question.prompt))
             if len(w) > 3 and w not in PLAIN_WORDS and w not in own}
    for text in texts:
        said = _folded(text)
        for name in names:
            name_words = _folded(name)
            width = len(name_words)
            for i in range(len(said) - width + 1):
                if said[i:i + width] != name_words:
                    continue
                near = said[max(0, i - _NEAR_PLACE):i] + said[i + width:i + width + _NEAR_PLACE]
                tied = next((w for w in near if w[:5] in marks), None)
                if tied is not None:
                    return f"another item shows {place.name} beside “{tied}”, which it asks of"
    return None


def name_holds_place(question: Question, base: FactBase) -> str | None:
    """Why a place item's prompt gives its answer, or None: it names someone or something (by
    name or short name) whose full name holds the place ("the SIWI report", the Stockholm
    International Water Institute's, for Stockholm)."""
    place = key_place(question, base)
    if place is None:
        return None
    names = (place.name, *place.aliases)
    if _named(question.prompt, names):
        return None  # the prompt says the place itself: the own-words rule's to judge
    others: list[tuple[str, str, tuple[str, ...]]] = [
        (e.id, e.name, e.aliases) for e in base.entities]
    others += [(p.id, p.name, p.aliases) for p in base.places]
    for other_id, name, aliases in others:
        if other_id != place.id and _named(question.prompt, (name, *aliases)):
            held = _named(name, names)
            if held:
                return f"the prompt names {name}, whose name holds {held}"
    return None


def guessed(question: Question, base: FactBase) -> str | None:
    """Why an item is answered or guessed without the article, or None."""
    return (story_order(question, base) or role_claim(question, base)
            or summary_claim(question, base)
            or one_voice(question, base) or short_quote(question, base)
            or names_speaker(question, base) or name_holds_place(question, base)
            or lone_kind(question, base) or name_says(question, base)
            or common_term(question, base)
            or worldly_term(question, base) or textbook_figure(question, base))
