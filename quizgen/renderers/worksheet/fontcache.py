"""The bundled fonts' faces as reportlab parses them, kept beside the fonts: a build reads them."""

from __future__ import annotations

import pickle
import sys
import zlib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

# Parsing DejaVu Sans and its bold (6,253 glyphs each, read an unsigned short at a time) is the
# largest single cost of a bundled build beyond its libraries (about 24 ms of CPU). What the
# parse yields depends only on the font file and reportlab's version, so it is parsed once, here,
# and stored beside each font (`python -m quizgen.renderers.worksheet.fontcache` rewrites them;
# tests/test_fontcache.py checks they are current and that the PDFs keep their bytes). A stale
# or unreadable file is never used: the font is parsed as before.
FORMAT = 2
_LEFT_OUT = ("_ttf_data", "_pdfScale", "filename")  # the file's bytes, a closure, a local path
# Kept apart and read only when first asked for: reportlab reads a face's glyph -> characters map
# only to shape text (HarfBuzz), which a worksheet never asks for; unpickled, it was ~40% of
# reading a face (5,918 lists).
_LATER = "glyphToChar"


def face_file(font: Path) -> Path:
    """Where a font's parsed face is kept: beside it, `.face` for `.ttf`."""
    return font.with_suffix(".face")


def _stamp(data: bytes) -> tuple[int, str, int, int]:
    """What a kept face was parsed from: this format, reportlab's version, the font's length
    and CRC-32 (the font ships with the package; the stamp catches a font or library changed)."""
    return FORMAT, reportlab.Version, len(data), zlib.crc32(data)


def parsed_state(font: Path) -> dict[str, Any]:
    """The face reportlab parses from a font, as plain attributes (what `face_file` keeps)."""
    face = TTFontFace(str(font))
    return {k: v for k, v in vars(face).items() if k not in _LEFT_OUT}


def dump(font: Path) -> bytes:
    """The `.face` file's bytes for a font: its stamp, the parsed state but `_LATER`, and
    `_LATER` pickled on its own."""
    state = parsed_state(font)
    later = pickle.dumps(state.pop(_LATER), protocol=4)
    return pickle.dumps((_stamp(font.read_bytes()), state, later), protocol=4)


def kept_state(font: Path) -> dict[str, Any]:
    """The whole parsed state its `.face` file keeps (what `parsed_state` gave when written)."""
    _, state, later = pickle.loads(face_file(font).read_bytes())
    return {**state, _LATER: pickle.loads(later)}


class _KeptFace(TTFontFace):  # type: ignore[misc]  # reportlab has no type hints
    """A face read from its kept file: reportlab's face, its `_LATER` map unpickled when first
    asked for (then kept as a plain attribute, as a parsed face has it)."""

    def __getattr__(self, name: str) -> Any:
        later = self.__dict__.get("_later")
        if name != _LATER or later is None:
            raise AttributeError(name)
        value = pickle.loads(later)
        setattr(self, _LATER, value)
        del self.__dict__["_later"]
        return value


def load_font(name: str, font: Path) -> Any:
    """A reportlab TTFont of the font, its face read from the kept file when that is current,
    else parsed; either way the same face (tests/test_fontcache.py)."""
    data = font.read_bytes()
    try:
        # the file ships inside the package, beside the font, and is read like its code is
        stamp, state, later = pickle.loads(face_file(font).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError,
            TypeError):
        return TTFont(name, str(font))
    if stamp != _stamp(data) or not isinstance(later, bytes):
        return TTFont(name, str(font))
    face = _KeptFace.__new__(_KeptFace)
    face.__dict__.update(state, _later=later)
    face._ttf_data = data
    face.filename = str(font)
    face._pdfScale = _scale(face.unitsPerEm)
    made = TTFont.__new__(TTFont)  # what TTFont.__init__ sets, with the face read above
    made.fontName = name
    made.face = face
    made.encoding = TTEncoding()
    made.state = WeakKeyDictionary()
    made._asciiReadable = rl_config.ttfAsciiReadable
    made.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return made


def _scale(units: int) -> Any:
    """Font units to PDF's thousandths of an em, as reportlab's parse computes it."""
    if units == 1000:
        return lambda x: x
    times = 1000 / units
    return lambda x: x * times


def write_all(fonts: list[Path]) -> None:
    """Rewrite each font's `.face` file, atomically (readable by everyone, as the font)."""
    from quizgen.output import write_atomic

    for font in fonts:
        print(f"wrote {write_atomic(face_file(font), dump(font))}")


if __name__ == "__main__":  # pragma: no cover - the maintainer's command
    from quizgen.resources import FONTS_DIR

    given = [Path(a) for a in sys.argv[1:]]
    write_all(given or sorted(FONTS_DIR.glob("*.ttf")))
