"""Word tokens of an article for drafting, slugs for ids, and small word tests."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from quizgen.article.lexicon import TITLES, words

_TOKEN = re.compile(r"[^\W_](?:[\w&]|[-’'.](?=\w))*\.?")
_ABBREV = re.compile(r"^(?:[A-Z]\.){2,}$")
# An acronym joined by a hyphen to a lower-case word ("UEFA-licensed", "UN-backed").
_ACRONYM_JOINED = re.compile(r"([A-Z]{2,6})-(?=[a-z]{2,}$)")

@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        """The token without a possessive ’s."""
        for suffix in ("’s", "'s", "’", "'"):
            if self.text.endswith(suffix) and len(self.text) > len(suffix) + 1:
                return self.text[: -len(suffix)]
        return self.text

    @property
    def upper(self) -> bool:
        """Capitalised, or a name written in camel case (“eBay”, “comScore”)."""
        return self.text[0].isupper() or bool(_CAMEL.fullmatch(self.text)) or \
            PARTICLE_NAME.match(self.text) is not None


_CAMEL = re.compile(r"[a-z]{1,4}[A-Z][a-z]+(?:[’']s)?")  # "eBay", "comScore", not "mRNA"
# A surname written with an Arabic particle and a hyphen: "al-Sharif", "bin-Laden", "el-Sisi".
PARTICLE_NAME = re.compile(r"(?:al|el|ul|bin|ibn|abu|abd|ben)-[A-Z]")


def slug(text: str) -> str:
    """An id from a name: accents dropped, lower case, hyphens between words."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "x"


def tokens(masked: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of the masked text; a final full stop kept only on abbreviations."""
    found = []
    for match in _TOKEN.finditer(masked, start, len(masked) if end is None else end):
        text = match.group()
        if text.endswith(".") and not (_ABBREV.match(text) or text in TITLES):
            text = text[:-1]
        joined = _ACRONYM_JOINED.match(text)
        if joined is not None:  # "a UEFA-licensed coach", "UN-backed": the body, then a word
            found.append(Token(joined.group(1), match.start(), match.start() + joined.end(1)))
            found.append(Token(text[joined.end(1) + 1:], match.start() + joined.end(1) + 1,
                               match.start() + len(text)))
            continue
        found.append(Token(text, match.start(), match.start() + len(text)))
    return found


HONORIFICS = words("Dr Dr. Prof Prof. Mx Mx.")
_MODIFIERS = words(
    "security opposition government state federal local national military police foreign"
    " senior top armed election electoral border party rebel court army health news human"
    " rights independent international regional provincial city county district public"
    " civil aid relief emergency rescue medical hospital union campaign protest student"
    " prison intelligence defence defense interior justice finance trade"
)


def modifier(word: str) -> bool:
    """A lower-case word that may qualify a body ("electoral", "security", "independent")."""
    return word in _MODIFIERS or (word.endswith(("al", "ic", "ive", "ent", "ant", "ary", "ous"))
                                  and len(word) > 4)


def possessive(token: Token) -> bool:
    return token.word != token.text
