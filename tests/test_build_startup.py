"""What a build pays beyond its libraries: the shortcuts that keep it low (issue 22)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
import sys
import typing
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen import code_cache, dataclass_code, keep_code, pattern_code
from tests import kept_cache

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


# The bundled build in a fresh interpreter, whose bytecode (and kept-code cache) lives under a
# prefix; patterns compiled from source counted; at the end, bytecode allowed or not.
_BUILD = r"""
import json, sys
from re import _compiler
compiled = []
compile_ = _compiler.compile
def counted(pattern, flags=0):
    if isinstance(pattern, str):
        compiled.append([pattern, int(flags)])
    return compile_(pattern, flags)
_compiler.compile = counted
from quizgen.cli.app import app
out, allow = sys.argv[1:]
sys.argv = ["quizgen", "build", "content/venezuela-post-election.yaml", "--quiet", "--out", out]
try:
    app()
except SystemExit:
    pass
from quizgen import dataclass_code, pattern_code
sys.dont_write_bytecode = allow != "allow"  # read again by the cache's write at exit
print(json.dumps([len(dataclass_code.SEEN), sorted(dataclass_code.MADE), compiled,
                  pattern_code.NEW]))
"""


_Run = tuple[int, list[str], list[typing.Any], list[typing.Any]]  # seen, made, compiled, new


def _build(prefix: Path, out: Path, allow: bool) -> _Run:
    run = subprocess.run([sys.executable, "-c", _BUILD, str(out), "allow" if allow else "no"],
                         cwd=kept_cache.ROOT, capture_output=True, text=True, check=True,
                         env=kept_cache.env(prefix))
    assert "Traceback" not in run.stderr
    seen, made, compiled, new = json.loads(run.stdout.splitlines()[-1])
    return seen, made, compiled, new


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_build_with_a_fresh_cache_compiles_no_dataclass_method_and_no_kept_pattern(
        tmp_path: Path) -> None:
    """With the cache `python -m quizgen.keep_code` generated, the bundled build defines its
    dataclasses from kept code and makes its kept patterns from it: none is compiled from
    source, and nothing is left to write at exit."""
    kept = {(item[0], item[1]) for item in
            pattern_code.read(str(kept_cache.generate(tmp_path / "prefix")))}
    seen, made, compiled, new = _build(tmp_path / "prefix", tmp_path / "out", allow=True)
    assert seen > 300  # about six methods for each of the ~60 classes a build defines
    assert made == []
    assert len(kept) > 100 and [p for p in compiled if (p[0], p[1]) in kept] == []
    assert new == []
    assert (tmp_path / "out" / "venezuela-post-election-worksheet.pdf").exists()


def test_a_build_writes_the_cache_at_exit_only_when_bytecode_may_be_written(
        tmp_path: Path) -> None:
    """With no cache, a build under `sys.dont_write_bytecode` writes none; allowed, it writes
    one (no temp file left) from which the next build compiles nothing; a corrupt cache is
    passed over and written anew; the outputs are the same bytes every time."""
    prefix = tmp_path / "prefix"
    cache = kept_cache.cache_file(prefix)
    _, made, _, new = _build(prefix, tmp_path / "none", allow=False)
    assert len(made) > 300 and len(new) > 50
    assert not cache.exists()
    _build(prefix, tmp_path / "first", allow=True)
    assert cache.is_file() and [p.name for p in cache.parent.glob("*.tmp")] == []
    assert dataclass_code.read(str(cache)) and pattern_code.read(str(cache))
    _, made, _, new = _build(prefix, tmp_path / "fresh", allow=True)
    assert (made, new) == ([], [])
    cache.write_bytes(cache.read_bytes()[:1000])  # a cache cut short: passed over, rewritten
    _, made, _, _ = _build(prefix, tmp_path / "cut", allow=True)
    assert len(made) > 300
    assert len(dataclass_code.read(str(cache))) > 300
    outputs = _outputs(tmp_path / "none")
    assert len(outputs) >= 6
    for name in ("first", "fresh", "cut"):
        assert _outputs(tmp_path / name) == outputs, name


def test_an_unwritable_cache_folder_is_silent(tmp_path: Path) -> None:
    """A build whose cache folder cannot be made (its place is a file) runs and says nothing
    about it; writing there gives False and leaves no file."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would go\n")
    run = subprocess.run([sys.executable, "-c", _BUILD, str(tmp_path / "out"), "allow"],
                         cwd=kept_cache.ROOT, capture_output=True, text=True,
                         env=kept_cache.env(blocked))
    assert run.returncode == 0 and run.stderr == ""
    assert (tmp_path / "out" / "venezuela-post-election.json").exists()
    assert code_cache.write(b"data", str(blocked / "kept-code.bin")) is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "out"]


def test_save_writes_only_when_bytecode_may_be_written(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    """At exit the cache is written with a text compiled in this process when
    `sys.dont_write_bytecode` is false, and not when it is true."""
    text = "def __create_fn__():\n return 1"
    monkeypatch.setattr(code_cache, "FOLDER", str(tmp_path))
    monkeypatch.setitem(dataclass_code.MADE, text,
                        compile(text, "<string>", "exec", dont_inherit=True))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert keep_code.save() is False
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert keep_code.save() is True
    assert text in dataclass_code.read(code_cache.path())


def test_the_cache_sits_beside_the_bytecode_or_in_the_folder_given(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache file is where Python puts the package's bytecode (its `__pycache__`, or its
    place under `sys.pycache_prefix`), or in the folder `QUIZGEN_CODE_CACHE` names."""
    monkeypatch.setattr(code_cache, "FOLDER", None)
    monkeypatch.delenv(code_cache.ENV, raising=False)
    source = str(Path(code_cache.__file__).resolve().parent / "module.py")
    for prefix in (None, "/somewhere/pyc"):
        monkeypatch.setattr(sys, "pycache_prefix", prefix)
        assert code_cache.folder() == os.path.dirname(importlib.util.cache_from_source(source))
    monkeypatch.setenv(code_cache.ENV, "/elsewhere")
    assert code_cache.path() == f"/elsewhere/kept-code.{sys.implementation.cache_tag}.bin"
