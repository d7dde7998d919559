"""The JSON export: versioned and lossless, each question with its ask, claims and excerpts."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any

from quizgen.errors import Problem, QuizgenError
from quizgen.quiz import questions as q
from quizgen.quiz.questions import (
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
from quizgen.renderers.reading import evidence, flag, printed_articles

FORMAT = "quizgen-quiz"
VERSION = 2  # 1 was the unversioned {"questions": [...]} with texts only; 2 adds what is below
SHAPES = {MultipleChoice: "multiple-choice", Matching: "matching", Ordering: "ordering",
          GapFill: "gap-fill"}
# Every dataclass a question may hold (asks, claims, amounts), by the "type" written for it; an
# Amount is the fact base's own (quizgen.factbase.numbers), re-exported by the questions module.
TYPES: dict[str, type] = {
    name: cls for name, cls in vars(q).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
    and (cls.__module__ == q.__name__ or cls is q.Amount)
}


def data(value: object) -> Any:
    """A claim or ask as JSON data: {"type": class name, field: value, ...}; decimals as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        record: dict[str, Any] = {"type": type(value).__name__}
        for field in dataclasses.fields(value):
            record[field.name] = data(getattr(value, field.name))
        return record
    if isinstance(value, tuple):
        return [data(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def _texts_and_claims(options: tuple[q.Option, ...]) -> tuple[list[str], list[Any]]:
    return [option.text for option in options], [data(option.claim) for option in options]


def question_record(question: Question) -> dict[str, Any]:
    """One question as a JSON-ready dict in the documented shape (docs/architecture.md)."""
    record: dict[str, Any] = {
        "id": question.id,
        "kind": question.kind,
        "shape": SHAPES[type(question)],
        "factbase": question.factbase,
        "prompt": question.prompt,
        "ask": data(question.ask),
        "explanation": "\n".join(question.explanation),
        "excerpts": list(question.explanation),
    }
    match question:
        case MultipleChoice():
            record["options"], record["claims"] = _texts_and_claims(question.options)
            record["answer"] = question.answer
        case Matching():
            record["left"], record["left_claims"] = _texts_and_claims(question.left)
            record["right"], record["right_claims"] = _texts_and_claims(question.right)
            record["answer"] = [[left, right] for left, right in question.answer]
        case Ordering():
            record["items"], record["claims"] = _texts_and_claims(question.items)
            record["answer"] = list(question.answer)
        case GapFill():  # the text around the gaps (one more piece than gaps), a bank index per gap
            record["passage"] = list(question.passage)
            record["bank"], record["bank_claims"] = _texts_and_claims(question.bank)
            record["answer"] = list(question.answer)
        case _:
            assert_never(question)
    record["tags"] = list(question.tags)
    record["people"] = list(question.people)
    record["points"] = points(question)  # what the sheet and every platform format count
    return record


def document(quiz: Quiz, *, with_article: bool = False) -> dict[str, Any]:
    """The whole quiz as JSON data; `with_article`: also each article's numbered paragraphs
    ("articles") and each question's evidence paragraphs ("evidence", 1-based)."""
    if with_article:
        articles = printed_articles(quiz)
        paras = {base.id: texts for base, texts in articles}
        records = []
        for question in quiz.questions:
            record = question_record(question)
            spots = evidence(question, paras.get(question.factbase, ()))
            record["evidence"] = list(dict.fromkeys(spot.paragraph for spot in spots))
            records.append(record)
        return {**_document(quiz), "questions": records, "articles": [
            {"factbase": base.id, "title": base.source.title, "paragraphs": list(texts)}
            for base, texts in articles]}
    return _document(quiz)


def _document(quiz: Quiz) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": quiz.title,
        "variant": quiz.version,
        "factbases": [base.id for base in quiz.bases],
        "points": total(quiz.questions),
        "scoring": describe(),
        "questions": [question_record(question) for question in quiz.questions],
        "skipped": [dataclasses.asdict(skip) for skip in quiz.skipped],
    }


def render_text(quiz: Quiz, *, with_article: bool = False) -> str:
    """The whole quiz as a JSON document with a trailing newline."""
    return json.dumps(document(quiz, with_article=with_article), ensure_ascii=False,
                      indent=2) + "\n"


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>.json`."""
    text = render_text(quiz, with_article=flag(options, "with_article"))
    return {f"{options.name}.json": text.encode("utf-8")}


# ---- reading it back: the proof that the export is lossless -------------------------------------
def _value(raw: Any, annotation: str) -> Any:
    if isinstance(raw, dict):
        cls = TYPES.get(str(raw.get("type")))
        if cls is None:
            raise _bad(f"unknown type {raw.get('type')!r}")
        hints = {field.name: str(field.type) for field in dataclasses.fields(cls)}
        return cls(**{name: _value(raw[name], hints[name]) for name in hints})
    if isinstance(raw, list):
        return tuple(_value(item, annotation) for item in raw)
    if isinstance(raw, str) and "Decimal" in annotation.split(" | "):  # also `Decimal | None`
        return Decimal(raw)
    return raw


def _bad(found: str) -> QuizgenError:
    return QuizgenError(Problem("not a quizgen JSON export", found=found,
                                expected=f'{{"format": "{FORMAT}", "version": {VERSION}, ...}}'))


def _options(texts: list[str], claims: list[Any]) -> tuple[q.Option, ...]:
    return tuple(q.Option(text, _value(claim, "Claim")) for text, claim in
                 zip(texts, claims, strict=True))


def read_questions(text: str) -> tuple[Question, ...]:
    """The questions of an export made by this version, exactly as they were rendered."""
    loaded = json.loads(text)
    if not isinstance(loaded, dict) or loaded.get("format") != FORMAT:
        raise _bad("no format field" if isinstance(loaded, dict) else type(loaded).__name__)
    if loaded.get("version") != VERSION:
        raise _bad(f"version {loaded.get('version')!r}")
    out: list[Question] = []
    for r in loaded["questions"]:
        common = {"id": r["id"], "kind": r["kind"], "factbase": r["factbase"],
                  "prompt": r["prompt"], "ask": _value(r["ask"], "Ask"),
                  "explanation": tuple(r["excerpts"]), "tags": tuple(r["tags"]),
                  "people": tuple(r["people"])}
        if r["shape"] == "multiple-choice":
            out.append(MultipleChoice(**common, options=_options(r["options"], r["claims"]),
                                      answer=r["answer"]))
        elif r["shape"] == "matching":
            out.append(Matching(**common, left=_options(r["left"], r["left_claims"]),
                                right=_options(r["right"], r["right_claims"]),
                                answer=tuple((a, b) for a, b in r["answer"])))
        elif r["shape"] == "ordering":
            out.append(Ordering(**common, items=_options(r["items"], r["claims"]),
                                answer=tuple(r["answer"])))
        elif r["shape"] == "gap-fill":
            out.append(GapFill(**common, passage=tuple(r["passage"]),
                               bank=_options(r["bank"], r["bank_claims"]),
                               answer=tuple(r["answer"])))
        else:
            raise _bad(f"shape {r['shape']!r}")
    return tuple(out)
