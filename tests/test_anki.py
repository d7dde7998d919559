"""The Anki renderer, checked by importing its decks into the real Anki backend (PyPI `anki`)."""

from __future__ import annotations

import dataclasses
import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from quizgen.errors import QuizgenError
from quizgen.factbase.model import Entity, Event, FactBase, Figure, PartialDate, Quote, Source
from quizgen.quiz.questions import (
    Amount,
    Chronology,
    EntityRef,
    EventRef,
    FigureValue,
    Matching,
    MatchSpeakers,
    MultipleChoice,
    Option,
    Ordering,
    Quiz,
    QuoteRef,
    SpeakerOf,
)
from quizgen.renderers.anki.deck import change_report, model_ids, render
from quizgen.renderers.anki.text import gap, text
from quizgen.renderers.base import RenderOptions
from quizgen.resources import read_template

T0 = 1_700_000_000  # first build time
T1 = 1_700_086_400  # a day later

# ---- A small hand-made fact base and quiz --------------------------------------------------------


def make_base(**changes: object) -> FactBase:
    """Three people, three quotes, two figures and three events from an imaginary article."""
    base = FactBase(
        id="harbour-strike",
        source=Source(
            title="Dockers strike over harbour automation",
            about="A strike at the city harbour and the reactions to it.",
            outlet="The Daily Example",
            published="2024-05",
        ),
        entities=(
            Entity(
                "okafor",
                "Ada Okafor",
                "leader of the dockers' union",
                tags=("labour",),
                excerpt="union leader Ada Okafor",
            ),
            Entity(
                "lind",
                "Per Lind",
                "harbour director",
                aliases=("Lind",),
                excerpt="harbour director Per Lind",
            ),
            Entity(
                "council",
                "City Council",
                "the city's governing body",
                kind="organisation",
                excerpt="the City Council",
            ),
        ),
        quotes=(
            Quote(
                "okafor-jobs",
                "Machines do not pay rent.",
                ("okafor",),
                context="at the harbour gates",
                key_phrase="pay rent",
                tags=("labour", "human rights"),
                excerpt="Okafor said: “Machines do not pay rent.”",
            ),
            Quote(
                "lind-future",
                "Automation is the only way to stay competitive.",
                ("lind",),
                tags=("economy",),
                excerpt="Lind replied that automation was the only way",
            ),
            Quote(
                "joint-talks",
                "We will meet again on Monday.",
                ("okafor", "lind"),
                context="after the first round of talks",
                excerpt="both said: “We will meet again on Monday.”",
            ),
        ),
        figures=(
            Figure(
                "strikers",
                "number of strikers",
                Decimal("1200"),
                "dockers",
                ("okafor",),
                qualifier="about",
                excerpt="about 1,200 dockers",
            ),
            Figure(
                "automation-share",
                "share of cranes automated",
                Decimal("37.5"),
                "percent",
                ("lind",),
                subject="council",
                excerpt="37.5% of cranes",
            ),
        ),
        events=(
            Event("vote", "The union voted to strike", PartialDate(2024, 5, 2)),
            Event("walkout", "Dockers walked out", PartialDate(2024, 5, 6)),
            Event("talks", "First round of talks", PartialDate(2024, 5, 9)),
        ),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def make_quiz(base: FactBase) -> Quiz:
    """One question of each shape: multiple choice (twice), matching and ordering."""
    fb = base.id
    who = MultipleChoice(
        id="who-said-it-aaaa",
        kind="who-said-it",
        factbase=fb,
        prompt="Who said “Automation is the only way to stay competitive.”?",
        ask=SpeakerOf("lind-future"),
        options=(
            Option("Ada Okafor", EntityRef("okafor")),
            Option("Per Lind", EntityRef("lind")),
            Option("City Council", EntityRef("council")),
        ),
        answer=1,
        explanation=("Lind replied that automation was the only way",),
        tags=("economy",),
    )
    figure = MultipleChoice(
        id="figure-choice-bbbb",
        kind="figure-choice",
        factbase=fb,
        prompt="According to Per Lind, what share of cranes has the City Council automated?",
        ask=FigureValue("share of cranes automated", "council", ("lind",)),
        options=tuple(
            Option(f"{v}%", Amount(Decimal(v), "percent", 1))
            for v in ("12.5", "37.5", "50.0", "75.0")
        ),
        answer=1,
        explanation=("37.5% of cranes",),
    )
    match = Matching(
        id="quote-match-cccc",
        kind="quote-match",
        factbase=fb,
        prompt="Match each quote to who said it.",
        ask=MatchSpeakers(),
        left=(
            Option("Machines do not pay rent.", QuoteRef("okafor-jobs")),
            Option("Automation is the only way to stay competitive.", QuoteRef("lind-future")),
        ),
        right=(Option("Per Lind", EntityRef("lind")), Option("Ada Okafor", EntityRef("okafor"))),
        answer=((0, 1), (1, 0)),
        explanation=("Okafor said it.", "Lind replied."),
    )
    order = Ordering(
        id="event-order-dddd",
        kind="event-order",
        factbase=fb,
        prompt="Put these events in order, earliest first.",
        ask=Chronology(),
        items=(
            Option("First round of talks", EventRef("talks")),
            Option("The union voted to strike", EventRef("vote")),
            Option("Dockers walked out", EventRef("walkout")),
        ),
        answer=(1, 2, 0),
        explanation=(),
    )
    return Quiz(title="Harbour strike", bases=(base,), questions=(who, figure, match, order))


# 2 questions (matching, ordering) + 3 quotes + 3 people with roles + 2 figures; the who-said-it
# and the figure question are cards of their quote's and figure's notes; each quote has a gap card
EXPECTED_NOTES = 10
EXPECTED_CARDS = 15
ROOT = "Harbour strike"  # the short deck name, from the fact base's id


def build(quiz: Quiz, *, timestamp: int = T0, previous: bytes | None = None) -> dict[str, bytes]:
    """Render the quiz as the CLI would."""
    return render(
        quiz, options=RenderOptions(name="deck", timestamp=timestamp,
                                    previous={} if previous is None else
                                    {"deck.manifest.json": previous})
    )


# ---- Importing into real Anki ------------------------------------------------------------------


@pytest.fixture()
def col(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty Anki collection."""
    collection = Collection(str(tmp_path / "c.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Any, data: bytes, folder: Path, name: str = "deck.apkg") -> Any:
    """Import package bytes as a student would (no scheduling in the file; update if newer)."""
    path = folder / name
    path.write_bytes(data)
    options = ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=False)
    request = ImportAnkiPackageRequest(package_path=str(path), options=options)
    return col.import_anki_package(request).log


def all_cards(col: Any) -> list[Any]:
    """Every card of the collection."""
    return [col.get_card(cid) for cid in col.find_cards("")]


def notes_by_guid(col: Any) -> dict[str, Any]:
    """Every note of the collection by GUID."""
    notes = (col.get_note(nid) for nid in col.find_notes(""))
    return {note.guid: note for note in notes}


class Html(HTMLParser):
    """Collects element names, text, and the text inside elements of a given class."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.chunks: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if self.lasttag != "style":
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def rendered(card: Any) -> tuple[str, str]:
    """Question and answer HTML of a card through Anki's own renderer, without the stylesheet."""
    output = card.render_output()
    assert not output.question_av_tags and not output.answer_av_tags
    return output.question_text, output.answer_text


def card_by_note_type(col: Any, name: str) -> Any:
    """The first card whose note type has this name."""
    for card in all_cards(col):
        if card.note_type()["name"] == name:
            return card
    raise AssertionError(f"no card of note type {name}")


# ---- Tests -------------------------------------------------------------------------------------


def test_import_counts_and_every_card_renders(col: Any, tmp_path: Path) -> None:
    """The deck imports into Anki, a quote's note with two cards, every side rendering cleanly."""
    log = import_apkg(col, build(make_quiz(make_base()))["deck.apkg"], tmp_path)
    assert len(log.new) == EXPECTED_NOTES
    assert col.note_count() == EXPECTED_NOTES
    assert col.card_count() == EXPECTED_CARDS
    for card in all_cards(col):
        for side in rendered(card):
            assert "{{" not in side and "}}" not in side
            assert "template has a problem" not in side.lower()
            assert len(Html(side).text) > 10


def test_note_types_decks_and_tags(col: Any, tmp_path: Path) -> None:
    """Each kind has its note type and numbered sub-deck under the short deck name, who's who
    first; every tag is quizgen::kind::, ::topic::, ::article:: or ::build::."""
    import_apkg(col, build(make_quiz(make_base()))["deck.apkg"], tmp_path)
    names = {d.name for d in col.decks.all_names_and_ids()}
    subs = ("1 Who’s who", "3 Quotes", "4 Figures", "6 Matching", "7 Ordering")
    # no terms or places in the sample, and its multiple-choice items are cards of facts' notes
    assert {ROOT, *(f"{ROOT}::{sub}" for sub in subs)} <= names
    children = [name for name in sorted(names) if name.startswith(f"{ROOT}::")]
    assert children == [f"{ROOT}::{sub}" for sub in subs]  # Anki's order is the study order
    assert "Dockers strike over harbour automation" in col.decks.by_name(ROOT)["desc"]
    deck_of = {}
    for card in all_cards(col):
        note = card.note()
        deck_of[note.note_type()["name"]] = col.decks.name(card.did)
        assert all(" " not in tag and tag for tag in note.tags)
        assert "quizgen::article::harbour-strike" in note.tags
        assert all(tag.split("::")[:2] in (["quizgen", "kind"], ["quizgen", "topic"],
                                           ["quizgen", "article"], ["quizgen", "build"])
                   for tag in note.tags)
        assert sum(tag.startswith("quizgen::kind::") for tag in note.tags) >= 1
    assert deck_of["quizgen: Matching"] == f"{ROOT}::6 Matching"
    assert deck_of["quizgen: Quote"] == f"{ROOT}::3 Quotes"
    tags = {tag for note in notes_by_guid(col).values() for tag in note.tags}
    kinds = {"who-said-it", "quote-match", "figure-choice", "event-order", "quote", "person",
             "figure"}
    assert {f"quizgen::kind::{k}" for k in kinds} <= tags
    assert {"quizgen::topic::labour", "quizgen::topic::human-rights"} <= tags
    who = col.find_notes("tag:quizgen::kind::who-said-it")  # the quote's note, with that card
    assert {col.get_note(n).note_type()["name"] for n in who} == {"quizgen: Quote"}
    assert [c.ord for c in col.get_note(who[0]).cards()] == [0, 1, 2]


def test_ids_are_deterministic_distinct_and_in_range() -> None:
    """Model and deck ids are the same on every build, all distinct, within genanki's id range."""
    first, second = model_ids(), model_ids()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(build(make_quiz(make_base()))["deck.apkg"])) as archive:
        db_bytes = archive.read("collection.anki2")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.db"
        path.write_bytes(db_bytes)
        with sqlite3.connect(path) as db:
            decks_json, models_json = db.execute("SELECT decks, models FROM col").fetchone()
        db.close()
    deck_ids = [int(k) for k in json.loads(decks_json) if k != "1"]  # "1" is Anki's Default deck
    ids = [*first.values(), *deck_ids]
    assert len(set(ids)) == len(ids) == 8 + 6  # note types; the deck and its five sub-decks
    assert all((1 << 30) <= i < (1 << 31) for i in ids)
    assert {int(k) for k in json.loads(models_json)} <= set(first.values())


def test_reimport_same_file_changes_nothing(col: Any, tmp_path: Path) -> None:
    """Importing the very same file twice adds and updates nothing the second time."""
    data = build(make_quiz(make_base()))["deck.apkg"]
    import_apkg(col, data, tmp_path)
    log = import_apkg(col, data, tmp_path, "again.apkg")
    assert (len(log.new), len(log.updated)) == (0, 0)
    assert col.note_count() == EXPECTED_NOTES


def test_quote_typo_fix_updates_only_that_quotes_notes(col: Any, tmp_path: Path) -> None:
    """A reworded quote, rebuilt with the manifest, updates its own notes in place and no others."""
    base = make_base()
    first = build(make_quiz(base))
    import_apkg(col, first["deck.apkg"], tmp_path)
    before = {guid: note.id for guid, note in notes_by_guid(col).items()}
    card = card_by_note_type(col, "quizgen: Quote")
    card.ivl, card.type, card.queue, card.due = 12, 2, 2, 400
    col.update_card(card)

    fixed = dataclasses.replace(base.quotes[2], text="We will meet again on Tuesday.")
    base2 = make_base(quotes=(base.quotes[0], base.quotes[1], fixed))
    second = build(make_quiz(base2), timestamp=T1, previous=first["deck.manifest.json"])
    log = import_apkg(col, second["deck.apkg"], tmp_path, "fixed.apkg")

    assert len(log.new) == 0
    updated = {col.get_note(n.id.nid).guid for n in log.updated}
    after = notes_by_guid(col)
    assert {guid: note.id for guid, note in after.items()} == before  # same GUIDs, same notes
    reworded = {g for g, n in after.items() if "Tuesday" in " ".join(n.fields)}
    assert updated == reworded and len(reworded) == 1  # the quote's one note (both its cards)
    kept = col.get_card(card.id)
    assert (kept.ivl, kept.due) == (12, 400)  # the student's progress survives
    report = change_report(first["deck.manifest.json"], second["deck.manifest.json"])
    assert (report.added, report.changed, report.unchanged, report.removed) == (0, 1, 9, 0)


def test_manifest_keeps_times_of_unchanged_notes() -> None:
    """First build stamps notes with its time; a rebuild keeps times of unchanged notes only."""
    base = make_base()
    first = json.loads(build(make_quiz(base))["deck.manifest.json"])
    assert {e["mod"] for e in first["notes"].values()} == {T0}
    lind = dataclasses.replace(base.entities[1], excerpt="the harbour's director, Per Lind")
    base2 = make_base(entities=(base.entities[0], lind, base.entities[2]))
    again = build(make_quiz(base2), timestamp=T1, previous=json.dumps(first).encode())
    second = json.loads(again["deck.manifest.json"])
    moved = {e["label"] for e in second["notes"].values() if e["mod"] == T1}
    assert moved == {"person-role harbour-strike/lind"}
    assert sum(e["mod"] == T0 for e in second["notes"].values()) == EXPECTED_NOTES - 1
    # A fixed clock (SOURCE_DATE_EPOCH) must still move a changed note's time forward.
    same_clock = build(make_quiz(base2), timestamp=T0, previous=json.dumps(first).encode())
    third = json.loads(same_clock["deck.manifest.json"])
    assert {e["mod"] for e in third["notes"].values() if e["label"].endswith("/lind")} == {T0 + 1}


def test_change_report_counts_added_changed_unchanged_removed() -> None:
    """The change report compares two manifests note by note; notes gone from the deck are
    reported as kept in Anki, with a search that finds exactly them."""
    base = make_base()
    first = build(make_quiz(base))["deck.manifest.json"]
    new_person = Entity("mayor", "Jo Berg", "mayor of the city")
    figure = dataclasses.replace(base.figures[0], value=Decimal("1300"))
    base2 = make_base(entities=(*base.entities, new_person), figures=(figure,))
    second = build(make_quiz(base2), timestamp=T1, previous=first)["deck.manifest.json"]
    report = change_report(first, second, articles=("harbour-strike",))
    counts = (report.added, report.changed, report.unchanged, report.removed, report.retagged)
    # the mayor and the crane question (its figure gone, it needs a note of its own) come, the
    # crane figure goes, the strikers change: the other eight only change their build tag
    assert counts == (2, 1, 0, 1, 8)
    assert str(report) == (
        "2 added, 1 changed, 0 unchanged, 8 re-tagged, 1 kept in Anki (no longer in the deck);"
        f" find them in Anki’s browser with: tag:quizgen::article::harbour-strike -tag:{report.tag}"
    )
    fresh = change_report(None, first)
    assert (fresh.added, fresh.changed, fresh.unchanged, fresh.removed) == (EXPECTED_NOTES, 0, 0, 0)


def test_rebuild_is_byte_identical() -> None:
    """Same inputs give the same .apkg bytes; with the manifest, a later clock changes nothing."""
    quiz = make_quiz(make_base())
    first, second = build(quiz), build(quiz)
    assert first == second
    later = build(quiz, timestamp=T1, previous=first["deck.manifest.json"])
    assert later == first
    with zipfile.ZipFile(io.BytesIO(first["deck.apkg"])) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["collection.anki2", "media"]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("media") == b"{}"


def test_render_writes_nothing_outside_a_private_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """render returns bytes and leaves neither the working folder nor the temp folder changed."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(tmp_path)
    files = build(make_quiz(make_base()))
    assert sorted(files) == ["deck.apkg", "deck.manifest.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tmp"]
    assert list(scratch.iterdir()) == []


HOSTILE = "<script>alert(1)</script> & <b>bold</b> {{c1::x}} [sound:evil.mp3] {{Front}} a::b"


def hostile_quiz() -> Quiz:
    """The sample quiz with the hostile string appended to every displayed string."""

    def h(value: str) -> str:
        return f"{value} {HOSTILE}"

    base = make_base()
    source = Source(h("Title"), h("About"), outlet=h("Outlet"), published=h("2024"))
    entities = tuple(
        dataclasses.replace(
            e,
            name=h(e.name),
            role=h(e.role),
            aliases=(h("alias"),),
            excerpt=h(e.excerpt),
            tags=(HOSTILE,),
        )
        for e in base.entities
    )
    quotes = tuple(
        dataclasses.replace(
            q,
            text=h(q.text),
            context=h(q.context),
            excerpt=h(q.excerpt),
            key_phrase=HOSTILE,
            tags=(HOSTILE,),
        )
        for q in base.quotes
    )
    figures = tuple(
        dataclasses.replace(f, measure=h(f.measure), unit=h(f.unit), excerpt=h(f.excerpt))
        for f in base.figures
    )
    events = tuple(dataclasses.replace(e, description=h(e.description)) for e in base.events)
    hostile_base = make_base(
        source=source, entities=entities, quotes=quotes, figures=figures, events=events
    )
    questions = []
    for q in make_quiz(base).questions:
        changes: dict[str, object] = {
            "prompt": h(q.prompt),
            "explanation": tuple(h(x) for x in q.explanation) or (HOSTILE,),
        }
        for name in ("options", "left", "right", "items"):
            if hasattr(q, name):
                changes[name] = tuple(
                    dataclasses.replace(o, text=h(o.text)) for o in getattr(q, name)
                )
        questions.append(dataclasses.replace(q, **changes))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    return Quiz(title=h("Quiz"), bases=(hostile_base,), questions=tuple(questions))


def test_hostile_strings_render_as_text(col: Any, tmp_path: Path) -> None:
    """Markup, entities, cloze and sound syntax in every string show as literal text on cards."""
    log = import_apkg(col, build(hostile_quiz())["deck.apkg"], tmp_path)
    assert len(log.new) == EXPECTED_NOTES
    assert col.card_count() == EXPECTED_CARDS  # two cards per quote note: no {{c1::x}} leaks
    for card in all_cards(col):
        for side in rendered(card):
            parsed = Html(side)
            assert "<script" not in side.lower()
            assert "script" not in parsed.tags and "b" not in parsed.tags
            assert "{{" not in side and "template has a problem" not in side.lower()
            assert HOSTILE in parsed.text
    assert len(col.decks.all_names_and_ids()) == 1 + 1 + 5  # Default, the article, its kinds
    root = min((d.name for d in col.decks.all_names_and_ids() if d.id != 1), key=len)
    description = col.decks.by_name(root)["desc"]
    assert "<script" not in description and HOSTILE in Html(description).text
    tags = {tag for note in notes_by_guid(col).values() for tag in note.tags}
    assert all(" " not in tag and "<" not in tag and "{" not in tag for tag in tags)


def gap_fronts(col: Any) -> list[str]:
    """The text of every gap card's front."""
    return [Html(rendered(card)[0]).text for card in all_cards(col)
            if card.note_type()["name"] == "quizgen: Quote" and card.ord == 1]


def test_gap_hides_the_key_phrase_or_the_longest_uncommon_word(col: Any, tmp_path: Path) -> None:
    """The gap card hides the key phrase (or, without one, the quote's longest uncommon word)."""
    import_apkg(col, build(make_quiz(make_base()))["deck.apkg"], tmp_path)
    joined = " | ".join(gap_fronts(col))
    assert "Machines do not … ." in joined and "pay rent" not in joined
    assert "Automation is the only way to stay … ." in joined  # "competitive", the longest word
    assert "competitive" not in joined and "Monday" not in joined
    gapped = gap("a {{b}} :: c d", "{{b}} ::")
    assert gapped is not None and "{{" not in gapped[0] and "&#123;&#123;b&#125;&#125;" in gapped[1]
    assert text("<i>{x}</i> [y]") == "&lt;i&gt;&#123;x&#125;&lt;/i&gt; &#91;y&#93;"


def test_gap_never_takes_the_whole_quote(col: Any, tmp_path: Path) -> None:
    """One- and two-word quotes get no note at all (nobody can attribute them); a key phrase
    that is (nearly) the whole quote gives way to one distinctive word; no front is empty."""
    base = make_base()
    short = (
        Quote("clearly", "clearly", ("lind",), key_phrase="clearly"),
        Quote("fraud", "massive fraud", ("okafor",), key_phrase="fraud"),
        Quote("whole", "They stole the election.", ("okafor",),
              key_phrase="They stole the election"),
    )
    quiz = make_quiz(make_base(quotes=(*base.quotes, *short)))
    import_apkg(col, build(quiz)["deck.apkg"], tmp_path)
    fronts = gap_fronts(col)
    assert len(fronts) == 4  # the three sample quotes and "They stole the election."
    assert not any("clearly" in f or "massive" in f for f in fronts)
    quotes = [col.get_note(n).fields[0] for n in col.find_notes('"note:quizgen: Quote"')]
    assert len(quotes) == 4 and "clearly" not in quotes and "massive fraud" not in quotes
    assert any("They stole the … ." in f for f in fronts)
    for front in fronts:
        visible = front.replace("Fill the gap", "").replace("…", "").strip(" .")
        assert len(visible.split()) >= 3
    assert gap("clearly", None) is None and gap("massive fraud", "fraud") is None
    for card in all_cards(col):
        assert Html(rendered(card)[0]).text.strip()


def test_quote_fronts_show_the_context(col: Any, tmp_path: Path) -> None:
    """Who-said-it and gap fronts show when or where the quote was said, as the worksheet does."""
    import_apkg(col, build(make_quiz(make_base()))["deck.apkg"], tmp_path)
    for name in (0, 1):
        fronts = [Html(rendered(card)[0]).text for card in all_cards(col)
                  if card.note_type()["name"] == "quizgen: Quote" and card.ord == name]
        gates = [front for front in fronts if "at the harbour gates" in front]
        assert len(gates) == 1, name
        assert "after the first round of talks" in " | ".join(fronts), name

def test_cards_show_the_right_answers(col: Any, tmp_path: Path) -> None:
    """Backs mark the correct option, pair quotes with speakers, and list events in time order."""
    import_apkg(col, build(make_quiz(make_base()))["deck.apkg"], tmp_path)
    backs = {}
    for card in all_cards(col):
        question, answer = rendered(card)
        name = card.note_type()["name"]
        name = "quizgen: Who said it" if name == "quizgen: Quote" and card.ord == 0 else name
        if (name, card.ord) in {("quizgen: Quote", 2), ("quizgen: Figure", 1)}:
            name = "quizgen: Multiple choice"  # a fact's multiple-choice card
        backs.setdefault(name, []).append((question, answer))
    who = next(a for q, a in backs["quizgen: Multiple choice"] if "competitive" in q)
    correct = who.split('class="qg-correct"', 1)[1].split("</li>", 1)[0]
    assert "Per Lind" in correct and who.count('class="qg-correct"') == 1
    ((front, pairs),) = backs["quizgen: Matching"]
    assert "Machines do not pay rent." in Html(front).text and "<table" not in front
    rows = [Html(row.split("</tr>")[0]).text for row in pairs.split("<tr>")[2:]]
    assert rows == [
        "1 Machines do not pay rent. B Ada Okafor",
        "2 Automation is the only way to stay competitive. A Per Lind",
    ]
    ((_, order),) = backs["quizgen: Ordering"]
    text_order = Html(order.split('class="qg-list qg-order"', 1)[1]).text
    assert text_order.index("voted") < text_order.index("walked out") < text_order.index("talks")
    assert "2 May 2024" in text_order
    figure = next(a for q, a in backs["quizgen: Figure"] if "cranes" in q)
    assert "37.5%" in Html(figure).text and "City Council" in Html(figure).text
    strikers = next(a for q, a in backs["quizgen: Figure"] if "strikers" in q)
    assert "about 1,200 dockers" in Html(strikers).text
    joint = next(a for q, a in backs["quizgen: Who said it"] if "Monday" in q)
    assert "Ada Okafor" in joint and "Per Lind" in joint


def test_bad_previous_manifest_is_a_located_error() -> None:
    """A corrupt manifest is refused with an error naming the manifest file."""
    for bad in (b"{not json", b'{"format": "other"}', b"\xff\xfe"):
        with pytest.raises(QuizgenError) as caught:
            build(make_quiz(make_base()), previous=bad)
        assert caught.value.problems[0].file == "deck.manifest.json"
    broken = json.loads(build(make_quiz(make_base()))["deck.manifest.json"])
    next(iter(broken["notes"].values()))["mod"] = "yesterday"
    with pytest.raises(QuizgenError, match="mod"):
        build(make_quiz(make_base()), previous=json.dumps(broken).encode())


def test_unknown_speaker_is_a_located_error() -> None:
    """A quote naming a person the fact base lacks is reported, not a KeyError."""
    base = make_base()
    ghost = dataclasses.replace(base.quotes[0], speakers=("ghost",))
    with pytest.raises(QuizgenError, match="ghost"):
        build(make_quiz(make_base(quotes=(ghost,))))


def test_stylesheet_covers_night_mode_and_phones() -> None:
    """The shared CSS has night-mode colours for both class names Anki uses and a phone layout."""
    css = read_template("anki", "style.css")
    for selector in (".nightMode", ".night_mode", "@media (max-width"):
        assert selector in css


def test_two_fact_bases_get_one_deck_each(col: Any, tmp_path: Path) -> None:
    """A quiz merging two fact bases makes one deck tree per base, even with equal titles."""
    one = make_base()
    two = make_base(id="harbour-strike-2")
    quiz = make_quiz(one)
    quiz = dataclasses.replace(quiz, bases=(one, two))
    log = import_apkg(col, build(quiz)["deck.apkg"], tmp_path)
    assert len(log.new) == EXPECTED_NOTES + (3 + 3 + 2)  # the second base: facts only
    roots = {d.name.split("::")[0] for d in col.decks.all_names_and_ids()}
    assert {"Harbour strike", "Harbour strike 2"} <= roots


def rich_base() -> FactBase:
    """The sample base with two more people, quotes and an event: enough for every generator."""
    base = make_base()
    extra_people = (
        Entity("berg", "Jo Berg", "mayor of the city", excerpt="Mayor Jo Berg"),
        Entity(
            "nilsen",
            "Kari Nilsen",
            "chief executive of the shipping line",
            excerpt="shipping chief Kari Nilsen",
        ),
    )
    extra_quotes = (
        Quote("berg-calm", "Everyone should keep calm.", ("berg",), excerpt="Berg urged calm"),
        Quote(
            "nilsen-delay",
            "Every day of strike costs us ships.",
            ("nilsen",),
            excerpt="Nilsen said every day cost ships",
        ),
    )
    deal = Event("deal", "A deal was signed", PartialDate(2024, 5, 20))
    # events of other years: the strike's own steps (all in May 2024) are one story's order
    earlier = (Event("nilsen-chief", "Kari Nilsen became head of the shipping line",
                     PartialDate(2015)),
               Event("berg-mayor", "Jo Berg was elected mayor", PartialDate(2019)))
    return make_base(
        entities=base.entities + extra_people,
        quotes=base.quotes + extra_quotes,
        events=(*base.events, deal, *earlier),
    )


def test_generated_questions_import_and_render(col: Any, tmp_path: Path) -> None:
    """Questions from the real generators become notes of the right types that render cleanly."""
    select = pytest.importorskip("quizgen.quiz.select")
    base = rich_base()
    quiz = select.build_quiz(base, seed=0, everything=True)
    kinds = {q.kind for q in quiz.questions}
    assert {"who-said-it", "quote-match", "event-order"} <= kinds
    log = import_apkg(col, build(quiz)["deck.apkg"], tmp_path)
    facts = len(base.quotes) + len(base.entities) + len(base.figures)
    assert len(log.new) == col.note_count() <= len(quiz.questions) + facts
    # every question is a note or a card of its fact's note; every quote also has its gap
    assert col.card_count() == len(quiz.questions) + facts + len(base.quotes)
    types = {card.note_type()["name"] for card in all_cards(col)}
    assert {"quizgen: Quote", "quizgen: Matching", "quizgen: Ordering"} <= types
    picks = [c for c in all_cards(col) if c.note_type()["name"] == "quizgen: Quote" and c.ord == 2]
    assert len(picks) == sum(q.kind == "who-said-it" for q in quiz.questions)
    for card in all_cards(col):
        for side in rendered(card):
            assert "{{" not in side and "template has a problem" not in side.lower()


def test_bundled_article_deck_imports(col: Any, tmp_path: Path) -> None:
    """The deck of the bundled article imports and every card renders cleanly."""
    from tests.conftest import ARTICLE

    if not ARTICLE.exists():
        pytest.skip("content/venezuela-post-election.yaml is not written yet")
    loader = pytest.importorskip("quizgen.factbase.loader")
    select = pytest.importorskip("quizgen.quiz.select")
    quiz = select.build_quiz((loader.load_factbase(ARTICLE),), seed=0, everything=True)
    files = build(quiz)
    log = import_apkg(col, files["deck.apkg"], tmp_path)
    assert len(log.new) == col.note_count() > len(quiz.questions)
    assert col.card_count() > col.note_count()
    for card in all_cards(col):
        for side in rendered(card):
            assert "{{" not in side and "template has a problem" not in side.lower()
    assert build(quiz) == files


def test_changed_stylesheet_updates_the_note_types(
    col: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new stylesheet moves only the note types' times, so re-importing restyles cards in Anki."""
    import quizgen.renderers.anki.deck as renderer

    quiz = make_quiz(make_base())
    first = build(quiz)
    import_apkg(col, first["deck.apkg"], tmp_path)
    original = renderer.read_template

    def restyled(*parts: str) -> str:
        extra = "\n.qg-restyled { color: red; }\n" if parts[-1] == "style.css" else ""
        return original(*parts) + extra

    monkeypatch.setattr(renderer, "read_template", restyled)
    second = build(quiz, timestamp=T1, previous=first["deck.manifest.json"])
    manifest = json.loads(second["deck.manifest.json"])
    assert {e["mod"] for e in manifest["models"].values()} == {T1}
    assert {e["mod"] for e in manifest["notes"].values()} == {T0}
    log = import_apkg(col, second["deck.apkg"], tmp_path, "restyled.apkg")
    assert (len(log.new), len(log.updated)) == (0, 0)
    for card in all_cards(col):
        assert ".qg-restyled" in card.note_type()["css"]


def test_title_option_nests_article_decks(col: Any, tmp_path: Path) -> None:
    """With --title, the article's deck tree sits under a deck of that title (`::` defused)."""
    quiz = make_quiz(make_base())
    options = RenderOptions(name="deck", timestamp=T0, title="Week 3 :: current affairs")
    import_apkg(col, render(quiz, options=options)["deck.apkg"], tmp_path)
    names = {d.name for d in col.decks.all_names_and_ids()}
    root = "Week 3 : current affairs::Harbour strike"
    assert f"{root}::6 Matching" in names and "Week 3 : current affairs" in names


def test_bytes_do_not_depend_on_hash_seed() -> None:
    """Two interpreters with different PYTHONHASHSEED build the very same .apkg."""
    import hashlib
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    script = (
        "import hashlib; from tests.test_anki import build, make_quiz, make_base; "
        "print(hashlib.sha256(build(make_quiz(make_base()))['deck.apkg']).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    digests.add(hashlib.sha256(build(make_quiz(make_base()))["deck.apkg"]).hexdigest())
    assert len(digests) == 1


def test_a_mere_source_of_figures_gets_no_role_card(article_base: FactBase) -> None:
    """"The article", which only gives figures, gets no person → role card; Maduro does."""
    from quizgen.renderers.anki.facts import fact_notes

    role_cards = {fact for fact, note_type, _, _ in fact_notes(article_base)
                  if note_type.key == "person-role"}
    assert "maduro" in role_cards
    assert "article" not in role_cards
    assert "article" in {e.id for e in article_base.entities}


def test_terms_and_places_get_one_note_with_a_card_each_way(col: Any, tmp_path: Path) -> None:
    """A term and a place each become one note with two sibling cards (term → meaning and
    back), in "2 Terms and places"."""
    from quizgen.factbase.model import Place, Term

    base = make_base(
        terms=(Term("quay", "the quay", "the stone platform where ships load",
                    excerpt="the quay, the stone platform where ships load"),),
        places=(Place("gate4", "Gate 4", "the harbour entrance held by the strikers"),),
    )
    import_apkg(col, build(make_quiz(base))["deck.apkg"], tmp_path)
    notes = [col.get_note(n) for n in col.find_notes('"note:quizgen: Term"')]
    assert sorted(n.fields[0] for n in notes) == ["Gate 4", "the quay"]
    for note in notes:
        cards = note.cards()
        assert [c.ord for c in cards] == [0, 1]
        assert {col.decks.name(c.did) for c in cards} == {f"{ROOT}::2 Terms and places"}
        front, back = (Html(rendered(cards[1])[0]).text, Html(rendered(cards[1])[1]).text)
        assert note.fields[1] in front and note.fields[0] in back
    assert col.find_notes("tag:quizgen::kind::term")


def test_reading_kinds_import_and_render(col: Any, tmp_path: Path) -> None:
    """True/false, evidence and gap-fill items of the bundled article import and render: a
    statement's back says True or False, a gap-fill card hides its word on the front only."""
    from tests.conftest import ARTICLE

    loader = pytest.importorskip("quizgen.factbase.loader")
    select = pytest.importorskip("quizgen.quiz.select")
    quiz = select.build_quiz((loader.load_factbase(ARTICLE),), seed=1, everything=True,
                             kinds=["true-false", "evidence", "gap-fill"])
    assert {q.kind for q in quiz.questions} == {"true-false", "evidence", "gap-fill"}
    import_apkg(col, build(quiz)["deck.apkg"], tmp_path)
    seen: dict[str, int] = {}
    for card in all_cards(col):
        front, back = rendered(card)
        assert "{{" not in front + back and "template has a problem" not in (front + back).lower()
        tags = " ".join(card.note().tags)
        for kind in ("true-false", "evidence", "gap-fill"):
            if f"quizgen::kind::{kind}" in tags:
                seen[kind] = seen.get(kind, 0) + 1
                if kind == "true-false":
                    assert "True" in Html(back).text or "False" in Html(back).text
    assert set(seen) == {"true-false", "evidence", "gap-fill"}, seen
