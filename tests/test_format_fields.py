"""Tests of the format's newer fields: qualifiers, ranges, times of day, ask, speaks_for,
distinctive, places, terms and claims, in the loader, the validator, the schema and provenance."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import jsonschema
import pytest
import yaml

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.json_schema import factbase_json_schema
from quizgen.factbase.loader import load_text
from quizgen.factbase.model import TIME_OF_DAY, Place, ReportedClaim, Term
from quizgen.factbase.numbers import format_figure
from quizgen.factbase.provenance import check_provenance
from quizgen.factbase.schema import QUALIFIERS

ARTICLE = (
    "Floods kill dozens in Valdoria. The interior ministry said that 52 people had died, while"
    " the Red Cross said up to 70 people may have been killed in the town of Marsh End. A Red"
    " Cross spokeswoman said: “We are still counting the dead in the villages.” Rescuers worked"
    " until 21:30. The seiche, a standing wave in an enclosed body of water, flooded the"
    " harbour. Between 40 and 60 boats were lost."
)

NEW = """\
id: floods
source:
  title: Floods kill dozens in Valdoria
  about: Floods and their toll.
people:
  - id: ministry
    name: the interior ministry
    kind: organisation
    role: Valdoria's interior ministry
    excerpt: The interior ministry said
  - id: red-cross
    name: the Red Cross
    kind: organisation
    role: aid organisation
    excerpt: the Red Cross said
  - id: spokeswoman
    name: a Red Cross spokeswoman
    role: spokeswoman for the Red Cross
    speaks_for: red-cross
    excerpt: A Red Cross spokeswoman said
quotes:
  - id: counting
    text: We are still counting the dead in the villages.
    speakers: [spokeswoman]
    distinctive: true
    place: marsh-end
    excerpt: "“We are still counting the dead in the villages.”"
  - id: dead
    text: the dead
    speakers: [spokeswoman]
    distinctive: false
    excerpt: counting the dead
figures:
  - id: ministry-toll
    measure: death toll
    value: 52
    unit: deaths
    given_by: [ministry]
    ask: "How many deaths did the interior ministry report?"
    excerpt: 52 people had died
  - id: red-cross-toll
    measure: death toll
    value: 70
    unit: deaths
    qualifier: up to
    given_by: [red-cross]
    excerpt: up to 70 people may have been killed
  - id: rescue-end
    measure: time rescuers stopped work
    value: "21:30"
    unit: time of day
    given_by: [ministry]
    excerpt: Rescuers worked until 21:30
  - id: boats
    measure: boats lost
    value: 40
    to: 60
    unit: boats
    given_by: [ministry]
    excerpt: Between 40 and 60 boats were lost
events:
  - id: flood
    description: the floods struck
    place: marsh-end
    excerpt: Floods kill dozens in Valdoria
places:
  - id: marsh-end
    name: Marsh End
    description: a town in Valdoria
    aliases: [the town]
    tags: [floods]
    excerpt: the town of Marsh End
terms:
  - id: seiche
    term: seiche
    meaning: a standing wave in an enclosed body of water
    aliases: [seiches]
    excerpt: The seiche, a standing wave in an enclosed body of water
claims:
  - id: ministry-claim
    claimants: [ministry]
    text: 52 people had died
    figure: ministry-toll
    tags: [floods]
    excerpt: The interior ministry said that 52 people had died
"""


def problems_of(text: str) -> tuple[Problem, ...]:
    """The problems load_text reports for text (fails the test if it loads)."""
    with pytest.raises(QuizgenError) as caught:
        load_text(text, filename="f.yaml")
    return caught.value.problems


def only_problem(text: str) -> Problem:
    """The single problem load_text reports for text."""
    found = problems_of(text)
    assert len(found) == 1, found
    return found[0]


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of needle in text."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def located(problem: Problem, text: str, needle: str, field: str) -> None:
    """The problem sits at needle's line and column and names the field; a needle written
    `key: value` stands for the value's position."""
    line, column = at(text, needle)
    key = field.rsplit(".", 1)[-1] + ": "
    if needle.startswith(key):
        column += len(key)
    assert (problem.line, problem.column) == (line, column), problem
    assert problem.field == field, problem
    assert problem.file == "f.yaml"


def test_every_new_field_loads_into_the_model() -> None:
    """Each new field reaches its model attribute with the value written."""
    base = load_text(NEW, filename="f.yaml")
    spokeswoman = base.entity("spokeswoman")
    assert spokeswoman.speaks_for == "red-cross"
    assert base.entity("ministry").speaks_for is None
    counting, dead = base.quotes
    assert (counting.distinctive, counting.place) == (True, "marsh-end")
    assert (dead.distinctive, dead.place) == (False, None)
    toll, red, rescue, boats = base.figures
    assert toll.ask == "How many deaths did the interior ministry report?"
    assert (toll.qualifier, red.qualifier, red.ask) == ("exact", "up to", None)
    assert (rescue.value, rescue.unit, rescue.is_time_of_day) == (Decimal(1290), TIME_OF_DAY,
                                                                  True)
    assert (boats.value, boats.to, boats.to_decimals) == (Decimal(40), Decimal(60), 0)
    assert toll.to is None and base.events[0].place == "marsh-end"
    assert base.places == (Place("marsh-end", "Marsh End", "a town in Valdoria",
                                 aliases=("the town",), tags=("floods",),
                                 excerpt="the town of Marsh End"),)
    assert base.terms == (Term("seiche", "seiche", "a standing wave in an enclosed body of water",
                               aliases=("seiches",),
                               excerpt="The seiche, a standing wave in an enclosed body of"
                               " water"),)
    assert base.claims == (ReportedClaim("ministry-claim", ("ministry",), "52 people had died",
                                         figure="ministry-toll", tags=("floods",),
                                         excerpt="The interior ministry said that 52 people"
                                         " had died"),)
    assert base.places[0].span is not None and base.places[0].span.line == at(NEW, "- id: marsh")[0]
    for fact_id in ("marsh-end", "seiche", "ministry-claim"):
        assert base.by_id[fact_id].id == fact_id


def test_new_sections_and_fields_are_optional() -> None:
    """Without the new fields the defaults hold: distinctive, no place, no range, no ask."""
    text = NEW.split("places:")[0]
    for line in ("    speaks_for: red-cross\n", "    distinctive: true\n", "    to: 60\n",
                 "    place: marsh-end\n"):
        text = text.replace(line, "")
    base = load_text(text, filename="f.yaml")
    assert (base.places, base.terms, base.claims) == ((), (), ())
    assert base.quotes[0].distinctive is True and base.quotes[0].place is None
    assert base.entity("spokeswoman").speaks_for is None and base.figures[3].to is None


def test_place_term_and_claim_excerpts_are_optional() -> None:
    """Places, terms and claims load without an excerpt; provenance does not ask for one."""
    text = NEW.replace("    excerpt: the town of Marsh End\n", "").replace(
        "    excerpt: The seiche, a standing wave in an enclosed body of water\n", "").replace(
        "    excerpt: The interior ministry said that 52 people had died\n", "")
    base = load_text(text, filename="f.yaml")
    assert (base.places[0].excerpt, base.terms[0].excerpt, base.claims[0].excerpt) == ("",) * 3
    assert check_provenance(base, source_text=ARTICLE) == []


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_every_qualifier_is_accepted(qualifier: str) -> None:
    """Each of the eight qualifiers loads as written."""
    base = load_text(NEW.replace("qualifier: up to", f"qualifier: {qualifier}"), filename="f.yaml")
    assert base.figures[1].qualifier == qualifier


@pytest.mark.parametrize(("old", "new"), [("over", "more than"), ("under", "fewer than")])
def test_over_and_under_are_read_as_more_than_and_fewer_than(old: str, new: str) -> None:
    """The older qualifier names stay accepted and are normalised in the model."""
    base = load_text(NEW.replace("qualifier: up to", f"qualifier: {old}"), filename="f.yaml")
    assert base.figures[1].qualifier == new


def test_a_misspelt_qualifier_gets_a_suggestion() -> None:
    """`upto` is refused with the nearest allowed value suggested."""
    problem = only_problem(NEW.replace("qualifier: up to", "qualifier: upto"))
    assert problem.expected is not None and problem.expected.endswith("(did you mean 'up to'?)")


def test_an_unknown_qualifier_is_located_and_lists_the_choices() -> None:
    """A qualifier outside the list is refused at its value, naming every allowed one."""
    text = NEW.replace("qualifier: up to", "qualifier: as many as")
    problem = only_problem(text)
    located(problem, text, "as many as", "figures[1].qualifier")
    assert problem.expected is not None and "at least" in problem.expected
    assert "up to" in problem.expected and "fewer than" in problem.expected


def test_an_unquoted_time_of_day_is_refused_with_a_hint_to_quote_it() -> None:
    """`value: 21:30` (YAML 1.1: the number 1290) is refused and the message says to quote it."""
    text = NEW.replace('value: "21:30"', "value: 21:30")
    problem = only_problem(text)
    located(problem, text, "21:30\n", "figures[2].value")
    assert "quoted" in problem.message
    assert problem.found is not None and "1290" in problem.found
    assert problem.expected == 'the time in quotes: "21:30"'


def test_an_unquoted_time_that_yaml_reads_as_text_is_taken_as_written() -> None:
    """`09:05`, which YAML 1.1 reads as text (not a number), means 09:05."""
    base = load_text(NEW.replace('value: "21:30"', "value: 09:05"), filename="f.yaml")
    assert base.figures[2].value == Decimal(545)


@pytest.mark.parametrize("written", ["9:05", "7:45", "23:59"])
def test_every_unquoted_time_yaml_reads_as_a_number_is_refused(written: str) -> None:
    """9:05, 7:45 and 23:59 unquoted are sexagesimal numbers to YAML 1.1: quote them."""
    text = NEW.replace('value: "21:30"', f"value: {written}")
    problem = only_problem(text)
    located(problem, text, f"value: {written}", "figures[2].value")
    assert problem.expected == f'the time in quotes: "{written}"'



@pytest.mark.parametrize("written", ['"24:00"', '"9:05"', '"21:60"', '"7:5"'])
def test_an_impossible_or_badly_written_time_is_refused(written: str) -> None:
    """A time of day is HH:MM from 00:00 to 23:59."""
    text = NEW.replace('value: "21:30"', f"value: {written}")
    problem = only_problem(text)
    located(problem, text, written, "figures[2].value")
    assert problem.message == "not a valid time of day"


def test_times_of_day_are_minutes_since_midnight() -> None:
    """00:00 is 0 and 23:59 is 1439; the time reads back as HH:MM."""
    for written, minutes in (("00:00", 0), ("23:59", 1439), ("09:05", 545)):
        base = load_text(NEW.replace('"21:30"', f'"{written}"'), filename="f.yaml")
        assert base.figures[2].value == Decimal(minutes)
        assert format_figure(base.figures[2]) == written


def test_a_plain_number_with_unit_time_of_day_is_refused() -> None:
    """unit: time of day needs an HH:MM value, not minutes written as a number."""
    text = NEW.replace('value: "21:30"', "value: 1290")
    problem = only_problem(text)
    located(problem, text, "1290", "figures[2].value")
    assert problem.message == "a time of day is written HH:MM in quotes"


def test_a_time_with_another_unit_is_refused() -> None:
    """A quoted HH:MM value with a unit other than time of day is refused at the value."""
    text = NEW.replace("unit: time of day", "unit: hours")
    problem = only_problem(text)
    located(problem, text, '"21:30"', "figures[2].value")
    assert problem.message == "a time of day needs unit: time of day"


def test_a_range_of_times_loads() -> None:
    """value and to may both be times of day, to later than value."""
    text = NEW.replace('value: "21:30"\n', 'value: "18:00"\n    to: "21:30"\n')
    figure = load_text(text, filename="f.yaml").figures[2]
    assert (figure.value, figure.to) == (Decimal(1080), Decimal(1290))
    assert format_figure(figure) == "between 18:00 and 21:30"


@pytest.mark.parametrize("to", ["40", "30"])
def test_the_end_of_a_range_must_be_greater_than_its_start(to: str) -> None:
    """`to` equal to or below `value` is refused at `to`."""
    text = NEW.replace("to: 60", f"to: {to}")
    problem = only_problem(text)
    located(problem, text, f"to: {to}", "figures[3].to")
    assert problem.found == f"value 40, to {to}"


def test_a_time_range_that_runs_backwards_shows_the_times() -> None:
    """A backwards range of times is refused, shown as HH:MM."""
    text = NEW.replace('value: "21:30"\n', 'value: "21:30"\n    to: "06:00"\n')
    problem = only_problem(text)
    assert problem.field == "figures[2].to"
    assert problem.found == "value 21:30, to 06:00"


@pytest.mark.parametrize("qualifier", ["up to", "at least", "more than", "nearly"])
def test_a_range_takes_only_exact_or_about(qualifier: str) -> None:
    """`to` with a bounding qualifier is refused at the qualifier."""
    text = NEW.replace("    to: 60\n", f"    to: 60\n    qualifier: {qualifier}\n")
    problem = only_problem(text)
    line, _ = at(text, f"to: 60\n    qualifier: {qualifier}")
    assert (problem.line, problem.column) == (line + 1, 16)
    assert problem.field == "figures[3].qualifier"
    assert problem.expected is not None and "exact or about" in problem.expected


def test_a_range_stated_about_loads() -> None:
    """'about 40 to 60 boats' is a range with qualifier about."""
    text = NEW.replace("    to: 60\n", "    to: 60\n    qualifier: about\n")
    figure = load_text(text, filename="f.yaml").figures[3]
    assert (figure.qualifier, format_figure(figure)) == ("about", "about 40 to 60 boats")
    assert format_figure(load_text(NEW, filename="f.yaml").figures[3]) == "between 40 and 60 boats"


@pytest.mark.parametrize("to", ["60.5", "1e3", '"60"', "6_0"])
def test_to_follows_the_number_rules(to: str) -> None:
    """`to` is a plain decimal like `value`: decimals fine, separators and quotes not."""
    text = NEW.replace("to: 60", f"to: {to}")
    if to == "60.5":
        assert load_text(text, filename="f.yaml").figures[3].to_decimals == 1
        return
    located(only_problem(text), text, to, "figures[3].to")


@pytest.mark.parametrize(("measure", "value", "field"), [
    ("time the crew spent at sea", "1", "value"),  # one year spent: a span, not the year 1
    ("year the boats were built", "12", "value"),
    ("time the crew spent at sea", "1998", "unit"),  # a span's measure, whatever the value
    ("age of the oldest boat", "1950", "unit"),
])
def test_a_calendar_year_is_not_a_span(measure: str, value: str, field: str) -> None:
    """unit year is a calendar year: a span written so (value 1, "time … spent") is refused at
    its field, with unit years as the way out; a plain year loads."""
    text = NEW.replace("    measure: boats lost\n    value: 40\n    to: 60\n    unit: boats",
                       f"    measure: {measure}\n    value: {value}\n    unit: year")
    problem = only_problem(text)
    assert problem.field == f"figures[3].{field}", problem
    assert problem.expected is not None and "unit years" in problem.expected
    assert problem.line == at(text, f"{field}: {value if field == 'value' else 'year'}")[0]
    fine = NEW.replace("    measure: boats lost\n    value: 40\n    to: 60\n    unit: boats",
                       "    measure: year the boats were built\n    value: 1998\n    unit: year")
    assert load_text(fine, filename="f.yaml").figures[3].value == Decimal(1998)
    spans = text.replace("unit: year", "unit: years")
    assert load_text(spans, filename="f.yaml").figures[3].unit == "years"


def test_a_percentage_range_stays_within_0_and_100() -> None:
    """`to` of a percent figure is checked like its value."""
    text = NEW.replace("    to: 60\n    unit: boats", "    to: 160\n    unit: percent")
    problem = only_problem(text)
    assert (problem.field, problem.message) == ("figures[3].to", "a percentage outside 0..100")


def test_ask_must_be_a_question() -> None:
    """An `ask` that does not end with a question mark is refused at the field."""
    text = NEW.replace('ask: "How many deaths did the interior ministry report?"',
                       'ask: "The number of deaths"')
    problem = only_problem(text)
    located(problem, text, '"The number of deaths"', "figures[0].ask")


@pytest.mark.parametrize("written", ["no", "yes", "off", '"false"', "0"])
def test_distinctive_takes_only_true_or_false(written: str) -> None:
    """yes/no/on/off, quoted text and numbers are refused for distinctive, located."""
    text = NEW.replace("distinctive: false", f"distinctive: {written}")
    problem = only_problem(text)
    located(problem, text, f"distinctive: {written}", "quotes[1].distinctive")
    assert problem.expected is not None and "false" in problem.expected


@pytest.mark.parametrize("written", ["False", "FALSE", "false"])
def test_distinctive_false_in_any_case(written: str) -> None:
    """false, False and FALSE all mark a quote as not distinctive."""
    base = load_text(NEW.replace("distinctive: false", f"distinctive: {written}"),
                     filename="f.yaml")
    assert base.quotes[1].distinctive is False


def test_speaks_for_must_name_an_entity() -> None:
    """A dangling speaks_for is refused at the field, listing the people ids."""
    text = NEW.replace("speaks_for: red-cross", "speaks_for: red-crescent")
    problem = only_problem(text)
    located(problem, text, "red-crescent", "people[2].speaks_for")
    assert problem.expected is not None and "red-cross" in problem.expected


def test_speaks_for_itself_is_refused() -> None:
    """An entity cannot speak for itself."""
    text = NEW.replace("speaks_for: red-cross", "speaks_for: spokeswoman")
    problem = only_problem(text)
    located(problem, text, "speaks_for: spokeswoman", "people[2].speaks_for")
    assert problem.message == "an entity cannot speak for itself"


def test_speaks_for_cycles_are_refused_once() -> None:
    """Two entities speaking for each other are reported once, with the circle shown."""
    text = NEW.replace("    role: aid organisation\n",
                       "    role: aid organisation\n    speaks_for: spokeswoman\n")
    problem = only_problem(text)
    assert problem.message == "speaks_for links go round in a circle"
    assert problem.found == "red-cross → spokeswoman → red-cross"


def test_a_longer_speaks_for_circle_is_found() -> None:
    """A circle through three entities is refused."""
    text = NEW.replace("    role: aid organisation\n",
                       "    role: aid organisation\n    speaks_for: ministry\n").replace(
        "    role: Valdoria's interior ministry\n",
        "    role: Valdoria's interior ministry\n    speaks_for: spokeswoman\n")
    problem = only_problem(text)
    assert problem.found == "ministry → spokeswoman → red-cross → ministry"


def test_speaker_equivalents_follow_speaks_for_both_ways() -> None:
    """A spokeswoman and her organisation are the same speaker; two spokesmen are not."""
    text = NEW.replace("people:\n", "people:\n  - id: spokesman\n    name: a Red Cross spokesman"
                       "\n    role: spokesman\n    speaks_for: red-cross\n    excerpt: A Red"
                       " Cross spokeswoman said\n")
    base = load_text(text, filename="f.yaml")
    assert base.speaker_equivalents("spokeswoman") == {"spokeswoman", "red-cross"}
    assert base.speaker_equivalents("red-cross") == {"spokeswoman", "spokesman", "red-cross"}
    assert base.speaker_equivalents("ministry") == {"ministry"}
    assert base.speaks_for_chain("spokesman") == ("spokesman", "red-cross")


@pytest.mark.parametrize(("old", "new", "field"), [
    ("    place: marsh-end\n    excerpt: \"“We", "    place: harbour\n    excerpt: \"“We",
     "quotes[0].place"),
    ("    place: marsh-end\n    excerpt: Floods", "    place: flood\n    excerpt: Floods",
     "events[0].place"),
    ("figure: ministry-toll", "figure: ministry", "claims[0].figure"),
    ("claimants: [ministry]", "claimants: [marsh-end]", "claims[0].claimants[0]"),
])
def test_new_references_are_checked(old: str, new: str, field: str) -> None:
    """place, a claim's figure and claimants must name a fact of the right section."""
    text = NEW.replace(old, new)
    problem = only_problem(text)
    assert (problem.field, problem.message) == (field, "reference to an unknown id")


def test_a_reference_to_a_fact_of_the_wrong_kind_says_what_it_is() -> None:
    """A place given where a person is wanted says it is a place."""
    problem = only_problem(NEW.replace("claimants: [ministry]", "claimants: [marsh-end]"))
    assert problem.found == "'marsh-end', which is a place"


def test_claimants_may_not_be_empty_or_missing() -> None:
    """A claim needs at least one claimant and its text."""
    problem = only_problem(NEW.replace("claimants: [ministry]", "claimants: []"))
    assert problem.field == "claims[0].claimants"
    problem = only_problem(NEW.replace("    text: 52 people had died\n", ""))
    assert (problem.field, problem.message) == ("claims[0].text", "missing required field")


def test_a_claim_figure_must_be_given_by_its_claimants() -> None:
    """A claim by the ministry cannot carry the Red Cross's figure."""
    text = NEW.replace("figure: ministry-toll", "figure: red-cross-toll")
    problem = only_problem(text)
    located(problem, text, "red-cross-toll\n    tags", "claims[0].figure")
    assert problem.message == "the claim's figure is given by someone else"


def test_a_claim_by_a_spokeswoman_may_carry_her_organisations_figure() -> None:
    """speaks_for makes the organisation's figure the spokeswoman's claim too."""
    text = NEW.replace("figure: ministry-toll", "figure: red-cross-toll").replace(
        "claimants: [ministry]", "claimants: [spokeswoman]")
    assert load_text(text, filename="f.yaml").claims[0].figure == "red-cross-toll"


@pytest.mark.parametrize(("section", "field", "entry"), [
    ("terms", "term", "  - id: seiche-2\n    term: Seiche\n    meaning: a wave\n"),
    ("places", "name", "  - id: marsh-end-2\n    name: marsh  end\n    description: a town\n"),
])
def test_a_term_or_place_is_given_once(section: str, field: str, entry: str) -> None:
    """Two terms with one term (or two places with one name) would make "What is X?" ambiguous."""
    marker = {"terms": "claims:\n", "places": "terms:\n"}[section]
    text = NEW.replace(marker, entry + marker)
    problem = only_problem(text)
    assert (problem.field, problem.message) == (f"{section}[1].{field}",
                                                f"the same {field} is given twice")


@pytest.mark.parametrize("section", ["places", "terms", "claims"])
def test_ids_are_unique_across_all_sections(section: str) -> None:
    """A place, term or claim may not reuse a person's id."""
    first = {"places": "marsh-end", "terms": "seiche", "claims": "ministry-claim"}[section]
    text = NEW.replace(f"  - id: {first}\n", "  - id: ministry\n")
    found = problems_of(text)
    assert any(p.message == "duplicate id" and p.field == f"{section}[0].id" for p in found)


@pytest.mark.parametrize(("section", "field"), [
    ("places", "name"), ("places", "description"), ("terms", "term"), ("terms", "meaning"),
])
def test_required_fields_of_places_and_terms(section: str, field: str) -> None:
    """name/description of a place and term/meaning of a term are required, located."""
    lines = [line for line in NEW.splitlines(keepends=True)
             if not line.startswith(f"    {field}: ")
             or (section == "places" and field == "name" and "Marsh" not in line)]
    text = "".join(lines)
    found = [p for p in problems_of(text) if p.field == f"{section}[0].{field}"]
    assert found and found[0].message == "missing required field"


@pytest.mark.parametrize("section", ["places", "terms", "claims"])
def test_unknown_keys_in_new_sections_are_refused(section: str) -> None:
    """A misspelt key in a place, term or claim is refused with a suggestion."""
    first = {"places": "marsh-end", "terms": "seiche", "claims": "ministry-claim"}[section]
    text = NEW.replace(f"  - id: {first}\n", f"  - id: {first}\n    alias: [x]\n")
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.field) == (*at(text, "alias: [x]"),
                                                             f"{section}[0].alias")
    assert problem.message == "unknown key"


def test_a_new_section_must_be_a_list() -> None:
    """places: written as a mapping is refused at the section."""
    text = NEW.split("places:")[0] + "places:\n  id: marsh-end\n"
    problem = only_problem(text)
    assert problem.field == "places" and "list" in problem.message


def test_provenance_checks_places_terms_and_claims() -> None:
    """An excerpt of a place, term or claim missing from the article is reported there."""
    base = load_text(NEW, filename="f.yaml")
    assert check_provenance(base, source_text=ARTICLE) == []
    text = NEW.replace("excerpt: the town of Marsh End", "excerpt: the city of Marsh End")
    text = text.replace("excerpt: The seiche, a standing", "excerpt: The seiche, a rolling")
    text = text.replace("said that 52 people had died\n", "said 52 people had died\n")
    found = check_provenance(load_text(text, filename="f.yaml"), source_text=ARTICLE)
    assert [p.field for p in found] == ["places[0].excerpt", "terms[0].excerpt",
                                        "claims[0].excerpt"]


def _schema_errors(text: str) -> list[Any]:
    validator = jsonschema.Draft202012Validator(factbase_json_schema())
    return list(validator.iter_errors(yaml.safe_load(text)))


def test_the_sample_passes_the_json_schema() -> None:
    """Every new field of the sample is valid under the JSON Schema."""
    assert _schema_errors(NEW) == []


@pytest.mark.parametrize(("old", "new"), [
    ('value: "21:30"', "value: 1290"),  # a number for a time of day
    ("value: 40\n", 'value: "14:00"\n'),  # a time for another unit
    ("to: 60", "to: 60\n    qualifier: up to"),  # a range with a bounding qualifier
    ("distinctive: false", 'distinctive: "no"'),
    ("qualifier: up to", "qualifier: roughly"),
    ("speaks_for: red-cross", "speaks_for: Red Cross"),
    ("    description: a town in Valdoria\n", ""),
    ("    meaning: a standing wave in an enclosed body of water\n", ""),
    ("claimants: [ministry]", "claimants: []"),
    ('ask: "How many deaths did the interior ministry report?"', 'ask: "The toll"'),
    ("    text: 52 people had died\n", "    text: 52 people had died\n    said: yes\n"),
    ("    to: 60\n    unit: boats", "    to: 60\n    unit: year"),  # years 40-60: spans
])
def test_the_schema_refuses_bad_new_fields(old: str, new: str) -> None:
    """Editors flag wrong values of the new fields as the loader does."""
    text = NEW.replace(old, new)
    assert text != NEW
    assert _schema_errors(text)


def test_the_schema_describes_the_new_sections() -> None:
    """places, terms and claims are lists of closed objects with described fields."""
    schema = factbase_json_schema()
    for section, name in (("places", "place"), ("terms", "term"), ("claims", "claim")):
        assert schema["properties"][section]["items"] == {"$ref": f"#/$defs/{name}"}
        definition = schema["$defs"][name]
        assert definition["additionalProperties"] is False
        assert all(spec["description"] for spec in definition["properties"].values())
    assert schema["$defs"]["quote"]["properties"]["distinctive"]["default"] is True


LINKED = """\
id: linked
source: {title: T, about: A}
people:
  - {id: a, name: Ann Ray, role: r, excerpt: e}
  - {id: b, name: the Ray office, role: r, excerpt: e, same_as: [a]}
quotes:
  - {id: q, text: we won it all, speakers: [b], excerpt: e}
places:
  - {id: aceh, name: Aceh, description: a province}
  - {id: pidie, name: Pidie Jaya, description: a district, within: [aceh]}
  - {id: matrix, name: Other name, description: d, same_as: [pidie]}
terms:
  - {id: pleiades, term: the Pleiades, meaning: a cluster of stars}
  - {id: matariki, term: Matariki, meaning: the Maori New Year, same_as: [pleiades]}
claims:
  - {id: c1, claimants: [a], text: the opposition won}
  - {id: c2, claimants: [b], text: the vote was stolen, agrees_with: [c1, q]}
"""


def test_links_load_into_the_model() -> None:
    """within, same_as (people, places, terms) and agrees_with (claims or quotes) load as id
    tuples."""
    base = load_text(LINKED, filename="f.yaml")
    assert isinstance(pidie := base.by_id["pidie"], Place) and pidie.within == ("aceh",)
    assert base.entity("b").same_as == ("a",)
    assert isinstance(place := base.by_id["matrix"], Place) and place.same_as == ("pidie",)
    assert isinstance(term := base.by_id["matariki"], Term) and term.same_as == ("pleiades",)
    assert isinstance(claim := base.by_id["c2"], ReportedClaim)
    assert claim.agrees_with == ("c1", "q")


def test_links_pass_the_json_schema() -> None:
    """The sample's within, same_as and agrees_with are valid under the JSON Schema, as the
    loader reads them."""
    assert _schema_errors(LINKED) == []


@pytest.mark.parametrize(("old", "new"), [
    ("within: [aceh]", "within: aceh"),  # one id, not a list
    ("within: [aceh]", "within: [Aceh Province]"),  # a name, not an id
    ("same_as: [pleiades]", "same_as: [pleiades, pleiades]"),
    ("agrees_with: [c1, q]", "agrees_with: c1"),
])  # fmt: skip
def test_the_schema_refuses_badly_written_links(old: str, new: str) -> None:
    """Editors flag a link written as one id, as a name or twice, as the loader refuses it."""
    text = LINKED.replace(old, new)
    assert text != LINKED
    assert _schema_errors(text)
    with pytest.raises(QuizgenError):
        load_text(text, filename="f.yaml")


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("within: [aceh]", "within: [nowhere]", "places[1].within[0]", "reference to an unknown id"),
    ("within: [aceh]", "within: [pidie]", "places[1].within[0]", "names the fact itself"),
    ("same_as: [pleiades]", "same_as: [aceh]", "terms[1].same_as[0]", "unknown id"),
    ("same_as: [a]", "same_as: [b]", "people[1].same_as[0]", "names the fact itself"),
    ("agrees_with: [c1, q]", "agrees_with: [c1, pidie]", "claims[1].agrees_with[1]",
     "unknown id"),
    ("agrees_with: [c1, q]", "agrees_with: [c2]", "claims[1].agrees_with[0]", "itself"),
])  # fmt: skip
def test_bad_links_are_located_errors(old: str, new: str, field: str, message: str) -> None:
    """An unknown id, a link to the fact itself: one error at the field's line and column."""
    assert old in LINKED
    problem = only_problem(LINKED.replace(old, new))
    assert problem.field == field and message in problem.message, problem
    line = next(i for i, text in enumerate(LINKED.replace(old, new).splitlines(), 1)
                if new in text)  # fmt: skip
    assert problem.line == line and problem.column is not None


def test_places_within_each_other_in_a_circle_are_refused() -> None:
    """Aceh within Pidie Jaya within Aceh: one error naming the circle."""
    text = LINKED.replace("description: a province}", "description: a province, within: [pidie]}")
    problem = only_problem(text)
    assert "circle" in problem.message and problem.found is not None
    assert "aceh" in problem.found and "pidie" in problem.found
