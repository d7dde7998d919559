"""Provenance: every excerpt, and every quote's text, occurs verbatim in the article's text."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PureWindowsPath
from typing import NamedTuple

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.filetext import utf16_guess
from quizgen.factbase.model import (
    Entity,
    Event,
    Fact,
    FactBase,
    Figure,
    Place,
    Quote,
    ReportedClaim,
    Span,
    Term,
)

_SPACES = re.compile(r"\s+")
_SECTION_OF: dict[type, str] = {
    Entity: "people", Quote: "quotes", Figure: "figures", Event: "events", Place: "places",
    Term: "terms", ReportedClaim: "claims"}
_OPTIONAL_EXCERPT = (Place, Term, ReportedClaim)  # sections whose excerpt may be left out
_SHOWN = 30  # characters of context shown around the first difference
MAX_SOURCE_BYTES = 5 * 1024 * 1024  # article texts over this size are refused before reading


def collapse(text: str) -> str:
    """Text with each run of whitespace (spaces, tabs, line breaks) made one space, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def check_provenance(base: FactBase, *, source_text: str | None = None) -> list[Problem]:
    """Problems for each excerpt or quote text not found verbatim in the source text.

    Whitespace runs count as one space; quotes, dashes and case must match exactly. Without
    `source_text`, reads `source.text_file` relative to the fact-base file.
    """
    if source_text is None:
        try:
            source_text = read_source_text(base)
        except QuizgenError as error:
            return list(error.problems)
    haystack = collapse(source_text)
    problems: list[Problem] = []
    groups: tuple[tuple[Fact, ...], ...] = (
        base.entities, base.quotes, base.figures, base.events, base.places, base.terms,
        base.claims)
    for facts in groups:
        for index, fact in enumerate(facts):
            fields = [] if isinstance(fact, _OPTIONAL_EXCERPT) and not fact.excerpt.strip() \
                else [("excerpt", fact.excerpt)]
            if isinstance(fact, Quote):
                fields.append(("text", fact.text))
            for name, text in fields:
                problem = _check_one(base, fact, f"{_SECTION_OF[type(fact)]}[{index}].{name}",
                                     collapse(text), haystack)
                if problem is not None:
                    problems.append(problem)
    return problems


def read_source_text(base: FactBase) -> str:
    """The article text named by `source.text_file`, relative to the fact-base file.

    Only a regular file inside the fact base's folder (or below it) is read, and only up to
    MAX_SOURCE_BYTES: an absolute path, a path or symlink leading outside the folder, a device
    or a folder is refused before anything is read, so no other file's contents can be shown.
    """
    span = base.source.span
    where = _Where(span, base.path, "source.text_file")
    if base.source.text_file is None:
        raise QuizgenError(where.problem(
            "no source text to check provenance against", found="no text_file",
            expected="source: text_file: the article's text, relative to this file",
        ))
    path, shown = _source_path(base.source.text_file, base.path, where)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_SOURCE_BYTES:
                raise _too_large(where, shown, f"{size:,} bytes")
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise QuizgenError(where.problem("cannot read the source text file", found=str(shown),
                                         expected=exc.strerror or "a readable file")) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise _too_large(where, shown, f"more than {MAX_SOURCE_BYTES:,} bytes")
    guess = utf16_guess(data)
    if guess is not None:
        raise QuizgenError(where.problem(
            f"the source text file is not UTF-8: it looks like {guess}", found=str(shown),
            expected="the article saved as UTF-8"))
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise QuizgenError(where.problem(
            f"the source text file is not UTF-8 (byte offset {exc.start}, line {line})",
            found=str(shown), expected="the article saved as UTF-8")) from None


def _source_path(text_file: str, factbase_path: str | None,
                 where: _Where) -> tuple[Path, Path]:
    """The article's real path, checked to be a regular file inside the fact base's folder,
    and the path as shown in messages."""
    expected = ("a path relative to the fact-base file, to a plain-text file in its folder or"
                " below, e.g. sources/my-article.txt")
    if "\x00" in text_file:
        raise QuizgenError(where.problem("the source text path holds a NUL character",
                                         found=repr(text_file), expected=expected))
    if Path(text_file).is_absolute() or PureWindowsPath(text_file).is_absolute():
        raise QuizgenError(where.problem("the source text path is absolute",
                                         found=repr(text_file), expected=expected))
    base_folder = Path(factbase_path).parent if factbase_path else Path()
    shown = base_folder / text_file
    folder = base_folder.resolve()
    path = folder / text_file
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a name too long
        raise QuizgenError(where.problem("cannot read the source text file",
                                         found=_shorten(text_file), expected=str(exc))) from None
    if not resolved.is_relative_to(folder):
        raise QuizgenError(where.problem(
            "the source text path leads outside the fact base's folder",
            found=repr(text_file) + (" (through a symbolic link)" if _has_link(folder, path)
                                     else ""),
            expected=expected))
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        raise QuizgenError(where.problem(
            "the source text file does not exist", found=str(shown),
            expected="a plain-text copy of the article at that path",
        )) from None
    except OSError as exc:  # a name too long, a folder that cannot be entered
        raise QuizgenError(where.problem("cannot read the source text file",
                                         found=_shorten(text_file),
                                         expected=exc.strerror or "a readable file")) from None
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise QuizgenError(where.problem("the source text path is not a regular file",
                                         found=f"{text_file!r}: {what}", expected=expected))
    return resolved, shown


def _has_link(folder: Path, path: Path) -> bool:
    """Whether any part of path below folder is a symbolic link."""
    part = path
    while part != folder and part != part.parent:
        if part.is_symlink():
            return True
        part = part.parent
    return False


def _too_large(where: _Where, path: Path, found: str) -> QuizgenError:
    return QuizgenError(where.problem(
        "the source text file is too large", found=f"{found} in {path}",
        expected=f"an article text of at most {MAX_SOURCE_BYTES:,} bytes (5 MB)"))


class _Where(NamedTuple):
    """Where problems about one fact (or the source) are reported."""

    span: Span | None
    fallback_file: str | None
    field: str

    def problem(self, message: str, *, found: str, expected: str) -> Problem:
        """A Problem at the fact's line, naming the field."""
        span = self.span
        return Problem(message, file=span.file if span else self.fallback_file,
                       line=span.line if span else None, column=span.column if span else None,
                       field=self.field, found=found, expected=expected)


def _check_one(base: FactBase, fact: Fact, field: str, needle: str,
               haystack: str) -> Problem | None:
    where = _Where(fact.span, base.path, field)
    if not needle:
        return where.problem("nothing to find in the source text", found="empty text",
                             expected="words copied from the article")
    if needle in haystack:
        return None
    return where.problem("not found verbatim in the source text", found=_shorten(needle),
                         expected=_first_difference(needle, haystack))


def _shorten(text: str) -> str:
    return repr(text if len(text) <= 2 * _SHOWN + 10 else text[:_SHOWN] + " … " + text[-_SHOWN:])


def _first_difference(needle: str, haystack: str) -> str:
    """Where the text departs from the article: the longest prefix found, then what follows."""
    low, high = 0, len(needle)  # needle[:low] occurs, needle[:high + 1] ... does not (monotone)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return "text copied from the article (its first character is not in the article)"
    at = haystack.find(needle[:low]) + low
    return (f"the article's words: after {needle[max(0, low - _SHOWN):low]!r} the article has"
            f" {haystack[at:at + _SHOWN]!r} where the fact base has {needle[low:low + _SHOWN]!r}")
