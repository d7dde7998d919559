"""Figure prompts as a teacher would write them, for measures of every shape, and for content."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import CONTENT
from factbases import figure, make_base, org, person

from quizgen.factbase.loader import load_factbase
from quizgen.generators.common import index_facts
from quizgen.generators.figure_wording import given_prompt, value_prompt
from quizgen.generators.verbs import base_of_past, base_of_present

# measure, unit, and the question a teacher would write for it (no source, no subject)
TEACHER = [
    # counts: a plain noun, a noun and a prepositional phrase, and clauses of every kind
    ("number of arrests", "arrests", "How many arrests were there?"),
    ("hours of sunshine", "hours", "How many hours of sunshine were there?"),
    ("number of new schools", "schools", "How many new schools were there?"),
    ("number of children in the class", "children", "How many children were there in the class?"),
    ("number of homes without power", "homes", "How many homes were there without power?"),
    ("deaths per day", "deaths", "How many deaths were there per day?"),
    ("number of visits to the hospital", "visits", "How many visits to the hospital were there?"),
    ("number of sports fans at the match", "fans", "How many sports fans were there at the match?"),
    ("number of people killed", "people", "How many people were killed?"),
    ("people killed in the attack", "people", "How many people were killed in the attack?"),
    ("people injured", "people", "How many people were injured?"),
    ("number of people displaced", "people", "How many people were displaced?"),
    ("number of votes cast", "votes", "How many votes were cast?"),
    ("votes cast for Maduro", "votes", "How many votes were cast for Maduro?"),
    ("number of jobs lost", "jobs", "How many jobs were lost?"),
    ("number of schools closed by the strike", "schools",
     "How many schools were closed by the strike?"),
    ("number of people still missing", "people", "How many people were still missing?"),
    ("number of officers seriously injured", "officers",
     "How many officers were seriously injured?"),
    ("number of people who died", "people", "How many people died?"),
    ("number of countries that signed the treaty", "countries",
     "How many countries signed the treaty?"),
    ("number of buses that brought fans to the match", "buses",
     "How many buses brought fans to the match?"),
    ("number of seats the party won", "seats", "How many seats did the party win?"),
    ("number of seats the coalition holds", "seats", "How many seats does the coalition hold?"),
    ("number of days the strike lasted", "days", "How many days did the strike last?"),
    ("number of tickets each finalist will receive", "tickets",
     "How many tickets will each finalist receive?"),
    ("number of days of action the unions have called", "days of action",
     "How many days of action have the unions called?"),
    ("number of terms she will have served when her term ends", "terms",
     "How many terms will she have served when her term ends?"),
    ("number of public holidays once the new one is added", "public holidays",
     "How many public holidays are there once the new one is added?"),
    ("minutes of normal time left when the winner was scored", "minutes",
     "How many minutes of normal time were left when the winner was scored?"),
    # no safe 'how many' (or 'did'): a clause on another noun, an object relative, or words
    # whose roles spelling cannot tell (which plural is counted? which word is the verb?)
    ("number of people who the police arrested", "people",
     "What was the number of people who the police arrested?"),
    ("number of researchers in the team that found the planet", "researchers",
     "What was the number of researchers in the team that found the planet?"),
    ("number of cases doctors reported", "cases", "What was the number of cases doctors reported?"),
    ("number of police officers deployed", "officers",
     "What was the number of police officers deployed?"),
    ("number of sports fans injured", "fans", "What was the number of sports fans injured?"),
    ("number of the protesters arrested", "protesters",
     "What was the number of the protesters arrested?"),
    ("year the tax cut took effect", "year", "What was the year the tax cut took effect?"),
    # years, times of day and ages, by the measure's own clause
    ("year the bridge opened", "year", "In which year did the bridge open?"),
    ("year the war began", "year", "In which year did the war begin?"),
    ("year the company was founded", "year", "In which year was the company founded?"),
    ("year in which the treaty was signed", "year", "In which year was the treaty signed?"),
    ("year the bridge will open", "year", "In which year will the bridge open?"),
    ("year the telescope is due to launch", "year",
     "In which year is the telescope due to launch?"),
    ("year the mayor's term ends", "year", "In which year does the mayor's term end?"),
    ("year by which the fund would run out of money", "year",
     "By which year would the fund run out of money?"),
    ("year of the election", "year", "In which year was the election?"),
    ("year of birth", "year", "What was the year of birth?"),
    ("time the polls closed", "time of day", "At what time did the polls close?"),
    ("time the march set off", "time of day", "At what time did the march set off?"),
    ("time the river burst its banks", "time of day",
     "At what time did the river burst its banks?"),
    ("time of the explosion", "time of day", "At what time was the explosion?"),
    ("kick-off time of the final", "time of day", "What was the kick-off time of the final?"),
    ("age of the bridge", "years", "How old was the bridge?"),
    ("age at which she retired", "years", "At what age did she retire?"),
    ("age at which workers can draw a pension", "years", "At what age can workers draw a pension?"),
    ("average age of the players", "years", "What was the average age of the players?"),
    ("retirement age", "years", "What was the retirement age?"),
    # durations and other dimensions: 'how long was the strike', never 'how long was the length'
    ("length of the strike", "days", "How long was the strike?"),
    ("duration of the blackout", "hours", "How long was the blackout?"),
    ("length of the public consultation", "years", "How long was the public consultation?"),
    ("time it took to count the votes", "hours", "How long did it take to count the votes?"),
    ("time the planet takes to circle its star", "days",
     "How long does the planet take to circle its star?"),
    ("time for which the fires have burned", "days", "For how long have the fires burned?"),
    ("period over which the pension age would rise", "years",
     "Over what period would the pension age rise?"),
    ("time played before the first goal", "minutes",
     "What was the time played before the first goal?"),
    ("distance of the star from Earth", "light-years", "How far was the star from Earth?"),
    ("distance from Earth", "light-years", "What was the distance from Earth?"),
    ("depth of the flood water in the town centre", "metres",
     "How deep was the flood water in the town centre?"),
    ("height of the tower", "metres", "What was the height of the tower?"),
    ("speed of the wind", "kilometres per hour", "How fast was the wind?"),
    ("weight of the whale", "tonnes", "How heavy was the whale?"),
    ("size of the crowd", "people", "How big was the crowd?"),
    ("temperature at noon", "degrees Celsius", "What was the temperature at noon?"),
    ("temperature at which water boils", "degrees Celsius",
     "At what temperature does water boil?"),
    # money
    ("cost of the project", "million euros", "How much did the project cost?"),
    ("cost of the repairs to the bridge", "million euros",
     "How much was the cost of the repairs to the bridge?"),
    ("amount the council spent on roads", "million euros",
     "How much did the council spend on roads?"),
    ("budget", "million dollars", "How much was the budget?"),
    ("prices of the tickets", "euros", "How much were the prices of the tickets?"),
    # plain measures; agreement by the head noun, tense by the measure's own verb
    ("share of the vote", "percent", "What was the share of the vote?"),
    ("turnout", "percent", "What was the turnout?"),
    ("death toll", "deaths", "What was the death toll?"),
    ("population of the city", "people", "What was the population of the city?"),
    ("oil exports", "tonnes", "What were the oil exports?"),
    ("rainfall in May", "millimetres", "What was the rainfall in May?"),
    ("speed the winds reached", "kilometres per hour", "What was the speed the winds reached?"),
    ("distance the probe will travel", "kilometres", "What is the distance the probe will travel?"),
    ("light the star gives off", "percent", "What is the light the star gives off?"),
]  # fmt: skip


def _prompt(measure: str, unit: str) -> str:
    fig = figure("f", measure, "10", unit)
    return value_prompt(fig, index_facts(make_base(fig)), None)


@pytest.mark.parametrize(("measure", "unit", "prompt"), TEACHER, ids=[t[0] for t in TEACHER])
def test_measures_read_as_a_teacher_would_ask(measure: str, unit: str, prompt: str) -> None:
    """Each measure's value prompt is the question a teacher would write for it."""
    assert _prompt(measure, unit) == prompt


def test_ages_of_subjects_read_how_old() -> None:
    """A subject's age reads 'how old was X?' (their own: 'by their own account'), never
    'how long was X's age'."""
    base = make_base(
        person("orel", "Tomasz Orel"),
        org("club", "the club"),
        org("ngos", "NGOs"),
        figure("f-orel", "age", "58", "years", "club", subject="orel"),
        figure("f-self", "age at retirement", "64", "years", "orel", subject="orel"),
        figure("f-club", "age", "120", "years", "club", subject="club"),
        figure("f-ngos", "age", "20", "years", "club", subject="ngos"),
    )
    facts = index_facts(base)
    shown = {f.id: value_prompt(f, facts, f.given_by) for f in base.figures}
    assert shown == {
        "f-orel": "According to the club, how old was Tomasz Orel?",
        "f-self": "By their own account, how old was Tomasz Orel at retirement?",
        "f-club": "According to the club, how old was it?",
        "f-ngos": "According to the club, how old were NGOs?",
    }


def test_sources_lead_counts_and_clause_questions() -> None:
    """A source leads the teacher's question: 'According to the police, how many people were
    arrested?'."""
    base = make_base(
        org("police", "the police"),
        figure("f1", "number of people arrested", "12", "arrests", "police"),
        figure("f2", "year the station reopened", "2019", "year", "police"),
    )
    facts = index_facts(base)
    assert [value_prompt(f, facts, f.given_by) for f in base.figures] == [
        "According to the police, how many people were arrested?",
        "According to the police, in which year did the station reopen?",
    ]


@pytest.mark.parametrize(
    ("past", "base"),
    [("took", "take"), ("fell", "fall"), ("burst", "burst"), ("left", "leave"), ("lit", "light"),
     ("scored", "score"), ("voted", "vote"), ("started", "start"), ("recorded", "record"),
     ("finished", "finish"), ("reached", "reach"), ("played", "play"), ("fixed", "fix"),
     ("tried", "try"), ("died", "die"), ("agreed", "agree"), ("added", "add"), ("called", "call"),
     ("stopped", "stop"), ("admitted", "admit"), ("occurred", "occur"), ("travelled", "travel"),
     ("installed", "install"), ("opened", "open"), ("offered", "offer"), ("raised", "raise"),
     ("forced", "force"), ("lived", "live"), ("managed", "manage"), ("judged", "judge"),
     ("handled", "handle"), ("declared", "declare"), ("decided", "decide"),
     ("celebrated", "celebrate"), ("created", "create"), ("treated", "treat"),
     ("initiated", "initiate"), ("claimed", "claim"), ("equalised", "equalise"),
     ("argued", "argue"), ("quoted", "quote"), ("required", "require"), ("lasted", "last"),
     ("tasted", "taste"), ("persuaded", "persuade"), ("developed", "develop"),
     ("visited", None), ("united", None), ("completed", None), ("changed", None),
     ("belonged", None), ("bathed", None), ("centred", None), ("rose", None), ("table", None)],
)  # fmt: skip
def test_past_forms_have_their_base_or_none(past: str, base: str | None) -> None:
    """A past form's base is spelled right, or is None when spelling cannot tell."""
    assert base_of_past(past) == base


@pytest.mark.parametrize(
    ("present", "base"),
    [("takes", "take"), ("goes", "go"), ("carries", "carry"), ("has", "have"),
     ("reaches", "reach"), ("rises", "rise"), ("plays", "play"), ("passes", "pass")],
)  # fmt: skip
def test_present_forms_have_their_base(present: str, base: str) -> None:
    """A third-person present form's base: 'takes' -> 'take', 'carries' -> 'carry'."""
    assert base_of_present(present) == base


# ---- every content figure, its `ask:` removed --------------------------------------------------

_CLAUSE = {"who", "whom", "that", "which", "when", "once", "if", "is", "are", "was", "were",
           "has", "have", "had", "will", "would", "can", "could", "left", "took"}  # fmt: skip
_SINGULAR = "time|length|year|age|share|number|distance|light|period|energy|mass|size|toll"


def bad_shapes(prompt: str) -> list[str]:
    """The known bad shapes of a figure prompt, read independently of the grammar."""
    text = prompt.casefold()
    found = []
    for inner in re.findall(r"how many (.*?) (?:were|are) there\b", text):
        words = inner.split()
        if set(words) & _CLAUSE or any(w.endswith("ed") for w in words[1:]):
            found.append(f"a clause inside 'how many … were there': {inner!r}")
    if re.search(r"how long (?:was|were|is|are)\b[^?]*\bage\b", text):
        found.append("'how long' of an age")
    spans = r"(?:length|duration|time|period)\b"
    if re.search(rf"how long (?:was|were|is|are) (?:the |[^ ]+'s )?{spans}", text):
        found.append("'how long was the length/time …'")
    if re.search(rf"\b(?:were|are) the (?:{_SINGULAR})\b", text):
        found.append("a plural verb before a singular head")
    if re.search(r"\bwhat was\b[^?]*\b(?:is|are|will)\b", text):
        found.append("'was' before a measure in the present or future")
    if not prompt.endswith("?") or not prompt[:1].isupper():
        found.append("not a capitalised question")
    return found


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.yaml")), ids=lambda p: p.stem)
def test_content_prompts_without_ask_have_no_bad_shape(path: Path) -> None:
    """Every content figure's generated prompts, its `ask:` removed, have none of the bad shapes."""
    base = load_factbase(path)
    facts = index_facts(base)
    problems = []
    for fig in base.figures:
        plain = dataclasses.replace(fig, ask=None)
        for prompt in (value_prompt(plain, facts, fig.given_by),
                       given_prompt(plain, facts, fig.given_by)):  # fmt: skip
            problems += [f"{fig.id}: {prompt} ({shape})" for shape in bad_shapes(prompt)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "prompt",
    ["According to the article, how many days of action the unions have called since January "
     "were there?",
     "How many minutes of normal time left when Okonjo scored the winner were there?",
     "How many days of national mourning declared were there?",
     "How long was Tomasz Orel's age?",
     "How long were the time Kessler-7b takes to circle its star?",
     "What were the time the River Ribeira burst its banks?",
     "How long was the length of the public consultation on the holiday?",
     "What was the year the Orion Space Telescope is due to launch?"],
)  # fmt: skip
def test_the_bad_shape_check_sees_each_known_defect(prompt: str) -> None:
    """The content check flags each defect the grammar used to produce."""
    assert bad_shapes(prompt)
