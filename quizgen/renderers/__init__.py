"""Registry of output formats: name -> its registry line (module path and what the CLI offers).

A format is one module plus one line here. The line (`FormatEntry`) names the module and declares
what the command line needs — the one-line description, the format's options, whether `export`
writes it to standard output, whether it keeps every question by default — so that `build`,
`export` and their `--help` never import a format they do not write. The module must define
`render(quiz, *, options: RenderOptions) -> dict[str, bytes]` and may define `render_versions`,
`prepare` and `report` (see `Format`); it is imported only to render.
"""

from __future__ import annotations

import importlib

from quizgen.registry import lookup
from quizgen.renderers.base import (
    Format,
    FormatEntry,
    FormatOption,
    Renderer,
    RenderOptions,
    VersionsRenderer,
)

# ---- options, each declared once (formats may share an option only with an identical one) ------
WITH_ARTICLE = FormatOption(
    "with_article", "--with-article",
    "Print the article first, its paragraphs numbered (¶1, ¶2 …).", kind="flag", default=False)
CITE = FormatOption("cite", "--cite", "Show beside each question the paragraph that holds its"
                    " evidence: “(¶4)”.", kind="flag", default=False)
WORKSHEET_OPTIONS = (
    FormatOption("versions", "--versions", "Per-student versions A, B, C, ...", kind="int",
                 default=1, minimum=1, maximum=26),
    FormatOption("paper", "--paper", "Paper size.", kind="choice", default="a4",
                 choices=("a4", "letter")),
    FormatOption("instructions", "--instructions", "Instructions printed under the header."),
    FormatOption("no_key", "--no-key", "Skip the answer key.", kind="flag", default=False,
                 conflicts="key_only"),
    FormatOption("key_only", "--key-only", "Write only the key.", kind="flag", default=False),
    FormatOption("explain", "--explain", "Print the source excerpt under each answer.",
                 kind="flag", default=False),
    FormatOption("split_versions", "--split-versions", "One PDF per version.", kind="flag",
                 default=False),
    FormatOption("no_pad", "--no-pad", "Do not pad each version to an even number of pages"
                 " (padding keeps double-sided copies from starting a version on the back of"
                 " another).", kind="flag", default=False),
    WITH_ARTICLE,
    CITE,
)
MOODLE_ORDERING = FormatOption(
    "moodle_ordering", "--moodle-ordering",
    "Write orderings as Moodle's Ordering question type (Moodle 4.4 or later, or a site with the"
    " qtype_ordering plugin); by default each ordering is a matching of its events to their"
    " places, which every Moodle imports.", kind="flag", default=False)

# Modules are named, not imported, so that `import quizgen.renderers` loads none of them.
RENDERERS: dict[str, FormatEntry] = {
    "anki": FormatEntry("quizgen.renderers.anki", "Anki deck (.apkg) that updates in place when"
                        " re-imported, and its build manifest.", every_question=True),
    "blooket": FormatEntry("quizgen.renderers.blooket",
                           "Blooket CSV upload: multiple choice, up to 4 answers."),
    "gift": FormatEntry("quizgen.renderers.gift",
                        "GIFT (Moodle): multiple choice, matching; orderings as matching."),
    "html": FormatEntry("quizgen.renderers.html_quiz", "Self-grading web quiz: one HTML file"
                        " that works offline and on a phone.", options=(WITH_ARTICLE, CITE)),
    "json": FormatEntry("quizgen.renderers.json_out", "The questions as versioned JSON:"
                        ' {"format", "version", "questions": [...]}.', options=(WITH_ARTICLE,),
                        stdout=True),
    "kahoot": FormatEntry("quizgen.renderers.kahoot",
                          "Kahoot spreadsheet (.xlsx): multiple choice, up to 4 answers."),
    "moodle": FormatEntry("quizgen.renderers.moodle_xml", "Moodle XML: multichoice, matching,"
                          " cloze; orderings too; tags.", options=(MOODLE_ORDERING,)),
    "qti": FormatEntry("quizgen.renderers.qti",
                       "Canvas QTI zip: choice, matching, blanks; orderings as matching."),
    "quizlet": FormatEntry("quizgen.renderers.quizlet",
                           "Quizlet import text: one card a line, term and answer."),
    "worksheet": FormatEntry("quizgen.renderers.worksheet", "Printable PDF worksheet and its"
                             " answer key, in per-student versions.", options=WORKSHEET_OPTIONS),
}

# What `quizgen build` writes when --to is not given.
DEFAULT_BUILD: tuple[str, ...] = ("anki", "worksheet", "json", "html")

_OPTIONAL = ("render_versions", "prepare", "report")


def declared(name: str) -> FormatEntry:
    """A registered format's registry line, without importing it; QuizgenError for an unknown
    name."""
    return lookup(RENDERERS, name, what="output format")


def get_renderer(name: str) -> Renderer:
    """The render function of a registered format; QuizgenError for an unknown name."""
    renderer: Renderer = get_format(name).render
    return renderer


def get_format(name: str) -> Format:
    """A registered format: its registry line and its module's functions (the module is imported
    now); QuizgenError for an unknown name."""
    entry = declared(name)
    module = importlib.import_module(entry.module)
    render = getattr(module, "render", None)
    if not callable(render):
        raise TypeError(f"format module {module.__name__} defines no render(quiz, *, options)")
    for attr in _OPTIONAL:
        value = getattr(module, attr, None)
        if value is not None and not callable(value):
            raise TypeError(f"{module.__name__}.{attr} must be a function")
    versions: VersionsRenderer | None = getattr(module, "render_versions", None)
    return Format(
        name=name,
        description=entry.description,
        render=render,
        render_versions=versions,
        options=entry.options,
        stdout=entry.stdout,
        every_question=entry.every_question,
        prepare=getattr(module, "prepare", None),
        report=getattr(module, "report", None),
    )


__all__ = [
    "CITE",
    "DEFAULT_BUILD",
    "MOODLE_ORDERING",
    "RENDERERS",
    "WITH_ARTICLE",
    "WORKSHEET_OPTIONS",
    "Format",
    "FormatEntry",
    "FormatOption",
    "RenderOptions",
    "Renderer",
    "declared",
    "get_format",
    "get_renderer",
]
