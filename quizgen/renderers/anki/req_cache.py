"""Rewrite req.json: genanki's required-field lists of every note type (see anki/deck.py)."""

from __future__ import annotations

import json
import sys
from typing import Any

from quizgen.output import write_atomic
from quizgen.renderers.anki.deck import REQ_FILE, note_models, req_key


def table() -> dict[str, Any]:
    """req.json's contents: genanki's own `_req` of every note type, by key."""
    return {req_key(model.fields, model.templates, model.model_type): model._req
            for model in note_models(kept=False)}


def main() -> None:
    """Rewrite req.json from genanki's own working out, atomically."""
    rows = [f"{json.dumps(key)}: {json.dumps(req)}" for key, req in sorted(table().items())]
    data = "{\n" + ",\n".join(rows) + "\n}\n"  # a line per note type
    write_atomic(REQ_FILE, data.encode("utf-8"))
    print(f"wrote {REQ_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
