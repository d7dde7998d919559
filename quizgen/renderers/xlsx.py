"""A minimal, reproducible .xlsx writer: one sheet of text and whole numbers, shared strings."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.renderers.platform import iso_time, zip_bytes

Cell = str | int | None

_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

_OFFICE = "application/vnd.openxmlformats-officedocument"
_PARTS = (
    ("/xl/workbook.xml", f"{_OFFICE}.spreadsheetml.sheet.main+xml"),
    ("/xl/worksheets/sheet1.xml", f"{_OFFICE}.spreadsheetml.worksheet+xml"),
    ("/xl/styles.xml", f"{_OFFICE}.spreadsheetml.styles+xml"),
    ("/xl/sharedStrings.xml", f"{_OFFICE}.spreadsheetml.sharedStrings+xml"),
    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("/docProps/app.xml", f"{_OFFICE}.extended-properties+xml"),
)
CONTENT_TYPES = _HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in _PARTS)
    + "</Types>")

ROOT_RELS = _HEAD + (
    f'<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships'
    '/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>")

WORKBOOK_RELS = _HEAD + (
    f'<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>")

STYLES = _HEAD + (
    f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>")


def _column(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def workbook(rows: Sequence[Sequence[Cell]], *, sheet: str, title: str, timestamp: int,
             bold_rows: Sequence[int] = (), widths: Sequence[int] = ()) -> bytes:
    """An .xlsx holding `rows` (row 1 first) on one sheet; the same input gives the same bytes.

    `bold_rows` are 1-based rows shown in bold; `widths` are column widths in characters.
    The document's created and modified times are `timestamp`, never the clock.
    """
    # imported here: saxutils pulls in urllib.request, http.client and email (~30 ms), which
    # every build paid when the CLI read this format's options
    from xml.sax.saxutils import escape, quoteattr

    strings: dict[str, int] = {}
    lines = []
    for r, row in enumerate(rows, start=1):
        style = ' s="1"' if r in bold_rows else ""
        cells = []
        for c, value in enumerate(row):
            ref = f"{_column(c)}{r}"
            if value is None or value == "":
                continue
            if isinstance(value, int):
                cells.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
            else:
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}"{style} t="s"><v>{index}</v></c>')
        lines.append(f'<row r="{r}">{"".join(cells)}</row>')
    cols = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
                   for n, w in enumerate(widths, start=1))
    sheet_xml = _HEAD + (f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
                         + (f"<cols>{cols}</cols>" if cols else "")
                         + f'<sheetData>{"".join(lines)}</sheetData></worksheet>')
    shared = _HEAD + (f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                      + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>'
                                for s in strings) + "</sst>")
    book = _HEAD + (f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                    f'<sheet name={quoteattr(sheet)} sheetId="1" r:id="rId1"/></sheets></workbook>')
    when = iso_time(timestamp)
    core = _HEAD + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>quizgen</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>")
    app = _HEAD + ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'extended-properties"><Application>quizgen</Application></Properties>')
    files = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
        "docProps/core.xml": core, "docProps/app.xml": app,
        "xl/workbook.xml": book, "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": STYLES, "xl/sharedStrings.xml": shared,
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    return zip_bytes({name: text.encode("utf-8") for name, text in files.items()},
                     timestamp=timestamp)
