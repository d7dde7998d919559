"""WCAG contrast ratios computed from a stylesheet's own colours (custom properties per theme).

The stylesheet is read as rules (selector, declarations), nested @media blocks included; a
theme is the custom properties set by the rules named for it, on top of the default ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_VAR = re.compile(r"var\((--[\w-]+)\)")


@dataclass(frozen=True)
class Rule:
    """One style rule: its selector, its declarations and the @media it sits in ("" if none)."""

    selector: str
    declarations: dict[str, str]
    media: str = ""


def rules(css: str) -> list[Rule]:
    """Every style rule of the stylesheet, in order, with nested @media blocks opened."""
    return list(_rules(_COMMENT.sub("", css), media=""))


def _rules(css: str, *, media: str) -> list[Rule]:
    found: list[Rule] = []
    at = 0
    while True:
        start = css.find("{", at)
        if start < 0:
            return found
        head = css[at:start].strip()
        depth, end = 1, start + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        body = css[start + 1:end - 1]
        if head.startswith("@media"):
            found += _rules(body, media=head)
        else:
            declarations = {}
            for part in body.split(";"):
                if ":" in part:
                    name, value = part.split(":", 1)
                    declarations[name.strip()] = value.replace("!important", "").strip()
            found.append(Rule(head, declarations, media))
        at = end


def theme(css: str, *, selectors: tuple[str, ...], media: str | None = None) -> dict[str, str]:
    """The custom properties of a theme: those of the rules whose selector is one of
    `selectors` (outside any @media, or inside `media`), later rules winning."""
    found: dict[str, str] = {}
    for rule in rules(css):
        names = {s.strip() for s in rule.selector.split(",")}
        if names & set(selectors) and rule.media in ("", media or ""):
            found.update({k: v for k, v in rule.declarations.items() if k.startswith("--")})
    return found


def colour(value: str, props: dict[str, str]) -> tuple[float, float, float]:
    """A #rgb or #rrggbb colour, or var(--x) of one, as 0–1 channels."""
    match = _VAR.fullmatch(value.strip())
    if match:
        return colour(props[match.group(1)], props)
    text = value.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", text):
        raise ValueError(f"not a colour: {value!r}")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def blend(front: tuple[float, float, float], back: tuple[float, float, float],
          opacity: float) -> tuple[float, float, float]:
    """The colour `front` at `opacity` over `back`."""
    r, g, b = (f * opacity + k * (1 - opacity) for f, k in zip(front, back, strict=True))
    return (r, g, b)


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
