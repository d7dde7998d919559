"""What makes a figure item poor: a worked example's number, an aside, a zero, a small sum, a
statement's span, a rank or a superlative's scope, a source named twice, a part beside its whole."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from quizgen.article.lexicon import CURRENCY_WORDS, ORDINALS, SCALES, UNITS_WORDS
from quizgen.factbase.model import Figure
from quizgen.generators.common import FactIndex
from quizgen.generators.figure_trivia import told_in_passing

# a number made up to show how something works, not one the article reports: the measure says
# it belongs to an example, or the excerpt sets one up ("Suppose …", "for instance") or works
# one out ("the result can be to fly at 800mph")
_EXAMPLE_MEASURE = re.compile(r"\b(?:example|examples|hypothetical|imaginary)\b", re.IGNORECASE)
_EXAMPLE_EXCERPT = re.compile(
    r"\b(?:for example|for instance|suppose|supposing|imagine|hypothetical(?:ly)?|"
    r"the result (?:can|could|would|might) be)\b",
    re.IGNORECASE,
)


def worked_example(figure: Figure) -> bool:
    """Whether the figure is a worked example's number ('airspeed of the airliner in the
    example', "Suppose a human slept 1.9 hours"): trivia, not what the article teaches."""
    return bool(_EXAMPLE_MEASURE.search(figure.measure) or _EXAMPLE_EXCERPT.search(figure.excerpt))


_BRACKETED = re.compile(r"\([^()]*\)")


def aside(figure: Figure) -> bool:
    """Whether the figure is given only in brackets, as an aside ('a sleeping mask ($299)',
    'as a giraffe (1.9 hours per night)'): trivia beside what the article reports."""
    inside = " ".join(_BRACKETED.findall(figure.excerpt))
    outside = _BRACKETED.sub(" ", figure.excerpt)
    return bool(re.search(r"\d", inside)) and not re.search(r"\d", outside)


# a sum under this many units of a currency (no scale word) is the price of an everyday thing
SMALL_SUM = 50


def small_sum(figure: Figure) -> bool:
    """Whether the figure is a small sum of money: under SMALL_SUM of a plain currency ("$34 for a
    class", "a wallet containing £5", "paid £7.50"), the price of an everyday thing in a scene
    of the story, not what it reports. A rate ("pounds an hour") or a scaled sum ("million
    euros") is no such price, nor a weight in pounds (only "£" makes pounds money)."""
    unit = figure.unit.casefold().split()
    if not figure.value.is_finite() or (figure.to is not None and not figure.to.is_finite()):
        return False  # no number: the generator says so
    if not unit or unit[-1] not in CURRENCY_WORDS or len(unit) > 2 or unit[0] in SCALES:
        return False  # a rate, or a scaled sum ("million pounds")
    if unit[-1] == "pounds" and "£" not in figure.excerpt:
        return False
    top = figure.value if figure.to is None else max(figure.value, figure.to)
    return 0 < top < SMALL_SUM


_SPAN_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                         "month", "months", "year", "years", "decade", "decades", "century",
                         "centuries"})
# a number standing alone in a measure ("£160m", "nearly half"), not a year or part of a name
# ("Kessler-7b"); longest first, then alphabetical, so that the pattern's text is the same in
# every process (a set's order follows the hash seed; words of one length are never prefixes)
_NUMBER_WORDS = "|".join(sorted({"half", "quarter", *UNITS_WORDS} - {"one"},
                                key=lambda word: (-len(word), word)))
_NUMBER_IN = re.compile(r"(?<![\w-])(?:(?!(?:1[5-9]|20)\d\d\b)[£$€¥]?\d[\d,.]*(?:%|m|bn|k)?|"
                        rf"(?:{_NUMBER_WORDS}))(?![\w-])", re.IGNORECASE)


# a span ahead: the horizon of a forecast, part of what it tells
_AHEAD = re.compile(r"\b(?:next|coming|expected|forecast|predicted|projected|likely|will|would|"
                    r"could)\b", re.IGNORECASE)


def statement_span(figure: Figure) -> bool:
    """Whether the figure is the span of a reported total ("over the last three years alone, …
    paid more than £160m", "more than 310 millimetres of rain fell … in 24 hours"): its measure
    holds that other number, so the item asks only the frame of a statement the prompt gives
    whole. A number inside a name ("Clermont Foot 63") is no other figure, and a span ahead
    ("expected to rise by 60% over the next 30 years") is the horizon of the forecast it tells."""
    unit = figure.unit.casefold().split()
    if not figure.value.is_finite() or not unit or unit[-1] not in _SPAN_UNITS:
        return False
    if figure.value >= 1000:
        return False  # no span, or a calendar year ("1994")
    if _AHEAD.search(figure.measure) or _AHEAD.search(figure.excerpt):
        return False
    for found in _NUMBER_IN.finditer(figure.measure):
        before = figure.measure[:found.start()].split()
        if not (before and before[-1][:1].isupper()):
            return True
    return False


_ORDINAL_OF = {value: word for word, value in ORDINALS.items()} | {1: "first", 2: "second"}


def counted_from_rank(figure: Figure) -> bool:
    """Whether a count is told only as a rank: the excerpt puts the ordinal of the value before
    the unit's noun ("ensuring Maduro's third term" for 3 terms). The question works a count out
    of an ordinal, which another item's "third term" answers at once, and reads clumsily."""
    if figure.to is not None or not figure.value.is_finite() or figure.decimals:
        return False
    if not 0 < figure.value <= max(_ORDINAL_OF):
        return False
    ordinal = _ORDINAL_OF.get(int(figure.value))
    unit = figure.unit.casefold().split()
    if ordinal is None or len(unit) != 1 or not unit[0].endswith("s"):
        return False
    noun = unit[0][:-1]
    text = " ".join(figure.excerpt.casefold().split())
    return (re.search(rf"\b{ordinal}[\s-]+{re.escape(noun)}s?\b", text) is not None
            and re.search(rf"(?<![\d.]){int(figure.value)}(?![\d.])", text) is None)


_SUPERLATIVES = ("top", "highest", "lowest", "biggest", "largest", "smallest", "greatest", "best",
                 "worst", "leading", "richest", "poorest", "oldest", "youngest")
_SCOPE = re.compile(rf"\b(?:{'|'.join(_SUPERLATIVES)})\s+([a-z]+|\d+)\b", re.IGNORECASE)


def superlative_scope(figure: Figure) -> bool:
    """Whether the figure is the scope of a superlative ("the first woman appointed in the
    highest two divisions", "among the top three clubs"): the number tells how far the claim
    reaches, not how many of something there were, and no other scope would read."""
    if figure.to is not None or not figure.value.is_finite() or figure.decimals:
        return False
    for found in _SCOPE.finditer(figure.excerpt):
        word = found.group(1).casefold()
        number = int(word) if word.isdigit() else UNITS_WORDS.get(word)
        if number is not None and number == figure.value:
            return True
    return False


def not_worth_asking(figure: Figure) -> str | None:
    """Why a figure is no line of a sheet, in a teacher's words, or None: a worked example's
    number, an aside in brackets, or a figure of zero ("Westbrook's goals": nothing happened,
    and every other option would lie above it, so the key would always be the first)."""
    if worked_example(figure):
        return ("a number from a worked example, not something the article reports; not worth "
                "a line of a sheet")
    if aside(figure):
        return "a number given in brackets, an aside of the article; not worth a line of a sheet"
    if small_sum(figure):
        return (f"a sum under {SMALL_SUM} {figure.unit} is the price of an everyday thing in a "
                "scene of the story; not worth a line of a sheet")
    if statement_span(figure):
        return ("the span of a statement whose figure the question gives; not worth a line of "
                "a sheet")
    if superlative_scope(figure):
        return ("the number is the scope of a superlative (\"the highest two divisions\"), not a "
                "count of what happened; not worth a line of a sheet")
    if counted_from_rank(figure):
        return ("a count the article tells only as a rank (an ordinal before its noun); not "
                "worth a line of a sheet")
    if (passing := told_in_passing(figure)) is not None:
        return passing
    if figure.value == 0 and figure.to is None:
        return ("a figure of zero tells that nothing happened, and every other option would lie "
                "above it, so it would always be the first")
    return None


@lru_cache(maxsize=1 << 16)
def _named(name: str) -> re.Pattern[str]:
    """A name said whole, in any case: compiled once per name, not again each time re's own
    cache of 512 patterns (overrun by the names of a large base) has dropped it."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def source_in_measure(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> bool:
    """Whether the measure itself names one of the figure's sources ('cloud types meteorologists
    identify', 'challenges Adam Fox sees', 'gear strapped to Redmond'): a prompt then says who
    gives the figure through the measure, never twice ('According to Adam Fox, … does Adam Fox
    see'). A person is named by full name, an alias, or (a proper name) surname alone. Never
    when another source gives the same quantity: only "According to …" tells the two apart."""
    measure = " ".join(figure.measure.split())
    folded = measure.casefold()
    ours = frozenset(given_by or ())
    told = facts.sources_by_quantity.get((folded, figure.subject), set())
    if any(sources != ours for sources in told):
        return False  # another source gives this quantity too: the prompt must say whose
    for source in dict.fromkeys(given_by or ()):
        entity = facts.entities.get(source)
        if entity is None:
            continue
        names = [n for n in (entity.name, *entity.aliases) if n.strip()]
        words = entity.name.split()
        if entity.kind == "person" and len(words) > 1 and all(w[:1].isupper() for w in words):
            names.append(words[-1])  # a surname: not the last word of 'a spokeswoman for X'
        for name in names:
            if _named(name.strip()).search(measure):
                return True
    return False


# "48 of the 87", "3 out of 10": a number, then (looked ahead, so that the whole can be the next
# part) the whole it is part of
_PART_OF = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)(?=\s+(?:out\s+)?of\s+"
                      r"(?:the\s+|its\s+|all\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]*\d))")


def whole_of(figure: Figure) -> Decimal | None:
    """The whole a count is told as a part of ('holds 48 of the 87 seats': 87), or None: its
    options stay below it, since no part is the whole ('87 seats' beside 48 of 87)."""
    if figure.decimals or figure.to is not None or not figure.value.is_finite():
        return None
    shown = f"{int(figure.value):,}"
    found: dict[str, str] = {}  # each number told as a part: its first whole
    for match in _PART_OF.finditer(figure.excerpt):
        found.setdefault(match.group(1), match.group(2))
    for text in (shown, shown.replace(",", "")):
        if text in found:
            whole = Decimal(found[text].replace(",", ""))
            return whole if whole > figure.value else None
    return None
