"""Patterns compiled the first time they are used, for a module's rarely needed patterns."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator


class Lazy:
    """A regular expression compiled on its first search, match or finditer, then kept.

    Compiling a large pattern (a long alternation, IGNORECASE, Unicode classes) costs far more
    than a search of a short text; a pattern a build may never use (it reads an article's
    sentences, or a rare way of writing a number) is compiled only when it is, rather than by
    every import of its module (issue 22). It searches exactly as `re.compile(text, flags)`.
    """

    __slots__ = ("_compiled", "flags", "text")

    def __init__(self, text: str, flags: int = 0) -> None:
        self.text = text
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self.text, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.search."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.match."""
        return self.compiled.match(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As re.Pattern.finditer."""
        return self.compiled.finditer(string, pos, endpos)
