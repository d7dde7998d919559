"""The regular expressions quizgen's modules compile as they load, compiled once and kept."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the matcher re compiles for
import marshal
import os
import re
import sys
from array import array
from typing import Any

# quizgen's modules compile ~330 patterns as they are imported (those a build imports, ~75, and
# a build compiles the same ones again at run time): parsing each and turning it into the
# matcher's code was ~100 M instructions of a bundled build (4%), in pure Python, with the same
# result every time. The result (the matcher's code, groups and flags: what
# `re._compiler.compile` hands to `_sre.compile`) is kept in `KEPT_FILE` for each pattern text
# and flags, and `install` has the re module's own cache, where `re.compile` looks first, make
# each from it when first asked for (`python -m quizgen.keep_code` rewrites the file;
# tests/test_pattern_code.py checks it is current and that each kept pattern equals the one
# `re` compiles). Only the same interpreter and matcher version read it: any other, a file that
# cannot be read, or a cache that is not the dict it is in Python 3.11, and every pattern is
# compiled as before. A pattern not kept (changed since) is compiled as before too.
FORMAT = 1
KEPT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pattern_code.bin")

# (pattern, flags given, flags of the compiled pattern, code as 32-bit words, groups, group
# index, index group)
Kept = tuple[str, int, int, bytes, int, dict[str, int], tuple[Any, ...]]


def stamp() -> tuple[int, str, tuple[int, ...], int, int]:
    """What kept patterns are valid for: this file's format, the interpreter, its matcher."""
    return FORMAT, sys.implementation.cache_tag, tuple(sys.version_info[:3]), _sre.MAGIC, \
        _sre.CODESIZE


def read(path: str = KEPT_FILE) -> list[Kept]:
    """The patterns kept in a file; none when it is missing, unreadable or for another version."""
    try:
        with open(path, "rb") as file:  # shipped inside the package, read as its code is
            kept_stamp, kept = marshal.loads(file.read())
    except (OSError, EOFError, ValueError, TypeError):
        return []
    if kept_stamp != stamp() or not isinstance(kept, list):
        return []
    return kept


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
        item = self.kept.get(key[1:]) if type(key) is tuple and key[:1] == (str,) else None
        if item is None:
            raise KeyError(key)
        try:
            pattern = made(item)
        except (TypeError, ValueError, RuntimeError):  # not what this matcher takes
            raise KeyError(key) from None
        self[key] = pattern
        return pattern


def install() -> int:
    """Have re's cache make kept patterns when they are asked for (called once, before quizgen's
    modules load); how many are kept."""
    cache = getattr(re, "_cache", None)
    if type(cache) is not dict or array("I").itemsize != _sre.CODESIZE:
        return 0
    kept = {(item[0], item[1]): item for item in read()}
    if kept:
        vars(re)["_cache"] = _Cache(cache, kept)  # re._compile looks `_cache` up at each call
    return len(kept)
