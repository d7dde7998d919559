"""Questions as data: what each asks in structured form, its options and its answer."""

from __future__ import annotations

import sys
from dataclasses import dataclass

if sys.version_info >= (3, 11):  # typing_extensions (~5 ms to import) only where typing lacks it
    from typing import assert_never as assert_never  # re-exported for the renderers
else:
    from typing_extensions import assert_never as assert_never

from quizgen.factbase.model import FactBase
from quizgen.factbase.numbers import Amount as Amount  # re-exported: an option may claim an amount

# ---- Shape limits: what generators make, the oracle checks and renderers lay out ---------------
MIN_OPTIONS = 3  # options of a multiple choice, at least
MAX_OPTIONS = 26  # at most: each gets a letter A..Z
MATCH_SIZES = range(3, 6)  # left items of a matching
ORDER_SIZES = range(3, 7)  # items of an ordering
GAP_SIZES = range(4, 9)  # gaps of a gap-fill passage
SPARE_WORDS = range(2, 4)  # bank words of a gap-fill that fit no gap

# ---- What an option claims -------------------------------------------------------------------


@dataclass(frozen=True)
class EntityRef:
    """The option names an entity of the fact base."""

    entity: str


@dataclass(frozen=True)
class QuoteRef:
    """The item is a quote of the fact base (matching, left column)."""

    quote: str


@dataclass(frozen=True)
class EventRef:
    """The item is an event of the fact base (ordering)."""

    event: str


@dataclass(frozen=True)
class TermRef:
    """The option shows a term of the fact base, or (asked what a term is) that term's meaning."""

    term: str


@dataclass(frozen=True)
class RoleRef:
    """The option shows the role of an entity of the fact base (a distractor for a meaning)."""

    entity: str


@dataclass(frozen=True)
class PlaceRef:
    """The option names a place of the fact base."""

    place: str


@dataclass(frozen=True)
class ParagraphRef:
    """The option names a paragraph of the article by its number, 1 for the first."""

    paragraph: int


@dataclass(frozen=True)
class TruthRef:
    """The option says the statement is true (value True) or false (value False)."""

    value: bool


Claim = (
    EntityRef | QuoteRef | EventRef | Amount | TermRef | RoleRef | PlaceRef | ParagraphRef
    | TruthRef
)


@dataclass(frozen=True)
class Option:
    """One thing shown to the student: its display text and the structured claim behind it."""

    text: str
    claim: Claim


# ---- What a question asks --------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerOf:
    """Who said quote `quote`?"""

    quote: str


@dataclass(frozen=True)
class FigureValue:
    """What is the `measure` of `subject`, according to `given_by` (None: no source named)?

    An option is true when the figures make it true ("over 400" when the figure is "over 1,000"),
    so every option but one must be provably false.
    """

    measure: str
    subject: str | None
    given_by: tuple[str, ...] | None


@dataclass(frozen=True)
class FigureGiven:
    """What figure did `given_by` give for the `measure` of `subject` (None: any source)?

    Asked of figures stated loosely ("over 1,000"): the true option is the figure as given, its
    value at the precision shown, its unit and its qualifier; "over 400" was not given.
    """

    measure: str
    subject: str | None
    given_by: tuple[str, ...] | None


@dataclass(frozen=True)
class FigureHolder:
    """Whose `measure` was `amount`, according to `given_by` (None: no source named)?"""

    measure: str
    amount: Amount
    given_by: tuple[str, ...] | None


@dataclass(frozen=True)
class MatchSpeakers:
    """Match each quote on the left to its speaker on the right.

    With `repeats`, a speaker may be used more than once: the right column may be shorter than
    the left and one right item may answer several quotes.
    """

    repeats: bool = False


@dataclass(frozen=True)
class Chronology:
    """Put the items in chronological order, earliest first."""


@dataclass(frozen=True)
class TermMeaning:
    """What is `term`? Options show meanings (of terms, or roles of entities)."""

    term: str


@dataclass(frozen=True)
class TermFor:
    """Which term means what `term` means? Options show terms."""

    term: str


@dataclass(frozen=True)
class PlaceOf:
    """Where did event (or quote) `fact` happen? Options name places."""

    fact: str


@dataclass(frozen=True)
class ClaimantOf:
    """Who said that … (reported claim `claim`)? Options name entities."""

    claim: str


@dataclass(frozen=True)
class ParagraphOf:
    """In which paragraph of the article does fact `fact` (an event, claim or quote) stand?
    Options name paragraphs; the one holding the fact's excerpt is true."""

    fact: str


@dataclass(frozen=True)
class SaidStatement:
    """True or false: `speaker` said quote `quote`. Options: TRUE_FALSE."""

    quote: str
    speaker: str


@dataclass(frozen=True)
class ClaimStatement:
    """True or false: `claimant` said reported claim `claim` ("X said that …"). Options:
    TRUE_FALSE."""

    claim: str
    claimant: str


@dataclass(frozen=True)
class PlaceStatement:
    """True or false: event (or quote) `fact` happened (was said) in `place`. Options:
    TRUE_FALSE."""

    fact: str
    place: str


@dataclass(frozen=True)
class FigureStatement:
    """True or false: the `measure` of `subject`, according to `given_by` (None: no source
    named), was `amount`, read as a claim about the world like a FigureValue option ("over 400"
    is true of "over 1,000"). Options: TRUE_FALSE."""

    measure: str
    subject: str | None
    given_by: tuple[str, ...] | None
    amount: Amount


@dataclass(frozen=True)
class OrderStatement:
    """True or false: event `first` happened before event `then`. Options: TRUE_FALSE."""

    first: str
    then: str


Statement = (SaidStatement | ClaimStatement | PlaceStatement | FigureStatement
             | OrderStatement)
TRUE_FALSE = (Option("True", TruthRef(True)), Option("False", TruthRef(False)))  # in this order

@dataclass(frozen=True)
class FillGaps:
    """Fill each gap of a passage of the article, starting in paragraph `paragraph` (1 for the
    first), with the bank word the article has there: a name where a name goes, a figure with
    its unit where a figure goes."""

    paragraph: int


ChoiceAsk = (
    SpeakerOf | FigureValue | FigureGiven | FigureHolder | TermMeaning | TermFor | PlaceOf
    | ClaimantOf | ParagraphOf | SaidStatement | ClaimStatement | PlaceStatement
    | FigureStatement | OrderStatement
)
Ask = ChoiceAsk | MatchSpeakers | Chronology | FillGaps


# ---- Questions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MultipleChoice:
    """One prompt, several options, exactly one of them correct."""

    id: str
    kind: str  # the generator's registry name
    factbase: str  # id of the fact base it was drawn from
    prompt: str
    ask: ChoiceAsk
    options: tuple[Option, ...]
    answer: int  # index into options
    explanation: tuple[str, ...]  # source excerpts
    tags: tuple[str, ...] = ()  # topic tags of the facts it touches
    people: tuple[str, ...] = ()  # entity ids it touches


@dataclass(frozen=True)
class Matching:
    """Pair each left item with one right item; exactly one pairing is correct."""

    id: str
    kind: str
    factbase: str
    prompt: str
    ask: MatchSpeakers
    left: tuple[Option, ...]
    right: tuple[Option, ...]
    # (left index, right index), sorted by left index; with ask.repeats a right index may recur
    answer: tuple[tuple[int, int], ...]
    explanation: tuple[str, ...]
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ordering:
    """Put the items in order; exactly one order is correct."""

    id: str
    kind: str
    factbase: str
    prompt: str
    ask: Chronology
    items: tuple[Option, ...]  # in the order shown
    answer: tuple[int, ...]  # item indices, earliest first
    explanation: tuple[str, ...]
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapFill:
    """A passage with numbered gaps and a word bank: each gap takes exactly one bank word, and
    the spare words of the bank fit no gap."""

    id: str
    kind: str
    factbase: str
    prompt: str
    ask: FillGaps
    # the text around the gaps: passage[0], gap 1, passage[1], ..., gap n, passage[n]
    passage: tuple[str, ...]
    bank: tuple[Option, ...]  # in the order shown
    answer: tuple[int, ...]  # the bank index of each gap's word, gaps in reading order
    explanation: tuple[str, ...]
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


Question = MultipleChoice | Matching | Ordering | GapFill


@dataclass(frozen=True)
class Skip:
    """A question a generator could not make, and why."""

    kind: str
    factbase: str
    reason: str


@dataclass(frozen=True)
class Quiz:
    """Questions selected for one output, with the fact bases they came from."""

    title: str
    bases: tuple[FactBase, ...]
    questions: tuple[Question, ...]
    skipped: tuple[Skip, ...] = ()
    version: str = ""  # "A", "B", ... for per-student versions; "" when there is one
    draft: bool = False  # some questions rest on facts still marked `check:` (--include-unchecked)

    def base(self, factbase_id: str) -> FactBase:
        """The fact base a question was drawn from."""
        for base in self.bases:
            if base.id == factbase_id:
                return base
        raise KeyError(factbase_id)


def shape_problem(question: Question) -> str | None:
    """What makes a question impossible to show or grade (answers outside its options), or None.

    Only the structure is checked here: whether the answer is right is the oracle's business.
    """
    match question:
        case MultipleChoice():
            if not question.options:
                return "a multiple-choice question without options"
            if not 0 <= question.answer < len(question.options):
                return f"answer {question.answer} is not one of {len(question.options)} options"
        case Matching():
            lefts = sorted(pair[0] for pair in question.answer)
            if not question.left or lefts != list(range(len(question.left))):
                return "the matching answer does not pair every left item exactly once"
            if any(not 0 <= pair[1] < len(question.right) for pair in question.answer):
                return "the matching answer names a right item that is not there"
        case Ordering():
            if not question.items or sorted(question.answer) != list(range(len(question.items))):
                return "the ordering answer is not an order of all the items"
        case GapFill():
            if not question.answer or len(question.passage) != len(question.answer) + 1:
                return "the gap-fill passage does not have one more piece than it has gaps"
            if any(not 0 <= i < len(question.bank) for i in question.answer):
                return "a gap's answer is not a word of the bank"
            if len(set(question.answer)) != len(question.answer):
                return "one bank word answers two gaps"
        case _:
            assert_never(question)
    return None
