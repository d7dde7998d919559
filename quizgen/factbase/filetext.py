"""A fact-base file as text: its size bounded, UTF-8 only, byte-order marks and unprintable
characters refused, each with its line and column."""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.errors import Problem, QuizgenError

MAX_BYTES = 5 * 1024 * 1024  # files over this size are refused before they are parsed
# YAML's printable set: tab, line breaks, and everything printable outside the surrogates.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def where(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _too_big(size: int, filename: str) -> QuizgenError:
    return QuizgenError(Problem(
        "file is too large to be a fact base", file=filename,
        found=f"{size:,} bytes", expected=f"at most {MAX_BYTES:,} bytes (5 MB)",
    ))


def utf16_guess(data: bytes) -> str | None:
    """`UTF-16LE` or `UTF-16BE` when bytes look like UTF-16 without a byte-order mark, else None.

    Mostly-Latin text in UTF-16 has a NUL byte in every other position: after each character
    (little-endian) or before it (big-endian). UTF-8 text almost never holds NUL bytes at all.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.6 * pairs and even <= 0.1 * pairs:
        return "UTF-16LE"
    if even >= 0.6 * pairs and odd <= 0.1 * pairs:
        return "UTF-16BE"
    return None


def decode(data: str | bytes, *, filename: str) -> str:
    """The text of a fact base: size-checked, UTF-8 decoded, BOM removed, printable only."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise _too_big(len(data), filename)
        for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                          (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
            if data.startswith(bom):
                raise QuizgenError(Problem(
                    "file is not UTF-8", file=filename, line=1, column=1,
                    found=f"a {name} byte-order mark", expected="the file saved as UTF-8",
                ))
        guess = utf16_guess(data)
        if guess is not None:
            raise QuizgenError(Problem(
                f"file is not UTF-8: it looks like {guess} (a NUL byte beside every letter)",
                file=filename, line=1, column=1, found=f"{guess} text without a byte-order mark",
                expected="the file saved as UTF-8",
            ))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            start = exc.start
            line_start = data.rfind(b"\n", 0, start) + 1
            column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
            raise QuizgenError(Problem(
                f"file is not valid UTF-8 at byte offset {start}", file=filename,
                line=data.count(b"\n", 0, start) + 1, column=column,
                found=f"byte 0x{data[start]:02X}",
                expected="the file saved as UTF-8 (it may be Latin-1 or Windows-1252)",
            )) from None
    else:
        text = data
        if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise _too_big(len(text.encode("utf-8", "surrogatepass")), filename)
    text = text.removeprefix("\ufeff")
    if "\ufeff" in text:
        line, column = where(text, text.index("\ufeff"))
        raise QuizgenError(Problem(
            "an invisible byte-order mark inside the file", file=filename, line=line,
            column=column, found="U+FEFF", expected="no byte-order mark except at the very start",
        ))
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        line, column = where(text, bad.start())
        char = bad.group()
        hint = " (the file may be UTF-16: save it as UTF-8)" if char == "\x00" else ""
        raise QuizgenError(Problem(
            "character not allowed in YAML" + hint, file=filename, line=line, column=column,
            found=f"U+{ord(char):04X}", expected="printable text",
        ))
    return text


def read_file(path: Path) -> str:
    """Read and decode a fact-base file, refusing what is missing, a folder, or too large."""
    name = str(path)
    try:
        if path.is_dir():
            raise QuizgenError(Problem("cannot read a folder as a fact base", file=name,
                                       found="a folder", expected="a .yaml file"))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(size, name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise QuizgenError(Problem("no such file", file=name, expected="an existing .yaml file"))\
            from None
    except OSError as exc:
        raise QuizgenError(Problem("cannot read file", file=name,
                                   found=exc.strerror or type(exc).__name__,
                                   expected="a readable file")) from None
    return decode(data, filename=name)
