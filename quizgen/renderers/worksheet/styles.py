"""Worksheet look: the style file under templates/worksheet/, bundled fonts, safe Paragraph text."""

import re
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, NewType, TypeVar

import yaml
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from quizgen.errors import Problem, QuizgenError
from quizgen.renderers.worksheet.fontcache import load_font
from quizgen.resources import FONTS_DIR, template_path

STYLE_FILE = ("worksheet", "style.yaml")
FONT = "QuizgenDejaVuSans"
FONT_BOLD = "QuizgenDejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
QUESTION_TYPES = ("multiple_choice", "matching", "ordering")

Hex = NewType("Hex", str)  # "#RRGGBB"
T = TypeVar("T")


class Margins(NamedTuple):
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


class Sizes(NamedTuple):
    """Font sizes in points."""

    title: float
    source: float
    fields: float
    instructions: float
    section: float
    section_note: float
    question: float
    option: float
    points: float
    footer: float
    key_title: float
    key_answer: float
    key_note: float


class Spacing(NamedTuple):
    """Line height (a ratio) and vertical gaps in points."""

    leading: float
    after_header: float
    before_section: float
    after_section_note: float
    after_prompt: float
    option_gap: float
    after_question: float
    field_height: float
    key_row_padding: float


class Boxes(NamedTuple):
    """Sizes of the things students write in, in points."""

    tick: float
    order: float
    blank: float
    line_width: float


class Colors(NamedTuple):
    """Colours as #RRGGBB."""

    text: Hex
    muted: Hex
    rule: Hex
    box: Hex
    shade: Hex


class HeaderField(NamedTuple):
    """A writing line in the header, such as Name, and its share of the line width."""

    label: str
    share: float


class Texts(NamedTuple):
    """Every fixed wording on the sheet and the key."""

    default_instructions: str
    source_one: str
    source_many: str
    version: str
    page: str
    total: str
    point_one: str
    point_many: str
    key_title: str
    key_total: str
    key_number: str
    key_answer: str
    key_points: str
    scoring_matching: str
    scoring_ordering: str
    key_ordering_note: str
    blank_page: str
    key_source: str

    def points(self, n: int) -> str:
        """"1 point" or "3 points"."""
        return fill(self.point_one if n == 1 else self.point_many, n=n)


class Section(NamedTuple):
    """A section heading and its one-line instruction."""

    title: str
    instruction: str


class WorksheetStyle(NamedTuple):
    """The whole style file."""

    margins_mm: Margins
    sizes: Sizes
    spacing: Spacing
    boxes: Boxes
    colors: Colors
    header_fields: tuple[HeaderField, ...]
    text: Texts
    types: dict[str, Section]
    kinds: dict[str, Section]

    def section(self, kind: str, question_type: str) -> Section:
        """The heading for a generator's questions, falling back to its question type."""
        return (self.kinds.get(kind) or self.types.get(question_type)
                or _DEFAULT_TYPES[question_type])

    def color(self, name: str) -> Color:
        """A named colour of the style as a reportlab colour."""
        return HexColor(str(getattr(self.colors, name)))


# headings of question types a style file written before they existed may lack
_DEFAULT_TYPES = {"gap_fill": Section("Fill in the gaps",
                                      "Write a word from the box on each numbered line.")}


def fill(template: str, **values: object) -> str:
    """Replace {name} placeholders; unlike str.format, braces in other places stay as they are."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


# ---- loading the style file ---------------------------------------------------------------------


def load_style(path: Path | None = None) -> WorksheetStyle:
    """Read and check a worksheet style file (default: templates/worksheet/style.yaml)."""
    return _load_style(Path(path) if path is not None else template_path(*STYLE_FILE))


@lru_cache(maxsize=8)
def _load_style(path: Path) -> WorksheetStyle:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except (OSError, UnicodeDecodeError) as exc:
        raise QuizgenError(
            Problem("cannot read the worksheet style file", file=str(path), found=str(exc))
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise QuizgenError(Problem(
            "the worksheet style file is not valid YAML", file=str(path),
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            found=str(getattr(exc, "problem", exc)),
        )) from None
    problems: list[Problem] = []
    style = _build(WorksheetStyle, raw, "", str(path), problems)
    types = raw.get("types") if isinstance(raw, dict) else None
    for name in QUESTION_TYPES:
        if isinstance(types, dict) and name not in types:
            problems.append(Problem("missing question type", file=str(path), field="types",
                                    expected=f"a heading for {name}"))
    if problems or style is None:
        raise QuizgenError(problems)
    return style


if typing.TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:  # libyaml's parser when PyYAML has it: 8 ms less per process than the pure-Python one
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """The safe loader, refusing a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                continue  # unhashable keys are refused by the base class below
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _build(cls: type[T], raw: object, where: str, file: str, problems: list[Problem]) -> T | None:
    """A style record from a YAML mapping, recording every wrong, missing or unknown key."""
    if not isinstance(raw, dict):
        problems.append(Problem("wrong type", file=file, field=where or None,
                                found=type(raw).__name__, expected="a mapping"))
        return None
    hints = typing.get_type_hints(cls)
    names = list(cls._fields)  # type: ignore[attr-defined]  # cls is one of the NamedTuples above
    for key in sorted(str(k) for k in raw if k not in names):
        problems.append(Problem("unknown key", file=file, field=_join(where, key),
                                expected="one of: " + ", ".join(names)))
    values: dict[str, Any] = {}
    for name in names:
        if name not in raw:
            problems.append(Problem("missing key", file=file, field=_join(where, name)))
            continue
        values[name] = _value(hints[name], raw[name], _join(where, name), file, problems)
    if len(values) != len(names) or any(v is None for v in values.values()):
        return None
    return cls(**values)


def _value(tp: Any, raw: object, where: str, file: str, problems: list[Problem]) -> Any:
    def wrong(expected: str) -> None:
        problems.append(Problem("wrong value", file=file, field=where, found=repr(raw),
                                expected=expected))

    if tp is float or tp is int:
        kinds = int if tp is int else (int, float)
        if not isinstance(raw, kinds) or isinstance(raw, bool) or not 0 <= raw < 10_000:
            wrong("a number from 0 to 9999" if tp is float else "a whole number from 0 to 9999")
            return None
        return tp(raw)
    if tp is Hex:
        if not isinstance(raw, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", raw):
            wrong("a colour such as #336699")
            return None
        return raw
    if tp is str:
        if not isinstance(raw, str) or not raw.strip():
            wrong("a non-empty string")
            return None
        return raw
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):
        return _build(tp, raw, where, file, problems)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:
        if not isinstance(raw, list) or not raw:
            wrong("a non-empty list")
            return None
        items = [_value(args[0], item, f"{where}[{i}]", file, problems)
                 for i, item in enumerate(raw)]
        return None if any(i is None for i in items) else tuple(items)
    if origin is dict:
        if not isinstance(raw, dict):
            wrong("a mapping")
            return None
        table = {str(k): _value(args[1], v, _join(where, str(k)), file, problems)
                 for k, v in raw.items()}
        return None if any(v is None for v in table.values()) else table
    raise TypeError(f"unsupported style field type {tp!r}")  # a bug in this module, not bad input


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


# ---- fonts and text -----------------------------------------------------------------------------


def register_fonts() -> None:
    """Register the bundled DejaVu Sans regular and bold (never system fonts), once per process."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in FONT_FILES.items():
        if name not in registered:
            path = FONTS_DIR / filename
            try:
                pdfmetrics.registerFont(load_font(name, path))
            except Exception as exc:  # reportlab raises bare TTFError/OSError subclasses
                raise QuizgenError(Problem("cannot load the bundled font", file=str(path),
                                           found=str(exc), expected="a TrueType font")) from None
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def safe(text: str) -> str:
    """Text as Paragraph markup that prints literally: escaped, characters XML forbids replaced.

    Escapes as xml.sax.saxutils.escape does (& first, then < and >); that module is not imported
    because it pulls in urllib.request and http.client, 10 ms of every build's start-up.
    """
    text = _NOT_XML.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of plain text set in the bundled font."""
    return float(pdfmetrics.stringWidth(text, FONT_BOLD if bold else FONT, size))


class Paras(NamedTuple):
    """The paragraph styles built from a WorksheetStyle."""

    title: ParagraphStyle
    source: ParagraphStyle
    field: ParagraphStyle
    instructions: ParagraphStyle
    total: ParagraphStyle
    section: ParagraphStyle
    section_note: ParagraphStyle
    number: ParagraphStyle
    prompt: ParagraphStyle
    points: ParagraphStyle
    option: ParagraphStyle
    letter: ParagraphStyle
    badge: ParagraphStyle
    key_title: ParagraphStyle
    key_head: ParagraphStyle
    key_answer: ParagraphStyle
    key_note: ParagraphStyle


def paragraph_styles(style: WorksheetStyle) -> Paras:
    """Paragraph styles for every kind of text on the sheet and the key."""
    register_fonts()
    size, lead = style.sizes, style.spacing.leading
    text, muted = style.color("text"), style.color("muted")

    def make(name: str, points: float, *, bold: bool = False, muted_text: bool = False,
             **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=FONT_BOLD if bold else FONT, fontSize=points, leading=points * lead,
            textColor=muted if muted_text else text, splitLongWords=1, allowWidows=0,
            allowOrphans=0, bulletFontName=FONT, **extra,
        )

    return Paras(
        title=make("title", size.title, bold=True),
        source=make("source", size.source, muted_text=True),
        field=make("field", size.fields, bold=True),
        instructions=make("instructions", size.instructions),
        total=make("total", size.instructions, bold=True, alignment=TA_RIGHT),
        section=make("section", size.section, bold=True),
        section_note=make("section_note", size.section_note, muted_text=True),
        number=make("number", size.question, bold=True),
        prompt=make("prompt", size.question),
        points=make("points", size.points, muted_text=True, alignment=TA_RIGHT),
        option=make("option", size.option),
        letter=make("letter", size.option, bold=True),
        badge=make("badge", size.section, bold=True, alignment=TA_RIGHT),
        key_title=make("key_title", size.key_title, bold=True),
        key_head=make("key_head", size.key_note, bold=True),
        key_answer=make("key_answer", size.key_answer),
        key_note=make("key_note", size.key_note, muted_text=True),
    )
