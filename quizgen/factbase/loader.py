"""Fact-base YAML into a FactBase, reporting every problem with its file, line, column and field."""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizgen.collector import collector_paused
from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.excerpts import fill_excerpts
from quizgen.factbase.fields import BAD, TIME_EXAMPLE, FieldReader, Time, describe
from quizgen.factbase.filetext import read_file
from quizgen.factbase.model import (
    TIME_OF_DAY,
    Entity,
    Event,
    FactBase,
    Figure,
    Place,
    Quote,
    ReportedClaim,
    Source,
    Span,
    Term,
)
from quizgen.factbase.schema import (
    QUALIFIER_ALIASES,
    SECTIONS,
    SLUG_PATTERN,
    TOP_LEVEL,
    FieldSpec,
)
from quizgen.factbase.validate import validate_factbase
from quizgen.factbase.yamlsafe import (
    MapNode,
    Node,
    ScalarNode,
    SeqNode,
    compose,
)

_SLUG = re.compile(SLUG_PATTERN)
_FACT_SECTIONS = ("people", "quotes", "figures", "events", "places", "terms", "claims")
_TOP_KEYS: dict[str, FieldSpec | None] = {**TOP_LEVEL, **dict.fromkeys(SECTIONS)}


def load_factbase(path: Path | str) -> FactBase:
    """Load and validate a fact-base file; QuizgenError lists every problem found in it."""
    path = Path(path)
    return _load(read_file(path), filename=str(path), factbase_id=None)


def load_text(text: str | bytes, *, filename: str, factbase_id: str | None = None) -> FactBase:
    """Load and validate fact-base YAML given as text; `factbase_id` is the id when it sets none."""
    return _load(text, filename=filename, factbase_id=factbase_id)


def _default_id(filename: str) -> str:
    name = Path(filename).name
    for suffix in (".yaml", ".yml"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _slug(text: str) -> str:
    """A valid id close to text: `My Tópic` → `my-topic`; `my-article` when nothing is left."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "my-article"


def _load(text: str | bytes, *, filename: str, factbase_id: str | None) -> FactBase:
    # a base is many objects made in one go that hold no cycles: collections would only scan
    # them again and again (at 50,000 facts ~0.8 s of a 7 s `validate`, growing 13x from 10,000)
    with collector_paused():
        return _read(text, filename=filename, factbase_id=factbase_id)


def _read(text: str | bytes, *, filename: str, factbase_id: str | None) -> FactBase:
    root = compose(text, filename=filename)
    if root is None:
        raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        found = "an empty file" if not raw.strip(" \t\r\n\ufeff") else "only comments"
        raise QuizgenError(Problem("the file holds no fact base", file=filename, line=1,
                                   column=1, found=found,
                                   expected="a mapping with at least `source:`"))
    if not isinstance(root, MapNode):
        raise QuizgenError(Problem("the top level must be a mapping of keys", file=filename,
                                   line=root.line, column=root.column, found=describe(root),
                                   expected="keys such as source:, people:, quotes:"))
    # where each field was written is recorded only for a base with a problem to locate: the
    # map of every field's path was two thirds of what reading a valid base allocated
    walker = _Walker(filename, locate=False)
    base = walker.factbase(root, factbase_id or _default_id(filename))
    if walker.problems or base is None:
        raise QuizgenError(_sorted(walker.problems))
    base, missing = fill_excerpts(base)  # quote and figure excerpts may be left out
    if missing:
        raise QuizgenError(_sorted(missing))
    # the article is set before validation: a copy made after it would lose the speaker map
    # validation cached on the base, and build it again
    base = _with_article(base)
    if validate_factbase(base):
        located = _Walker(filename)  # read again, recording where every field was
        located.factbase(root, factbase_id or _default_id(filename))
        raise QuizgenError(_sorted(validate_factbase(base, locations=located.locations)))
    return base


def _with_article(base: FactBase) -> FactBase:
    """The base with its article's text, when `source.text_file` names a readable one (the
    provenance check reports one that is not; the formats that print the article say so too)."""
    if base.source.text_file is None:
        return base
    from quizgen.factbase.provenance import read_source_text

    try:
        text = read_source_text(base)
    except QuizgenError:
        return base
    return dataclasses.replace(base, article=text)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


class _Walker(FieldReader):
    """Walks the nodes against the field table, collecting problems and locations."""

    def keys(self, node: MapNode, path: str, allowed: dict[str, Any]) -> dict[str, Node]:
        """The known keys of a mapping; unknown, duplicate and non-text keys are reported."""
        seen: dict[str, ScalarNode] = {}
        values: dict[str, Node] = {}
        for key, value in node.pairs:
            if not isinstance(key, ScalarNode):
                self.report(key, path, "a key must be a plain name", found=describe(key),
                            expected="one of: " + ", ".join(allowed))
                continue
            name = key.value
            where = f"{path}.{name}" if path else name
            if name in seen:
                self.report(key, where, "duplicate key", found=f"{name!r} again (first at line"
                            f" {seen[name].line})", expected="each key once per mapping")
                continue
            seen[name] = key
            if name not in allowed:
                close = difflib.get_close_matches(name, list(allowed), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.report(key, where, "unknown key", found=repr(name),
                            expected="one of: " + ", ".join(allowed) + hint)
                continue
            values[name] = value
            if self.locate:
                self.locations[where] = (value.line, value.column)
        return values

    def factbase(self, root: MapNode, default_id: str) -> FactBase | None:
        top = self.keys(root, "", _TOP_KEYS)
        base_id = default_id
        if "id" in top:
            got = self.text(top["id"], "id")
            if isinstance(got, str) and not _SLUG.fullmatch(got):
                self.report(top["id"], "id", "not a valid id", found=repr(got),
                            expected="lower-case letters, digits and hyphens, e.g. my-article")
            elif isinstance(got, str):
                base_id = got
        elif not _SLUG.fullmatch(default_id):
            name = Path(self.filename).name
            suggestion = _slug(default_id)
            self.report(root, "id", "the file name does not make a valid fact-base id",
                        found=f"{default_id!r}, from the file name {name!r}",
                        expected="an id of lower-case letters, digits and hyphens: rename the"
                        f" file to {suggestion}.yaml, or set `id: {suggestion}` in it")
        source = None
        if "source" not in top:
            self.report(root, "source", "missing required field",
                        expected="source: with title: and about:")
        else:
            source = self.record(top["source"], "source", SECTIONS["source"], _make_source)
        facts: dict[str, list[Any]] = {}
        for section in _FACT_SECTIONS:
            facts[section] = []
            node = top.get(section)
            if node is None:
                continue
            if not isinstance(node, SeqNode):
                self.report(node, section, f"{section} must be a list",
                            found=describe(node), expected=f"a list of {section} (- id: ...)"
                            " or [] for none")
                continue
            for index, item in enumerate(node.items):
                fact = self.record(item, f"{section}[{index}]", SECTIONS[section],
                                   _MAKERS[section])
                facts[section].append(fact)
        dropped = self.value(top["dropped"], "dropped", TOP_LEVEL["dropped"]) \
            if "dropped" in top else ()
        if self.problems or not isinstance(source, Source):
            return None
        return FactBase(id=base_id, source=source, entities=tuple(facts["people"]),
                        quotes=tuple(facts["quotes"]), figures=tuple(facts["figures"]),
                        events=tuple(facts["events"]), path=self.filename,
                        places=tuple(facts["places"]), terms=tuple(facts["terms"]),
                        claims=tuple(facts["claims"]), dropped=tuple(dropped or ()))

    def record(self, node: Node, path: str, fields: dict[str, FieldSpec],
               make: Callable[[dict[str, Any], Span], Any]) -> Any:
        """One mapping read field by field, then built by `make`; BAD when anything is wrong."""
        if not isinstance(node, MapNode):
            self.report(node, path, "expected a mapping of fields", found=describe(node),
                        expected="fields such as " + ", ".join(list(fields)[:3]))
            return BAD
        if self.locate:
            self.locations[path] = (node.line, node.column)
        before = len(self.problems)
        given = self.keys(node, path, fields)
        values: dict[str, Any] = {}
        for name, spec in fields.items():
            if name not in given:
                if spec.required:
                    self.report(node, f"{path}.{name}", "missing required field",
                                expected=spec.description)
                continue
            values[name] = self.value(given[name], f"{path}.{name}", spec)
        if "qualifier" in values and values["qualifier"] in QUALIFIER_ALIASES:
            values["qualifier"] = QUALIFIER_ALIASES[values["qualifier"]]
        if "value" in values:  # a figure: times of day must agree with the unit
            self.figure_times(given, values, path)
        if len(self.problems) > before:
            return BAD
        return make(values, Span(self.filename, node.line, node.column))

    def figure_times(self, given: dict[str, Node], values: dict[str, Any], path: str) -> None:
        """A time of day (HH:MM) exactly when the unit is `time of day`; then minutes."""
        unit = values.get("unit")
        if not isinstance(unit, str):
            return
        is_time = " ".join(unit.split()).casefold() == TIME_OF_DAY
        for name in ("value", "to"):
            got = values.get(name)
            if got is None or got is BAD:
                continue
            where = f"{path}.{name}"
            if is_time and not isinstance(got, Time):
                self.report(given[name], where, "a time of day is written HH:MM in quotes",
                            found=describe(given[name]), expected=TIME_EXAMPLE + " (with"
                            " unit: time of day)")
            elif isinstance(got, Time) and not is_time:
                self.report(given[name], where, "a time of day needs unit: time of day",
                            found=f"{got.text!r} with unit {unit!r}",
                            expected="unit: time of day, or a plain number for this unit")
            elif isinstance(got, Time):
                values[name] = got.minutes
        if is_time:
            values["unit"] = TIME_OF_DAY


def _make_source(v: dict[str, Any], span: Span) -> Source:
    return Source(title=v["title"], about=v["about"], text_file=v.get("text_file"),
                  published=v.get("published"), outlet=v.get("outlet"), span=span)


def _make_entity(v: dict[str, Any], span: Span) -> Entity:
    return Entity(id=v["id"], name=v["name"], role=v["role"], kind=v.get("kind", "person"),
                  aliases=v.get("aliases", ()), tags=v.get("tags", ()), excerpt=v["excerpt"],
                  span=span, check=v.get("check"), speaks_for=v.get("speaks_for"),
                  pronoun=v.get("pronoun"), same_as=v.get("same_as", ()))


def _make_quote(v: dict[str, Any], span: Span) -> Quote:
    return Quote(id=v["id"], text=v["text"], speakers=v["speakers"],
                 context=v.get("context", ""), key_phrase=v.get("key_phrase"),
                 tags=v.get("tags", ()), excerpt=v.get("excerpt", ""), span=span,
                 check=v.get("check"),
                 distinctive=v.get("distinctive", True), place=v.get("place"),
                 about=v.get("about", ()))


def _make_figure(v: dict[str, Any], span: Span) -> Figure:
    return Figure(id=v["id"], measure=v["measure"], value=v["value"], unit=v["unit"],
                  given_by=v["given_by"], subject=v.get("subject"),
                  qualifier=v.get("qualifier", "exact"), group=v.get("group"),
                  sense=v.get("sense", "literal"), tags=v.get("tags", ()),
                  excerpt=v.get("excerpt", ""), span=span, check=v.get("check"), to=v.get("to"),
                  ask=v.get("ask"))


def _make_event(v: dict[str, Any], span: Span) -> Event:
    return Event(id=v["id"], description=v["description"], date=v.get("date"),
                 after=v.get("after", ()), before=v.get("before", ()),
                 people=v.get("people", ()), tags=v.get("tags", ()), excerpt=v["excerpt"],
                 span=span, check=v.get("check"), place=v.get("place"))


def _make_place(v: dict[str, Any], span: Span) -> Place:
    return Place(id=v["id"], name=v["name"], description=v["description"],
                 aliases=v.get("aliases", ()), tags=v.get("tags", ()),
                 excerpt=v.get("excerpt", ""), span=span, check=v.get("check"),
                 within=v.get("within", ()), same_as=v.get("same_as", ()))


def _make_term(v: dict[str, Any], span: Span) -> Term:
    return Term(id=v["id"], term=v["term"], meaning=v["meaning"], aliases=v.get("aliases", ()),
                tags=v.get("tags", ()), excerpt=v.get("excerpt", ""), span=span,
                check=v.get("check"), same_as=v.get("same_as", ()))


def _make_claim(v: dict[str, Any], span: Span) -> ReportedClaim:
    return ReportedClaim(id=v["id"], claimants=v["claimants"], text=v["text"],
                         figure=v.get("figure"), tags=v.get("tags", ()),
                         excerpt=v.get("excerpt", ""), span=span, check=v.get("check"),
                         about=v.get("about", ()), agrees_with=v.get("agrees_with", ()))


_MAKERS: dict[str, Callable[[dict[str, Any], Span], Any]] = {
    "people": _make_entity, "quotes": _make_quote, "figures": _make_figure,
    "events": _make_event, "places": _make_place, "terms": _make_term, "claims": _make_claim,
}
