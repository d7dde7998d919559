"""Moodle XML: multichoice, truefalse, matching and cloze with idnumber and tags; orderings as
matchings.

Moodle 4.3 and older know no Ordering question type unless the qtype_ordering plugin is
installed, and one question of an unknown type makes the whole import stop ("No questions have
been imported"), so an ordering is written as a matching of each event to its place unless
`--moodle-ordering` says the site has the type (core since Moodle 4.4).

Texts are stored as Moodle stores them: question text, feedback and a matching's subquestions
are HTML (escaped); a gap-fill is a Cloze question (embedded answers, Moodle's multianswer
type): its passage with one drop-down of the word bank per gap; a question's name and a
matching's answers are plain text, shown raw in
Moodle's forms, so they are written as they read (XML escaping only).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from quizgen.errors import Problem, QuizgenError
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
from quizgen.quiz.scoring import describe, points
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.platform import Pairs, as_pairs, clean, html_text, question_name

PENALTY = "0.3333333"  # Moodle's default penalty for each wrong try


def ordering_type(options: RenderOptions) -> bool:
    """Whether to write the Ordering question type (--moodle-ordering); a QuizgenError for a
    value that is not a flag."""
    value = options.option("moodle_ordering", False)
    if not isinstance(value, bool):
        raise QuizgenError(Problem("bad value for Moodle XML's --moodle-ordering",
                                   field="moodle_ordering", found=repr(value),
                                   expected="True or False"))
    return value


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    """`<tag format="html"><text>value</text></tag>`; ElementTree escapes it for XML."""
    element = ET.SubElement(parent, tag, {"format": "html"})
    ET.SubElement(element, "text").text = value
    return element


def _plain(parent: ET.Element, tag: str, value: str) -> None:
    """`<tag>value</tag>`."""
    ET.SubElement(parent, tag).text = value


# Moodle marks a matching (and an ordering) part by part; the printed rule cannot be set there,
# so the category's description, which the teacher reads in the question bank, says so.
PLATFORM_RULE = (f"Points as on the quizgen worksheet: {describe()}. Moodle gives a"
                 " matching or an ordering its points part by part instead: each right pair or"
                 " place earns its share.")


def _head(
    root: ET.Element, question: Question, qtype: str, prompt: str, *, html: str | None = None,
) -> ET.Element:
    """A question element with the fields every type shares, in Moodle's export order; `html`,
    when given, is the question text already written as HTML (a Cloze passage)."""
    element = ET.SubElement(root, "question", {"type": qtype})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question_name(question)  # plain text in Moodle
    _text(element, "questiontext", html_text(prompt) if html is None else html)
    excerpts = [html_text(e) for e in question.explanation if clean(e)]
    _text(element, "generalfeedback", "<br>".join(excerpts))
    _plain(element, "defaultgrade", str(points(question)))
    _plain(element, "penalty", PENALTY)
    _plain(element, "hidden", "0")
    _plain(element, "idnumber", question.id)
    return element


def _feedbacks(element: ET.Element) -> None:
    """The combined feedback Moodle shows after an attempt."""
    _text(element, "correctfeedback", "Your answer is correct.")
    _text(element, "partiallycorrectfeedback", "Your answer is partially correct.")
    _text(element, "incorrectfeedback", "Your answer is incorrect.")
    ET.SubElement(element, "shownumcorrect")  # a flag: present means "show how many are right"


def _tags(element: ET.Element, question: Question) -> None:
    """`<tags>`: the kind, the fact base and the topic tags."""
    tags = ET.SubElement(element, "tags")
    for tag in dict.fromkeys((question.kind, question.factbase, *question.tags)):
        ET.SubElement(ET.SubElement(tags, "tag"), "text").text = clean(tag)


def _multichoice(root: ET.Element, question: MultipleChoice) -> None:
    element = _head(root, question, "multichoice", question.prompt)
    _plain(element, "single", "true")
    _plain(element, "shuffleanswers", "false")  # keep the order every other output shows
    _plain(element, "answernumbering", "abc")
    _plain(element, "showstandardinstruction", "0")
    _feedbacks(element)
    for i, option in enumerate(question.options):
        answer = ET.SubElement(element, "answer", {
            "fraction": "100" if i == question.answer else "0", "format": "html"})
        ET.SubElement(answer, "text").text = html_text(option.text)
        _text(answer, "feedback", "")
    _tags(element, question)


def _truefalse(root: ET.Element, question: MultipleChoice) -> None:
    """A true/false statement as Moodle's own truefalse type (answers "true" and "false")."""
    element = _head(root, question, "truefalse", question.prompt)
    for i, word in enumerate(("true", "false")):
        answer = ET.SubElement(element, "answer", {
            "fraction": "100" if i == question.answer else "0", "format": "moodle_auto_format"})
        ET.SubElement(answer, "text").text = word
        _text(answer, "feedback", "")
    _tags(element, question)


def _matching(root: ET.Element, question: Matching | Ordering) -> None:
    """A matching; an ordering as a matching of each item to its place (1st, 2nd, ...)."""
    pairs: Pairs = as_pairs(question)
    element = _head(root, question, "matching", pairs.prompt)
    _plain(element, "shuffleanswers", "false")
    _feedbacks(element)
    for left, right in pairs.answer:
        sub = _text(element, "subquestion", html_text(pairs.left[left]))
        # a matching's answers are plain text in Moodle: written as they read
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = clean(pairs.right[right])
    used = {right for _, right in pairs.answer}
    for n, text in enumerate(pairs.right):
        if n not in used:  # a distractor: an answer with no question
            sub = _text(element, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = clean(text)
    _tags(element, question)


_CLOZE_SPECIAL = ("\\", "}", "#", "~", "/", '"')  # backslash-escaped in an embedded answer


def cloze_answer(text: str) -> str:
    """A word as an answer inside Moodle's {1:MULTICHOICE:…}: HTML text, its specials escaped
    with a backslash (Moodle's multianswer rules); a leading = or % (read as "right" or as a
    weight) as its HTML entity, which the page shows as the character."""
    escaped = html_text(text)
    for char in _CLOZE_SPECIAL:
        escaped = escaped.replace(char, "\\" + char)
    lead = {"=": "&#61;", "%": "&#37;"}.get(escaped[:1])
    return lead + escaped[1:] if lead else escaped


def _cloze(root: ET.Element, question: GapFill) -> None:
    """A gap-fill as Moodle's Cloze question: the prompt, then the passage with a drop-down of
    the bank in each gap, one mark a gap (the subquestion's weight)."""
    parts = [html_text(question.passage[0])]
    for n, key in enumerate(question.answer, start=1):
        words = "~".join(("=" if i == key else "") + cloze_answer(option.text)
                         for i, option in enumerate(question.bank))
        parts += [" " if question.passage[n - 1][-1:].isspace() else "",
                  f"{{1:MULTICHOICE:{words}}}",
                  " " if question.passage[n][:1].isspace() else "",
                  html_text(question.passage[n])]
    html = f"{html_text(question.prompt)}<br><br>{''.join(parts)}"
    element = _head(root, question, "cloze", question.prompt, html=html)
    _tags(element, question)


def _ordering(root: ET.Element, question: Ordering) -> None:
    element = _head(root, question, "ordering", question.prompt)
    _plain(element, "layouttype", "VERTICAL")
    _plain(element, "selecttype", "ALL")
    _plain(element, "selectcount", str(len(question.items)))
    _plain(element, "gradingtype", "ABSOLUTE_POSITION")
    _plain(element, "showgrading", "SHOW")
    _plain(element, "numberingstyle", "none")
    _feedbacks(element)
    for rank, index in enumerate(question.answer, start=1):  # answers in the correct order
        answer = ET.SubElement(element, "answer", {"fraction": str(rank), "format": "html"})
        ET.SubElement(answer, "text").text = html_text(question.items[index].text)
    _tags(element, question)


def render_text(quiz: Quiz, *, options: RenderOptions) -> bytes:
    """The quiz as a Moodle XML document: a category named after the quiz, then the questions."""
    ordering = ordering_type(options)
    root = ET.Element("quiz")
    title = clean(options.title or quiz.title) or "quizgen"
    category = ET.SubElement(root, "question", {"type": "category"})
    ET.SubElement(ET.SubElement(category, "category"), "text").text = (
        "$course$/top/" + html_text(title).replace("/", "//"))  # Moodle reads // as a literal slash
    _text(category, "info", "Made by quizgen from the article's fact base. " + PLATFORM_RULE)
    for question in quiz.questions:
        match question:
            case MultipleChoice() if question.options == TRUE_FALSE:
                _truefalse(root, question)
            case MultipleChoice():
                _multichoice(root, question)
            case Matching():
                _matching(root, question)
            case Ordering() if ordering:
                _ordering(root, question)
            case Ordering():  # every Moodle takes a matching; not every one an ordering
                _matching(root, question)
            case GapFill():
                _cloze(root, question)
            case _:
                assert_never(question)
    ET.indent(root, space="  ")
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue() + b"\n"


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>-moodle.xml`, for Moodle's "Moodle XML format" import."""
    return {f"{options.name}-moodle.xml": render_text(quiz, options=options)}
