"""gap-fill: a passage of the article with 4–8 gaps on names, places, terms and figures, and a
word bank of the answers plus two or three words of the same kinds that fit no gap.

A word is gapped only where it stands once in the passage (under any of its names), so the
passage never shows a gap's answer; the spare words name things the passage never names, and a
spare figure is far from every figure of its unit that is gapped without a qualifier."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import NamedTuple

from quizgen.article.text import paragraphs
from quizgen.factbase.model import Entity, FactBase, Figure, Place, Term
from quizgen.factbase.numbers import Amount, format_amount, unit_kind
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    Skips,
    check_options,
    full,
    id_counts,
    index_facts,
    linked,
    seeded,
)
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    GAP_SIZES,
    SPARE_WORDS,
    Claim,
    EntityRef,
    FillGaps,
    GapFill,
    Option,
    PlaceRef,
    Question,
    TermRef,
)

KIND = "gap-fill"
MAX_WORDS = 120  # a passage is at most this many words
MAX_PARAGRAPHS = 3  # ... of at most this many paragraphs in a row
FAR = Decimal("1.5")  # a spare figure is at least this many times larger or smaller
# the last word before a figure that qualifies it ("over 1,000 people"): no spare of its unit
_LOOSE = frozenset({
    "about", "around", "roughly", "approximately", "some", "nearly", "almost", "least", "most",
    "to", "than", "over", "under", "just", "well", "as", "estimated", "only", "barely", "up",
    "below", "above", "beyond", "exceeding", "close", "circa", "c.", "~",
})  # fmt: skip
_COUNT_WORDS = {2: "two", 3: "three"}
_WORD = re.compile(r"[^\W_]+")
# small words a proper name may hold in lower case ("the University of the Third Age")
_JOINERS = frozenset({"the", "of", "and", "for", "on", "upon", "de", "del", "la", "le", "el",
                      "du", "des", "der", "van", "von", "di", "da", "al", "y", "&"})


class _Thing(NamedTuple):
    """Something a gap may hide: its word class, the claim a bank word makes, its names."""

    cls: tuple[str, ...]
    claim: Claim
    names: tuple[str, ...]
    ids: frozenset[str]  # itself and what is it under another name (same_as)
    tags: tuple[str, ...] = ()
    amount: Amount | None = None


class _Hit(NamedTuple):
    start: int
    end: int
    thing: _Thing


def _things(base: FactBase) -> list[_Thing]:
    """Every entity, place, term and figure a gap or a spare word may name."""
    index, counts = index_facts(base), id_counts(base)
    named: tuple[Entity | Place | Term, ...] = (*base.entities, *base.places, *base.terms)
    same = [(t.id, t.same_as) for t in named]
    found: list[_Thing] = []
    for entity in index.entities.values():
        if counts[entity.id] == 1 and index.offerable(entity):
            found.append(_Thing(("entity", entity.kind), EntityRef(entity.id),
                                _names(entity), frozenset(linked(same, [entity.id])),
                                entity.tags))
    for place in base.places:
        if counts[place.id] == 1:
            found.append(_Thing(("place",), PlaceRef(place.id), _names(place),
                                frozenset(linked(same, [place.id])), place.tags))
    for term in base.terms:
        if counts[term.id] == 1:
            found.append(_Thing(("term",), TermRef(term.id), _names(term),
                                frozenset(linked(same, [term.id])), term.tags))
    for figure in base.figures:
        if amount := _figure_amount(figure, counts[figure.id]):
            found.append(_Thing(("amount", figure.unit), amount, (format_amount(amount),),
                                frozenset({figure.id}), figure.tags, amount))
    return found


def _names(thing: Entity | Place | Term) -> tuple[str, ...]:
    """The thing's names, blanks left out."""
    first = thing.term if isinstance(thing, Term) else thing.name
    return tuple(dict.fromkeys(n for n in (" ".join(x.split()) for x in (first, *thing.aliases))
                               if n))


def _proper(thing: _Thing, name: str) -> bool:
    """Whether a gap or the box may show the name: a term, a figure, or a proper name (each word
    capitalised but for small joining words), never a description ("a doctor")."""
    if thing.cls[0] in ("term", "amount"):
        return True
    words = name.split()
    return words[0].casefold() not in ("a", "an") and all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _JOINERS for w in words)


def _figure_amount(figure: Figure, count: int) -> Amount | None:
    """The figure's number and unit, as a gap shows it, when it is one plain number."""
    if count != 1 or figure.sense != "literal" or figure.to is not None or figure.check:
        return None
    if unit_kind(figure.unit) == "time" or not figure.value.is_finite():
        return None
    return Amount(figure.value, figure.unit, figure.decimals)


def _hits(text: str, things: list[_Thing]) -> list[_Hit]:
    """Every whole-word occurrence of a thing's names in the text (case folded)."""
    folded = text.casefold()
    found = []
    for thing in things:
        # a figure is no part of a longer number ("5 people" in "2.5 people")
        lead, tail = (r"(?<![\w.,])", r"(?!\w|[.,]\d)") if thing.amount else (r"(?<!\w)", r"(?!\w)")
        for name in thing.names:
            pattern = lead + re.escape(name.casefold()) + tail
            found += [_Hit(m.start(), m.end(), thing) for m in re.finditer(pattern, folded)]
    return found


def _candidates(text: str, things: list[_Thing]) -> list[_Hit]:
    """The hits a gap may take: the one mention of its thing in the text, overlapping no other
    hit unless it holds it whole, its word naming no other thing."""
    hits = _hits(text, things)
    by_word: dict[str, set[tuple[str, ...]]] = {}
    for thing in things:
        for name in thing.names:
            by_word.setdefault(name.casefold(), set()).add(tuple(sorted(thing.ids)))
    mentions: dict[frozenset[str], int] = {}
    for hit in hits:
        mentions[hit.thing.ids] = mentions.get(hit.thing.ids, 0) + 1
    chosen = []
    for hit in hits:
        inside = [o for o in hits if o is not hit and o.start < hit.end and hit.start < o.end]
        if any(not (hit.start <= o.start and o.end <= hit.end) for o in inside):
            continue
        word = text[hit.start:hit.end]
        named = [n for n in hit.thing.names if n.casefold() == word.casefold()]
        # proper as the fact base writes it: "Supporters" opening a sentence is no name
        if mentions[hit.thing.ids] == 1 and len(by_word.get(word.casefold(), ())) == 1 \
                and _proper(hit.thing, word) and all(_proper(hit.thing, n) for n in named):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _loose(text: str, hit: _Hit) -> bool:
    """Whether a word just before a figure qualifies it."""
    before = text[:hit.start].split()
    return bool(before) and before[-1].casefold().strip("(,") in _LOOSE


def _far(a: Amount, b: Amount) -> bool:
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and high >= low * FAR


def _gaps(text: str, hits: list[_Hit], rng: random.Random) -> list[_Hit]:
    """Up to the largest gap count of the hits, in reading order; figures of one unit far apart."""
    picked: list[_Hit] = []
    order = list(hits)
    rng.shuffle(order)
    for hit in order:
        if len(picked) == GAP_SIZES.stop - 1:
            break
        if any(p.thing.ids & hit.thing.ids for p in picked):
            continue
        amount = hit.thing.amount
        if amount is not None and any(
                p.thing.cls == hit.thing.cls and p.thing.amount is not None
                and (not _far(p.thing.amount, amount) or _loose(text, p) or _loose(text, hit))
                for p in picked):
            continue  # two figures of one unit: both plain and far apart
        picked.append(hit)
    return sorted(picked, key=lambda h: h.start)


def _spares(text: str, gaps: list[_Hit], things: list[_Thing], rng: random.Random,
            taken: set[str]) -> list[tuple[_Thing, str]]:
    """Two or three words of the gaps' classes that the passage never names."""
    classes = {g.thing.cls for g in gaps}
    near = {ident for g in gaps for ident in g.thing.ids}
    named = {ident for h in _hits(text, things) for ident in h.thing.ids}
    loose_units = {g.thing.cls for g in gaps if g.thing.amount is not None and _loose(text, g)}
    pool: list[tuple[_Thing, str]] = []
    for thing in things:
        if thing.cls not in classes or thing.ids & (near | named):
            continue
        if thing.amount is not None and (thing.cls in loose_units or not all(
                _far(thing.amount, g.thing.amount) for g in gaps
                if g.thing.cls == thing.cls and g.thing.amount is not None)):
            continue
        shown = [n for n in thing.names if _proper(thing, n)]
        if shown:
            pool.append((thing, shown[0]))
    for gap in gaps:  # a figure of the same unit, made far from the gapped one, when none is
        amount = gap.thing.amount
        if amount is None or gap.thing.cls in loose_units or unit_kind(amount.unit) == "year":
            continue
        for factor in (Decimal(2), Decimal(3), Decimal("0.5")):
            value = (amount.value * factor).quantize(Decimal(1).scaleb(-amount.decimals))
            made = Amount(value, amount.unit, amount.decimals)
            if unit_kind(amount.unit) == "percent" and value > 100:
                continue
            if all(_far(made, g.thing.amount) for g in gaps
                   if g.thing.cls == gap.thing.cls and g.thing.amount is not None):
                pool.append((_Thing(gap.thing.cls, made, (format_amount(made),), frozenset()),
                             format_amount(made)))
    rng.shuffle(pool)
    chosen: list[tuple[_Thing, str]] = []
    want = rng.choice(list(SPARE_WORDS))
    for thing, word in pool:
        amounts = [t.amount for t, _ in chosen if t.cls == thing.cls and t.amount is not None]
        if word.casefold() in taken or (
                thing.amount is not None and not all(_far(thing.amount, a) for a in amounts)):
            continue
        if any(thing.ids & t.ids for t, _ in chosen):
            continue
        chosen.append((thing, word))
        taken.add(word.casefold())
        if len(chosen) == want:
            break
    return chosen


def _spaced(text: str) -> str:
    """A text's words, case folded, one space apart and one on each side."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _windows(article: str) -> list[tuple[int, str]]:
    """Each paragraph's text, whitespace collapsed, numbered from 1."""
    return [(n, " ".join(article[a:b].split()))
            for n, (a, b) in enumerate(paragraphs(article), start=1)]


def _question(base: FactBase, first: int, paras: list[str], gaps: list[_Hit],
              spares: list[tuple[_Thing, str]], rng: random.Random) -> GapFill:
    """The question over the paragraphs' text (joined by a space), each paragraph an excerpt of
    its explanation, so the key can cite them."""
    text = " ".join(paras)
    words = [(g.thing, text[g.start:g.end]) for g in gaps]
    bank = [*words, *spares]
    order = list(range(len(bank)))
    rng.shuffle(order)
    shown = [bank[i] for i in order]
    pieces, at = [], 0
    for g in gaps:
        pieces.append(text[at:g.start])
        at = g.end
    pieces.append(text[at:])
    ask = FillGaps(first)
    spare_count = _COUNT_WORDS.get(len(spares), str(len(spares)))
    people = sorted({t.claim.entity for t, _ in words if isinstance(t.claim, EntityRef)})
    return GapFill(
        id=stable_id(KIND, base.id, ask, tuple(t.claim for t, _ in words)),
        kind=KIND,
        factbase=base.id,
        prompt=f"Fill in the gaps with words from the box. {spare_count.capitalize()} of the"
               " words are not used.",
        ask=ask,
        passage=tuple(pieces),
        bank=tuple(Option(word, thing.claim) for thing, word in shown),
        answer=tuple(order.index(i) for i in range(len(words))),
        explanation=tuple(paras),
        tags=tuple(sorted({tag for t, _ in words for tag in t.tags})),
        people=tuple(people),
    )


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One passage per run of up to three paragraphs that holds four or more words to gap, runs
    taken in reading order without overlapping."""
    check_options(options)
    skips = Skips(KIND, base.id)
    if base.article is None:
        skips.add("no article text (source.text_file) to take a passage from")
        return Generated(questions=(), skipped=skips.result())
    title = _spaced(base.source.title)
    # a word the article's title shows is given away by the sheet's heading: never gapped
    things = [t for t in _things(base)
              if t.amount is not None or not any(_spaced(n) in title for n in t.names)]
    paras = _windows(base.article)
    questions: list[Question] = []
    start = 0
    while start < len(paras) and not full(questions, options):
        made = None
        for stop in range(start + 1, min(start + MAX_PARAGRAPHS, len(paras)) + 1):
            text = " ".join(p for _, p in paras[start:stop])
            if len(text.split()) > MAX_WORDS:
                break
            rng = seeded(seed, KIND, base.id, str(paras[start][0]), str(stop))
            gaps = _gaps(text, _candidates(text, things), rng)
            if len(gaps) < GAP_SIZES.start:
                continue
            taken = {text[g.start:g.end].casefold() for g in gaps}
            spares = _spares(text, gaps, things, rng, taken)
            if len(spares) < SPARE_WORDS.start:
                skips.add(f"paragraph {paras[start][0]}: no two words of the gaps' kinds that"
                          " the passage never names, for the box")
                break
            made = _question(base, paras[start][0], [p for _, p in paras[start:stop]], gaps,
                             spares, rng), stop
            break
        if made is None:
            start += 1
            continue
        questions.append(made[0])
        start = made[1]
    if not questions:
        skips.add(f"no run of up to {MAX_PARAGRAPHS} paragraphs ({MAX_WORDS} words) names"
                  f" {GAP_SIZES.start} things once each (people, places, terms, figures)")
    return Generated(questions=tuple(questions), skipped=skips.result())
