"""A studio form's values as the YAML nodes a fact-base file is written with, or a located error."""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from quizgen.errors import Problem, QuizgenError
from quizgen.studio.fields import FieldSpec

_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def value_for(spec: FieldSpec, value: Any, *, where: str) -> Any:
    """A form's value as the YAML node to write; None to remove the key."""
    if spec.kind == "flag":
        if not isinstance(value, bool):
            raise bad(where, value, "true or false")
        return value
    if spec.kind in ("refs", "texts"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad(where, value, "a list of texts")
        values = [v.strip() for v in value if v.strip()]
        if not values:
            return CommentedSeq() if spec.keep_empty else None
        nodes = [id_node(v, where=where) if spec.kind == "refs" else DoubleQuotedScalarString(v)
                 for v in values]
        seq = CommentedSeq(nodes)
        seq.fa.set_flow_style()
        return seq
    if not isinstance(value, str):
        raise bad(where, value, "a text")
    value = value.strip()
    if not value:
        return None
    if spec.kind == "ref":
        return id_node(value, where=where)
    if spec.kind == "choice":
        if value not in spec.choices:
            raise bad(where, value, "one of " + ", ".join(spec.choices))
        return value
    if spec.kind == "number":
        if spec.name in ("value", "to") and re.fullmatch(r"\d\d?:\d\d", value):
            return DoubleQuotedScalarString(value)  # a time of day is written in quotes
        if not _NUMBER.fullmatch(value):
            raise bad(where, value, "a plain number such as 1000 or 51.2")
        return YAML(typ="rt").load(f"v: {value}\n")["v"]
    if spec.kind == "date" and re.fullmatch(r"\d{4}", value):
        return int(value)
    return DoubleQuotedScalarString(value)


def id_node(value: str, *, where: str) -> Any:
    """An id as written: checked, and quoted where YAML 1.1 would read it as another type."""
    if not _ID.fullmatch(value):
        raise bad(where, value, "an id: lower-case letters, digits and hyphens")
    if value in _YAML11_WORDS or value.isdigit():
        return DoubleQuotedScalarString(value)
    return value


def bad(where: str, value: object, expected: str) -> QuizgenError:
    """The error for a value a form cannot hold, located at its field."""
    return QuizgenError(Problem("a value the form cannot hold", field=where,
                                found=repr(value)[:80], expected=expected))
