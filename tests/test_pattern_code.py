"""The kept patterns of quizgen's modules: equal to what `re` compiles, read safely, and used."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen import code_cache, keep_code, pattern_code
from tests import kept_cache
from tests.kept_cache import generated_prefix  # noqa: F401 - the `prefix` fixture

ROOT = Path(__file__).resolve().parent.parent


def _kept(prefix: Path) -> list[pattern_code.Kept]:
    return pattern_code.read(str(kept_cache.cache_file(prefix)))

# The patterns quizgen's modules compile while they are imported, counted after `import quizgen`
# (which puts the kept ones in re's cache): those compiled from source, and those asked for.
_COMPILED_AT_IMPORT = r"""
import json, re, sys
from re import _compiler
import quizgen
compiled = []
compile_ = _compiler.compile
def counted(pattern, flags=0):
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == "re":
        frame = frame.f_back
    if frame is not None and str(frame.f_globals.get("__name__", "")).startswith("quizgen"):
        compiled.append(pattern)
    return compile_(pattern, flags)
_compiler.compile = counted
from quizgen import keep_code
keep_code.every_text()
print(json.dumps(compiled))
"""


def test_kept_patterns_are_every_one_and_equal_what_re_compiles(prefix: Path) -> None:
    """The generated cache holds exactly the patterns quizgen's modules compile as they load,
    and each made from it equals `re`'s own compilation (same flags, pattern, matcher code)."""
    kept = _kept(prefix)
    patterns = keep_code.every_pattern()
    assert len(patterns) > 100
    assert sorted((item[0], item[1]) for item in kept) == sorted(patterns)
    for item in kept:
        made = pattern_code.made(item)
        fresh = re._compiler.compile(item[0], item[1])  # type: ignore[attr-defined]
        assert made == fresh, item[0]
        assert (made.groups, made.groupindex, made.flags) == \
            (fresh.groups, fresh.groupindex, fresh.flags)


def test_quizgen_compiles_no_pattern_of_its_modules_as_they_load(prefix: Path,
                                                                  tmp_path: Path) -> None:
    """With a fresh cache, importing every quizgen module compiles none of the patterns they
    make at import from source; with none, it compiles them all."""
    run = subprocess.run([sys.executable, "-c", _COMPILED_AT_IMPORT], cwd=ROOT,
                         capture_output=True, text=True, check=True, env=kept_cache.env(prefix))
    assert json.loads(run.stdout) == []
    run = subprocess.run([sys.executable, "-c", _COMPILED_AT_IMPORT], cwd=ROOT,
                         capture_output=True, text=True, check=True,
                         env=kept_cache.env(tmp_path))
    assert len(json.loads(run.stdout)) > 100


def test_kept_patterns_match_as_compiled_ones_do(prefix: Path) -> None:
    """A kept pattern finds what the freshly compiled one finds (named groups included)."""
    kept = {(item[0], item[1]): item for item in _kept(prefix)}
    text = "On 3 March 2024, 1,250 of 4,000 voters (31.25%) said “yes”; CNE’s count: twice."
    for (pattern, flags), item in kept.items():
        made, fresh = pattern_code.made(item), re.compile(pattern, flags)
        assert [m.groupdict() or m.groups() or m[0] for m in made.finditer(text)] == \
            [m.groupdict() or m.groups() or m[0] for m in fresh.finditer(text)], pattern


def test_a_stale_or_broken_file_is_passed_over(tmp_path: Path) -> None:
    """A cache for another interpreter or matcher, of another format, cut short, corrupt or
    missing gives no kept pattern (each is then compiled as before)."""
    item = keep_code.kept_pattern(r"\w+", 0)
    stamp, none = pattern_code.stamp(), (None, None)
    files = {"good": code_cache.dump(none, (stamp, [item])),
             "format": code_cache.dump(none, ((stamp[0] + 1, *stamp[1:]), [item])),
             "python": code_cache.dump(none, ((stamp[0], "cpython-399", *stamp[2:]), [item])),
             "matcher": code_cache.dump(none, ((*stamp[:3], stamp[3] + 1, stamp[4]), [item])),
             "file-format": marshal.dumps((code_cache.FORMAT + 1, none, (stamp, [item]))),
             "corrupt": b"\x00garbage" * 8}
    files["cut"] = files["good"][:-3]
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert pattern_code.read(str(tmp_path / "good")) == [item]
    for name in [*files, "missing"]:
        if name != "good":
            assert pattern_code.read(str(tmp_path / name)) == [], name


def test_a_purged_cache_makes_kept_patterns_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """After `re.purge()` a kept pattern is made again from what was read, never compiled, and
    a pattern not kept is compiled as ever."""
    item = keep_code.kept_pattern(r"(?:kept)+ by (?P<whom>quizgen)", re.I)
    monkeypatch.setitem(pattern_code._KEPT, (item[0], item[1]), item)
    compiled: list[object] = []
    compile_ = re._compiler.compile  # type: ignore[attr-defined]

    def counted(pattern: object, flags: int = 0) -> object:
        compiled.append(pattern)
        return compile_(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", counted)  # type: ignore[attr-defined]
    re.purge()
    assert re.compile(item[0], item[1]) == compile_(item[0], item[1])
    assert compiled == []
    assert re.compile(r"(?:not kept)+ by quizgen") is re.compile(r"(?:not kept)+ by quizgen")
    assert compiled == [r"(?:not kept)+ by quizgen"]
