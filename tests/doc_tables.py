"""A generated table kept between two markers in a document, checked or rewritten on request."""

from __future__ import annotations

import re
from pathlib import Path


def check_table(doc: Path, begin: str, end: str, table: str, *, update: bool, stale: str) -> None:
    """Assert that the text between the markers is `table`; with `update`, rewrite it first."""
    text = doc.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(begin) + r"\n(.*?)\n" + re.escape(end), re.S)
    found = pattern.search(text)
    assert found, f"{doc.name} lacks the table markers {begin!r} … {end!r}"
    if update:
        text = text[: found.start(1)] + table + text[found.end(1):]
        doc.write_text(text, encoding="utf-8")
        found = pattern.search(text)
        assert found
    assert found.group(1) == table, stale
