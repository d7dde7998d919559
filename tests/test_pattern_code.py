"""The kept patterns of quizgen's modules: current, equal to what `re` compiles, and used."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen import keep_code, pattern_code

ROOT = Path(__file__).resolve().parent.parent

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


def test_kept_patterns_are_current_and_equal_what_re_compiles() -> None:
    """The kept file holds exactly the patterns quizgen's modules compile as they load, and each
    made from it equals `re`'s own compilation (same flags, pattern and matcher code); else
    `python -m quizgen.keep_code`."""
    kept = pattern_code.read()
    patterns = keep_code.every_pattern()
    assert len(patterns) > 100
    assert sorted((item[0], item[1]) for item in kept) == sorted(patterns), \
        "stale: run `python -m quizgen.keep_code`"
    for item in kept:
        made = pattern_code.made(item)
        fresh = re._compiler.compile(item[0], item[1])  # type: ignore[attr-defined]
        assert made == fresh, item[0]
        assert (made.groups, made.groupindex, made.flags) == \
            (fresh.groups, fresh.groupindex, fresh.flags)


def test_quizgen_compiles_no_pattern_of_its_modules_as_they_load() -> None:
    """With the kept patterns in re's cache, importing every quizgen module compiles none of
    the patterns they make at import from source."""
    run = subprocess.run([sys.executable, "-c", _COMPILED_AT_IMPORT], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == []


def test_kept_patterns_match_as_compiled_ones_do() -> None:
    """A kept pattern finds what the freshly compiled one finds (named groups included)."""
    kept = {(item[0], item[1]): item for item in pattern_code.read()}
    text = "On 3 March 2024, 1,250 of 4,000 voters (31.25%) said “yes”; CNE’s count: twice."
    for (pattern, flags), item in kept.items():
        made, fresh = pattern_code.made(item), re.compile(pattern, flags)
        assert [m.groupdict() or m.groups() or m[0] for m in made.finditer(text)] == \
            [m.groupdict() or m.groups() or m[0] for m in fresh.finditer(text)], pattern


def test_a_stale_or_broken_file_is_passed_over(tmp_path: Path) -> None:
    """A file for another interpreter or matcher, of another format, cut short or missing
    gives no kept pattern (each is then compiled as before)."""
    item = keep_code.kept_pattern(r"\w+", 0)
    good = tmp_path / "good"
    good.write_bytes(marshal.dumps((pattern_code.stamp(), [item])))
    assert pattern_code.read(str(good)) == [item]
    stamp = pattern_code.stamp()
    for name, other in (("format", (stamp[0] + 1, *stamp[1:])),
                        ("python", (stamp[0], "cpython-399", *stamp[2:])),
                        ("matcher", (*stamp[:3], stamp[3] + 1, stamp[4]))):
        path = tmp_path / name
        path.write_bytes(marshal.dumps((other, [item])))
        assert pattern_code.read(str(path)) == [], name
    cut = tmp_path / "cut"
    cut.write_bytes(good.read_bytes()[:-3])
    assert pattern_code.read(str(cut)) == []
    assert pattern_code.read(str(tmp_path / "missing")) == []


def test_a_purged_cache_makes_kept_patterns_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """After `re.purge()` a kept pattern is made again from the file, never compiled, and a
    pattern not kept is compiled as ever."""
    item = pattern_code.read()[0]
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
