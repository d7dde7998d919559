"""What the drafting rules find about names: a candidate entity and a place it is named."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entity:
    """A candidate entity: its name, kind, role guess, other names and first passage."""

    key: str
    name: str
    kind: str
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    excerpt: tuple[int, int] = (0, 0)
    gender: str | None = None
    speaks_for: str | None = None  # key of the entity a group phrase such as "U.S. officials" is of
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """A place where an entity (or a he/she) is named, outside quotations."""

    start: int
    end: int
    key: str | None  # None for a pronoun
    gender: str | None = None  # for pronouns and honorifics
