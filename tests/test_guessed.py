"""Items a student answers without the article stay off the sheets (orderings of one story's
steps, claims of bodies, two voices of one body, quotes of a few words), and a claim that agrees
with a quote makes its claimant no wrong answer. The rules are written again here from the facts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

import pytest
from factbases import make_base, person, quote
from sheet_check import BASES, base_at, sheets
from sweep import seeds_of
from test_sheets import SWEEPS, Sweep

from quizgen.factbase.model import Entity, Event, FactBase, Place, Quote, ReportedClaim, Term
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.generators.sequence import guessed_orders
from quizgen.oracle import check_question
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    EventRef,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    PlaceOf,
    PlaceRef,
    Question,
    QuoteRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
)

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)



def _speakers_shown(item: Question) -> list[str]:
    """The entities an item offers as who said something."""
    if isinstance(item, Matching):
        options: tuple[Option, ...] = item.right
    elif isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf | ClaimantOf):
        options = item.options
    else:
        return []
    return [o.claim.entity for o in options if isinstance(o.claim, EntityRef)]


def _bodies(base: FactBase, entity_id: str) -> set[str]:
    """The entity and every body it speaks for, up the speaks_for chain."""
    found: set[str] = set()
    current: str | None = entity_id
    while current is not None and current not in found:
        found.add(current)
        entity = base.by_id.get(current)
        current = entity.speaks_for if isinstance(entity, Entity) else None
    return found


def _words(text: str) -> int:
    return len([w for w in text.split() if re.search(r"[^\W_]", w)])


@pytest.mark.parametrize("sweep", SWEEPS)
def test_orderings_on_sheets_are_dated_in_different_years(sweep: Sweep) -> None:
    """Every two events next to each other in an ordering's key are dated in different years:
    no sheet orders one story's steps, which common sense sorts."""
    orderings = 0
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not isinstance(item, Ordering):
                continue
            orderings += 1
            refs = [item.items[i].claim for i in item.answer]
            events = [base.by_id[r.event] for r in refs if isinstance(r, EventRef)]
            assert len(events) == len(refs), label
            for one, two in pairwise(events):
                assert isinstance(one, Event) and isinstance(two, Event)
                assert one.date is not None and two.date is not None, (label, one.id, two.id)
                assert one.date.year < two.date.year, (label, one.id, two.id)
    assert orderings, "no ordering on any sheet: the rule is never exercised"


@pytest.mark.parametrize("sweep", SWEEPS)
def test_claims_on_sheets_are_people_s(sweep: Sweep) -> None:
    """A who-claimed-it item on a sheet keys a person, never a body or group whose role makes
    the claim (a union's strike, a pollster's finding)."""
    claims = 0
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, ClaimantOf):
                claims += 1
                key = item.options[item.answer].claim
                assert isinstance(key, EntityRef)
                entity = base.by_id[key.entity]
                assert isinstance(entity, Entity) and entity.kind == "person", (label, item.prompt)
    assert claims, "no claim item on any sheet: the rule is never exercised"


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_offers_two_voices_of_one_body(sweep: Sweep) -> None:
    """No speaker item (who-said-it, who-claimed-it, matching) offers someone beside the body he
    speaks for, or two who speak for one body."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            shown = _speakers_shown(item)
            for i, one in enumerate(shown):
                for two in shown[i + 1:]:
                    if one == two:
                        continue
                    up_one, up_two = _bodies(base, one), _bodies(base, two)
                    assert not up_one & up_two, (label, item.prompt, one, two)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_asks_who_said_a_few_words(sweep: Sweep) -> None:
    """A who-said-it quote has at least five words; a matching shows no figure of fewer."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf):
                said = base.by_id[item.ask.quote]
                assert isinstance(said, Quote) and _words(said.text) >= 5, (label, item.prompt)
            if isinstance(item, Matching):
                for option in item.left:
                    assert isinstance(option.claim, QuoteRef)
                    said = base.by_id[option.claim.quote]
                    assert isinstance(said, Quote)
                    assert _words(said.text) >= 5 or not re.search(r"\d", said.text), label


def _agreeing(base: FactBase, quote_id: str) -> set[str]:
    """Claimants and speakers of every statement joined to the quote by agrees_with."""
    joined = {quote_id}
    grew = True
    while grew:
        grew = False
        for claim in base.claims:
            links = {claim.id, *claim.agrees_with}
            if links & joined and not links <= joined:
                joined |= links
                grew = True
    voices = {c for claim in base.claims if claim.id in joined for c in claim.claimants}
    return voices | {s for q in base.quotes if q.id in joined for s in q.speakers}


def _made(kind: str) -> Iterator[tuple[str, FactBase, Question]]:
    for path in BASES:
        base = base_at(path)
        for seed in seeds_of(path):
            for item in GENERATORS[kind](base, seed=seed, options=GenOptions()).questions:
                yield f"{path.stem} seed {seed}", base, item


@pytest.mark.parametrize("kind", ["who-said-it", "quote-match"])
def test_who_said_as_much_is_no_wrong_answer(kind: str) -> None:
    """A speaker item never offers as wrong someone whose claim agrees with the quote (the agency
    whose finding was "also the conclusion"), on every base, the sweep's seeds."""
    checked = 0
    for label, base, item in _made(kind):
        if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf):
            said = _agreeing(base, item.ask.quote)
            key = item.options[item.answer].claim
            for option in item.options:
                if option.claim != key and isinstance(option.claim, EntityRef):
                    checked += 1
                    assert option.claim.entity not in said, (label, item.prompt)
        if isinstance(item, Matching):
            for left, right in item.answer:
                quote_ref = item.left[left].claim
                assert isinstance(quote_ref, QuoteRef)
                said = _agreeing(base, quote_ref.quote)
                for j, option in enumerate(item.right):
                    if j != right and isinstance(option.claim, EntityRef):
                        checked += 1
                        assert option.claim.entity not in said, (label, item.left[left].text)
    assert checked


def test_the_oracle_takes_an_agreeing_claimant_as_right() -> None:
    """Offering the agency whose claim agrees with a quote as a wrong answer is ambiguous."""
    study = replace(person("study", "the 2012 study"), kind="group")
    agency = replace(person("agency", "the food agency"), kind="group")
    base = make_base(study, agency, replace(person("eu", "the EU panel"), kind="group"),
                     replace(person("ana", "the farmers' union"), kind="group"),
                     quote("q1", "The literature lacks strong evidence of any benefit.", "study"))
    claim = ReportedClaim(id="c1", text="the literature lacks strong evidence of any benefit",
                          claimants=("agency",), agrees_with=("q1",), excerpt="also concluded")
    base = replace(base, claims=(claim,))
    options = tuple(Option(text=e.name, claim=EntityRef(e.id)) for e in base.entities)
    said = "The literature lacks strong evidence of any benefit."
    item = MultipleChoice(id="x", kind="who-said-it", factbase=base.id,
                          prompt=f"Who said: “{said}”?",
                          ask=SpeakerOf("q1"), options=options, answer=0,
                          explanation=("said “The literature lacks strong evidence of any"
                                       " benefit.”",))
    verdict = check_question(item, base)
    assert not verdict.ok and verdict.correct == (0, 1), verdict
    alone = replace(item, options=tuple(o for o in options if o.text != "the food agency"))
    assert check_question(alone, base).ok, check_question(alone, base).problems


def test_the_sweeps_reach_every_base() -> None:
    """The full sweep covers content/, dev and held-out bases."""
    labels = {label.split(" seed")[0] for label, _, _ in sheets(BASES, range(1, 2))}
    assert {"calderia-pension-protest", "starbucks", "organic-food", "banksy"} <= labels


def _said(text: str, name: str) -> bool:
    """Whether the text says the name as whole words, case and punctuation aside."""
    def fold(t: str) -> str:
        return " " + " ".join(re.findall(r"[^\W\d_]+", t.replace("’", "'").casefold())) + " "
    name_words = fold(name).strip()
    return bool(name_words) and f" {name_words} " in fold(text)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_the_title_names_no_speaker_key(sweep: Sweep) -> None:
    """No who-said-it or who-claimed-it item keys someone the printed title names."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf | ClaimantOf):
                key = item.options[item.answer].claim
                assert isinstance(key, EntityRef)
                entity = base.by_id[key.entity]
                assert isinstance(entity, Entity)
                for name in (entity.name, *entity.aliases):
                    assert not _said(quiz.title, name), (label, quiz.title, item.prompt)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_the_title_names_no_place_key(sweep: Sweep) -> None:
    """No 'Where …?' item keys a place the printed title names, by its name, an alias or a
    proper name in them ('at the United Nations' for 'the UN chamber', 'in London')."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, PlaceOf):
                key = item.options[item.answer].claim
                assert isinstance(key, PlaceRef)
                place = base.by_id[key.place]
                assert isinstance(place, Place)
                names = [place.name, *place.aliases]
                names += [run for n in names
                          for run in re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", n)
                          if run not in {"The", "One", "A", "An"}]
                for name in names:
                    assert not _said(quiz.title, name), (label, quiz.title, item.prompt)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_quote_asked_names_its_speaker(sweep: Sweep) -> None:
    """No quote asked about (who-said-it, matching) names its speaker or a body he speaks for."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            pairs: list[tuple[str, str]] = []
            if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf):
                key = item.options[item.answer].claim
                assert isinstance(key, EntityRef)
                pairs.append((item.ask.quote, key.entity))
            if isinstance(item, Matching):
                for left, right in item.answer:
                    q, e = item.left[left].claim, item.right[right].claim
                    assert isinstance(q, QuoteRef) and isinstance(e, EntityRef)
                    pairs.append((q.quote, e.entity))
            for quote_id, speaker in pairs:
                said = base.by_id[quote_id]
                assert isinstance(said, Quote)
                for body in _bodies(base, speaker):
                    entity = base.by_id[body]
                    assert isinstance(entity, Entity)
                    for name in (entity.name, *entity.aliases):
                        assert not _said(said.text, name), (label, said.text, name)


def _term_words(item: MultipleChoice, base: FactBase) -> set[str]:
    """Folded words (three letters or more) of the term a term item is about."""
    if isinstance(item.ask, TermFor):
        name = item.options[item.answer].text
    else:
        assert isinstance(item.ask, TermMeaning)
        fact = base.by_id[item.ask.term]
        name = fact.term if isinstance(fact, Term) else getattr(fact, "name", "")
    return {w for w in re.findall(r"[^\W\d_]+", name.casefold()) if len(w) > 2}


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_other_item_shows_a_term_in_use(sweep: Sweep) -> None:
    """No item on a sheet shows, in its prompt or options, the whole name of a term another item
    of the sheet asks about ("seats in the Lagting" beside "What is the Lagting?")."""
    checked = 0
    for label, base, quiz in sweep():
        for item in quiz.questions:
            term_item = isinstance(item, MultipleChoice) and isinstance(item.ask,
                                                                      TermMeaning | TermFor)
            if not term_item:
                continue
            assert isinstance(item, MultipleChoice)
            checked += 1
            wanted = _term_words(item, base) - {"the", "and", "for"}
            if not wanted:
                continue
            for other in quiz.questions:
                if other is item:
                    continue
                shown = [other.prompt]
                if isinstance(other, MultipleChoice):
                    shown += [o.text for o in other.options]
                if isinstance(other, Matching):
                    shown += [o.text for o in (*other.left, *other.right)]
                if isinstance(other, Ordering):
                    shown += [o.text for o in other.items]
                text = " ".join(re.findall(r"[^\W\d_]+", " ".join(shown).casefold()))
                assert not all(re.search(rf"\b{re.escape(w)}(?:s|es|ed|ing)?\b", text)
                               for w in wanted), (
                    label, item.prompt, other.prompt)
    assert checked, "no term item on any sheet: the rule is never exercised"


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_item_ties_a_speaker_key_to_its_prompt(sweep: Sweep) -> None:
    """No item shows, in one text, both the key of a speaker item and a name the speaker item's
    own words (outside its quote) give ("on resigning from Viterbese" beside "Carolina Morace
    was named coach of Viterbese")."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not (isinstance(item, MultipleChoice)
                    and isinstance(item.ask, SpeakerOf | ClaimantOf)):
                continue
            key = item.options[item.answer].claim
            assert isinstance(key, EntityRef)
            entity = base.by_id[key.entity]
            assert isinstance(entity, Entity)
            own = re.sub(r"“[^”]*”", " ", item.prompt)
            marks = set(re.findall(r"(?<=[a-z,;] )([A-Z][a-z]+)", own)) - set(entity.name.split())
            for other in quiz.questions:
                if other is item:
                    continue
                for text in _shown(other):
                    names = any(_said(text, n) for n in (entity.name, *entity.aliases))
                    assert not (names and any(_said(text, m) for m in marks)), (
                        label, item.prompt, text)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_place_item_names_what_holds_its_answer(sweep: Sweep) -> None:
    """No place item's prompt names something whose full name holds its answer ("the SIWI
    report" for Stockholm, the Stockholm International Water Institute's)."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not (isinstance(item, MultipleChoice) and isinstance(item.ask, PlaceOf)):
                continue
            key = item.options[item.answer].claim
            assert isinstance(key, PlaceRef)
            place = base.by_id[key.place]
            assert isinstance(place, Place)
            others = [(e.id, e.name, e.aliases) for e in base.entities]
            others += [(p.id, p.name, p.aliases) for p in base.places]
            for other_id, name, aliases in others:
                if other_id != place.id and any(_said(item.prompt, n) for n in (name, *aliases)):
                    assert not _said(name, place.name), (label, item.prompt, name)


def test_a_thing_made_comes_before_what_is_done_with_it() -> None:
    """'John Larson created the polygraph' and 'a court ruled that the polygraph was unreliable'
    are put in order by common sense (a thing exists before anyone rules on it): the pair is
    guessed, so no ordering offers it."""
    made = Event(id="made", description="Larson created the polygraph", excerpt="x")
    ruled = Event(id="ruled", description="The court ruled that the polygraph was unreliable",
                  excerpt="y")
    other = Event(id="other", description="The academy supported a finding", excerpt="z")
    after, before = guessed_orders([made, ruled, other])
    assert after[0] & 1 << 1 and before[1] & 1 << 0
    assert not after[0] & 1 << 2  # no shared topic: not ordered by common sense


def test_a_figure_revised_follows_the_figure_first_given() -> None:
    """'The ministry revised the toll to 14' follows 'the ministry gave a toll of 9' as
    'updated' does: a later figure revises an earlier one, so common sense orders the pair."""
    given = Event(id="given", description="The ministry gave a toll of nine", excerpt="x")
    revised = Event(id="revised", description="The ministry revised the toll to fourteen",
                    excerpt="y")
    updated = Event(id="updated", description="Mira Sol updated the toll to twelve", excerpt="z")
    opened = Event(id="opened", description="The inquiry into the toll opened", excerpt="w")
    after, before = guessed_orders([opened, revised, updated, given])
    assert after[0] & 1 << 1 and before[1] & 1 << 0  # opened, then revised
    assert after[0] & 1 << 2  # opened, then updated
    assert not after[3] & 1 << 1  # no stage in "gave": not ordered by common sense


def _shown(item: Question) -> list[str]:
    """What a student reads of an item: its prompt and its options, quotes or events."""
    texts = [item.prompt]
    if isinstance(item, MultipleChoice):
        texts += [o.text for o in item.options]
    elif isinstance(item, Matching):
        texts += [o.text for o in (*item.left, *item.right)]
    elif isinstance(item, Ordering):
        texts += [o.text for o in item.items]
    return texts


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_item_shows_a_place_items_answer_beside_what_it_asks_of(sweep: Sweep) -> None:
    """No other item on a place item's sheet names its key place within two words of a word
    the prompt asks of ("the Butare shop" beside "Where did this happen: … to open the shop?"):
    the place is read off the other item."""
    places = 0
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not (isinstance(item, MultipleChoice) and isinstance(item.ask, PlaceOf)):
                continue
            places += 1
            key = item.options[item.answer].claim
            place = base.by_id.get(key.place) if isinstance(key, PlaceRef) else None
            assert isinstance(place, Place), label
            name = re.findall(r"\w+", place.name.casefold())
            asked = {w[:5] for w in re.findall(r"\w+", item.prompt.partition(":")[2].casefold())
                     if len(w) > 3 and w not in name}
            for other in quiz.questions:
                if other is item:
                    continue
                for text in _shown(other):
                    said = re.findall(r"\w+", text.casefold())
                    for i in range(len(said) - len(name) + 1):
                        if said[i:i + len(name)] == name:
                            near = said[max(0, i - 2):i] + said[i + len(name):i + len(name) + 2]
                            assert not {w[:5] for w in near} & asked, (label, item.prompt, text)
    assert places, "no place item on any sheet: the rule is never exercised"


def _doing(word: str) -> str | None:
    """The test's own stem of a doer or a doing ('driver', 'drivers', 'driving': 'driv')."""
    found = re.fullmatch(r"([^\W\d_]{4,}?)(?:ing|ers?)", word)
    return found.group(1) if found else None


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_speaker_prompt_tells_what_its_key_does(sweep: Sweep) -> None:
    """No who-said-it or who-claimed-it prompt says, outside the quote, the doing the key's role
    names ("Who said that he had been driving since he was 19?" beside "a bus driver"), unless
    a wrong option's name says it too: the role answers it."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not (isinstance(item, MultipleChoice) and isinstance(item.ask,
                                                                    SpeakerOf | ClaimantOf)):
                continue
            key = item.options[item.answer].claim
            entity = base.by_id.get(key.entity) if isinstance(key, EntityRef) else None
            assert isinstance(entity, Entity), label
            role = re.split(r",|;|\bwho\b|\bwhich\b", entity.role)[0]
            does = {s for w in re.findall(r"\w+", role.casefold()) if (s := _doing(w))}
            prompt = re.sub(r"“[^”]*”", " ", item.prompt).casefold()
            told = {s for w in re.findall(r"\w+", prompt) if (s := _doing(w))}
            wrong = {s for i, o in enumerate(item.options) if i != item.answer
                     for w in re.findall(r"\w+", o.text.casefold()) if (s := _doing(w))}
            assert not (does & told) - wrong, (label, item.prompt, entity.role)


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_item_names_a_speaker_key_beside_a_quote_of_the_same_occasion(sweep: Sweep) -> None:
    """No item names the key of a who-said-it item whose prompt tells its occasion beside another
    quote the key said on that occasion (the same context)."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not (isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf)):
                continue
            asked = base.by_id[item.ask.quote]
            assert isinstance(asked, Quote)
            context = " ".join(re.findall(r"\w+", asked.context.casefold()))
            if not context or context not in " ".join(re.findall(r"\w+", item.prompt.casefold())):
                continue
            key = item.options[item.answer].claim
            assert isinstance(key, EntityRef)
            entity = base.by_id[key.entity]
            assert isinstance(entity, Entity)
            fellows = [q.text for q in base.quotes
                       if q.id != asked.id and key.entity in q.speakers
                       and q.context.casefold() == asked.context.casefold()
                       and len(q.text.split()) >= 5]
            for other in quiz.questions:
                if other is item:
                    continue
                for text in _shown(other):
                    names = any(_said(text, n) for n in (entity.name, *entity.aliases))
                    assert not (names and any(_said(text, f) for f in fellows)), (
                        label, item.prompt, text)


def _statements_asked(item: Question) -> set[str]:
    """The quotes and claims an item asks who said: its own, or a matching's left column's."""
    if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf):
        return {item.ask.quote}
    if isinstance(item, MultipleChoice) and isinstance(item.ask, ClaimantOf):
        return {item.ask.claim}
    if isinstance(item, Matching):
        return {o.claim.quote for o in item.left if isinstance(o.claim, QuoteRef)}
    return set()


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_asks_a_quote_and_the_claim_beside_it(sweep: Sweep) -> None:
    """No sheet asks who said a quote and who made a claim of the same speaker that stands right
    beside it in the article (one breath: who said one says the other)."""
    for label, base, quiz in sweep():
        article = base.article or ""
        where: dict[str, tuple[int, int, frozenset[str]]] = {}
        for fact in (*base.quotes, *base.claims):
            text = fact.excerpt.strip()
            start = article.find(text) if text and "…" not in text else -1
            who = fact.speakers if isinstance(fact, Quote) else fact.claimants
            if start >= 0:
                where[fact.id] = (start, start + len(text), frozenset(who))
        asked = [_statements_asked(item) for item in quiz.questions]
        for i, first in enumerate(asked):
            for second in asked[i + 1:]:
                for x in first:
                    for y in second:
                        if x not in where or y not in where or (
                                isinstance(base.by_id[x], Quote)
                                == isinstance(base.by_id[y], Quote)):
                            continue
                        (_, e1, w1), (s2, _, w2) = sorted((where[x], where[y]))
                        between = article[e1:s2]
                        assert not (w1 & w2 and e1 <= s2
                                    and not between.strip(" \t\r\n”\"’'")), (label, x, y)


def test_a_bases_units_are_read_once_however_many_figure_items_ask(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """textbook_figure reads a base's figures once and each figure's excerpt at most once,
    however many figure items ask (a pass over every figure per item made a 10,000-fact build
    quadratic: 35 s, and 50,000 facts never finished)."""
    from quizgen.quiz import guessed

    base = base_at(next(p for p in BASES if p.stem == "kessler-super-earth"))
    items = GENERATORS["figure-choice"](base, seed=1, options=GenOptions()).questions
    assert len(items) >= 5
    built: list[int] = []
    read: list[str] = []
    init, find = guessed._Units.__init__, guessed._Units._find

    def counted_init(self: guessed._Units, base: FactBase) -> None:
        built.append(1)
        init(self, base)

    def counted_find(self: guessed._Units, figure: object) -> str | None:
        read.append(getattr(figure, "id", ""))
        return find(self, figure)  # type: ignore[arg-type]  # a Figure, counted here

    monkeypatch.setattr(guessed._Units, "__init__", counted_init)
    monkeypatch.setattr(guessed._Units, "_find", counted_find)
    guessed._UNITS.clear()
    for _ in range(3):
        for item in items:
            guessed.textbook_figure(item, base)
    assert len(built) == 1, len(built)
    assert len(read) == len(set(read)) <= len(base.figures), read
