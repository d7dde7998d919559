"""quizgen's own wording as typeset text: typographic apostrophes outside quoted words."""

from __future__ import annotations

import re

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def typographic(value: str) -> str:
    """quizgen's own wording with typographic apostrophes (Who’s, Maduro’s); words it quotes
    from the article (between quotation marks) stay as printed."""
    parts, last = [], 0
    for match in _QUOTED.finditer(value):
        parts.append(re.sub(r"(?<=\w)'(?=\w)", "’", value[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(re.sub(r"(?<=\w)'(?=\w)", "’", value[last:]))
    return "".join(parts)
