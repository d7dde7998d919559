"""Bounded, safe YAML composition into located nodes; nothing is ever constructed or executed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml
from yaml import events as ev
from yaml.resolver import Resolver

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.filetext import decode, where

MAX_DEPTH = 64  # nesting of lists and mappings
MAX_ALIAS_NODES = 100_000  # nodes that aliases may add to the document when expanded

CORE = "tag:yaml.org,2002:"
STR, NULL, MERGE = CORE + "str", CORE + "null", CORE + "merge"
_EXPLICIT_OK = frozenset(CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))
_RESOLVER: Any = Resolver()
_FIRST_CHARS = frozenset(_RESOLVER.yaml_implicit_resolvers)
_CParser: Any = getattr(yaml, "CSafeLoader", None)


class ScalarNode(NamedTuple):
    """A scalar as written: its text, the tag YAML would give it, and where it starts (1-based)."""

    value: str
    tag: str  # resolved, e.g. "tag:yaml.org,2002:bool" for a plain NO
    plain: bool  # written without quotes and not as a block scalar
    explicit: bool  # the tag was written in the file (e.g. !!str)
    line: int
    column: int


class SeqNode(NamedTuple):
    """A list of nodes and where it starts."""

    items: tuple[Node, ...]
    line: int
    column: int


class MapNode(NamedTuple):
    """A mapping's (key, value) pairs in file order, duplicates kept, and where it starts."""

    pairs: tuple[tuple[Node, Node], ...]
    line: int
    column: int


Node = ScalarNode | SeqNode | MapNode


def short_tag(tag: str) -> str:
    """`tag:yaml.org,2002:int` as `int`; other tags as written."""
    return tag[len(CORE):] if tag.startswith(CORE) else tag


def _syntax_problem(exc: yaml.YAMLError, text: str, filename: str) -> Problem:
    """A PyYAML error as a located Problem, with a hint for the usual causes."""
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = where(text, min(max(exc.position, 0), len(text)))
        return Problem(f"unreadable character: {exc.reason}", file=filename, line=line,
                       column=column, expected="printable UTF-8 text")
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Problem(f"YAML error: {exc}", file=filename)
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if mark is None:
        return Problem(f"YAML syntax error: {problem}", file=filename)
    if "maximum nesting depth" in problem:
        return Problem("lists and mappings are nested too deeply", file=filename,
                       line=mark.line + 1, column=mark.column + 1,
                       expected=f"at most {MAX_DEPTH} levels")
    if "end of stream" in problem and exc.context_mark is not None and "quoted" in (
            exc.context or ""):
        start = exc.context_mark
        return Problem("a quoted value is never closed", file=filename, line=start.line + 1,
                       column=start.column + 1, found="an opening quote with no closing one",
                       expected="the same quote mark at the end of the value")
    lines = text.splitlines()
    row = lines[mark.line] if mark.line < len(lines) else ""
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    if "\t" in indent or "'\\t'" in problem:
        return Problem("a tab character is used for indentation", file=filename,
                       line=mark.line + 1, column=row.find("\t") + 1 if "\t" in row else
                       mark.column + 1, found="a tab",
                       expected="spaces for indentation (YAML does not allow tabs there)")
    early = _quote_ended_early(row, mark.column)
    if early is not None:
        return Problem("a quoted value ends too early, at a quote mark inside the text",
                       file=filename, line=mark.line + 1, column=mark.column, found=early[0],
                       expected=early[1])
    hint = "valid YAML"
    if "mapping values are not allowed" in problem:
        hint = "quotes around text that contains ': '"
    elif "could not find expected ':'" in problem:
        hint = "`key: value` lines, or quotes around text that spans lines"
    elif "did not find expected" in problem or "expected <block end>" in problem:
        hint = "even indentation, and quoted values that end only where the value ends" \
            " (inside double quotes write \\\" for a quote mark, or use single quotes)"
    elif "found unexpected end of stream" in problem or "found unknown escape" in problem:
        hint = "every quote closed and escapes like \\\" inside double quotes"
    context = f" ({exc.context})" if exc.context and exc.problem else ""
    return Problem(f"YAML syntax error: {problem}{context}", file=filename,
                   line=mark.line + 1, column=mark.column + 1, expected=hint)


def _quote_ended_early(row: str, column: int) -> tuple[str, str] | None:
    """When YAML stumbles right after a quote mark that closed a value too soon, what to write.

    `'don't'` closes at the apostrophe and `"he said "no""` at the inner quote mark: the error
    falls on the character after it (0-based `column`).
    """
    if not 0 < column <= len(row) or row[column - 1] not in "'\"":
        return None
    mark = row[column - 1]
    opened = row.find(mark)
    if opened < 0 or opened >= column - 1:
        return None
    if mark == "'":
        return (f"the text {row[opened:column]}… closed by the apostrophe at column {column}",
                "inside single quotes write '' (two single quotes) for an apostrophe, e.g."
                " 'don''t', or put the text in double quotes: \"don't\"")
    return (f"the text {row[opened:column]}… closed by the quote mark at column {column}",
            'inside double quotes write \\" for a quote mark, e.g. "he said \\"no\\"", or put'
            " the text in single quotes: 'he said \"no\"'")


@dataclass
class _Frame:
    """A list or mapping being composed."""

    is_map: bool
    anchor: str | None
    line: int
    column: int
    items: list[Node]
    size: int = 1


class _Composer:
    """Builds nodes from parser events with an explicit stack, bounding depth and aliases."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.alias_nodes = 0
        self.documents = 0

    def fail(self, message: str, mark: Any, **extra: str) -> QuizgenError:
        line, column = mark.line + 1, mark.column + 1
        return QuizgenError([*self.problems, Problem(
            message, file=self.filename, line=line, column=column, **extra)])

    def check_tag(self, tag: str | None, mark: Any) -> None:
        if tag is None or tag == "!" or tag in _EXPLICIT_OK:
            return
        shown = "!!" + short_tag(tag) if tag.startswith(CORE) else tag
        self.problems.append(Problem(
            "YAML tags are not allowed", file=self.filename, line=mark.line + 1,
            column=mark.column + 1, found=shown, expected="plain values without a !tag",
        ))

    def add(self, node: Node, size: int, mark: Any) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if (frame.is_map and len(frame.items) % 2 == 0 and isinstance(node, ScalarNode)
                and node.tag == MERGE):
            self.problems.append(Problem(
                "merge keys (<<) are not allowed", file=self.filename, line=node.line,
                column=node.column, found="<<", expected="the keys written out in full",
            ))
        frame.items.append(node)
        frame.size += size

    def feed(self, event: ev.Event) -> None:
        mark: Any = event.start_mark
        if type(event) is ev.ScalarEvent:  # the common case first
            tag = event.tag
            if tag is None:
                resolved = _resolve(event.value, event.implicit)
            else:
                self.check_tag(tag, mark)
                resolved = STR if tag == "!" else tag
            node = ScalarNode(event.value, resolved, not event.style, tag is not None,
                              mark.line + 1, mark.column + 1)
            if event.anchor is not None:
                self.anchors[event.anchor] = (node, 1)
            self.add(node, 1, mark)
        elif isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail("a fact-base file holds one YAML document", mark,
                                found="a second document", expected="no `---` after the first")
        elif isinstance(event, ev.CollectionStartEvent):
            self.check_tag(event.tag, mark)
            if len(self.stack) >= MAX_DEPTH:
                raise self.fail("lists and mappings are nested too deeply", mark,
                                expected=f"at most {MAX_DEPTH} levels")
            if event.anchor is not None:
                self.open_anchors.add(event.anchor)
            self.stack.append(_Frame(isinstance(event, ev.MappingStartEvent), event.anchor,
                                     mark.line + 1, mark.column + 1, []))
        elif isinstance(event, ev.CollectionEndEvent):
            frame = self.stack.pop()
            built: Node
            if frame.is_map:
                pairs = tuple(zip(frame.items[0::2], frame.items[1::2], strict=True))
                built = MapNode(pairs, frame.line, frame.column)
            else:
                built = SeqNode(tuple(frame.items), frame.line, frame.column)
            if frame.anchor is not None:
                self.open_anchors.discard(frame.anchor)
            self.remember(frame.anchor, built, frame.size)
            self.add(built, frame.size, mark)
        elif isinstance(event, ev.AliasEvent):
            self.alias(event, mark)

    def remember(self, anchor: str | None, node: Node, size: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (node, size)

    def alias(self, event: ev.AliasEvent, mark: Any) -> None:
        name = event.anchor or ""
        if name in self.open_anchors:
            raise self.fail("an alias refers to a node that contains it", mark,
                            found=f"*{name}", expected="no recursive aliases")
        if name not in self.anchors:
            raise self.fail("an alias names no anchor defined before it", mark,
                            found=f"*{name}", expected=f"an anchor &{name} earlier in the file")
        node, size = self.anchors[name]
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise self.fail("aliases expand to too many nodes (an alias bomb?)", mark,
                            found=f"more than {MAX_ALIAS_NODES:,} nodes added by aliases",
                            expected="few or no aliases")
        self.add(node, size, mark)


def _resolve(value: str, implicit: tuple[bool, bool]) -> str:
    """The tag YAML 1.1 gives an untagged scalar (`NO` → bool, `1:30` → int, ...)."""
    if not value or not implicit[0]:
        return NULL if not value and implicit[0] else STR
    if value[0] not in _FIRST_CHARS and None not in _FIRST_CHARS:
        return STR
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, implicit))


def compose(data: str | bytes, *, filename: str, pure: bool = False) -> Node | None:
    """The file's one document as located nodes (None when it holds no document).

    `pure` forces PyYAML's pure-Python parser; by default the C parser is used when present.
    """
    text = decode(data, filename=filename)
    composer = _Composer(filename)
    try:
        parser = yaml.SafeLoader(text) if pure or _CParser is None else _CParser(text)
        try:
            event = parser.get_event()
            while not isinstance(event, ev.StreamEndEvent):
                composer.feed(event)
                event = parser.get_event()
        finally:
            parser.dispose()
    except yaml.YAMLError as exc:
        raise QuizgenError([*composer.problems, _syntax_problem(exc, text, filename)]) from None
    if composer.problems:
        raise QuizgenError(composer.problems)
    return composer.root


def to_data(node: Node | None) -> Any:
    """Plain JSON-like data for a node: numbers, booleans and null as YAML 1.2 would read them."""
    if node is None:
        return None
    if isinstance(node, MapNode):
        return {str(to_data(key)): to_data(value) for key, value in node.pairs}
    if isinstance(node, SeqNode):
        return [to_data(item) for item in node.items]
    tag = short_tag(node.tag)
    if tag != "str" and (node.plain or node.explicit):
        if tag == "null" and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        if tag == "bool" and node.value in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return node.value.lower() == "true"
        if re.fullmatch(r"-?(0|[1-9][0-9]*)", node.value):
            return int(node.value)
        if re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?", node.value):
            return float(node.value)
    return node.value
