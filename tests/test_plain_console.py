"""Where there is no terminal, quizgen prints its messages without rich, exactly as rich would."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from rich.console import Console
from rich.markup import escape as rich_escape

from quizgen.cli import terminal
from tests.strategies import console_markup, markup_text

ARTICLE = Path(__file__).resolve().parent.parent / "content" / "venezuela-post-election.yaml"


def _rich_prints(*objects: object) -> str:
    """What quizgen's rich console printed for these objects to a stream that is no terminal."""
    out = io.StringIO()
    Console(file=out, highlight=False, soft_wrap=True, emoji=False).print(*objects)
    return out.getvalue()


def _plain_prints(*objects: object, monkeypatch: pytest.MonkeyPatch) -> str:
    """What terminal.out() printed for these objects with standard output a pipe."""
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    printer = terminal.out()
    assert isinstance(printer, terminal.Plain)
    printer.print(*objects)
    return out.getvalue()


@given(markup_text)
def test_markup_escape_is_richs(text: str) -> None:
    """Escaping text for markup gives what rich.markup.escape gives, for text full of brackets
    and backslashes."""
    assert terminal.markup_escape(text) == rich_escape(text)


@given(console_markup())
def test_plain_prints_what_rich_prints(markup: str) -> None:
    """Markup as the console writes it (tags around escaped content) prints the same text.

    (rich refuses a few: its escape leaves content ending in three backslashes able to escape
    the tag after it, and rich then finds a tag left to close; the plain printer prints those.)
    """
    from rich.errors import MarkupError

    with pytest.MonkeyPatch.context() as patch:
        printed = _plain_prints(markup, monkeypatch=patch)
    try:
        expected = _rich_prints(markup)
    except MarkupError:
        return
    assert printed == expected


@given(markup_text)
def test_escaped_content_prints_as_written(text: str) -> None:
    """Any content printed alone through escape() prints as rich prints it."""
    with pytest.MonkeyPatch.context() as patch:
        printed = _plain_prints(terminal.escape(text), monkeypatch=patch)
    assert printed == _rich_prints(terminal.escape(text))


def test_tables_and_empty_lines_go_to_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """What is not one text (a blank line, a table) is printed by rich itself."""
    from rich.table import Table

    table = Table(title="Facts")
    table.add_column("kind")
    table.add_row("quotes")
    assert _plain_prints(monkeypatch=monkeypatch) == "\n"
    assert _plain_prints(table, monkeypatch=monkeypatch) == _rich_prints(table)


@pytest.mark.parametrize(("environ", "seen"), [
    ({"TTY_COMPATIBLE": "1"}, True), ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, False),
    ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": ""}, False), ({}, False),
])
def test_a_terminal_is_decided_as_rich_decides(
    environ: dict[str, str], seen: bool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Styles are kept (rich prints) exactly where rich would see a terminal."""
    for name in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    stream = io.StringIO()
    assert terminal.is_terminal(stream) is seen
    assert Console(file=stream).is_terminal is seen


@pytest.mark.parametrize("args", [["validate"], ["build", "--to", "json,html"]])
def test_a_command_without_a_terminal_never_imports_rich(args: list[str], tmp_path: Path) -> None:
    """validate and a build, their output a pipe, print without importing rich."""
    extra = ["--out", str(tmp_path), "--quiet"] if args[0] == "build" else []
    probe = ("import sys\nfrom quizgen.cli import app\n"
             f"try:\n    app({[*args, str(ARTICLE), *extra]!r})\nexcept SystemExit as e:\n"
             "    assert not e.code, e.code\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120, env={"PATH": "/usr/bin:/bin"})
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "[]"
    assert any(line.startswith(("ok ", "wrote ")) for line in lines)
