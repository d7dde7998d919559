"""The Anki build manifest as written: one line per stamp, read back as it was."""

from __future__ import annotations

import json

from hypothesis import example, given
from strategies import manifests

from quizgen.renderers.anki.manifest import Manifest, Stamp, dump, parse


def _document(manifest: Manifest) -> dict[str, dict[str, object]]:
    """What the manifest says, spelled out here as the manifest format documents it."""
    def table(stamps: dict[str, Stamp]) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, stamp in stamps.items():
            entry: dict[str, object] = {"label": stamp.label, "hash": stamp.hash, "mod": stamp.mod}
            if stamp.content != stamp.hash:
                entry["content"] = stamp.content
            if stamp.kind:
                entry["kind"] = stamp.kind
                entry["fields"] = list(stamp.fields)
            out[key] = entry
        return out
    return {"head": {"format": "quizgen-anki-manifest", "version": 1},
            "models": table(dict(manifest.models)), "notes": table(dict(manifest.notes))}


@given(manifests())
@example(Manifest(notes={'g': Stamp('l', 'h', 5, 'h', 'k', ('a',))}, models={}))
def test_a_manifest_reads_back_as_written_one_line_per_stamp(manifest: Manifest) -> None:
    """dump is valid JSON saying every stamp, each stamp on its own line, sorted; parse reads it
    back (a content equal to the hash is left out and read as ""), and what was read reads the
    same once dumped again."""
    data = dump(manifest)
    said = _document(manifest)
    assert json.loads(data) == {**said.pop("head"), **said}
    lines = data.decode().split("\n")
    assert lines[-1] == "" and lines[0] == "{"
    for name, stamps in (("models", manifest.models), ("notes", manifest.notes)):
        start = lines.index(f'  "{name}": {{') if stamps else None
        if start is not None:
            shown = lines[start + 1:start + 1 + len(stamps)]
            assert [json.loads("{" + line.rstrip(",") + "}") for line in shown] == [
                {key: said[name][key]} for key in sorted(stamps)]
    back = parse(data, file="m.json")
    assert back == manifest._replace(
        notes={k: _read(v) for k, v in manifest.notes.items()},
        models={k: _read(v) for k, v in manifest.models.items()})
    assert parse(dump(back), file="m.json") == back


def _read(stamp: Stamp) -> Stamp:
    """A stamp as the manifest keeps it: fields only with a kind; no content when it is the
    hash (read back as "")."""
    return stamp._replace(
        fields=stamp.fields if stamp.kind else (),
        content="" if stamp.content == stamp.hash else stamp.content,
    )
