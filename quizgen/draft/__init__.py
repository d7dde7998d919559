"""A first draft of a fact base from an article's plain text: pure, text in and YAML text out.

One module per step: `analysis` runs the rules (`quotes`, `entities`, `figures`, `events`,
`tokens`) over the article's text and `to_yaml` writes what they found; `files` reads and writes.
"""

from __future__ import annotations

import gc

from quizgen.draft.analysis import Draft, analyse
from quizgen.draft.to_yaml import to_yaml


def draft_factbase(text: str, *, name: str) -> str:
    """The draft fact base, as commented YAML, for an article's text; `name` names its files."""
    enabled = gc.isenabled()
    gc.disable()  # the draft's many small objects hold no cycles: full collections only cost
    try:  # time, growing with the article (a fifth of a 1 MB draft's time)
        return to_yaml(analyse(text), name=name)
    finally:
        if enabled:
            gc.enable()


__all__ = ["Draft", "analyse", "draft_factbase"]
