"""The decks of every fact base in content/, imported into real Anki as a student would use them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection
from anki.notes import NoteFieldsCheckResult
from conftest import loaded
from test_anki import Html, import_apkg, rendered

from quizgen.quiz.select import build_quiz
from quizgen.renderers.anki.deck import change_report, render
from quizgen.renderers.anki.manifest import parse
from quizgen.renderers.anki.note_types import NOTE_TYPES
from quizgen.renderers.anki.notes import short_name
from quizgen.renderers.base import RenderOptions

CONTENT = Path(__file__).resolve().parent.parent / "content"
FACTBASES = sorted(CONTENT.glob("*.yaml"))
T0, T1 = 1_700_000_000, 1_700_086_400
LABELS = {"Who said it?", "Fill the gap", "Who’s who", "Figure", "Matching", "Ordering",
          "Multiple choice", "Context"}


@pytest.fixture()
def col(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty Anki collection."""
    collection = Collection(str(tmp_path / "c.anki2"))
    yield collection
    collection.close()


def deck(path: Path, *, seed: int, timestamp: int = T0,
         previous: bytes | None = None) -> dict[str, bytes]:
    """The deck `quizgen anki` builds: every question (the deck keeps every card)."""
    quiz = build_quiz(loaded(path), seed=seed, everything=True)
    return render(quiz, options=RenderOptions(name="deck", timestamp=timestamp,
                                              previous={} if previous is None else
                                              {"deck.manifest.json": previous}))


def front_words(card: Any) -> list[str]:
    """The words a student reads on a card's front, without its fixed labels."""
    text = Html(rendered(card)[0]).text
    for label in LABELS:
        text = text.replace(label, " ")
    return re.findall(r"[^\W_]+", text)


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_deck_imports_without_duplicates_or_empty_fronts(col: Any, tmp_path: Path,
                                                         path: Path) -> None:
    """No note is flagged duplicate by Anki's own check, no front is empty or only a gap, the
    sub-decks sort in study order, and quoted words keep the article's apostrophes."""
    import_apkg(col, deck(path, seed=1)["deck.apkg"], tmp_path)
    states = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        states[note.guid] = note.fields_check()
        assert states[note.guid] != NoteFieldsCheckResult.DUPLICATE, note.fields[0][:80]
        assert states[note.guid] != NoteFieldsCheckResult.EMPTY
    assert states
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        assert len(front_words(card)) >= 3, Html(rendered(card)[0]).text
    root = short_name(loaded(path))
    children = sorted(d.name for d in col.decks.all_names_and_ids()
                      if d.name.startswith(f"{root}::"))
    designed = [f"{root}::{nt.deck}" for nt in NOTE_TYPES]
    assert children == [name for name in designed if name in children]
    assert children[0] == f"{root}::1 Who’s who"
    assert len(root) <= 40


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_reimport_of_a_changed_deck_keeps_every_review(col: Any, tmp_path: Path,
                                                       path: Path) -> None:
    """A deck rebuilt with another seed updates in place: every card keeps its interval, due
    date and review log, notes gone from the deck stay in Anki, and the change report's search
    finds exactly them."""
    first = deck(path, seed=1)
    import_apkg(col, first["deck.apkg"], tmp_path)
    reviewed = {}
    for index, cid in enumerate(col.find_cards("")):
        card = col.get_card(cid)
        card.type, card.queue, card.ivl, card.due = 2, 2, 3 + index % 40, 500 + index
        col.update_card(card)
        col.db.execute(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            " values (?, ?, -1, 3, ?, 0, 2500, 6000, 1)", T0 * 1000 + index, cid, card.ivl)
        reviewed[cid] = (card.ivl, card.due)
    old_guids = {col.get_note(n).guid for n in col.find_notes("")}

    second = deck(path, seed=2, timestamp=T1, previous=first["deck.manifest.json"])
    import_apkg(col, second["deck.apkg"], tmp_path, "again.apkg")
    for cid, (ivl, due) in reviewed.items():
        card = col.get_card(cid)
        assert (card.ivl, card.due) == (ivl, due)
        assert col.db.scalar("select count() from revlog where cid = ?", cid) == 1
    base_id = loaded(path).id
    report = change_report(first["deck.manifest.json"], second["deck.manifest.json"],
                           articles=(base_id,))
    now = {col.get_note(n).guid for n in col.find_notes("")}
    assert old_guids <= now  # Anki deletes nothing on import
    search = str(report).split("find them in Anki’s browser with: ")[-1]
    gone = {col.get_note(n).guid for n in col.find_notes(search)} if report.removed else set()
    assert len(gone) == report.removed
    if report.removed:
        assert "kept in Anki (no longer in the deck)" in str(report)
        assert "removed" not in str(report)


def test_planted_shared_first_field_is_flagged_duplicate(
    col: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the matching prompt planted back as the first field, Anki flags duplicates: the
    duplicate check above can fail."""
    from quizgen.renderers.anki import notes as anki_notes

    real = anki_notes._matching

    def prompt_first(q: Any, base: Any, source: str) -> tuple[str, ...]:
        quotes, prompt, *rest = real(q, base, source)
        return (prompt, quotes, *rest)

    monkeypatch.setattr(anki_notes, "_matching", prompt_first)
    import_apkg(col, deck(FACTBASES[0], seed=1)["deck.apkg"], tmp_path)
    states = [col.get_note(n).fields_check() for n in col.find_notes("")]
    assert NoteFieldsCheckResult.DUPLICATE in states


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_a_narrower_build_never_blanks_a_card(col: Any, tmp_path: Path, path: Path) -> None:
    """The whole deck, then one built for two kinds with the same manifest, imported into one
    collection (Anki updates the notes): no field a note had is emptied, and Anki finds no empty
    card (Tools › Empty Cards would delete them with reviews)."""
    first = deck(path, seed=1)
    import_apkg(col, first["deck.apkg"], tmp_path)
    before = {note.guid: list(note.fields) for note in map(col.get_note, col.find_notes(""))}
    quiz = build_quiz(loaded(path), seed=1, everything=True,
                      kinds=("who-said-it", "quote-match"))
    second = render(quiz, options=RenderOptions(
        name="deck", timestamp=T1, previous={"deck.manifest.json": first["deck.manifest.json"]}))
    log = import_apkg(col, second["deck.apkg"], tmp_path, "narrow.apkg")
    assert log.updated, "the narrower deck updated no note: the check below is never exercised"
    after = {note.guid: list(note.fields) for note in map(col.get_note, col.find_notes(""))}
    emptied = [(guid, i) for guid, fields in before.items() for i, text in enumerate(fields)
               if text.strip() and not after[guid][i].strip()]
    assert emptied == [], emptied[:5]
    empty = col.get_empty_cards()
    assert [note.card_ids for note in empty.notes] == [], empty.report[:400]


def test_spreading_a_deck_never_blanks_a_card(col: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A deck built before its speakers' keys were spread (every who-said-it kept), then the
    spread deck with the same manifest, imported into one collection: no field a note had is
    emptied, no card is empty, and every note of an item kept keeps its GUID."""
    from test_deck_spread import unspread

    path = CONTENT / "venezuela-post-election.yaml"
    before_quiz = unspread(loaded(path), 1, monkeypatch)
    first = render(before_quiz, options=RenderOptions(name="deck", timestamp=T0))
    import_apkg(col, first["deck.apkg"], tmp_path)
    before = {note.guid: list(note.fields) for note in map(col.get_note, col.find_notes(""))}
    second = deck(path, seed=1, timestamp=T1, previous=first["deck.manifest.json"])
    report = change_report(first["deck.manifest.json"], second["deck.manifest.json"],
                           articles=(loaded(path).id,))
    assert report.removed or report.changed, "spreading changed no note: nothing is exercised"
    import_apkg(col, second["deck.apkg"], tmp_path, "spread.apkg")
    after = {note.guid: list(note.fields) for note in map(col.get_note, col.find_notes(""))}
    emptied = [(guid, i) for guid, fields in before.items() for i, text in enumerate(fields)
               if text.strip() and not after[guid][i].strip()]
    assert emptied == [], emptied[:5]
    assert [note.card_ids for note in col.get_empty_cards().notes] == []
    old, new = (parse(d["deck.manifest.json"]).notes for d in (first, second))
    gone = {q.id for q in before_quiz.questions} - {
        q.id for q in build_quiz(loaded(path), seed=1, everything=True).questions}
    kept = [guid for guid, stamp in old.items() if stamp.label.split("/")[-1] not in gone]
    assert gone and kept and all(guid in new for guid in kept)  # every other note keeps its GUID
