"""A clause's words with its other amounts left out, for the measure of a year or a time."""

from __future__ import annotations

from quizgen.article.lexicon import words

_AMOUNT_LEAD = words("for at to by of about around nearly almost than some over under")
_SCALES = words("hundred thousand million billion trillion")
_PERCENT = words("percent per cent %")


def without_amounts(found: list[str]) -> list[str]:
    """A year's clause without the other amounts in it ("sold for £12m", "won 3 medals"): the
    year asks when, the amount is a figure of its own; a percentage goes with its "of" ("about
    14 percent of the coral was lost": the coral was lost, round 22)."""
    kept: list[str] = []
    dropped = dropped_than = percent = False
    for word in found:
        if any(c.isdigit() for c in word):
            dropped_than = False
            while kept and (kept[-1].lower() in _AMOUNT_LEAD or (
                    kept[-1].lower() in ("more", "less", "fewer") and dropped_than)):
                dropped_than = kept.pop().lower() == "than"  # "sold for more than £12m": sold
            dropped = True
            continue
        if dropped and word.lower() in _SCALES | _PERCENT:
            percent = percent or word.lower() in _PERCENT
            continue  # "rise to 1.6 million": the scale word goes with its number
        if dropped and percent and word.lower() == "of":
            dropped = percent = False
            continue
        dropped = percent = False
        kept.append(word)
    return kept
