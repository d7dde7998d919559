"""Fact flashcards: quote → speaker and its gap, person → role, figure → value, term ⇄ meaning."""

from __future__ import annotations

import re

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.model import Entity, FactBase, Figure, Quote, Span
from quizgen.factbase.numbers import format_figure
from quizgen.renderers.anki import text as t
from quizgen.renderers.anki.note_types import TYPES, NoteType

FactNote = tuple[
    str, NoteType, tuple[str, ...], tuple[str, ...]
]  # fact id, type, fields, topic tags
Choices = dict[tuple[str, str], tuple[str, ...]]  # (fact id, slot) -> the 4 fields of a choice card
NO_CHOICE = ("", "", "", "")


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


def names_in(base: FactBase, entity_ids: tuple[str, ...]) -> list[str]:
    """Every name and alias of the entities."""
    found = []
    for entity_id in entity_ids:
        fact = base.by_id.get(entity_id)
        if isinstance(fact, Entity):
            found += [fact.name, *fact.aliases]
    return found


def attributed(excerpt: str, base: FactBase, speakers: tuple[str, ...]) -> str:
    """The excerpt as HTML, followed by “— Name” when it does not name the speaker itself."""
    names = names_in(base, speakers)
    shown = t.excerpts([excerpt])
    if any(name.casefold() in excerpt.casefold() for name in names if name.strip()):
        return shown
    who = t.join_names([t.text(e.name) for s in speakers
                        if isinstance(e := base.by_id.get(s), Entity)])
    return shown + (f'<div class="qg-attribution">{who}</div>' if who else "")


def _quote_fields(base: FactBase, quote: Quote, index: int, source: str,
                  choices: Choices) -> tuple[str, ...]:
    """One note per quote: who said it, and (when the quote is long enough) its gap card."""
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
    excerpt = "" if repeats or not quote.excerpt.strip() else attributed(
        quote.excerpt, base, quote.speakers)
    made = t.gap(quote.text, quote.key_phrase)
    gap, missing = made if made is not None else ("", "")
    return (
        t.text(quote.text),
        f'<ul class="qg-people">{with_roles}</ul>',
        context,
        excerpt,
        source,
        gap,
        missing,
        names,
        *choices.get((quote.id, "Pick"), NO_CHOICE),
    )


def _entity_fields(base: FactBase, entity: Entity, source: str) -> tuple[str, ...]:
    # the first field, shown on no card: the name and its article, so that "the government"
    # of two articles are two notes to Anki's duplicate check
    name = f"{t.text(entity.name)} · {t.text(t.article_name(base.id))}"
    prompt = t.text(who_is(entity))
    aliases = ", ".join(t.text(alias) for alias in entity.aliases)
    excerpt = t.excerpts([entity.excerpt] if entity.excerpt.strip() else [])
    return (name, prompt, t.text(entity.role), aliases, excerpt, source)


def _figure_fields(base: FactBase, figure: Figure, index: int, source: str,
                   choices: Choices) -> tuple[str, ...]:
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
    fact = t.text(figure.measure) + (f" · {subject}" if subject else "") + (
        f" · according to {given_by}" if given_by else "") + (
        f" · {t.text(t.article_name(base.id))}")  # shown on no card: sets articles apart
    return (fact, t.text(figure.measure), subject, given_by, t.text(value), excerpt, source,
            *choices.get((figure.id, "Value"), NO_CHOICE),
            *choices.get((figure.id, "Holder"), NO_CHOICE))


def fact_notes(base: FactBase, *, choices: Choices | None = None) -> list[FactNote]:
    """(fact id, note type, fields, topic tags) for every fact flashcard of a fact base.

    `choices` holds quiz items that ask one fact (who said this quote, what was this figure,
    whose was it): they become cards of that fact's note, so Anki buries them as siblings.
    """
    choices = choices or {}
    source = source_line(base)
    notes: list[FactNote] = []
    for index, quote in enumerate(base.quotes):
        if not _quote_noted(quote):
            continue
        fields = _quote_fields(base, quote, index, source, choices)
        notes.append((quote.id, TYPES["quote-speaker"], fields, quote.tags))
    for entity in base.entities:
        if _entity_noted(base, entity):
            notes.append(
                (entity.id, TYPES["person-role"], _entity_fields(base, entity, source), entity.tags)
            )
    for index, figure in enumerate(base.figures):
        fields = _figure_fields(base, figure, index, source, choices)
        notes.append((figure.id, TYPES["figure-value"], fields, figure.tags))
    for term in base.terms:  # both ways, as siblings: learning one direction buries the other
        notes.append((term.id, TYPES["term"],
                      _term_fields(term.term, term.meaning, term.aliases, term.excerpt, source),
                      term.tags))
    for place in base.places:
        notes.append((place.id, TYPES["term"],
                      _term_fields(place.name, place.description, place.aliases, place.excerpt,
                                   source), place.tags))
    return notes


def noted_facts(base: FactBase) -> set[str]:
    """The ids of the facts fact_notes makes a note of, without making their fields (the deck
    asks which facts have a note before it makes the notes)."""
    return {*(quote.id for quote in base.quotes if _quote_noted(quote)),
            *(entity.id for entity in base.entities if _entity_noted(base, entity)),
            *(figure.id for figure in base.figures), *(term.id for term in base.terms),
            *(place.id for place in base.places)}


def _quote_noted(quote: Quote) -> bool:
    """"clearly", "massive fraud": no one can attribute a scare-quoted word."""
    return t.worth_asking(quote.text) and quote.distinctive


def _entity_noted(base: FactBase, entity: Entity) -> bool:
    """A person or body with a role to learn: a mere source of figures (the article itself,
    say) is not something to learn, nor a role that only says the name again."""
    return bool(entity.role.strip()) and entity.id not in base.sources_only \
        and not circular(entity)


def _term_fields(name: str, meaning: str, aliases: tuple[str, ...], excerpt: str,
                 source: str) -> tuple[str, ...]:
    shown = t.excerpts([excerpt] if excerpt.strip() else [])
    also = ", ".join(t.text(alias) for alias in aliases)
    return (t.text(name), t.text(meaning), also, shown, source)


def circular(entity: Entity) -> bool:
    """Whether a who's-who card would answer itself: a common noun for a name whose role says it
    again ("What is the government?" "Calderia's government, which …"; "the police": "police in
    Marenzo …"). A name with a capital letter, or a role in other words, teaches something."""
    name = entity.name.replace("’", "'")
    if any(ch.isupper() for ch in name):
        return False
    words = re.findall(r"[^\W\d_]+", name.casefold())
    role = set(re.findall(r"[^\W\d_]+", entity.role.replace("’", "'").casefold()))
    return bool(words) and words[-1] in role


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
