"""The note types' kept required-field lists are genanki's own, used only where they fit, and
change no deck byte."""

from __future__ import annotations

import json
from pathlib import Path

import genanki
import pytest

from quizgen.factbase.loader import load_factbase
from quizgen.quiz.select import build_quiz
from quizgen.renderers import get_format
from quizgen.renderers.anki import deck, req_cache
from quizgen.renderers.anki.deck import note_models
from quizgen.renderers.base import RenderOptions

ROOT = Path(__file__).resolve().parent.parent


def test_the_kept_lists_are_what_genanki_works_out_now() -> None:
    """req.json holds genanki's own `_req` of every note type, and nothing else (rewrite it with
    `python -m quizgen.renderers.anki.req_cache` when a template or genanki changes)."""
    kept = json.loads(deck.REQ_FILE.read_text(encoding="utf-8"))
    assert kept == req_cache.table()
    assert len(kept) == len(note_models(kept=False))


def test_a_model_whose_templates_differ_gets_genankis_own() -> None:
    """A template changed since req.json was written is worked out by genanki, not taken from a
    list kept for other templates."""
    for model in note_models(kept=False):
        changed = [dict(t, qfmt=t["qfmt"].replace("{{", "{{#", 1).replace("}}", "}}{{/x}}", 1))
                   for t in model.templates]
        other = genanki.Model(model.model_id, model.name, fields=model.fields, templates=changed,
                              css=model.css, model_type=model.model_type)
        assert "_req" not in vars(deck.keep_req(other))
    assert all("_req" in vars(model) for model in note_models())


@pytest.mark.parametrize("name", ["venezuela-post-election", "kessler-super-earth"])
def test_decks_keep_their_bytes_with_the_kept_lists(name: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The deck built with the kept lists is byte for byte the deck genanki builds alone."""
    base = load_factbase(ROOT / "content" / f"{name}.yaml")
    quiz = build_quiz(base, seed=1)
    options = RenderOptions(name="t", seed=1, timestamp=1_700_000_000)
    render = get_format("anki").render
    kept = render(quiz, options=options)
    monkeypatch.setattr(deck, "_kept", dict)  # nothing kept: genanki works every one out
    assert render(quiz, options=options) == kept
