"""`quizgen draft`: rules on small articles, the draft file, and its measured quality."""

from __future__ import annotations

import gc
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from quizgen.draft import analyse, draft_factbase
from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_text
from quizgen.factbase.model import FactBase
from quizgen.factbase.provenance import check_provenance
from tests.draft_scoring import articles, draft_for, score

HEADLINE = "Council approves harbour plan\n"


def drafted(body: str, *, headline: str = HEADLINE) -> FactBase:
    """The draft of a small article, loaded through the real loader and checked against it."""
    text = headline + body
    base = load_text(draft_factbase(text, name="t"), filename="content/t.yaml")
    assert check_provenance(base, source_text=text) == []
    return base


def drafted_speakers(body: str) -> list[list[str]]:
    """The names of each drafted quote's speakers, in text order."""
    base = drafted(body)
    names = {e.id: e.name for e in base.entities}
    return [[names[s] for s in q.speakers] for q in base.quotes]


def drafted_figures(body: str) -> list[tuple[str, str, str]]:
    """(value, unit, measure) of each drafted figure, in text order."""
    return [(str(f.value), f.unit, f.measure) for f in drafted(body).figures]


def speakers_of(base: FactBase, text: str) -> list[str]:
    """The names of the speakers the draft gives the quote with this text."""
    quote = next(q for q in base.quotes if q.text == text)
    return [base.entity(s).name for s in quote.speakers]


def test_said_after_the_quote() -> None:
    """“…,” said X and “…,” X said attribute the quote to X, both word orders."""
    base = drafted("“We will build it,” said Mayor Ana Ruiz on Monday. “It costs too much,”"
                   " councillor Tom Baker said.\n")
    assert speakers_of(base, "We will build it") == ["Ana Ruiz"]
    assert speakers_of(base, "It costs too much") == ["Tom Baker"]


def test_colon_and_pronoun() -> None:
    """X said: “…” credits X; a later “She added, …” goes to the last woman who was a subject."""
    base = drafted("Maria Lopez, the harbour master, said: “The boats are ready.” Critics"
                   " disagreed. She added, “Nobody will lose a mooring.”\n")
    assert speakers_of(base, "The boats are ready.") == ["Maria Lopez"]
    assert speakers_of(base, "Nobody will lose a mooring.") == ["Maria Lopez"]


def test_pronouns_from_she_and_titles() -> None:
    """A “she added” read as Maria Lopez, and “Mr”, give pronouns; nothing known gives none."""
    base = drafted("Maria Lopez, the harbour master, said: “The boats are ready.” Critics"
                   " disagreed. She added, “Nobody will lose a mooring.” Mr Tom Baker said:"
                   " “It costs too much for the town.” Ana Ruiz said nothing.\n")
    pronouns = {e.name: e.pronoun for e in base.entities}
    assert pronouns == {"Maria Lopez": "she", "Tom Baker": "he", "Ana Ruiz": None}


def test_according_to_and_straight_quotes() -> None:
    """Straight double quotes count as quotation marks; “according to X” after a quote names X."""
    base = drafted('"The plan is illegal," according to the Green Party. Mr. Jones was'
                   " not asked.\n")
    assert speakers_of(base, "The plan is illegal") == ["the Green Party"]


def test_british_single_quotes_and_apostrophes() -> None:
    """‘…’ quotations are found; an apostrophe (don’t, residents’) never opens or closes one."""
    base = drafted("John Smith said the residents’ views were ‘simply ignored’ and that he"
                   " didn’t expect a ‘fair hearing’.\n")
    assert sorted(q.text for q in base.quotes) == ["fair hearing", "simply ignored"]


def test_coordinated_subject_is_two_speakers() -> None:
    """“Both X and Y …, citing “…”” makes both of them speakers of the quotation."""
    base = drafted("Both Ana Ruiz and Tom Baker rejected the report, citing “serious errors.”\n")
    assert speakers_of(base, "serious errors") == ["Ana Ruiz", "Tom Baker"]


def test_fragment_and_sentence_punctuation() -> None:
    """A fragment loses the full stop inside its marks; a quoted sentence keeps it."""
    base = drafted("Ana Ruiz called it “a disgrace.” Tom Baker replied: “We will appeal.”\n")
    assert {q.text for q in base.quotes} == {"a disgrace", "We will appeal."}


@pytest.mark.parametrize(
    ("phrase", "value", "unit", "qualifier"),
    [
        ("at least 40 people", "40", "people", "at least"),
        ("more than 1,200 homes", "1200", "homes", "more than"),
        ("over 3 million barrels", "3", "million barrels", "more than"),
        ("nearly 70% of voters", "70", "percent", "nearly"),
        ("up to 500 jobs", "500", "jobs", "up to"),
        ("about 2.5 billion dollars", "2.5", "billion dollars", "about"),
        ("fewer than 12 ships", "12", "ships", "fewer than"),
        ("less than one million tonnes", "1", "million tonnes", "fewer than"),
        ("$4.5bn", "4.5", "billion dollars", "exact"),
        ("seven ferries", "7", "ferries", "exact"),
        ("12 per cent", "12", "percent", "exact"),
    ],
)
def test_figure_value_unit_and_qualifier(phrase: str, value: str, unit: str,
                                         qualifier: str) -> None:
    """Each way news English states an amount gives the value as written, its unit, qualifier."""
    base = drafted(f"The council said the plan would cost {phrase} by next year.\n")
    figure = next(f for f in base.figures if f.unit != "year")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(value), unit, qualifier)


def test_years_and_dates() -> None:
    """“in 2009” is a year; the day of “July 28” is no figure."""
    base = drafted("The harbour closed in 2009. It reopened on July 28 after repairs.\n")
    assert [(f.value, f.unit) for f in base.figures] == [(Decimal(2009), "year")]


def test_no_order_is_asserted_and_every_fact_is_flagged() -> None:
    """The draft writes no after/before, and every drafted fact carries a `check:` saying what
    was guessed."""
    text = (HEADLINE + "On Monday, the council voted 7 to 2. In response, residents marched"
            " to the town hall, Ana Ruiz said. Earlier, the plan was announced in 2021.\n")
    written = draft_factbase(text, name="t")
    data = yaml.safe_load(written)
    assert data["events"], "time cues should give candidate events"
    assert all("after" not in e and "before" not in e for e in data["events"])
    base = load_text(written, filename="content/t.yaml")
    facts = [*base.entities, *base.quotes, *base.figures, *base.events, *base.places]
    assert len(facts) >= 8
    for fact in facts:
        assert fact.check and len(fact.check) > 10, fact


def test_draft_is_deterministic() -> None:
    """The same article gives byte-identical drafts."""
    text = HEADLINE + "“Yes,” said Ana Ruiz. Some 40 boats left on Monday.\n"
    assert draft_factbase(text, name="t") == draft_factbase(text, name="t")


def test_drafting_leaves_the_garbage_collector_as_it_found_it() -> None:
    """Drafting pauses the cyclic collector for speed, and restores it (on or off) after, even
    when the article is refused."""
    text = HEADLINE + "“Yes,” said Ana Ruiz.\n"
    assert gc.isenabled()
    draft_factbase(text, name="t")
    assert gc.isenabled()
    with pytest.raises(QuizgenError):
        draft_factbase("   \n", name="t")
    assert gc.isenabled()
    gc.disable()
    try:
        draft_factbase(text, name="t")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_headline_detection() -> None:
    """A first line without a final stop is the headline; otherwise the body starts at once."""
    assert analyse(HEADLINE + "Body text here.\n").title == "Council approves harbour plan"
    no_headline = analyse("The council met on Monday. It voted.\n")
    assert not no_headline.title_found


ARTICLES = articles()


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_draft_validates_with_source(path: Path) -> None:
    """The draft of each article in content/ loads and passes the provenance check as written."""
    _, drafted_base, text = draft_for(path)
    assert check_provenance(drafted_base, source_text=text) == []


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_draft_quality_against_the_hand_written_base(path: Path) -> None:
    """Quotes ≥ 95% found with the right text, speakers ≥ 80% right, figure values ≥ 90% found,
    and no drafted pronoun other than the hand-written one."""
    result = score(*draft_for(path))
    shown = "\n".join(result.misses)
    assert result.pronouns_wrong == 0, shown
    assert result.quote_share >= 0.95, shown
    assert result.speaker_share >= 0.80, shown
    assert result.value_share >= 0.90, shown


def test_roles_from_titles_appositions_and_role_nouns() -> None:
    """Roles come from a title, a role noun before the name, or an apposition around it."""
    base = drafted("The company's chief executive, Jane Doe, said the cuts were “painful but"
                   " necessary”. “It is a disgrace,” said Sarah Khan, a spokeswoman for the"
                   " Unite union. “Bolder action,” wrote analyst Tom Lee. Foreign Minister Ali"
                   " Reza declined to comment.\n")
    roles = {e.name: e.role for e in base.entities}
    assert roles["Jane Doe"] == "company's chief executive"
    assert roles["Sarah Khan"] == "spokeswoman for the Unite union"
    assert roles["Tom Lee"] == "analyst"
    assert roles["Ali Reza"] == "Foreign Minister"
    assert speakers_of(base, "painful but necessary") == ["Jane Doe"]
    assert speakers_of(base, "Bolder action") == ["Tom Lee"]


def test_ages_ordinals_and_fractions() -> None:
    """“Evans, 54,” is an age; “a twelfth victim” counts 12; “by a third” is no figure."""
    base = drafted("Mark Evans, 54, said profits fell by a third. Police found a twelfth"
                   " victim.\n")
    found = {(f.value, f.unit) for f in base.figures}
    assert found == {(Decimal(54), "years old"), (Decimal(12), "victims")}


def test_the_title_refers_to_the_person_holding_it() -> None:
    """“the minister said” after “Foreign Minister Ali Reza” credits Ali Reza."""
    base = drafted("Foreign Minister Ali Reza met Tom Baker on Monday. “We agreed on nothing,”"
                   " the minister said afterwards.\n")
    assert speakers_of(base, "We agreed on nothing") == ["Ali Reza"]


def test_ranges_and_times_of_day() -> None:
    """“between 150 and 200 soldiers” is one figure with `to`; “at 14:30” is a time of day."""
    base = drafted("Between 150 and 200 soldiers arrived at 14:30 on Sunday.\n")
    soldiers = next(f for f in base.figures if f.unit == "soldiers")
    assert (soldiers.value, soldiers.to) == (Decimal(150), Decimal(200))
    time = next(f for f in base.figures if f.unit == "time of day")
    assert time.value == Decimal(14 * 60 + 30)


def test_spokesman_speaks_for_the_body() -> None:
    """“a Common Front spokesman said” is a speaker that speaks for the Common Front."""
    base = drafted("The Common Front organised the march. “We will strike,” a Common Front"
                   " spokesman said.\n")
    quote = next(q for q in base.quotes if q.text == "We will strike")
    speaker = base.entity(quote.speakers[0])
    assert speaker.speaks_for is not None
    assert base.entity(speaker.speaks_for).name == "the Common Front"


def test_places_are_drafted_as_places() -> None:
    """A name only ever met as “in X”, “from X”, or described as a town, becomes a place."""
    base = drafted("Ana Ruiz, who lives in Porto Velho, said the river rose. Tom Baker drove"
                   " from Porto Velho to Santa Luzia, a fishing village.\n")
    assert {p.name for p in base.places} == {"Porto Velho", "Santa Luzia"}
    assert {"Ana Ruiz", "Tom Baker"} <= {e.name for e in base.entities}


def test_negative_numbers_round_numbers_and_time_qualifiers() -> None:
    """“-20 degrees” is negative, “a thousand years” is 1000, “shortly before 17:30” is under."""
    base = drafted("Nights fall to -20 degrees. The feast is a thousand years old. The march"
                   " ended shortly before 17:30.\n")
    found = {(f.value, f.unit, f.qualifier) for f in base.figures}
    assert (Decimal(-20), "degrees", "exact") in found
    assert (Decimal(1000), "years old", "exact") in found
    assert (Decimal(17 * 60 + 30), "time of day", "fewer than") in found


def test_he_after_a_named_person_in_an_inverted_sentence() -> None:
    """“Among them was X, who said he …” then ““…,” he said” credits X, not an earlier subject."""
    base = drafted("Prime Minister Viktor Hallan said nothing. Among the marchers was Tomasz"
                   " Orel, a bus driver, who said he had driven since he was 19. “I am tired,”"
                   " he said.\n")
    assert speakers_of(base, "I am tired") == ["Tomasz Orel"]


BUILT = [*ARTICLES, *articles(Path(__file__).parent / "corpus" / "dev")]


@pytest.mark.parametrize("path", BUILT, ids=[f"{p.parent.name}/{p.stem}" for p in BUILT])
def test_draft_builds_no_question_on_a_guess_unless_asked(path: Path) -> None:
    """Built as drafted, a draft keys no question (every fact waits for its check); with
    include_unchecked it makes questions the oracle proves from the draft, in a quiz marked as
    a draft."""
    from quizgen.oracle import check_question
    from quizgen.quiz.select import build_quiz
    from quizgen.renderers.json_out import render_text

    _, drafted_base, _ = draft_for(path)
    assert build_quiz([drafted_base], seed=1).questions == ()
    quiz = build_quiz([drafted_base], seed=1, include_unchecked=True)
    assert quiz.draft and quiz.title.startswith("DRAFT")
    assert len(quiz.questions) >= (8 if path.parent.name == "content" else 1)
    for question in quiz.questions:
        verdict = check_question(question, drafted_base)
        assert verdict.ok, verdict.problems
    assert render_text(quiz).startswith("{")


def test_honorific_and_possessive_body_before_a_name() -> None:
    """“Dr Hans Kluge, the regional director,” has that role; “UNICEF's Ann Lee called” is Lee."""
    base = drafted("Dr Hans Kluge, the regional director, spoke first. UNICEF's Ann Lee called"
                   " the figures a “wake-up call”. There were 42,200 cases, against 941 a year"
                   " before.\n")
    roles = {e.name: e.role for e in base.entities}
    assert roles["Hans Kluge"] == "regional director"
    assert speakers_of(base, "wake-up call") == ["Ann Lee"]
    assert {(f.value, f.unit) for f in base.figures} >= {(Decimal(42200), "cases"),
                                                         (Decimal(941), "cases")}


def test_crowd_subjects_speak() -> None:
    """“Many marchers carried placards reading “…”” credits the marchers."""
    base = drafted("Thousands walked to the square. Many marchers carried placards reading"
                   " “Not one day more”.\n")
    assert speakers_of(base, "Not one day more") == ["marchers"]


def test_the_scorer_sees_wrong_speakers_and_qualifiers() -> None:
    """Planted errors in a draft (every speaker the article, every qualifier exact, every
    pronoun swapped) score low."""
    import dataclasses

    hand, drafted_base, text = draft_for(ARTICLES[0])
    article = next((e for e in drafted_base.entities if e.id == "article"), None)
    assert article is not None
    wrong = dataclasses.replace(
        drafted_base,
        quotes=tuple(dataclasses.replace(q, speakers=(article.id,)) for q in drafted_base.quotes),
        figures=tuple(dataclasses.replace(f, qualifier="exact", value=f.value + 1)
                      for f in drafted_base.figures),
        entities=tuple(dataclasses.replace(e, pronoun={"she": "he", "he": "she"}[e.pronoun])
                       if e.pronoun else e for e in drafted_base.entities))
    planted = score(hand, wrong, text)
    assert planted.pronouns_given > 0 and planted.pronouns_wrong == planted.pronouns_given
    assert planted.quote_share == score(hand, drafted_base, text).quote_share
    assert planted.speaker_share < 0.5
    assert planted.figure_share < 0.5


def test_source_after_the_number_and_bodies_at_sentence_start() -> None:
    """“Police put the crowd at about 40,000” and “…, according to the interior ministry” name
    who gives the figure, and the excerpt reaches the source."""
    base = drafted("Police put the crowd at about 40,000. Two officers were hurt, according to"
                   " the interior ministry.\n")
    crowd = next(f for f in base.figures if f.value == 40000)
    assert [base.entity(g).name for g in crowd.given_by] == ["Police"]
    officers = next(f for f in base.figures if f.value == 2)
    assert [base.entity(g).name for g in officers.given_by] == ["the interior ministry"]
    assert officers.excerpt.endswith("according to the interior ministry")


def test_scores_and_a_body_s_manager() -> None:
    """“beating Redmoor 2-1” gives two scores; “said Redmoor’s manager, Ruth Callan” is Callan,
    and “City’s manager, Pieter de Wit, admitted …” makes de Wit the “he” that follows."""
    base = drafted("Harbour City won the semi-final, beating Redmoor 2-1 on Tuesday. “We were"
                   " unlucky,” said Redmoor’s manager, Ruth Callan. Harbour City’s manager,"
                   " Pieter de Wit, admitted his side had been fortunate. “We were lucky,” he"
                   " said.\n")
    scores = sorted(f.value for f in base.figures if f.unit == "goals")
    assert scores == [Decimal(1), Decimal(2)]
    assert speakers_of(base, "We were unlucky") == ["Ruth Callan"]
    assert speakers_of(base, "We were lucky") == ["Pieter de Wit"]


def test_the_scorer_sees_wrong_units_entities_and_measures() -> None:
    """Planted errors (every unit "units", every measure "number of units", every person renamed
    to a sentence word, invented organisations added) score low on units, measures and entities,
    and leave the values found alone."""
    import dataclasses

    from quizgen.factbase.model import Entity

    hand, drafted_base, text = draft_for(ARTICLES[0])
    honest = score(hand, drafted_base, text)
    invented = tuple(Entity(id=f"invented-{n}", name=f"Evaluation {n}", role="named",
                            kind="organisation") for n in range(20))
    wrong = dataclasses.replace(
        drafted_base,
        figures=tuple(dataclasses.replace(f, unit="units", measure="number of units")
                      for f in drafted_base.figures),
        entities=tuple(dataclasses.replace(e, name=f"Unsurprisingly {e.name}", aliases=())
                       if e.kind == "person" else e for e in drafted_base.entities) + invented)
    planted = score(hand, wrong, text)
    assert planted.value_share == honest.value_share
    assert honest.figure_share > 0.5 and planted.figure_share == 0
    assert planted.measure_share == 0
    assert planted.precision < honest.precision - 0.3
    assert planted.recall < honest.recall


@pytest.mark.parametrize(
    ("one", "two", "same"),
    [("million shift workers", "shift workers", True), ("per cent", "percent", True),
     ("years old", "years", True), ("People", "person", True), ("units", "people", False),
     ("million barrels per day", "barrels a day", True), ("barrels per day", "barrels", False),
     ("dollars", "pounds", False), ("times", "flashes", False),
     ("billion tonnes of oil equivalent", "tonnes", True), ("degrees Celsius", "degrees", True),
     ("times the width of Earth", "times", True), ("days of action", "actions", False)],
)
def test_unit_equality(one: str, two: str, same: bool) -> None:
    """Units are the same noun once case, plural and scale words are set aside."""
    from tests.draft_match import same_unit

    assert same_unit(one, two) is same


@pytest.mark.parametrize(
    ("drafted_measure", "wanted", "usable"),
    [("number of assistants Huffington has", "number of assistants Huffington has", True),
     ("number of countries", "number of countries where Starbucks does business", False),
     ("number of spinal fractures", "number of spinal fractures the narrator had", True),
     ("goals", "goals scored in the semi-final", False),
     ("goals in the semi-final", "goals scored in the semi-final", True),
     ("share of the vote", "percentage of the vote", True),
     ("number of units", "number of people", False),
     ("number of people (2)", "number of people", False),
     ("number of years of my back", "years Orel has given the city", False),
     ("age", "number of years old", False),
     ("percentage", "share of people who cannot afford it", False),
     ("amount of money", "money in the lost wallet", False),
     ("number of people, growing more food", "number of additional people", False),
     ("year by which have to switch diet", "year by which the world may have to switch", False),
     ("price of a SoulCycle class", "price of a SoulCycle class", True),
     ("time within which coal will catch oil", "period within which coal catches oil", True),
     # the scorer's own faults, found in round 11: a letter outside ASCII split a word, and the
     # country read as the pronoun
     ("unemployment in some parts of Andalucía", "unemployment in some parts of Andalucía",
      True),
     ("fall in the number of US visitors", "fall in the number of US visitors", True),
     ("share of us who vote", "share of voters", False)],
)
def test_measure_proxy(drafted_measure: str, wanted: str, usable: bool) -> None:
    """A measure counts as usable when it reads as a noun phrase asking about the same noun."""
    from tests.draft_match import usable_measure

    assert usable_measure(drafted_measure, wanted) is usable


def test_template_examples_are_marked_check() -> None:
    """Every invented example fact of the `init` template carries a `check:`."""
    from quizgen.factbase.scaffold import _template_base

    base = _template_base()
    facts = [*base.entities, *base.quotes, *base.figures, *base.events, *base.places,
             *base.terms, *base.claims]
    assert len(facts) >= 15
    assert all(fact.check for fact in facts), [f.id for f in facts if not f.check]


@pytest.mark.parametrize(
    "sentence",
    ["The ministry published a report called “Urban Futures” in May.",
     "Hotels now sell “quiet weekends” to tired parents.",
     "She was described as “the iron lady of the docks” by rivals.",
     "Critics attacked the so-called “reform” of the port.",
     "The campaign is known as “Boats for All” across the region."],
)
def test_words_nobody_says_have_no_speaker(sentence: str) -> None:
    """Titles, names, terms, passive labels and scare quotes are drafted with no speaker,
    `distinctive: false`, and the reason in `check`."""
    base = drafted("Mayor Ana Ruiz spoke on Monday. " + sentence + "\n")
    quote = base.quotes[0]
    assert quote.speakers == () and quote.distinctive is False
    assert quote.check and quote.check.startswith("no speaker:")


def test_quoted_words_with_a_speech_verb_keep_their_speaker() -> None:
    """A short quotation after a verb of speech (calls, urging, recognised … as) keeps one."""
    base = drafted("Ana Ruiz calls the plan “a scandal”. Tom Baker is urging people to “vote"
                   " early”. Lima recognised Ana Ruiz as the “rightful” mayor.\n")
    assert speakers_of(base, "a scandal") == ["Ana Ruiz"]
    assert speakers_of(base, "vote early") == ["Tom Baker"]
    assert speakers_of(base, "rightful") == ["Lima"]


def test_who_said_and_according_to_later_in_the_sentence() -> None:
    """“X, who said … “…”” credits X; ““…” …, according to X” credits X."""
    base = drafted("Later, Ana Ruiz met Tom Baker, who said they had an “excellent” talk. She"
                   " has “nine or so” aides, according to a recent Harbour Gazette profile.\n")
    assert speakers_of(base, "excellent") == ["Tom Baker"]
    assert speakers_of(base, "nine or so") == ["Harbour Gazette"]


def test_unnamed_speakers_and_appositions_after_the_quote() -> None:
    """“one fan said”, “…,” the guide says, and “…,” X, the club's head, told reporters name
    their speakers."""
    base = drafted("“It is a stunt,” said one fan. “Tests are useless”, the guide says. “We"
                   " are happy,” Ana Ruiz, head of the fans’ club, told reporters.\n")
    assert speakers_of(base, "It is a stunt") == ["one fan"]
    assert speakers_of(base, "Tests are useless") == ["the guide"]
    assert speakers_of(base, "We are happy") == ["Ana Ruiz"]
    kinds = {e.name: e.kind for e in base.entities}
    assert kinds["one fan"] == "person" and kinds["the guide"] == "organisation"


def test_names_that_are_not_people() -> None:
    """Sentence adverbs, a title alone, schemes and reports are no people; “the Pentagon
    said” is a body; “the Labour leader” is a modifier; “Stop the War Coalition” and “van
    der Hoeven” keep their small words; “River Tagus” is a place."""
    base = drafted("Unsurprisingly, the plan failed. “We wait,” the Pentagon said. Executive"
                   " Director Maria van der Hoeven praised Emissions Trading Scheme rules. The"
                   " Labour leader spoke to the Stop the War Coalition, which marched along the"
                   " River Tagus. Tom Baker was there.\n")
    kinds = {e.name: e.kind for e in base.entities}
    assert kinds.get("the Pentagon") == "organisation"
    assert kinds.get("Maria van der Hoeven") == "person"
    assert kinds.get("the Stop the War Coalition", kinds.get("Stop the War Coalition")) == \
        "organisation"
    for name in ("Unsurprisingly", "Executive Director", "Emissions Trading Scheme", "Labour",
                 "the Labour", "River Tagus", "der Hoeven"):
        assert name not in kinds, name
    assert "the River Tagus" in {p.name for p in base.places}


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [("Coal will catch oil within a decade.", "1", "decades", "at most"),
     ("Jets fly at 550mph over the sea.", "550", "miles per hour", "exact"),
     ("Winds blow as fast as 250mph.", "250", "miles per hour", "up to"),
     ("The device weighs a kilo.", "1", "kilograms", "exact"),
     ("It gives the energy of a tonne of fuel.", "1", "tonnes", "exact"),
     ("Water boils at 100°C at sea level.", "100", "degrees Celsius", "exact"),
     ("Coal met nearly half of the rise in demand.", "50", "percent", "nearly"),
     ("Cases have trebled since the start.", "3", "times", "exact"),
     ("The club ranks 14th out of 20 in its league.", "14", "place", "exact"),
     ("The team reached the second-division final.", "2", "divisions", "exact"),
     ("She has nine or so assistants at home.", "9", "assistants", "about"),
     ("The home crowd of the club is around 3,800 each week.", "3800", "people", "about"),
     ("The shop closed after the over-4 month gap in trade.", "4", "month gap", "more than"),
     ("Prices rose by 300% in a year.", "300", "percent increase", "exact"),
     ("The test told truth from lies about 55 out of 100 times.", "55", "out of 100",
      "about")],
)
def test_spelled_out_and_attached_amounts(sentence: str, value: str, unit: str,
                                          qualifier: str) -> None:
    """Amounts written as words, onto digits, as multiples or places get value, unit and
    qualifier, and their unit is a noun, never "units"."""
    base = drafted(sentence + "\n")
    assert (Decimal(value), unit, qualifier) in {(f.value, f.unit, f.qualifier)
                                                 for f in base.figures}
    assert all(f.unit != "units" for f in base.figures)


def test_measures_are_noun_phrases_a_prompt_can_use() -> None:
    """A measure names what is counted and which amount it is: a relative clause or phrase
    after the unit, a price's object, a year's clause; never a verb or a bare "amount"."""
    base = drafted("The report counts 900 million people who are malnourished. A juice"
                   " costs $10 for green juice lovers. In 2008, the Pentagon published a"
                   " report.\n")
    measures = {f.value: f.measure for f in base.figures}
    assert measures[Decimal(900)] == "number of people who are malnourished"
    assert measures[Decimal(10)] == "price of green juice lovers"
    assert measures[Decimal(2008)] == "year in which the Pentagon published a report"
    later = drafted("In short, coal will catch oil within a decade.\n")
    assert [f.measure for f in later.figures] == ["time within which coal will catch oil"]


def test_speakers_named_after_the_quote_or_the_sentence_before() -> None:
    """“…” …, says X’s manager, Y; “…,” as he calls it; “a spokeswoman for X said:”; and a
    quoted sentence after “…, says Fatuma Ndangiza, …” credit those people."""
    base = drafted("Mr Tom Baker spoke first. The shop is “changing lives” in the process, says"
                   " Harbour Foods’ manager, Mrs Ana Ruiz. “The buzz,” as he calls it, is what Tom"
                   " Baker loves. A spokeswoman for Harbour Foods said: “We pay our taxes.” The"
                   " shop’s success is no exception, says Maria Lopez, head of the board. “Small"
                   " firms are run by women.”\n")
    assert speakers_of(base, "changing lives") == ["Ana Ruiz"]
    assert speakers_of(base, "The buzz") == ["Tom Baker"]
    assert speakers_of(base, "We pay our taxes.") == ["a spokeswoman for Harbour Foods"]
    assert speakers_of(base, "Small firms are run by women.") == ["Maria Lopez"]
    spokeswoman = next(e for e in base.entities if e.name.startswith("a spokeswoman"))
    assert spokeswoman.speaks_for is not None
    assert base.entity(spokeswoman.speaks_for).name == "Harbour Foods"


def test_affiliations_and_bare_names() -> None:
    """“Dr Ann Lee of Marlow University” is a person and a university; a one-word name with no
    first name, title or he/she (“Acme said”) is a body; “North Africa” is a place."""
    base = drafted("Dr Ann Lee of Marlow University led the study. “We are pleased,” Acme said."
                   " “Sales grew,” Acme added. Sales rose in North Africa.\n")
    kinds = {e.name: e.kind for e in base.entities}
    assert kinds["Ann Lee"] == "person" and kinds["Marlow University"] == "organisation"
    assert kinds["Acme"] == "organisation"
    assert "North Africa" in {p.name for p in base.places}


DEV_ARTICLES = articles(Path(__file__).parent / "corpus" / "dev")


@pytest.mark.parametrize("path", DEV_ARTICLES, ids=[p.stem for p in DEV_ARTICLES])
def test_dev_corpus_draft_loads_and_validates_with_source(path: Path) -> None:
    """The draft of each development article loads, passes the provenance check, and every
    drafted fact carries a `check`."""
    _, drafted_base, text = draft_for(path)
    assert check_provenance(drafted_base, source_text=text) == []
    facts = [*drafted_base.entities, *drafted_base.quotes, *drafted_base.figures,
             *drafted_base.events, *drafted_base.places]
    assert facts and all(fact.check for fact in facts)


def test_a_rate_is_not_one_period() -> None:
    """“5 million tonnes a year”, “£5bn a year”, “twice a day” are rates: no “1 year”."""
    base = drafted("Plants burn 5 million tonnes a year and pay £5bn a year, twice a day.\n")
    assert all(f.value != 1 for f in base.figures), [(f.value, f.unit) for f in base.figures]
