"""The Anki renderer: a quiz and its fact bases as a reproducible .apkg plus a build manifest."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import genanki

from quizgen.errors import Problem, QuizgenError
from quizgen.quiz.questions import Quiz
from quizgen.renderers.anki import manifest as anki_manifest
from quizgen.renderers.anki.manifest import ChangeReport, Manifest, Stamp
from quizgen.renderers.anki.note_types import NOTE_TYPES, DeckSpec, NoteSpec, NoteType
from quizgen.renderers.anki.notes import build_notes
from quizgen.renderers.base import RenderOptions
from quizgen.resources import read_template

__all__ = ["ChangeReport", "change_report", "model_ids", "render"]

_ID_LOW, _ID_SPAN = 1 << 30, 1 << 30  # genanki's recommended id range: [2**30, 2**31)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def change_report(previous_manifest: bytes | None, new_manifest: bytes, *,
                  articles: tuple[str, ...] = ()) -> ChangeReport:
    """Compare two builds' manifests note by note: added, changed, unchanged, no longer there
    (Anki keeps those: the report says how to find them, by the articles' tags)."""
    return anki_manifest.change_report(previous_manifest, new_manifest, articles=articles)


def _hash_id(name: str) -> int:
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return _ID_LOW + int.from_bytes(digest[:8], "big") % _ID_SPAN


def _distinct_ids(names: Iterable[str], taken: set[int]) -> dict[str, int]:
    """An id for each name from a hash of the name, rehashed with a counter on a clash."""
    ids: dict[str, int] = {}
    for name in names:
        candidate, attempt = _hash_id(name), 0
        while candidate in taken:
            attempt += 1
            candidate = _hash_id(f"{name}#{attempt}")
        ids[name] = candidate
        taken.add(candidate)
    return ids


def model_ids() -> dict[str, int]:
    """The model id of every note type, by key: fixed by the note type's name, all distinct."""
    ids = _distinct_ids((f"quizgen-model:{nt.key}" for nt in NOTE_TYPES), set())
    return {nt.key: ids[f"quizgen-model:{nt.key}"] for nt in NOTE_TYPES}


def _deck_ids(decks: Sequence[DeckSpec], taken: set[int]) -> dict[str, int]:
    names = sorted(deck.name for deck in decks)
    ids = _distinct_ids((f"quizgen-deck:{name}" for name in names), set(taken))
    return {name: ids[f"quizgen-deck:{name}"] for name in names}


def _model_parts(note_type: NoteType) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    fields = [{"name": name} for name in note_type.fields]
    templates = []
    for card, stem in note_type.card_templates():
        file, _, prefix = stem.partition(":")  # "choice:Pick": choice.*.html, fields Pick...
        templates.append({
            "name": card,
            "qfmt": read_template("anki", f"{file}.front.html").replace("PREFIX", prefix),
            "afmt": read_template("anki", f"{file}.back.html").replace("PREFIX", prefix),
        })
    return fields, templates


def _model(note_type: NoteType, model_id: int, fields: list[dict[str, str]],
           templates: list[dict[str, str]], css: str, *, kept: bool = True) -> genanki.Model:
    """A note type as a genanki model, with its required fields as kept (see keep_req) unless
    `kept` is False (genanki then works them out when asked)."""
    model = genanki.Model(
        model_id, note_type.name, fields=fields, templates=templates, css=css,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
    )
    return keep_req(model) if kept else model


def note_models(*, kept: bool = True) -> list[genanki.Model]:
    """Every note type as the model a deck holds (`kept`: see _model)."""
    css = read_template("anki", "style.css")
    ids = model_ids()
    return [_model(nt, ids[nt.key], *_model_parts(nt), css, kept=kept) for nt in NOTE_TYPES]


# genanki works out which fields each card template needs (`Model._req`) by rendering every
# template once per field with chevron: ~4 ms of the bundled build, the same every time, since it
# depends only on the note types' templates and genanki's version. So genanki's own working out
# is kept in req.json, keyed by what it depends on (`python -m quizgen.renderers.anki.req_cache`
# rewrites it; tests/test_anki_req.py checks it is current and that decks keep their bytes). A
# model whose key is not kept gets genanki's own.
REQ_FILE = Path(__file__).with_name("req.json")


def req_key(fields: list[dict[str, str]], templates: list[dict[str, str]], model_type: int) -> str:
    """What a model's required fields depend on, hashed: genanki's version, the field names, each
    template's question side and the model's type."""
    payload = json.dumps([genanki.__version__, [f["name"] for f in fields],
                          [t["qfmt"] for t in templates], model_type], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _kept() -> dict[str, Any]:
    try:
        table = json.loads(REQ_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


def keep_req(model: genanki.Model) -> genanki.Model:
    """The model with its required fields as kept, when they are kept for exactly its templates
    (genanki's cached `_req` set beforehand, so it does not work them out again)."""
    req = _kept().get(req_key(model.fields, model.templates, model.model_type))
    if req is not None:
        vars(model)["_req"] = req
    return model


def _model_hash(note_type: NoteType, fields: object, templates: object, css: str) -> str:
    payload = json.dumps([note_type.name, fields, templates, css], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _check_timestamp(timestamp: int) -> None:
    if isinstance(timestamp, bool) or not isinstance(timestamp, int) or not 0 <= timestamp < 2**40:
        raise QuizgenError(
            Problem(
                "bad build time for the Anki deck",
                field="timestamp",
                found=repr(timestamp),
                expected="whole seconds since 1970 (SOURCE_DATE_EPOCH), not negative",
            )
        )


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """The .apkg and its manifest; unchanged notes keep the times the previous manifest gives."""
    _check_timestamp(options.timestamp)
    manifest_name = f"{options.name}.manifest.json"
    previous = anki_manifest.parse(options.previous.get(manifest_name), file=manifest_name)
    decks, notes = build_notes(quiz, title=options.title)
    notes = tuple(note._replace(fields=anki_manifest.keep_fields(
        note.fields, kind=note.note_type.key, old=previous.notes.get(note.guid))) for note in notes)
    if not notes:
        raise QuizgenError(
            Problem(
                "nothing to put in the Anki deck",
                found="no questions and no facts",
                expected="a quiz with questions or fact bases with quotes, people or figures",
            )
        )
    css = read_template("anki", "style.css")
    ids = model_ids()
    used = [nt for nt in NOTE_TYPES if any(note.note_type.key == nt.key for note in notes)]
    models: dict[str, Any] = {}
    model_entries = []
    for nt in used:
        fields, templates = _model_parts(nt)
        # the style sheet goes in once the deck is written (_collection): genanki reads and
        # writes every model again for each deck, and the sheet is most of a model's text
        models[nt.key] = _model(nt, ids[nt.key], fields, templates, "")
        digest = _model_hash(nt, fields, templates, css)
        model_entries.append((str(ids[nt.key]), nt.name, digest, digest))
    model_stamps = anki_manifest.stamp(model_entries, previous.models, timestamp=options.timestamp)
    note_stamps = anki_manifest.stamp(
        ((note.guid, note.label, *note.content_hashes()) for note in notes),
        previous.notes,
        timestamp=options.timestamp,
    )
    del previous  # its fields are merged: not held beside the collection, the zip and the dump
    kinds = {note.guid: note for note in notes}
    note_stamps = {guid: stamp._replace(kind=kinds[guid].note_type.key, fields=kinds[guid].fields)
                   for guid, stamp in note_stamps.items()}
    collection = _collection(
        decks,
        notes,
        models,
        deck_ids=_deck_ids(decks, set(ids.values())),
        note_stamps=note_stamps,
        model_stamps=model_stamps,
        css=css,
    )
    del notes, kinds, models  # the stamps keep the fields: free the rest before the manifest
    apkg = _zip({"collection.anki2": collection, "media": b"{}"})
    del collection  # ~25 MB at 10,000 facts: not held while the manifest is encoded
    return {
        f"{options.name}.apkg": apkg,
        manifest_name: anki_manifest.dump(Manifest(notes=note_stamps, models=model_stamps)),
    }


def _collection(
    decks: Sequence[DeckSpec],
    notes: Sequence[NoteSpec],
    models: Mapping[str, Any],
    *,
    deck_ids: Mapping[str, int],
    note_stamps: Mapping[str, Stamp],
    model_stamps: Mapping[str, Stamp],
    css: str,
) -> bytes:
    """The collection.anki2 SQLite file, written by genanki in a private folder, then re-stamped
    and given the note types' style sheet `css` (the models are written without it)."""
    built = {
        deck.name: genanki.Deck(deck_ids[deck.name], deck.name, deck.description) for deck in decks
    }
    for position, note in enumerate(notes):
        built[note.deck].add_note(
            genanki.Note(
                model=models[note.note_type.key],
                fields=list(note.fields),
                tags=list(note.tags),
                guid=note.guid,
                due=position,
            )
        )
    # Ids of notes and cards count up from the latest change, so they are reproducible too.
    latest = max(stamp.mod for stamp in (*note_stamps.values(), *model_stamps.values()))
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as folder:
        path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(path)
        try:
            # A scratch file: no fsync and no journal file (the bytes written are the same).
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA journal_mode = MEMORY")
            cursor = connection.cursor()
            genanki.Package(list(built.values())).write_to_db(
                cursor, latest, itertools.count(latest * 1000)
            )
            # By primary key: notes.guid has no index, so `WHERE guid = ?` made this O(n²).
            note_ids = dict(cursor.execute("SELECT guid, id FROM notes").fetchall())
            cursor.executemany(
                "UPDATE notes SET mod = ? WHERE id = ?",
                [(stamp.mod, note_ids[guid]) for guid, stamp in sorted(note_stamps.items())],
            )
            cursor.execute(
                "UPDATE cards SET mod = (SELECT mod FROM notes WHERE notes.id = cards.nid)"
            )
            (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
            table = json.loads(models_json)
            for model_id, model in table.items():
                model["mod"] = model_stamps[model_id].mod
                model["css"] = css
            cursor.execute("UPDATE col SET models = ?", (json.dumps(table, sort_keys=True),))
            connection.commit()
            connection.execute("VACUUM")
        finally:
            connection.close()
        return path.read_bytes()


def _zip(entries: Mapping[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the entries: sorted, fixed times, fixed attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the building platform
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compresslevel=6)
    return buffer.getvalue()
