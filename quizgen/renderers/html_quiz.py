"""Self-grading HTML quiz: one offline file, inline CSS and JS, every question kind natively."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from typing import Any, NamedTuple

from quizgen.quiz.questions import (
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    assert_never,
    shape_problem,
)
from quizgen.quiz.scoring import points, rule_of
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.reading import (
    citations,
    evidence,
    flag,
    printed_articles,
)

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


# Invisible characters a page would act on: bidi embeddings, overrides and isolates (U+202E
# shows "unite" as "etinu") and zero-width spaces; dropped from every text the quiz shows.
_INVISIBLE = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x2060,
                            0xFEFF])


def e(text: str) -> str:
    """Fact-base text as HTML text or an attribute value: every markup character escaped,
    invisible direction overrides and zero-width spaces dropped."""
    return html.escape(text.translate(_INVISIBLE), quote=True)


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element: no `</script>`, `<!--` or line separators
    (and, as in the page's text, no invisible overrides)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(
        {**_SCRIPT_ESCAPES, **_INVISIBLE})


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


def _title(quiz: Quiz, given: str | None) -> str:
    article = quiz.bases[0].source.title if quiz.bases else ""
    for candidate in (given, quiz.title, article):
        if candidate and candidate.strip():
            return candidate
    return "Quiz"


def _sources(quiz: Quiz) -> str:
    parts = []
    for base in quiz.bases:
        extra = ", ".join(x for x in (base.source.outlet, base.source.published) if x)
        parts.append(f"“{e(base.source.title)}”" + (f" ({e(extra)})" if extra else ""))
    if not parts:
        return ""
    return f'<p class="source">Source{"s" * (len(parts) > 1)}: {"; ".join(parts)}</p>'


def _explanation(question: Question, spots: tuple[str, ...] = ()) -> str:
    """The excerpts; with the article on the page, links to the paragraphs that hold them."""
    if not question.explanation:
        return ""
    quotes = "".join(f"<blockquote>{e(part)}</blockquote>" for part in question.explanation)
    links = ", ".join(f'<a href="#{spot}">¶{spot.rsplit("-p", 1)[1]}</a>' for spot in spots)
    head = "From the article" + (f" ({links})" if links else "")
    return f'<div class="explain"><p class="explain-head">{head}</p>{quotes}</div>'


def _choice(question: MultipleChoice, q: str) -> tuple[str, str, dict[str, Any]]:
    rows = []
    for i, option in enumerate(question.options):
        rows.append(
            f'<label class="choice" data-i="{i}"><input type="radio" name="{q}" value="{i}">'
            f'<span class="letter" aria-hidden="true">{_letter(i)}</span>'
            f'<span class="text">{e(option.text)}</span></label>'
        )
    answer = (f'<p class="answer">Answer: {_letter(question.answer)}. '
              f"{e(question.options[question.answer].text)}</p>")
    data = {"type": "choice", "answer": question.answer, **_marks(question)}
    return "".join(rows), answer, data


def _marks(question: Question) -> dict[str, int]:
    """The question's marking rule for the page's script (quiz.scoring, as on the sheet)."""
    rule = rule_of(question)
    if rule.per_part:  # `each` for every part that is right (the gaps of a gap-fill)
        return {"points": points(question), "partial": 0, "slips": 0, "each": rule.full}
    return {"points": rule.full, "partial": rule.partial, "slips": rule.slips}


def _matching(question: Matching, q: str) -> tuple[str, str, dict[str, Any]]:
    pairs = dict(question.answer)
    choices = "".join(
        f'<option value="{j}">{_letter(j)}. {e(item.text)}</option>'
        for j, item in enumerate(question.right)
    )
    rows = []
    for i, item in enumerate(question.left):
        rows.append(
            f'<div class="pair" data-i="{i}"><label for="{q}-{i}" class="left">'
            f'<span class="num">{i + 1}.</span> {e(item.text)}</label>'
            f'<select id="{q}-{i}" data-i="{i}"><option value="">Choose…</option>{choices}'
            f'</select><span class="mark" aria-hidden="true"></span></div>'
        )
    answer = '<p class="answer">Answers:</p><ul class="answers">' + "".join(
        f"<li>{i + 1}. {e(question.left[i].text)} → <b>{_letter(pairs[i])}. "
        f"{e(question.right[pairs[i]].text)}</b></li>"
        for i in range(len(question.left))
    ) + "</ul>"
    data = {
        "type": "matching",
        "answer": [pairs[i] for i in range(len(question.left))],
        **_marks(question),
    }
    return "".join(rows), answer, data


def _ordering(question: Ordering, q: str) -> tuple[str, str, dict[str, Any]]:
    rows = []
    for i, item in enumerate(question.items):
        text = e(item.text)
        rows.append(
            f'<li class="item" data-i="{i}"><span class="grip" aria-hidden="true" '
            f'title="Drag to move">⠿</span><span class="pos" aria-hidden="true"></span>'
            f'<span class="text">{text}</span><span class="moves">'
            f'<button type="button" class="up" aria-label="Move up: {text}">▲</button>'
            f'<button type="button" class="down" aria-label="Move down: {text}">▼</button>'
            "</span></li>"
        )
    answer = '<p class="answer">The order:</p><ol class="answers">' + "".join(
        f"<li>{e(question.items[i].text)}</li>" for i in question.answer) + "</ol>"
    data = {"type": "ordering", "answer": list(question.answer), **_marks(question)}
    return f'<ol class="order" id="{q}-list">{"".join(rows)}</ol>', answer, data


def _gap_fill(question: GapFill, q: str) -> tuple[str, str, dict[str, Any]]:
    """The box of words, then the passage with a drop-down of the box in each numbered gap."""
    words = "".join(f'<li>{e(option.text)}</li>' for option in question.bank)
    choices = "".join(f'<option value="{j}">{e(option.text)}</option>'
                      for j, option in enumerate(question.bank))
    parts = [e(question.passage[0])]
    for n, piece in enumerate(question.passage[1:], start=1):
        parts.append(
            f'<span class="gap" data-i="{n - 1}"><span class="num">({n})</span> '
            f'<select id="{q}-{n - 1}" data-i="{n - 1}" aria-label="Gap {n}">'
            f'<option value="">…</option>{choices}</select>'
            f'<span class="mark" aria-hidden="true"></span></span>{e(piece)}')
    body = (f'<ul class="bank" aria-label="Words for the gaps">{words}</ul>'
            f'<p class="passage">{"".join(parts)}</p>')
    answer = '<p class="answer">Answers:</p><ul class="answers">' + "".join(
        f"<li>({n}) <b>{e(question.bank[key].text)}</b></li>"
        for n, key in enumerate(question.answer, start=1)) + "</ul>"
    data = {"type": "gapfill", "answer": list(question.answer), **_marks(question)}
    return body, answer, data


_HINTS = {
    "choice": "Choose one answer.",
    "matching": "Choose a match for each item.",
    "ordering": "Put the items in order, first at the top: drag them, or use the arrows.",
    "gapfill": "Choose a word from the box for each gap.",
}


def _question(question: Question, number: int, *, reading: Reading | None = None,
              ) -> tuple[str, dict[str, Any]]:
    """One question's markup and the data the script grades it with; with the article on the
    page, where its evidence stands (highlighted once answered) and, with --cite, "(¶4)"."""
    q = f"q{number}"
    match question:
        case MultipleChoice():
            body, answer, data = _choice(question, q)
        case Matching():
            body, answer, data = _matching(question, q)
        case Ordering():
            body, answer, data = _ordering(question, q)
        case GapFill():
            body, answer, data = _gap_fill(question, q)
        case _:
            assert_never(question)
    data["id"] = question.id
    kind = data["type"]
    hint = _HINTS[kind]
    if isinstance(question, Matching) and len(question.right) < len(question.left):
        hint += " An answer may be used more than once."
    points = data["points"]
    where = reading.cites.get(question.id, "") if reading else ""
    prompt = question.prompt + (f" ({where})" if where and reading and reading.cite else "")
    spots = reading.anchors.get(question.id, ()) if reading else ()
    evidence = f' data-evidence="{" ".join(spots)}"' if spots else ""
    markup = (
        f'<section class="question" id="{q}" data-type="{kind}" aria-labelledby="{q}-prompt"'
        f'{evidence}>'
        f'<fieldset><legend id="{q}-prompt"><span class="qnum">{number}.</span> '
        f"{e(prompt)}</legend>"
        f'<p class="hint">{hint} <span class="worth">'
        f'({points} point{"s" * (points != 1)})</span></p>'
        f"{body}</fieldset>"
        f'<div class="actions"><button type="button" class="check" disabled>Check answer'
        f"</button></div>"
        f'<div class="feedback" role="status" aria-live="polite"></div>'
        f'<div class="reveal" hidden>{answer}{_explanation(question, spots)}</div>'
        "</section>"
    )
    return markup, data


class Reading(NamedTuple):
    """The article on the page: each question's paragraph mark and the ids of its paragraphs."""

    cites: dict[str, str]  # "¶4" by question id
    anchors: dict[str, tuple[str, ...]]  # "a1-p4" by question id
    cite: bool  # show the mark after each prompt


def _article(quiz: Quiz, *, cite: bool) -> tuple[str, Reading]:
    """The articles as numbered paragraphs (ids a1-p1, ...) and where each question's evidence
    stands in them."""
    articles = printed_articles(quiz)
    index_of = {base.id: index for index, (base, _) in enumerate(articles, start=1)}
    anchors: dict[str, tuple[str, ...]] = {}
    for question in quiz.questions:
        index = index_of.get(question.factbase)
        if index is not None:
            paras = articles[index - 1][1]
            found = dict.fromkeys(spot.paragraph for spot in evidence(question, paras))
            anchors[question.id] = tuple(f"a{index}-p{number}" for number in found)
    parts = ['<section class="article" aria-label="The article">']
    for index, (base, paras) in enumerate(articles, start=1):
        parts.append(f"<h2>{e(base.source.title)}</h2>")
        parts += [f'<p class="para" id="a{index}-p{number}"><span class="pnum">¶{number}</span> '
                  f"{e(text)}</p>" for number, text in enumerate(paras, start=1)]
    parts.append("</section>")
    return "".join(parts), Reading(citations(quiz), anchors, cite)


def render_text(quiz: Quiz, *, title: str | None = None, with_article: bool = False,
                cite: bool = False) -> str:
    """The whole quiz as one self-contained HTML document; `with_article`: the article first,
    paragraphs numbered, the evidence highlighted after each answer."""
    from quizgen.resources import read_template

    for question in quiz.questions:
        problem = shape_problem(question)
        if problem is not None:
            from quizgen.errors import Problem, QuizgenError

            raise QuizgenError(Problem("malformed question", field="questions",
                                       found=f"{question.id}: {problem}",
                                       expected="an answer that indexes the question's options"))
    heading = _title(quiz, title)
    parts, data = [], []
    reading = None
    if with_article:
        article, reading = _article(quiz, cite=cite)
        parts.append(article)
    for number, question in enumerate(quiz.questions, start=1):
        markup, record = _question(question, number, reading=reading)
        parts.append(markup)
        data.append(record)
    total = sum(record["points"] for record in data)
    count = len(data)
    page = read_template("html", "quiz.html").format_map({
        "csp": _CSP_MARK,
        "title": e(heading),
        "sources": _sources(quiz),
        "count": count,
        "total": total,
        "questions": "\n".join(parts),
        "data": script_json({"format": "quizgen-html-quiz", "version": 1, "questions": data}),
        "css": read_template("html", "quiz.css"),
        "js": read_template("html", "quiz.js"),
        "plural": "s" * (count != 1),
    })
    return page.replace(_CSP_MARK, content_security_policy(page), 1)  # no " & < in it


_CSP_MARK = "\x00content-security-policy\x00"  # where the policy goes once the page is made
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)  # the page's own code, no type


def content_security_policy(page: str) -> str:
    """The page's Content-Security-Policy: nothing but its own inline style and script, named
    by their SHA-256 hashes (the same page, the same policy), no network, no plugins, no forms.

    The quiz data (`<script type="application/json">`) is never run, so needs no hash.
    """
    allowed: dict[str, list[str]] = {"script": [], "style": []}
    for kind, body in _INLINE.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        allowed[kind].append(f"'sha256-{digest}'")
    script = " ".join(allowed["script"]) or "'none'"
    style = " ".join(allowed["style"]) or "'none'"
    return (f"default-src 'none'; script-src {script}; style-src {style}; base-uri 'none';"
            " form-action 'none'; object-src 'none'")


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>.html`."""
    text = render_text(quiz, title=options.title, with_article=flag(options, "with_article"),
                       cite=flag(options, "cite"))
    return {f"{options.name}.html": text.encode("utf-8")}
