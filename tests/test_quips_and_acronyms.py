"""Poor items of the strict review's dev set on speakers and terms: a quip of a few common words
asked as who-said-it, and a mixed acronym ("IgG") its meaning spells; each rule written here
again from what a student reads."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from factbases import event, make_base, org, person, quote
from sheet_check import base_at, sheet
from sweep import seeds_of
from test_truth_rules import BASES, SEEDS

from quizgen.factbase.model import Entity, FactBase, Quote, ReportedClaim, Term
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.guessed import title_names_key
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    MultipleChoice,
    SpeakerOf,
    TermFor,
    TermMeaning,
)
from quizgen.quiz.said import role_claim, short_quote
from quizgen.quiz.sheet_rules import spelled

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

# the little words of any sentence: a quote made of little else ties no speaker to it
LITTLE = {"the", "a", "an", "of", "your", "my", "our", "their", "his", "her", "its", "it", "in",
          "on", "at", "to", "for", "and", "or", "but", "all", "that", "this", "we", "i", "you",
          "he", "she", "they", "there", "here", "no", "not", "so", "as", "one", "more", "only"}


def _quip(text: str) -> bool:
    """Five words or fewer, of which at most two are not little words."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w'’]*", text)]
    return len(words) <= 5 and len([w for w in words if w not in LITTLE]) <= 2


def _speaker_item(base: FactBase, quote_id: str) -> MultipleChoice:
    made = GENERATORS["who-said-it"](base, seed=1, options=GenOptions()).questions
    found = [q for q in made if isinstance(q, MultipleChoice) and q.ask == SpeakerOf(quote_id)]
    assert found, quote_id
    return found[0]


def test_a_quip_of_little_words_is_no_who_said_it_but_five_words_of_content_are() -> None:
    """"The rest of your life" ties no speaker to it; "It's something uniting people here" does,
    and a long quote is asked as ever."""
    base = make_base(
        person("jones", "Peter Jones"), person("brooks", "John Brooks"),
        person("riley", "Mike Riley"), person("swabey", "Lee Swabey"),
        quote("quip", "The rest of your life", "jones"),
        quote("five", "It’s something uniting people here", "brooks"),
        quote("long", "Refereeing is a job you learn one Saturday at a time", "riley"),
        quote("more", "We are all in favour of anything that helps referees", "swabey"),
    )  # fmt: skip
    assert short_quote(_speaker_item(base, "quip"), base) is not None
    assert short_quote(_speaker_item(base, "five"), base) is None
    assert short_quote(_speaker_item(base, "long"), base) is None


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_asks_who_said_a_quip(path: Path) -> None:
    """No default sheet, swept seeds, asks who said a quip of a few little words."""
    base = base_at(path)
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if isinstance(q, MultipleChoice) and isinstance(q.ask, SpeakerOf):
                said = base.by_id[q.ask.quote]
                assert isinstance(said, Quote) and not _quip(said.text), q.prompt


def _terms_base() -> FactBase:
    terms = [
        Term("igg", "IgG", "immunoglobulin G, antibodies that home-testing kits look for"),
        Term("kinect", "Kinect", "motion-sensing devices developed for a games console"),
        Term("cochrane", "UK Cochrane Centre", "a body that reviews medical evidence"),
        Term("intolerance", "food intolerance", "difficulty digesting certain foods"),
    ]
    return replace(make_base(person("fox", "Adam Fox")),
                   terms=tuple(replace(t, excerpt=f"{t.term} is {t.meaning}") for t in terms))


def test_a_mixed_acronym_spelled_inside_its_meaning_gives_itself_away() -> None:
    """"Which term means immunoglobulin G …?" is answered by the letters of IgG; "Kinect" is no
    acronym, and its meaning spells nothing."""
    base = _terms_base()
    made = GENERATORS["term-meaning"](base, seed=1, options=GenOptions()).questions
    items = [q for q in made if isinstance(q, MultipleChoice)
             and isinstance(q.ask, TermFor | TermMeaning)]
    flagged = {q.ask.term for q in items if spelled(q, base) is not None
               and isinstance(q.ask, TermFor | TermMeaning)}
    asked = {q.ask.term for q in items if isinstance(q.ask, TermFor | TermMeaning)}
    assert "igg" in asked and "igg" in flagged
    assert "kinect" in asked and "kinect" not in flagged


def _inside(acronym: str, meaning: str) -> bool:
    """Each letter of a mixed acronym found in order in the meaning's opening words, capitals at
    the start of a word (the test's own reading)."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"^(?:the|an?)\s+", "", meaning, flags=re.I))
    at, rest = 0, ""
    for letter in acronym:
        if letter.isupper():
            if at >= len(words) or words[at][0].casefold() != letter.casefold():
                return False
            rest, at = words[at][1:], at + 1
        else:
            found = rest.casefold().find(letter.casefold())
            if found < 0:
                return False
            rest = rest[found + 1:]
    return True


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_keeps_a_mixed_acronym_its_meaning_spells(path: Path) -> None:
    """No default sheet, swept seeds, asks "which term means …" of a mixed acronym ("IgG") whose
    meaning opens with the words it is made of, nor the meaning of one among others."""
    base = base_at(path)
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if not (isinstance(q, MultipleChoice) and isinstance(q.ask, TermFor | TermMeaning)):
                continue
            term = base.by_id[q.ask.term]
            assert isinstance(term, Term)
            names = [n for n in (term.term, *term.aliases)
                     if re.fullmatch(r"[A-Z][A-Za-z]{1,6}", n) and sum(c.isupper() for c in n) > 1
                     and not n.isupper()]
            if isinstance(q.ask, TermFor):
                assert not any(_inside(n, term.meaning) for n in names), q.prompt
            else:
                spelled_options = [i for i, o in enumerate(q.options)
                                   if any(_inside(n, o.text) for n in names)]
                assert spelled_options != [q.answer], q.prompt


def _title_base(title: str) -> FactBase:
    terms = [
        Term("book", "The Sleep Revolution", "Arianna Huffington's book, a best-seller"),
        Term("drug", "ampakines", "drugs that may let soldiers go without sleep"),
        Term("team", "A-Team", "what Huffington calls her assistants"),
        Term("journal", "Human Performance", "the journal that published the study"),
    ]
    return replace(make_base(person("huffington", "Arianna Huffington"), title=title),
                   terms=tuple(replace(t, excerpt=f"{t.term} is {t.meaning}") for t in terms))


def test_a_title_sharing_a_word_with_a_term_key_alone_gives_it_away() -> None:
    """Under "Sleep becomes a status symbol", "Which term means Huffington's book?" is answered
    by "The Sleep Revolution", the one option about sleep; under another title it is not."""
    for title, flagged in (("Sleep becomes a status symbol", True),
                           ("Rest becomes a status symbol", False)):
        base = _title_base(title)
        made = GENERATORS["term-meaning"](base, seed=1, options=GenOptions()).questions
        items = [q for q in made if isinstance(q, MultipleChoice) and q.ask == TermFor("book")]
        assert items
        assert (title_names_key(items[0], title, base) is not None) is flagged, title


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_keeps_a_term_key_the_title_alone_points_to(path: Path) -> None:
    """No default sheet, swept seeds, asks "which term means …" whose key alone shares a word of
    three letters or more with the title (little words aside)."""
    base = base_at(path)
    title = {w for w in re.findall(r"[^\W\d_]{3,}", base.source.title.casefold())
             if w not in LITTLE | {"and", "with", "from", "for"}}

    def shared(text: str) -> bool:
        return any(w[:6] in {t[:6] for t in title} and w not in LITTLE
                   for w in re.findall(r"[^\W\d_]{3,}", text.casefold()))

    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if isinstance(q, MultipleChoice) and isinstance(q.ask, TermFor):
                hits = [i for i, o in enumerate(q.options) if shared(o.text)]
                assert hits != [q.answer], q.prompt


RELATIVE = re.compile(r"^(?:who|whom|whose|which|that|where|when)\b", re.IGNORECASE)


def test_a_role_that_is_a_relative_clause_is_offered_as_no_meaning() -> None:
    """"What is the A-Team?" offers roles of other groups as wrong meanings, but never "who get
    the most sleep in America", a clause that reads as no answer."""
    base = replace(make_base(
        person("huffington", "Arianna Huffington"),
        person("team", "the A-Team", kind="group"),
        person("rich", "wealthy white women", kind="group"),
        person("labs", "sleep researchers", kind="group"),
        person("staff", "the night staff", kind="group"),
    ), terms=(Term("a-team", "A-Team", "what Huffington calls her assistants",
                   excerpt="Huffington calls them her A-Team"),))
    roles = {"rich": "who get the most sleep in America", "labs": "researchers who study sleep",
             "staff": "the workers of the night shift"}
    base = replace(base, entities=tuple(replace(e, role=roles.get(e.id, e.role))
                                        for e in base.entities))
    made = GENERATORS["term-meaning"](base, seed=1, options=GenOptions()).questions
    items = [q for q in made if isinstance(q, MultipleChoice) and q.ask == TermMeaning("a-team")]
    assert items
    shown = {o.text for o in items[0].options}
    assert "who get the most sleep in America" not in shown
    assert "researchers who study sleep" in shown


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_what_is_item_offers_a_relative_clause(path: Path) -> None:
    """No "What is …?" item made, seeds 1–20, offers a meaning that opens with a relative word."""
    base = base_at(path)
    for seed in SEEDS:
        for q in GENERATORS["term-meaning"](base, seed=seed, options=GenOptions()).questions:
            if isinstance(q, MultipleChoice) and isinstance(q.ask, TermMeaning):
                assert not [o.text for o in q.options if RELATIVE.match(o.text)], q.prompt


def _club(with_event: bool, speaks: bool) -> FactBase:
    """A club's president claiming the club signed a player, four people who claim things, and
    perhaps the signing as an event of the club told by the same sentence."""
    said = "In 2013, he announced the team had signed Messi."
    cast = [person(i, n) for i, n in (("michy", "Claude Michy"), ("minister", "Najat Belkacem"),
                                      ("fan", "one fan"), ("costa", "Helena Costa"))]
    if speaks:
        cast[0] = replace(cast[0], speaks_for="club")
    claims = (ReportedClaim("signing", ("michy",), "the team had signed Messi", excerpt=said),
              *(ReportedClaim(f"c-{p.id}", (p.id,), f"{p.name} had backed the appointment",
                              excerpt=f"{p.name} said so") for p in cast[1:]))
    events = (event("e", "2013", description="Claude Michy announced the signing",
                    people=("michy", "club")),) if with_event else ()
    base = make_base(*cast, org("club", "Clermont Foot 63"), *events)
    return replace(base, claims=claims, events=tuple(replace(e, excerpt=said) for e in events))


def test_a_body_s_own_act_told_by_its_voice_is_answered_by_role() -> None:
    """"Who said that the team had signed Messi?" keys the club's president, whose club did it
    by the event the same sentence tells; without that event, or when he speaks for no body,
    it asks the article."""
    for with_event, speaks, flagged in ((True, True, True), (False, True, False),
                                        (True, False, False)):
        base = _club(with_event, speaks)
        made = GENERATORS["who-claimed-it"](base, seed=1, options=GenOptions()).questions
        items = [q for q in made
                 if isinstance(q, MultipleChoice) and q.ask == ClaimantOf("signing")]
        assert items, (with_event, speaks)
        assert (role_claim(items[0], base) is not None) is flagged, (with_event, speaks)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_asks_who_told_his_own_body_s_act(path: Path) -> None:
    """No default sheet, swept seeds, asks who claimed what an event of the same sentence says
    the body the key speaks for did."""
    base = base_at(path)
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if not (isinstance(q, MultipleChoice) and isinstance(q.ask, ClaimantOf)):
                continue
            key = q.options[q.answer].claim
            who = base.by_id.get(key.entity) if isinstance(key, EntityRef) else None
            claim = base.by_id.get(q.ask.claim)
            if not (isinstance(who, Entity) and who.speaks_for
                    and isinstance(claim, ReportedClaim)):
                continue
            said = " ".join(claim.excerpt.split()).casefold()
            for e in base.events:
                told = " ".join(e.excerpt.split()).casefold()
                assert not (told and (told in said or said in told)
                            and who.speaks_for in e.people), q.prompt
