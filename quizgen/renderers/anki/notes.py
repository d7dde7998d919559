"""Every note and deck of a quiz: quiz items as notes, deck names, tags and GUIDs."""

from __future__ import annotations

import re

import genanki

from quizgen.errors import Problem, QuizgenError
from quizgen.model import Event, FactBase
from quizgen.questions import (
    EventRef,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    assert_never,
)
from quizgen.renderers.anki import text as t
from quizgen.renderers.anki.facts import fact_notes, source_line
from quizgen.renderers.anki.note_types import NOTE_TYPES, TYPES, DeckSpec, NoteSpec, NoteType


def tag(value: str) -> str:
    """A tag without spaces or `::`: lower case, runs of other characters turned into '-'."""
    return re.sub(r"[^\w-]+", "-", value.casefold()).strip("-_")


def _tags(*values: str) -> tuple[str, ...]:
    return tuple(sorted({slug for slug in (tag(value) for value in values) if slug}))


def _deck_part(value: str) -> str:
    """A deck name component: one line, no `::` (which would nest), never empty."""
    return t.plain(value).replace("::", ":").strip(": ")


def base_decks(quiz: Quiz, *, title: str | None) -> dict[str, str]:
    """The deck name of every fact base: its source title, under `title` when one is given."""
    names = {base.id: _deck_part(base.source.title) or base.id for base in quiz.bases}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    prefix = f"{_deck_part(title)}::" if title and _deck_part(title) else ""
    return {
        base_id: prefix + (f"{name} ({base_id})" if counts[name.casefold()] > 1 else name)
        for base_id, name in names.items()
    }


def _bad_answer(question: Question, found: str) -> QuizgenError:
    return QuizgenError(
        Problem(
            "question cannot be made into an Anki note",
            field=f"question {question.id}.answer",
            found=found,
            expected="answer indices that point at the question's options",
        )
    )


# ---- Quiz items --------------------------------------------------------------------------------


def _multiple_choice(q: MultipleChoice, source: str) -> tuple[str, ...]:
    if not 0 <= q.answer < len(q.options):
        raise _bad_answer(q, repr(q.answer))
    shown = [t.item(t.letter(i), t.text(o.text)) for i, o in enumerate(q.options)]
    marked = [
        t.item(
            t.letter(i),
            t.text(o.text),
            css="qg-correct" if i == q.answer else "qg-other",
            mark="✓" if i == q.answer else "",
        )
        for i, o in enumerate(q.options)
    ]
    answer = f"{t.letter(q.answer)} · {t.text(q.options[q.answer].text)}"
    return (
        t.text(q.prompt),
        t.item_list(shown, css="qg-options"),
        t.item_list(marked, css="qg-options qg-marked"),
        answer,
        t.excerpts(q.explanation),
        source,
    )


def _cell(label: str, value: str) -> str:
    chip = f'<span class="qg-chip">{label}</span>'
    return f'<td><div class="qg-cell">{chip}<span class="qg-body">{t.text(value)}</span></div></td>'


def _matching(q: Matching, source: str) -> tuple[str, ...]:
    pairs = dict(q.answer)
    if (
        len(q.answer) != len(q.left)
        or sorted(pairs) != list(range(len(q.left)))
        or any(not 0 <= right < len(q.right) for right in pairs.values())
    ):
        raise _bad_answer(q, repr(q.answer))
    left = [t.item(str(i + 1), t.text(o.text)) for i, o in enumerate(q.left)]
    right = [t.item(t.letter(i), t.text(o.text)) for i, o in enumerate(q.right)]
    rows = "".join(
        f"<tr>{_cell(str(i + 1), q.left[i].text)}"
        f"{_cell(t.letter(pairs[i]), q.right[pairs[i]].text)}</tr>"
        for i in range(len(q.left))
    )
    table = (
        '<table class="qg-pairs"><thead><tr><th>Quote</th><th>Said by</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    return (
        t.text(q.prompt),
        t.item_list(left, css="qg-quotes"),
        t.item_list(right, css="qg-options"),
        table,
        t.excerpts(q.explanation),
        source,
    )


def _ordering(q: Ordering, base: FactBase, source: str) -> tuple[str, ...]:
    if sorted(q.answer) != list(range(len(q.items))):
        raise _bad_answer(q, repr(q.answer))
    shown = [t.item(t.letter(i), t.text(o.text)) for i, o in enumerate(q.items)]
    order = []
    for rank, index in enumerate(q.answer):
        claim = q.items[index].claim
        event = base.by_id.get(claim.event) if isinstance(claim, EventRef) else None
        when = (
            f'<span class="qg-date">{t.text(t.date(event.date))}</span>'
            if isinstance(event, Event) and event.date is not None
            else ""
        )
        body = f"{t.text(q.items[index].text)}{when}"
        order.append(t.item(str(rank + 1), body, ref=t.letter(index)))
    return (
        t.text(q.prompt),
        t.item_list(shown, css="qg-options"),
        t.item_list(order, css="qg-order"),
        t.excerpts(q.explanation),
        source,
    )


def _question_fields(q: Question, base: FactBase, source: str) -> tuple[NoteType, tuple[str, ...]]:
    match q:
        case MultipleChoice():
            return TYPES["multiple-choice"], _multiple_choice(q, source)
        case Matching():
            return TYPES["matching"], _matching(q, source)
        case Ordering():
            return TYPES["ordering"], _ordering(q, base, source)
        case _:
            assert_never(q)


# ---- The whole quiz ----------------------------------------------------------------------------


def build_notes(
    quiz: Quiz, *, title: str | None = None
) -> tuple[tuple[DeckSpec, ...], tuple[NoteSpec, ...]]:
    """Every deck and note of the quiz: its items, then flashcards of every fact of every base."""
    roots = base_decks(quiz, title=title)
    known = {base.id for base in quiz.bases}
    for question in quiz.questions:
        if question.factbase not in known:
            raise QuizgenError(
                Problem(
                    "question drawn from a fact base that is not in the quiz",
                    field=f"question {question.id}.factbase",
                    found=repr(question.factbase),
                    expected="one of: " + ", ".join(sorted(known)),
                )
            )
    notes: dict[str, NoteSpec] = {}

    def add(
        guid_parts: tuple[str, ...],
        label: str,
        base: FactBase,
        note_type: NoteType,
        fields: tuple[str, ...],
        tags: tuple[str, ...],
    ) -> None:
        guid = genanki.guid_for("quizgen", *guid_parts)
        if guid not in notes:  # the same question or fact twice is the same note
            deck = f"{roots[base.id]}::{note_type.deck}"
            notes[guid] = NoteSpec(guid, label, note_type, deck, fields, tags)

    for base in quiz.bases:
        source = source_line(base)
        for q in quiz.questions:
            if q.factbase == base.id:
                note_type, fields = _question_fields(q, base, source)
                tags = _tags("quizgen", note_type.key, q.kind, base.id, *q.tags)
                add(
                    ("question", base.id, q.id),
                    f"{q.kind} {base.id}/{q.id}",
                    base,
                    note_type,
                    fields,
                    tags,
                )
        for fact_id, note_type, fields, topic in fact_notes(base):
            tags = _tags("quizgen", note_type.key, base.id, *topic)
            add(
                (note_type.key, base.id, fact_id),
                f"{note_type.key} {base.id}/{fact_id}",
                base,
                note_type,
                fields,
                tags,
            )

    used = {note.deck for note in notes.values()}
    decks: list[DeckSpec] = []
    if title and _deck_part(title) and used:
        decks.append(DeckSpec(_deck_part(title)))
    for base in quiz.bases:
        subs = [f"{roots[base.id]}::{nt.deck}" for nt in NOTE_TYPES]
        if any(sub in used for sub in subs):
            decks.append(DeckSpec(roots[base.id], _description(base)))
            decks += [DeckSpec(sub) for sub in subs if sub in used]
    return tuple(decks), tuple(notes.values())


def _description(base: FactBase) -> str:
    about = t.text(base.source.about)
    return f"<p>{about}</p><p>Source: {source_line(base)}</p><p>Made with quizgen.</p>"
