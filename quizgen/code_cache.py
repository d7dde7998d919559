"""The cache of kept compiled code, generated beside quizgen's bytecode as a `.pyc` file is."""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from typing import Any

# The kept dataclass methods (quizgen/dataclass_code.py) and patterns (quizgen/pattern_code.py)
# live in one file generated on this machine, never in git: `kept-code.<cache tag>.bin` in the
# package's `__pycache__` (under `sys.pycache_prefix` when that is set, as Python puts `.pyc`
# files). `python -m quizgen.keep_code` writes it whole; quizgen writes it at exit too when it
# compiled code the file lacked and Python would write bytecode (`sys.dont_write_bytecode`
# false), as Python writes a `.pyc` only then. Each part carries its own stamp (interpreter,
# matcher) and is passed over when it does not match; a missing, foreign, cut or unwritable file
# only means compiling as before, never an error. Writes are atomic (temp file + os.replace).
FORMAT = 1
FOLDER: str | None = None  # where the file is; None: beside the package's bytecode (tests set it)
ENV = "QUIZGEN_CODE_CACHE"  # a folder to keep the file in instead (a read-only install; tests)
SAVED = False  # set once this process wrote the whole file (`keep_code`): no write at exit
_EMPTY: tuple[Any, Any] = (None, None)
_READ: dict[str, tuple[Any, Any]] = {}


def folder() -> str | None:
    """The folder of the cache: the package's `__pycache__`, or its place under the prefix."""
    if FOLDER is not None:
        return FOLDER
    if os.environ.get(ENV):
        return os.environ[ENV]
    package = os.path.dirname(os.path.abspath(__file__))
    prefix = sys.pycache_prefix
    if prefix:  # as importlib.util.cache_from_source: the source folder's path under the prefix
        return os.path.join(prefix, os.path.splitdrive(package)[1].lstrip(os.sep))
    return os.path.join(package, "__pycache__")


def path() -> str | None:
    """The cache file for this interpreter; None when it caches no bytecode."""
    where, tag = folder(), sys.implementation.cache_tag
    return None if where is None or tag is None else os.path.join(where, f"kept-code.{tag}.bin")


def read(file: str | None = None) -> tuple[Any, Any]:
    """The two parts of a cache file (dataclass code, patterns), each (stamp, kept), read once;
    (None, None) when the file is missing, unreadable or of another format."""
    file = path() if file is None else file
    if file is None:
        return _EMPTY
    if file not in _READ:
        _READ[file] = _load(file)
    return _READ[file]


def _load(file: str) -> tuple[Any, Any]:
    """A cache file's parts, or (None, None)."""
    try:
        with open(file, "rb") as opened:
            kept = marshal.loads(opened.read())
    except (OSError, EOFError, ValueError, TypeError):
        return _EMPTY
    if type(kept) is not tuple or len(kept) != 3 or kept[0] != FORMAT:
        return _EMPTY
    return kept[1], kept[2]


def dump(dataclasses: tuple[Any, Any], patterns: tuple[Any, Any]) -> bytes:
    """A cache file's bytes for its two parts, each (stamp, kept)."""
    return marshal.dumps((FORMAT, dataclasses, patterns))


def write(data: bytes, file: str | None = None) -> bool:
    """Put a cache file in place atomically; False, silently, when it cannot be written (the
    temp file, if any, removed: never a half-written cache)."""
    file = path() if file is None else file
    if file is None:
        return False
    temp = f"{file}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(file), exist_ok=True)
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(handle, "wb") as opened:
            opened.write(data)
        os.replace(temp, file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    _READ.pop(file, None)
    return True
