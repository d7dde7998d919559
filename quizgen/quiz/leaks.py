"""When one quiz item gives another away: the facts each item asks, and what its text states."""

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from quizgen.factbase.model import Entity, Event, FactBase, Figure, Place, Quote, Term
from quizgen.quiz import pair_marks
from quizgen.quiz.asked import asked as asked  # re-exported: what an item asks
from quizgen.quiz.asked import forget as forget_asked
from quizgen.quiz.asked import same
from quizgen.quiz.breath import breaths, forget_breaths
from quizgen.quiz.fact_lookup import claims_of, events_showing, figures_of, quotes_of
from quizgen.quiz.figure_sheet import figures_cross, measured_again
from quizgen.quiz.folding import forget as forget_folds
from quizgen.quiz.guessed import place_tied, shown_texts, term_in_use, title_names_key
from quizgen.quiz.passages import forget as forget_passages
from quizgen.quiz.passages import numbers_in, runs, same_passage, says, states_number, words
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
    Quiz,
    RoleRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
    TermRef,
    assert_never,
)
from quizgen.quiz.sheet_rules import TermBlocks, forget_words, gives_itself_away, same_act
from quizgen.quiz.spread import Spread, key_entity, spreads
from quizgen.quiz.ties import context_tied, forget_occasions

# Orderings may share this many events (issue 9's diversity limit); a quote shown in two matchings
# is answered by either, and any other fact asked by two items of one quiz is asked twice.
SHARED_EVENTS = 2
SHARED_QUOTES = 0
# orderings of one quiz that may show the same event: no event in more than a third of a sheet's
# orderings, and a sheet has few, so each event is ordered once (an ordering teaches new events)
EVENT_USES = 1
class Leak(NamedTuple):
    """Item `given_away` is answered or asked again by item `by`, and why."""

    given_away: str  # question id
    by: str  # question id
    reason: str

    def __str__(self) -> str:
        return f"{self.by} gives away {self.given_away}: {self.reason}"


# ---- what an item asks and what it shows ---------------------------------------------------------


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


# ---- one item against another -----------------------------------------------------------------


def _shared_limit(a: Question, b: Question) -> int:
    if isinstance(a, Ordering) and isinstance(b, Ordering):
        return SHARED_EVENTS
    if isinstance(a, Matching) and isinstance(b, Matching):
        return SHARED_QUOTES
    return 0


class _Profile(NamedTuple):
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
    words_all: str = ""  # the same of every statement, quotes to attribute too
    shown: tuple[str, ...] = ()  # every statement, as shown
    shown_texts: tuple[str, ...] = ()  # guessed.shown_texts: its prompt and every option shown
    figures: tuple[Figure, ...] = ()  # the figures it asks (figure_sheet.measured_again)
    answer: str | None = None  # its answer phrase (_answer_text)
    answer_words: str = ""  # the answer phrase's words, folded, one space apart
    gaps: tuple[str, ...] = ()  # the folded words its gaps hide (_gap_words)
    # pair_marks.needs: what another item must carry to give this one away
    needs: pair_marks.Needs = pair_marks.Needs(pair_marks.ALWAYS)
    carries: int = -1  # pair_marks.carries: what it offers the rules read against another


_PROFILES: dict[tuple[str, str, int], tuple[FactBase, Question, _Profile]] = {}
_CARRIERS: dict[int, tuple[FactBase, dict[str, frozenset[str]]]] = {}
_MARKS: dict[int, tuple[Question, FactBase, pair_marks.Needs, int]] = {}  # by the item's id()


def _carriers(base: FactBase) -> dict[str, frozenset[str]]:
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


def forget() -> None:
    """Drop what the leak checks remember of every item and base (~30 MB at 10,000 facts):
    once the quizzes are selected, rendering them must not hold it too."""
    _PROFILES.clear()
    _CARRIERS.clear()
    _MARKS.clear()
    forget_asked()
    forget_occasions()
    forget_words()
    forget_breaths()
    forget_folds()
    forget_passages()


def _profile(question: Question, base: FactBase) -> _Profile:
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
    numbers = frozenset(n for text in said for n in numbers_in(text))
    events = frozenset(events_showing(base, shown)) | (
        facts if isinstance(question, Ordering) else frozenset())
    answer_words = " ".join(words(answer)) if answer else ""
    gaps = _gap_words(question)
    found = _Profile(
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
        words_all="\n".join(" ".join(words(t)) for t in said),
        shown=tuple(said),
        shown_texts=tuple(shown_texts(question)),
        figures=figures,
        answer=answer,
        answer_words=answer_words,
        gaps=gaps,
        needs=pair_marks.needs(
            question, base, asked=facts, values=(v for v, _ in values), quotes=quotes,
            claims=claims, carriers=_carriers(base) if quotes or claims else {},
            answer_words=answer_words, gaps=gaps, key_names=names, passages=passages,
            figures=figures),
        carries=pair_marks.carries(question, asked=facts, numbers=numbers, events=events,
                                   statements=said, figures=figures),
    )
    if len(_PROFILES) > 200_000:
        _PROFILES.clear()
    _PROFILES[key] = (base, question, found)
    return found


def marks(question: Question, base: FactBase) -> tuple[pair_marks.Needs, int]:
    """What an item needs of another to be given away by it, and what it carries (pair_marks):
    when neither of two items meets the other's needs, gives_away is None both ways."""
    known = _MARKS.get(id(question))  # read for every pair: by identity, faster than _profile
    if known is not None and known[0] is question and known[1] is base:
        return known[2], known[3]
    profile = _profile(question, base)
    if len(_MARKS) > 200_000:
        _MARKS.clear()
    _MARKS[id(question)] = (question, base, profile.needs, profile.carries)
    return profile.needs, profile.carries


def gives_away(a: Question, b: Question, base: FactBase) -> str | None:
    """Why item b answers item a, or asks a fact a asks too (None when it does neither).

    b answers a when its prompt, quotes, events or excerpts state a figure's value a asks for,
    show a quote a asks about (other than as a quote to attribute), show an event that carries
    that quote and its speaker, or state a's answer phrase. Two items ask one fact when they
    ask the same fact, or figures of one measure of one thing (figure_sheet.measured_again).
    """
    if not _profile(a, base).needs.met(_profile(b, base).carries):
        return None  # nothing b carries is what a rule looks for
    return read_in_full(a, b, base)


def read_in_full(a: Question, b: Question, base: FactBase) -> str | None:
    """gives_away, every rule read, even for items whose marks prove that none holds."""
    pa, pb = _profile(a, base), _profile(b, base)
    shared = pa.asked & pb.asked
    if shared and len(shared) > _shared_limit(a, b):
        return "both ask " + ", ".join(sorted(shared))
    if reason := (_answers(pa, pb, base) or same_act(a, b, base) or figures_cross(a, b)
                  or measured_again(pa.figures, pb.figures)):
        return reason
    if pa.quotes or pa.claims:  # one speaker's words in one breath: who said one says the other
        joined = breaths(base)
        for fact_id in pa.asked:
            if tied := joined.get(fact_id, frozenset()) & pb.asked:
                return f"asks {min(tied)}, said in one breath with {fact_id}"
    shown = pb.shown_texts  # what a student reads of b, listed once per item, not per rule
    return (term_in_use(a, shown, base) or context_tied(a, shown, base)
            or place_tied(a, shown, base))


def _answers(pa: _Profile, pb: _Profile, base: FactBase) -> str | None:
    """Why what profile pb shows answers the item of profile pa, or None."""
    for value, figure_id in pa.values:
        figure = base.by_id.get(figure_id)
        unit, excerpt = (figure.unit, figure.excerpt) if isinstance(figure, Figure) else ("", "")
        if value in pb.numbers and (pb.shape is str  # the title gives a number away anywhere
                                    or states_number(value, pb.shown, unit=unit, excerpt=excerpt)):
            return f"states {figure_id}'s value {value}"
    if pa.quotes:
        carriers = _carriers(base)
        for quote in pa.quotes:
            if len(quote.text) >= 12 and quote.text.casefold() in pb.said:
                return f"shows the quote {quote.id}"
            if carriers.get(quote.id, frozenset()) & pb.events:
                return f"says who said {quote.id}"
    if pa.claims:
        carriers = _carriers(base)
        for claim in pa.claims:
            if carriers.get(claim, frozenset()) & pb.events:
                return f"says who claimed {claim}"
    if pa.answer and says(pa.answer_words, pb.words_all):
        return f"states the answer “{pa.answer}”"
    for word in pa.gaps:  # a name, place or term a gap hides, shown by another item
        if says(word, pb.words_all):
            return f"states the word “{word}” of a gap"
    if pa.key_names and pa.passages:
        for text, line in zip(pb.texts, pb.words.split("\n"), strict=True):
            if any(says(n, line) for n in pa.key_names) and any(
                same_passage(text, p) for p in pa.passages
            ):
                return "shows the passage that answers it, naming the answer"
    return None


@lru_cache(maxsize=64)
def _title_profile(title: str) -> _Profile:
    """The printed title as a statement that asks nothing."""
    return _Profile(
        shape=str, asked=frozenset(), values=(), quotes=(), numbers=numbers_in(title),
        said=title.casefold(), said_all=title.casefold(), events=frozenset(), texts=(title,),
        words=" ".join(words(title)), words_all=" ".join(words(title)), shown=(title,),
    )


def title_gives_away(question: Question, title: str, base: FactBase) -> str | None:
    """Why the printed title answers an item, or None."""
    if not title.strip():
        return None
    reason = (_answers(_profile(question, base), _title_profile(title), base)
              or term_in_use(question, [title], base)
              or title_names_key(question, title, base))
    return f"the title {reason}" if reason else None


def _presented_quotes(question: Question) -> frozenset[str]:
    """Texts an item shows as a quote to attribute (a prompt, a matching's left column): they
    show the quote but not who said it."""
    if isinstance(question, Matching):
        return frozenset(o.text for o in question.left)
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf):
        return frozenset({question.prompt})
    return frozenset()


def conflict(a: Question, b: Question, bases: Iterable[FactBase]) -> str | None:
    """Why two items cannot stand in one quiz (either gives the other away), or None."""
    if a.factbase != b.factbase:
        return None
    base = next((x for x in bases if x.id == a.factbase), None)
    if base is None:
        return None
    return gives_away(a, b, base) or gives_away(b, a, base)


def find_leaks(quiz: Quiz) -> list[Leak]:
    """Every item of a quiz its own words or the title answer, every pair where one gives the
    other away or asks its fact again, term items making a block, and speakers keyed too often."""
    leaks: list[Leak] = []
    questions = quiz.questions
    blocks = TermBlocks()
    for a in questions:
        base = quiz.base(a.factbase)
        reason = gives_itself_away(a, base) or title_gives_away(a, quiz.title, base)
        if reason:
            leaks.append(Leak(a.id, a.id, reason))
        reason = blocks.clash(a)
        if reason:
            leaks.append(Leak(a.id, a.id, reason))
        blocks.add(a)
    for i, a in enumerate(questions):
        for b in questions[i + 1 :]:
            if a.factbase != b.factbase:
                continue
            base = quiz.base(a.factbase)
            for x, y in ((a, b), (b, a)):
                reason = gives_away(x, y, base)
                if reason:
                    leaks.append(Leak(x.id, y.id, reason))
    return leaks


def piled(questions: Iterable[Question], bases: Iterable[FactBase]) -> list[Spread]:
    """The main speakers a student would do too well to pick every time (sheet_rules.spreads)."""
    return [spread for spread in spreads(questions, bases) if spread.over]
