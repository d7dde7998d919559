"""How close `quizgen draft` comes to a hand-written fact base: shares of quotes, speakers, figures.

Run as `python -m tests.draft_scoring` to print the table recorded in docs/draft.md.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import Entity, FactBase, Figure
from quizgen.factbase.provenance import collapse, read_source_text

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
           "trillion": 10**12}
_SAME_QUALIFIER = {"over": "more than", "under": "fewer than"}


def articles() -> list[Path]:
    """Every fact base in content/ whose article text is there to draft from."""
    found = []
    for path in sorted(CONTENT.glob("*.yaml")):
        base = load_factbase(path)
        if base.source.text_file and (path.parent / base.source.text_file).is_file():
            found.append(path)
    return found


def _words(text: str) -> str:
    """Quote text compared without the closing punctuation a writer may keep or leave out."""
    return collapse(text).strip().rstrip(",.;:").strip()


def _names(base: FactBase, entity_id: str) -> set[str]:
    """Every name an entity goes by, and those of whom it speaks for, lower case, no "the"."""
    entity = base.by_id[entity_id]
    assert isinstance(entity, Entity)
    names = {n.lower().removeprefix("the ") for n in (entity.name, *entity.aliases)}
    owner = getattr(entity, "speaks_for", None)
    if owner:
        names |= _names(base, owner)
    return names


def _magnitude(figure: Figure) -> tuple[Decimal, Decimal | None]:
    first = figure.unit.split()[0].lower() if figure.unit.split() else ""
    factor = _SCALES.get(first, 1)
    upper = getattr(figure, "to", None)
    return figure.value * factor, (upper * factor if upper is not None else None)


def _qualifier(figure: Figure) -> str:
    return _SAME_QUALIFIER.get(figure.qualifier, figure.qualifier)


def _span(article: str, excerpt: str) -> tuple[int, int]:
    at = article.find(collapse(excerpt))
    return (at, at + len(collapse(excerpt))) if at >= 0 else (-1, -1)


def _overlap(one: tuple[int, int], two: tuple[int, int]) -> bool:
    return one[0] >= 0 and two[0] >= 0 and one[0] < two[1] and two[0] < one[1]


@dataclass
class Score:
    """The shares for one article, and what was missed, to show when a threshold fails."""

    name: str
    quotes: int = 0
    quotes_found: int = 0
    speakers_right: int = 0
    figures: int = 0
    figures_found: int = 0
    pronouns_given: int = 0  # drafted people with a pronoun the hand-written base has too
    pronouns_wrong: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def quote_share(self) -> float:
        return self.quotes_found / self.quotes if self.quotes else 1.0

    @property
    def speaker_share(self) -> float:
        return self.speakers_right / self.quotes if self.quotes else 1.0

    @property
    def figure_share(self) -> float:
        return self.figures_found / self.figures if self.figures else 1.0


def draft_for(path: Path) -> tuple[FactBase, FactBase, str]:
    """The hand-written base, the draft of its article (loaded as a file beside it), the text."""
    hand = load_factbase(path)
    text = read_source_text(hand)
    assert hand.source.text_file is not None
    yaml_text = draft_factbase(text, name=path.stem)
    yaml_text = yaml_text.replace(f'text_file: "sources/{path.stem}.txt"',
                                  f"text_file: {hand.source.text_file!r}")
    drafted = load_text(yaml_text, filename=str(path.with_name(f"{path.stem}-draft.yaml")))
    return hand, drafted, text


def score(hand: FactBase, drafted: FactBase, text: str) -> Score:
    """Each hand-written quote and figure looked for in the draft."""
    article = collapse(text)
    result = Score(hand.id)
    for quote in hand.quotes:
        result.quotes += 1
        where = _span(article, quote.excerpt)
        same = [d for d in drafted.quotes if _words(d.text) == _words(quote.text)]
        same.sort(key=lambda d: not _overlap(_span(article, d.excerpt), where))
        if not same:
            result.misses.append(f"quote not found: {quote.text!r}")
            continue
        result.quotes_found += 1
        wanted = [_names(hand, s) for s in quote.speakers]
        got = [_names(drafted, s) for s in same[0].speakers]
        if len(wanted) == len(got) and all(any(w & g for g in got) for w in wanted):
            result.speakers_right += 1
        else:
            result.misses.append(f"speaker of {quote.text[:40]!r}: {same[0].speakers}")
    for figure in hand.figures:
        result.figures += 1
        where = _span(article, figure.excerpt)
        if any(_magnitude(d) == _magnitude(figure) and _qualifier(d) == _qualifier(figure)
               and _overlap(_span(article, d.excerpt), where) for d in drafted.figures):
            result.figures_found += 1
        else:
            result.misses.append(f"figure not found: {figure.id} = {figure.value}"
                                 f" {figure.unit} ({figure.qualifier})")
    _score_pronouns(hand, drafted, result)
    return result


def _score_pronouns(hand: FactBase, drafted: FactBase, result: Score) -> None:
    """Each drafted pronoun against the hand-written one of the person with the same name."""
    for person in drafted.entities:
        if person.pronoun is None:
            continue
        names = {n.lower() for n in (person.name, *person.aliases)}
        same = [e for e in hand.entities if e.pronoun is not None
                and names & {n.lower() for n in (e.name, *e.aliases)}]
        if not same:
            continue
        result.pronouns_given += 1
        if same[0].pronoun != person.pronoun:
            result.pronouns_wrong += 1
            result.misses.append(f"pronoun of {person.name}: {person.pronoun},"
                                 f" the article's {same[0].pronoun}")


def main() -> None:
    """Print the per-article table (Markdown) and the overall shares."""
    rows = [score(*draft_for(path)) for path in articles()]
    print("| article | quotes found | speakers right | figures found | pronouns right |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row.name} | {row.quotes_found}/{row.quotes} ({row.quote_share:.0%}) |"
              f" {row.speakers_right}/{row.quotes} ({row.speaker_share:.0%}) |"
              f" {row.figures_found}/{row.figures} ({row.figure_share:.0%}) |"
              f" {row.pronouns_given - row.pronouns_wrong}/{row.pronouns_given} |")
    for row in rows:
        for miss in row.misses:
            print(f"{row.name}: {miss}", file=sys.stderr)


if __name__ == "__main__":
    main()
