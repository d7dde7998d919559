"""The command line: the typer app (`app`), its shared options, the format-driven commands and
the console that prints for them."""

from __future__ import annotations

from quizgen.cli.app import app, main, make_app

__all__ = ["app", "main", "make_app"]
