"""Write the cache of quizgen's kept dataclass code and patterns: `python -m quizgen.keep_code`."""

from __future__ import annotations

import importlib
import json
import marshal
import os
import pkgutil
import subprocess
import sys
from array import array
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]  # what re.compile runs
from types import CodeType

from quizgen import code_cache, dataclass_code, pattern_code
from quizgen.dataclass_code import PREFIX

# Run in a fresh interpreter: every pattern compiled (or found in re's cache) while quizgen's
# modules are imported, by a function of a quizgen module, as (pattern, flags).
_RECORD = r"""
import json, re, sys
seen = []
compile_ = re._compile
def recorded(pattern, flags):
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == "re":
        frame = frame.f_back
    if isinstance(pattern, str) and frame is not None \
            and str(frame.f_globals.get("__name__", "")).startswith("quizgen"):
        seen.append((pattern, int(flags)))
    return compile_(pattern, flags)
re._compile = recorded
from quizgen import keep_code
keep_code.every_text()
print(json.dumps(sorted(set(seen))))
"""


def compiled(texts: list[str]) -> dict[str, CodeType]:
    """Each text compiled as the dataclasses module's `exec` compiles it: with none of this
    module's `__future__` flags (`annotations` would leave `__init__`'s annotations as text)."""
    return {text: compile(text, "<string>", "exec", dont_inherit=True)
            for text in sorted(set(texts))}


def every_text() -> list[str]:
    """The texts of every class of every quizgen module (each module imported)."""
    package = os.path.dirname(os.path.abspath(code_cache.__file__))
    for module in pkgutil.walk_packages([package], PREFIX):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return list(dataclass_code.SEEN)


def dataclass_part(kept: dict[str, bytes]) -> tuple[object, dict[str, bytes]]:
    """The cache's part for dataclass code: its stamp, each text's code marshalled on its own."""
    return dataclass_code.stamp(), dict(sorted(kept.items()))


def texts_part(texts: list[str]) -> tuple[object, dict[str, bytes]]:
    """The cache's part for dataclass code, for these texts."""
    return dataclass_part({text: marshal.dumps(code) for text, code in compiled(texts).items()})


def every_pattern() -> list[tuple[str, int]]:
    """Each pattern, with its flags, that quizgen's modules compile as they are imported."""
    beside = Path(pattern_code.__file__).resolve().parent.parent  # this quizgen, not another
    run = subprocess.run([sys.executable, "-B", "-c", _RECORD],  # -B: it writes no cache
                         capture_output=True, text=True, check=True, cwd=beside)
    return [(pattern, flags) for pattern, flags in json.loads(run.stdout)]


def kept_pattern(pattern: str, flags: int) -> pattern_code.Kept:
    """What `re._compiler.compile` hands to `_sre.compile` for a pattern, as plain values."""
    parsed = _parser.parse(pattern, flags)
    code = array("I", [int(op) for op in _compiler._code(parsed, flags)]).tobytes()
    index = dict(parsed.state.groupdict)
    groups: list[str | None] = [None] * parsed.state.groups
    for name, number in index.items():
        groups[number] = name
    return (pattern, flags, int(flags | parsed.state.flags), code, parsed.state.groups - 1,
            index, tuple(groups))


def pattern_part(kept: list[pattern_code.Kept], patterns: list[tuple[str, int]]) \
        -> tuple[object, list[pattern_code.Kept]]:
    """The cache's part for patterns: those kept and these (sorted, so a rewrite keeps order)."""
    every = {(item[0], item[1]): item for item in kept}
    for pattern, flags in patterns:
        if (pattern, flags) not in every:
            every[pattern, flags] = kept_pattern(pattern, flags)
    return pattern_code.stamp(), [every[key] for key in sorted(every)]


def write(patterns: list[tuple[str, int]] | None = None) -> str | None:
    """Write the whole cache, for every class and every pattern of quizgen's modules; the file
    written, None when it could not be."""
    texts = every_text()
    patterns = every_pattern() if patterns is None else patterns
    data = code_cache.dump(texts_part(texts), pattern_part([], patterns))
    code_cache.SAVED = True  # this process writes no other at exit
    return code_cache.path() if code_cache.write(data) else None


def save() -> bool:
    """At exit: write the cache anew with the code this process compiled that it lacked (kept
    and new together) when Python would write bytecode; False, never an error, otherwise."""
    if code_cache.SAVED or sys.dont_write_bytecode:
        return False
    if not dataclass_code.MADE and not pattern_code.NEW:
        return False
    try:
        data = code_cache.dump(dataclass_part(dataclass_code.kept_now()),
                               pattern_part(pattern_code.kept_now(), pattern_code.NEW))
    except Exception:  # a cache that cannot be made is no error for the user
        return False
    return code_cache.write(data)


if __name__ == "__main__":  # pragma: no cover - the command; tests call `write`
    wrote = write()
    print(f"wrote {wrote}" if wrote else f"could not write {code_cache.path()}", file=sys.stderr)
    sys.exit(0 if wrote else 1)
