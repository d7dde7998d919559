"""Rewrite the kept code of quizgen's dataclasses: `python -m quizgen.keep_code`."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import sys
from pathlib import Path
from types import CodeType

from quizgen import dataclass_code
from quizgen.dataclass_code import KEPT_FILE, PREFIX, stamp


def compiled(texts: list[str]) -> dict[str, CodeType]:
    """Each text compiled as the dataclasses module's `exec` compiles it: with none of this
    module's `__future__` flags (`annotations` would leave `__init__`'s annotations as text)."""
    return {text: compile(text, "<string>", "exec", dont_inherit=True)
            for text in sorted(set(texts))}


def every_text() -> list[str]:
    """The texts of every class of every quizgen module (each module imported)."""
    import quizgen

    for module in pkgutil.walk_packages(quizgen.__path__, PREFIX):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return list(dataclass_code.SEEN)


def dump(texts: list[str]) -> bytes:
    """The kept file's bytes for these texts."""
    return marshal.dumps((stamp(), compiled(texts)))


if __name__ == "__main__":  # pragma: no cover - the maintainer's command
    from quizgen.output import write_atomic

    texts = every_text()
    wrote = write_atomic(Path(KEPT_FILE), dump(texts))
    print(f"wrote {wrote} ({len(set(texts))} texts)", file=sys.stderr)
