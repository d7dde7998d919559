"""What a build pays beyond its libraries: the shortcuts that keep it low (issue 22)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import typing
from dataclasses import replace
from pathlib import Path

import pytest

# Modules a build imports that define NamedTuples: they do without `from __future__ import
# annotations`, since typing turns each string annotation of a NamedTuple field into a ForwardRef
# compiled at import (~0.1 M instructions a field; ~14 M for these modules' ~240 fields).
EAGER_ANNOTATIONS = (
    "quizgen.article.text",
    "quizgen.factbase.fields",
    "quizgen.factbase.schema",
    "quizgen.generators.amounts",
    "quizgen.generators.chronology",
    "quizgen.generators.figure_asks",
    "quizgen.generators.measure_grammar",
    "quizgen.generators.measure_kinds",
    "quizgen.generators.quote_match",
    "quizgen.generators.who_said_it",
    "quizgen.quiz.fact_lookup",
    "quizgen.quiz.leaks",
    "quizgen.quiz.profile",
    "quizgen.quiz.scoring",
    "quizgen.quiz.spread",
    "quizgen.renderers.anki.manifest",
    "quizgen.renderers.anki.note_types",
    "quizgen.renderers.reading",
    "quizgen.renderers.worksheet.common",
    "quizgen.renderers.worksheet.options",
    "quizgen.renderers.worksheet.plan",
    "quizgen.renderers.worksheet.styles",
)


@pytest.mark.parametrize("name", EAGER_ANNOTATIONS)
def test_named_tuples_on_the_build_path_have_no_string_annotations(name: str) -> None:
    """Each NamedTuple of these modules declares its fields as types, never as strings."""
    module = importlib.import_module(name)
    tuples = [value for value in vars(module).values() if isinstance(value, type)
              and issubclass(value, tuple) and hasattr(value, "_fields")
              and value.__module__ == name]
    assert tuples, f"{name} defines no NamedTuple: drop it from EAGER_ANNOTATIONS"
    for cls in tuples:
        strings = [field for field, hint in cls.__annotations__.items() if isinstance(hint, str)]
        assert not strings, f"{name}.{cls.__name__}: string annotations {strings}"
        assert not any(isinstance(hint, typing.ForwardRef)
                       for hint in cls.__annotations__.values())


def test_change_report_from_kept_manifests_matches_parsing_them_again() -> None:
    """The deck's change report from the manifests kept while rendering equals the report
    from parsing both manifests afresh, for a rebuild over an older, edited manifest."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.pipeline import render_format
    from quizgen.quiz.select import build_quiz
    from quizgen.renderers.anki import manifest
    from quizgen.renderers.base import RenderOptions

    base = load_factbase(Path("content/venezuela-post-election.yaml"))
    quiz = build_quiz([base], everything=True)
    options = RenderOptions(name="deck", timestamp=946684800)
    first = render_format("anki", quiz, options=options)["deck.manifest.json"]
    document = json.loads(first)
    guids = sorted(document["notes"])
    del document["notes"][guids[0]]  # a note new to this build
    document["notes"][guids[1]].update(hash="0" * 64, content="2" * 64)  # a note changed since
    for guid in guids[2:6]:  # notes of a build before build tags: one hash, without the tag
        note = document["notes"][guid]
        note["hash"] = note.pop("content", note["hash"])
    document["notes"]["gone"] = {"label": "gone", "hash": "1" * 64, "mod": 1}
    previous = json.dumps(document).encode()
    again = replace(options, previous={"deck.manifest.json": previous})
    second = render_format("anki", quiz, options=again)["deck.manifest.json"]
    assert {id(previous), id(second)} <= set(manifest._KNOWN)
    kept = manifest.change_report(previous, second, articles=(base.id,))
    assert not manifest._KNOWN  # taken out once read
    parsed = manifest.change_report(previous, second, articles=(base.id,))
    assert kept == parsed
    assert (kept.added, kept.changed, kept.removed) == (1, 1, 1) and kept.retagged >= 4


def test_a_command_builds_no_other_and_help_still_lists_each_by_its_own_help() -> None:
    """Running one command builds that command alone; --help builds and lists the others by
    their own one-line help, and a typo is matched against every command."""
    import typer
    from typer.testing import CliRunner

    from quizgen.cli.app import make_app

    group = typer.main.get_command(make_app())
    with pytest.raises(SystemExit) as done:
        group.main(["schema"], prog_name="quizgen")
    assert done.value.code == 0
    assert set(group.commands) == {"schema"}  # type: ignore[attr-defined]
    listing = CliRunner().invoke(make_app(), ["--help"]).output
    assert "validate   Check fact bases; exit 1 with every problem" in listing
    typo = CliRunner().invoke(make_app(), ["buidl"]).output
    assert "No such command 'buidl'. Did you mean 'build'?" in typo


def test_a_build_compiles_no_dataclass_method_from_source(tmp_path: Path) -> None:
    """The bundled build defines its dataclasses from the kept code (quizgen/dataclass_code.py):
    every method text its classes generate is found there, none is parsed and compiled."""
    script = (
        "import json, sys\n"
        "from quizgen.cli.app import app\n"
        "sys.argv = ['quizgen', 'build', 'content/venezuela-post-election.yaml', '--quiet',"
        f" '--out', {str(tmp_path)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "from quizgen import dataclass_code as kept\n"
        "print(json.dumps([len(kept.SEEN), [t for t in kept.SEEN if t not in kept._KEPT]]))\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    seen, compiled = json.loads(run.stdout.splitlines()[-1])
    assert seen > 300  # about six methods for each of the ~60 classes a build defines
    assert compiled == []
    assert (tmp_path / "venezuela-post-election-worksheet.pdf").exists()
