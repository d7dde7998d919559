"""Anki note types and note specs as plain data: what each type holds and where its notes go."""

import hashlib
import json
from typing import NamedTuple


class NoteType(NamedTuple):
    """One Anki note type (genanki Model): its fields, its sub-deck and its cards' templates.

    Cards of one note are siblings: Anki buries the others of a note once one is reviewed, so
    cards asking the same fact belong to one note.
    """

    key: str  # also the stem of the first card's templates: templates/anki/<key>.front.html
    name: str
    deck: str  # the sub-deck its notes go to, under the fact base's deck: numbered, study order
    fields: tuple[str, ...]  # the first one tells notes apart (Anki's duplicate check reads it)
    cards: tuple[tuple[str, str], ...] = ()  # (card name, template stem); () is one card, `key`
    kind: str = ""  # the kind tag of its fact notes: quizgen::kind::<kind>
    cloze: bool = False  # Anki's cloze type: one card per {{cN::…}} of its first field

    def card_templates(self) -> tuple[tuple[str, str], ...]:
        """(card name, template stem) of every card, the first one the note type's own."""
        return self.cards or ((self.name.removeprefix("quizgen: "), self.key),)


class _Choice(NamedTuple):
    """The four fields of a multiple-choice card carried by a fact's note, under a prefix; its
    card's templates are templates/anki/choice.*.html with PREFIX replaced ("choice:Pick")."""

    names: tuple[str, ...] = ("Question", "Options", "Marked", "Answer")

    def fields(self, prefix: str) -> tuple[str, ...]:
        return tuple(prefix + name for name in self.names)


CHOICE = _Choice()

NOTE_TYPES: tuple[NoteType, ...] = (  # in study order: who's who first, then facts, then items
    NoteType(
        "person-role",
        "quizgen: Person and role",
        "1 Who’s who",
        ("Name", "Prompt", "Role", "Aliases", "Excerpt", "Source"),
        kind="person",
    ),
    NoteType(
        "term",
        "quizgen: Term",
        "2 Terms and places",
        ("Term", "Meaning", "Aliases", "Excerpt", "Source"),
        cards=(("Term to meaning", "term"), ("Meaning to term", "term-reverse")),
        kind="term",
    ),
    NoteType(
        "quote-speaker",
        "quizgen: Quote",
        "3 Quotes",
        ("Quote", "Speaker", "Context", "Excerpt", "Source", "Gap", "Missing", "Names",
         *CHOICE.fields("Pick")),
        cards=(("Who said it", "quote-speaker"), ("Fill the gap", "quote-gap"),
               ("Pick the speaker", "choice:Pick")),
        kind="quote",
    ),
    NoteType(
        "figure-value",
        "quizgen: Figure",
        "4 Figures",
        ("Fact", "Measure", "Subject", "GivenBy", "Value", "Excerpt", "Source",
         *CHOICE.fields("Value"), *CHOICE.fields("Holder")),
        cards=(("Figure", "figure-value"), ("Pick the figure", "choice:Value"),
               ("Pick whose figure", "choice:Holder")),
        kind="figure",
    ),
    NoteType(
        "multiple-choice",
        "quizgen: Multiple choice",
        "5 Multiple choice",
        ("Question", "Options", "OptionsMarked", "Answer", "Explanation", "Source"),
    ),
    NoteType(
        "matching",
        "quizgen: Matching",
        "6 Matching",
        ("Quotes", "Prompt", "Speakers", "Pairs", "Explanation", "Source"),
    ),
    NoteType(
        "ordering",
        "quizgen: Ordering",
        "7 Ordering",
        ("Items", "Prompt", "Order", "Explanation", "Source"),
    ),
    NoteType(
        "gap-fill",
        "quizgen: Gap-fill",
        "8 Gap-fill",
        ("Text", "Prompt", "Bank", "Explanation", "Source"),
        cards=(("Cloze", "gap-fill"),),
        cloze=True,
    ),
)
TYPES: dict[str, NoteType] = {note_type.key: note_type for note_type in NOTE_TYPES}


class DeckSpec(NamedTuple):
    """A deck of the package: its full `::` name and its HTML description."""

    name: str
    description: str = ""


class NoteSpec(NamedTuple):
    """One note: identity (GUID, label), where it goes, and its already escaped fields and tags."""

    guid: str
    label: str  # human-readable identity for the manifest and change report
    note_type: NoteType
    deck: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]

    def content_hash(self, *, build_tag: bool = True) -> str:
        """A hash of everything an Anki update of this note changes: type, fields and tags
        (without the build tag: what the note says, not which deck it came in)."""
        return self.content_hashes()[0 if build_tag else 1]

    def content_hashes(self) -> tuple[str, str]:
        """content_hash with the build tag and without it, the fields encoded and hashed once
        for both (`json.dumps` of a list is its items' encodings, joined by ", " in brackets)."""
        head = hashlib.sha256(
            f"[{json.dumps(self.note_type.key)}, {json.dumps(list(self.fields))}, ".encode())
        hashes = []
        for tags in (self.tags, [t for t in self.tags if not t.startswith("quizgen::build::")]):
            whole = head.copy()
            whole.update(f"{json.dumps(list(tags))}]".encode())
            hashes.append(whole.hexdigest())
        return hashes[0], hashes[1]
