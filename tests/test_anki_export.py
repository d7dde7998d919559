"""Every content deck together in one real Anki collection: no duplicate first fields across
articles, and text stored as Anki's editor stores it (searchable apostrophes and quotes)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection
from anki.notes import NoteFieldsCheckResult
from test_anki import import_apkg
from test_anki_class import FACTBASES, deck

# Entities a field may hold: those HTML needs (& < >) and the ones that defuse Anki's syntax
# ({ } [ ]). Any other (&#x27; &quot; &#39;) hides a character from a student's search.
ALLOWED = {"&amp;", "&lt;", "&gt;", "&#123;", "&#125;", "&#91;", "&#93;"}
ENTITY = re.compile(r"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")

# The content articles share no who's-who name since "the government" (calderia, veskaria) got
# no card (a circular one, issue 18), so two corpus articles that both name the FBI come along:
# the duplicate check meets one name in two articles.
CORPUS = Path(__file__).resolve().parent / "corpus"
SHARED = "the FBI"
DECKS = (*FACTBASES, CORPUS / "dev" / "lie-detector.yaml", CORPUS / "heldout" / "banksy.yaml")


@cache
def package(path: Path) -> bytes:
    """The .apkg `quizgen anki` builds for a content fact base (built once per run)."""
    return deck(path, seed=1)["deck.apkg"]


def every_deck(folder: Path, *, fresh: bool = False) -> Any:
    """A collection holding the deck of every content fact base and the two corpus articles
    naming the FBI, as one student imports them (`fresh`: built again now, for a test that
    plants a fault in the renderer)."""
    col = Collection(str(folder / "all.anki2"))
    for n, path in enumerate(DECKS):
        data = deck(path, seed=1)["deck.apkg"] if fresh else package(path)
        import_apkg(col, data, folder, f"{n}.apkg")
    return col


def duplicates(col: Any) -> list[str]:
    """The first fields Anki's own check flags as duplicates."""
    found = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        if note.fields_check() == NoteFieldsCheckResult.DUPLICATE:
            found.append(f"{note.note_type()['name']}: {note.fields[0][:80]}")
    return found


def test_no_first_field_is_a_duplicate_across_every_content_deck(tmp_path: Path) -> None:
    """Every article's deck in one collection: Anki flags 0 notes as duplicates (\"the FBI\"
    of two articles are two notes)."""
    col = every_deck(tmp_path)
    try:
        assert len(col.find_notes("")) > 400
        assert duplicates(col) == []
    finally:
        col.close()


def test_planted_bare_name_as_first_field_is_flagged(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bare name back as a person note's first field, the check above finds
    duplicates ("the FBI" of two articles)."""
    from quizgen.renderers.anki import facts

    real = facts._entity_fields

    def bare(base: Any, entity: Any, source: str) -> tuple[str, ...]:
        return (facts.t.text(entity.name), *real(base, entity, source)[1:])  # the bug

    monkeypatch.setattr(facts, "_entity_fields", bare)
    col = every_deck(tmp_path, fresh=True)
    try:
        assert any(d.endswith(f": {SHARED}") for d in duplicates(col))
    finally:
        col.close()


def fields_and_search(folder: Path, *, fresh: bool = False) -> tuple[list[str], list[int]]:
    """Every field of every content deck, and the notes Anki finds for an apostrophe search."""
    col = every_deck(folder, fresh=fresh)
    try:
        fields = [f for nid in col.find_notes("") for f in col.get_note(nid).fields]
        return fields, list(col.find_notes("\"bosses' bonuses\""))
    finally:
        col.close()


def test_fields_store_quotes_and_apostrophes_as_text(tmp_path: Path) -> None:
    """No field holds &#x27;, &quot; or another entity HTML does not need; a search for an
    apostrophe phrase of the article finds its notes; & < > are still escaped for HTML."""
    fields, found = fields_and_search(tmp_path)
    bad = sorted({m.group() for f in fields for m in ENTITY.finditer(f)} - ALLOWED)
    assert bad == []
    assert found, "a search for \"bosses' bonuses\" finds nothing"
    text = " ".join(fields)
    assert "Pensions &gt; profits &amp; bosses' bonuses &lt; nurses' pay" in text
    assert 'call it "reform"' in text and "I've given" in text


def test_planted_escaped_apostrophe_is_caught(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Escaping quotes again (html.escape's default) puts &#x27; and &quot; in fields, which
    the check above refuses."""
    import html

    from quizgen.renderers.anki import text as anki_text

    real = anki_text.text

    def quoted(value: str) -> str:  # the bug: quote=True
        return real(value).replace("'", "&#x27;").replace('"', "&quot;")

    monkeypatch.setattr(anki_text, "text", quoted)
    assert quoted("it's") == html.escape("it's")
    fields, _ = fields_and_search(tmp_path, fresh=True)
    bad = {m.group() for f in fields for m in ENTITY.finditer(f)} - ALLOWED
    assert {"&#x27;", "&quot;"} <= bad
