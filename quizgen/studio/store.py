"""The studio's store: a folder's fact bases by id, saves checked, validated and atomic."""

from __future__ import annotations

import hashlib
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from quizgen.errors import Problem, QuizgenError
from quizgen.studio.candidates import candidates
from quizgen.studio.fields import SECTIONS
from quizgen.studio.yamledit import Located, check_comments, locate_all, parse

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,100}")
_FIELD = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?")
MAX_ARTICLE_BYTES = 1024 * 1024  # as `quizgen draft` (quizgen.draft.files)


class NotFound(Exception):
    """No fact base of that id in the folder."""


class Conflict(Exception):
    """The file changed since the version the page showed."""


class Refused(Exception):
    """A change the loader refuses (or the form could not hold): its problems, at their fields."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        super().__init__(problems[0]["message"] if problems else "refused")
        self.problems = problems


def version_of(data: bytes) -> str:
    """A fact base's version: the hash of its bytes."""
    return hashlib.sha256(data).hexdigest()[:20]


class Store:
    """The fact bases of one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.lock = threading.Lock()
        # per base: its file's bytes, its article's bytes and name, and the view made of them
        self._views: dict[str, tuple[bytes, bytes, str | None, dict[str, Any]]] = {}

    def listing(self) -> dict[str, Path]:
        """Every fact base of the folder, by id (its file name without .yaml)."""
        return {path.stem: path for path in sorted(self.folder.glob("*.yaml"))
                if _ID.fullmatch(path.stem) and path.is_file() and not path.is_symlink()}

    def path_of(self, base_id: str) -> Path:
        """The file of a fact base listed in the folder; NotFound for any other id."""
        found = self.listing().get(base_id)
        if found is None:
            raise NotFound(base_id)
        return found

    def summary(self, base_id: str) -> dict[str, Any]:
        """What the library shows of a fact base: title, counts, guesses left, problems."""
        view = self.view(base_id)
        facts = view["facts"]
        return {"id": base_id, "title": view["source"]["title"], "version": view["version"],
                "counts": {s: sum(1 for f in facts if f["section"] == s) for s in SECTIONS},
                "unchecked": sum(1 for f in facts if f["check"]),
                "problems": len(view["problems"]),
                "first_problems": [p["message"] for p in view["problems"][:3]]}

    def view(self, base_id: str) -> dict[str, Any]:
        """Everything the review page shows of a fact base (kept while its file and its article's
        are unchanged: reading the file's comments costs most of a view)."""
        path = self.path_of(base_id)
        raw = path.read_bytes()
        kept = self._views.get(base_id)
        if kept is not None and kept[0] == raw and kept[1] == self._article_bytes(path, kept[2]):
            return dict(kept[3])
        text = _decoded(raw)
        doc = parse(text)
        located = locate_all(doc, text)
        problems = _problems(path, doc, located, text)
        name = _text_file(doc)
        article_bytes = self._article_bytes(path, name)
        article = _decoded(article_bytes)
        facts = [_fact_json(doc, place, text) for place in located.values()]
        source = doc.get("source") if isinstance(doc.get("source"), CommentedMap) else {}
        source_place = _source_place(doc, text)
        dropped = doc.get("dropped") if isinstance(doc.get("dropped"), CommentedSeq) else []
        view = {
            "id": base_id, "version": version_of(raw), "file": path.name,
            "source": {"title": str(source.get("title", "")), "about": str(source.get("about", "")),
                       "check": check_comments(text, source_place) if source_place else []},
            "article": article, "facts": facts, "problems": problems,
            "highlights": _highlights(article, facts),
            "candidates": candidates(article, facts),
            "dropped": [str(d) for d in dropped],
        }
        self._views[base_id] = (raw, article_bytes, name, view)
        return dict(view)

    def _article_bytes(self, path: Path, name: str | None) -> bytes:
        """The bytes of the article a fact base names (empty: none, or outside the folder)."""
        if name is None:
            return b""
        target = (path.parent / name).resolve()
        if not target.is_relative_to(self.folder) or not target.is_file():
            return b""  # never a file outside the folder
        return target.read_bytes()[:5 * 1024 * 1024]

    def save(self, base_id: str, version: str, change: Callable[[str], str]) -> None:
        """Apply change to the file's text and write it, if the file is still at version and the
        loader accepts the result; else Conflict or the loader's QuizgenError, nothing written."""
        from quizgen.factbase.loader import load_text
        from quizgen.output import Batch

        path = self.path_of(base_id)
        with self.lock:
            raw = path.read_bytes()
            if version_of(raw) != version:
                raise Conflict(base_id)
            text = raw.decode("utf-8").removeprefix("\ufeff")
            try:
                new_text = change(text)
            except QuizgenError as error:
                raise Refused(_located_problems(error.problems, text)) from None
            try:
                load_text(new_text, filename=str(path))
            except QuizgenError as error:
                raise Refused(_located_problems(error.problems, new_text)) from None
            with Batch() as batch:  # temp file + os.replace: old file or new, never half
                batch.add(path, new_text.encode("utf-8"))
                batch.commit()

    def create(self, name: str, article: str) -> str:
        """Draft a fact base from an article's text as `quizgen draft` does: NAME.yaml and
        sources/NAME.txt, both or neither; its id."""
        from quizgen.draft.files import name_for, write_draft

        name = name_for(Path(name), name, field="name")
        if len(article.encode("utf-8")) > MAX_ARTICLE_BYTES:
            raise QuizgenError(Problem("the article is too large", field="article",
                                       expected=f"at most {MAX_ARTICLE_BYTES:,} bytes of text"))
        with self.lock, tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / f"{name}.txt"
            copy.write_text(article, encoding="utf-8")
            write_draft(copy, name=name, folder=self.folder, force=False)
        return name


def _text_file(doc: CommentedMap) -> str | None:
    """The article file a fact base names in `source.text_file`, or None."""
    source = doc.get("source")
    name = source.get("text_file") if isinstance(source, CommentedMap) else None
    return name if isinstance(name, str) else None


def _decoded(data: bytes) -> str:
    """A file's bytes as text, a byte-order mark dropped and bad bytes replaced."""
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


def _source_place(doc: CommentedMap, text: str) -> Located | None:
    if "source" not in doc:
        return None
    keys = list(doc)
    start = int(doc.lc.key("source")[0])
    after = keys.index("source") + 1
    end = int(doc.lc.key(keys[after])[0]) if after < len(keys) else len(text.splitlines())
    return Located("source", 0, start, start, end)


def _plain(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return str(value)


def _fact_json(doc: CommentedMap, place: Located, text: str) -> dict[str, Any]:
    item = doc[place.section][place.index]
    fields = {str(key): _plain(value) for key, value in item.items()}
    notes = check_comments(text, place)
    if isinstance(item.get("check"), str):
        notes = [str(item["check"]), *notes]
    return {"id": str(item["id"]), "section": place.section, "fields": fields, "check": notes,
            "line": place.start + 1}


def _problems(path: Path, doc: CommentedMap, located: dict[str, Located],
              text: str) -> list[dict[str, Any]]:
    from quizgen.factbase.loader import load_factbase
    from quizgen.factbase.provenance import check_provenance

    try:
        base = load_factbase(path)
    except QuizgenError as error:
        found = list(error.problems)
    else:
        found = check_provenance(base)
    return _located_problems(found, text, doc=doc)


def _located_problems(problems: Any, text: str, *, doc: CommentedMap | None = None
                      ) -> list[dict[str, Any]]:
    """Problems as JSON, each with the fact id and field it names (from `quotes[3].text`)."""
    if doc is None:
        try:
            doc = parse(text)
        except QuizgenError:
            doc = CommentedMap()
    out = []
    for problem in problems:
        fact, field = None, problem.field
        match = _FIELD.match(problem.field or "")
        if match and isinstance(doc.get(match.group(1)), CommentedSeq):
            items = doc[match.group(1)]
            index = int(match.group(2))
            if index < len(items) and isinstance(items[index], CommentedMap):
                fact, field = str(items[index].get("id")), match.group(3)
        out.append({"message": problem.message, "fact": fact, "field": field,
                    "path": problem.field, "line": problem.line, "found": problem.found,
                    "expected": problem.expected})
    return out


def _highlights(article: str, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where each fact's excerpt (or a quote's words) stands in the article, at most once."""
    spans = []
    for fact in facts:
        needle = fact["fields"].get("excerpt") or (
            fact["fields"].get("text") if fact["section"] == "quotes" else None)
        if not isinstance(needle, str) or not needle.strip():
            continue
        pattern = r"\s+".join(re.escape(word) for word in needle.split())
        match = re.search(pattern, article)
        if match:
            spans.append({"start": match.start(), "end": match.end(), "id": fact["id"],
                          "section": fact["section"]})
    return spans
