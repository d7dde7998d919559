"""Acronyms as aliases: “ACR” after a name in brackets or ", or", or spelling its initials."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen.article.lexicon import NAME_LINKS
from quizgen.draft.mentions import Entity, Mention

# "(NUW)" after a name, or ", or NUW," as news writes it for a new reader (round 22).
_BRACKETED = re.compile(r"\s*\(([^)]*)\)|,\s+or\s+((?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]{1,5}s?)"
                        r"(?=[,.;:])")
ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,5}s?$")


class Acronyms:
    """The finder's last pass, over the entities its other passes found (see entities.py)."""

    masked: str
    entities: dict[str, Entity]
    mentions: list[Mention]

    def link_acronyms(self) -> None:
        """ACR right after a name in brackets, or spelling a name's initials, is an alias.

        Linear in the article: the bracketed words after each mention and the names' initials
        are indexed once, and the mentions are renamed once at the end (`merged` chains keys).
        """
        bracketed: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            after = _BRACKETED.match(self.masked, mention.end)
            if mention.key is not None and after is not None:
                bracketed.setdefault(after.group(1) or after.group(2), []).append(mention)
        initials: dict[str, list[str]] = {}
        for key, entity in self.entities.items():
            words = [w for w in entity.name.removeprefix("the ").split() if w not in NAME_LINKS]
            if len(words) > 1:
                initials.setdefault("".join(w[0] for w in words), []).append(key)
        merged: dict[str, str] = {}

        def final(key: str) -> str:
            while key in merged:
                key = merged[key]
            return key

        for key, entity in list(self.entities.items()):
            if entity.kind == "person" or not ACRONYM.match(key):
                continue
            target = self.acronym_target(key, bracketed=bracketed, initials=initials,
                                         final=final)
            if target is not None and target != key:
                self.entities.pop(key)
                kept = self.entities[target]
                if key not in kept.aliases:
                    kept.aliases.append(key)
                merged[key] = target
        if merged:
            self.mentions = [m if m.key is None or m.key not in merged else
                             Mention(m.start, m.end, final(m.key), m.gender)
                             for m in self.mentions]
            for entity in self.entities.values():
                if entity.speaks_for is not None and entity.speaks_for in merged:
                    entity.speaks_for = final(entity.speaks_for)

    def acronym_target(self, acronym: str, *, bracketed: dict[str, list[Mention]],
                       initials: dict[str, list[str]],
                       final: Callable[[str], str]) -> str | None:
        for mention in bracketed.get(acronym, ()):
            key = final(mention.key) if mention.key is not None else None
            if key is not None and key != acronym:
                return key
        letters = acronym.replace(".", "").removesuffix("s")
        for key in initials.get(letters, ()):
            if key != acronym and key in self.entities:
                return key
        return None
