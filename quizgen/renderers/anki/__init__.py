"""The Anki format's functions: the last manifest, the deck (genanki loads to render), a report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions


def manifest_name(options: RenderOptions) -> str:
    """The build manifest's file name, beside the deck."""
    return f"{options.name}.manifest.json"


def prepare(options: RenderOptions, *, previous: Callable[[str], bytes | None]) -> RenderOptions:
    """Unchanged notes keep their times: hand the renderer the previous build's manifest."""
    name = manifest_name(options)
    manifest = previous(name)
    if manifest is None:  # a first build
        return options
    return replace(options, previous={**options.previous, name: manifest})


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """The .apkg and its manifest (genanki is imported only now)."""
    from quizgen.renderers.anki.deck import render as render_deck

    return render_deck(quiz, options=options)


def report(files: Mapping[str, bytes], *, quiz: Quiz, options: RenderOptions) -> list[str]:
    """"anki notes: 3 added, 1 changed, 40 unchanged, 0 kept in Anki", against the last build."""
    from quizgen.renderers.anki.manifest import change_report

    name = manifest_name(options)
    changes = change_report(options.previous.get(name), files[name],
                            articles=tuple(base.id for base in quiz.bases))
    return [f"anki notes: {changes}"]
