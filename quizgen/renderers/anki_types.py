"""Anki note types and note specs as plain data: what each type holds and where its notes go."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class NoteType:
    """One Anki note type (genanki Model): its fields, its sub-deck and its template files."""

    key: str  # also the template file stem: templates/anki/<key>.front.html / .back.html
    name: str
    deck: str  # the sub-deck its notes go to, under the fact base's deck
    fields: tuple[str, ...]
    cloze: bool = False


NOTE_TYPES: tuple[NoteType, ...] = (
    NoteType(
        "multiple-choice",
        "quizgen: Multiple choice",
        "Multiple choice",
        ("Question", "Options", "OptionsMarked", "Answer", "Explanation", "Source"),
    ),
    NoteType(
        "matching",
        "quizgen: Matching",
        "Matching",
        ("Prompt", "Quotes", "Speakers", "Pairs", "Explanation", "Source"),
    ),
    NoteType(
        "ordering",
        "quizgen: Ordering",
        "Ordering",
        ("Prompt", "Items", "Order", "Explanation", "Source"),
    ),
    NoteType(
        "quote-speaker",
        "quizgen: Who said it",
        "Quotes",
        ("Quote", "Speaker", "Context", "Excerpt", "Source"),
    ),
    NoteType(
        "quote-cloze",
        "quizgen: Quote cloze",
        "Quote cloze",
        ("Text", "Speaker", "Context", "Source"),
        cloze=True,
    ),
    NoteType(
        "person-role",
        "quizgen: Person and role",
        "People",
        ("Name", "Prompt", "Role", "Aliases", "Excerpt", "Source"),
    ),
    NoteType(
        "figure-value",
        "quizgen: Figure",
        "Figures",
        ("Measure", "Subject", "GivenBy", "Value", "Excerpt", "Source"),
    ),
    NoteType(
        "term",
        "quizgen: Term",
        "Terms",
        ("Prompt", "Answer", "Aliases", "Excerpt", "Source"),
    ),
)
TYPES: dict[str, NoteType] = {note_type.key: note_type for note_type in NOTE_TYPES}


@dataclass(frozen=True)
class DeckSpec:
    """A deck of the package: its full `::` name and its HTML description."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class NoteSpec:
    """One note: identity (GUID, label), where it goes, and its already escaped fields and tags."""

    guid: str
    label: str  # human-readable identity for the manifest and change report
    note_type: NoteType
    deck: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]

    def content_hash(self) -> str:
        """A hash of everything an Anki update of this note changes: type, fields and tags."""
        payload = json.dumps([self.note_type.key, list(self.fields), list(self.tags)])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
