"""Registry of output formats: name -> module whose `render` makes the files (imported lazily).

A format is one module plus one line here. The module must define
`render(quiz, *, options: RenderOptions) -> dict[str, bytes]` and may define `DESCRIPTION`,
`OPTIONS`, `render_versions`, `STDOUT`, `prepare` and `report` (see `Format`). It is
imported when the CLI is built, so it must import heavy libraries inside `render`, not at the top.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from quizgen.registry import lookup
from quizgen.renderers.base import (
    Format,
    FormatOption,
    Renderer,
    RenderOptions,
    VersionsRenderer,
)

# Modules are named, not imported, so that `import quizgen.renderers` loads none of them.
RENDERERS: dict[str, str] = {
    "anki": "quizgen.renderers.anki",
    "blooket": "quizgen.renderers.blooket",
    "gift": "quizgen.renderers.gift",
    "html": "quizgen.renderers.html_quiz",
    "json": "quizgen.renderers.json_out",
    "kahoot": "quizgen.renderers.kahoot",
    "moodle": "quizgen.renderers.moodle_xml",
    "qti": "quizgen.renderers.qti",
    "quizlet": "quizgen.renderers.quizlet",
    "worksheet": "quizgen.renderers.worksheet",
}

# What `quizgen build` writes when --to is not given.
DEFAULT_BUILD: tuple[str, ...] = ("anki", "worksheet", "json", "html")

_OPTIONAL = {
    "render_versions": (callable, "a function"),
    "prepare": (callable, "a function"),
    "report": (callable, "a function"),
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(lookup(RENDERERS, name, what="output format"))


def get_renderer(name: str) -> Renderer:
    """The render function of a registered format; QuizgenError for an unknown name."""
    renderer: Renderer = _module(name).render
    return renderer


def get_format(name: str) -> Format:
    """What a registered format's module declares; QuizgenError for an unknown name."""
    module = _module(name)
    render = getattr(module, "render", None)
    if not callable(render):
        raise TypeError(f"format module {module.__name__} defines no render(quiz, *, options)")
    options = tuple(getattr(module, "OPTIONS", ()))
    if not all(isinstance(option, FormatOption) for option in options):
        raise TypeError(f"{module.__name__}.OPTIONS must be a tuple of FormatOption")
    for attr, (check, what) in _OPTIONAL.items():
        value = getattr(module, attr, None)
        if value is not None and not check(value):
            raise TypeError(f"{module.__name__}.{attr} must be {what}")
    versions: VersionsRenderer | None = getattr(module, "render_versions", None)
    doc = (module.__doc__ or name).strip().splitlines()[0]
    return Format(
        name=name,
        description=str(getattr(module, "DESCRIPTION", doc)),
        render=render,
        render_versions=versions,
        options=options,
        stdout=bool(getattr(module, "STDOUT", False)),
        every_question=bool(getattr(module, "EVERY_QUESTION", False)),
        prepare=getattr(module, "prepare", None),
        report=getattr(module, "report", None),
    )


__all__ = [
    "DEFAULT_BUILD",
    "RENDERERS",
    "Format",
    "FormatOption",
    "RenderOptions",
    "Renderer",
    "get_format",
    "get_renderer",
]
