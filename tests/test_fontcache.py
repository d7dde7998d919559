"""The bundled fonts' kept faces are current, equal reportlab's parse, and change no PDF byte."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from quizgen.factbase.loader import load_factbase
from quizgen.quiz.select import build_quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet import fontcache, para
from quizgen.renderers.worksheet import render as render_worksheet
from quizgen.renderers.worksheet.styles import FONT, FONT_BOLD, FONT_FILES
from quizgen.resources import FONTS_DIR

ROOT = Path(__file__).resolve().parent.parent
FONTS = sorted(FONTS_DIR / name for name in FONT_FILES.values())


@pytest.mark.parametrize("font", FONTS, ids=lambda p: p.name)
def test_each_kept_face_is_what_reportlab_parses_now(font: Path) -> None:
    """The `.face` file beside each bundled font holds what this reportlab parses from it
    (rewrite with `python -m quizgen.renderers.worksheet.fontcache` when either changes)."""
    stamp, _, _ = pickle.loads(fontcache.face_file(font).read_bytes())
    assert stamp == fontcache._stamp(font.read_bytes())
    assert fontcache.kept_state(font) == fontcache.parsed_state(font)


@pytest.mark.parametrize("font", FONTS, ids=lambda p: p.name)
def test_a_font_from_its_kept_face_is_the_parsed_font(font: Path) -> None:
    """Every attribute TTFont and its face get from a parse, the font read from the kept face
    has too, with the same value (the scale by what it computes)."""
    kept, parsed = fontcache.load_font("Kept", font), TTFont("Kept", str(font))
    assert type(kept) is type(parsed) and isinstance(kept.face, type(parsed.face))
    assert vars(kept).keys() == vars(parsed).keys()
    assert fontcache._LATER not in vars(kept.face)  # read below, when first asked for
    for name, value in vars(parsed).items():
        if name not in ("face", "state", "encoding"):
            assert getattr(kept, name) == value, name
    for name, value in vars(parsed.face).items():
        if name == "_pdfScale":
            assert [kept.face._pdfScale(v) for v in (0, 1, 7, 2048, -333)] == [
                value(v) for v in (0, 1, 7, 2048, -333)]
        else:
            assert getattr(kept.face, name) == value, name
    assert vars(kept.face).keys() == vars(parsed.face).keys()  # every one read, as parsed


def test_a_stale_or_broken_kept_face_is_never_used(tmp_path: Path) -> None:
    """A kept face whose stamp does not match its font, or that cannot be read, is passed over:
    the font is parsed as before."""
    font = tmp_path / "DejaVuSans.ttf"
    shutil.copyfile(FONTS[-1], font)
    stamp, state, later = pickle.loads(fontcache.face_file(FONTS[-1]).read_bytes())
    wrong = {**state, "numGlyphs": 1}
    fontcache.face_file(font).write_bytes(pickle.dumps(((0, *stamp[1:]), wrong, later)))
    assert fontcache.load_font("Stale", font).face.numGlyphs == state["numGlyphs"]
    fontcache.face_file(font).write_bytes(b"not a pickle")
    assert fontcache.load_font("Broken", font).face.numGlyphs == state["numGlyphs"]


def _worksheet(monkeypatch: pytest.MonkeyPatch, *, kept: bool,
               faces: list[object] | None = None) -> dict[str, bytes]:
    """The bundled article's worksheet and key, its fonts registered afresh from their kept faces
    or parsed (their faces put in `faces` when given)."""
    with monkeypatch.context() as patch:
        ours = (FONT, FONT_BOLD)
        patch.setattr(pdfmetrics, "_fonts", {k: v for k, v in pdfmetrics._fonts.items()
                                             if k not in ours})
        patch.setattr(pdfmetrics, "_dynFaceNames", {  # reportlab reuses a face's first font
            k: v for k, v in pdfmetrics._dynFaceNames.items() if v.fontName not in ours})
        if not kept:
            patch.setattr(fontcache, "load_font", lambda name, path: TTFont(name, str(path)))
            from quizgen.renderers.worksheet import styles
            patch.setattr(styles, "load_font", lambda name, path: TTFont(name, str(path)))
        para._BROKEN.clear()  # line breaks kept from an earlier layout would hide the widths
        para._parsed.cache_clear()
        base = load_factbase(ROOT / "content" / "venezuela-post-election.yaml")
        quiz = build_quiz([base], seed=1, count=20)
        files = render_worksheet(quiz, options=RenderOptions(name="t", timestamp=1_700_000_000))
        if faces is not None:
            faces += [pdfmetrics.getFont(name).face for name in ours]
        return files


def test_pdfs_keep_their_bytes_with_the_kept_faces(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled article's worksheet and key are byte-identical whether the fonts were read
    from their kept faces or parsed."""
    kept = _worksheet(monkeypatch, kept=True)
    parsed = _worksheet(monkeypatch, kept=False)
    assert kept.keys() == parsed.keys() and len(kept) == 2
    for name in kept:
        assert kept[name] == parsed[name], name


def test_a_worksheet_never_reads_the_glyph_map(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled worksheet and key, their fonts read from the kept faces, never unpickle the
    faces' glyph -> characters map (reportlab reads it only to shape text); asked for, it is
    the parsed one."""
    faces: list[object] = []
    _worksheet(monkeypatch, kept=True, faces=faces)
    assert len(faces) == 2
    for face in faces:
        assert "_later" in vars(face) and fontcache._LATER not in vars(face)
        parsed = TTFont("Parsed", face.filename).face  # type: ignore[attr-defined]
        assert face.glyphToChar == parsed.glyphToChar  # type: ignore[attr-defined]
        assert "_later" not in vars(face) and fontcache._LATER in vars(face)
