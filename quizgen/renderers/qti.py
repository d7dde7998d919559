"""Canvas QTI 1.2 zip: multiple choice, matching and fill in multiple blanks (a gap-fill); an
ordering as matching to positions.

Written as Canvas's own exports are, so that both of Canvas's importers take it: the classic
quiz conversion and New Quizzes (whose parser needs the IMS QTI 1.2 namespace on
`<questestinterop>`). Every text is HTML (`texttype="text/html"`) with `&`, `<` and `>` escaped:
New Quizzes reads plain-text answers as HTML too, so an answer's `<b>` must arrive as `&lt;b&gt;`.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET

from quizgen.quiz.questions import (
    TRUE_FALSE,
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    assert_never,
)
from quizgen.quiz.scoring import describe, points, total
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.platform import Pairs, as_pairs, clean, html_text, zip_bytes

CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"


def assessment_ident(quiz: Quiz, title: str) -> str:
    """The assessment's identifier: a hash of the title and the question ids, never random."""
    digest = hashlib.sha256("\n".join((title, *(q.id for q in quiz.questions))).encode())
    return "g" + digest.hexdigest()[:32]


def _xml(root: ET.Element) -> bytes:
    """The element as an indented UTF-8 document."""
    ET.indent(root, space="  ")
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue() + b"\n"


def _mattext(parent: ET.Element, text: str) -> None:
    """`<material><mattext texttype="text/html">`: the text as HTML text content (escaped)."""
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = html_text(text)


# Canvas marks a matching pair by pair: the printed rule (all right: full marks; at most two
# wrong: one less) cannot be set there, so the quiz's description says how Canvas marks it.
PLATFORM_RULE = (f"Points as on the quizgen worksheet: {describe()}. Canvas gives a"
                 " matching or an ordering its points part by part instead: each right pair or"
                 " place earns its share.")


def _metadata(item: ET.Element, qtype: str, *, worth: int) -> None:
    """Canvas's item metadata: the question type and its points (quiz.scoring)."""
    fields = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", qtype), ("points_possible", f"{worth}.0")):
        field = ET.SubElement(fields, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _lid(parent: ET.Element, ident: str) -> ET.Element:
    """A `response_lid`: one answer chosen from labels."""
    return ET.SubElement(parent, "response_lid", {"ident": ident, "rcardinality": "Single"})


def _labels(lid: ET.Element, texts: tuple[str, ...]) -> None:
    """The choices of a `response_lid`, labelled `a1`, `a2`, ... in the order given."""
    render = ET.SubElement(lid, "render_choice")
    for n, text in enumerate(texts, start=1):
        label = ET.SubElement(render, "response_label", {"ident": f"a{n}"})
        _mattext(label, text)


def _processing(item: ET.Element, correct: list[tuple[str, str]]) -> ET.Element:
    """Scoring: each (response ident, label ident) pair adds its share of 100 to SCORE."""
    processing = ET.SubElement(item, "resprocessing")
    ET.SubElement(ET.SubElement(processing, "outcomes"), "decvar", {
        "maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})
    shown = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
    ET.SubElement(ET.SubElement(shown, "conditionvar"), "other")
    ET.SubElement(shown, "displayfeedback", {"feedbacktype": "Response",
                                             "linkrefid": "general_fb"})
    share = f"{100 / len(correct):.2f}"
    for response, label in correct:
        condition = ET.SubElement(processing, "respcondition", {
            "continue": "No" if len(correct) == 1 else "Yes"})
        ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal",
                      {"respident": response}).text = label
        ET.SubElement(condition, "setvar", {
            "action": "Set" if len(correct) == 1 else "Add", "varname": "SCORE"}
        ).text = "100" if len(correct) == 1 else share
    return processing


def _choice_item(item: ET.Element, question: MultipleChoice) -> None:
    """A multiple-choice item's metadata, stem, choices and scoring."""
    kind = "true_false_question" if question.options == TRUE_FALSE else "multiple_choice_question"
    _metadata(item, kind, worth=points(question))
    presentation = ET.SubElement(item, "presentation")
    _mattext(presentation, question.prompt)
    lid = _lid(presentation, "response1")
    _labels(lid, tuple(option.text for option in question.options))
    _processing(item, [("response1", f"a{question.answer + 1}")])


def _pairs_item(item: ET.Element, pairs: Pairs, *, worth: int) -> None:
    """A matching item: one response per left item, each offering every right answer."""
    _metadata(item, "matching_question", worth=worth)
    presentation = ET.SubElement(item, "presentation")
    _mattext(presentation, pairs.prompt)
    for n, text in enumerate(pairs.left, start=1):
        lid = _lid(presentation, f"response{n}")
        _mattext(lid, text)
        _labels(lid, pairs.right)
    _processing(item, [(f"response{left + 1}", f"a{right + 1}") for left, right in pairs.answer])


def _blanks_item(item: ET.Element, question: GapFill) -> None:
    """A gap-fill as Canvas's fill in multiple blanks: the passage with [gap1], [gap2], ... and
    the word box in the stem, one response per blank accepting its word, each blank its share."""
    _metadata(item, "fill_in_multiple_blanks_question", worth=points(question))
    presentation = ET.SubElement(item, "presentation")
    passage = [html_text(question.passage[0])]
    for n, piece in enumerate(question.passage[1:], start=1):
        passage += [f"{' ' * question.passage[n - 1][-1:].isspace()}[gap{n}]"
                    f"{' ' * piece[:1].isspace()}", html_text(piece)]
    box = " · ".join(html_text(option.text) for option in question.bank)
    material = ET.SubElement(presentation, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = (
        f"{html_text(question.prompt)}<br>Words: {box}<br><br>{''.join(passage)}")
    for n, key in enumerate(question.answer, start=1):
        lid = _lid(presentation, f"response_gap{n}")
        material = ET.SubElement(lid, "material")
        ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = f"gap{n}"
        label = ET.SubElement(ET.SubElement(lid, "render_choice"), "response_label",
                              {"ident": f"g{n}"})
        _mattext(label, question.bank[key].text)
    _processing(item, [(f"response_gap{n}", f"g{n}") for n in range(1, len(question.answer) + 1)])


def _item(section: ET.Element, question: Question, number: int) -> None:
    """One item: a multiple choice, or a matching (an ordering matches items to positions)."""
    item = ET.SubElement(section, "item", {"ident": question.id, "title": f"Question {number}"})
    match question:
        case MultipleChoice():
            _choice_item(item, question)
        case Matching():
            _pairs_item(item, as_pairs(question), worth=points(question))
        case Ordering():  # each event matched to its place: 1st, 2nd, ...
            _pairs_item(item, as_pairs(question), worth=points(question))
        case GapFill():
            _blanks_item(item, question)
        case _:
            assert_never(question)
    feedback = ET.SubElement(item, "itemfeedback", {"ident": "general_fb"})
    excerpts = [html_text(e) for e in question.explanation if clean(e)]
    material = ET.SubElement(ET.SubElement(feedback, "flow_mat"), "material")
    ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = "<br>".join(excerpts)


def assessment(quiz: Quiz, *, ident: str, title: str) -> bytes:
    """The QTI 1.2 assessment in the IMS QTI 1.2 namespace: one section holding every question
    as an item."""
    root = ET.Element("questestinterop", {
        "xmlns": QTI, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{QTI} {QTI_XSD}"})
    test = ET.SubElement(root, "assessment", {"ident": ident, "title": title})
    fields = ET.SubElement(test, "qtimetadata")
    field = ET.SubElement(fields, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = "cc_maxattempts"
    ET.SubElement(field, "fieldentry").text = "1"
    section = ET.SubElement(test, "section", {"ident": "root_section"})
    for number, question in enumerate(quiz.questions, start=1):
        _item(section, question, number)
    return _xml(root)


def meta(quiz: Quiz, *, ident: str, title: str) -> bytes:
    """Canvas's quiz settings file: title, answers in the order given, points."""
    root = ET.Element("quiz", {"identifier": ident, "xmlns": CANVAS})
    for tag, text in (("title", title), ("description", PLATFORM_RULE),
                      ("shuffle_answers", "false"), ("quiz_type", "assignment"),
                      ("points_possible", f"{total(quiz.questions)}.0"),
                      ("show_correct_answers", "true"), ("allowed_attempts", "1")):
        ET.SubElement(root, tag).text = text
    return _xml(root)


def manifest(*, ident: str) -> bytes:
    """The IMS content-package manifest naming the assessment and its settings file."""
    root = ET.Element("manifest", {"identifier": f"{ident}_manifest", "xmlns": IMSCP})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    quiz = ET.SubElement(resources, "resource",
                         {"identifier": ident, "type": "imsqti_xmlv1p2"})
    ET.SubElement(quiz, "file", {"href": f"{ident}/{ident}.xml"})
    ET.SubElement(quiz, "dependency", {"identifierref": f"{ident}_meta"})
    settings = ET.SubElement(resources, "resource", {
        "identifier": f"{ident}_meta",
        "type": "associatedcontent/imscc_xmlv1p1/learning-application-resource",
        "href": f"{ident}/assessment_meta.xml"})
    ET.SubElement(settings, "file", {"href": f"{ident}/assessment_meta.xml"})
    return _xml(root)


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>-canvas-qti.zip`, for Canvas's "QTI .zip file" import."""
    title = clean(options.title or quiz.title) or "quizgen"
    ident = assessment_ident(quiz, title)
    files = {
        "imsmanifest.xml": manifest(ident=ident),
        f"{ident}/{ident}.xml": assessment(quiz, ident=ident, title=title),
        f"{ident}/assessment_meta.xml": meta(quiz, ident=ident, title=title),
    }
    return {f"{options.name}-canvas-qti.zip": zip_bytes(files, timestamp=options.timestamp)}
