"""Fact flashcards from a fact base: quote → speaker, cloze, person → role, figure → value."""

from __future__ import annotations

from quizgen.errors import Problem, QuizgenError
from quizgen.generators.term_meaning import what_is
from quizgen.model import Entity, FactBase, Figure, Quote, Span, Term
from quizgen.numbers import format_figure
from quizgen.renderers import anki_text as t
from quizgen.renderers.anki_types import TYPES, NoteType

FactNote = tuple[
    str, NoteType, tuple[str, ...], tuple[str, ...]
]  # fact id, type, fields, topic tags


def source_line(base: FactBase) -> str:
    parts = [f'<span class="qg-title">{t.text(base.source.title)}</span>']
    parts += [t.text(part) for part in (base.source.outlet, base.source.published) if part]
    return " · ".join(parts)


def entity(base: FactBase, entity_id: str, *, field: str, span: Span | None) -> Entity:
    fact = base.by_id.get(entity_id)
    if isinstance(fact, Entity):
        return fact
    raise QuizgenError(
        Problem(
            "unknown person id",
            file=span.file if span else base.path,
            line=span.line if span else None,
            column=span.column if span else None,
            field=field,
            found=repr(entity_id),
            expected="the id of an entry under people",
        )
    )


def _speakers(base: FactBase, quote: Quote, index: int) -> list[Entity]:
    return [
        entity(base, who, field=f"quotes[{index}].speakers", span=quote.span)
        for who in quote.speakers
    ]


def _quote_notes(
    base: FactBase, quote: Quote, index: int, source: str
) -> list[tuple[NoteType, tuple[str, ...]]]:
    speakers = _speakers(base, quote, index)
    with_roles = "".join(
        f'<li><span class="qg-name">{t.text(e.name)}</span>'
        + (f'<span class="qg-role">{t.text(e.role)}</span>' if e.role.strip() else "")
        + "</li>"
        for e in speakers
    )
    names = t.join_names([t.text(e.name) for e in speakers])
    context = t.text(quote.context)
    repeats = t.plain(quote.excerpt).strip("“”\"' ") == t.plain(quote.text).strip("“”\"' ")
    excerpt = t.excerpts([] if repeats or not quote.excerpt.strip() else [quote.excerpt])
    return [
        (
            TYPES["quote-speaker"],
            (
                t.text(quote.text),
                f'<ul class="qg-people">{with_roles}</ul>',
                context,
                excerpt,
                source,
            ),
        ),
        (TYPES["quote-cloze"], (t.cloze(quote.text, quote.key_phrase), names, context, source)),
    ]


def _entity_fields(entity: Entity, source: str) -> tuple[str, ...]:
    name = t.text(entity.name)
    prompt = t.text(who_is(entity))
    aliases = ", ".join(t.text(alias) for alias in entity.aliases)
    excerpt = t.excerpts([entity.excerpt] if entity.excerpt.strip() else [])
    return (name, prompt, t.text(entity.role), aliases, excerpt, source)


def _figure_fields(base: FactBase, figure: Figure, index: int, source: str) -> tuple[str, ...]:
    subject = (
        t.text(
            entity(base, figure.subject, field=f"figures[{index}].subject", span=figure.span).name
        )
        if figure.subject
        else ""
    )
    given_by = t.join_names(
        [
            t.text(entity(base, who, field=f"figures[{index}].given_by", span=figure.span).name)
            for who in figure.given_by
        ]
    )
    value = format_figure(figure)
    excerpt = t.excerpts([figure.excerpt] if figure.excerpt.strip() else [])
    return (t.text(figure.measure), subject, given_by, t.text(value), excerpt, source)


def who_is(entity: Entity) -> str:
    """'Who is Luis Almagro?', 'What is the European Union?', 'Who are the NGOs?' (a group or a
    plural-looking organisation), 'What is the G7?'."""
    name = " ".join(entity.name.split())
    if entity.kind == "person":
        return f"Who is {name}?"
    head = []
    for word in name.split():
        if word.casefold() in ("of", "in", "for", "from", "on", "at", "to", "with", "against"):
            break
        head.append(word)
    last = head[-1] if head else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 2
    if entity.kind in ("group", "organisation") and plural:
        first = name.split()[0].casefold() if name.split() else ""
        lead = "" if first in ("the", "a", "an") or (name[:1].isupper() and " " in name) else "the "
        return f"Who are {lead}{name}?"
    return f"What is {name}?"


def _term_notes(term: Term, source: str) -> list[tuple[str, tuple[str, ...]]]:
    """A term both ways: 'What is Matariki?' → its meaning; its meaning → the term."""
    aliases = ", ".join(t.text(alias) for alias in term.aliases)
    excerpt = t.excerpts([term.excerpt] if term.excerpt.strip() else [])
    meaning = " ".join(term.meaning.split()).rstrip(".")
    forward = (t.text(what_is(term)), t.text(meaning), aliases, excerpt, source)
    reverse = (t.text(f"Which term means {meaning}?"), t.text(" ".join(term.term.split())),
               aliases, excerpt, source)  # fmt: skip
    return [(term.id, forward), (f"{term.id}:reverse", reverse)]


def fact_notes(base: FactBase) -> list[FactNote]:
    """(fact id, note type, fields, topic tags) for every fact flashcard of a fact base."""
    source = source_line(base)
    notes: list[FactNote] = []
    for index, quote in enumerate(base.quotes):
        for note_type, fields in _quote_notes(base, quote, index, source):
            notes.append((quote.id, note_type, fields, quote.tags))
    for entity in base.entities:
        # a mere source of figures (the article itself, say) is not something to learn
        if entity.role.strip() and entity.id not in base.sources_only:
            notes.append(
                (entity.id, TYPES["person-role"], _entity_fields(entity, source), entity.tags)
            )
    for index, figure in enumerate(base.figures):
        fields = _figure_fields(base, figure, index, source)
        notes.append((figure.id, TYPES["figure-value"], fields, figure.tags))
    for term in base.terms:
        if term.term.strip() and term.meaning.strip():
            for note_id, fields in _term_notes(term, source):
                notes.append((note_id, TYPES["term"], fields, term.tags))
    return notes
