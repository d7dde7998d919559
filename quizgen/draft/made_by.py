"""A study, survey or report a named body made is that body's, no entity (round 22)."""

from __future__ import annotations

import re

from quizgen.draft.mentions import Entity, Mention

_WORKS = r"(?:study|survey|report|poll|analysis|review)"
# "The Pew Research Center carried out the study", "Acme published a new report".
_MADE = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:carried\s+out|conducted|published|released"
                   r"|commissioned|ran|did|led|funded|organised|organized)\s+(?:the|this|a|an"
                   r"|its|their)\s+(?:(?:new|latest|recent|first|annual|major|global|national)"
                   rf"\s+)?({_WORKS})\b")
# "Pew’s study", "the institute’s latest survey".
_OWNS = re.compile(r"[’']s?\s+(?:(?:new|latest|recent|first|annual|major|global|national)\s+)?"
                   rf"({_WORKS})\b")
# "The report, released on Monday by the Global Coral Reef Monitoring Network, found".
_MADE_BY = re.compile(rf"\b({_WORKS}),?\s+(?:which\s+was\s+|was\s+)?(?:released|published"
                      r"|carried\s+out|conducted|commissioned|funded|led|written|produced)\s+"
                      r"(?:[\w-]+\s+){0,4}?by\s+(?:the\s+)?$")
# A study named by a common noun: "a new study", "the study", "one study", "this survey".
_WORK_KEY = re.compile(rf"(?:the|a|an|one|this|that|its)\s+(?:[a-z][\w-]*\s+){{0,2}}{_WORKS}")


def fold_made_by(entities: dict[str, Entity], mentions: list[Mention], text: str
                 ) -> list[Mention]:
    """The mentions with each study (survey, report …) named by a common noun given to the one
    named body the article says made such a work ("The Pew Research Center carried out the
    study"; "Pew’s study"), those works' entities removed; unchanged when no body, or more than
    one, made a work of that noun."""
    makers: dict[str, set[str]] = {}  # "study" -> keys of the bodies said to make one
    for mention in mentions:
        entity = entities.get(str(mention.key)) if mention.key is not None else None
        if entity is None or entity.kind != "organisation" or not entity.name.removeprefix(
                "the ")[:1].isupper():
            continue
        made = _MADE.match(text, mention.end) or _OWNS.match(text, mention.end) or \
            _MADE_BY.search(text, max(0, mention.start - 90), mention.start)
        if made is not None:
            makers.setdefault(made.group(1), set()).add(entity.key)
    folded: dict[str, str] = {}
    for key, entity in entities.items():
        head = key.split()[-1] if _WORK_KEY.fullmatch(key) else ""
        if entity.kind == "organisation" and len(makers.get(head, ())) == 1:
            folded[key] = next(iter(makers[head]))
    if not folded:
        return mentions
    return _folded(entities, mentions, folded)


def _folded(entities: dict[str, Entity], mentions: list[Mention], folded: dict[str, str]
            ) -> list[Mention]:
    """The mentions with each folded key given to its body, the folded entities removed and
    whoever spoke for one speaking for its body."""
    for key in folded:
        del entities[key]
    for entity in entities.values():
        if entity.speaks_for in folded:
            entity.speaks_for = folded[entity.speaks_for]
    return [Mention(m.start, m.end, folded[m.key], m.gender) if m.key in folded else m
            for m in mentions]


def fold_named_heads(entities: dict[str, Entity], mentions: list[Mention]) -> list[Mention]:
    """The mentions with a body's name and a body noun after it ("the GMB union", "the Acme
    company") given to the body named: one body, not a second one speaking for the first."""
    folded: dict[str, str] = {}
    for key, entity in entities.items():
        owner = entities.get(entity.speaks_for) if entity.speaks_for is not None else None
        words = entity.name.removeprefix("the ").split()
        if owner is None or owner.kind != "organisation" or entity.kind != "organisation" or \
                len(words) < 2 or not words[-1].islower() or words[-1].startswith("spokes"):
            continue
        if " ".join(words[:-1]) in {owner.name.removeprefix("the "), owner.key, *owner.aliases}:
            folded[key] = owner.key
    return _folded(entities, mentions, folded) if folded else mentions
