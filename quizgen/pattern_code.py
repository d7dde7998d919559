"""The regular expressions quizgen's modules compile as they load, compiled once and kept."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the matcher re compiles for
import re
import sys
from array import array
from typing import TYPE_CHECKING, Any

from quizgen import code_cache

if TYPE_CHECKING:
    from types import FrameType

# quizgen's modules compile ~330 patterns as they are imported (those a build imports, ~75, and
# a build compiles the same ones again at run time): parsing each and turning it into the
# matcher's code was ~100 M instructions of a bundled build (4%), in pure Python, with the same
# result every time. The result (the matcher's code, groups and flags: what
# `re._compiler.compile` hands to `_sre.compile`) is kept in the cache file generated on this
# machine (quizgen/code_cache.py) for each pattern text and flags, and `install` has the re
# module's own cache, where `re.compile` looks first, make each from it when first asked for
# (tests/test_pattern_code.py checks that each kept pattern equals the one `re` compiles). Only
# the same interpreter and matcher version read it: any other, a file that cannot be read, or a
# cache that is not the dict it is in Python 3.11, and every pattern is compiled as before. A
# pattern not kept (changed since) is compiled as before too, and noted (`NEW`) when a quizgen
# module compiled it as it loaded, for the cache written at exit.
FORMAT = 1

# (pattern, flags given, flags of the compiled pattern, code as 32-bit words, groups, group
# index, index group)
Kept = tuple[str, int, int, bytes, int, dict[str, int], tuple[Any, ...]]
NEW: list[tuple[str, int]] = []  # patterns quizgen's modules compiled as they loaded, not kept
_KEPT: dict[tuple[str, int], Kept] = {}


def stamp() -> tuple[int, str, tuple[int, ...], int, int]:
    """What kept patterns are valid for: this file's format, the interpreter, its matcher."""
    return FORMAT, sys.implementation.cache_tag, tuple(sys.version_info[:3]), _sre.MAGIC, \
        _sre.CODESIZE


def read(path: str | None = None) -> list[Kept]:
    """The patterns kept in the cache (or another cache file); none when it is missing,
    unreadable or for another version."""
    part = code_cache.read(path)[1]
    if type(part) is not tuple or len(part) != 2 or part[0] != stamp() \
            or type(part[1]) is not list:
        return []
    kept: list[Kept] = part[1]
    return kept


def kept_now() -> list[Kept]:
    """The patterns read from the cache."""
    return list(_KEPT.values())


def _loading_quizgen() -> bool:
    """Whether re was asked by quizgen's code while a quizgen module loads."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__") == "re":
        frame = frame.f_back
    if frame is None or not str(frame.f_globals.get("__name__", "")).startswith("quizgen"):
        return False
    while frame is not None:
        if frame.f_code.co_name == "<module>" \
                and str(frame.f_globals.get("__name__", "")).startswith("quizgen"):
            return True
        frame = frame.f_back
    return False


def made(kept: Kept) -> re.Pattern[str]:
    """The compiled pattern from what was kept of it."""
    pattern, _, flags, code, groups, groupindex, indexgroup = kept
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, array("I", code).tolist(), groups,
                                             groupindex, indexgroup)
    return compiled


class _Cache(dict[Any, Any]):
    """re's cache of compiled patterns, which makes a kept pattern the first time re looks it
    up (a build asks for ~75 of the ~330 kept; `--help` for a few)."""

    def __init__(self, cache: dict[Any, Any], kept: dict[tuple[str, int], Kept]) -> None:
        super().__init__(cache)
        self.kept = kept

    def __missing__(self, key: Any) -> re.Pattern[str]:
        ours = type(key) is tuple and key[:1] == (str,)
        item = self.kept.get(key[1:]) if ours else None
        try:
            if item is None:
                raise ValueError("not kept")
            pattern = made(item)
        except (TypeError, ValueError, RuntimeError):  # not kept, or not what this matcher takes
            if ours and _loading_quizgen():
                NEW.append(key[1:])
            raise KeyError(key) from None
        self[key] = pattern
        return pattern


def install() -> int:
    """Have re's cache make kept patterns when they are asked for (called once, before quizgen's
    modules load); how many are kept."""
    cache = getattr(re, "_cache", None)
    if type(cache) is not dict or array("I").itemsize != _sre.CODESIZE:
        return 0
    _KEPT.update({(item[0], item[1]): item for item in read()})
    vars(re)["_cache"] = _Cache(cache, _KEPT)  # re._compile looks `_cache` up at each call
    return len(_KEPT)
