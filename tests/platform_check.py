"""Third-party checks of the platform exports: each returns its problems, [] when the file is good.

GIFT is parsed by the npm package gift-pegjs (tests/js), Moodle XML and QTI by lxml (QTI against
the IMS QTI 1.2.1 DTD), the Kahoot, Blooket and Quizlet tables by frictionless. What each
platform requires is written here from its documentation, never imported from quizgen.
On CI (CI=true) a missing validator fails the test; locally the test skips, saying why.
"""

from __future__ import annotations

import functools
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from qti_dtd import dtd_path

JS = Path(__file__).resolve().parent / "js"

# Kahoot's spreadsheet template, row 8 (columns B to H); the time-limit header has an en dash.
KAHOOT_HEADER = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]
KAHOOT_TIMES = [5, 10, 20, 30, 60, 90, 120, 240]
# Blooket's CSV import template: row 1 a title, row 2 the header.
BLOOKET_HEADER = [
    "Question #", "Question Text", "Answer 1", "Answer 2", "Answer 3\n(Optional)",
    "Answer 4\n(Optional)", "Time Limit (sec)\n(Max: 300 seconds)",
    "Correct Answer(s)\n(Only include Answer #)",
]
ORDERING_GRADES = {"ALL_OR_NOTHING", "ABSOLUTE_POSITION", "RELATIVE_NEXT_EXCLUDE_LAST",
                   "RELATIVE_NEXT_INCLUDE_LAST", "RELATIVE_ONE_PREVIOUS_AND_NEXT",
                   "RELATIVE_ALL_PREVIOUS_AND_NEXT", "RELATIVE_TO_CORRECT",
                   "LONGEST_ORDERED_SUBSET", "LONGEST_CONTIGUOUS_SUBSET"}


def need(what: str, available: bool, how: str) -> None:
    """Fail on CI, skip locally with the reason, when a validator is missing."""
    if available:
        return
    message = f"{what} is not installed: {how}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (on CI every validator must run)")
    pytest.skip(message)


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def need_gift() -> None:
    """gift-pegjs under tests/js/node_modules, and node to run it."""
    need("gift-pegjs", shutil.which("node") is not None
         and (JS / "node_modules" / "gift-pegjs").is_dir(), "run `npm ci` in tests/js")


def need_lxml() -> None:
    """lxml, for Moodle XML and QTI."""
    need("lxml", _has("lxml"), "pip install -e '.[test]'")


def need_qti() -> None:
    """lxml and the QTI 1.2.1 DTD."""
    need_lxml()
    need("the IMS QTI 1.2.1 DTD", dtd_path() is not None, "run `python tests/qti_dtd.py`")


def need_frictionless() -> None:
    """frictionless with its Excel support (openpyxl)."""
    need("frictionless[excel]", _has("frictionless") and _has("openpyxl"),
         "pip install -e '.[test]'")


# ---- Text that must stay text --------------------------------------------------------------


class _Tags(HTMLParser):
    """Collects the element names in an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def markup(fragment: str) -> list[str]:
    """Elements in an HTML fragment other than the <br> between excerpts (content is text)."""
    parser = _Tags()
    parser.feed(fragment)
    return [tag for tag in parser.tags if tag != "br"]


def text_of(fragment: str) -> str:
    """An HTML fragment's text: <br> as a newline, entities decoded."""
    return html.unescape(fragment.replace("<br>", "\n"))


# ---- GIFT ------------------------------------------------------------------------------------


def parse_gift(paths: list[Path]) -> list[dict[str, Any]]:
    """gift-pegjs's result for each file: {"file", "questions"} or {"file", "error"}."""
    run = subprocess.run(["node", str(JS / "parse-gift.js"), *map(str, paths)],
                         capture_output=True, text=True, check=True, cwd=JS)
    results: list[dict[str, Any]] = json.loads(run.stdout)
    return results


@functools.lru_cache(maxsize=64)
def _gift_parsed(text: str) -> str:
    """gift-pegjs's result for one GIFT text, as JSON: node runs once per text, though the
    checks read most texts twice (problems, then records)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quiz-gift.txt"
        path.write_text(text, encoding="utf-8")
        (result,) = parse_gift([path])
    return json.dumps(result)


def _gift_result(text: str) -> dict[str, Any]:
    """gift-pegjs's result for one GIFT text, a fresh copy for each caller."""
    result: dict[str, Any] = json.loads(_gift_parsed(text))
    return result


def gift_problems(text: str) -> list[str]:
    """gift-pegjs's syntax error, if any, and HTML markup found in any parsed text."""
    result = _gift_result(text)
    if "error" in result:
        return [result["error"]]
    problems = []
    for question in result["questions"]:
        if question["type"] == "Category":
            problems += [f"category: markup {tag!r}" for tag in markup(question["title"])]
            continue
        if question["type"] not in ("MC", "Matching", "TF"):
            problems.append(f"{question.get('title')}: parsed as {question['type']}")
        texts = [question["stem"]["text"], (question.get("globalFeedback") or {}).get("text", "")]
        texts += [c["text"]["text"] for c in question.get("choices") or []]
        for pair in question.get("matchPairs") or []:
            texts.append(pair["subquestion"]["text"])  # the answer is plain text in Moodle
        problems += [f"{question.get('title')}: markup {tag!r}" for t in texts for tag in markup(t)]
    return problems


def _gift_plain(text: str) -> str:
    """gift-pegjs leaves its escape placeholders in a matching's right-hand side: decode them."""
    for code, char in (("092", "\\"), ("058", ":"), ("035", "#"), ("061", "="), ("123", "{"),
                       ("125", "}"), ("126", "~")):
        text = text.replace(f"&&{code};", char)
    return text


def gift_records(text: str) -> list[dict[str, Any]]:
    """Each GIFT question as {id, prompt, options, answer} or {id, prompt, pairs}."""
    result = _gift_result(text)
    records = []
    for question in result["questions"]:
        if question["type"] == "Category":
            continue
        record: dict[str, Any] = {"id": question["id"], "title": question["title"],
                                  "prompt": text_of(question["stem"]["text"]),
                                  "tags": question["tags"]}
        if question["type"] == "MC":
            record["options"] = [text_of(c["text"]["text"]) for c in question["choices"]]
            record["answer"] = [c["isCorrect"] for c in question["choices"]].index(True)
        elif question["type"] == "TF":
            record["options"] = ["True", "False"]
            record["answer"] = 0 if question["isTrue"] else 1
        else:
            record["pairs"] = [(text_of(p["subquestion"]["text"]),
                                _gift_plain(p["subanswer"]))  # plain text in Moodle
                               for p in question["matchPairs"]]
        records.append(record)
    return records


# ---- Moodle XML ------------------------------------------------------------------------------


def _moodle_text(element: Any, path: str) -> str:
    found = element.find(path)
    return "" if found is None or found.text is None else str(found.text)


# Entities that show as such where Moodle shows a field's raw text (names, matching answers).
ENTITY = re.compile(r"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")


def moodle_problems(data: bytes, *, ordering: bool = False) -> list[str]:
    """Well-formed XML (lxml) with the structure Moodle's XML import reads for each type, on a
    site with the Ordering question type (`ordering`) or without it (Moodle 4.3 and older
    without the qtype_ordering plugin, whose import stops at the first ordering)."""
    from lxml import etree

    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as error:
        return [f"not well-formed: {error}"]
    if root.tag != "quiz":
        return [f"root element is <{root.tag}>, not <quiz>"]
    problems: list[str] = []
    ids: list[str] = []
    for question in root.iterchildren():
        kind = question.get("type")
        if kind == "ordering" and not ordering:
            problems.append("Question type ordering is not supported by XML import")
            continue
        if question.tag != "question" or kind not in ("category", "multichoice", "matching",
                                                      "ordering", "truefalse", "cloze"):
            problems.append(f"unexpected <{question.tag} type={kind!r}>")
            continue
        if kind == "category":
            path = _moodle_text(question, "category/text")
            if not path.startswith("$course$/"):
                problems.append("category path does not start with $course$/")
            problems += [f"category: markup {t!r}" for t in markup(path)]
            continue
        where = _moodle_text(question, "idnumber")
        ids.append(where)
        name = _moodle_text(question, "name/text")
        if not where or not name:
            problems.append(f"question without idnumber or name: {where!r}")
        html_fields = [question.find(p) for p in ("questiontext", "generalfeedback")]
        html_fields += question.findall("subquestion")
        if kind != "truefalse":  # its answers are the words true and false, not html
            html_fields += question.findall("answer")  # a matching's are in subquestions
        for field in html_fields:
            if field is None or field.get("format") != "html":
                problems.append(f"{where}: a text field is missing or not format=html")
                continue
            problems += [f"{where}: markup {t!r}" for t in markup(_moodle_text(field, "text"))]
        if not question.findall("tags/tag/text"):
            problems.append(f"{where}: no tags")
        answers = question.findall("answer")
        if kind == "multichoice":
            fractions = [float(a.get("fraction", "nan")) for a in answers]
            if _moodle_text(question, "single") != "true" or fractions.count(100.0) != 1:
                problems.append(f"{where}: not single-answer with exactly one 100% answer")
            if len(answers) < 2 or any(not _moodle_text(a, "text") for a in answers):
                problems.append(f"{where}: fewer than 2 answers, or an empty one")
        elif kind == "truefalse":
            words = {_moodle_text(a, "text"): float(a.get("fraction", "nan")) for a in answers}
            if sorted(words) != ["false", "true"] or sorted(words.values()) != [0.0, 100.0]:
                problems.append(f"{where}: truefalse without one right of true and false")
        elif kind == "cloze":
            problems += [f"{where}: {p}" for p in cloze_problems(
                _moodle_text(question, "questiontext/text"))]
        elif kind == "matching":
            subs = [s for s in question.findall("subquestion") if _moodle_text(s, "text")]
            if len(subs) < 2 or any(not _moodle_text(s, "answer/text") for s in subs):
                problems.append(f"{where}: fewer than 2 subquestions, or one without answer")
        else:
            if _moodle_text(question, "selecttype") != "ALL":
                problems.append(f"{where}: selecttype is not ALL")
            if _moodle_text(question, "layouttype") not in ("VERTICAL", "HORIZONTAL"):
                problems.append(f"{where}: bad layouttype")
            if _moodle_text(question, "gradingtype") not in ORDERING_GRADES:
                problems.append(f"{where}: bad gradingtype")
            if _moodle_text(question, "selectcount") not in ("0", str(len(answers))):
                problems.append(f"{where}: selectcount is not the number of items")
            if len(answers) < 2 or any(not _moodle_text(a, "text") for a in answers):
                problems.append(f"{where}: fewer than 2 items, or an empty one")
    if len(set(ids)) != len(ids):
        problems.append("idnumbers are not unique")
    return problems


# Moodle's multianswer (Cloze) parser: {weight:TYPE:answers}, answers split at an unescaped ~,
# = before the right one, \\ escaping } # ~ / " and \\ (qtype_multianswer's question text rules)
CLOZE = re.compile(r"\{(\d*):(MULTICHOICE|MC|MULTICHOICE_S|MCS|MULTICHOICE_V|MCV|SHORTANSWER|SA"
                   r"|SHORTANSWER_C|SAC|NUMERICAL|NM):((?:\\.|[^\\}])*)\}")
_CLOZE_ESCAPED = re.compile(r"\\([}#~/\"\\])")


def cloze_gaps(text: str) -> list[tuple[list[str], int]]:
    """Each embedded answer of a Cloze text as (its answers as shown, the right one's index)."""
    gaps = []
    for found in CLOZE.finditer(text):
        answers = re.split(r"(?<!\\)~", found.group(3))
        right = [i for i, a in enumerate(answers) if a.startswith("=")]
        shown = [text_of(_CLOZE_ESCAPED.sub(r"\1", a.removeprefix("="))) for a in answers]
        gaps.append((shown, right[0] if len(right) == 1 else -1))
    return gaps


def cloze_problems(text: str) -> list[str]:
    """A Cloze question text Moodle's multianswer import takes: at least one embedded answer,
    each with two or more answers and exactly one marked right; a # (feedback) or } left
    unescaped in an answer; no other markup than <br>; no { left outside the embedded answers."""
    problems = []
    gaps = cloze_gaps(text)
    if not gaps:
        problems.append("a Cloze question without embedded answers")
    for n, (shown, right) in enumerate(gaps, start=1):
        if right < 0 or len(shown) < 2 or any(not a.strip() for a in shown):
            problems.append(f"gap {n}: not one right answer among two or more")
    for found in CLOZE.finditer(text):
        if re.search(r"(?<![\\&])#", found.group(3)):  # &#61; is an entity, not feedback
            problems.append(f"an unescaped # (feedback) in {found.group(3)[:40]!r}")
    outside = CLOZE.sub(" ", text)
    if re.search(r"\{\d*:[A-Z_]+:", outside):
        problems.append("an embedded answer Moodle would read that is not well formed")
    problems += [f"markup {tag!r}" for tag in markup(text)]
    return problems


def moodle_raw_texts(data: bytes) -> list[str]:
    """The texts Moodle shows raw, as stored: every question's name and every matching answer."""
    from lxml import etree

    texts = []
    for question in etree.fromstring(data).iterchildren():
        if question.get("type") != "category":
            texts.append(_moodle_text(question, "name/text"))
            texts += [_moodle_text(s, "answer/text") for s in question.findall("subquestion")]
    return texts


def entity_problems(texts: list[str], *, where: str) -> list[str]:
    """Raw-text fields holding an HTML entity (the platform would show `&amp;`, `&#x27;`, …)."""
    return [f"{where}: entity {m.group()!r} in {text!r}"
            for text in texts for m in ENTITY.finditer(text)]


def moodle_records(data: bytes) -> list[dict[str, Any]]:
    """Each Moodle question as {id, prompt, options, answer} / {pairs} / {order}, with tags."""
    from lxml import etree

    records = []
    for question in etree.fromstring(data).iterchildren():
        kind = question.get("type")
        if kind == "category":
            continue
        record: dict[str, Any] = {
            "id": _moodle_text(question, "idnumber"), "type": kind,
            "name": _moodle_text(question, "name/text"),
            "prompt": text_of(_moodle_text(question, "questiontext/text")),
            "tags": [t.text for t in question.findall("tags/tag/text")]}
        answers = question.findall("answer")
        if kind in ("multichoice", "truefalse"):  # truefalse: "true", "false" as shown
            record["options"] = [text_of(_moodle_text(a, "text")).capitalize()
                                 if kind == "truefalse" else text_of(_moodle_text(a, "text"))
                                 for a in answers]
            record["answer"] = [a.get("fraction") for a in answers].index("100")
        elif kind == "cloze":
            record["gaps"] = cloze_gaps(_moodle_text(question, "questiontext/text"))
        elif kind == "matching":
            record["pairs"] = [(text_of(_moodle_text(s, "text")), _moodle_text(s, "answer/text"))
                               for s in question.findall("subquestion")]  # answers: plain text
        else:
            record["order"] = [text_of(_moodle_text(a, "text")) for a in answers]
        records.append(record)
    return records


# ---- Canvas QTI ------------------------------------------------------------------------------

CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
# The IMS QTI 1.2 namespace Canvas's exports and text2qti declare on <questestinterop>; Canvas New
# Quizzes' parser refuses a document without it ("Undefined namespace prefix").
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


def qti_document(xml: bytes) -> tuple[list[str], Any]:
    """The namespace problems of a QTI assessment document, and the document with the QTI
    namespace (and its xsi:schemaLocation) taken off, as the QTI 1.2.1 DTD describes it."""
    from lxml import etree

    root = etree.fromstring(xml)
    problems = []
    if root.tag != f"{{{QTI_NS}}}questestinterop":
        problems.append(f"root element is {root.tag}, not questestinterop in {QTI_NS}")
    location = (root.get(XSI_LOCATION) or "").split()
    if location[:1] != [QTI_NS] or len(location) != 2:
        problems.append(f"xsi:schemaLocation {location} does not locate {QTI_NS}'s schema")
    outside = {e.tag for e in root.iter() if not str(e.tag).startswith(f"{{{QTI_NS}}}")}
    problems += [f"element {tag} outside the QTI namespace" for tag in sorted(outside)]
    for element in root.iter():
        element.tag = etree.QName(element).localname
    root.attrib.pop(XSI_LOCATION, None)
    etree.cleanup_namespaces(root)
    return problems, root


def qti_problems(data: bytes) -> list[str]:
    """Manifest and assessment agree; every item is valid against the QTI 1.2.1 DTD; every
    scoring condition names a response and a label of its own item; no markup in texts."""
    from lxml import etree

    path = dtd_path()
    assert path is not None, "need_qti() first"
    dtd = etree.DTD(str(path))
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    if "imsmanifest.xml" not in names:
        return ["no imsmanifest.xml"]
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    problems: list[str] = []
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    known = {r.get("identifier") for r in resources}
    tests = [r for r in resources if r.get("type") == "imsqti_xmlv1p2"]
    if len(tests) != 1:
        return [f"{len(tests)} imsqti_xmlv1p2 resources, expected 1"]
    for resource in resources:
        for file in resource.findall(f"{CP}file"):
            if file.get("href") not in names:
                problems.append(f"manifest names {file.get('href')}, not in the zip")
        for dependency in resource.findall(f"{CP}dependency"):
            if dependency.get("identifierref") not in known:
                problems.append(f"dependency on unknown {dependency.get('identifierref')}")
    (href,) = [f.get("href") for f in tests[0].findall(f"{CP}file")]
    if href not in names:
        return problems
    found, root = qti_document(archive.read(href))
    problems += found
    if not dtd.validate(root):
        problems += [f"DTD: line {e.line}: {e.message}" for e in dtd.error_log.filter_from_errors()]
    test = root.find("assessment")
    if test is None or test.get("ident") != tests[0].get("identifier"):
        problems.append("the assessment's ident is not the manifest resource's identifier")
    items = root.findall(".//item")
    if len({i.get("ident") for i in items}) != len(items):
        problems.append("item idents are not unique")
    for item in items:
        where = item.get("ident")
        labels = {lid.get("ident"): {lab.get("ident") for lab in lid.iter("response_label")}
                  for lid in item.iter("response_lid")}
        for equal in item.iter("varequal"):
            if equal.text not in labels.get(equal.get("respident"), set()):
                problems.append(f"{where}: varequal {equal.get('respident')}={equal.text} "
                                "names no response label of this item")
        links = {f.get("ident") for f in item.iter("itemfeedback")}
        for show in item.iter("displayfeedback"):
            if show.get("linkrefid") not in links:
                problems.append(f"{where}: displayfeedback names no itemfeedback")
        for text in item.iter("mattext"):
            if text.get("texttype") != "text/html":  # New Quizzes reads plain text as HTML too
                problems.append(f"{where}: mattext of type {text.get('texttype')}, not text/html")
            problems += [f"{where}: markup {t!r}" for t in markup(text.text or "")]
    return problems


def qti_records(data: bytes) -> list[dict[str, Any]]:
    """Each item as {id, type, prompt, options, answer} or {id, type, prompt, pairs}."""
    from lxml import etree

    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    href = manifest.find(f"{CP}resources/{CP}resource[@type='imsqti_xmlv1p2']/{CP}file").get(
        "href")
    records = []
    for item in qti_document(archive.read(href))[1].iter("item"):
        fields = {f.findtext("fieldlabel"): f.findtext("fieldentry")
                  for f in item.iter("qtimetadatafield")}
        presentation = item.find("presentation")
        record: dict[str, Any] = {"id": item.get("ident"), "type": fields["question_type"],
                                  "prompt": text_of(presentation.findtext("material/mattext"))}
        correct = {e.get("respident"): e.text for e in item.iter("varequal")}
        lids = presentation.findall("response_lid")
        def label_texts(lid: Any) -> dict[str, str]:
            return {lab.get("ident"): text_of(lab.findtext("material/mattext"))
                    for lab in lid.iter("response_label")}
        if record["type"] == "fill_in_multiple_blanks_question":
            record["blanks"] = [(lid.get("ident"), label_texts(lid)[correct[lid.get("ident")]])
                                for lid in lids]
        elif record["type"] in ("multiple_choice_question", "true_false_question"):
            texts = label_texts(lids[0])
            record["options"] = list(texts.values())
            record["answer"] = list(texts).index(correct[lids[0].get("ident")])
        else:
            record["pairs"] = [(text_of(lid.findtext("material/mattext")),
                                label_texts(lid)[correct[lid.get("ident")]]) for lid in lids]
        records.append(record)
    return records


# ---- Kahoot, Blooket, Quizlet (frictionless) -------------------------------------------------


def _report(resource: Any, **kwargs: Any) -> list[str]:
    report = resource.validate(**kwargs)
    return [f"row {row} field {field}: {kind}: {note}" for row, field, kind, note
            in report.flatten(["rowNumber", "fieldNumber", "type", "note"])]


def _in_folder(data: bytes, name: str) -> tuple[Path, tempfile.TemporaryDirectory[str]]:
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / name
    path.write_bytes(data)
    return path, folder


def kahoot_table(data: bytes) -> tuple[list[str], list[list[Any]]]:
    """frictionless's problems with the Kahoot sheet, and its question rows."""
    from frictionless import Checklist, Dialect, Resource, Schema, fields, formats
    from openpyxl import load_workbook

    sheets = load_workbook(io.BytesIO(data)).worksheets  # the workbook opens in openpyxl
    if len(sheets) != 1 or sheets[0].max_column != 8:
        return [f"{len(sheets)} sheets, {sheets[0].max_column} columns; expected 1 and 8"], []
    text = {"required": True}
    answer = {"maxLength": 75}
    schema = Schema(fields=[
        fields.IntegerField(name="number", constraints={"required": True, "minimum": 1}),
        fields.StringField(name=KAHOOT_HEADER[0], constraints={**text, "maxLength": 120}),
        fields.StringField(name=KAHOOT_HEADER[1], constraints={**text, **answer}),
        fields.StringField(name=KAHOOT_HEADER[2], constraints={**text, **answer}),
        fields.StringField(name=KAHOOT_HEADER[3], constraints=answer),
        fields.StringField(name=KAHOOT_HEADER[4], constraints=answer),
        fields.IntegerField(name=KAHOOT_HEADER[5], constraints={**text, "enum": KAHOOT_TIMES}),
        fields.IntegerField(name=KAHOOT_HEADER[6],
                            constraints={**text, "minimum": 1, "maximum": 4}),
    ])
    path, folder = _in_folder(data, "quiz-kahoot.xlsx")
    with folder:
        dialect = Dialect(header_rows=[8], controls=[formats.ExcelControl(sheet=1)])
        resource = Resource(path.name, basepath=str(path.parent), schema=schema, dialect=dialect)
        # Column A of Kahoot's template numbers the questions and has no header: allowed.
        problems = _report(resource, checklist=Checklist(skip_errors=["blank-label"]))
        resource = Resource(path.name, basepath=str(path.parent), schema=schema, dialect=dialect)
        with resource:
            rows = [row.to_list() for row in resource.row_stream]
    for row in rows:
        answers = [a for a in row[2:6] if a]
        if row[7] is not None and row[7] > len(answers):
            problems.append(f"question {row[0]}: correct answer {row[7]} of {len(answers)}")
        if len(set(answers)) != len(answers):
            problems.append(f"question {row[0]}: two answers read the same")
    return problems, rows


def blooket_table(data: bytes) -> tuple[list[str], list[list[Any]]]:
    """frictionless's problems with the Blooket CSV, and its question rows."""
    from frictionless import Dialect, Resource, Schema, fields

    text = {"required": True}
    schema = Schema(fields=[
        fields.IntegerField(name=BLOOKET_HEADER[0], constraints={**text, "minimum": 1}),
        fields.StringField(name=BLOOKET_HEADER[1], constraints=text),
        fields.StringField(name=BLOOKET_HEADER[2], constraints=text),
        fields.StringField(name=BLOOKET_HEADER[3], constraints=text),
        fields.StringField(name=BLOOKET_HEADER[4]),
        fields.StringField(name=BLOOKET_HEADER[5]),
        fields.IntegerField(name=BLOOKET_HEADER[6],
                            constraints={**text, "minimum": 1, "maximum": 300}),
        fields.IntegerField(name=BLOOKET_HEADER[7],
                            constraints={**text, "minimum": 1, "maximum": 4}),
    ])
    path, folder = _in_folder(data, "quiz-blooket.csv")
    with folder:
        first = data.split(b"\r\n", 1)[0]
        problems = [] if first.startswith(b'"Blooket\nImport Template"') else [
            "row 1 is not Blooket's template title"]
        dialect = Dialect(header_rows=[2])
        resource = Resource(path.name, basepath=str(path.parent), schema=schema,
                            dialect=dialect, format="csv", encoding="utf-8")
        problems += _report(resource)
        resource = Resource(path.name, basepath=str(path.parent), schema=schema,
                            dialect=dialect, format="csv", encoding="utf-8")
        with resource:
            rows = [row.to_list() for row in resource.row_stream]
    for row in rows:
        answers = [a for a in row[2:6] if a]
        if row[7] is not None and row[7] > len(answers):
            problems.append(f"question {row[0]}: correct answer {row[7]} of {len(answers)}")
    return problems, rows


def quizlet_table(data: bytes) -> tuple[list[str], list[list[Any]]]:
    """frictionless's problems with the Quizlet text (term TAB definition a line), its cards."""
    from frictionless import Dialect, Resource, Schema, fields, formats

    schema = Schema(fields=[fields.StringField(name="term", constraints={"required": True}),
                            fields.StringField(name="definition", constraints={"required": True})])
    path, folder = _in_folder(data, "quiz-quizlet.txt")
    with folder:
        def resource() -> Any:
            # no quoting: frictionless reads "" as QUOTE_NONE, which Python 3.11's csv refuses
            # ("quotechar must be a 1-character string"); a NUL quote character, never in the
            # text, is refused by 3.10's csv ("quotechar must be set"), each reading its own way
            none = "" if sys.version_info < (3, 11) else "\x00"
            control = formats.CsvControl(delimiter="\t", quote_char=none)
            return Resource(path.name, basepath=str(path.parent), schema=schema, format="csv",
                            encoding="utf-8",
                            dialect=Dialect(header=False, controls=[control]))
        problems = _report(resource())
        with resource() as table:
            rows = [row.to_list() for row in table.row_stream]
    lines = data.decode("utf-8").split("\n")
    if lines[-1] != "" or any(line.count("\t") != 1 for line in lines[:-1]):
        problems.append("not one term, a tab and one definition on every line")
    return problems, rows
