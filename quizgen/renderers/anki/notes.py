"""Every note and deck of a quiz: quiz items as notes, deck names, tags and GUIDs."""

from __future__ import annotations

import hashlib
import re

import genanki

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.model import Event, FactBase, Quote
from quizgen.quiz.questions import (
    EventRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    SpeakerOf,
    assert_never,
    shape_problem,
)
from quizgen.renderers.anki import text as t
from quizgen.renderers.anki.facts import attributed, fact_notes, noted_facts, source_line
from quizgen.renderers.anki.note_types import NOTE_TYPES, TYPES, DeckSpec, NoteSpec, NoteType

TAG_ROOT = "quizgen"  # every tag is quizgen::<facet>::<slug>: kind, topic, article, build


def tag(value: str) -> str:
    """A tag part without spaces or `::`: lower case, runs of other characters turned into '-'."""
    return re.sub(r"[^\w-]+", "-", value.casefold()).strip("-_")


def _tags(kind: str, article: str, topics: tuple[str, ...]) -> tuple[str, ...]:
    """The note's tags in one scheme: quizgen::kind::…, quizgen::article::…, quizgen::topic::…"""
    found = {f"{TAG_ROOT}::kind::{tag(kind)}", f"{TAG_ROOT}::article::{tag(article)}"}
    found |= {f"{TAG_ROOT}::topic::{slug}" for slug in map(tag, topics) if slug}
    return tuple(sorted(found))


def build_tag(guids: list[str]) -> str:
    """quizgen::build::<hash of the notes in the deck>: the same for every note of one deck, new
    whenever a note comes or goes, so notes Anki keeps from older decks lack it."""
    digest = hashlib.sha256("\n".join(sorted(guids)).encode("utf-8")).hexdigest()[:10]
    return f"{TAG_ROOT}::build::{digest}"


def short_name(base: FactBase) -> str:
    """A short deck name from the fact base's id ("Venezuela post election")."""
    return t.article_name(base.id)


def _deck_part(value: str) -> str:
    """A deck name component: one line, no `::` (which would nest), never empty."""
    return t.plain(value).replace("::", ":").strip(": ")


def base_decks(quiz: Quiz, *, title: str | None) -> dict[str, str]:
    """The deck name of every fact base: short, from its id (the headline goes in the deck's
    description), under `title` when one is given."""
    names = {base.id: _deck_part(short_name(base)) or base.id for base in quiz.bases}
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


def _quotes_by_excerpt(base: FactBase) -> dict[str, Quote]:
    """The quotes by their excerpt (the last of a repeated one), made once per fact base."""
    return {qt.excerpt: qt for qt in base.quotes if qt.excerpt}


def _explanation(q: Question, base: FactBase) -> str:
    """The question's excerpts; an excerpt of a quote is followed by its speaker when it does not
    name them."""
    quotes = base.index(_quotes_by_excerpt)
    parts = []
    for excerpt in q.explanation:
        quote = quotes.get(excerpt)
        parts.append(attributed(excerpt, base, quote.speakers) if quote else t.excerpts([excerpt]))
    return "".join(parts)


def _multiple_choice(q: MultipleChoice, base: FactBase, source: str) -> tuple[str, ...]:
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
        t.text(t.typographic(q.prompt)),
        t.item_list(shown, css="qg-options"),
        t.item_list(marked, css="qg-options qg-marked"),
        answer,
        _explanation(q, base),
        source,
    )


def _cell(label: str, value: str) -> str:
    chip = f'<span class="qg-chip">{label}</span>'
    return f'<td><div class="qg-cell">{chip}<span class="qg-body">{t.text(value)}</span></div></td>'


def _matching(q: Matching, base: FactBase, source: str) -> tuple[str, ...]:
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
        t.item_list(left, css="qg-quotes"),
        t.text(t.typographic(q.prompt)),
        t.item_list(right, css="qg-options"),
        table,
        _explanation(q, base),
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
        t.item_list(shown, css="qg-options"),
        t.text(t.typographic(q.prompt)),
        t.item_list(order, css="qg-order"),
        _explanation(q, base),
        source,
    )


def _gap_fill(q: GapFill, base: FactBase, source: str) -> tuple[str, ...]:
    """One cloze note per passage: each gap a {{cN::word}} (one card per gap, the other words
    shown), the box of words on every card."""
    if shape_problem(q) is not None:
        raise _bad_answer(q, repr(q.answer))
    parts = [t.text(q.passage[0])]
    for n, key in enumerate(q.answer, start=1):
        word = t.text(q.bank[key].text).replace(":", "&#58;")  # "::" would start a hint
        parts += [f"{{{{c{n}::{word}}}}}", t.text(q.passage[n])]
    bank = '<ul class="qg-bank">' + "".join(f"<li>{t.text(o.text)}</li>" for o in q.bank) + "</ul>"
    return (
        "".join(parts),
        "Which word from the box fills the gap?",
        bank,
        _explanation(q, base),
        source,
    )


def _question_fields(q: Question, base: FactBase, source: str) -> tuple[NoteType, tuple[str, ...]]:
    match q:
        case MultipleChoice():
            return TYPES["multiple-choice"], _multiple_choice(q, base, source)
        case Matching():
            return TYPES["matching"], _matching(q, base, source)
        case Ordering():
            return TYPES["ordering"], _ordering(q, base, source)
        case GapFill():
            return TYPES["gap-fill"], _gap_fill(q, base, source)
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
        choices, attached, kinds = _choices(quiz, base, source)
        for q in quiz.questions:
            if q.factbase == base.id and q.id not in attached:
                note_type, fields = _question_fields(q, base, source)
                tags = _tags(q.kind, base.id, q.tags)
                add(
                    ("question", base.id, q.id),
                    f"{q.kind} {base.id}/{q.id}",
                    base,
                    note_type,
                    fields,
                    tags,
                )
        for fact_id, note_type, fields, topic in fact_notes(base, choices=choices):
            tags = _tags(note_type.kind or note_type.key, base.id, topic)
            tags = tuple(sorted({*tags, *(f"{TAG_ROOT}::kind::{tag(k)}"
                                          for k in kinds.get(fact_id, ()))}))
            add(
                (note_type.key, base.id, fact_id),
                f"{note_type.key} {base.id}/{fact_id}",
                base,
                note_type,
                fields,
                tags,
            )

    stamp = build_tag(list(notes))
    notes = {guid: note._replace(tags=(*note.tags, stamp)) for guid, note in notes.items()}
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


def _choices(quiz: Quiz, base: FactBase, source: str) -> tuple[
        dict[tuple[str, str], tuple[str, ...]], set[str], dict[str, set[str]]]:
    """Quiz items asking one fact of this base, as choice cards of that fact's note.

    Who said a quote (when the quote has its note) goes to the quote's "Pick" card; what a
    figure was, or whose it was, to the figure's "Value" or "Holder" card. Returns the cards'
    fields by (fact id, slot), the ids of the questions so placed, and their kinds by fact.
    """
    from quizgen.quiz.leaks import asked

    noted = noted_facts(base)
    choices: dict[tuple[str, str], tuple[str, ...]] = {}
    attached: set[str] = set()
    kinds: dict[str, set[str]] = {}
    for q in quiz.questions:
        if q.factbase != base.id or not isinstance(q, MultipleChoice):
            continue
        if isinstance(q.ask, SpeakerOf):
            facts, slot = {q.ask.quote}, "Pick"
        elif isinstance(q.ask, (FigureValue, FigureGiven)):
            facts, slot = set(asked(q, base)), "Value"
        elif isinstance(q.ask, FigureHolder):
            facts, slot = set(asked(q, base)), "Holder"
        else:
            continue
        if len(facts) != 1 or (fact_id := next(iter(facts))) not in noted:
            continue
        if (fact_id, slot) in choices:
            continue
        prompt, options, marked, answer, _, _ = _multiple_choice(q, base, source)
        choices[(fact_id, slot)] = (prompt, options, marked, answer)
        attached.add(q.id)
        kinds.setdefault(fact_id, set()).add(q.kind)
    return choices, attached, kinds


def _description(base: FactBase) -> str:
    """The headline, what the article is about, the source and the study order of the decks."""
    about = t.text(base.source.about)
    headline = t.text(base.source.title)
    return (f"<p><b>{headline}</b></p><p>{about}</p><p>Source: {source_line(base)}</p>"
            "<p>Study the subdecks in their order: who’s who first, then quotes and figures,"
            " then the quiz questions. Made with quizgen.</p>")
