"""The oracle's rules for multiple choice whose options name things: speakers, claimants, holders,
terms and places. Written independently of the generators; shares no code with them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.factbase.model import Entity, FactBase, Quote, ReportedClaim, Term
from quizgen.oracle.figure_truth import Truth, holder_truth
from quizgen.oracle.links import (
    agreeing_voices,
    same_entities,
    same_terms,
    voices_of,
)
from quizgen.oracle.read import collapse, contains_words, entities_named, mentions, names_of
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    MultipleChoice,
    RoleRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
    TermRef,
)

_ARTICLES = ("a", "an", "the")
MIN_QUOTE_WORDS = 3  # a shorter fragment ("clearly", "16 murders") is not a quote to attribute


def quote_words(text: str) -> int:
    """How many words a quote has, punctuation not counted."""
    return len([w for w in re.split(r"\s+", text) if re.search(r"\w", w)])


def equivalents(base: FactBase, entity_ids: frozenset[str]) -> frozenset[str]:
    """The entities, those they speak for (transitively) and those who speak for them: a
    spokesman's words are his organisation's, so both are correct; an entry that is one of them
    under another name (same_as) counts as it, with its own. Worked out once per base and set
    of entities (every question about a quote asks again)."""
    kept = base.index(_read_memo)
    if entity_ids not in kept:
        kept[entity_ids] = _equivalents(base, entity_ids)
    return kept[entity_ids]


def _read_memo(base: FactBase) -> dict[object, frozenset[str]]:
    """Equivalents by set of entities and speakers by quote id, each read once per base."""
    del base
    return {}


def _equivalents(base: FactBase, entity_ids: frozenset[str]) -> frozenset[str]:
    entity_ids = same_entities(base, entity_ids)
    up = {e.id: e.speaks_for for e in base.entities}

    def chain(start: str) -> list[str]:
        found = [start]
        while (nxt := up.get(found[-1])) is not None and nxt not in found:
            found.append(nxt)
        return found

    result = {c for entity_id in entity_ids for c in chain(entity_id)}
    result |= {e.id for e in base.entities if entity_ids & set(chain(e.id))}
    return same_entities(base, result)


def speakers_of(base: FactBase, quote_id: str) -> frozenset[str]:
    """Everyone who said the text of quote `quote_id`, counting every quote with the same text
    and every claim that agrees with one of them (agrees_with: "this was also the conclusion of
    the agency" makes the agency a right answer too)."""
    kept, key = base.index(_read_memo), ("said", quote_id)
    if key not in kept:
        kept[key] = _speakers_of(base, quote_id)
    return kept[key]


def _speakers_of(base: FactBase, quote_id: str) -> frozenset[str]:
    quote = base.by_id.get(quote_id)
    if not isinstance(quote, Quote):
        return frozenset()
    text = collapse(quote.text)
    same = [q for q in base.quotes if collapse(q.text) == text]
    return frozenset(s for q in same for s in q.speakers) | voices_of(base, [q.id for q in same])


def askable_quote(quote: Quote) -> str | None:
    """Why a quote may not be asked about (who said it, match it), or None."""
    if not quote.distinctive:
        return f"quote {quote.id!r} is marked distinctive: false"
    words = quote_words(quote.text)
    if words < MIN_QUOTE_WORDS:
        return (
            f"quote {quote.id!r} has {words} word(s); a quote asked about needs {MIN_QUOTE_WORDS}"
        )
    return None


def quote_targets(base: FactBase, quote: Quote) -> frozenset[str]:
    """Entities a quote is about (named in its words or its context, or listed in `about`, with
    their speaks_for equivalents), who never said it."""
    said = speakers_of(base, quote.id)
    text = f"{quote.text} {quote.context}"
    kept = base.index(_named_memo)  # a quote's words are read for names once per base
    key = (text, said)
    if key not in kept:
        kept[key] = frozenset(e.id for e in base.entities
                              if e.id not in said and mentions(text, names_of(e)))
    return kept[key] | equivalents(base, frozenset(quote.about))


def _named_memo(base: FactBase) -> dict[tuple[str, frozenset[str]], frozenset[str]]:
    del base
    return {}


def _entity_options(
    q: MultipleChoice, base: FactBase, problems: list[str]
) -> list[tuple[Entity | None, frozenset[str]]]:
    """Each option's entity and every entity its text names (an alias may name another)."""
    found: list[tuple[Entity | None, frozenset[str]]] = []
    for i, option in enumerate(q.options):
        if not isinstance(option.claim, EntityRef):
            problems.append(
                f"options[{i}]: claim is {type(option.claim).__name__}, expected EntityRef"
            )
            found.append((None, frozenset()))
            continue
        entity = base.by_id.get(option.claim.entity)
        if not isinstance(entity, Entity):
            problems.append(f"options[{i}]: no entity {option.claim.entity!r} in the fact base")
            found.append((None, frozenset()))
            continue
        named = entities_named(base, option.text)
        if entity.id not in named:
            problems.append(f"options[{i}]: text {option.text!r} is not a name of {entity.id!r}")
        found.append((entity, named | {entity.id}))
    return found


def entity_truth(q: MultipleChoice, base: FactBase, problems: list[str]) -> list[Truth]:
    """Truth of each option of a question whose options are entities."""
    ask = q.ask
    options = _entity_options(q, base, problems)
    if isinstance(ask, FigureHolder):
        truth: list[Truth] = []
        for entity, named in options:
            if entity is None:
                truth.append(False)
                continue
            each = [holder_truth(ask, e, base) for e in sorted(named)]
            truth.append(True if True in each else (None if None in each else False))
        key = options[q.answer][0] if 0 <= q.answer < len(options) else None
        if key is not None and unfaithful(ask, key.id, q.explanation, base):
            problems.append(f"the excerpt shows a source speaking, but does not name {key.id!r}")
        _one_kind(q, options, problems)
        return truth
    barred: frozenset[str] = frozenset()
    spoken = ""  # the quote's own words, whose pronouns are the speaker's, not about him
    if isinstance(ask, SpeakerOf):
        quote = base.by_id.get(ask.quote)
        if not isinstance(quote, Quote):
            problems.append(f"ask: no quote {ask.quote!r} in the fact base")
            return [False for _ in options]
        why = askable_quote(quote)
        if why:
            problems.append(why)
        if not contains_words(q.prompt, quote.text):
            problems.append("the prompt does not show the quote asked about")
        if not any(contains_words(text, quote.text) for text in q.explanation):
            problems.append("the excerpt shown does not contain the quote")
        correct = equivalents(base, speakers_of(base, quote.id))
        barred = quote_targets(base, quote)
        spoken = quote.text
    elif isinstance(ask, ClaimantOf):
        claim = base.by_id.get(ask.claim)
        if not isinstance(claim, ReportedClaim):
            problems.append(f"ask: no claim {ask.claim!r} in the fact base")
            return [False for _ in options]
        correct = equivalents(base, agreeing_voices(base, claim))
        barred = frozenset(
            e.id for e in base.entities
            if e.id not in correct and mentions(claim.text, names_of(e))
        ) | equivalents(base, frozenset(claim.about))  # fmt: skip
    else:
        problems.append(f"ask {type(ask).__name__} does not take entity options")
        return [False for _ in options]
    for i, (_, named) in enumerate(options):
        if named & barred:
            problems.append(f"options[{i}]: {sorted(named & barred)} is what the words are about")
    _one_kind(q, options, problems)
    shown = collapse(q.prompt)
    _one_pronoun(q, options, shown.replace(collapse(spoken), " ") if spoken else shown, problems)
    return [entity is not None and bool(named & correct) for entity, named in options]


_GENDERED = {"she": ("she", "her", "hers", "herself"), "he": ("he", "him", "his", "himself")}


def _one_pronoun(
    q: MultipleChoice,
    options: Sequence[tuple[Entity | None, frozenset[str]]],
    shown: str,
    problems: list[str],
) -> None:
    """When the words a student reads outside the quote say 'her' (or 'his') and the key is not
    known by another pronoun, every option is someone known by that pronoun: else the word
    points at the answer."""
    said = [p for p, forms in _GENDERED.items() if any(mentions(shown, [w]) for w in forms)]
    if len(said) != 1 or not 0 <= q.answer < len(options) or options[q.answer][0] is None:
        return
    key = options[q.answer][0]
    assert key is not None
    if key.pronoun not in (None, said[0]):
        return  # the words speak of someone else
    for i, (entity, _) in enumerate(options):
        if i != q.answer and entity is not None and entity.pronoun != said[0]:
            problems.append(
                f"options[{i}]: the words shown call the speaker '{said[0]}', but"
                f" {entity.id!r} is not known as '{said[0]}': the word points at the answer"
            )


def unfaithful(
    ask: FigureValue | FigureGiven | FigureHolder | object,
    subject: str,
    shown: Sequence[str],
    base: FactBase,
) -> bool:
    """Whether the excerpts name a source of the figure but not the subject the question gives
    it: the source is then seen speaking of something the question does not say."""
    given_by = getattr(ask, "given_by", None) or ()
    entity = base.by_id.get(subject)
    if not isinstance(entity, Entity) or any(mentions(t, names_of(entity)) for t in shown):
        return False
    sources = [base.by_id.get(g) for g in given_by if g != subject]
    return any(
        isinstance(source, Entity) and any(mentions(t, names_of(source)) for t in shown)
        for source in sources
    )


def _one_kind(
    q: MultipleChoice, options: Sequence[tuple[Entity | None, frozenset[str]]], problems: list[str]
) -> None:
    """Every option is of the keyed entity's kind: another kind gives the answer away."""
    if not 0 <= q.answer < len(options) or options[q.answer][0] is None:
        return
    key = options[q.answer][0]
    assert key is not None
    odd = [e.id for e, _ in options if e is not None and e.kind != key.kind]
    if odd:
        problems.append(f"options {odd} are not of the answer's kind ({key.kind})")


def _term(base: FactBase, term_id: str, problems: list[str]) -> Term | None:
    term = base.by_id.get(term_id)
    if not isinstance(term, Term):
        problems.append(f"ask: no term {term_id!r} in the fact base")
        return None
    return term


def _spoken(names: Sequence[str]) -> list[str]:
    """Names as a reader may meet them: as written and without a leading a, an or the."""
    spoken = [collapse(n) for n in names if n.strip()]
    articled = [n for n in spoken if len(n.split()) > 1 and n.split()[0].casefold() in _ARTICLES]
    return spoken + [" ".join(n.split()[1:]) for n in articled]


def term_bodies(base: FactBase, term: Term) -> frozenset[str]:
    """The organisations and groups a term names: a name of the term and one of the entity's
    (either with or without its article) are the same words ("CNE", "the Stonecutters")."""
    def folded(names: Sequence[str]) -> set[str]:
        return {n.replace("’", "'").casefold() for n in _spoken(names)}

    names = folded((term.term, *term.aliases))
    return frozenset(
        e.id for e in base.entities
        if e.kind in ("organisation", "group") and names & folded(names_of(e))
    )  # fmt: skip


def _role_truth(
    i: int, e: Entity, asked: Term, bodies: frozenset[str], base: FactBase, problems: list[str],
    *, key: bool,
) -> bool:
    """Whether a role offered as the meaning of a term is right: it is a role of the body the
    term names (as a wrong option, a second right answer). A role for a term naming no body, or
    of another kind of body, is refused."""
    named = [b for b in base.entities if b.id in bodies]
    if not named:
        problems.append(
            f"options[{i}]: the role of {e.id!r} offered as the meaning of {asked.id!r}, "
            "which names no organisation or group: a role is not of the answer's kind"
        )
    elif e.kind not in {b.kind for b in named}:
        problems.append(
            f"options[{i}]: the role of {e.id!r} ({e.kind}) offered as the meaning of "
            f"{asked.id!r}, which names {sorted(bodies)} (not of that kind)"
        )
    roles = {collapse(b.role).casefold() for b in named}
    right = e.id in bodies or collapse(e.role).casefold() in roles
    if right and not key:
        problems.append(
            f"options[{i}]: the role of {e.id!r} is what {asked.id!r} names: a second right answer"
        )
    return right


def _same_body(
    i: int, asked: Term, term: Term, bodies: frozenset[str], base: FactBase, problems: list[str],
    key: int,
) -> bool:
    """Whether another term names a body the asked one names: it then means the same."""
    shared = bodies & term_bodies(base, term) if term.id != asked.id else frozenset()
    if shared and i != key:
        problems.append(f"options[{i}]: {term.id!r} names {sorted(shared)} too: a second answer")
    return bool(shared)


def term_truth(q: MultipleChoice, base: FactBase, problems: list[str]) -> list[Truth]:
    """Truth of each option of 'What is X?' (meanings) or 'Which term means …?' (terms). A term
    naming a body (an organisation or group) means that body too: its role, and any other term
    naming it, count as right."""
    ask = q.ask
    assert isinstance(ask, TermMeaning | TermFor)
    asked = _term(base, ask.term, problems)
    if asked is None:
        return [False for _ in q.options]
    if not any(mentions(t, _spoken((asked.term, *asked.aliases))) for t in q.explanation):
        problems.append(f"the excerpt shown does not name the term {asked.term!r}")
    same = same_terms(base, [asked.id])  # Matariki and the Pleiades: one thing, two names
    meanings = {collapse(t.meaning).casefold() for t in base.terms if t.id in same}
    bodies = term_bodies(base, asked)
    truth: list[Truth] = []
    for i, option in enumerate(q.options):
        claim = option.claim
        shown = collapse(option.text).casefold()
        if isinstance(ask, TermMeaning):
            right = shown in meanings
            if isinstance(claim, TermRef) and (term := _term(base, claim.term, problems)):
                if shown != collapse(term.meaning).casefold():
                    problems.append(
                        f"options[{i}]: text {option.text!r} is not {term.id}'s meaning"
                    )
                right = right or _same_body(i, asked, term, bodies, base, problems, q.answer)
            elif isinstance(claim, RoleRef) and isinstance(
                e := base.by_id.get(claim.entity), Entity
            ):
                if shown != collapse(e.role).casefold():
                    problems.append(f"options[{i}]: text {option.text!r} is not {e.id}'s role")
                right = _role_truth(i, e, asked, bodies, base, problems, key=i == q.answer) or right
            else:
                problems.append(f"options[{i}]: claim {claim!r} is not a meaning of the fact base")
            truth.append(right)
            continue
        if not isinstance(claim, TermRef) or (term := _term(base, claim.term, problems)) is None:
            problems.append(f"options[{i}]: claim {claim!r} is not a term of the fact base")
            truth.append(False)
            continue
        if shown not in {collapse(n).casefold() for n in (term.term, *term.aliases)}:
            problems.append(f"options[{i}]: text {option.text!r} does not name {term.id!r}")
        names = {collapse(n).casefold() for n in (asked.term, *asked.aliases)}
        truth.append(
            term.id in same or shown in names or collapse(term.meaning).casefold() in meanings
            or _same_body(i, asked, term, bodies, base, problems, q.answer)
        )  # fmt: skip
    return truth

