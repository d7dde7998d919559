"""`quizgen draft`: rules on small articles, the draft file, and its measured quality."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from quizgen.draft import analyse, draft_factbase
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
    """The draft writes no after/before, and every drafted fact follows a `# check:` comment."""
    text = (HEADLINE + "On Monday, the council voted 7 to 2. In response, residents marched"
            " to the town hall, Ana Ruiz said. Earlier, the plan was announced in 2021.\n")
    written = draft_factbase(text, name="t")
    data = yaml.safe_load(written)
    assert data["events"], "time cues should give candidate events"
    assert all("after" not in e and "before" not in e for e in data["events"])
    lines = written.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("  - id:"):
            assert lines[number - 1].lstrip().startswith("# check:"), line


def test_draft_is_deterministic() -> None:
    """The same article gives byte-identical drafts."""
    text = HEADLINE + "“Yes,” said Ana Ruiz. Some 40 boats left on Monday.\n"
    assert draft_factbase(text, name="t") == draft_factbase(text, name="t")


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
    """Quotes ≥ 95% found with the right text, speakers ≥ 80% right, figures ≥ 90% found, and
    no drafted pronoun other than the hand-written one."""
    result = score(*draft_for(path))
    shown = "\n".join(result.misses)
    assert result.pronouns_wrong == 0, shown
    assert result.quote_share >= 0.95, shown
    assert result.speaker_share >= 0.80, shown
    assert result.figure_share >= 0.90, shown


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


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_draft_builds_a_quiz_the_oracle_accepts(path: Path) -> None:
    """The draft of each article makes questions, each of which the oracle proves correct."""
    from quizgen.oracle import check_question
    from quizgen.quiz.select import build_quiz
    from quizgen.renderers.json_out import render_text

    _, drafted_base, _ = draft_for(path)
    quiz = build_quiz([drafted_base], seed=1)
    assert len(quiz.questions) >= 8  # a drafted base: no quote in two matchings, no time of day
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
