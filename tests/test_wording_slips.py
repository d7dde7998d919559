"""Wording slips of figure prompts found by the strict review (issue 18), read as a student reads
the prompt, over every fact base in content/ and tests/corpus/*/, seeds 1–20."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded
from sweep import seeds_of
from test_truth_rules import BASES

from quizgen.factbase.model import Figure
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.generators.common import index_facts
from quizgen.generators.figure_wording import value_prompt

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

# words that join nouns in a counted phrase: 'days of action', 'fans and players'
JOINS = {"of", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by", "across",
         "among", "between", "during", "per", "the", "a", "an", "their", "its", "his", "her"}


@cache
def _prompts(path: Path) -> tuple[str, ...]:
    """Every figure-choice prompt made from the base, the sweep's seeds, made once per session."""
    base = loaded(path)
    make = GENERATORS["figure-choice"]
    return tuple(dict.fromkeys(q.prompt for seed in seeds_of(path)
                               for q in make(base, seed=seed, options=GenOptions()).questions))


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def hides_a_clause(prompt: str) -> bool:
    """'how many storeys water pours were there through …': a verb in '-s' sits inside the
    counted phrase, after its plural noun with nothing to join them, so the words read as a
    clause cut in two."""
    found = re.search(r"\b[Hh]ow many ([a-z’' ]+?) (?:were|are) there\b", prompt)
    if not found:
        return False
    words = found[1].split()
    first = next((i for i, w in enumerate(words) if _plural(w)), None)
    if first is None:
        return False
    tail = words[first + 1:]
    return any(_plural(w) and not JOINS & set(tail[:k]) for k, w in enumerate(tail))


def asks_a_thing_for_an_amount(prompt: str) -> bool:
    """'what was the plastic waste littering the planet?': 'what' asks which thing; an amount
    of it is asked 'how much … was littering …?'."""
    return bool(re.search(r"\b[Ww]hat (?:was|were|is|are) the (?:[a-z]+ ){1,3}"
                          r"(?!during)[a-z]{3,}ing\b (?:the|a|an|its|their)\b", prompt))


def names_its_noun_twice(prompt: str) -> bool:
    """'What range of years did the article give for the years of the observations?': the
    noun the question asks is said again in what it asks about."""
    return bool(re.search(r"\brange of (\w+) .*\bfor (?:the )?\1 of\b", prompt))


def counts_an_owner_without_of(prompt: str) -> bool:
    """'how many Ingenuity's rotor blades broke?': a counted phrase owned by a name is counted
    'how many of …'."""
    return bool(re.search(r"\b[Hh]ow many (?:[A-Z][\w-]* )*[A-Z][\w-]*(?:'s|’s|s'|s’) ", prompt))


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_figure_prompts_have_no_known_wording_slip(path: Path) -> None:
    """No counted phrase cut by a clause, no 'what was' asked of an amount of a thing and no
    range's noun said twice, in any figure prompt of any base."""
    for prompt in _prompts(path):
        assert not hides_a_clause(prompt), prompt
        assert not asks_a_thing_for_an_amount(prompt), prompt
        assert not names_its_noun_twice(prompt), prompt
        assert not counts_an_owner_without_of(prompt), prompt


@pytest.mark.parametrize(("measure", "unit", "slip"), [
    ("number of storeys water pours through at The Towers", "storeys", hides_a_clause),
    ("plastic waste littering the planet and oceans", "million tonnes",
     asks_a_thing_for_an_amount),
    ("number of Orvane's boats that sank", "boats", counts_an_owner_without_of),
    ("number of Tessa Lund's goats lost in the storm", "goats", counts_an_owner_without_of),
])
def test_the_slips_the_review_saw_are_worded_well(
    measure: str, unit: str, slip: Callable[[str], bool]
) -> None:

    """The two measures the review read as slips now make prompts the readings above accept, and
    the readings do catch the slips as printed before ('how many storeys water pours were there
    through …', 'what was the plastic waste littering …')."""
    figure = Figure(id="f", measure=measure, value=Decimal(3), unit=unit, given_by=())
    base = loaded(BASES[0])
    prompt = value_prompt(figure, index_facts(base), None)
    assert not slip(prompt), prompt
    assert hides_a_clause("According to the article, how many storeys water pours were there "
                          "through at The Towers?")
    assert asks_a_thing_for_an_amount("According to environmentalists, what was the plastic "
                                      "waste littering the planet and oceans?")
    assert counts_an_owner_without_of("According to the article, how many Orvane's boats sank?")
    if slip is counts_an_owner_without_of:
        assert "how many of " in prompt.casefold(), prompt
