"""Adding a format is one module plus one registry line, and the CLI then offers it everywhere."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quizgen.output import RECORD  # quizgen's record of the files it wrote
from quizgen.renderers import RENDERERS, get_format
from quizgen.renderers.base import FormatEntry, FormatOption

runner = CliRunner()
NAME = "venezuela-post-election"


@pytest.fixture()
def app(monkeypatch: pytest.MonkeyPatch, project: Path) -> typer.Typer:
    """The CLI built after registering the two fixture formats (one registry line each)."""
    from quizgen.cli import make_app

    monkeypatch.setitem(RENDERERS, "fixture", FormatEntry(
        "fixture_format", "Prompts as plain text (a test fixture).", options=(FormatOption(
            "shout", "--shout", "Write the prompts in capitals.", kind="flag", default=False),)))
    monkeypatch.setitem(RENDERERS, "plain", FormatEntry("fixture_plain_format",
                                                        "Question ids (a test fixture)."))
    return make_app()


def test_export_lists_and_writes_a_registered_fixture_format(app: typer.Typer) -> None:
    """`export --help` lists the new formats; `export fixture` writes its file with its option."""
    listed = runner.invoke(app, ["export", "--help"])
    assert listed.exit_code == 0, listed.output
    assert "fixture" in listed.stdout and "Prompts as plain text" in listed.stdout
    assert "plain" in listed.stdout
    plain = runner.invoke(app, ["export", "fixture", "--per-kind", "1", "--out", "a.txt"])
    assert plain.exit_code == 0, plain.output
    result = runner.invoke(app, ["export", "fixture", "--per-kind", "1", "--shout", "--quiet"])
    assert result.exit_code == 0, result.output
    shouted = (Path("output") / f"{NAME}.txt").read_text(encoding="utf-8")
    quiet = Path("a.txt").read_text(encoding="utf-8")
    same = runner.invoke(app, ["export", "json", "--per-kind", "1"])
    assert same.exit_code == 0, same.output
    assert quiet.splitlines() == [q["prompt"] for q in json.loads(same.stdout)["questions"]]
    assert shouted == quiet.upper() != quiet


def test_a_format_without_options_needs_only_render(app: typer.Typer) -> None:
    """A module defining only `render` is exported with the shared selection options."""
    help_text = runner.invoke(app, ["export", "plain", "--help"]).stdout
    assert "--seed" in help_text and "--shout" not in help_text
    result = runner.invoke(app, ["export", "plain", "--kinds", "quote-match", "--out", "x/q.ids"])
    assert result.exit_code == 0, result.output
    ids = Path("x/q.ids").read_text(encoding="utf-8").split()
    assert ids and all(i.startswith("quote-match-") for i in ids)


def test_build_to_offers_the_fixture_format_and_its_options(app: typer.Typer) -> None:
    """`build --to fixture,json` writes both; its --shout is offered by build too."""
    assert "--shout" in runner.invoke(app, ["build", "--help"]).stdout
    result = runner.invoke(app, ["build", "--to", "fixture,json", "--per-kind", "1", "--shout",
                                 "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("output").iterdir() if p.name != RECORD) == [
        f"{NAME}.json", f"{NAME}.txt"]
    assert (Path("output") / f"{NAME}.txt").read_text(encoding="utf-8").splitlines()[0].isupper()


def test_build_refuses_unknown_formats_and_stray_options(app: typer.Typer) -> None:
    """An unknown --to name, or an option of a format not being written, is a usage error."""
    unknown = runner.invoke(app, ["build", "--to", "json,bogus"])
    assert unknown.exit_code == 2
    assert "bogus" in unknown.stderr and "fixture" in unknown.stderr
    stray = runner.invoke(app, ["build", "--to", "json", "--shout"])
    assert stray.exit_code == 2
    assert "--shout" in stray.stderr
    assert not Path("output").exists()


def test_every_registered_format_declares_a_valid_module() -> None:
    """Each registry entry imports, has a render function, a description and typed options."""
    for name in RENDERERS:
        spec = get_format(name)
        assert callable(spec.render) and spec.description
        assert len({option.flag for option in spec.options}) == len(spec.options)


def _loaded_by(args: list[str]) -> set[str]:
    """Top-level names of the non-standard modules loaded by running the CLI with args."""
    probe = (
        "import sys\nfrom quizgen.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m not in sys.stdlib_module_names"
        " and m.split('.')[0] not in sys.stdlib_module_names))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120)
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


# typer and what it loads itself (pydantic and friends, to read parameter types)
CLI_LIBRARIES = {"typer", "click", "rich", "shellingham", "typing_extensions", "annotated_doc",
                 "pygments", "markdown_it", "mdurl", "_distutils_hack", "pydantic",
                 "pydantic_core", "annotated_types", "typing_inspection"}


def _outside(loaded: set[str]) -> set[str]:
    return {m for m in loaded if m.split(".")[0] not in CLI_LIBRARIES | {"quizgen", "__main__"}
            and not m.startswith(("__editable__", "_sysconfigdata"))}


def test_top_level_help_loads_no_format_module() -> None:
    """`quizgen --help` imports the CLI alone: no format module, no question model."""
    loaded = _loaded_by(["--help"])
    assert _outside(loaded) == set()
    assert {m for m in loaded if m.startswith("quizgen.")} == {
        "quizgen.cli", "quizgen.cli.app", "quizgen.cli.coerce", "quizgen.cli.options",
        "quizgen.errors", "quizgen.code_cache", "quizgen.dataclass_code", "quizgen.pattern_code"}


@pytest.mark.parametrize("args", [["export", "--help"], ["build", "--help"]])
def test_format_help_loads_no_format_module(args: list[str]) -> None:
    """Listing the formats and every format's options reads the registry lines alone: no
    format module, no heavy library."""
    loaded = _loaded_by(args)
    assert {RENDERERS[name].module for name in RENDERERS} & loaded == set()
    assert _outside(loaded) == set()


# what writing a PDF or a deck imports: reportlab, genanki and quizgen's modules for them
PDF_AND_ANKI = ("reportlab", "genanki", "quizgen.renderers.worksheet", "quizgen.renderers.anki")


def _pdf_or_anki(loaded: set[str]) -> set[str]:
    return {m for m in loaded if m.startswith(PDF_AND_ANKI)}


def test_build_to_json_imports_no_pdf_or_anki_module(tmp_path: Path) -> None:
    """`build --to json` imports the JSON format's module and no module of the worksheet or the
    deck (they declare their options in the registry); the whole build imports them."""
    article = Path(__file__).resolve().parent.parent / "content" / f"{NAME}.yaml"
    args = [str(article), "--quiet", "--out", str(tmp_path)]
    json_only = _loaded_by(["build", *args, "--to", "json"])
    assert RENDERERS["json"].module in json_only and (tmp_path / f"{NAME}.json").exists()
    assert _pdf_or_anki(json_only) == set()
    whole = _loaded_by(["build", *args])
    assert {RENDERERS["worksheet"].module, RENDERERS["anki"].module, "reportlab",
            "genanki"} <= _pdf_or_anki(whole)
