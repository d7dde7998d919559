"""The command-line interface, driven through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.output import RECORD  # quizgen's record of the files it wrote

runner = CliRunner()

BAD_YAML = """\
source:
  title: "A title"
  about: "Something"
people:
  - id: ann
    name: Ann
    role: NO
    excerpt: "Ann"
"""


# kinds the bundled article keeps on a sheet (its orderings are of one story, not dated in
# different years, so common sense sorts them: left out, issue 18)
FOUR_KINDS = "figure-choice,who-said-it,quote-match,who-claimed-it"

def invoke(*args: str):  # type: ignore[no-untyped-def]  # the result type is private to typer's testing module
    """Run the app with arguments, capturing stdout and stderr apart."""
    return runner.invoke(app, list(args))


def test_version() -> None:
    """`--version` prints the package version and exits 0."""
    from quizgen import __version__

    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize(
    "command",
    ["build", "anki", "worksheet", "validate", "preview", "stats", "init", "schema", "export json"],
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    """Every command's help text shows an example invocation."""
    result = invoke(*command.split(), "--help")
    assert result.exit_code == 0, result.output
    assert "Example: quizgen" in result.stdout


def test_validate_bundled_fact_base_with_source(project: Path) -> None:
    """The bundled fact base validates, provenance included, with exit 0."""
    result = invoke("validate", "--source")
    assert result.exit_code == 0, result.output
    assert "ok content/venezuela-post-election.yaml" in result.stdout


def test_validate_bad_file_shows_file_line_and_no_traceback(tmp_path: Path) -> None:
    """A bad file exits 1 naming the file, line and field, quoting the line, with no traceback."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_YAML, encoding="utf-8")
    result = invoke("validate", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:7:" in result.stderr
    assert "role" in result.stderr
    assert "role: NO" in result.stderr  # the offending line is quoted
    assert "Traceback" not in result.output


def test_missing_file_is_a_helpful_error(project: Path) -> None:
    """A missing fact-base file exits 1 and points at `quizgen init`."""
    result = invoke("export", "json", "content/nope.yaml")
    assert result.exit_code == 1
    assert "content/nope.yaml" in result.stderr
    assert "quizgen init" in result.stderr


def test_empty_content_folder_is_a_helpful_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no fact bases in content/, the CLI says how to create one."""
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    result = invoke("build")
    assert result.exit_code == 1
    assert "quizgen init" in result.stderr
    assert not (tmp_path / "output").exists()


def test_unknown_kind_is_a_usage_error(project: Path) -> None:
    """An unknown --kinds value exits 2 and lists the known kinds."""
    result = invoke("export", "json", "--kinds", "who-said-it,bogus")
    assert result.exit_code == 2
    assert "bogus" in result.stderr
    assert "event-order" in result.stderr


def test_count_zero_is_a_usage_error(project: Path) -> None:
    """`--count 0` exits 2 rather than building an empty quiz."""
    result = invoke("export", "json", "--count", "0")
    assert result.exit_code == 2
    assert "--count" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("export", "json", "--count", "4", "--per-kind", "1"),
        ("worksheet", "--no-key", "--key-only"),
    ],
)
def test_contradictory_options_are_a_usage_error(project: Path, args: tuple[str, ...]) -> None:
    """Options that contradict each other exit 2 with a usage message, not a content error."""
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "not both" in result.stderr
    assert "Traceback" not in result.output


def test_export_json_shape_and_minimum_counts(project: Path) -> None:
    """`export json --all` gives the documented shape and at least the required questions per
    kind (without --all, only the questions that give no other away)."""
    result = invoke("export", "json", "--all")
    assert result.exit_code == 0, result.output
    questions = json.loads(result.stdout)["questions"]
    kinds = [q["kind"] for q in questions]
    assert kinds.count("figure-choice") >= 10
    # the generator makes 8 who-said-it (tests/test_content.py), but the deck spreads the main
    # speaker's keys (sheets18v): his 3 are left out, the matchings teaching their quotes; and the
    # article gives 4 matchings, its other quotes being fragments (sheets18y, test_generators.py)
    assert kinds.count("who-said-it") >= 5
    assert kinds.count("quote-match") >= 4
    # no event-order: the article's events are one story's (tests/test_generators.py)
    assert len({q["id"] for q in questions}) == len(questions)
    for q in questions:
        assert {"id", "kind", "prompt", "explanation", "answer"} <= q.keys()
        if "options" in q:
            assert 0 <= q["answer"] < len(q["options"]) and len(q["options"]) >= 3
        elif "left" in q:
            assert sorted(left for left, _ in q["answer"]) == list(range(len(q["left"])))
            assert sorted(r for _, r in q["answer"]) == list(range(len(q["right"])))
        else:
            assert sorted(q["answer"]) == list(range(len(q["items"])))


def test_export_json_is_byte_identical_and_seed_sensitive(project: Path) -> None:
    """The same options give byte-identical JSON; another seed gives different questions."""
    first = invoke("export", "json", "--seed", "5", "--per-kind", "3").stdout
    second = invoke("export", "json", "--seed", "5", "--per-kind", "3").stdout
    other = invoke("export", "json", "--seed", "6", "--per-kind", "3").stdout
    assert first == second
    assert first != other


def test_export_json_to_file(project: Path) -> None:
    """`--out` writes the JSON to a file, creating missing folders."""
    result = invoke("export", "json", "--per-kind", "2", "--kinds", FOUR_KINDS,
                    "--out", "deep/new/quiz.json")
    assert result.exit_code == 0, result.output
    data = json.loads((project / "deep/new/quiz.json").read_text(encoding="utf-8"))
    # at most two of each kind, every kind there (one may lose an item that would give another away)
    kinds = [q["kind"] for q in data["questions"]]
    assert set(kinds) == set(FOUR_KINDS.split(",")) and max(map(kinds.count, kinds)) == 2
    assert f"({len(kinds)} questions)" in result.output


@pytest.mark.parametrize("fmt", ["gift", "moodle", "quizlet", "qti"])
def test_export_out_file_is_the_file_written(project: Path, fmt: str) -> None:
    """`export gift --out week3.txt` writes week3.txt itself, and nothing beside it."""
    result = invoke("export", fmt, "--per-kind", "1", "--out", "class/week3.txt", "--quiet")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (project / "class").iterdir() if p.name != RECORD] == ["week3.txt"]
    again = invoke("export", fmt, "--per-kind", "1", "--out", "alone", "--quiet")
    assert again.exit_code == 0, again.output
    (alone,) = [p for p in (project / "alone").iterdir() if p.name != RECORD]
    assert alone.read_bytes() == (project / "class/week3.txt").read_bytes()


def test_export_out_file_names_a_formats_several_files(project: Path) -> None:
    """`export worksheet --out week3.pdf` names the sheet and the key after week3, beside it."""
    result = invoke("export", "worksheet", "--per-kind", "1", "--out", "class/week3.pdf",
                    "--quiet")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "class").iterdir() if p.name != RECORD) == [
        "week3-answer-key.pdf", "week3-worksheet.pdf"]


def test_filters_keep_only_matching_questions(project: Path) -> None:
    """`--tags` and `--people` keep only questions touching those tags or people."""
    result = invoke("export", "json", "--people", "musk")
    assert result.exit_code == 0, result.output
    questions = json.loads(result.stdout)["questions"]
    assert questions and all("musk" in q["people"] for q in questions)
    result = invoke("export", "json", "--tags", "economy")
    questions = json.loads(result.stdout)["questions"]
    assert questions and all("economy" in q["tags"] for q in questions)


def test_count_spreads_across_kinds(project: Path) -> None:
    """`--count 12 --all` with two kinds gives 12 questions split between them; without --all,
    only as many as share few enough quotes and facts, still of both kinds."""
    args = ("export", "json", "--count", "12", "--kinds", "quote-match,who-claimed-it")
    result = invoke(*args, "--all")
    assert result.exit_code == 0, result.output
    kinds = [q["kind"] for q in json.loads(result.stdout)["questions"]]
    assert len(kinds) == 12
    assert set(kinds) == {"quote-match", "who-claimed-it"}
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    kinds = [q["kind"] for q in json.loads(result.stdout)["questions"]]
    assert 2 <= len(kinds) <= 12 and set(kinds) == {"quote-match", "who-claimed-it"}


def test_preview_shows_questions_and_answers(project: Path) -> None:
    """`preview --answers` prints each question with its options and the key."""
    plain = invoke("preview", "--per-kind", "1", "--kinds", "who-said-it")
    assert plain.exit_code == 0, plain.output
    assert "(who-said-it) Who " in plain.stdout and "✔" not in plain.stdout
    keyed = invoke("preview", "--per-kind", "1", "--kinds", "who-said-it", "--answers")
    assert "✔" in keyed.stdout


def test_stats_lists_facts_and_generators(project: Path) -> None:
    """`stats` shows fact counts and, per generator, how many questions it can make."""
    result = invoke("stats")
    assert result.exit_code == 0, result.output
    for word in ("people", "quotes", "figures", "events", "event-order", "quote-match"):
        assert word in result.stdout


def test_init_scaffolds_a_valid_fact_base_and_refuses_to_overwrite(project: Path) -> None:
    """`init NAME` writes a fact base that validates, and will not overwrite it."""
    result = invoke("init", "mytopic")
    assert result.exit_code == 0, result.output
    created = project / "content" / "mytopic.yaml"
    assert created.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert invoke("validate", str(created)).exit_code == 0
    again = invoke("init", "mytopic")
    assert again.exit_code == 1
    assert "overwrite" in again.stderr


def test_schema_prints_json_schema() -> None:
    """`schema` prints a JSON Schema document equal to the copy kept in content/."""
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "$schema" in schema
    kept = Path(__file__).parent.parent / "content" / "factbase.schema.json"
    assert result.stdout == kept.read_text(encoding="utf-8")


def test_build_writes_every_format_and_summarises(project: Path) -> None:
    """`build` writes the deck, manifest, worksheet, key, JSON and web quiz, then counts by kind."""
    result = invoke("build", "--per-kind", "2", "--kinds", FOUR_KINDS, "--quiet")
    assert result.exit_code == 0, result.output
    name = "venezuela-post-election"
    written = sorted(p.name for p in (project / "output").iterdir() if p.name != RECORD)
    assert written == sorted([f"{name}.apkg", f"{name}.manifest.json", f"{name}-worksheet.pdf",
                              f"{name}-answer-key.pdf", f"{name}.json", f"{name}.html"])
    summary = re.search(r"(\d+) questions: ((?:\d+ [a-z-]+(?:, )?)+)", result.stdout)
    assert summary, result.stdout  # at most two of each kind, every kind there
    counts = {k: int(n) for n, k in re.findall(r"(\d+) ([a-z-]+)", summary[2])}
    assert set(counts) == set(FOUR_KINDS.split(",")) and max(counts.values()) == 2
    assert int(summary[1]) == sum(counts.values())


def test_worksheet_custom_quiz_on_letter_paper(project: Path) -> None:
    """The README's one-line custom worksheet: 8 questions, two kinds, 3 versions, Letter."""
    import pypdf

    result = invoke("worksheet", "--count", "8", "--kinds", "figure-choice,who-said-it",
                    "--versions", "3", "--paper", "letter", "--quiet")
    assert result.exit_code == 0, result.output
    sheet = pypdf.PdfReader(project / "output" / "venezuela-post-election-worksheet.pdf")
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in sheet.pages} == {(612, 792)}
    text = "\n".join(page.extract_text() for page in sheet.pages)
    assert all(f"Version {v}" in text for v in "ABC")
    assert (project / "output" / "venezuela-post-election-answer-key.pdf").exists()
    # the 8 asked, of the two kinds only (the article holds more than 8 that can stand together)
    assert re.search(r"\b8 questions: \d figure-choice, \d who-said-it\n", result.stdout)


def test_anki_writes_the_deck_and_reports_changes(project: Path) -> None:
    """`anki` writes output/<name>.apkg and reports notes added, then unchanged on a rebuild."""
    first = invoke("anki", "--per-kind", "1", "--quiet")
    assert first.exit_code == 0, first.output
    assert (project / "output" / "venezuela-post-election.apkg").stat().st_size > 0
    assert "0 unchanged" in first.stdout
    again = invoke("anki", "--per-kind", "1", "--quiet")
    assert "0 added, 0 changed" in again.stdout


QUIET_BASE = """id: quiet
source:
  title: "Nothing to ask here"
  about: "A made-up fact base of one person and nothing else: it gives no question."
people:
  - id: ana
    name: "Ana Ruiz"
    kind: person
    role: "a passer-by"
    excerpt: "Ana Ruiz"
"""


def test_a_base_giving_no_question_names_no_file_and_no_title(project: Path) -> None:
    """A build of two bases where one gives no question is titled and named after the one that
    does (not "Quiz on 2 articles", not "quiet+…"), and the export lists that article alone."""
    (project / "content" / "quiet.yaml").write_text(QUIET_BASE, encoding="utf-8")
    built = invoke("build", "--quiet")
    assert built.exit_code == 0, built.output
    names = {p.name for p in (project / "output").iterdir() if p.name != RECORD}
    assert names and all(n.startswith("venezuela-post-election") for n in names), names
    exported = json.loads(invoke("export", "json").stdout)
    assert exported["title"] == ("OAS Secretary General recommends his arrest for bloodshed"
                                 " in Venezuela")
    assert exported["factbases"] == ["venezuela-post-election"]


def test_two_fact_bases_merge_into_one_quiz(project: Path) -> None:
    """Two fact bases give one quiz whose ids are namespaced by base, and one output name."""
    article = project / "content" / "venezuela-post-election.yaml"
    text = article.read_text(encoding="utf-8").replace(
        "\nid: venezuela-post-election\n", "\nid: second\n")
    (project / "content" / "second.yaml").write_text(text, encoding="utf-8")
    result = invoke("export", "json")
    assert result.exit_code == 0, result.output
    questions = json.loads(result.stdout)["questions"]
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))
    assert {q["factbase"] for q in questions} == {"second", "venezuela-post-election"}
    built = invoke("build", "--per-kind", "1", "--quiet")
    assert built.exit_code == 0, built.output
    assert (project / "output" / "second+venezuela-post-election.apkg").exists()
