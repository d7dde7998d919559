"""Issue 18: an item's key is never the odd one out among its options (a country among states, a
hall among valleys, a group or a journal among people, a term of the only kind among meanings),
held on made-up bases and swept over every fact base a teacher might print."""

from __future__ import annotations

import dataclasses
import itertools
import math
from pathlib import Path

import pytest
from factbases import figure, make_base, org, person, quote, reasons, run, talk
from sheet_check import BASES, MADE_UP, base_at

from quizgen.factbase.model import Entity, FactBase, Place, Quote, Term
from quizgen.generators import GENERATORS, GenOptions
from quizgen.generators.place_levels import level, same_level
from quizgen.quiz.questions import (
    Amount,
    EntityRef,
    Matching,
    MultipleChoice,
    Option,
    PlaceRef,
    TermMeaning,
    TermRef,
)
from quizgen.quiz.term_kinds import lone_kind

SEEDS = range(1, 7)


def _place(place_id: str, name: str, description: str) -> Place:
    return Place(id=place_id, name=name, description=description)


def _with_places(base: FactBase, *places: Place) -> FactBase:
    return dataclasses.replace(base, places=places)


def _said_in(where: str) -> Quote:
    return dataclasses.replace(quote("q-where", "We will rebuild every fence that the storm took.",
                                     "mara"), place=where)


def _states_and_a_country() -> FactBase:
    """Three provinces of one made-up land and one made-up country: a quote said in a province."""
    base = make_base(person("mara", "Mara Quell"), _said_in("tovel"))
    return _with_places(
        base,
        _place("tovel", "Tovel", "the northern province where Quell farms"),
        _place("brisk", "Brisk", "a province whose ranches use the collars"),
        _place("hanmoor", "Hanmoor", "the western province where the trial ran"),
        _place("osk", "Osk", "a country where the makers plan more trials"),
    )


def test_a_place_is_offered_among_places_of_its_own_level() -> None:
    """A province's item offers the other provinces, never the one country among them."""
    base = _states_and_a_country()
    for seed in SEEDS:
        made = run("place", base, seed)
        assert made.questions, reasons(made)
        for question in made.questions:
            assert isinstance(question, MultipleChoice)
            shown = {o.claim.place for o in question.options if isinstance(o.claim, PlaceRef)}
            assert "osk" not in shown, (seed, [o.text for o in question.options])
            assert shown == {"tovel", "brisk", "hanmoor"}


def test_a_hall_among_valleys_and_towns_is_skipped_in_a_teachers_words() -> None:
    """The only building of the article's places has no other of its level: skipped, and the
    reason names the level in plain words, not an internal name."""
    base = _with_places(
        make_base(person("mara", "Mara Quell"), _said_in("hall")),
        _place("hall", "the Assembly Hall", "the hall where Quell gave her speech"),
        _place("vale", "the Drossel valley", "a valley where the storm struck"),
        _place("town", "Pell", "the town where Quell grew up"),
        _place("city", "Arnhold", "the city where Quell lives now"),
    )
    made = run("place", base, 1)
    assert not made.questions, [q.prompt for q in made.questions]
    told = reasons(made)
    assert "no other buildings, streets or sites to offer" in told, told
    assert "site'" not in told and "level" not in told, told


def test_a_group_is_never_the_odd_one_out_of_a_matching() -> None:
    """Four people and one group quoted: the matchings are of the people only, never three
    people and the group (the respondents' words are matched without reading)."""
    cast = [person(p) for p in ("ana", "bo", "cy", "di")]
    group = person("respondents", "respondents", kind="group")
    said = quote("q-group", "Speaking the language is what makes a citizen of us.", "respondents")
    base = make_base(*cast, group, *talk("ana", "bo", "cy", "di"), said)
    for seed in SEEDS:
        made = run("quote-match", base, seed)
        assert made.questions, reasons(made)
        for question in made.questions:
            assert isinstance(question, Matching)
            assert "respondents" not in {o.text for o in question.right}, seed


def test_a_journal_is_never_offered_beside_bodies_that_speak() -> None:
    """A company's words are offered among companies and unions, never beside the journal that
    printed the study, and the journal's own words among other texts only."""
    bodies = [org(o) for o in ("acme", "union", "guild", "bureau")]
    journal = dataclasses.replace(org("ledger", "the Ledger"),
                                  role="the journal that printed the study")
    base = make_base(*bodies, journal, *talk("acme", "union", "guild", "bureau", "ledger"))
    for seed in SEEDS:
        made = run("who-said-it", base, seed)
        for question in made.questions:
            assert isinstance(question, MultipleChoice)
            shown = {o.claim.entity for o in question.options if isinstance(o.claim, EntityRef)}
            assert "ledger" not in shown, (seed, question.prompt, shown)
        assert "no other journals, reports or studies to offer" in reasons(made), reasons(made)


def test_a_term_of_the_only_kind_among_meanings_is_found() -> None:
    """An observatory's term among meanings that are stars and a planet: the key is the one
    place, and the rule says so; beside a star and a laboratory (a place too) it does not."""
    base = make_base(person("mara"))
    terms = (
        Term("t1", "Kelvane", "an observatory on a high plateau"),
        Term("t2", "Orrin", "a star that burns blue"),
        Term("t3", "Sesk", "a star that flares often"),
        Term("t4", "Dorvy", "a planet larger than Earth"),
        Term("t5", "Marl", "a laboratory under a mountain"),
    )
    base = dataclasses.replace(base, terms=terms)

    def item(*others: str) -> MultipleChoice:
        shown = [terms[0], *(t for t in terms if t.id in others)]
        return MultipleChoice(id="x", kind="term-meaning", factbase=base.id, prompt="What is?",
                              ask=TermMeaning("t1"),
                              options=tuple(Option(t.meaning, TermRef(t.id)) for t in shown),
                              answer=0, explanation=())

    assert lone_kind(item("t2", "t3", "t4"), base) is not None
    assert lone_kind(item("t2", "t5"), base) is None


def test_a_language_among_other_kinds_of_thing_is_found() -> None:
    """A term for a language among a festival and a soft cheese is the one language: found."""
    terms = (
        Term("l1", "Quesh", "the language spoken in the hill villages"),
        Term("l2", "Varn", "a festival held at the first frost"),
        Term("l3", "Tollik", "a soft cheese made from goats' milk"),
    )
    base = dataclasses.replace(make_base(person("mara")), terms=terms)
    item = MultipleChoice(id="x", kind="term-meaning", factbase=base.id, prompt="What is?",
                          ask=TermMeaning("l1"),
                          options=tuple(Option(t.meaning, TermRef(t.id)) for t in terms),
                          answer=0, explanation=())
    assert lone_kind(item, base) == "its answer is the only language among the options"


def _entity(base: FactBase, entity_id: str) -> Entity | None:
    found = base.by_id.get(entity_id)
    return found if isinstance(found, Entity) else None


# words a place's description opens its head on, read here without quizgen's levels: a country
# and a town, province or state are never offered side by side
_COUNTRY = ("country", "nation")
_BELOW = ("state", "province", "city", "town", "village", "county")


def _head_says(description: str, words: tuple[str, ...]) -> bool:
    first = description.split(" where ")[0].split(" whose ")[0].casefold().split()
    return any(w in words for w in first[:4])


@pytest.mark.parametrize("path", [*BASES, *MADE_UP], ids=[p.stem for p in [*BASES, *MADE_UP]])
def test_no_base_offers_a_country_beside_towns_or_a_group_alone_among_people(path: Path) -> None:
    """Over every base, seeds 1–3: no place item offers a place its description calls a country
    beside one it calls a state, province or town; no matching of three or more speakers has
    exactly one group or organisation among people."""
    base = base_at(path)
    for seed in (1, 2, 3):
        for question in GENERATORS["place"](base, seed=seed, options=GenOptions()).questions:
            assert isinstance(question, MultipleChoice)
            said = [base.by_id[o.claim.place] for o in question.options
                    if isinstance(o.claim, PlaceRef)]
            text = [p.description for p in said if isinstance(p, Place)]
            assert not (any(_head_says(d, _COUNTRY) for d in text)
                        and any(_head_says(d, _BELOW) for d in text)), (seed, question.prompt, text)
        for question in GENERATORS["quote-match"](base, seed=seed,
                                                   options=GenOptions()).questions:
            assert isinstance(question, Matching)
            kinds = [e.kind for o in question.right if isinstance(o.claim, EntityRef)
                     and (e := _entity(base, o.claim.entity)) is not None]
            if len(kinds) >= 3 and "person" in kinds:
                assert all(kinds.count(k) != 1 for k in set(kinds)), (seed, kinds)


def _outlier(values: list[float], key: int) -> bool:
    """Whether the key stands first or last with a gap to its neighbour more than twice any
    other gap, by difference and by ratio alike: the one option far from the rest."""
    if len(set(values)) < 3 or min(values) <= 0:
        return False
    ordered = sorted(values)
    at = ordered.index(values[key])
    if at not in (0, len(ordered) - 1):
        return False
    for scale in (float, math.log):
        gaps = [scale(b) - scale(a) for a, b in itertools.pairwise(ordered)]
        own, rest = (gaps[0], gaps[1:]) if at == 0 else (gaps[-1], gaps[:-1])
        if own <= 2 * max(rest):
            return False
    return True


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_no_figure_key_is_the_outlier_of_its_options(path: Path) -> None:
    """Over every base, seeds 1–3: no figure-choice key stands at the end of its options twice
    as far from its neighbour as any other two options are apart (the one far value is picked
    without the article)."""
    base = base_at(path)
    for seed in (1, 2, 3):
        for question in GENERATORS["figure-choice"](base, seed=seed,
                                                     options=GenOptions()).questions:
            if not isinstance(question, MultipleChoice):
                continue
            amounts = [o.claim for o in question.options]
            if not all(isinstance(a, Amount) for a in amounts):
                continue
            values = [float(a.value) for a in amounts if isinstance(a, Amount)]
            assert not _outlier(values, question.answer), (
                seed, question.prompt, [o.text for o in question.options])


@pytest.mark.parametrize(("name", "description", "level_read"), [
    ("Tovel", "the American state where Quell ranches", "region"),
    ("Brisk", "one of the states whose ranches use the collars", "region"),
    ("Osk", "a country where the makers plan more trials", "country"),
    ("the old railway station", "where the march set off", "site"),
    ("Harbour Walk", "the avenue the march wound along, past the town hall", "site"),
    ("Pell", "Quell's home town, in the Drossel valley", "town"),
    ("the River Arn", "where the bridge was swept away", "water"),
    ("the United Provinces", "where Quell studied", "country"),
    ("Bay Ridge", "where the bacteria were found", None),
    ("Pedra Alta", "where the bridge fell", None),
])
def test_a_places_level_is_read_from_its_description_then_its_name(
        name: str, description: str, level_read: str | None) -> None:
    """What a place is, as its description's head noun says, else its name's kind word ("the
    River …", "… station"); a bare name described only by "where …" has no level."""
    assert level(_place("p", name, description)) == level_read


def test_a_place_of_no_level_stands_beside_towns_but_never_beside_a_hall() -> None:
    """A bare name read as a town, a region or a country, never as a building, river or valley."""
    bare = _place("b", "Quorn", "where Quell now lives")
    assert same_level(bare, _place("t", "Pell", "the town where Quell grew up"))
    assert not same_level(bare, _place("h", "the Assembly Hall", "the hall of the speech"))
    assert not same_level(_place("s", "Tovel", "a province"), _place("c", "Osk", "a country"))


def test_a_newspaper_or_a_label_left_as_a_person_is_never_offered_among_people() -> None:
    """A fact base that leaves a newspaper and "respondents" at the default kind, person: a
    named person's words never offer either, though both are people by their kind."""
    cast = [person(p, p.title() + " Vance") for p in ("ana", "bo", "cy", "di")]
    paper = dataclasses.replace(person("gazette", "the Gazette"),
                                role="the newspaper that ran the interview")
    crowd = person("respondents", "respondents")
    base = make_base(*cast, paper, crowd, *talk("ana", "bo", "cy", "di", "gazette",
                                                "respondents"))
    for seed in SEEDS:
        for kind in ("who-said-it", "quote-match"):
            for question in run(kind, base, seed).questions:
                options = (question.right if isinstance(question, Matching)
                           else question.options if isinstance(question, MultipleChoice) else ())
                names = {o.text for o in options}
                if names & {"Ana Vance", "Bo Vance", "Cy Vance", "Di Vance"}:
                    assert not names & {"the Gazette", "respondents"}, (kind, seed, names)


def test_whose_figure_never_offers_a_journal_among_bodies() -> None:
    """'Whose staff numbered 300?' keyed to a company offers other bodies with staff, never
    the journal that has a staff figure too (the one text among bodies)."""
    bodies = [org(o, o.title() + " Works") for o in ("acme", "brill", "crane", "dorne")]
    journal = dataclasses.replace(org("ledger", "the Ledger"),
                                  role="the journal that printed the study")
    staff = [figure(f"staff-{e.id}", "number of staff", str(300 + 150 * i), "staff", "source",
                    subject=e.id) for i, e in enumerate([*bodies, journal])]
    base = make_base(org("source", "the article"), *bodies, journal, *staff,
                     *talk("acme", "brill", "crane", "dorne", "ledger"))
    asked = 0
    for seed in SEEDS:
        for question in run("figure-choice", base, seed).questions:
            shown = [o.claim.entity for o in getattr(question, "options", ())
                     if isinstance(o.claim, EntityRef)]
            if shown:
                asked += 1
                assert "ledger" not in shown, (seed, question.prompt, shown)
    assert asked, "no 'whose …?' item was made"
