"""When one quiz item gives another away: the facts each item asks, and what its text states."""

from collections.abc import Iterable
from typing import NamedTuple

from quizgen.factbase.model import FactBase, Figure
from quizgen.quiz import pair_marks
from quizgen.quiz.asked import asked as asked  # re-exported: what an item asks
from quizgen.quiz.asked import forget as forget_asked
from quizgen.quiz.breath import breaths, forget_breaths
from quizgen.quiz.figure_sheet import (
    figures_cross,
    forget_readings,
    holders_cross,
    measured_again,
    one_clock,
)
from quizgen.quiz.folding import forget as forget_folds
from quizgen.quiz.guessed import place_tied, term_in_use, title_names_key
from quizgen.quiz.passages import forget as forget_passages
from quizgen.quiz.passages import same_passage, says, states_number
from quizgen.quiz.profile import (
    Profile,
    carriers_of,
    forget_profile,
    forget_profiles,
    profile,
    title_profile,
)
from quizgen.quiz.profile import statements as statements  # re-exported: what an item states
from quizgen.quiz.questions import (
    Matching,
    Ordering,
    Question,
    Quiz,
)
from quizgen.quiz.said import forget_said
from quizgen.quiz.sheet_rules import TermBlocks, forget_words, gives_itself_away, same_act
from quizgen.quiz.spread import Spread, spreads
from quizgen.quiz.thresholds import bound_stated
from quizgen.quiz.thresholds import forget as forget_thresholds
from quizgen.quiz.ties import context_tied, forget_occasions, forget_tie

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


# ---- one item against another -----------------------------------------------------------------


def _shared_limit(a: Question, b: Question) -> int:
    if isinstance(a, Ordering) and isinstance(b, Ordering):
        return SHARED_EVENTS
    if isinstance(a, Matching) and isinstance(b, Matching):
        return SHARED_QUOTES
    return 0


_MARKS: dict[int, tuple[Question, FactBase, pair_marks.Needs, int]] = {}  # by the item's id()


def forget() -> None:
    """Drop what the leak checks remember of every item and base (~30 MB at 10,000 facts):
    once the quizzes are selected, rendering them must not hold it too."""
    forget_profiles()
    _MARKS.clear()
    forget_asked()
    forget_occasions()
    forget_words()
    forget_breaths()
    forget_folds()
    forget_passages()
    forget_readings()
    forget_said()
    forget_thresholds()


def forget_item(question: Question, base: FactBase) -> None:
    """Drop what the leak checks remember of one item (its profile, marks and ties): left_out
    reads each item it explains once, so that a large base's items are not all held at once."""
    forget_profile(question, base)
    known = _MARKS.get(id(question))
    if known is not None and known[0] is question:
        del _MARKS[id(question)]
    forget_tie(question, base)


def marks(question: Question, base: FactBase) -> tuple[pair_marks.Needs, int]:
    """What an item needs of another to be given away by it, and what it carries (pair_marks):
    when neither of two items meets the other's needs, gives_away is None both ways."""
    known = _MARKS.get(id(question))  # read for every pair: by identity, faster than profile()
    if known is not None and known[0] is question and known[1] is base:
        return known[2], known[3]
    found = profile(question, base)
    if len(_MARKS) > 200_000:
        _MARKS.clear()
    _MARKS[id(question)] = (question, base, found.needs, found.carries)
    return found.needs, found.carries


def gives_away(a: Question, b: Question, base: FactBase) -> str | None:
    """Why item b answers item a, or asks a fact a asks too (None when it does neither).

    b answers a when its prompt, quotes, events or excerpts state a figure's value a asks for,
    show a quote a asks about (other than as a quote to attribute), show an event that carries
    that quote and its speaker, or state a's answer phrase. Two items ask one fact when they
    ask the same fact, or figures of one measure of one thing (figure_sheet.measured_again).
    Two "whose …?" items of one measure where b offers a's key (figure_sheet.holders_cross)
    are solved by elimination; two moments of one running clock bound each other
    (figure_sheet.one_clock).
    """
    if not profile(a, base).needs.met(profile(b, base).carries):
        return None  # nothing b carries is what a rule looks for
    return read_in_full(a, b, base)


def read_in_full(a: Question, b: Question, base: FactBase) -> str | None:
    """gives_away, every rule read, even for items whose marks prove that none holds."""
    pa, pb = profile(a, base), profile(b, base)
    shared = pa.asked & pb.asked
    if shared and len(shared) > _shared_limit(a, b):
        return "both ask " + ", ".join(sorted(shared))
    if reason := (_answers(pa, pb, base) or same_act(a, b, base) or figures_cross(a, b)
                  or holders_cross(a, b) or measured_again(pa.figures, pb.figures)
                  or bound_stated(pa.figures, pb.asked, pb.shown, base)
                  or one_clock(pa.figures, pb.figures)):
        return reason
    if pa.quotes or pa.claims:  # one speaker's words in one breath: who said one says the other
        joined = breaths(base)
        for fact_id in pa.asked:
            if tied := joined.get(fact_id, frozenset()) & pb.asked:
                return f"asks {min(tied)}, said in one breath with {fact_id}"
    shown = pb.shown_texts  # what a student reads of b, listed once per item, not per rule
    return (term_in_use(a, shown, base) or context_tied(a, shown, base)
            or place_tied(a, shown, base))


def _answers(pa: Profile, pb: Profile, base: FactBase) -> str | None:
    """Why what profile pb shows answers the item of profile pa, or None."""
    for value, figure_id in pa.values:
        figure = base.by_id.get(figure_id)
        unit, excerpt = (figure.unit, figure.excerpt) if isinstance(figure, Figure) else ("", "")
        if value in pb.numbers and (pb.shape is str  # the title gives a number away anywhere
                                    or states_number(value, pb.shown, unit=unit, excerpt=excerpt)):
            return f"states {figure_id}'s value {value}"
    if pa.quotes:
        carriers = carriers_of(base)
        for quote in pa.quotes:
            if len(quote.text) >= 12 and quote.text.casefold() in pb.said:
                return f"shows the quote {quote.id}"
            if carriers.get(quote.id, frozenset()) & pb.events:
                return f"says who said {quote.id}"
    if pa.claims:
        carriers = carriers_of(base)
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


def title_gives_away(question: Question, title: str, base: FactBase) -> str | None:
    """Why the printed title answers an item, or None."""
    if not title.strip():
        return None
    reason = (_answers(profile(question, base), title_profile(title), base)
              or term_in_use(question, [title], base)
              or title_names_key(question, title, base))
    return f"the title {reason}" if reason else None


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
    """The main speakers a student would do too well to pick every time (spread.spreads)."""
    return [spread for spread in spreads(questions, bases) if spread.over]
