"""genanki's required-field lists of our note types, worked out once and kept beside the code."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import genanki

# genanki works out which fields each card template needs (`Model._req`) by rendering every
# template once per field with chevron: ~4 ms of the bundled build, the same every time, since
# it depends only on the note types' templates and genanki's version. So it is worked out here,
# once, by genanki itself, and kept in req.json, keyed by what it depends on
# (`python -m quizgen.renderers.anki.req_cache` rewrites it; tests/test_anki_req.py checks it is
# current and that decks keep their bytes). A model whose key is not kept gets genanki's own.
REQ_FILE = Path(__file__).with_name("req.json")


def req_key(fields: list[dict[str, str]], templates: list[dict[str, str]], model_type: int) -> str:
    """What a model's required fields depend on, hashed: genanki's version, the field names, each
    template's question side and the model's type."""
    payload = json.dumps([genanki.__version__, [f["name"] for f in fields],
                          [t["qfmt"] for t in templates], model_type], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _kept() -> dict[str, Any]:
    try:
        table = json.loads(REQ_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


def keep_req(model: genanki.Model) -> genanki.Model:
    """The model with its required fields as kept, when they are kept for exactly its templates
    (genanki's cached `_req` set beforehand, so it does not work them out again)."""
    req = _kept().get(req_key(model.fields, model.templates, model.model_type))
    if req is not None:
        vars(model)["_req"] = req
    return model


def table() -> dict[str, Any]:
    """req.json's contents: genanki's own `_req` of every note type, by key."""
    from quizgen.renderers.anki.deck import note_models

    return {req_key(model.fields, model.templates, model.model_type): model._req
            for model in note_models(kept=False)}


def main() -> None:
    """Rewrite req.json from genanki's own working out."""
    rows = [f"{json.dumps(key)}: {json.dumps(req)}" for key, req in sorted(table().items())]
    data = "{\n" + ",\n".join(rows) + "\n}\n"  # a line per note type
    handle, temp = tempfile.mkstemp(dir=REQ_FILE.parent, prefix=".req.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(data)
    os.replace(temp, REQ_FILE)
    print(f"wrote {REQ_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
