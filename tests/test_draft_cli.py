"""`quizgen draft`, `init --from`, optional excerpts, scaffold warnings and YAML quoting hints."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_factbase, load_text

runner = CliRunner()
ARTICLE = Path(__file__).resolve().parent.parent / "content" / "sources" / \
    "venezuela-post-election.txt"


def invoke(*args: str):  # type: ignore[no-untyped-def]  # the result type is private to typer
    """Run the app with arguments, capturing stdout and stderr apart."""
    return runner.invoke(app, list(args))


def test_draft_help_has_an_example() -> None:
    """`draft --help` shows an example invocation."""
    result = invoke("draft", "--help")
    assert result.exit_code == 0
    assert "Example: quizgen draft" in result.stdout


def test_draft_writes_fact_base_and_article_copy_that_build(project: Path) -> None:
    """`draft ARTICLE --name N` writes content/N.yaml and the article copy; both validate; the
    draft is flagged by validate as holding guesses, builds nothing as drafted and builds a
    draft-stamped deck with --include-unchecked."""
    article = project / "story.txt"
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("draft", str(article), "--name", "story")
    assert result.exit_code == 0, result.output
    target = project / "content" / "story.yaml"
    copy = project / "content" / "sources" / "story.txt"
    assert copy.read_bytes() == article.read_bytes()
    checked = invoke("validate", str(target), "--source")
    assert checked.exit_code == 0, checked.output
    assert "`# check:` comment" in checked.stderr
    refused = invoke("build", str(target), "--out", str(project / "out"), "--quiet")
    assert refused.exit_code != 0 and "Traceback" not in refused.output  # every fact a guess
    built = invoke("build", str(target), "--out", str(project / "out"), "--quiet",
                   "--include-unchecked")
    assert built.exit_code == 0, built.output
    assert (project / "out" / "story-draft.apkg").is_file()


def test_draft_refuses_to_overwrite_unless_forced(project: Path) -> None:
    """A second draft of the same name exits 1 and leaves the file; --force replaces it."""
    article = project / "story.txt"
    article.write_text("Headline\n“Yes,” said Ana Ruiz on Monday.\n", encoding="utf-8")
    assert invoke("draft", str(article)).exit_code == 0
    target = project / "content" / "story.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    again = invoke("draft", str(article))
    assert again.exit_code == 1
    assert "refusing to overwrite" in again.stderr and "Traceback" not in again.output
    assert target.read_text(encoding="utf-8").endswith("# edited\n")
    assert invoke("draft", str(article), "--force").exit_code == 0
    assert not target.read_text(encoding="utf-8").endswith("# edited\n")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"caf\xe9 au lait\n", "not UTF-8"),
])
def test_draft_bad_article_is_a_clear_error(project: Path, content: bytes, message: str) -> None:
    """An empty or non-UTF-8 article exits 1 with a message naming it, and writes nothing."""
    article = project / "bad.txt"
    article.write_bytes(content)
    result = invoke("draft", str(article))
    assert result.exit_code == 1
    assert message in result.stderr and "bad.txt" in result.stderr
    assert not (project / "content" / "bad.yaml").exists()


def test_init_from_copies_the_article_and_names_it(project: Path) -> None:
    """`init N --from ARTICLE` copies the article to content/sources/N.txt and sets text_file."""
    article = project / "story.txt"
    article.write_text("Headline\nBody.\n", encoding="utf-8")
    result = invoke("init", "story", "--from", str(article))
    assert result.exit_code == 0, result.output
    assert (project / "content" / "sources" / "story.txt").read_text(encoding="utf-8") == \
        "Headline\nBody.\n"
    base = load_factbase(project / "content" / "story.yaml")
    assert base.source.text_file == "sources/story.txt"


def test_validate_warns_that_the_template_scaffold_is_in_place(project: Path) -> None:
    """A fact base straight from `init` validates but warns that the example facts remain."""
    assert invoke("init", "fresh").exit_code == 0
    result = invoke("validate", "content/fresh.yaml")
    assert result.exit_code == 0
    assert "example facts are still in place" in result.stderr
    quiet = invoke("validate", "content/venezuela-post-election.yaml")
    assert "warning" not in quiet.stderr


SOURCE = "Headline\nAna Ruiz said: “We will build it.” The council counted 1,200 votes." \
    " Tom Baker said “no” twice: “no, no”.\n"


def _base(tmp_path: Path, facts: str) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text('source: {title: "t", about: "a", text_file: sources/a.txt}\n'
                    'people:\n  - {id: ana, name: "Ana Ruiz", role: "mayor", excerpt: "Ana'
                    ' Ruiz"}\n' + facts, encoding="utf-8")
    return path


def test_quote_and_figure_excerpts_may_be_left_out(tmp_path: Path) -> None:
    """A quote whose text occurs once and a figure whose number occurs once get their sentence."""
    path = _base(tmp_path, 'quotes:\n  - {id: q, text: "We will build it.", speakers: [ana]}\n'
                 'figures:\n  - {id: f, measure: "votes", value: 1200, unit: votes,'
                 ' given_by: [ana]}\n')
    base = load_factbase(path)
    assert base.quotes[0].excerpt == "Ana Ruiz said: “We will build it.”"
    assert base.figures[0].excerpt == "The council counted 1,200 votes."


def test_left_out_excerpt_of_a_repeated_quote_is_an_error(tmp_path: Path) -> None:
    """A quote text found twice (or a number not found) needs its excerpt, said at its line."""
    path = _base(tmp_path, 'quotes:\n  - {id: q, text: "no", speakers: [ana]}\n'
                 'figures:\n  - {id: f, measure: "votes", value: 7, unit: votes,'
                 ' given_by: [ana]}\n')
    with pytest.raises(QuizgenError) as caught:
        load_factbase(path)
    shown = str(caught.value)
    assert "quotes[0].excerpt" in shown and "occurs 3 times" in shown
    assert "figures[0].excerpt" in shown and "does not occur" in shown


def test_left_out_excerpt_without_article_is_an_error() -> None:
    """Without source.text_file, a missing excerpt is reported as such."""
    text = ('source: {title: "t", about: "a"}\npeople: [{id: a, name: "A", role: "r",'
            ' excerpt: "A"}]\nquotes: [{id: q, text: "hi", speakers: [a]}]\n')
    with pytest.raises(QuizgenError) as caught:
        load_text(text, filename="x.yaml")
    assert "missing excerpt" in str(caught.value)


@pytest.mark.parametrize(("line", "hint"), [
    ("  title: 'don't be'", "''"),
    ("  title: \"He said \"no\" today\"", '\\"'),
])
def test_quote_mark_inside_quoted_text_explains_the_escape(line: str, hint: str) -> None:
    """A value closed early by an inner quote mark explains '' in single and \\" in double."""
    with pytest.raises(QuizgenError) as caught:
        load_text(f"source:\n{line}\n  about: x\n", filename="x.yaml")
    problem = caught.value.problems[0]
    assert "ends too early" in problem.message
    assert problem.expected is not None and hint in problem.expected
    assert problem.line == 2
