"""Actions to bring a draft to its answer table: studio clicks and keys beside YAML line edits.

Run: .venv/bin/python benchmarks/studio_actions.py cuba malala teff

For each article of tests/corpus/heldout/ it drafts the fact base, pairs each fact of the
hand-checked answer table with a drafted one (people by name or alias, quotes by their words,
figures by value, events by excerpt words, places and terms by name), and counts what a teacher
must do to turn the draft into the table, with the costs of the studio as built (docs/studio.md):

studio (the page as it is, priced as benchmarks/studio_drive.py counts the real page, without a
    browser): the drafted facts kept as they are: 1 for the whole article (*Confirm all guesses
    left*); a drafted fact corrected: per field changed, a text 1 (a click in it selects its
    words, so typing replaces them), a choice (kind, qualifier, pronoun, ...) 1 (a chip), one
    id (a place, a subject, a figure) 1 (the chip pressed replaces the one pressed), a list 1 per
    id pressed or unpressed (a speaker's, a source's or a claimant's list holds one until
    *several* is ticked: replacing it 1, ticking *several* 1), a check box 1; no *Confirm* (each
    change is saved as it is made); a drafted fact not in the table: 1 (*Delete*); a fact of the
    table the draft missed: 1 (select its words: with quick add, ticked once per article (1),
    its form opens in the section `studio.kinds.section_of` reads from them) + 1 where that
    section is not the table's (the section's Add button), or 1 when the page lists
    its words as not yet a fact (`studio.candidates` over the draft), + each field the page's
    guess from the selection (`studio.suggest`, the same code the page calls) gets wrong as
    above, but the one the form puts the cursor in (`studio.fields.first_to_write`: typed
    without a click); *Add* once per article (the next selection's key adds the fact being
    written); the headline and summary: 1 per field rewritten. Not priced: the offers to
    repeat a correction on other guesses (the drive takes a few) and deletes refused at first.
YAML: one line edit per field changed, per `# check:` comment deleted, per line of a deleted
    fact, and per line of a fact written by hand.
"""

from __future__ import annotations

import re
import sys
from dataclasses import fields, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_text
from quizgen.factbase.model import FactBase
from quizgen.studio.candidates import candidates
from quizgen.studio.fields import first_to_write
from quizgen.studio.kinds import section_of
from quizgen.studio.suggest import suggest

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "corpus" / "heldout"
LISTS = {"speakers", "given_by", "after", "before", "people", "claimants", "about"}
SKIP = {"id", "span", "check", "tags", "excerpt", "aliases", "group", "ask", "context",
        "key_phrase"}  # wording a teacher may leave as drafted; not compared


def typed_text(value: object) -> str:
    """A table's value as a teacher types it in the form."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _key(section: str, fact: Any) -> str:
    if section == "entities":
        return fact.name.lower().removeprefix("the ")
    if section == "quotes":
        return " ".join(fact.text.lower().split())[:40]
    if section == "figures":
        return str(fact.value)
    if section == "events":
        return " ".join(fact.excerpt.lower().split()[:6])
    if section in ("places",):
        return fact.name.lower().removeprefix("the ")
    if section == "terms":
        return fact.term.lower()
    return " ".join(fact.text.lower().split()[:6])


def pair(section: str, drafted: Any, table: Any) -> tuple[list[tuple[Any, Any]], list[Any]]:
    """Each fact of the table with the drafted fact it is a correction of (or None: added by
    hand), and the drafted facts left over (deleted); two drafted facts of one key are two."""
    left: dict[str, list[Any]] = {}
    for fact in drafted:
        left.setdefault(_key(section, fact), []).append(fact)
    pairs = []
    for fact in table:
        keys = [_key(section, fact)]
        if section in ("entities", "places", "terms"):
            keys += [a.lower().removeprefix("the ") for a in fact.aliases]
        found = next((left[k].pop(0) for k in keys if left.get(k)), None)
        pairs.append((found, fact))
    return pairs, [f for facts in left.values() for f in facts]


def _ids(base: FactBase, ids: tuple[str, ...]) -> set[str]:
    """Ids as names, so that two files' different ids for one person compare equal."""
    named = {e.id: e.name.lower() for e in base.entities}
    named.update({e.id: " ".join(e.excerpt.lower().split()[:6]) for e in base.events})
    return {named.get(i, i) for i in ids}


ONE_AS_A_RULE = {"speakers", "given_by", "claimants"}  # one chip until *several* is ticked


def _differs(name: str, want: Any, got: Any, table: FactBase, draft: FactBase) -> int:
    """What changing one field from got (the draft's or the page's guess) to want costs."""
    if name in LISTS or name in ("speaks_for", "subject", "place", "figure"):
        def as_tuple(v: Any) -> tuple[str, ...]:
            return tuple(v) if isinstance(v, (list, tuple)) else (v,) if v else ()

        a, b = _ids(table, as_tuple(want)), _ids(draft, as_tuple(got))
        if a == b:
            return 0
        if name not in LISTS or (name in ONE_AS_A_RULE and len(a) <= 1):
            return 1  # the chip pressed replaces the one pressed (or unpresses it)
        return len(a ^ b) + (name in ONE_AS_A_RULE)  # *several* ticked, then a chip per id
    if want == got or (is_dataclass(want) and str(want) == str(got)) or (
            want is not None and got is not None and str(want) == str(got)):
        return 0
    if want in (None, "", ()) and got in (None, "", (), []):
        return 0
    return 1  # a text field (a click), a chip or a check box


def _cost(draft: FactBase, table: FactBase, d: Any, t: Any) -> tuple[int, int]:
    studio, lines = 0, 0
    for f in fields(t):
        if f.name in SKIP:
            continue
        cost = _differs(f.name, getattr(t, f.name), getattr(d, f.name), table, draft)
        studio, lines = studio + cost, lines + (cost > 0)
    return studio, lines  # saved as it is made: no Confirm of its own


SECTIONS = ("entities", "quotes", "figures", "events", "places", "terms", "claims")
DEFAULTS = {"kind": "person", "qualifier": "exact", "sense": "literal", "distinctive": True}


def _where(article: str, fact: Any) -> tuple[int, int]:
    """Where the words a teacher selects for a fact stand: a name, a term, the words quoted or
    claimed, a figure's number in its excerpt, else the excerpt."""
    def find(words: str, low: int = 0, high: int = -1) -> tuple[int, int] | None:
        pattern = re.compile(r"\s+".join(map(re.escape, words.split())))
        found = pattern.search(article, low, len(article) if high < 0 else high)
        return (found.start(), found.end()) if found and words.split() else None

    excerpt = find(fact.excerpt) if fact.excerpt else None
    if hasattr(fact, "value") and excerpt:
        number = re.compile(r"\S*" + re.escape(str(fact.value)) + r"\S*").search(
            article, *excerpt)
        return (number.start(), number.end()) if number else excerpt
    for words in (getattr(fact, "name", ""), getattr(fact, "term", ""),
                  getattr(fact, "text", "")):  # where the excerpt (which says what it is) has it
        at = ((excerpt and find(words, *excerpt)) or find(words)) if words else None
        if at:
            return at
    return excerpt or (0, 0)


def _adding(article: str, draft: FactBase, table: FactBase, section: str, fact: Any, *,
            listed: dict[str, set[str]]) -> int:
    """Select the words and press the section's key (or one click on them where the page lists
    them as not yet a fact), then each field the page's guess lacks."""
    start, end = _where(article, fact)
    people = [{"id": e.id, "name": e.name, "aliases": list(e.aliases), "kind": e.kind,
               "pronoun": e.pronoun} for e in draft.entities]
    studio = "people" if section == "entities" else section
    guess = suggest(article, start, end, studio, people)
    # a click on the words where the page lists them; else select them (quick add: their
    # form opens in the section their shape suggests) and, where that is another section, a
    # click on this one's Add button
    cost = 1 if article[start:end].strip(" .,;:") in listed.get(studio, set()) else \
        1 + (section_of(article, start, end) != studio)
    focus = first_to_write(studio, guess)  # the cursor is there: typing in it needs no click
    for f in fields(fact):
        if f.name in SKIP | {"excerpt"}:
            continue
        want = getattr(fact, f.name)
        got = guess.get(f.name, DEFAULTS.get(f.name, () if f.name in LISTS else None))
        cost += _differs(f.name, want, got, table, draft) * (f.name != focus)
    return cost


def _listed(article: str, draft: FactBase) -> dict[str, set[str]]:
    """The words the page lists as not yet facts of each section, over the draft's facts."""
    facts = [{"id": e.id, "section": "people", "fields": {
        "name": e.name, "kind": e.kind, "aliases": list(e.aliases), "excerpt": e.excerpt}}
        for e in draft.entities]
    facts += [{"id": p.id, "section": "places", "fields": {
        "name": p.name, "aliases": list(p.aliases), "excerpt": p.excerpt}} for p in draft.places]
    facts += [{"id": t.id, "section": "terms", "fields": {
        "term": t.term, "aliases": list(t.aliases), "excerpt": t.excerpt}} for t in draft.terms]
    facts += [{"id": f.id, "section": "figures", "fields": {
        "value": str(f.value), "excerpt": f.excerpt}} for f in draft.figures]
    return {section: {c["text"].strip(" .,;:") for c in found}
            for section, found in candidates(article, facts).items()}


def measure(name: str) -> dict[str, int]:
    """Studio actions and YAML line edits for one article, and the facts behind them."""
    text = (HELDOUT / "sources" / f"{name}.txt").read_text(encoding="utf-8")
    draft_yaml = draft_factbase(text, name=name)
    draft = load_text(draft_yaml, filename=str(HELDOUT / f"{name}.yaml"))
    table = load_text((HELDOUT / f"{name}.yaml").read_text(encoding="utf-8"),
                      filename=str(HELDOUT / f"{name}.yaml"))
    studio = (draft.source.title != table.source.title) + 1  # the headline; the about rewritten
    listed = _listed(text, draft)
    lines = 2 + sum(1 for line in draft_yaml.splitlines() if "# check:" in line)
    quick = False  # a fact added from words selected: the quick-add box ticked first
    counts = {"kept or corrected": 0, "deleted": 0, "added": 0, "studio actions adding": 0,
              "studio actions correcting": 0}
    for section in SECTIONS:
        pairs, gone = pair(section, getattr(draft, section), getattr(table, section))
        for other, fact in pairs:
            if other is None:
                given = [f.name for f in fields(fact) if f.name not in SKIP | {"excerpt"}
                         and getattr(fact, f.name) not in (None, (), "", "exact", "person",
                                                            True, "literal")]
                cost = _adding(text, draft, table, section, fact, listed=listed)
                start, end = _where(text, fact)
                quick = quick or text[start:end].strip(" .,;:") not in listed.get(
                    "people" if section == "entities" else section, set())
                studio += cost
                lines += 2 + len(given)
                counts["added"] += 1
                counts["studio actions adding"] += cost
            else:
                s, n = _cost(draft, table, other, fact)
                studio, lines = studio + s, lines + n
                counts["kept or corrected"] += 1
                counts["studio actions correcting"] += s
        for _fact in gone:
            studio += 1
            lines += 6  # a drafted fact is 5 to 8 lines with its check comment
            counts["deleted"] += 1
    studio += 1 + (counts["added"] > 0)  # Confirm all guesses left; Add for the last one
    studio += quick  # the quick-add box ticked, once
    return {"studio actions": studio, "yaml line edits": lines, **counts}


def main(names: list[str]) -> None:
    """Print the counts for each article and their totals."""
    total: dict[str, int] = {}
    for name in names:
        result = measure(name)
        print(name, result)
        for key, value in result.items():
            total[key] = total.get(key, 0) + value
    print("total", total, f"ratio {total['studio actions'] / total['yaml line edits']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["cuba", "malala", "teff"])
