"""The regular expressions quizgen's modules compile as they load, compiled once and kept."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the matcher re compiles for
import marshal
import os
import re
import sys
from typing import Any

# quizgen's modules compile ~330 patterns as they are imported (those a build imports, ~75, and
# a build compiles the same ones again at run time): parsing each and turning it into the
# matcher's code was ~100 M instructions of a bundled build (4%), in pure Python, with the same
# result every time. The result (the matcher's code, groups and flags: what
# `re._compiler.compile` hands to `_sre.compile`) is kept in `KEPT_FILE` for each pattern text
# and flags, and `install` puts the patterns made from it into the re module's own cache, where
# `re.compile` looks first (`python -m quizgen.keep_code` rewrites the file;
# tests/test_pattern_code.py checks it is current and that each kept pattern equals the one
# `re` compiles). Only the same interpreter and matcher version read it: any other, a file that
# cannot be read, or a cache that is not the dict it is in Python 3.11, and every pattern is
# compiled as before. A pattern not kept (changed since) is compiled as before too.
FORMAT = 1
KEPT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pattern_code.bin")

# (pattern, flags given, flags of the compiled pattern, code, groups, group index, index group)
Kept = tuple[str, int, int, list[int], int, dict[str, int], tuple[Any, ...]]


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
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return compiled


def install() -> int:
    """Put the kept patterns into the re module's cache (called once, before quizgen's modules
    load); how many were put there."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return 0
    kept = read()
    try:
        patterns = [((str, item[0], item[1]), made(item)) for item in kept]
    except (TypeError, ValueError, RuntimeError):  # a file this matcher does not take
        return 0
    cache.update(patterns)
    return len(patterns)
