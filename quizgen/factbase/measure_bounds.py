"""Measures a student bounds by common sense: a two-way test's hit rate, a typical duration."""

from __future__ import annotations

import re
from decimal import Decimal

# Words that make a share the rate at which a test, a method or a judge gets a yes-or-no
# answer right ("the rate at which a polygraph tells truth from lies", "accuracy of the test"):
# such a rate above half is never offered at or below half, which a coin would match.
_RIGHT_WORDS = frozenset({
    "accuracy", "accurate", "accurately", "correct", "correctly", "right", "reliability",
})  # fmt: skip
_TELL_APART = re.compile(r"\b(?:tells?|telling|told|distinguish(?:es|ed|ing)?|separates?)\b"
                         r".*\b(?:from|apart|between)\b")


def is_two_way_rate(measure: str) -> bool:
    """Whether a share's measure is how often a yes-or-no judgement is right: 'accuracy of the
    test', 'share of cases the dogs identified correctly', 'rate at which a polygraph tells truth
    from lies'."""
    text = measure.casefold()
    return bool(set(re.findall(r"[a-z]+", text)) & _RIGHT_WORDS) or bool(_TELL_APART.search(text))


def chance_floor(value: Decimal, whole: Decimal, measure: str) -> Decimal | None:
    """The least a two-way test's rate may be offered at (more than half of the whole), when the
    key is above half; None for any other share (a rate at or below chance keeps its range)."""
    if not is_two_way_rate(measure) or value * 2 <= whole:
        return None
    return whole / 2


# A typical or average duration of what people do (a night's sleep, a held breath, a commute)
# is known to a student within about this factor: "2.85 hours" as a population's average night
# beside 6.85, or "100 seconds" of breath beside a typical 40, is ruled out at a glance.
TYPICAL_SPREAD = Decimal("1.5")
_DURATION_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "sec", "secs", "min", "mins", "hr", "hrs",
})  # fmt: skip
_TYPICAL_WORDS = frozenset({"average", "typical", "typically", "mean", "usual", "usually",
                            "normally", "median"})


def is_typical_duration(unit: str, measure: str) -> bool:
    """Whether a figure is an average or typical length of time ('average sleep time' in hours,
    'the time the typical swimmer can hold their breath' in seconds), not a total or a rate."""
    if " ".join(unit.split()).casefold() not in _DURATION_UNITS:
        return False
    return bool(set(re.findall(r"[a-z]+", measure.casefold())) & _TYPICAL_WORDS)
