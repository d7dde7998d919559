"""What one quiz item asks and shows, worked out once so that pairs of items compare fast."""

from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from quizgen.factbase.model import Entity, Event, FactBase, Figure, Place, Quote, Term
from quizgen.quiz import pair_marks
from quizgen.quiz.asked import asked, same
from quizgen.quiz.fact_lookup import claims_of, events_showing, figures_of, quotes_of
from quizgen.quiz.guessed import shown_texts
from quizgen.quiz.passages import numbers_in, runs, same_passage, words
from quizgen.quiz.questions import (
    Amount,
    ClaimantOf,
    EntityRef,
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    PlaceOf,
    PlaceRef,
    Question,
    RoleRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
    TermRef,
    assert_never,
)
from quizgen.quiz.spread import key_entity


def statements(question: Question) -> tuple[str, ...]:
    """What an item states as true on the page or card: its prompt, quotes, events and excerpts.

    Options of a multiple-choice item and a matching's right column are candidates, not
    statements; their texts are checked separately against the answers of other items.
    """
    shown: list[str] = [question.prompt, *question.explanation]
    match question:
        case Matching():
            shown += [o.text for o in question.left]
        case Ordering():
            shown += [o.text for o in question.items]
        case GapFill():  # the passage with its gaps; the explanation holds it filled in
            shown += question.passage
        case MultipleChoice():
            pass
        case _:
            assert_never(question)
    return tuple(shown)


def described(question: Question) -> tuple[str, ...]:
    """The option texts a student reads as descriptions of the world whichever option is right:
    a multiple choice's meanings and roles (not amounts, names or places, which are candidates),
    and a matching's right column. "an Earth-like exoplanet about 48 light years from Earth",
    offered as a wrong meaning, still tells a student how far the planet is."""
    match question:
        case MultipleChoice():
            return tuple(o.text for o in question.options
                         if not isinstance(o.claim, Amount | EntityRef | PlaceRef))
        case Matching():
            return tuple(o.text for o in question.right
                         if not isinstance(o.claim, Amount | EntityRef | PlaceRef))
        case _:
            return ()


def _answer_text(question: Question) -> str | None:
    """The correct option's text when it is a phrase (a meaning, a term, a role), not a name or
    number: stated anywhere, whole words, it answers the item however short it is ("VAR")."""
    if not isinstance(question, MultipleChoice) or not 0 <= question.answer < len(question.options):
        return None
    option = question.options[question.answer]
    if isinstance(option.claim, Amount | EntityRef | PlaceRef) or not words(option.text):
        return None
    if not isinstance(option.claim, TermRef | RoleRef) and len(words(option.text)) < 4:
        return None
    return option.text


def _gap_words(question: Question) -> tuple[str, ...]:
    """The folded words a gap-fill's gaps hide, but figures (their values are asked)."""
    if not isinstance(question, GapFill):
        return ()
    keys = (question.bank[i] for i in question.answer if 0 <= i < len(question.bank))
    return tuple(" ".join(words(o.text)) for o in keys
                 if not isinstance(o.claim, Amount) and words(o.text))


def _key_names(question: Question, base: FactBase) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names that answer an item (its key's names and aliases, a term's names), folded, and
    the excerpts of the facts it asks: a statement carrying such an excerpt and naming the key
    says the answer ("Maduro expressed his willingness …" beside "Who said that he was …?")."""
    if not isinstance(question, MultipleChoice):
        return (), ()
    ask, names = question.ask, []
    fact = None
    if isinstance(ask, SpeakerOf | ClaimantOf):
        fact = base.by_id.get(ask.quote if isinstance(ask, SpeakerOf) else ask.claim)
        speaker = key_entity(question)
        for entity_id in base.speaker_equivalents(speaker) if speaker else ():
            if isinstance(entity := base.by_id.get(entity_id), Entity):
                names += [entity.name, *entity.aliases]
    elif isinstance(ask, PlaceOf):
        fact = base.by_id.get(ask.fact)
        key = question.options[question.answer].claim if question.options else None
        if isinstance(key, PlaceRef) and isinstance(place := base.by_id.get(key.place), Place):
            names += [place.name, *place.aliases]
    elif isinstance(ask, TermMeaning | TermFor):
        fact = base.by_id.get(ask.term)
        if isinstance(fact, Term):
            names += [fact.term, *fact.aliases]
    excerpt = getattr(fact, "excerpt", "") if fact is not None else ""
    folded = tuple(sorted({" ".join(words(n)) for n in names if words(n)}))
    return folded, ((excerpt,) if isinstance(excerpt, str) and excerpt.strip() else ())


class Profile(NamedTuple):
    """What one item asks and shows, worked out once so that pairs compare fast."""

    shape: type
    asked: frozenset[str]
    values: tuple[tuple[Decimal, str], ...]  # (value, figure id) of the figures it asks
    quotes: tuple[Quote, ...]  # the quotes it asks who said
    numbers: frozenset[Decimal]  # every number its statements show
    said: str  # its statements, case-folded, but for quotes it only presents to attribute
    said_all: str  # every statement, case-folded
    events: frozenset[str]  # events it shows (as an item, a description or an excerpt)
    claims: tuple[str, ...] = ()  # the claims it asks who made
    key_names: tuple[str, ...] = ()  # names that answer it, as folded words
    passages: tuple[str, ...] = ()  # excerpts of the facts it asks
    texts: tuple[str, ...] = ()  # its statements but quotes it only presents to attribute
    words: str = ""  # its statements' words, folded, one space apart, each statement on a line
    words_all: str = ""  # the same of every statement and described option, quotes to attribute too
    shown: tuple[str, ...] = ()  # every statement and described option text, as shown
    shown_texts: tuple[str, ...] = ()  # guessed.shown_texts: its prompt and every option shown
    figures: tuple[Figure, ...] = ()  # the figures it asks (figure_sheet.measured_again)
    answer: str | None = None  # its answer phrase (_answer_text)
    answer_words: str = ""  # the answer phrase's words, folded, one space apart
    gaps: tuple[str, ...] = ()  # the folded words its gaps hide (_gap_words)
    # pair_marks.needs: what another item must carry to give this one away
    needs: pair_marks.Needs = pair_marks.Needs(pair_marks.ALWAYS)
    carries: int = -1  # pair_marks.carries: what it offers the rules read against another


_PROFILES: dict[tuple[str, str, int], tuple[FactBase, Question, Profile]] = {}
_CARRIERS: dict[int, tuple[FactBase, dict[str, frozenset[str]]]] = {}
def carriers_of(base: FactBase) -> dict[str, frozenset[str]]:
    """For each quote and claim, the events that carry it: the same passage, naming or involving
    its speaker or claimant (shown, they say who said it)."""
    known = _CARRIERS.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    carriers: dict[str, frozenset[str]] = {}
    by_run: dict[tuple[str, ...], list[Event]] = {}  # events by each run of words of their excerpt
    for event in base.events:
        for run in runs(event.excerpt) if event.excerpt.strip() else ():
            by_run.setdefault(run, []).append(event)
    said = [(q.id, q.excerpt, q.speakers) for q in base.quotes]
    said += [(c.id, c.excerpt, c.claimants) for c in base.claims]
    for fact_id, excerpt, speakers in said:
        names = [n.casefold() for s in speakers
                 if isinstance(e := base.by_id.get(s), Entity) for n in (e.name, *e.aliases)
                 if n.strip()]
        passage = {event.id: event for run in (runs(excerpt) if excerpt.strip() else ())
                   for event in by_run.get(run, ())}  # the events sharing a run: same passage
        carriers[fact_id] = frozenset(
            event.id for event in passage.values()
            if same_passage(event.excerpt, excerpt)
            and (set(event.people) & set(speakers) or any(
                n in f"{event.description}\n{event.excerpt}".casefold() for n in names))
        )
    if len(_CARRIERS) > 64:
        _CARRIERS.clear()
    _CARRIERS[id(base)] = (base, carriers)
    return carriers


def profile(question: Question, base: FactBase) -> Profile:
    """What an item asks and shows (with its pair marks), worked out once per item and base."""
    key = (question.id, question.factbase, id(base))
    entry = _PROFILES.get(key)
    if entry is not None and same(entry, base, question):
        return entry[2]
    facts = asked(question, base)
    figures = tuple(figures_of(base, facts))
    said = statements(question)
    presented = _presented_quotes(question)
    shown = set(said)
    names, passages = _key_names(question, base)
    texts = tuple(t for t in said if t not in presented)
    answer = _answer_text(question)
    values = tuple(sorted(
        (value.normalize(), f.id) for f in figures for value in (f.value, f.to) if value is not None
    ))
    quotes = tuple(quotes_of(base, facts))
    claims = tuple(c.id for c in claims_of(base, facts))
    read = (*said, *described(question))  # every text whose numbers a student reads as facts
    numbers = frozenset(n for text in read for n in numbers_in(text))
    events = frozenset(events_showing(base, shown)) | (
        facts if isinstance(question, Ordering) else frozenset())
    answer_words = " ".join(words(answer)) if answer else ""
    gaps = _gap_words(question)
    found = Profile(
        shape=type(question),
        asked=facts,
        values=values,
        quotes=quotes,
        numbers=numbers,
        said="\n".join(t for t in said if t not in presented).casefold(),
        said_all="\n".join(said).casefold(),
        events=events,
        claims=claims,
        key_names=names,
        passages=passages,
        texts=texts,
        words="\n".join(" ".join(words(t)) for t in texts),
        words_all="\n".join(" ".join(words(t)) for t in read),
        shown=read,
        shown_texts=tuple(shown_texts(question)),
        figures=figures,
        answer=answer,
        answer_words=answer_words,
        gaps=gaps,
        needs=pair_marks.needs(
            question, base, asked=facts, values=(v for v, _ in values), quotes=quotes,
            claims=claims, carriers=carriers_of(base) if quotes or claims else {},
            answer_words=answer_words, gaps=gaps, key_names=names, passages=passages,
            figures=figures),
        carries=pair_marks.carries(question, asked=facts, numbers=numbers, events=events,
                                   statements=said, figures=figures),
    )
    if len(_PROFILES) > 200_000:
        _PROFILES.clear()
    _PROFILES[key] = (base, question, found)
    return found


@lru_cache(maxsize=64)
def title_profile(title: str) -> Profile:
    """The printed title as a statement that asks nothing."""
    return Profile(
        shape=str, asked=frozenset(), values=(), quotes=(), numbers=numbers_in(title),
        said=title.casefold(), said_all=title.casefold(), events=frozenset(), texts=(title,),
        words=" ".join(words(title)), words_all=" ".join(words(title)), shown=(title,),
    )


def _presented_quotes(question: Question) -> frozenset[str]:
    """Texts an item shows as a quote to attribute (a prompt, a matching's left column): they
    show the quote but not who said it."""
    if isinstance(question, Matching):
        return frozenset(o.text for o in question.left)
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf):
        return frozenset({question.prompt})
    return frozenset()


def forget_profile(question: Question, base: FactBase) -> None:
    """Drop the profile kept of one item (leaks.forget_item)."""
    key = (question.id, question.factbase, id(base))
    entry = _PROFILES.get(key)
    if entry is not None and entry[0] is base and entry[1] is question:
        del _PROFILES[key]


def forget_profiles() -> None:
    """Drop the profiles and carriers kept (leaks.forget, once the quizzes are selected)."""
    _PROFILES.clear()
    _CARRIERS.clear()
