"""GIFT, Moodle's text format: multiple choice and matching native, ordering as matching; a
gap-fill left out with a comment saying why (GIFT has one gap per question)."""

from __future__ import annotations

import re

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
from quizgen.quiz.scoring import describe
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.platform import Pairs, as_pairs, clean, html_text, question_name

_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """Fact-base text for GIFT: cleaned, HTML-escaped, then \\ ~ = # { } : backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", html_text(text))


def plain(text: str) -> str:
    """Text Moodle stores as plain text (a question's name, a matching's answer): cleaned and
    backslash-escaped, never HTML-escaped (Moodle's forms would show `&amp;`)."""
    return _SPECIAL.sub(r"\\\1", clean(text))


def _answer(text: str) -> str:
    """An answer: escaped, and a leading % written &#37; so it is never read as a weight."""
    escaped = escape(text)
    return "&\\#37;" + escaped[1:] if escaped.startswith("%") else escaped


def _comment(text: str) -> str:
    """Text safe inside a `//` comment or `[tag:...]`: one line, no square brackets."""
    return clean(text).replace("[", "(").replace("]", ")")


def _feedback(question: Question) -> str:
    """The general feedback: the article's excerpts, one per line."""
    lines = [escape(excerpt) for excerpt in question.explanation if clean(excerpt)]
    return f"\n  ####[html]{'<br>'.join(lines)}" if lines else ""


def _question(question: Question) -> str:
    """One question: id and tags comment, its name, [html] stem and its answers in braces."""
    tags = " ".join(f"[tag:{_comment(tag)}]" for tag in (question.kind, *question.tags))
    head = f"// [id:{question.id}] {tags}\n::{plain(question_name(question))}::[html]"
    match question:
        case MultipleChoice() if question.options == TRUE_FALSE:  # a true/false statement
            answer = "T" if question.answer == 0 else "F"
            return f"{head}{escape(question.prompt)} {{{answer}{_feedback(question)}\n}}"
        case MultipleChoice():
            body = "\n".join(f"  {'=' if i == question.answer else '~'}{_answer(option.text)}"
                             for i, option in enumerate(question.options))
            return f"{head}{escape(question.prompt)} {{\n{body}{_feedback(question)}\n}}"
        case Matching():
            return f"{head}{_pairs(as_pairs(question), question)}"
        case Ordering():  # the documented fallback: each event matched to its place
            return f"{head}{_pairs(as_pairs(question), question)}"
        case GapFill():  # GIFT's missing word has one gap: a passage of several is not written
            return f"// [id:{question.id}] {tags}\n// {_comment(GAP_FILL_SKIPPED)}"
        case _:
            assert_never(question)


GAP_FILL_SKIPPED = ("Left out: a gap-fill passage. GIFT's missing-word question has one gap,"
                    " so a passage with several cannot be written; the Moodle XML export has"
                    " it as a Cloze question (embedded answers).")


def _pairs(pairs: Pairs, question: Question) -> str:
    """A matching's stem and answers: `=left -> right` per item, `= -> right` per distractor."""
    lines = [f"  ={escape(pairs.left[left])} -> {plain(pairs.right[right])}"  # answers: plain
             for left, right in pairs.answer]
    used = {right for _, right in pairs.answer}
    lines += [f"  = -> {plain(text)}"  # a distractor: an answer no item matches
              for n, text in enumerate(pairs.right) if n not in used]
    body = "\n".join(lines)
    return f"{escape(pairs.prompt)} {{\n{body}{_feedback(question)}\n}}"


# GIFT has no points per question: Moodle gives each imported question its default of 1.
PLATFORM_RULE = (f"Points as on the quizgen worksheet: {describe()}. GIFT cannot carry points:"
                 " Moodle gives each question 1 point, and marks a matching pair by pair; set a"
                 " matching's or an ordering's mark to 2 in the quiz to match the worksheet.")


def render_text(quiz: Quiz, *, options: RenderOptions) -> str:
    """The whole quiz as GIFT: a category named after the quiz, then one block per question."""
    title = clean(options.title or quiz.title) or "quizgen"
    blocks = [f"// {_comment(title)}: made by quizgen from the article's fact base\n"
              f"// {_comment(PLATFORM_RULE)}",
              f"$CATEGORY: $course$/top/{html_text(title).replace('/', '-')}"]
    blocks += [_question(question) for question in quiz.questions]
    return "\n\n".join(blocks) + "\n"


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>-gift.txt`, for Moodle's GIFT import."""
    return {f"{options.name}-gift.txt": render_text(quiz, options=options).encode("utf-8")}
