"""A quoted fragment is never asked as someone's words: who-said-it items and quote matchings
print only passages that read as a saying (a clause with a finite verb of its own, or an
exclamation or a question), judged from the words and the excerpt around them (issue 18)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from factbases import make_base, person, quote, reasons, run, talk
from sheet_check import ROOT, base_at, sheet

from quizgen.factbase.model import FactBase, Quote
from quizgen.generators.sayings import fragment
from quizgen.quiz.questions import Matching, MultipleChoice, QuoteRef, SpeakerOf
from quizgen.renderers.anki.text import gap

# made-up passages and the excerpts that bring them in, one for each shape of fragment
FRAGMENTS = {
    "an infinitive cut out of the reporter's clause": (
        "to prove that the old bridge is safe",
        "The engineer said that more tests will be needed “to prove that the old bridge is "
        "safe.”"),
    "a noun phrase described as": (
        "a bold and welcome change that will help every family in town",
        "The mayor describes the plan as “a bold and welcome change that will help every family "
        "in town.”"),
    "a noun phrase considered": (
        "a good place for the new school",
        "the old farm would be considered “a good place for the new school.”"),
    "a label called it": (
        "a day we will remember for years",
        "The coach called it “a day we will remember for years.”"),
    "a noun phrase with no verb": (
        "a quiet street with tall trees and old stone houses",
        "Residents want to keep “a quiet street with tall trees and old stone houses.”"),
    "a very short phrase echoing another's words": (
        "Like a fool",
        "(“Like a fool,” the teacher corrects him)"),
    "a passage opening on a joining word": (
        "And not only wait for the rain to stop.",
        "“And not only wait for the rain to stop.”"),
    "verbless words set inside the reporter's sentence": (
        "A long road. A very long road, longer than the river.",
        "His plan for a new road – “A long road. A very long road, longer than the river.” – "
        "has critics."),
}
SAYINGS = {
    "a sentence after a verb of saying": (
        "We will not close the school.", "“We will not close the school,” she said."),
    "a clause after 'said that'": (
        "the council has broken its promise",
        "She said that “the council has broken its promise.”"),
    "a clause with an adverb before its verb": (
        "the voters clearly chose a new mayor",
        "He wrote that “the voters clearly chose a new mayor.”"),
    "a question": ("Who will pay for the repairs?", "“Who will pay for the repairs?” he asked."),
    "an exclamation": ("What a waste of good bread!",
                       "“What a waste of good bread!” the baker shouted."),
    "words the speaker himself names": (
        "the news the old guard never wanted to hear: we won",
        "She read out what she called “the news the old guard never wanted to hear: we won.”"),
    "verbless words handed to the speaker": (
        "A long road. A very long road, longer than the river.",
        "He told reporters, “A long road. A very long road, longer than the river.”"),
}


@pytest.mark.parametrize("shape", sorted(FRAGMENTS))
def test_each_shape_of_fragment_is_no_saying(shape: str) -> None:
    """Every shape of fragment (an infinitive, a noun phrase, a label, a short echo, a joined
    clause, verbless words in the reporter's sentence) reads as a fragment."""
    text, excerpt = FRAGMENTS[shape]
    assert fragment(text, excerpt), shape


@pytest.mark.parametrize("shape", sorted(SAYINGS))
def test_sayings_stay_sayings(shape: str) -> None:
    """A clause with its own finite verb, a question, an exclamation, or words handed to the
    speaker by a verb of saying, is a saying to attribute."""
    text, excerpt = SAYINGS[shape]
    assert not fragment(text, excerpt), shape


def _base(text: str, excerpt: str) -> FactBase:
    """Four people who speak; Ana is quoted with the passage besides."""
    cast = [person(p) for p in ("ana", "bo", "cy", "di")]
    said = dataclasses.replace(quote("passage", text, "ana"), excerpt=excerpt)
    return make_base(*cast, said, *talk("ana", "bo", "cy", "di"))


def _asked(questions: tuple[object, ...]) -> set[str]:
    """The ids of the quotes a who-said-it or a matching asks as someone's words (a who-said-it
    asking who was doing something to the words, 'Who was demanding an end to “…”?', asks an
    act)."""
    found = set()
    for question in questions:
        if (isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf)
                and "said" in question.prompt):  # not 'Who was demanding an end to “…”?'
            found.add(question.ask.quote)
        if isinstance(question, Matching):
            found |= {o.claim.quote for o in question.left if isinstance(o.claim, QuoteRef)}
    return found


@pytest.mark.parametrize("shape", sorted(FRAGMENTS))
def test_who_said_it_and_matchings_leave_a_fragment_out_in_plain_words(shape: str) -> None:
    """Neither a who-said-it item nor a matching asks a fragment; the skip says why in a
    teacher's words (a fragment of the reporter's sentence, not a saying of its own)."""
    base = _base(*FRAGMENTS[shape])
    for kind in ("who-said-it", "quote-match"):
        result = run(kind, base, 1)
        assert "passage" not in _asked(result.questions), (kind, shape)
    said = reasons(run("who-said-it", base, 1))
    assert "fragment of the reporter's sentence" in said, said


@pytest.mark.parametrize("shape", sorted(SAYINGS))
def test_who_said_it_still_asks_a_saying(shape: str) -> None:
    """A passage that reads as a saying is still asked who said it."""
    base = _base(*SAYINGS[shape])
    assert "passage" in _asked(run("who-said-it", base, 1).questions), shape


def test_a_fragment_acted_on_is_asked_as_the_act() -> None:
    """A fragment whose context points at it ('demanding an end to it') is asked as the thing
    acted on, 'Who was demanding an end to “…”?', never as someone's words."""
    text, excerpt = FRAGMENTS["a noun phrase with no verb"]
    base = _base(text, excerpt)
    passage = dataclasses.replace(base.quotes[0], context="demanding an end to it")
    base = dataclasses.replace(base, quotes=(passage, *base.quotes[1:]))
    asked = [q for q in run("who-said-it", base, 1).questions
             if isinstance(q, MultipleChoice) and q.ask == SpeakerOf("passage")]
    assert [q.prompt for q in asked] == [f"Who was demanding an end to “{text}”?"], asked


def test_a_fragment_may_still_be_taught_as_a_gap() -> None:
    """A fragment left out of the speaker items still makes its gap card (the Anki note blanks
    its key phrase): it is taught as words of the article, not as someone's saying."""
    text, _ = FRAGMENTS["a noun phrase described as"]
    made = gap(text, "bold and welcome change")
    assert made is not None and "bold and welcome change" in made[1], made


ALL_BASES = sorted((ROOT / "content").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "corpus").rglob("*.yaml"))


@pytest.mark.parametrize("path", ALL_BASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_default_sheet_asks_a_fragment_as_someones_words(path: Path) -> None:
    """Sweep: on no base's default sheet (seeds 1 and 2) does a who-said-it item or a matching
    print a quoted fragment."""
    base = base_at(path)
    quotes = {q.id: q for q in base.quotes if isinstance(q, Quote)}
    for seed in (1, 2):
        asked = _asked(sheet(path, seed).questions)
        bad = [quotes[i].text for i in asked if i in quotes
               and fragment(quotes[i].text, quotes[i].excerpt)]
        assert not bad, (path.stem, seed, bad)
