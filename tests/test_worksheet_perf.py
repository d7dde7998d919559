"""The worksheet's speed and memory measures change no byte of the PDFs they make."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus import tables as rl_tables

from benchmarks.synth import synth_factbase_text
from quizgen.factbase.loader import load_text
from quizgen.quiz.select import build_quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet import common as worksheet_common
from quizgen.renderers.worksheet import key as worksheet_key
from quizgen.renderers.worksheet import pages as worksheet_pages
from quizgen.renderers.worksheet import para as worksheet_para
from quizgen.renderers.worksheet import sheet as worksheet
from quizgen.renderers.worksheet import student as worksheet_student
from quizgen.renderers.worksheet.para import Paragraph, forget_lines
from quizgen.renderers.worksheet.styles import FONT, register_fonts

STYLE = ParagraphStyle("test", fontName="Helvetica", fontSize=10, leading=12)
LONG = "A sentence long enough to wrap over a few lines at a narrow width, " * 3


def _plain_show_page(canvas: Any) -> None:
    """reportlab's page keeping as the footer canvas first did it: every operator kept apart."""
    canvas._kept.append(dict(canvas.__dict__))
    canvas._startPage()


def _eager(make: Any) -> Flowable:
    """Make a deferred question's flowables at once, as the story did before Deferred."""
    made = make()
    assert len(made) == 1
    return made[0]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A synthetic fact base of 60 facts (all four question kinds), loaded."""
    yaml_text, article = synth_factbase_text(60, seed=11)
    folder = tmp_path_factory.mktemp("synth")
    (folder / "synth-60-11.txt").write_text(article, encoding="utf-8")
    return load_text(yaml_text, filename=str(folder / "synth-60-11.yaml"))


def _render_both(quiz: Any, options: RenderOptions,
                 monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, bytes], dict[str, bytes]]:
    fast = worksheet.render(quiz, options=options)
    with monkeypatch.context() as patch:
        patch.setattr(worksheet_para.Paragraph, "__init__", rl_paragraph.Paragraph.__init__)
        patch.setattr(worksheet_para.Paragraph, "wrap", rl_paragraph.Paragraph.wrap)
        patch.setattr(worksheet_student, "Deferred", _eager)
        patch.setattr(worksheet_pages._FooterCanvas, "showPage", _plain_show_page)
        patch.setattr(worksheet_key, "forget_lines", lambda cells: None)
        patch.setattr(worksheet, "WAIT_PAGES", 0)  # each flowable drawn as it is laid out
        patch.setattr(worksheet_common.Table, "wrap", rl_tables.Table.wrap)
        patch.setattr(worksheet, "KEEP_MEASURED", 0)  # questions made again for the layout
        plain = worksheet.render(quiz, options=options)
    return fast, plain


@pytest.mark.parametrize(
    "options",
    [
        RenderOptions(name="t", seed=3, timestamp=1_700_000_000),
        RenderOptions(name="t", seed=4, timestamp=1_700_000_000, versions=3,
                      extra={"paper": "letter", "explain": True}),
        RenderOptions(name="t", seed=5, timestamp=1_700_000_000, versions=2,
                      extra={"split_versions": True}),
    ],
    ids=["one-version", "three-versions-letter-explain", "split-versions"],
)
def test_pdfs_are_byte_identical_to_plain_reportlab_layout(
    synthetic: Any, options: RenderOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parse cache, wrap memos (paragraphs, tables), deferral, compact pages, forgotten key
    lines, drawing that waits for the layout kept, the questions measured for the page fit laid
    out: the same bytes."""
    quiz = build_quiz([synthetic], seed=options.seed)
    fast, plain = _render_both(quiz, options, monkeypatch)
    assert sorted(fast) == sorted(plain)
    for name in fast:
        assert fast[name] == plain[name], name


@pytest.fixture()
def break_count(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The widths reportlab's line breaking was run at, in order."""
    widths: list[float] = []
    real = rl_paragraph.Paragraph.breakLines

    def counting(self: Any, width: Any) -> Any:
        widths.append(width[-1] if isinstance(width, list) else width)
        return real(self, width)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", counting)
    yield widths


@pytest.fixture(autouse=True)
def no_shared_breaks() -> Iterator[None]:
    """Each test starts with no line breaks shared from earlier paragraphs."""
    worksheet_para._BROKEN.clear()
    yield
    worksheet_para._BROKEN.clear()


def test_wrap_breaks_lines_once_per_width(break_count: list[float]) -> None:
    """Wrapping again at a width already broken reuses the lines; a new width breaks them."""
    para = Paragraph(LONG, STYLE)
    first = para.wrap(120, 1000)
    assert para.wrap(120, 500) == first
    assert len(break_count) == 1
    wider = para.wrap(300, 1000)
    assert len(break_count) == 2
    assert wider[1] < first[1]
    assert para.wrap(120, 1000) == first  # back to the first width: its lines, not broken again
    assert len(break_count) == 2
    assert para.blPara.lines == Paragraph(LONG, STYLE).breakLines([120, 120]).lines


def test_paragraphs_of_one_markup_and_style_share_their_line_breaks(
    break_count: list[float],
) -> None:
    """A paragraph of the same markup, style and width as an earlier one takes its lines (as a
    26-version sheet repeats every question); another width or style breaks them anew, and
    every size is reportlab's own."""
    other = ParagraphStyle("other", parent=STYLE, fontSize=12, leading=14)
    sizes = [Paragraph(LONG, STYLE).wrap(120, 1000) for _ in range(3)]
    assert len(break_count) == 1
    sizes += [Paragraph(LONG, STYLE).wrap(200, 1000), Paragraph(LONG, other).wrap(120, 1000)]
    assert len(break_count) == 3
    reference = [rl_paragraph.Paragraph(LONG, style).wrap(width, 1000)
                 for style, width in [(STYLE, 120)] * 3 + [(STYLE, 200), (other, 120)]]
    assert sizes == reference


def test_shared_line_breaks_are_bounded(break_count: list[float],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """At most _BROKEN_KEPT line breaks are kept, the oldest dropped first."""
    monkeypatch.setattr(worksheet_para, "_BROKEN_KEPT", 2)
    for text in ("one", "two", "three", "two", "one"):
        Paragraph(text, STYLE).wrap(120, 1000)
    assert len(worksheet_para._BROKEN) == 2
    assert len(break_count) == 4  # "two" was still kept; "one" had been dropped


def test_wrap_after_split_drops_its_lines_takes_them_again(break_count: list[float]) -> None:
    """When split() discards the line breaks (no room), the next wrap takes them back."""
    para = Paragraph(LONG, STYLE)
    size = para.wrap(120, 1000)
    assert para.split(120, 5) == []  # too little room even for one line: reportlab drops them
    assert "blPara" not in para.__dict__
    assert para.wrap(120, 1000) == size
    assert len(break_count) == 1
    assert "blPara" in para.__dict__


def test_forget_lines_frees_line_breaks_in_cells(break_count: list[float]) -> None:
    """forget_lines drops the lines of lone or listed paragraphs; a rewrap gives the same size."""
    alone, listed = Paragraph(LONG, STYLE), Paragraph("short", STYLE)
    sizes = alone.wrap(120, 1000), listed.wrap(120, 1000)
    forget_lines([alone, [listed], "text", None])
    assert "blPara" not in alone.__dict__ and "blPara" not in listed.__dict__
    assert (alone.wrap(120, 1000), listed.wrap(120, 1000)) == sizes
    assert len(break_count) == 2


def test_the_bundled_articles_26_versions_are_byte_identical(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The class set of the benchmark (26 versions, every question repeated in each): the same
    bytes with every measure as with reportlab's plain layout."""
    from pathlib import Path

    from quizgen.factbase.loader import load_factbase
    from quizgen.pipeline import render_format
    from quizgen.quiz.select import CLASS_LENGTH, make_versions

    article = Path(__file__).resolve().parent.parent / "content" / "venezuela-post-election.yaml"
    quiz = build_quiz([load_factbase(article)], count=CLASS_LENGTH)
    options = RenderOptions(name="t", timestamp=1_700_000_000, versions=26)
    fast = render_format("worksheet", quiz, options=options)
    versions = make_versions(quiz, count=26, seed=0)
    with monkeypatch.context() as patch:
        patch.setattr(worksheet_para.Paragraph, "__init__", rl_paragraph.Paragraph.__init__)
        patch.setattr(worksheet_para.Paragraph, "wrap", rl_paragraph.Paragraph.wrap)
        patch.setattr(worksheet_common.Table, "wrap", rl_tables.Table.wrap)
        patch.setattr(worksheet, "KEEP_MEASURED", 0)
        plain = worksheet.render_versions(versions, options=options, title=quiz.title)
    assert sorted(fast) == sorted(plain)
    for name in fast:
        assert fast[name] == plain[name], name


def test_cached_markup_gives_each_paragraph_its_own_fragments() -> None:
    """Two paragraphs of the same markup share no fragment, and match reportlab's own parse."""
    register_fonts()
    style = ParagraphStyle("b", fontName=FONT, fontSize=10, leading=12)
    markup = '<b>7.</b>&nbsp;<font color="#777777">a &amp; b</font>'
    one, two = Paragraph(markup, style), Paragraph(markup, style)
    reference = rl_paragraph.Paragraph(markup, style)
    assert not {id(f) for f in one.frags} & {id(f) for f in two.frags}
    for frags in (one.frags, two.frags):
        assert [(f.text, f.fontName, f.textColor) for f in frags] == [
            (f.text, f.fontName, f.textColor) for f in reference.frags]
    one.frags[0].text = "changed"
    assert two.frags[0].text == reference.frags[0].text
    assert one.text == reference.text and one.style is reference.style


@pytest.mark.parametrize("text", [
    "Name:", "1 point", "  two  spaces\tand a tab\n and a line ", "“Quoted” — 51.2% > 44%",
    "Petro’s ‘doubts’", "x", "xX", "   ", "\u00a0non-breaking\u00a0space", "a > b ; c = d",
])
@pytest.mark.parametrize("transform", [None, "none", "uppercase", "lowercase", "capitalize"])
def test_plain_text_parses_as_reportlab_does(text: str, transform: str | None) -> None:
    """A text without tags or entities gets the text, style, fragments and bullet that
    reportlab's own parse gives, whatever the style's text transform."""
    style = ParagraphStyle(f"plain-{transform}", fontName="Helvetica", fontSize=9, leading=11,
                           textTransform=transform)
    ours, reference = Paragraph(text, style), rl_paragraph.Paragraph(text, style)
    assert (ours.text, ours.style, ours.bulletText) == (
        reference.text, reference.style, reference.bulletText)
    assert [vars(f) for f in ours.frags] == [vars(f) for f in reference.frags]
    assert [type(f) for f in ours.frags] == [type(f) for f in reference.frags]


def test_bad_markup_still_raises_as_in_reportlab() -> None:
    """Markup reportlab cannot parse raises the same ValueError through the cache."""
    with pytest.raises(ValueError, match="paragraph"):
        rl_paragraph.Paragraph("<b>unclosed <i>", STYLE)
    with pytest.raises(ValueError, match="paragraph"):
        Paragraph("<b>unclosed <i>", STYLE)


class _Recorder(Flowable):  # type: ignore[misc]  # reportlab and pypdf are untyped
    """A small flowable that notes when it is drawn."""

    def __init__(self, label: str, log: list[str]) -> None:
        super().__init__()
        self.label, self.log = label, log

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 100, 300

    def draw(self) -> None:
        self.log.append(f"drew {self.label}")


def test_deferred_flowables_are_made_only_when_layout_reaches_them() -> None:
    """Each Deferred is made after everything before it was drawn, in story order."""
    from quizgen.renderers.worksheet.pages import Deferred, Footer, build_pdf
    from quizgen.renderers.worksheet.styles import load_style

    log: list[str] = []

    def make(label: str) -> list[Flowable]:
        log.append(f"made {label}")
        return [_Recorder(label, log), _Recorder(label + "'", log)]

    style = load_style()
    story: list[Flowable] = [_Recorder("0", log), *(Deferred(lambda n=n: make(str(n)))
                                                    for n in (1, 2))]
    pdf = build_pdf(story, paper="a4", style=style, title="t",
                    footer=Footer(left="t", prefix="", style=style), timestamp=0)
    assert pdf.startswith(b"%PDF")
    assert log == ["drew 0", "made 1", "drew 1", "drew 1'", "made 2", "drew 2", "drew 2'"]


def test_deferred_is_never_wrapped_itself() -> None:
    """A Deferred outside a story's top level is a programming error, not a silent blank."""
    from quizgen.renderers.worksheet.pages import Deferred

    with pytest.raises(AssertionError):
        Deferred(lambda: []).wrap(100, 100)


def test_compact_pages_keep_the_page_text(synthetic: Any) -> None:
    """Pages kept for the footer hold one joined string each, and the PDF still has every prompt."""
    import io

    import pypdf

    kept: list[int] = []
    real_save = worksheet_pages._FooterCanvas.save

    def spy(canvas: Any) -> None:
        canvas.draw_waiting()  # what the layout kept undrawn, drawn as save would first
        kept.extend(len(page["_code"]) for page in canvas._kept)
        real_save(canvas)

    quiz = build_quiz([synthetic], seed=2)
    mp = pytest.MonkeyPatch()
    mp.setattr(worksheet_pages._FooterCanvas, "save", spy)
    try:
        files = worksheet.render(quiz, options=RenderOptions(name="t", extra={"no_key": True}))
    finally:
        mp.undo()
    assert kept and set(kept) == {1}
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    pypdf.PdfReader(io.BytesIO(files["t-worksheet.pdf"])).pages)
    first_words = " ".join(quiz.questions[-1].prompt.split()[:3])
    assert first_words in text


@pytest.mark.parametrize("wait", [1, 2, 200])
def test_drawing_that_waits_gives_the_bytes_of_drawing_at_once(
    synthetic: Any, wait: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sheets whose pages are drawn once laid out (some, or all at the end) match drawing each
    flowable as it is placed, byte for byte."""
    quiz = build_quiz([synthetic], seed=6)
    options = RenderOptions(name="t", seed=6, timestamp=1_700_000_000, versions=3,
                            extra={"no_key": True})
    with monkeypatch.context() as patch:
        patch.setattr(worksheet, "WAIT_PAGES", 0)
        at_once = worksheet.render(quiz, options=options)
    with monkeypatch.context() as patch:
        patch.setattr(worksheet, "WAIT_PAGES", wait)
        waited = worksheet.render(quiz, options=options)
    assert waited == at_once
