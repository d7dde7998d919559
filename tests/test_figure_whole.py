"""whole_of: the whole a count is told as a part of, read with one pattern for every figure."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from quizgen.factbase.model import Figure
from quizgen.generators.figure_limits import whole_of

_NUMBERS = ("3", "10", "48", "87", "1,000", "1000", "12,345", "480", "4.5", "2")
_WORDS = (" of ", " out of ", " of the ", " of all ", " seats", ", ", " and ", " ", ".", "")


def _reference(figure: Figure) -> Decimal | None:
    """The reading before one pattern served every figure: a pattern per number, as shown."""
    if figure.decimals or figure.to is not None or not figure.value.is_finite():
        return None
    shown = f"{int(figure.value):,}"
    for text in (shown, shown.replace(",", "")):
        found = re.search(rf"(?<![\d,.]){re.escape(text)}\s+(?:out\s+)?of\s+"
                          r"(?:the\s+|its\s+|all\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]*\d)",
                          figure.excerpt)
        if found:
            whole = Decimal(found.group(1).replace(",", ""))
            return whole if whole > figure.value else None
    return None


@given(st.lists(st.sampled_from(_NUMBERS + _WORDS), max_size=12),
       st.sampled_from(("3", "5", "10", "45", "48", "345", "1000", "12345", "2")))
def test_whole_of_reads_as_a_pattern_per_number_did(parts: list[str], value: str) -> None:
    """On any excerpt of numbers and part-of words, one pattern finds what one per number found."""
    figure = Figure(id="f", measure="seats", value=Decimal(value), unit="seats", given_by=(),
                    excerpt="".join(parts))
    assert whole_of(figure) == _reference(figure)


def test_whole_of_reads_a_whole_that_is_itself_a_part() -> None:
    """'5 of 10 of 20': the 10 is a part of 20 though the 5's whole is the 10."""
    figure = Figure(id="f", measure="seats", value=Decimal(10), unit="seats", given_by=(),
                    excerpt="5 of 10 of 20 seats")
    assert whole_of(figure) == Decimal(20)
