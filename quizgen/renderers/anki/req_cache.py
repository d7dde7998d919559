"""Rewrite req.json: genanki's required-field lists of every note type (see anki/deck.py)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import Any

from quizgen.renderers.anki.deck import REQ_FILE, note_models, req_key


def table() -> dict[str, Any]:
    """req.json's contents: genanki's own `_req` of every note type, by key."""
    return {req_key(model.fields, model.templates, model.model_type): model._req
            for model in note_models(kept=False)}


def main() -> None:
    """Rewrite req.json from genanki's own working out, atomically."""
    rows = [f"{json.dumps(key)}: {json.dumps(req)}" for key, req in sorted(table().items())]
    data = "{\n" + ",\n".join(rows) + "\n}\n"  # a line per note type
    handle, temp = tempfile.mkstemp(dir=REQ_FILE.parent, prefix=".req.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(data)
    os.replace(temp, REQ_FILE)
    print(f"wrote {REQ_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
