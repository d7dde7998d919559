"""Option values made without pydantic are exactly typer's: the same values, the same errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given, settings
from strategies import cli_values, load_profiles
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from quizgen.cli import make_app
from quizgen.cli.coerce import PlainRuntimeParam, plain_runtime_param

COMMANDS = ("build", "worksheet", "validate", "preview", "studio", "draft", "init")


def _parameters() -> list[tuple[Any, Any]]:
    """(click context, parameter) for every option and argument of the commands above."""
    group = typer.main.get_command(make_app())
    found = []
    for name in COMMANDS:
        command = group.get_command(typer.Context(group), name)
        context = typer.Context(command)
        found += [(context, param) for param in command.params
                  if isinstance(param, _TyperParameter)]
    return found


load_profiles()
PARAMETERS = _parameters()
# each parameter's two coercions, built once: typer builds its pydantic adapter once per run too,
# and building it (not coercing) was most of each example's time
RUNTIMES = [(context, param, plain_runtime_param(param.type_descriptor),
             build_runtime_param(param.type_descriptor)) for context, param in PARAMETERS]


def _outcome(runtime: Any, value: Any, param: Any, context: Any) -> tuple[str, object]:
    """What coercing value gives: ("value", the value and its type) or ("error", the message)."""
    try:
        made = runtime.coerce(value, param=param, ctx=context)
    except typer.BadParameter as error:
        return "error", error.format_message()
    return "value", (made, type(made))


@pytest.mark.search  # the profile's examples: 100 in make test, 3,000 under make fuzz
@settings(deadline=None)
@given(value=cli_values)
def test_plain_coercion_gives_typers_values_and_errors(value: str) -> None:
    """For every option of the commands, any text coerces as typer's pydantic coercion does."""
    for context, param, ours, theirs in RUNTIMES:
        assert isinstance(ours, PlainRuntimeParam)
        items: Any = (value, value) if param.nargs == -1 or param.multiple else value
        assert _outcome(ours, items, param, context) == _outcome(theirs, items, param, context), (
            param.name, value)


def test_defaults_coerce_as_typer_does() -> None:
    """Each parameter's own default (a Path, an enum member, an int, None) comes out the same."""
    for context, param in PARAMETERS:
        descriptor = param.type_descriptor
        default = param.get_default(context, call=True)
        assert _outcome(plain_runtime_param(descriptor), default, param, context) == _outcome(
            build_runtime_param(descriptor), default, param, context), param.name


@pytest.mark.parametrize("args", [["validate"], ["build", "--to", "json"]])
def test_a_command_runs_without_pydantic(args: list[str], tmp_path: Path) -> None:
    """A command on the bundled article, its files and options given, never imports pydantic."""
    article = Path(__file__).resolve().parent.parent / "content" / "venezuela-post-election.yaml"
    extra = ["--out", str(tmp_path), "--seed", "3", "--count", "5", "--quiet"] if (
        args[0] == "build") else []
    probe = ("import sys\nfrom quizgen.cli import app\n"
             f"try:\n    app({[*args, str(article), *extra]!r})\nexcept SystemExit as e:\n"
             "    assert not e.code, e.code\n"
             "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[]"
