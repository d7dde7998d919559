"""Gendered words shown with a question ("her members", "his side"), and who may stand beside
the answer when they are: people known by the same pronoun."""

from __future__ import annotations

import re

from quizgen.factbase.model import Entity, FactBase, Pronoun

_WORDS: dict[Pronoun, frozenset[str]] = {
    "she": frozenset({"she", "her", "hers", "herself"}),
    "he": frozenset({"he", "him", "his", "himself"}),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def gender_said(text: str) -> Pronoun | None:
    """'she' or 'he' when the text uses that pronoun's words and not the other's, else None."""
    words = {w.casefold() for w in _WORD.findall(text)}
    found = [pronoun for pronoun, forms in _WORDS.items() if words & forms]
    return found[0] if len(found) == 1 else None


def same_pronoun(answer: Entity, said: Pronoun | None) -> Pronoun | None:
    """The pronoun every option must share, or None when the words set no such rule: they are
    not gendered, or the answer is known by another pronoun (the words are about someone else)."""
    if said is None or answer.pronoun not in (None, said):
        return None
    return said


def pronoun_warnings(base: FactBase) -> list[str]:
    """Words shown with a question that say 'her' or 'his' of a speaker with no `pronoun:`."""
    people = {entity.id: entity for entity in base.entities}
    shown = [(f"quote {q.id}'s context", q.context, q.speakers) for q in base.quotes]
    shown += [(f"claim {c.id}", c.text, c.claimants) for c in base.claims]
    warnings = []
    for where, text, speakers in shown:
        said = gender_said(text)
        unknown = [s for s in speakers if s in people and people[s].kind == "person"
                   and people[s].pronoun is None]
        if said is not None and unknown:
            warnings.append(
                f"{where} calls its speaker '{said}' ({' '.join(text.split())!r}): give "
                f"{', '.join(unknown)} a `pronoun:` so that wrong options share it; until then"
                f" such items are skipped")
    return warnings
