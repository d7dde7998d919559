"""How many fields the page's guess from a selection gets right, on the dev half's answer tables.

Run: .venv/bin/python benchmarks/studio_guess_score.py [dev|heldout] [--misses FIELD]

For each fact of each answer table of tests/corpus/dev/ (the half the studio's guesses are
tuned on; the heldout half is the measure of benchmarks/studio_drive.py), the words a teacher
selects for it (benchmarks/studio_actions.py's _where) are given to studio.suggest with the
table's people (as the drive corrects the drafted people first: names and kinds, no other
names) and its figures; each field the table sets is counted right when the guess holds the
table's value (ids compared as ids). Printed for each section.field and in all: right / asked,
and the clicks a teacher has left (a chip per id too many or missing, 1 per other field wrong);
"(the cursor's field)": of the fields a new fact's form puts the cursor in
(studio.fields.first_to_write), those the guess got wrong (typed without a click: each a
click saved, counted off the total's clicks left; not in the total's fields right).
"""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from studio_actions import DEFAULTS, LISTS, ROOT, SECTIONS, SKIP, _where
from studio_actions import typed_text as _text

from quizgen.factbase.loader import load_text
from quizgen.studio.fields import first_to_write
from quizgen.studio.suggest import suggest

STUDIO = {"entities": "people"}


def _same(name: str, want: Any, got: Any) -> bool:
    if name in LISTS:
        return sorted(want or ()) == sorted(got or ())
    return _text(want) == _text(got)


def score(half: str, misses: str = "") -> dict[str, list[int]]:
    """Right, asked and the clicks left, for each section.field, over the half's tables."""
    folder = ROOT / "tests" / "corpus" / half
    counts: dict[str, list[int]] = {}
    for path in sorted(folder.glob("*.yaml")):
        source = folder / "sources" / (path.stem + ".txt")
        if not source.exists():
            continue
        article = source.read_text(encoding="utf-8")
        table = load_text(path.read_text(encoding="utf-8"), filename=str(path))
        people = [{"id": e.id, "name": e.name, "aliases": [], "kind": e.kind,
                   "pronoun": e.pronoun, "excerpt": e.excerpt} for e in table.entities]
        figures = [{"id": f.id, "value": str(f.value), "excerpt": f.excerpt}
                   for f in table.figures]
        for section in SECTIONS:
            for fact in getattr(table, section):
                start, end = _where(article, fact)
                if end <= start:
                    continue
                guess = suggest(article, start, end, STUDIO.get(section, section), people,
                                figures=figures)
                focus = first_to_write(STUDIO.get(section, section), guess)
                cursor = counts.setdefault("(the cursor's field)", [0, 0, 0])
                for f in fields(fact):
                    if f.name in SKIP | {"excerpt"}:
                        continue
                    want = getattr(fact, f.name)
                    if want in (None, (), "") and f.name not in guess:
                        continue
                    got = guess.get(f.name, DEFAULTS.get(f.name, () if f.name in LISTS
                                                         else None))
                    right = _same(f.name, want, got)
                    key = f"{STUDIO.get(section, section)}.{f.name}"
                    pair = counts.setdefault(key, [0, 0, 0])
                    pair[0] += right
                    pair[1] += 1
                    pair[2] += len(set(want or ()) ^ set(got or ())) if f.name in LISTS \
                        else not right  # the clicks left: a chip per id, a field
                    if f.name == focus:  # typed where the cursor is: no click, wrong or not
                        cursor[0] += not right  # "right" here: a click saved
                        cursor[1] += 1
                        cursor[2] -= not right
                    if misses and key == misses and not right:
                        print(f"{path.stem}: want {want!r} got {got!r}  <<{article[start:end]}>>")
    return counts


def main(args: list[str]) -> None:
    """Print right / asked by field and the total."""
    half = next((a for a in args if a in ("dev", "heldout")), "dev")
    misses = args[args.index("--misses") + 1] if "--misses" in args else ""
    counts = score(half, misses)
    for key, (right, asked, clicks) in sorted(counts.items()):
        print(f"{key:24} {right:4} / {asked:4}   clicks left {clicks}")
    fields_only = [c for key, c in counts.items() if not key.startswith("(")]
    print("total", sum(c[0] for c in fields_only), "/", sum(c[1] for c in fields_only),
          "  clicks left", sum(c[2] for c in counts.values()))


if __name__ == "__main__":
    main(sys.argv[1:])
