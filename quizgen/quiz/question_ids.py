"""Questions' stable ids: a content hash of what a question asks, over an explicit encoding."""

from __future__ import annotations

import dataclasses
from decimal import Decimal


def _quote(text: str) -> str:
    """A string literal: single quotes unless the text has one and no double quote."""
    quote = '"' if "'" in text and '"' not in text else "'"
    if text.isprintable() and "\\" not in text and quote not in text:
        return f"{quote}{text}{quote}"  # nothing to escape (tabs and newlines are not printable)
    out = [quote]
    for char in text:
        if char in ("\\", quote):
            out.append("\\" + char)
        elif char in _CONTROL:
            out.append(_CONTROL[char])
        elif char.isprintable():
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join([*out, quote])


_CONTROL = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def id_encoding(value: object) -> str:
    """The text a stable id hashes: an explicit encoding of strings, integers, decimals, None,
    booleans, tuples and dataclasses of those (fields in order, `Name(field=value, ...)`).

    It is spelled like Python literals, so the ids made before it was written are kept (and so
    the Anki notes they name). Anything else (floats, sets, dicts, objects) is refused: their
    text is not stable across runs or versions. A field added to an ask or claim later is left
    out while it holds its default (_LATER_FIELDS), so that a deck re-imported after an upgrade
    updates its notes in place.
    """
    if value is None or isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return f"Decimal({_quote(str(value))})"
    if isinstance(value, tuple):
        inner = ", ".join(id_encoding(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(
            f"{field.name}={id_encoding(getattr(value, field.name))}"
            for field in dataclasses.fields(value)
            if not (field.name in _LATER_FIELDS
                    and getattr(value, field.name) == _LATER_FIELDS[field.name])
        )
        return f"{type(value).__name__}({fields})"
    raise TypeError(f"no stable id encoding for {type(value).__name__}: {value!r}")


# fields added to asks and claims after ids were first issued: left out of the hash while they
# hold their default, so that a deck re-imported after an upgrade updates its notes in place
_LATER_FIELDS: dict[str, object] = {"to": None, "repeats": False}


def stable_id(kind: str, *parts: object) -> str:
    """An id from a content hash of what a question asks, never from its wording or a seed."""
    import hashlib

    digest = hashlib.sha256(id_encoding((kind, *parts)).encode("utf-8")).hexdigest()
    return f"{kind}-{digest[:12]}"
