"""The Anki build manifest: each note's content hash and last-change time, kept between builds."""

import io
import json
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from quizgen.errors import Problem, QuizgenError

FORMAT = "quizgen-anki-manifest"
VERSION = 1
_MAX_TIME = 2**40  # seconds; far beyond any real date, and keeps note ids (ms) within 64 bits


class Stamp(NamedTuple):
    """What the manifest records of a note or note type: its label, content hash and mod time."""

    label: str
    hash: str
    mod: int
    content: str = ""  # the hash without the build tag ("" in manifests of older builds)
    kind: str = ""  # a note's note type ("" for note types and in older manifests)
    fields: tuple[str, ...] = ()  # a note's fields as built, so a narrower build never empties one


class Manifest(NamedTuple):
    """Stamps of every note by GUID and of every note type by model id."""

    notes: Mapping[str, Stamp]
    models: Mapping[str, Stamp]


class ChangeReport(NamedTuple):
    """How many notes a build added, changed and left unchanged against the last build, and how
    many of the last build's notes it no longer holds.

    Anki deletes nothing on import: those notes stay in a student's collection, with their
    reviews. They are the notes without this build's tag (`tag`).
    """

    added: int
    changed: int
    unchanged: int
    removed: int  # no longer in the deck; Anki keeps them
    retagged: int = 0  # unchanged but for the build tag: Anki updates their tags only
    tag: str = ""  # the build tag every note of the new deck carries
    articles: tuple[str, ...] = ()  # fact-base ids of the deck, to narrow the search

    def __str__(self) -> str:
        text = f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"
        if self.retagged:
            text += f", {self.retagged} re-tagged"
        if self.removed:
            text += f", {self.removed} kept in Anki (no longer in the deck)"
            if self.tag:
                scope = " OR ".join(f"tag:quizgen::article::{a}" for a in self.articles)
                scope = f"({scope})" if len(self.articles) > 1 else scope or "tag:quizgen::*"
                text += f"; find them in Anki’s browser with: {scope} -tag:{self.tag}"
        return text


EMPTY = Manifest(notes={}, models={})

# Each note's (hash, content hash) in the manifests this process last read and wrote, by the
# bytes object: a build parses the previous manifest to render the deck and encodes the new one,
# and its change report compares the two, which parsing both again cost (~12 M instructions of
# the bundled article's ~2,400 M build). Kept with the bytes themselves, so an id stands for one
# object; a report takes its entries out, and only the latest two are ever kept.
_KNOWN: dict[int, tuple[bytes, dict[str, tuple[str, str]]]] = {}


def _remember(data: bytes, notes: Mapping[str, Stamp]) -> None:
    _KNOWN.pop(id(data), None)
    while len(_KNOWN) >= 2:  # the oldest goes first: a rebuild reads the last, then writes one
        del _KNOWN[next(iter(_KNOWN))]
    _KNOWN[id(data)] = (data, {guid: (entry.hash, entry.content or entry.hash)
                               for guid, entry in notes.items()})


def _bad(file: str, field: str | None, found: str) -> QuizgenError:
    return QuizgenError(
        Problem(
            "cannot read the previous Anki build manifest",
            file=file,
            field=field,
            found=found,
            expected="a manifest written by quizgen (delete it to rebuild every note afresh)",
        )
    )


def _stamps(table: object, *, file: str, field: str) -> dict[str, Stamp]:
    if not isinstance(table, dict):
        raise _bad(file, field, type(table).__name__)
    stamps: dict[str, Stamp] = {}
    for key, entry in table.items():
        where = f"{field}.{key}"
        if not isinstance(entry, dict):
            raise _bad(file, where, type(entry).__name__)
        label, digest, mod = entry.get("label", ""), entry.get("hash"), entry.get("mod")
        content = entry.get("content", "")
        if not (isinstance(label, str) and isinstance(digest, str) and isinstance(content, str)):
            raise _bad(file, where, "a label or hash that is not a string")
        if isinstance(mod, bool) or not isinstance(mod, int) or not 0 <= mod < _MAX_TIME:
            raise _bad(file, f"{where}.mod", repr(mod))
        kind, fields = entry.get("kind", ""), entry.get("fields", [])
        if not isinstance(kind, str) or not isinstance(fields, list) \
                or not all(isinstance(value, str) for value in fields):
            raise _bad(file, f"{where}.fields", "a note type or fields that are not text")
        stamps[str(key)] = Stamp(label, digest, mod, content, kind, tuple(fields))
    return stamps


def parse(data: bytes | None, *, file: str = "manifest.json") -> Manifest:
    """The manifest in data (EMPTY for None); QuizgenError naming what is wrong otherwise."""
    if data is None:
        return EMPTY
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(file, None, f"invalid JSON ({exc})") from None
    except RecursionError:  # `[[[[…` 100,000 deep: no manifest quizgen wrote
        raise _bad(file, None, "JSON nested too deeply to read") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _bad(file, "format", "a JSON document that is not a quizgen Anki manifest")
    if document.get("version") != VERSION:
        raise _bad(file, "version", repr(document.get("version")))
    manifest = Manifest(
        notes=_stamps(document.get("notes", {}), file=file, field="notes"),
        models=_stamps(document.get("models", {}), file=file, field="models"),
    )
    _remember(data, manifest.notes)
    return manifest


def dump(manifest: Manifest) -> bytes:
    """The manifest as stable JSON: sorted keys, one line per note type and per note (a changed
    note changes its own line), trailing newline.

    Each line is encoded by json's C encoder (an indented dump takes its pure-Python one: 2.7 ms
    for the bundled article's 100 notes against 0.6), and written as it is made: a note's line
    holds its fields' text, and lines held a few thousand at a time were +40 MB of peak memory at
    10,000 facts (one joined string, +120 MB). Written in ASCII (\\u escapes): the change report
    reads the manifest back, and one character beyond Latin-1 made the whole decoded text two
    bytes a character (a rebuild at 10,000 facts peaked at 303 MB there, 285 MB in ASCII)."""
    encode = json.JSONEncoder(sort_keys=True, ensure_ascii=True, separators=(", ", ": ")).encode
    out = io.BytesIO()
    out.write(f'{{\n  "format": {encode(FORMAT)},\n'.encode())
    for name, stamps in (("models", manifest.models), ("notes", manifest.notes)):
        out.write(f'  "{name}": {{'.encode())
        after = "\n"
        for key in sorted(stamps):  # a line at a time: a note's line holds its fields' text
            out.write(f"{after}    {encode(key)}: {encode(_entry(stamps[key]))}".encode())
            after = ",\n"
        out.write(("\n  },\n" if stamps else "},\n").encode())
    out.write(f'  "version": {encode(VERSION)}\n}}\n'.encode())
    data = out.getvalue()
    _remember(data, manifest.notes)  # what parse(data) would give: the report reads it
    return data


def _entry(stamp: Stamp) -> dict[str, object]:
    """What the manifest keeps of one stamp: content and kind only where they say something."""
    return {"label": stamp.label, "hash": stamp.hash, "mod": stamp.mod,
            **({"content": stamp.content} if stamp.content != stamp.hash else {}),
            **({"kind": stamp.kind, "fields": list(stamp.fields)} if stamp.kind else {})}


def stamp(
    entries: Iterable[tuple[str, str, str, str]],
    previous: Mapping[str, Stamp],
    *,
    timestamp: int,
) -> dict[str, Stamp]:
    """Stamps for (key, label, hash, content hash) entries: unchanged ones keep their time, others
    move on.

    A new entry gets `timestamp`. A changed one gets `timestamp`, but always later than its previous
    time, because Anki only updates a note whose incoming copy is newer (a fixed SOURCE_DATE_EPOCH
    must not freeze a fix out of students' collections).
    """
    stamps: dict[str, Stamp] = {}
    for key, label, digest, content in entries:
        old = previous.get(key)
        if old is not None and old.hash == digest:
            stamps[key] = Stamp(label, digest, old.mod, content)
        elif old is not None:
            stamps[key] = Stamp(label, digest, max(timestamp, old.mod + 1), content)
        else:
            stamps[key] = Stamp(label, digest, timestamp, content)
    return stamps


def change_report(previous_manifest: bytes | None, new_manifest: bytes, *,
                  articles: tuple[str, ...] = ()) -> ChangeReport:
    """Compare two builds' manifests note by note: added, changed, unchanged, no longer there."""
    old = _hashes(previous_manifest, file="previous manifest")
    new = _hashes(new_manifest, file="new manifest")
    same = sum(1 for guid, entry in new.items() if guid in old and old[guid][0] == entry[0])
    kept = sum(1 for guid in new if guid in old)
    retagged = sum(
        1 for guid, entry in new.items()
        if guid in old and old[guid][0] != entry[0] and old[guid][1] == entry[1]
    )
    from quizgen.renderers.anki.notes import build_tag, tag

    return ChangeReport(
        added=len(new) - kept,
        changed=kept - same - retagged,
        unchanged=same,
        removed=sum(1 for guid in old if guid not in new),
        retagged=retagged,
        tag=build_tag(list(new)),
        articles=tuple(tag(a) for a in articles),
    )


def _hashes(data: bytes | None, *, file: str) -> dict[str, tuple[str, str]]:
    """Each note's (hash, content hash) in a manifest, its fields dropped as soon as it is read:
    a report compares two manifests, each holding every field of a deck (24 MB of JSON at 10,000
    facts), and holding both whole was the peak of a rebuild's memory. A manifest this process
    has just read or written is not parsed again (_KNOWN)."""
    known = _KNOWN.pop(id(data), None) if data is not None else None
    if known is not None and known[0] is data:
        return known[1]
    return {guid: (entry.hash, entry.content or entry.hash)
            for guid, entry in parse(data, file=file).notes.items()}


def keep_fields(
    fields: tuple[str, ...], *, kind: str, old: Stamp | None
) -> tuple[str, ...]:
    """A note's fields with each one this build leaves empty filled from the last build of the
    deck: a narrower build (fewer kinds of questions) must not blank a card students have."""
    if old is None or old.kind != kind or len(old.fields) != len(fields):
        return fields
    return tuple(new if new else before for new, before in zip(fields, old.fields, strict=True))
