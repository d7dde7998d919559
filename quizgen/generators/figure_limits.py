"""What makes a figure item poor: a worked example's number, an aside, a zero, a source named
twice, a part offered beside its whole."""

from __future__ import annotations

import re
from decimal import Decimal

from quizgen.factbase.model import Figure
from quizgen.generators.common import FactIndex

# a number made up to show how something works, not one the article reports: the measure says
# it belongs to an example, or the excerpt sets one up ("Suppose …", "for instance")
_EXAMPLE_MEASURE = re.compile(r"\b(?:example|examples|hypothetical|imaginary)\b", re.IGNORECASE)
_EXAMPLE_EXCERPT = re.compile(
    r"\b(?:for example|for instance|suppose|supposing|imagine|hypothetical(?:ly)?)\b",
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


def not_worth_asking(figure: Figure) -> str | None:
    """Why a figure is no line of a sheet, in a teacher's words, or None: a worked example's
    number, an aside in brackets, or a figure of zero ("Westbrook's goals": nothing happened,
    and every other option would lie above it, so the key would always be the first)."""
    if worked_example(figure):
        return ("a number from a worked example, not something the article reports; not worth "
                "a line of a sheet")
    if aside(figure):
        return "a number given in brackets, an aside of the article; not worth a line of a sheet"
    if figure.value == 0 and figure.to is None:
        return ("a figure of zero tells that nothing happened, and every other option would lie "
                "above it, so it would always be the first")
    return None


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
            if re.search(rf"(?<!\w){re.escape(name.strip())}(?!\w)", measure, re.IGNORECASE):
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
