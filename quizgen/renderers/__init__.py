"""Registry of output formats: name -> module whose `render` makes the files (imported lazily)."""

from __future__ import annotations

import importlib

from quizgen.registry import lookup
from quizgen.renderers.base import Paper, Renderer, RenderOptions

# Modules are named, not imported, so that `quizgen --help` never loads genanki or reportlab.
RENDERERS: dict[str, str] = {
    "anki": "quizgen.renderers.anki",
    "blooket": "quizgen.renderers.blooket",
    "gift": "quizgen.renderers.gift",
    "json": "quizgen.renderers.json_out",
    "kahoot": "quizgen.renderers.kahoot",
    "moodle": "quizgen.renderers.moodle_xml",
    "qti": "quizgen.renderers.qti",
    "quizlet": "quizgen.renderers.quizlet",
    "worksheet": "quizgen.renderers.worksheet",
}


def get_renderer(name: str) -> Renderer:
    """The render function of a registered format; QuizgenError for an unknown name."""
    module = importlib.import_module(lookup(RENDERERS, name, what="output format"))
    renderer: Renderer = module.render
    return renderer


__all__ = ["RENDERERS", "Paper", "RenderOptions", "Renderer", "get_renderer"]
