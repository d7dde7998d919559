"""Warnings for a fact base still holding the template's example facts or a draft's guesses."""

from __future__ import annotations

from functools import lru_cache

from quizgen.factbase.model import Entity, Event, Fact, FactBase, Figure, Quote


@lru_cache(maxsize=1)
def _template_base() -> FactBase:
    from quizgen.factbase.loader import load_text
    from quizgen.resources import read_template

    return load_text(read_template("factbase.yaml").replace("{{name}}", "template"),
                     filename="template.yaml")


def scaffold_warnings(base: FactBase, *, text: str) -> list[str]:
    """What is left of the scaffolding: template examples, its headline, `# check:` comments.

    `text` is the fact base's YAML; an example fact counts when it is unchanged (same id and
    fields) or when the template's headline is still the source's title.
    """
    template = _template_base()
    warnings = []
    facts: list[Entity | Quote | Figure | Event] = [
        *base.entities, *base.quotes, *base.figures, *base.events]
    kept = [fact.id for fact in facts if template.by_id.get(fact.id) == fact]
    if kept:
        shown = ", ".join(kept[:6]) + (" …" if len(kept) > 6 else "")
        warnings.append(f"the template's example facts are still in place ({shown}): replace"
                        " them with your article's facts")
    if base.source.title == template.source.title:
        warnings.append("source.title is still the template's example headline")
    checks = sum(1 for line in text.splitlines() if "# check:" in line)
    if checks:
        warnings.append(f"{checks} `# check:` comment{'s' * (checks != 1)} of the draft left:"
                        " check each guess against the article, then delete its comment")
    return warnings


_SECTION_NAMES = {"Entity": "person", "Quote": "quote", "Figure": "figure", "Event": "event",
                  "Place": "place", "Term": "term", "ReportedClaim": "claim"}


def unchecked_facts(base: FactBase) -> tuple[Fact, ...]:
    """Every fact of the base that still carries a `check:` guess, in file order."""
    facts: list[Fact] = [*base.entities, *base.quotes, *base.figures, *base.events,
                         *base.places, *base.terms, *base.claims]
    return tuple(fact for fact in facts if fact.check is not None)


def waiting_lines(base: FactBase, *, file: str) -> list[str]:
    """One line per fact still waiting for a check: file:line, which fact, what to check."""
    lines = []
    for fact in unchecked_facts(base):
        where = f"{file}:{fact.span.line}" if fact.span is not None else file
        kind = _SECTION_NAMES[type(fact).__name__]
        lines.append(f"{where}: {kind} {fact.id}: {' '.join(str(fact.check).split())}")
    return lines
