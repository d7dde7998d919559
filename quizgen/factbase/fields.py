"""One YAML value read as a field of the format (text, flag, number, time, date, choice, list)."""

import datetime as dt
import difflib
import re
from decimal import Decimal
from typing import Any, NamedTuple

import yaml

from quizgen.errors import Problem
from quizgen.factbase.model import PartialDate
from quizgen.factbase.schema import DATE_PATTERN, DECIMAL_PATTERN, TIME_PATTERN, FieldSpec
from quizgen.factbase.yamlsafe import MapNode, Node, ScalarNode, SeqNode, short_tag

_DECIMAL = re.compile(DECIMAL_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_TIME = re.compile(TIME_PATTERN)
_TIME_LIKE = re.compile(r"^[0-9]{1,2}:[0-9]{1,2}$")  # what an author may write for a time
# Figures are rounded and shown at numbers.CONTEXT's precision (40 digits; a test ties the two,
# and quizgen.factbase.numbers is not imported here so that `quizgen validate` starts fast).
MAX_DIGITS = 40
BAD = object()  # a value that could not be read; its problem is already recorded
TIME_EXAMPLE = 'a 24-hour time in quotes, e.g. "14:30" or "09:05"'


class Time(NamedTuple):
    """A time of day as read: minutes since midnight, and the text written."""

    minutes: Decimal
    text: str


def describe(node: Node) -> str:
    """How a node reads to a person: `a list`, `the text 'abc'`, `NO, which YAML 1.1 reads ...`."""
    if isinstance(node, MapNode):
        return "a mapping"
    if isinstance(node, SeqNode):
        return "a list"
    shown = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    tag = short_tag(node.tag)
    if node.explicit and tag != "str":
        return f"!!{tag} {shown}"
    if not node.plain or tag == "str":
        return f"the text {shown!r}"
    if node.value == "":
        return "an empty value"
    meaning = {"null": "null (nothing)", "bool": "a boolean", "timestamp": "a date",
               "int": "a number", "float": "a number"}.get(tag, tag)
    value = yaml_meaning(node.value)
    if value is not None and tag in ("bool", "int", "float", "timestamp"):
        meaning += f" ({value})"
    return f"{shown}, which YAML 1.1 reads as {meaning}"


def yaml_meaning(value: str) -> str | None:
    """What PyYAML's YAML 1.1 would make of one plain scalar, for hints (`1:30` → `90`)."""
    if len(value) > 40:  # hostile input: `1:2:3:...` would make PyYAML do huge arithmetic
        return None
    try:
        loaded: Any = yaml.safe_load(value)
    except Exception:  # a hint only; never fail on it
        return None
    if isinstance(loaded, bool):
        return str(loaded).lower()
    return str(loaded) if isinstance(loaded, (int, float, dt.date)) else None


class FieldReader:
    """Reads values against their field's kind, recording each problem with its location."""

    def __init__(self, filename: str, *, locate: bool = True) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.locations: dict[str, tuple[int, int]] = {}
        self.locate = locate  # record where each field was (for problems found after reading)

    def report(self, node: Node, field: str, message: str, *, found: str | None = None,
               expected: str | None = None) -> None:
        self.problems.append(Problem(message, file=self.filename, line=node.line,
                                     column=node.column, field=field or None, found=found,
                                     expected=expected))

    def value(self, node: Node, path: str, spec: FieldSpec) -> Any:
        if spec.kind in ("text", "slug", "ref"):
            return self.text(node, path)
        if spec.kind == "number":
            return self.number(node, path)
        if spec.kind == "quantity":
            return self.quantity(node, path)
        if spec.kind == "flag":
            return self.flag(node, path)
        if spec.kind == "date":
            return self.date(node, path)
        if spec.kind == "choice":
            got = self.text(node, path)
            if got is not BAD and got not in spec.choices:
                close = difflib.get_close_matches(got, list(spec.choices), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.report(node, path, "not an allowed value", found=repr(got),
                            expected="one of: " + ", ".join(spec.choices) + hint)
                return BAD
            return got
        return self.list_of_text(node, path, spec)

    def text(self, node: Node, path: str) -> Any:
        """Non-empty text, refusing plain values that YAML 1.1 reads as something else."""
        if isinstance(node, ScalarNode) and node.tag.endswith(":str"):
            stripped = node.value.strip()
            if stripped:
                return stripped
            self.report(node, path, "empty text", found="nothing", expected="some text")
        elif isinstance(node, ScalarNode) and node.plain and not node.explicit:
            hint = f'text: quote it, e.g. "{node.value}"' if node.value else \
                "some text (or remove the key)"
            self.report(node, path, "value is not text", found=describe(node), expected=hint)
        else:
            self.report(node, path, "value is not text", found=describe(node), expected="text")
        return BAD

    def flag(self, node: Node, path: str) -> Any:
        """true or false, written without quotes (yes/no/on/off are refused as ambiguous)."""
        if (isinstance(node, ScalarNode) and node.plain and not node.explicit
                and node.value.casefold() in ("true", "false")):
            return node.value.casefold() == "true"
        if isinstance(node, ScalarNode) and not node.plain and \
                node.value.casefold() in ("true", "false"):
            self.report(node, path, "true or false in quotes is text", found=describe(node),
                        expected=f"{node.value.casefold()} without quotes")
        else:
            self.report(node, path, "not true or false", found=describe(node),
                        expected="true or false")
        return BAD

    def quantity(self, node: Node, path: str) -> Any:
        """A plain decimal, or a time of day written "HH:MM" (checked with the unit later).

        An unquoted 14:30 is refused: YAML 1.1 reads it as the number 870. An unquoted 09:05,
        which YAML reads as text anyway, is taken as written.
        """
        if isinstance(node, ScalarNode) and _TIME_LIKE.fullmatch(node.value):
            if node.plain and not node.explicit and short_tag(node.tag) != "str":
                self.report(node, path, "a time of day must be quoted", found=describe(node),
                            expected=f'the time in quotes: "{node.value}"')
            elif not _TIME.fullmatch(node.value):
                self.report(node, path, "not a valid time of day", found=repr(node.value),
                            expected=TIME_EXAMPLE + ", from 00:00 to 23:59")
            else:
                hours, minutes = node.value.split(":")
                return Time(Decimal(int(hours) * 60 + int(minutes)), node.value)
            return BAD
        return self.number(node, path)

    def list_of_text(self, node: Node, path: str, spec: FieldSpec) -> Any:
        if not isinstance(node, SeqNode):
            what = {"people": "people ids", "events": "event ids", "places": "place ids",
                    "figures": "figure ids", "terms": "term ids",
                    "statements": "claim or quote ids"}.get(spec.refers_to or "") or \
                ("tags" if spec.kind == "tags" else "texts")
            example = "[election, protests]" if spec.kind == "tags" else "[a, b]"
            self.report(node, path, "expected a list", found=describe(node),
                        expected=f"a list of {what}, e.g. {example}")
            return BAD
        items = []
        for index, item in enumerate(node.items):
            where = f"{path}[{index}]"
            if self.locate:
                self.locations[where] = (item.line, item.column)
            items.append(self.text(item, where))
        return BAD if BAD in items else tuple(items)

    def number(self, node: Node, path: str) -> Any:
        """A plain decimal as written: `51.2` is Decimal("51.2"); `1:30`, `0123`, `1_000` fail."""
        example = "a plain decimal number such as 12, 51.2 or -3 (no separators)"
        if not isinstance(node, ScalarNode):
            self.report(node, path, "value is not a number", found=describe(node),
                        expected=example)
        elif node.plain and _DECIMAL.fullmatch(node.value) and short_tag(node.tag) in (
                "int", "float"):
            value = Decimal(node.value)
            digits = len(value.as_tuple().digits)
            if digits <= MAX_DIGITS:
                return value
            self.report(node, path, "too many digits to compute with", found=f"{digits} digits",
                        expected=f"at most {MAX_DIGITS} digits, leading zeros not counted")
        elif not node.plain and _DECIMAL.fullmatch(node.value):
            self.report(node, path, "a number in quotes is text", found=describe(node),
                        expected=f"the number without quotes: {node.value}")
        else:
            self.report(node, path, "not a plain decimal number", found=describe(node),
                        expected=example)
        return BAD

    def date(self, node: Node, path: str) -> Any:
        """YYYY, YYYY-MM or YYYY-MM-DD (quoted or not) naming a real calendar date."""
        expected = "a date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-07-28"
        if (isinstance(node, ScalarNode) and _DATE.fullmatch(node.value)
                and short_tag(node.tag) in ("str", "int", "timestamp")):
            parts = [int(part) for part in node.value.split("-")]
            try:
                dt.date(parts[0], parts[1] if len(parts) > 1 else 1,
                        parts[2] if len(parts) > 2 else 1)
            except ValueError:
                self.report(node, path, "not a calendar date", found=node.value,
                            expected=expected)
                return BAD
            return PartialDate(*parts)
        self.report(node, path, "not a date", found=describe(node), expected=expected)
        return BAD
