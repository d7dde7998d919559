"""Tests of provenance: excerpts and quote texts must occur verbatim in the source text."""

from __future__ import annotations

from pathlib import Path

from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import Entity, FactBase, Source
from quizgen.factbase.provenance import check_provenance, collapse

ARTICLE = (
    "On Wednesday, Luis Almagro, the Secretary General of the Organization of American\n"
    "States (OAS), announced a request. He stated, “The president promised a bloodbath\n"
    "and is carrying it out.” The electoral commission declared him the winner — with\n"
    "51.2% of the vote.\n"
)

DOC = """\
source:
  title: t
  about: a
  text_file: article.txt
people:
  - id: almagro
    name: Luis Almagro
    role: Secretary General of the OAS
    excerpt: Luis Almagro, the Secretary General of the Organization of American States (OAS)
quotes:
  - id: bloodbath
    text: The president promised a bloodbath and is carrying it out.
    speakers: [almagro]
    excerpt: "He stated, “The president promised a bloodbath and is carrying it out.”"
figures:
  - id: share
    measure: share of the vote
    value: 51.2
    unit: percent
    given_by: [almagro]
    excerpt: "declared him the winner — with 51.2% of the vote"
"""


def loaded(doc: str = DOC) -> FactBase:
    """DOC loaded under a fake path in the current folder."""
    return load_text(doc, filename="article.yaml")


def test_every_excerpt_and_quote_found_gives_no_problem() -> None:
    """A base drawn verbatim from the article passes, across line breaks in the source."""
    assert check_provenance(loaded(), source_text=ARTICLE) == []


def test_whitespace_runs_count_as_one_space() -> None:
    """Line breaks, tabs and doubled spaces in excerpt or source do not matter."""
    doc = DOC.replace(
        "excerpt: Luis Almagro, the Secretary General of the Organization of American States (OAS)",
        'excerpt: "Luis  Almagro,\\tthe\\nSecretary General of the Organization of American'
        ' States (OAS)"')
    source = ARTICLE.replace("Luis Almagro, the", "Luis Almagro,\n\n   the")
    assert check_provenance(loaded(doc), source_text=source) == []
    assert collapse("  a \t\n b  ") == "a b"


def test_straight_quotes_do_not_match_curly_ones() -> None:
    """Quotes are not normalised: a straight quote where the article has “ is a problem."""
    doc = DOC.replace("He stated, “The", 'He stated, \\"The')
    (problem,) = check_provenance(loaded(doc), source_text=ARTICLE)
    assert problem.field == "quotes[0].excerpt"
    assert problem.message == "not found verbatim in the source text"
    assert problem.expected is not None
    assert "after 'He stated, ' the article has '“The president" in problem.expected


def test_dashes_are_not_normalised() -> None:
    """A hyphen where the article has an em dash is a problem."""
    doc = DOC.replace("winner — with", "winner - with")
    (problem,) = check_provenance(loaded(doc), source_text=ARTICLE)
    assert problem.field == "figures[0].excerpt"


def test_quote_text_is_checked_as_well_as_its_excerpt() -> None:
    """A quote whose excerpt is fine but whose text was reworded is reported on `text`."""
    doc = DOC.replace("text: The president promised a bloodbath",
                      "text: The President promised a bloodbath")
    (problem,) = check_provenance(loaded(doc), source_text=ARTICLE)
    assert problem.field == "quotes[0].text"


def test_problems_point_at_the_fact_line() -> None:
    """A missing excerpt is reported at the file and line where its fact starts."""
    doc = DOC.replace("General of the Organization", "General of the Organisation")
    (problem,) = check_provenance(loaded(doc), source_text=ARTICLE)
    assert (problem.file, problem.line, problem.column) == ("article.yaml", 6, 5)
    assert problem.field == "people[0].excerpt"


def test_reads_the_text_file_relative_to_the_fact_base(tmp_path: Path) -> None:
    """Without source_text the article is read from text_file beside the YAML file."""
    (tmp_path / "content" / "sources").mkdir(parents=True)
    (tmp_path / "content" / "sources" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "content" / "a.yaml"
    path.write_text(DOC.replace("text_file: article.txt", "text_file: sources/a.txt"),
                    encoding="utf-8")
    assert check_provenance(load_factbase(path)) == []
    (tmp_path / "content" / "sources" / "a.txt").write_text(ARTICLE.replace("51.2", "52.1"),
                                                              encoding="utf-8")
    assert [p.field for p in check_provenance(load_factbase(path))] == ["figures[0].excerpt"]


def test_missing_text_file_is_a_located_problem(tmp_path: Path) -> None:
    """A text_file that does not exist is reported at the source mapping, naming the path."""
    path = tmp_path / "a.yaml"
    path.write_text(DOC, encoding="utf-8")
    (problem,) = check_provenance(load_factbase(path))
    assert problem.message == "the source text file does not exist"
    assert (problem.file, problem.line, problem.field) == (str(path), 2, "source.text_file")
    assert problem.found == str(tmp_path / "article.txt")


def test_no_text_file_set_is_a_problem() -> None:
    """Without text_file and without source_text there is nothing to check against."""
    (problem,) = check_provenance(loaded(DOC.replace("  text_file: article.txt\n", "")))
    assert problem.field == "source.text_file"
    assert problem.message == "no source text to check provenance against"


def test_non_utf8_source_text_is_a_problem(tmp_path: Path) -> None:
    """A Latin-1 article file is refused with the byte offset, not a traceback."""
    (tmp_path / "article.txt").write_bytes("Montevidéo".encode("latin-1"))
    path = tmp_path / "a.yaml"
    path.write_text(DOC, encoding="utf-8")
    (problem,) = check_provenance(load_factbase(path))
    assert problem.message.startswith("the source text file is not UTF-8 (byte offset 8")


def test_empty_excerpt_in_a_base_built_in_code() -> None:
    """A fact with an empty excerpt cannot be found and says so."""
    base = FactBase(id="x", source=Source("t", "a"),
                    entities=(Entity(id="a", name="A", role="r", excerpt=" "),))
    (problem,) = check_provenance(base, source_text=ARTICLE)
    assert problem.found == "empty text" and problem.field == "people[0].excerpt"


def test_every_failing_fact_is_reported() -> None:
    """Against an unrelated text, every excerpt and quote text is reported."""
    problems = check_provenance(loaded(), source_text="Nothing to see here.")
    assert [p.field for p in problems] == ["people[0].excerpt", "quotes[0].excerpt",
                                           "quotes[0].text", "figures[0].excerpt"]
