"""Line edits to turn a draft into its answer table, both written out the same normalised way.

Run as `python -m tests.draft_edits NAME …` (dev articles of tests/corpus); with
`--before DIR`, the draft is also made by the quizgen package found in DIR (an export of an
older commit, run in a subprocess) and both counts are printed.

Normalised form: the people, quotes, figures and places sections only (events, terms and claims
are written by the teacher in both cases); one line per field that a teacher checks (people:
name, kind, role, aliases, pronoun, speaks_for; quotes: text, speakers, distinctive; figures:
measure, value, to, unit, qualifier, given_by, sense; places: name, description); references
written as the referenced entity's name, so ids never count; ids, excerpts, tags and `check`
left out (a check is one deletion per fact in every draft); whitespace collapsed and curly
quotes made straight; facts in the order their excerpt appears in the article. The count is the
number of `+` and `-` lines of a unified diff of the two forms (difflib's SequenceMatcher with
autojunk off, so that repeated lines such as "  pronoun: " still align).
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import Entity, FactBase
from quizgen.factbase.provenance import collapse, read_source_text

DEV = Path(__file__).resolve().parent / "corpus" / "dev"


def _plain(text: object) -> str:
    return " ".join(str(text).replace("“", '"').replace("”", '"').replace("’", "'")
                    .replace("‘", "'").split())


def _names(base: FactBase, ids: tuple[str, ...]) -> str:
    shown = []
    for ident in ids:
        fact = base.by_id.get(ident)
        shown.append(_plain(fact.name) if isinstance(fact, Entity) else ident)
    return ", ".join(sorted(shown))


def normalised(base: FactBase, article: str) -> list[str]:
    """The lines a teacher checks, in article order (see the module docstring)."""
    def where(excerpt: str) -> int:
        at = article.find(collapse(excerpt)) if excerpt else -1
        return at if at >= 0 else len(article)

    lines: list[str] = []
    for entity in sorted(base.entities, key=lambda e: (where(e.excerpt), e.name)):
        lines += [f"person: {_plain(entity.name)}", f"  kind: {entity.kind}",
                  f"  role: {_plain(entity.role)}",
                  f"  aliases: {', '.join(sorted(_plain(a) for a in entity.aliases))}",
                  f"  pronoun: {entity.pronoun or ''}",
                  "  speaks_for: " + (_names(base, (entity.speaks_for,))
                                      if entity.speaks_for else "")]
    for quote in sorted(base.quotes, key=lambda q: (where(q.excerpt), q.text)):
        lines += [f"quote: {_plain(quote.text)}", f"  speakers: {_names(base, quote.speakers)}",
                  f"  distinctive: {quote.distinctive}"]
    for figure in sorted(base.figures, key=lambda f: (where(f.excerpt), f.value)):
        lines += [f"figure: {_plain(figure.measure)}", f"  value: {figure.value}",
                  f"  to: {figure.to if figure.to is not None else ''}",
                  f"  unit: {_plain(figure.unit)}", f"  qualifier: {figure.qualifier}",
                  f"  given_by: {_names(base, figure.given_by)}", f"  sense: {figure.sense}"]
    for place in sorted(base.places, key=lambda p: (where(p.excerpt), p.name)):
        lines += [f"place: {_plain(place.name)}", f"  description: {_plain(place.description)}"]
    return lines


def edits(draft_yaml: str, table: Path) -> int:
    """The lines removed plus the lines added to turn the normalised draft into the table."""
    hand = load_factbase(table)
    text = read_source_text(hand)
    assert hand.source.text_file is not None
    draft_yaml = draft_yaml.replace(f'text_file: "sources/{table.stem}.txt"',
                                    f"text_file: {hand.source.text_file!r}")
    drafted = load_text(draft_yaml, filename=str(table.with_name(f"{table.stem}-draft.yaml")))
    article = collapse(text)
    old, new = normalised(drafted, article), normalised(hand, article)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)  # no "popular" lines
    return sum((i2 - i1) + (j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
               if tag != "equal")


def draft_with(code: Path, text: str, name: str) -> str:
    """The draft an older quizgen (its package exported to `code`) writes for a text."""
    run = subprocess.run([sys.executable, "-c", "import sys; from quizgen.draft import"
                          " draft_factbase; sys.stdout.write(draft_factbase(sys.stdin.read(),"
                          f" name={name!r}))"], input=text, capture_output=True, text=True,
                         check=True, cwd=code,
                         env={"PYTHONPATH": str(code), "PYTHONIOENCODING": "utf-8"})
    return run.stdout


def main(argv: list[str]) -> None:
    """Print, per article, the line edits for this draft (and the older one with --before)."""
    before = Path(argv[argv.index("--before") + 1]) if "--before" in argv else None
    names = [a for i, a in enumerate(argv) if not a.startswith("--")
             and (i == 0 or argv[i - 1] != "--before")]
    print("| article | before | after | table lines |\n| --- | --- | --- | --- |")
    for name in names:
        table = DEV / f"{name}.yaml"
        text = read_source_text(load_factbase(table))
        after = edits(draft_factbase(text, name=name), table)
        old = edits(draft_with(before, text, name), table) if before else None
        size = len(normalised(load_factbase(table), collapse(text)))
        print(f"| {name} | {old if old is not None else '—'} | {after} | {size} |")


if __name__ == "__main__":
    main(sys.argv[1:])
