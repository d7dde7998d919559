"""The methods Python generates for quizgen's dataclasses, compiled once and kept in a cache."""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
from types import CodeType
from typing import Any

from quizgen import code_cache

# On Python 3.11 `@dataclass(frozen=True)` writes each class's `__init__`, `__repr__`, `__eq__`,
# `__hash__`, `__setattr__` and `__delattr__` as source text and compiles each with `exec`: for
# the ~60 classes a build defines, about 200 M instructions of parsing (8% of the bundled build).
# The text depends only on the class (its fields, defaults, options) and on the Python version, so
# the code compiled from each text quizgen's classes give is kept in the cache file generated on
# this machine (quizgen/code_cache.py: by `python -m quizgen.keep_code`, or at exit after a run
# that compiled texts it lacked), keyed by that exact text. A class whose text is not kept (a
# field changed since) is compiled as before; a part of another bytecode format, or a file that
# cannot be read, is passed over whole. The classes stay dataclasses: the same code runs, only
# its compilation is spared.
FORMAT = 1
PREFIX = "quizgen."  # only classes of quizgen's modules; any other module's are left alone

SEEN: list[str] = []  # every text of quizgen's classes generated in this process, in order
_KEPT: dict[str, bytes] = {}  # marshalled code, by source text
MADE: dict[str, CodeType] = {}  # code compiled in this process for texts not kept


def stamp() -> tuple[int, bytes]:
    """What kept code is valid for: this file's format and the interpreter's bytecode format."""
    return FORMAT, importlib.util.MAGIC_NUMBER


def read(path: str | None = None) -> dict[str, bytes]:
    """The code kept in the cache (or another cache file), marshalled, by source text; nothing
    when the file is missing, unreadable or made for another bytecode format."""
    part = code_cache.read(path)[0]
    if type(part) is not tuple or len(part) != 2 or part[0] != stamp() \
            or type(part[1]) is not dict:
        return {}
    kept: dict[str, bytes] = part[1]
    return kept


def kept_now() -> dict[str, bytes]:
    """What the cache should keep now: the code read from it, and the code compiled since."""
    return {**_KEPT, **{text: marshal.dumps(made) for text, made in MADE.items()}}


def code(kept: bytes) -> CodeType | None:
    """The code object kept (each is read only when its class is made: a build makes ~330 of
    the ~390 kept, `--help` a few)."""
    try:
        made = marshal.loads(kept)
    except (EOFError, ValueError, TypeError):
        return None
    return made if isinstance(made, CodeType) else None


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec` as the dataclasses module calls it, running kept code for a text of quizgen's."""
    if isinstance(source, str) and isinstance(globals, dict) \
            and str(globals.get("__name__", "")).startswith(PREFIX):
        SEEN.append(source)
        # compiled as the dataclasses module's own `exec` would: without this module's
        # `__future__` flags (`annotations` would leave `__init__`'s annotations as text)
        kept = _KEPT.get(source)
        made = code(kept) if isinstance(kept, bytes) else None
        if made is None:
            made = MADE[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = made
    exec(source, globals, locals)  # the text the dataclasses module generated, or its code


def install() -> None:
    """Read the kept code and have the dataclasses module run it (its `exec` is looked up in its
    module's globals before the builtins); called once, before quizgen defines any class."""
    _KEPT.update(read())
    vars(dataclasses)["exec"] = _exec
