"""Edits to a fact-base file's text that change only the fact edited: every other line is kept."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from quizgen.errors import Problem, QuizgenError
from quizgen.studio.fields import FIELDS, SECTIONS
from quizgen.studio.formvalues import bad as _bad
from quizgen.studio.formvalues import id_node as _id_node
from quizgen.studio.formvalues import value_for

_CHECK_LINE = re.compile(r"^\s*# check:")
_CHECK_TAIL = re.compile(r"\s+# check:.*$")


def _yaml(*, dash: int = 2) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a line the author did not fold
    yaml.indent(mapping=2, sequence=dash + 2, offset=dash)
    return yaml


def parse(text: str) -> CommentedMap:
    """The file as ruamel's round-trip mapping; a QuizgenError when it is not a mapping."""
    try:
        doc = _yaml().load(text)
    except Exception as exc:  # ruamel raises many types: each is reported as a problem
        raise QuizgenError(Problem("the file is not YAML the studio can edit",
                                   found=str(exc).splitlines()[0])) from None
    if not isinstance(doc, CommentedMap):
        raise QuizgenError(Problem("the top level must be a mapping of keys"))
    return doc


@dataclass(frozen=True)
class Located:
    """Where one fact stands in the file: its section, its index, its lines (0-based)."""

    section: str
    index: int
    start: int  # the line of its first key ("- id: ...")
    head: int  # the first line of the comment block above it (== start when none)
    end: int  # one past its last line of content


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _comment_block_start(lines: list[str], start: int, floor: int) -> int:
    head = start
    while head - 1 >= floor and lines[head - 1].strip().startswith("#"):
        head -= 1
    return head


def _section_end(doc: CommentedMap, section: str, lines: list[str]) -> int:
    keys = list(doc)
    position = keys.index(section)
    if position + 1 < len(keys):
        return int(doc.lc.key(keys[position + 1])[0])
    return len(lines)


def locate_all(doc: CommentedMap, text: str) -> dict[str, Located]:
    """Every fact with an id, by id: where it is in the file."""
    lines = text.splitlines()
    found: dict[str, Located] = {}
    for section in SECTIONS:
        items = doc.get(section)
        if not isinstance(items, CommentedSeq):
            continue
        bound = _section_end(doc, section, lines)
        starts = [int(item.lc.line) if isinstance(item, CommentedMap) else -1 for item in items]
        for index, item in enumerate(items):
            if not isinstance(item, CommentedMap) or not isinstance(item.get("id"), str):
                continue
            start = starts[index]
            floor = int(doc.lc.key(section)[0]) + 1
            head = _comment_block_start(lines, start, floor)
            limit = bound
            if index + 1 < len(items) and starts[index + 1] >= 0:
                limit = _comment_block_start(lines, starts[index + 1], start + 1)
            end = limit
            while end > start + 1 and _blank_or_comment(lines[end - 1]):
                end -= 1
            found[str(item["id"])] = Located(section, index, start, head, end)
    return found


def check_comments(text: str, place: Located) -> list[str]:
    """The `# check:` comments of the draft written on or above one fact."""
    lines = text.splitlines()[place.head:place.end]
    notes = []
    for line in lines:
        match = re.search(r"# check:\s*(.*)$", line)
        if match and _outside_quotes(line, match.start()):
            notes.append(match.group(1).strip())
    return notes


def _outside_quotes(line: str, position: int) -> bool:
    before = line[:position].replace('\\"', "")
    return before.count('"') % 2 == 0 and before.count("'") % 2 == 0


def _strip_checks(lines: list[str]) -> list[str]:
    kept = []
    for line in lines:
        if _CHECK_LINE.match(line):
            continue
        tail = _CHECK_TAIL.search(line)
        if tail and _outside_quotes(line, tail.start()):
            line = line[:tail.start()]
        kept.append(line)
    return kept


def _dump_item(section: str, item: CommentedMap, *, dash: int) -> list[str]:
    out = io.StringIO()
    _yaml(dash=dash).dump({section: [item]}, out)
    lines = out.getvalue().splitlines()[1:]
    while lines and _blank_or_comment(lines[-1]):
        lines.pop()  # comments after the item belong to the next fact, which keeps its own
    return lines


def _set_fields(item: CommentedMap, section: str, fields: Mapping[str, Any], *,
                prefix: str) -> set[str]:
    table = FIELDS[section]
    changed: set[str] = set()
    for name, raw in fields.items():
        spec = table.get(name)
        if spec is None or name == "id":
            raise _bad(f"{prefix}.{name}", name, "a field of " + section)
        node = value_for(spec, raw, where=f"{prefix}.{name}")
        if node is None:
            if name in item:
                changed.add(name)
            item.pop(name, None)
        elif name not in item or item[name] != node:  # an unchanged value keeps its style
            item[name] = node
            changed.add(name)
    return changed


def _segments(lines: list[str], dash: int) -> list[tuple[str, list[str]]]:
    """An item's lines cut at each of its keys: (key, the key's lines and comments after)."""
    key_line = re.compile(rf"^(?: {{{dash}}}- | {{{dash + 2}}})([A-Za-z_][\w-]*):")
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        match = key_line.match(line)
        if match or not out:
            out.append((match.group(1) if match else "", [line]))
        else:
            out[-1][1].append(line)
    return out


def _merge(old: list[str], new: list[str], changed: set[str], dash: int) -> list[str]:
    """The new item's lines, with each unchanged key's lines taken from the old text (so a
    folded excerpt the author wrapped stays wrapped)."""
    kept = dict(_segments(old, dash))
    merged: list[str] = []
    for index, (key, lines) in enumerate(_segments(new, dash)):
        original = kept.get(key)
        if key and key not in changed and original is not None:
            lines = list(original)
            if index == 0 and not lines[0].startswith(" " * dash + "- "):
                lines[0] = " " * dash + "- " + lines[0][dash + 2:]
            elif index > 0 and lines[0].startswith(" " * dash + "- "):
                lines[0] = " " * (dash + 2) + lines[0][dash + 2:]
        merged.extend(lines)
    return merged


def update_fact(text: str, fact_id: str, fields: Mapping[str, Any], *, confirm: bool) -> str:
    """The file with one fact's fields set (an empty value removes the key) and, with confirm,
    its `check` field and `# check:` comments removed; every other line as it was."""
    return update_facts(text, [fact_id], fields, confirm=confirm)


def update_facts(text: str, fact_ids: Sequence[str], fields: Mapping[str, Any], *,
                 confirm: bool) -> str:
    """update_fact for each of several facts (the same fields on each), the file read once."""
    return _rewrite(text, parse(text), {fact_id: fields for fact_id in fact_ids},
                    confirm=confirm)


def _rewrite(text: str, doc: CommentedMap, changes: Mapping[str, Mapping[str, Any]], *,
             confirm: bool) -> str:
    """The file with each fact's own fields set (doc is text parsed): each fact's lines are
    rewritten from the last in the file to the first, so that the lines of the facts still to
    rewrite stay where the one reading found them."""
    located = locate_all(doc, text)
    places = []
    for fact_id in changes:
        place = located.get(fact_id)
        if place is None:
            raise QuizgenError(Problem("no such fact", found=repr(fact_id)))
        places.append((place, changes[fact_id]))
    lines = text.splitlines()
    for place, fields in sorted(places, key=lambda pair: pair[0].start, reverse=True):
        item = doc[place.section][place.index]
        changed = _set_fields(item, place.section, fields,
                              prefix=f"{place.section}[{place.index}]")
        if confirm:
            item.pop("check", None)
        dash = len(lines[place.start]) - len(lines[place.start].lstrip(" "))
        body = _merge(lines[place.start:place.end], _dump_item(place.section, item, dash=dash),
                      changed, dash)
        above = lines[place.head:place.start]
        if confirm:
            above, body = _strip_checks(above), _strip_checks(body)
        lines[place.head:place.end] = above + body
    return _join(lines, text)


def _naming(doc: CommentedMap, text: str, fact_id: str) -> dict[str, dict[str, Any]]:
    """The other facts that name fact_id in a pick list or a single reference, each with that
    field's value without fact_id (a pick list keeps its other ids; a reference is cleared)."""
    place = locate_all(doc, text).get(fact_id)
    target = place.section if place is not None else ""
    found: dict[str, dict[str, Any]] = {}
    for section in SECTIONS if place is not None else ():
        for item in doc.get(section) or []:
            for name, spec in FIELDS[section].items():
                value = item.get(name) if isinstance(item, CommentedMap) else None
                if spec.target == target and spec.kind in ("ref", "refs") and fact_id in (
                        list(value) if isinstance(value, list) else [value]):
                    kept = [v for v in value if v != fact_id] if isinstance(value, list) else ""
                    found.setdefault(str(item.get("id")), {})[name] = kept
    return found


def delete_fact(text: str, fact_id: str) -> str:
    """The file without one fact (and the comments above it), taken out first of every other
    fact naming it (a pick list keeps its other ids; a single reference is cleared), so that a
    fact still named can be deleted; those facts' other lines are kept."""
    doc = parse(text)
    named = _naming(doc, text, fact_id)
    if named:  # one reading for all of them, one for the file they leave
        text = _rewrite(text, doc, named, confirm=False)
        doc = parse(text)
    place = locate_all(doc, text).get(fact_id)
    if place is None:
        raise QuizgenError(Problem("no such fact", found=repr(fact_id)))
    lines = text.splitlines()
    if len(doc[place.section]) == 1:
        key_line = int(doc.lc.key(place.section)[0])
        lines[key_line] = f"{place.section}: []"
    return _join(lines[:place.head] + lines[place.end:], text)


def new_id(doc: CommentedMap, hint: str) -> str:
    """An id made from the words of hint, not yet used in the file."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", hint).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)[:4]
    base = "-".join(words) or "fact"
    used = {str(item.get("id")) for section in SECTIONS
            for item in (doc.get(section) or []) if isinstance(item, CommentedMap)}
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def add_fact(text: str, section: str, fields: Mapping[str, Any]) -> tuple[str, str]:
    """The file with a new fact at the end of its section; and the new fact's id."""
    if section not in FIELDS:
        raise _bad("section", section, "one of " + ", ".join(SECTIONS))
    doc = parse(text)
    hint = next((str(fields[name]) for name in ("name", "term", "text", "description",
                                                "measure") if fields.get(name)), section)
    fact_id = new_id(doc, hint)
    item = CommentedMap()
    item["id"] = _id_node(fact_id, where=f"{section}.id")
    _set_fields(item, section, fields, prefix=f"{section}[new]")
    lines = text.splitlines()
    items = doc.get(section)
    if isinstance(items, CommentedSeq) and items:
        last = locate_all(doc, text)[str(items[-1]["id"])]
        dash = len(lines[last.start]) - len(lines[last.start].lstrip(" "))
        body = _dump_item(section, item, dash=dash)
        return _join(lines[:last.end] + body + lines[last.end:], text), fact_id
    body = _dump_item(section, item, dash=2)
    if section in doc:  # "quotes: []" or "quotes:" with nothing
        key_line = int(doc.lc.key(section)[0])
        lines[key_line] = f"{section}:"
        return _join(lines[:key_line + 1] + body + lines[key_line + 1:], text), fact_id
    return _join([*lines, "", f"{section}:", *body], text), fact_id


def update_source(text: str, fields: Mapping[str, str], *, confirm: bool) -> str:
    """The file with source.title / source.about set, their `# check:` comments gone on confirm."""
    doc = parse(text)
    source = doc.get("source")
    if not isinstance(source, CommentedMap):
        raise QuizgenError(Problem("the file has no source: mapping", field="source"))
    for name, value in fields.items():
        if name not in ("title", "about") or not isinstance(value, str):
            raise _bad(f"source.{name}", value, "title or about, as text")
        if value.strip():
            source[name] = DoubleQuotedScalarString(value.strip())
    lines = text.splitlines()
    start = int(doc.lc.key("source")[0])
    end = _section_end(doc, "source", lines)
    while end > start + 1 and _blank_or_comment(lines[end - 1]):
        end -= 1
    out = io.StringIO()
    _yaml().dump({"source": source}, out)
    body = out.getvalue().splitlines()
    while body and _blank_or_comment(body[-1]):
        body.pop()
    if confirm:
        body = _strip_checks(body)
    return _join(lines[:start] + body + lines[end:], text)


def _join(lines: list[str], original: str) -> str:
    newline = "\r\n" if "\r\n" in original else "\n"
    return newline.join(lines) + newline


def set_dropped(text: str, question_id: str, *, dropped: bool) -> str:
    """The file with a question id added to (or removed from) the top-level `dropped:` list,
    written on one line at the end of the file; every other line as it was."""
    _id_node(question_id, where="dropped")
    doc = parse(text)
    current = [str(v) for v in doc.get("dropped") or []]
    wanted = sorted({*current, question_id}) if dropped else [
        v for v in current if v != question_id]
    lines = text.splitlines()
    if "dropped" in doc:
        start = int(doc.lc.key("dropped")[0])
        end = _section_end(doc, "dropped", lines)
        while end > start + 1 and _blank_or_comment(lines[end - 1]):
            end -= 1
        del lines[start:end]
    else:
        start = len(lines)
    if wanted:
        lines.insert(start, "dropped: [" + ", ".join(wanted) + "]")
    return _join(lines, text)
