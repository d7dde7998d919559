"""Tests of loading fact-base YAML: values, defaults, spans, and every structural problem."""

from __future__ import annotations

import gc
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_yaml import dump, valid_documents

import quizgen.factbase.yamlsafe as yamlsafe
from quizgen.errors import Problem, QuizgenError
from quizgen.factbase import loader
from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import Entity, Event, Figure, PartialDate, Quote

VALID = """\
id: sample-article
source:
  title: "OAS Secretary General recommends his arrest"
  about: Reactions to a disputed election.
  text_file: sources/sample.txt
  published: "2024-08"
people:
  - id: maduro
    name: Nicolás Maduro
    role: President of Venezuela
    aliases: [Maduro]
    tags: [election]
    excerpt: "Venezuelan President Nicolás Maduro"
  - id: cne
    name: National Electoral Council
    kind: organisation
    role: the electoral commission
    excerpt: The electoral commission declared him the winner
quotes:
  - id: maduro-coward
    text: "Mr. González Urrutia, show your face"
    speakers: [maduro]
    context: at a press conference
    key_phrase: show your face
    excerpt: "saying, “Mr. González Urrutia, show your face"
figures:
  - id: cne-maduro-share
    measure: share of the vote
    subject: maduro
    value: 51.2
    unit: percent
    qualifier: about
    given_by: [cne]
    group: cne-count
    excerpt: securing 51.2% of the vote
  - id: arrests
    measure: arrests
    value: 1000
    unit: arrests
    qualifier: over
    given_by: [cne]
    excerpt: over 1,000 arrests
events:
  - id: election
    description: the presidential election
    date: 2024-07-28
    excerpt: the recent election results
  - id: protests
    description: protests began
    date: "2024-07"
    after: [election]
    people: [maduro]
    excerpt: opposition protests were met with violent repression
"""


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of needle in text."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def problems_of(text: str, *, filename: str = "f.yaml") -> tuple[Problem, ...]:
    """The problems load_text reports for text (fails the test if it loads)."""
    with pytest.raises(QuizgenError) as caught:
        load_text(text, filename=filename)
    return caught.value.problems


def only_problem(text: str) -> Problem:
    """The single problem load_text reports for text."""
    found = problems_of(text)
    assert len(found) == 1, found
    return found[0]


def test_valid_document_loads_with_values_parsed_from_the_text() -> None:
    """A complete document loads; numbers keep their written precision and dates their precision."""
    base = load_text(VALID, filename="content/sample.yaml")
    assert base.id == "sample-article"
    assert base.path == "content/sample.yaml"
    assert [e.id for e in base.entities] == ["maduro", "cne"]
    share, arrests = base.figures
    assert share.value == Decimal("51.2") and share.decimals == 1
    assert arrests.value == Decimal("1000") and arrests.decimals == 0
    assert (share.qualifier, arrests.qualifier) == ("about", "more than")
    assert share.subject == "maduro" and share.given_by == ("cne",)
    assert base.events[0].date == PartialDate(2024, 7, 28)
    assert base.events[1].date == PartialDate(2024, 7)
    assert base.events[1].after == ("election",)
    assert base.quotes[0].key_phrase == "show your face"
    assert base.source.text_file == "sources/sample.txt"
    assert base.source.published == "2024-08"


def test_defaults_for_kind_qualifier_and_optional_lists() -> None:
    """Omitted kind is person, qualifier exact, lists empty, context empty, subject None."""
    base = load_text(VALID, filename="f.yaml")
    maduro = base.entity("maduro")
    assert maduro.kind == "person" and base.entity("cne").kind == "organisation"
    assert base.entities[1].aliases == () and base.entities[1].tags == ()
    assert base.figures[1].subject is None and base.figures[1].group is None
    text = VALID.replace("    qualifier: about\n", "")
    assert load_text(text, filename="f.yaml").figures[0].qualifier == "exact"
    assert base.events[0].after == () and base.events[0].people == ()


def test_id_defaults_to_file_name_then_factbase_id_argument() -> None:
    """Without `id:` the id is factbase_id when given, else the file name without .yaml."""
    text = VALID.replace("id: sample-article\n", "", 1)
    assert load_text(text, filename="some/dir/my-topic.yaml").id == "my-topic"
    assert load_text(text, filename="x.yml").id == "x"
    assert load_text(text, filename="x.yaml", factbase_id="chosen").id == "chosen"
    assert load_text(VALID, filename="x.yaml", factbase_id="chosen").id == "sample-article"


def test_spans_point_at_each_fact_mapping() -> None:
    """Each fact's span is the file, line and column where its mapping starts."""
    base = load_text(VALID, filename="f.yaml")
    lines = VALID.splitlines()
    facts: list[Entity | Quote | Figure | Event] = [
        *base.entities, *base.quotes, *base.figures, *base.events]
    for fact in facts:
        assert fact.span is not None and fact.span.file == "f.yaml"
        assert lines[fact.span.line - 1][fact.span.column - 1:].startswith(f"id: {fact.id}")
    assert base.source.span is not None and base.source.span.line == 3


def test_load_factbase_reads_a_file_and_keeps_its_path(tmp_path: Path) -> None:
    """load_factbase reads UTF-8 from disk and records the path as given."""
    path = tmp_path / "article.yaml"
    path.write_text(VALID.replace("id: sample-article\n", "", 1), encoding="utf-8")
    base = load_factbase(path)
    assert base.id == "article" and base.path == str(path)
    assert base.entities[0].name == "Nicolás Maduro"


def test_bytes_and_str_give_the_same_fact_base() -> None:
    """load_text accepts UTF-8 bytes as well as str, with the same result."""
    assert load_text(VALID.encode(), filename="f.yaml") == load_text(VALID, filename="f.yaml")


def test_text_values_are_stripped_and_block_scalars_work() -> None:
    """Leading/trailing whitespace is dropped; folded and literal block scalars are text."""
    text = VALID.replace(
        '    text: "Mr. González Urrutia, show your face"',
        "    text: >\n      Mr. González Urrutia,\n      show your face\n",
    )
    quote = load_text(text, filename="f.yaml").quotes[0]
    assert quote.text == "Mr. González Urrutia, show your face"


def test_all_problems_in_a_file_are_reported_at_once() -> None:
    """Several independent mistakes give one problem each, sorted by line."""
    text = (VALID.replace("    role: President of Venezuela", "    role: NO")
            .replace("value: 51.2", "value: 1:30")
            .replace("    context: at a press conference", "    contxt: at a press conference")
            .replace("    date: 2024-07-28", "    date: 2024-13"))
    found = problems_of(text)
    assert [p.field for p in found] == [
        "people[0].role", "quotes[0].contxt", "figures[0].value", "events[0].date"]
    assert [p.line for p in found] == sorted(p.line or 0 for p in found)
    assert all(p.file == "f.yaml" and p.column for p in found)


def test_unknown_key_suggests_the_closest_known_one() -> None:
    """An unknown key is named, located, and the nearest valid key is suggested."""
    text = VALID.replace("    speakers: [maduro]", "    speaker: [maduro]\n    speakers: [maduro]")
    problem = only_problem(text)
    assert problem.field == "quotes[0].speaker"
    assert (problem.line, problem.column) == at(text, "speaker:")
    assert problem.expected is not None and "did you mean 'speakers'" in problem.expected


def test_unknown_top_level_key() -> None:
    """A misspelt section name is an unknown key at the top level."""
    problem = only_problem(VALID + "event:\n  - id: x\n")
    assert problem.message == "unknown key" and problem.found == "'event'"
    assert problem.expected is not None and "events" in problem.expected


def test_duplicate_key_names_the_first_occurrence() -> None:
    """A repeated key is refused, pointing at the repeat and naming the first line."""
    text = VALID.replace("    name: Nicolás Maduro", "    name: Nicolás Maduro\n    name: Maduro")
    problem = only_problem(text)
    assert problem.message == "duplicate key"
    assert (problem.line, problem.column) == at(text, "name: Maduro")
    assert problem.found == f"'name' again (first at line {at(text, 'name: Nic')[0]})"


def test_missing_required_fields_each_reported() -> None:
    """Each missing required field is reported at the mapping that lacks it."""
    text = VALID.replace('    excerpt: "Venezuelan President Nicolás Maduro"\n', "").replace(
        "    unit: arrests\n", "")
    found = problems_of(text)
    assert {(p.field, p.message) for p in found} == {
        ("people[0].excerpt", "missing required field"),
        ("figures[1].unit", "missing required field"),
    }
    assert {p.line for p in found} == {at(text, "id: maduro")[0], at(text, "id: arrests")[0]}


def test_missing_source_is_reported() -> None:
    """A file without `source:` is refused."""
    problem = only_problem("people: []\n")
    assert problem.field == "source" and problem.message == "missing required field"


@pytest.mark.parametrize(
    ("replacement", "found_part"),
    [
        ("role: [President]", "a list"),
        ("role: {a: b}", "a mapping"),
        ("role:", "an empty value"),
        ("role: ''", "nothing"),
        ("role: yes", "yes, which YAML 1.1 reads as a boolean (true)"),
        ("role: off", "a boolean (false)"),
        ("role: ~", "null"),
        ("role: 12", "12, which YAML 1.1 reads as a number (12)"),
        ("role: 2024-07-28", "reads as a date (2024-07-28)"),
        ("role: !!int 12", "!!int 12"),
    ],
)
def test_text_field_refuses_non_text(replacement: str, found_part: str) -> None:
    """A text field holding a list, mapping, nothing, or a retyped plain scalar is refused."""
    problem = only_problem(VALID.replace("role: President of Venezuela", replacement))
    assert problem.field == "people[0].role"
    line, column = at(VALID, "President of Venezuela")
    assert problem.line == line
    assert problem.column == (column - 1 if replacement == "role:" else column)
    assert problem.found is not None and found_part in problem.found


def test_retyped_text_hint_says_to_quote() -> None:
    """The hint for a retyped scalar shows the quoted form."""
    problem = only_problem(VALID.replace("aliases: [Maduro]", "aliases: [Maduro, NO]"))
    assert problem.field == "people[0].aliases[1]"
    assert problem.expected == 'text: quote it, e.g. "NO"'


def test_quoted_or_tagged_text_that_looks_like_other_types_is_fine() -> None:
    """Quoted NO, !!str 12 and '2024-07-28' are text."""
    text = VALID.replace("aliases: [Maduro]", "aliases: [Maduro, \"NO\", !!str 12, '2024-07-28']")
    assert load_text(text, filename="f.yaml").entities[0].aliases == (
        "Maduro", "NO", "12", "2024-07-28")


@pytest.mark.parametrize(
    ("written", "expected"),
    [("12", "12"), ("51.2", "51.2"), ("-3", "-3"), ("1000000", "1000000"), ("0", "0"),
     ("0.50", "0.50"), ("100.0", "100.0"), ("!!int 7", "7")],
)
def test_plain_decimals_are_accepted_with_their_precision(written: str, expected: str) -> None:
    """Plain decimal numbers become Decimals equal to what was written, trailing zeros kept."""
    value = load_text(VALID.replace("value: 1000", f"value: {written}"),
                      filename="f.yaml").figures[1].value
    assert str(value) == expected


@pytest.mark.parametrize(
    ("written", "found_part"),
    [("1:30", "(90)"), ("0123", "(83)"), ("1_000", "(1000)"), (".5", "(0.5)"),
     ("1e5", "the text '1e5'"), ("1,000", "the text '1,000'"), ("+5", "(5)"), ("0x1F", "(31)"),
     (".inf", "(inf)"), ("twelve", "the text 'twelve'"), ('"51.2"', "the text '51.2'"),
     ("[51.2]", "a list"), ("", "an empty value"), ("12.", "(12.0)")],
)
def test_numbers_that_are_not_plain_decimals_are_refused(written: str, found_part: str) -> None:
    """Sexagesimal, octal, underscored, exponent, signed, quoted and other forms are refused."""
    problem = only_problem(VALID.replace("value: 51.2", f"value: {written}"))
    assert problem.field == "figures[0].value"
    line, column = at(VALID, "51.2\n")
    assert problem.line == line and problem.column == (column - 1 if not written else column)
    assert problem.found is not None and found_part in problem.found


@pytest.mark.parametrize(
    ("written", "expected"),
    [("2024", PartialDate(2024)), ('"2024"', PartialDate(2024)),
     ("2024-02", PartialDate(2024, 2)), ("2024-02-29", PartialDate(2024, 2, 29)),
     ("'2024-07-31'", PartialDate(2024, 7, 31)), ("0001-01-01", PartialDate(1, 1, 1))],
)
def test_dates_quoted_or_plain_at_any_precision(written: str, expected: PartialDate) -> None:
    """YYYY, YYYY-MM and YYYY-MM-DD load, quoted or not."""
    base = load_text(VALID.replace("date: 2024-07-28", f"date: {written}"), filename="f.yaml")
    assert base.events[0].date == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [("2023-02-29", "not a calendar date"), ("2024-13", "not a calendar date"),
     ("2024-00", "not a calendar date"), ("0000", "not a calendar date"),
     ("2024-7-28", "not a date"), ("24-07-28", "not a date"), ("July 2024", "not a date"),
     ("2024-07-28 10:00:00", "not a date"), ("20240", "not a date"), ("[2024]", "not a date")],
)
def test_invalid_dates_are_refused(written: str, message: str) -> None:
    """Dates in other shapes, or naming days that do not exist, are refused at their line."""
    problem = only_problem(VALID.replace("date: 2024-07-28", f"date: {written}"))
    assert problem.message == message
    assert problem.field == "events[0].date"
    assert (problem.line, problem.column) == at(VALID, "2024-07-28\n")


def test_choice_fields_list_the_allowed_values() -> None:
    """kind and qualifier accept only their listed values."""
    problem = only_problem(VALID.replace("kind: organisation", "kind: organization"))
    assert problem.field == "people[1].kind"
    assert problem.expected == ("one of: person, organisation, country, group"
                                " (did you mean 'organisation'?)")
    problem = only_problem(VALID.replace("qualifier: about", "qualifier: approx"))
    assert problem.expected == ("one of: exact, about, nearly, at least, at most, up to,"
                                " more than, fewer than, over, under")


@pytest.mark.parametrize(
    ("old", "new", "field", "found"),
    [("speakers: [maduro]", "speakers: maduro", "quotes[0].speakers", "the text 'maduro'"),
     ("tags: [election]", "tags: election", "people[0].tags", "the text 'election'"),
     ("after: [election]", "after:", "events[1].after", "an empty value"),
     ("given_by: [cne]\n    group", "given_by: {cne: 1}\n    group", "figures[0].given_by",
      "a mapping")],
)
def test_list_fields_refuse_other_shapes(old: str, new: str, field: str, found: str) -> None:
    """A list field given text, nothing or a mapping is refused with an example."""
    problem = only_problem(VALID.replace(old, new, 1))
    assert problem.field == field and problem.found == found
    assert problem.expected is not None and "e.g. [" in problem.expected


def test_section_that_is_not_a_list_and_item_that_is_not_a_mapping() -> None:
    """`quotes:` must be a list, and each of its items a mapping."""
    head, rest = VALID.split("quotes:\n", 1)
    problem = only_problem(head + "quotes: {}\nfigures:\n" + rest.split("figures:\n", 1)[1])
    assert problem.field == "quotes" and problem.found == "a mapping"
    problem = only_problem(VALID.replace("people:\n", "people:\n  - just a name\n"))
    assert problem.field == "people[0]" and problem.found == "the text 'just a name'"


def test_a_mapping_used_as_a_key_is_refused() -> None:
    """A complex key is refused as a key, without a crash."""
    problem = only_problem(VALID + "? [a, b]\n: c\n")
    assert problem.message == "a key must be a plain name" and problem.found == "a list"


@pytest.mark.parametrize(
    ("text", "found"),
    [("", "an empty file"), ("\n\n   \n", "an empty file"), ("# only\n# comments\n",
                                                               "only comments"),
     ("\ufeff", "an empty file")],
)
def test_files_without_a_document(text: str, found: str) -> None:
    """Empty files and comment-only files are refused with a clear message at line 1."""
    problem = only_problem(text)
    assert problem.message == "the file holds no fact base" and problem.found == found
    assert problem.line == 1


@pytest.mark.parametrize(("text", "found"), [("- a\n- b\n", "a list"),
                                             ("just text\n", "the text 'just text'"),
                                             ("---\n", "an empty value"), ("12\n", "12, which")])
def test_top_level_must_be_a_mapping(text: str, found: str) -> None:
    """A list, a scalar or an empty document at the top level is refused."""
    problem = only_problem(text)
    assert problem.message == "the top level must be a mapping of keys"
    assert problem.found is not None and problem.found.startswith(found)


def test_missing_file_and_folder_are_clear_errors(tmp_path: Path) -> None:
    """A path that does not exist, or is a folder, gives a QuizgenError naming it."""
    with pytest.raises(QuizgenError, match="no such file") as caught:
        load_factbase(tmp_path / "absent.yaml")
    assert caught.value.problems[0].file == str(tmp_path / "absent.yaml")
    with pytest.raises(QuizgenError, match="cannot read a folder"):
        load_factbase(tmp_path)


def test_top_level_id_must_be_a_slug() -> None:
    """An `id:` with spaces or capitals is refused."""
    problem = only_problem(VALID.replace("id: sample-article", "id: Sample Article"))
    assert problem.field == "id" and problem.message == "not a valid id"


def test_validation_runs_after_a_clean_parse_with_field_locations() -> None:
    """Semantic problems (here a dangling speaker) are located at the exact list item."""
    text = VALID.replace("speakers: [maduro]", "speakers: [maduro, almagro]")
    problem = only_problem(text)
    assert problem.field == "quotes[0].speakers[1]"
    assert (problem.line, problem.column) == at(text, "almagro]")


def test_a_valid_base_is_read_without_keeping_where_each_field_was(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading a valid base records no field locations; an invalid one is read again to locate."""
    walkers: list[loader._Walker] = []

    class Spied(loader._Walker):
        def __init__(self, filename: str, *, locate: bool = True) -> None:
            super().__init__(filename, locate=locate)
            walkers.append(self)

    monkeypatch.setattr(loader, "_Walker", Spied)
    load_text(VALID, filename="sample-article.yaml")
    assert len(walkers) == 1 and walkers[0].locations == {}
    with pytest.raises(QuizgenError):
        load_text(VALID.replace("speakers: [maduro]", "speakers: [almagro]"),
                  filename="sample-article.yaml")
    assert len(walkers) == 3 and walkers[1].locations == {} and walkers[2].locations


def test_loading_pauses_the_collector_and_turns_it_back_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The cycle collector is off while a base is composed and checked, and on again after."""
    seen: list[bool] = []
    compose, validate = loader.compose, loader.validate_factbase

    def spied_compose(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return compose(*args, **kwargs)

    def spied_validate(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return validate(*args, **kwargs)

    monkeypatch.setattr(loader, "compose", spied_compose)
    monkeypatch.setattr(loader, "validate_factbase", spied_validate)
    assert gc.isenabled()
    load_text(VALID, filename="sample-article.yaml")
    assert seen == [False, False] and gc.isenabled()


def test_pure_python_and_c_parsers_compose_the_same_nodes() -> None:
    """The fallback parser yields exactly the nodes the C parser does."""
    if yamlsafe._CParser is None:
        pytest.skip("libyaml is not available")
    text = VALID + "extra: &a {k: [1, 'two', NO, ~, 2024-07-28]}\nagain: *a\n"
    assert yamlsafe.compose(text, filename="f") == yamlsafe.compose(text, filename="f",
                                                                     pure=True)


@settings(max_examples=60, deadline=None)
@given(valid_documents(), st.sampled_from([False, None, True]))
def test_any_valid_document_loads_with_its_values(doc: dict, flow: bool | None) -> None:  # type: ignore[type-arg]  # any YAML mapping the strategy draws
    """Random valid documents, in block or flow style, load with the values they hold."""
    base = load_text(dump(doc, flow=flow), filename="random.yaml")
    assert [e.id for e in base.entities] == [p["id"] for p in doc["people"]]
    assert [e.name for e in base.entities] == [p["name"].strip() for p in doc["people"]]
    assert [q.speakers for q in base.quotes] == [tuple(q["speakers"]) for q in doc["quotes"]]
    assert [f.value for f in base.figures] == [_as_number(f["value"]) for f in doc["figures"]]
    assert [f.to for f in base.figures] == [
        None if "to" not in f else _as_number(f["to"]) for f in doc["figures"]]
    assert [str(e.date) for e in base.events] == [e["date"] for e in doc["events"]]
    assert [p.id for p in base.places] == [p["id"] for p in doc["places"]]
    assert [t.meaning for t in base.terms] == [t["meaning"].strip() for t in doc["terms"]]
    assert [c.claimants for c in base.claims] == [tuple(c["claimants"]) for c in doc["claims"]]
    assert [e.speaks_for for e in base.entities] == [p.get("speaks_for") for p in doc["people"]]


def _as_number(value: object) -> Decimal:
    """A figure's value as the model holds it: a decimal, or minutes since midnight."""
    if isinstance(value, str):
        hours, minutes = value.split(":")
        return Decimal(int(hours) * 60 + int(minutes))
    return Decimal(str(value))
