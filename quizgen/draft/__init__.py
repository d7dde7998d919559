"""A first draft of a fact base from an article's plain text: pure, text in and YAML text out.

One module per step: `analysis` runs the rules (`quotes`, `entities`, `figures`, `events`,
`tokens`) over the article's text and `to_yaml` writes what they found; `files` reads and writes.
"""

from __future__ import annotations

from quizgen.collector import collector_paused
from quizgen.draft.analysis import Draft, analyse
from quizgen.draft.to_yaml import to_yaml


def draft_factbase(text: str, *, name: str) -> str:
    """The draft fact base, as commented YAML, for an article's text; `name` names its files."""
    with collector_paused():  # full collections grew with the article: a fifth of a 1 MB draft
        return to_yaml(analyse(text), name=name)


__all__ = ["Draft", "analyse", "draft_factbase"]
