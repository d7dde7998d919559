"""Actions to bring a draft to its answer table: studio clicks and keys beside YAML line edits.

Run: .venv/bin/python benchmarks/studio_actions.py cuba malala teff

For each article of tests/corpus/heldout/ it drafts the fact base, pairs each fact of the
hand-checked answer table with a drafted one (people by name or alias, quotes by their words,
figures by value, events by excerpt words, places and terms by name), and counts what a teacher
must do to turn the draft into the table, with the costs of the studio as built (docs/studio.md):

studio: a drafted fact kept as it is: 1 (C, which also moves to the next card); a field changed:
    a menu (speaker, kind, qualifier, after/before, ...) 2 (open, pick), a text 2 (click in it,
    select all; the typing itself is not counted), a list of menus 2 per id added or removed;
    then C: 1; a drafted fact not in the table: 1 (X); a fact of the table the draft missed:
    2 (select its words, press Add ...) + per field to fill 1 (Tab to a text; the words
    selected fill the excerpt and the name or quote) or 2 (a menu, per id) + 1 (Add);
    the headline and summary: 1 (Confirm) + 2 per field rewritten.
YAML: one line edit per field changed, per `# check:` comment deleted, per line of a deleted
    fact, and per line of a fact written by hand.
"""

from __future__ import annotations

import sys
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_text
from quizgen.factbase.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "corpus" / "heldout"
MENUS = {"kind", "qualifier", "pronoun", "sense", "speaks_for", "subject", "place", "figure",
         "distinctive"}
LISTS = {"speakers", "given_by", "after", "before", "people", "claimants", "about"}
SKIP = {"id", "span", "check", "tags", "excerpt", "aliases", "group", "ask", "context",
        "key_phrase"}  # wording a teacher may leave as drafted; not compared


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


def _ids(base: FactBase, ids: tuple[str, ...]) -> set[str]:
    """Ids as names, so that two files' different ids for one person compare equal."""
    named = {e.id: e.name.lower() for e in base.entities}
    named.update({e.id: " ".join(e.excerpt.lower().split()[:6]) for e in base.events})
    return {named.get(i, i) for i in ids}


def _cost(draft: FactBase, table: FactBase, d: Any, t: Any) -> tuple[int, int]:
    studio, lines = 1, 0
    for f in fields(t):
        if f.name in SKIP:
            continue
        want, got = getattr(t, f.name), getattr(d, f.name)
        if f.name in LISTS:
            a, b = _ids(table, want), _ids(draft, got)
            if a != b:
                studio += 2 * len(a ^ b)
                lines += 1
        elif f.name in ("speaks_for", "subject", "place", "figure"):
            if _ids(table, (want,) if want else ()) != _ids(draft, (got,) if got else ()):
                studio, lines = studio + 2, lines + 1
        elif want != got and not (is_dataclass(want) and str(want) == str(got)):
            studio, lines = studio + 2, lines + 1
    return studio, lines


SECTIONS = ("entities", "quotes", "figures", "events", "places", "terms", "claims")


def measure(name: str) -> dict[str, int]:
    """Studio actions and YAML line edits for one article, and the facts behind them."""
    text = (HELDOUT / "sources" / f"{name}.txt").read_text(encoding="utf-8")
    draft_yaml = draft_factbase(text, name=name)
    draft = load_text(draft_yaml, filename=str(HELDOUT / f"{name}.yaml"))
    table = load_text((HELDOUT / f"{name}.yaml").read_text(encoding="utf-8"),
                      filename=str(HELDOUT / f"{name}.yaml"))
    studio = 1 + 2 * (draft.source.title != table.source.title) + 2  # headline; about rewritten
    lines = 2 + sum(1 for line in draft_yaml.splitlines() if "# check:" in line)
    counts = {"kept or corrected": 0, "deleted": 0, "added": 0, "studio actions adding": 0}
    for section in SECTIONS:
        drafted = {_key(section, f): f for f in getattr(draft, section)}
        for fact in getattr(table, section):
            other = drafted.pop(_key(section, fact), None)
            if other is None:
                given = [f.name for f in fields(fact) if f.name not in SKIP | {"excerpt"}
                         and getattr(fact, f.name) not in (None, (), "", "exact", "person",
                                                            True, "literal")]
                filled = len(given)
                before = studio
                studio += 2 + 1  # select the words, Add ...; at the end, Add
                studio += sum(2 * max(1, len(getattr(fact, n))) if n in LISTS
                              else 2 if n in MENUS else 1 for n in given)
                lines += 2 + filled
                counts["added"] += 1
                counts["studio actions adding"] += studio - before
            else:
                s, n = _cost(draft, table, other, fact)
                studio, lines = studio + s, lines + n
                counts["kept or corrected"] += 1
        for _fact in drafted.values():
            studio += 1
            lines += 6  # a drafted fact is 5 to 8 lines with its check comment
            counts["deleted"] += 1
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
