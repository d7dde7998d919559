"""How close `quizgen draft` comes to a hand-written fact base, counted as a teacher's fixes.

Run as `python -m tests.draft_scoring` to print the tables recorded in docs/draft.md (content/
and the development half of tests/corpus); `--dev2` adds the eight articles of tests/corpus/heldout
made development tables on 2026-12-07 (DEV2), with their misses; `--heldout` adds the seven still
held out, as totals only, never their misses (they are measured, not read); `--before DIR` scores
an older quizgen's drafts. `--group NAME` (repeatable) prints only the named groups: content, dev,
dev2, heldout, and the public-domain VOA Learning English articles of tests/corpus/voa:
`voa-dev` (with its misses) and `voa-heldout` (totals only, like heldout).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import FactBase, Figure
from quizgen.factbase.provenance import collapse, read_source_text
from tests.draft_match import (
    SCALES,
    is_stand_in,
    names,
    own_names,
    same_kind,
    same_unit,
    usable_measure,
)

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
DEV = ROOT / "tests" / "corpus" / "dev"
HELDOUT = ROOT / "tests" / "corpus" / "heldout"
VOA_DEV = ROOT / "tests" / "corpus" / "voa" / "dev"
VOA_HELDOUT = ROOT / "tests" / "corpus" / "voa" / "heldout"
# The re-split of 2026-12-07 (docs/draft.md, round 11): of tests/corpus/heldout's fifteen, those
# in sorted positions 1, 3, ..., 15 are development tables for the drafter; the files stay where
# they are (the sheet review reads the folder); the other seven stay held out.
DEV2 = ("banksy", "brown-bears", "facebook-deserted-by-millions-of-users", "glastonbury",
        "malala", "organic-food", "spain-wetlands", "who-can-stop-trump")
_SAME_QUALIFIER = {"over": "more than", "under": "fewer than"}
_COUNTED = ("person", "organisation")  # the kinds entity precision and recall count


def articles(folder: Path = CONTENT, *, only: Callable[[str], bool] | None = None
             ) -> list[Path]:
    """Every fact base in the folder whose article text is there to draft from (whose name
    `only` accepts, when given)."""
    return [path for path in sorted(folder.glob("*.yaml"))
            if (only is None or only(path.stem)) and _has_text(path)]


@cache
def _has_text(path: Path) -> bool:
    """Whether a fact base names an article text that is there (loaded once per path: test_draft
    asks at collection, in every worker, for content/ and twice for tests/corpus/dev)."""
    base = load_factbase(path)
    return bool(base.source.text_file) and (path.parent / base.source.text_file).is_file()


def _words(text: str) -> str:
    """Quote text compared without the closing punctuation a writer may keep or leave out."""
    return collapse(text).strip().rstrip(",.;:").strip()


def _magnitude(figure: Figure) -> tuple[Decimal, Decimal | None]:
    first = figure.unit.split()[0].lower() if figure.unit.split() else ""
    factor = SCALES.get(first, 1)
    upper = getattr(figure, "to", None)
    return figure.value * factor, (upper * factor if upper is not None else None)


def _qualifier(figure: Figure) -> str:
    return _SAME_QUALIFIER.get(figure.qualifier, figure.qualifier)


def _span(article: str, excerpt: str) -> tuple[int, int]:
    at = article.find(collapse(excerpt))
    return (at, at + len(collapse(excerpt))) if at >= 0 else (-1, -1)


def _overlap(one: tuple[int, int], two: tuple[int, int]) -> bool:
    return one[0] >= 0 and two[0] >= 0 and one[0] < two[1] and two[0] < one[1]


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass
class Score:
    """The counts for one article (or a group of them), and what was missed."""

    name: str
    quotes: int = 0
    quotes_found: int = 0
    speakers_right: int = 0
    figures: int = 0
    values_found: int = 0  # value and qualifier right, unit not looked at
    figures_right: int = 0  # value, unit and qualifier right
    measures_usable: int = 0
    drafted_entities: int = 0  # drafted people and organisations, the stand-in left out
    real_entities: int = 0  # ... of which the answer table has, with a compatible kind
    wanted_entities: int = 0  # the table's people and organisations
    found_entities: int = 0  # ... of which the draft has
    pronouns_given: int = 0  # drafted people with a pronoun the hand-written base has too
    pronouns_wrong: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def quote_share(self) -> float:
        return _share(self.quotes_found, self.quotes)

    @property
    def speaker_share(self) -> float:
        return _share(self.speakers_right, self.quotes)

    @property
    def figure_share(self) -> float:
        """Figures right with value, unit and qualifier."""
        return _share(self.figures_right, self.figures)

    @property
    def value_share(self) -> float:
        return _share(self.values_found, self.figures)

    @property
    def measure_share(self) -> float:
        return _share(self.measures_usable, self.figures)

    @property
    def precision(self) -> float:
        return _share(self.real_entities, self.drafted_entities)

    @property
    def recall(self) -> float:
        return _share(self.found_entities, self.wanted_entities)

    def add(self, other: Score) -> None:
        """Add another article's counts to these (for a group's totals)."""
        for name in ("quotes", "quotes_found", "speakers_right", "figures", "values_found",
                     "figures_right", "measures_usable", "drafted_entities", "real_entities",
                     "wanted_entities", "found_entities", "pronouns_given", "pronouns_wrong"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def draft_for(path: Path, *, drafter: Callable[[str, str], str] | None = None
              ) -> tuple[FactBase, FactBase, str]:
    """The hand-written base, the draft of its article (loaded as a file beside it), the text;
    `drafter(text, name)` replaces this quizgen's draft_factbase (to score an older one)."""
    hand = load_factbase(path)
    text = read_source_text(hand)
    assert hand.source.text_file is not None
    yaml_text = drafter(text, path.stem) if drafter else draft_factbase(text, name=path.stem)
    yaml_text = yaml_text.replace(f'text_file: "sources/{path.stem}.txt"',
                                  f"text_file: {hand.source.text_file!r}")
    drafted = load_text(yaml_text, filename=str(path.with_name(f"{path.stem}-draft.yaml")))
    return hand, drafted, text


def score(hand: FactBase, drafted: FactBase, text: str) -> Score:
    """Each hand-written quote, figure and person looked for in the draft, and each drafted
    person or organisation looked for in the hand-written base."""
    result = Score(hand.id)
    _score_quotes(hand, drafted, collapse(text), result)
    _score_figures(hand, drafted, collapse(text), result)
    _score_entities(hand, drafted, result)
    _score_pronouns(hand, drafted, result)
    return result


def _score_quotes(hand: FactBase, drafted: FactBase, article: str, result: Score) -> None:
    """A quote is found by its words; its speakers are right when they are the same number,
    each sharing a name with a wanted one, so a quote nobody says is right only with none."""
    for quote in hand.quotes:
        result.quotes += 1
        where = _span(article, quote.excerpt)
        same = [d for d in drafted.quotes if _words(d.text) == _words(quote.text)]
        same.sort(key=lambda d: not _overlap(_span(article, d.excerpt), where))
        if not same:
            result.misses.append(f"quote not found: {quote.text!r}")
            continue
        result.quotes_found += 1
        wanted = [names(hand, s) for s in quote.speakers]
        got = [names(drafted, s) for s in same[0].speakers]
        if len(wanted) == len(got) and all(any(w & g for g in got) for w in wanted):
            result.speakers_right += 1
        else:
            result.misses.append(f"speaker of {quote.text[:40]!r}: {list(same[0].speakers)},"
                                 f" wanted {list(quote.speakers)}")


def _score_figures(hand: FactBase, drafted: FactBase, article: str, result: Score) -> None:
    """A figure's value (scale words counted) and qualifier from an overlapping passage; then
    its unit (the same noun) and its measure (usable as written, see draft_match)."""
    for figure in hand.figures:
        result.figures += 1
        where = _span(article, figure.excerpt)
        same = [d for d in drafted.figures
                if _magnitude(d) == _magnitude(figure) and _qualifier(d) == _qualifier(figure)
                and _overlap(_span(article, d.excerpt), where)]
        if not same:
            result.misses.append(f"figure not found: {figure.id} = {figure.value}"
                                 f" {figure.unit} ({figure.qualifier})")
            continue
        result.values_found += 1
        best = next((d for d in same if same_unit(d.unit, figure.unit)), same[0])
        if same_unit(best.unit, figure.unit):
            result.figures_right += 1
        else:
            result.misses.append(f"unit of {figure.id}: {best.unit!r}, wanted {figure.unit!r}")
        if usable_measure(best.measure, figure.measure):
            result.measures_usable += 1
        else:
            result.misses.append(f"measure of {figure.id}: {best.measure!r},"
                                 f" wanted {figure.measure!r}")


def _score_entities(hand: FactBase, drafted: FactBase, result: Score) -> None:
    """Precision: drafted people and organisations the table has (a person as a person, a
    body as any body). Recall: the table's people and organisations the draft has."""
    real = [e for e in hand.entities if not is_stand_in(e)]
    mine = [e for e in drafted.entities if not is_stand_in(e)]
    for entity in mine:
        if entity.kind not in _COUNTED:
            continue
        result.drafted_entities += 1
        if any(own_names(entity) & own_names(r) and same_kind(entity, r) for r in real):
            result.real_entities += 1
        else:
            result.misses.append(f"spurious {entity.kind}: {entity.name!r}")
    for entity in real:
        if entity.kind not in _COUNTED:
            continue
        result.wanted_entities += 1
        if any(own_names(entity) & own_names(m) and same_kind(m, entity) for m in mine):
            result.found_entities += 1
        else:
            result.misses.append(f"{entity.kind} not drafted: {entity.name!r}")


def _score_pronouns(hand: FactBase, drafted: FactBase, result: Score) -> None:
    """Each drafted pronoun against the hand-written one of the person with the same name."""
    for person in drafted.entities:
        if person.pronoun is None:
            continue
        found = own_names(person)
        same = [e for e in hand.entities if e.pronoun is not None and found & own_names(e)]
        if not same:
            continue
        result.pronouns_given += 1
        if same[0].pronoun != person.pronoun:
            result.pronouns_wrong += 1
            result.misses.append(f"pronoun of {person.name}: {person.pronoun},"
                                 f" the article's {same[0].pronoun}")


HEADER = ("| article | quotes found | speakers right | figures right (value+unit+qualifier) |"
          " values found | measures usable | entity precision | entity recall |")


def row(result: Score) -> str:
    """One Markdown row: each share with the counts it is made of."""
    def cell(part: int, whole: int) -> str:
        return f"{part}/{whole} ({_share(part, whole):.0%})"

    return (f"| {result.name} | {cell(result.quotes_found, result.quotes)} |"
            f" {cell(result.speakers_right, result.quotes)} |"
            f" {cell(result.figures_right, result.figures)} |"
            f" {cell(result.values_found, result.figures)} |"
            f" {cell(result.measures_usable, result.figures)} |"
            f" {cell(result.real_entities, result.drafted_entities)} |"
            f" {cell(result.found_entities, result.wanted_entities)} |")


def is_dev2(name: str) -> bool:
    """One of the eight held-out articles made development tables on 2026-12-07."""
    return name in DEV2


def is_heldout(name: str) -> bool:
    """One of the seven articles still held out."""
    return name not in DEV2


def group(folder: Path, title: str, *, drafter: Callable[[str, str], str] | None = None,
          only: Callable[[str], bool] | None = None) -> list[Score]:
    """Every article of a folder (that `only` accepts) scored, with a totals row last."""
    rows = [score(*draft_for(path, drafter=drafter)) for path in articles(folder, only=only)]
    total = Score(f"**{title}: all {len(rows)}**")
    for result in rows:
        total.add(result)
    return [*rows, total]


def _groups(argv: list[str]) -> tuple[list[tuple[Path, str, Callable[[str], bool] | None]],
                                        list[tuple[Path, str, Callable[[str], bool] | None]]]:
    """The groups to print with their rows and misses, and those to print as totals only."""
    shown: dict[str, tuple[Path, str, Callable[[str], bool] | None]] = {
        "content": (CONTENT, "content", None), "dev": (DEV, "dev", None),
        "dev2": (HELDOUT, "dev2", is_dev2), "voa-dev": (VOA_DEV, "voa-dev", None)}
    hidden: dict[str, tuple[Path, str, Callable[[str], bool] | None]] = {
        "heldout": (HELDOUT, "held-out", is_heldout),
        "voa-heldout": (VOA_HELDOUT, "voa-heldout", None)}
    named = [argv[at + 1] for at, arg in enumerate(argv[:-1]) if arg == "--group"]
    if named:
        unknown = [name for name in named if name not in shown and name not in hidden]
        if unknown:
            raise SystemExit(f"unknown group {unknown[0]!r}: one of"
                             f" {', '.join([*shown, *hidden])}")
        return ([shown[n] for n in named if n in shown], [hidden[n] for n in named if n in hidden])
    groups = [shown["content"], shown["dev"]]
    if "--dev2" in argv:
        groups.append(shown["dev2"])
    if "--only" in argv:
        groups = [g for g in groups if g[1] == argv[argv.index("--only") + 1]]
    return groups, [hidden["heldout"]] if "--heldout" in argv else []


def main(argv: list[str]) -> None:
    """Print a table per group: content/, dev, with --dev2 the eight re-split articles, with
    --heldout the seven held-out articles' totals; `--group NAME` picks groups instead (the
    held-out ones, heldout and voa-heldout, as totals only);
    `--before DIR` scores the drafts of the quizgen package exported to DIR instead."""
    drafter = None
    if "--before" in argv:
        from tests.draft_edits import draft_with

        code = Path(argv[argv.index("--before") + 1])

        def drafter(text: str, name: str) -> str:
            return draft_with(code, text, name)
    shown, hidden = _groups(argv)
    for folder, title, only in shown:
        rows = group(folder, title, drafter=drafter, only=only)
        print(f"\n{title}:\n\n{HEADER}\n" + "|---" * 8 + "|")
        for result in rows:
            print(row(result))
        for result in rows[:-1]:
            for miss in result.misses:
                print(f"{result.name}: {miss}", file=sys.stderr)
    for folder, title, only in hidden:
        total = group(folder, title, drafter=drafter, only=only)[-1]
        print(f"\n{title} (totals only):\n\n{HEADER}\n" + "|---" * 8 + "|")
        print(row(total))


if __name__ == "__main__":
    main(sys.argv[1:])
