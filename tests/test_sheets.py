"""Issue 18's sheet rules over every fact base in content/ and tests/corpus/, default class sheets:
no item given away by another, by the title or by its own words; orderings that teach; keys
spread across speakers; wording a teacher would print. Rules are written again in sheet_check."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from factbases import event as dated
from factbases import make_base
from sheet_check import (
    BASES,
    MADE_UP,
    SEEDS,
    always_main_score,
    amount_key,
    base_at,
    common_sense_pair,
    events_shown,
    is_term_item,
    key,
    kinds_sheet,
    names_of,
    overused,
    quote_ids,
    sheets,
    shown,
    stem,
    term_of,
    terms_touched,
    whole,
    words,
)
from sheet_check import (
    sheet as cached_sheet,
)
from sweep import seeds_of

from quizgen.factbase.model import Entity, FactBase
from quizgen.factbase.numbers import TIME_UNIT
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.passages import numbers_in
from quizgen.quiz.questions import (
    Amount,
    ClaimantOf,
    EntityRef,
    EventRef,
    MultipleChoice,
    Ordering,
    Quiz,
    SpeakerOf,
    TermFor,
    TermMeaning,
)
from quizgen.quiz.select import build_quiz
from quizgen.renderers.anki.facts import fact_notes

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


BOILERPLATE = {"said", "that", "this", "with", "from", "what", "which", "where", "when", "their",
               "they", "them", "have", "were", "been", "there", "these", "those", "whom"}


def default_sheets() -> Iterator[tuple[str, FactBase, Quiz]]:
    """The sweep's seeds of every base (sweep.seeds_of: seed 1 and two that rotate with the
    base in `make test`, seeds 1-20 under `make fuzz`), the sheets other sweeps read too, and
    the made-up bases' sheets (made_up_sheets)."""
    for path in BASES:
        for seed in seeds_of(path):
            yield f"{path.stem} seed {seed}", base_at(path), cached_sheet(path, seed)
    for path in MADE_UP:
        yield from made_up_sheets(path, seeds_of(path))


def every_sheet() -> Iterator[tuple[str, FactBase, Quiz]]:
    """Every base, seeds 1-20."""
    yield from sheets(BASES, SEEDS)
    for path in MADE_UP:
        yield from made_up_sheets(path, SEEDS)


def made_up_sheets(path: Path, seeds: Iterable[int]) -> Iterator[tuple[str, FactBase, Quiz]]:
    """A made-up base's class sheet and its sheet of terms alone (no kind rationed: the term
    items a teacher asking for terms gets), for the seeds."""
    for seed in seeds:
        yield f"{path.stem} seed {seed}", base_at(path), cached_sheet(path, seed)
        yield (f"{path.stem} terms seed {seed}", base_at(path),
               kinds_sheet(path, seed, ("term-meaning",)))


Sweep = Callable[[], Iterator[tuple[str, FactBase, Quiz]]]
SWEEPS = [pytest.param(default_sheets, id="default"),
          pytest.param(every_sheet, id="full", marks=pytest.mark.fuzz)]


# ---- 1. no item given away on its sheet ---------------------------------------------------


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_quote_is_asked_twice_on_a_sheet(sweep: Sweep) -> None:
    """A quote is attributed once per sheet: never in two matchings, nor in a matching and a
    who-said-it."""
    for label, _, quiz in sweep():
        asked = [q for item in quiz.questions for q in quote_ids(item)]
        assert len(asked) == len(set(asked)), (label, sorted(asked))


@pytest.mark.parametrize("sweep", SWEEPS)
def test_the_title_states_no_answer(sweep: Sweep) -> None:
    """The printed title shows no figure item's value and no term item's answer."""
    for label, _, quiz in sweep():
        title_numbers = numbers_in(quiz.title)
        for item in quiz.questions:
            amount = amount_key(item)
            if amount is not None and amount.unit.casefold() != TIME_UNIT:
                value = amount.value.normalize()
                assert value not in title_numbers, (label, quiz.title, item.prompt)
            if is_term_item(item):
                assert isinstance(item, MultipleChoice)
                assert not whole(key(item), quiz.title), (label, quiz.title, key(item))


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_term_answer_is_stated_by_another_item(sweep: Sweep) -> None:
    """A term item's answer, however short ("VAR", "flares"), is in no other item's texts."""
    for label, _, quiz in sweep():
        for item in quiz.questions:
            if not is_term_item(item):
                continue
            assert isinstance(item, MultipleChoice)
            for other in quiz.questions:
                if other is not item and other.factbase == item.factbase:
                    said = "\n".join(shown(other))
                    assert not whole(key(item), said), (label, key(item), other.prompt)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_prompt_points_to_its_key(sweep: Sweep) -> None:
    """No word of a speaker or term prompt shares its stem with the key's name alone ("on the
    placards many marchers carried" beside "the marchers")."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not isinstance(item, MultipleChoice) or not isinstance(
                item.ask, SpeakerOf | ClaimantOf | TermMeaning | TermFor
            ):
                continue
            said = {stem(w) for w in words(item.prompt) if len(w) > 3 and w not in BOILERPLATE}

            def named(index: int) -> set[str]:
                option = item.options[index]  # noqa: B023 - used within the loop turn
                texts = [option.text]
                if isinstance(option.claim, EntityRef):
                    texts += names_of(base, option.claim.entity)  # noqa: B023
                return {stem(w) for t in texts for w in words(t) if len(w) > 3}

            wrong: set[str] = set()
            for i in range(len(item.options)):
                if i != item.answer:
                    wrong |= named(i)
            pointing = (named(item.answer) & said) - wrong
            assert not pointing, (label, item.prompt, key(item), pointing)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_event_shown_tells_who_said_it(sweep: Sweep) -> None:
    """No ordering shows an event naming a speaker item's key and telling what it asks ("Maduro
    told the Supreme Court he was ready to release the full results" beside "Who said that he
    was willing to release the full election results?")."""
    for label, base, quiz in sweep():
        events = [o.text for q in quiz.questions if isinstance(q, Ordering) for o in q.items]
        for item in quiz.questions:
            if not isinstance(item, MultipleChoice):
                continue
            if not isinstance(item.ask, SpeakerOf | ClaimantOf):
                continue
            option = item.options[item.answer].claim
            assert isinstance(option, EntityRef)
            names = names_of(base, option.entity)
            name_words = {w for n in names for w in words(n)}
            asked = {stem(w) for w in words(item.prompt) if len(w) > 3 and w not in BOILERPLATE}
            asked -= {stem(w) for w in name_words}
            figures = set(re.findall(r"\d+", re.sub(r"“[^”]*”", " ", item.prompt)))
            for event in events:
                if any(whole(n, event) for n in names):
                    told = {stem(w) for w in words(event) if len(w) > 3} & asked
                    assert len(told) < 3, (label, event, item.prompt, told)
                    assert not figures & set(re.findall(r"\d+", event)), (label, event, item.prompt)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_term_items_make_no_block(sweep: Sweep) -> None:
    """Neither of two term items of a sheet offers the other's term or answer text (an option
    both offer as wrong is fine), so no block of them is solved by elimination."""
    for label, _, quiz in sweep():
        terms = [q for q in quiz.questions if is_term_item(q)]
        for i, a in enumerate(terms):
            for b in terms[i + 1 :]:
                assert isinstance(a, MultipleChoice) and isinstance(b, MultipleChoice)
                assert isinstance(a.ask, TermMeaning | TermFor)
                assert isinstance(b.ask, TermMeaning | TermFor)
                if a.factbase == b.factbase:
                    assert a.ask.term not in terms_touched(b), (label, a.prompt, b.prompt)
                    assert b.ask.term not in terms_touched(a), (label, a.prompt, b.prompt)
                texts_a = {" ".join(words(o.text)) for o in a.options}
                texts_b = {" ".join(words(o.text)) for o in b.options}
                assert " ".join(words(key(a))) not in texts_b, (label, a.prompt, b.prompt)
                assert " ".join(words(key(b))) not in texts_a, (label, a.prompt, b.prompt)


# ---- 2. orderings chosen for what they teach ------------------------------------------------


def _decks(paths: list[Path]) -> Iterator[tuple[str, list[Ordering]]]:
    for path in paths:
        base = base_at(path)
        for seed in seeds_of(path):
            made = GENERATORS["event-order"](base, seed=seed, options=GenOptions()).questions
            yield f"{path.stem} seed {seed}", [q for q in made if isinstance(q, Ordering)]


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_event_in_more_than_a_third_of_a_sheets_orderings(sweep: Sweep) -> None:
    """On a sheet, no event is in more than a third of the orderings (one, with few)."""
    for label, _, quiz in sweep():
        orderings = [q for q in quiz.questions if isinstance(q, Ordering)]
        assert not overused(list(orderings)), (label, overused(list(orderings)))


def test_no_event_in_more_than_a_third_of_a_decks_orderings() -> None:
    """In a deck (every ordering a base makes for a seed), no event is in more than a third of
    the orderings (one, with fewer than six)."""
    made = 0
    for label, orderings in _decks(BASES):
        assert not overused(list(orderings)), (label, overused(list(orderings)))
        made += len(orderings)
    assert made, "no ordering at all: the rule is never exercised"


def test_orderings_are_not_given_by_common_sense() -> None:
    """No ordering holds two events of one topic whose verbs give their order ("set off" before
    "ended", "presented" before "votes"), nor a past event before one still to come."""
    for label, orderings in _decks(BASES):
        for q in orderings:
            assert common_sense_pair(q) is None, (label, common_sense_pair(q))
            assert len(set(events_shown(q))) == len(q.items)



def _years_of_key(question: Ordering, base: FactBase) -> list[int | None]:
    """The year each event of an ordering's key is dated in (None when undated), earliest first."""
    years: list[int | None] = []
    for index in question.answer:
        claim = question.items[index].claim
        found = base.by_id.get(claim.event) if isinstance(claim, EventRef) else None
        date = getattr(found, "date", None)
        years.append(None if date is None else date.year)
    return years


def _story_orderings(base: FactBase, seeds: range) -> list[tuple[int, list[int | None]]]:
    """The orderings a base's deck makes, for the seeds, whose key holds two events next to
    each other not dated in different years (one story's steps), with their key's years."""
    found = []
    for seed in seeds:
        for q in GENERATORS["event-order"](base, seed=seed, options=GenOptions()).questions:
            assert isinstance(q, Ordering)
            years = _years_of_key(q, base)
            if any(a is None or b is None or a >= b for a, b in pairwise(years)):
                found.append((seed, years))
    return found


def test_no_decks_ordering_is_one_storys_steps() -> None:
    """In every deck (`--all`, Anki, exports: every ordering a base makes), each two events
    next to each other in an ordering's key are dated in different years: events of one story
    (a toll "updated" after killings, an election after a president came to power, all within
    days) are ordered by common sense, so no output holds them."""
    for path in BASES:
        base = base_at(path)
        assert not _story_orderings(base, seeds_of(path)), path.stem


def test_one_storys_steps_are_never_ordered_in_a_deck() -> None:
    """A made-up story whose steps the facts order (killings, then a toll updated, then a toll
    revised, all in one year, with a leader's rise a decade before) makes no ordering of its
    steps; only the events dated in different years are ordered."""
    steps = [
        dated("rise", "2013", description="Halden Vore came to power"),
        dated("vote", "2024-07-28", description="Ostrava held its presidential vote"),
        dated("killed", "2024-07-30", after=("vote",), description="Nine marchers were killed"),
        dated("updated", "2024-08-02", after=("killed",),
              description="Mira Sol updated the death toll to twelve"),
        dated("revised", "2024-08-09", after=("updated",),
              description="The ministry revised the toll to fourteen"),
        dated("founded", "1998", description="The Ostrava People's Party was founded"),
        dated("left", "2005", description="Ostrava left the trade bloc"),
    ]
    base = make_base(*steps, base_id="ostrava")
    assert not _story_orderings(base, range(1, 21))
    made = [q for seed in range(1, 21)
            for q in GENERATORS["event-order"](base, seed=seed, options=GenOptions()).questions]
    assert made  # the events of different years are still ordered


# ---- 3. speakers ------------------------------------------------------------------------------


@pytest.mark.parametrize("sweep", SWEEPS)
def test_always_the_main_speaker_scores_at_most_chance_plus_ten(sweep: Sweep) -> None:
    """Answering every who-said-it, who-claimed-it and matching with the main speaker (where
    not offered: a guess) scores at most ten points above guessing."""
    checked = 0
    for label, base, quiz in sweep():
        score, chance, items = always_main_score(quiz, base)
        if items:
            checked += 1
            assert score <= chance + 0.10 + 1e-9, (label, round(score, 3), round(chance, 3), items)
    assert checked


@pytest.mark.parametrize("sweep", SWEEPS)
def test_speaker_options_speak_or_act(sweep: Sweep) -> None:
    """Every person or body offered as having said something speaks in the article, gives a
    figure, or is named doing something in an event ("X", the network a post was on, is not)."""
    for label, base, quiz in sweep():
        speak = {s for q in base.quotes for s in q.speakers}
        speak |= {c for claim in base.claims for c in claim.claimants}
        speak |= {g for f in base.figures for g in f.given_by}
        for event in base.events:
            text = event.description
            speak |= {p for p in event.people
                      if any(whole(n, text) or whole(n.split(" ", 1)[-1], text)
                             for n in names_of(base, p))}
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf | ClaimantOf):
                for option in item.options:
                    assert isinstance(option.claim, EntityRef)
                    assert option.claim.entity in speak, (label, item.prompt, option.text)


# ---- 4. wording -------------------------------------------------------------------------------


@pytest.mark.parametrize("sweep", SWEEPS)
def test_prompts_read_as_a_teacher_would_write_them(sweep: Sweep) -> None:
    """No '?”?' or '!”?'; no context pointing at the quote with 'it' ('Who said, demanding an
    end to it: …'); 'By his/her own account' for a man or woman."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            prompt = item.prompt
            assert not re.search(r"[?!][”\"]\?$", prompt), (label, prompt)
            assert not re.match(r"Who said, [^“]*\b(it|them):", prompt), (label, prompt)
            if item.kind == "who-said-it":  # words follow "said" ('Who said, X “…”?' says none)
                assert (re.search(r"\bsaid(, .*)?: “", prompt)
                        or re.match(r"Who was \w+ing ", prompt)), (label, prompt)
            match = re.match(r"By (their|his|her) own account", prompt)
            if match and item.people:
                pronouns = {getattr(base.by_id.get(p), "pronoun", None) for p in item.people}
                if pronouns == {"he"}:
                    assert match[1] == "his", (label, prompt)
                if pronouns == {"she"}:
                    assert match[1] == "her", (label, prompt)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_one_of_a_unit_is_singular(sweep: Sweep) -> None:
    """'1 flash', '1 foot', '1 former referee', never '1 flashe', '1 feet' or '1 former referees':
    an amount of one names its unit's noun in the singular."""
    for label, _, quiz in sweep():
        for item in quiz.questions:
            if isinstance(item, MultipleChoice):
                for option in item.options:
                    if isinstance(option.claim, Amount):
                        wrong = re.search(r"\b1 \w*(sh|ch|x|ss)e\b", option.text)
                        assert not wrong, (label, option.text)
                        assert not _one_of_a_plural(option.text), (label, option.text)


# words a unit's noun is followed by ('barrels per day', 'days of action'), and plurals not in -s
_AFTER_NOUN = {"per", "a", "an", "of", "each", "in", "on", "at", "for", "from", "to"}
_PLURAL_FORMS = {"people", "feet", "teeth", "men", "women", "children"}
_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "dozen"}


def _one_of_a_plural(text: str) -> bool:
    """Whether an amount of exactly one names its unit's noun in the plural ('1 feet',
    '1 former referees'), read as a student reads it."""
    found = re.fullmatch(r"(?:[a-z]+ )*1 ([a-z ]+)", text)
    if not found or _SCALES & set(found[1].split()):
        return False
    unit = found[1].split()
    noun = next((w for w, after in zip(unit, [*unit[1:], "per"], strict=True)
                 if after in _AFTER_NOUN), unit[-1])
    return noun in _PLURAL_FORMS or (len(noun) > 3 and noun.endswith("s")
                                      and not noun.endswith(("ss", "us", "is")))


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_term_names_take_the_article_the_article_gives(path: Path) -> None:
    """'What are the Pleiades?', 'What is the Belgian Empire?': a capitalised term that the
    excerpt only ever shows after 'the' is asked with it."""
    base = base_at(path)
    for seed in (1, 2):
        for item in GENERATORS["term-meaning"](base, seed=seed, options=GenOptions()).questions:
            if not isinstance(item, MultipleChoice) or not isinstance(item.ask, TermMeaning):
                continue
            term = term_of(base, item.ask.term)
            assert term is not None
            name = " ".join(term.term.split())
            found = re.findall(rf"(\w+)\s+{re.escape(name)}\b", term.excerpt)
            if name[:1].isupper() and not name.isupper() and found and all(
                w.casefold() == "the" for w in found
            ) and len(found) == term.excerpt.count(name):
                assert item.prompt in (f"What is the {name}?", f"What are the {name}?"), item.prompt


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_whos_who_cards_are_not_circular(path: Path) -> None:
    """No card asks who a common noun is when its answer repeats it ("What is the government?"
    "Calderia's government, which …")."""
    base = base_at(path)
    for fact_id, _, _, _ in fact_notes(base):
        entity = base.by_id.get(fact_id)
        if not isinstance(entity, Entity):
            continue
        name = entity.name.replace("’", "'")
        if not any(c.isupper() for c in name) and words(name):
            assert words(name)[-1] not in words(entity.role), (path.stem, name, entity.role)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_sheets_leave_out_times_of_day(sweep: Sweep) -> None:
    """A class sheet spends no line on a time of day (a kick-off at 17:30)."""
    for label, _, quiz in sweep():
        for item in quiz.questions:
            amount = amount_key(item)
            assert amount is None or amount.unit.casefold() != TIME_UNIT, (label, item.prompt)


def test_a_sheet_of_many_orderings_repeats_no_event_beyond_a_third() -> None:
    """Twenty-four dated events make a deck where events recur (more orderings of four than six
    disjoint ones); a sheet of four or five still shows no event in more than a third of its
    orderings."""
    base = make_base(*(dated(f"e{i}", f"{2000 + i}") for i in range(24)))
    deck = GENERATORS["event-order"](base, seed=1, options=GenOptions()).questions
    assert len(deck) > 6
    for seed in SEEDS:
        for count in (4, 5):
            quiz = build_quiz(base, seed=seed, count=count, kinds=["event-order"])
            orderings = [q for q in quiz.questions if isinstance(q, Ordering)]
            assert orderings and not overused(list(orderings)), (seed, count, overused(orderings))
