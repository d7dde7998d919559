"""`quizgen draft` and `init --from` on disk: read the article, write the fact base and its copy."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import Problem, QuizgenError

if TYPE_CHECKING:
    from quizgen.output import Batch

MAX_NAME = 100  # characters of a fact-base name: its files' names stay far below 255 bytes
MAX_ARTICLE_BYTES = 1024 * 1024  # a news article is 5–50 KB; drafting 1 MB takes ~20 s


def read_article(path: Path) -> str:
    """An article's plain text: an existing UTF-8 file of at most 1 MB."""
    name = str(path)
    if not path.is_file():
        raise QuizgenError(Problem("no such article file", file=name,
                                   expected="the article saved as a plain-text (.txt) file"))
    def too_large(found: str) -> QuizgenError:
        return QuizgenError(Problem("the article file is too large", file=name, found=found,
                                    expected=f"at most {MAX_ARTICLE_BYTES:,} bytes of text"))

    try:  # the size first, then at most one byte past the limit (a /proc file says 0)
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_ARTICLE_BYTES:
                raise too_large(f"{size:,} bytes")
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise QuizgenError(Problem("cannot read the article file", file=name,
                                   found=exc.strerror or type(exc).__name__,
                                   expected="a readable plain-text file")) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise too_large(f"more than {MAX_ARTICLE_BYTES:,} bytes")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise QuizgenError(Problem(f"the article is not UTF-8 (byte offset {exc.start})",
                                   file=name, line=line, found=f"byte 0x{data[exc.start]:02X}",
                                   expected="the article saved as UTF-8 plain text")) from None
    if not text.strip():
        raise QuizgenError(Problem("the article file is empty", file=name,
                                   expected="the article's text"))
    return text


def name_for(article: Path, name: str | None, *, field: str = "--name") -> str:
    """The fact base's name: as given, or made from the article's file name."""
    if name is None:
        from quizgen.draft.tokens import slug

        name = slug(article.stem)[:MAX_NAME].rstrip("-")
    if len(name) > MAX_NAME:
        shown = repr(name[:40]) + "…"
        raise QuizgenError(Problem("the fact-base name is too long", field=field,
                                   found=f"{len(name):,} characters ({shown})",
                                   expected=f"a name of at most {MAX_NAME} characters (it names"
                                   " the fact base's files), e.g. mytopic"))
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise QuizgenError(Problem("bad fact-base name", field=field, found=repr(name),
                                   expected="lower-case letters, digits and hyphens, e.g."
                                   " mytopic"))
    return name


def planned(folder: Path, name: str, article: Path, text: str, *,
            force: bool) -> tuple[Path, Path, bytes]:
    """The fact base's and the article copy's paths, refusing to overwrite without force."""
    target = folder / f"{name}.yaml"
    copy = folder / "sources" / f"{name}.txt"
    if target.exists() and article.exists() and target.samefile(article):
        raise QuizgenError(Problem("refusing to write the draft over the article it reads",
                                   file=str(target), expected="another --name or --dir"))
    if target.exists() and not force:
        raise QuizgenError(Problem("refusing to overwrite an existing fact base",
                                   file=str(target), expected="another --name, or --force to"
                                   " replace it"))
    data = text.encode("utf-8")
    if copy.exists() and copy.resolve() != article.resolve() and copy.read_bytes() != data \
            and not force:
        raise QuizgenError(Problem("refusing to overwrite a different article", file=str(copy),
                                   expected="another --name, or --force to replace it"))
    return target, copy, data


def write_draft(article: Path, *, name: str | None, folder: Path, force: bool
                ) -> tuple[Path, Path, str]:
    """Draft a fact base from the article; write it and a copy of the article, all or none."""
    from quizgen.draft import draft_factbase
    from quizgen.output import Batch

    text = read_article(article)
    name = name_for(article, name)
    target, copy, data = planned(folder, name, article, text, force=force)
    yaml_text = draft_factbase(text, name=name)
    with Batch() as batch:
        batch.add(target, yaml_text.encode("utf-8"))
        if not copy.exists() or copy.resolve() != article.resolve():
            batch.add(copy, data)
        _add_schema(batch, folder)
        batch.commit()
    return target, copy, yaml_text


def _add_schema(batch: Batch, folder: Path) -> None:
    from quizgen.factbase.json_schema import factbase_schema_text

    schema = folder / "factbase.schema.json"
    if not schema.exists():
        batch.add(schema, factbase_schema_text().encode("utf-8"))


def write_init(name: str, *, folder: Path, article: Path | None) -> list[Path]:
    """Write folder/NAME.yaml from the template (and, with an article, a copy of it beside)."""
    from quizgen.output import Batch
    from quizgen.resources import read_template

    name = name_for(Path(name), name, field="NAME")
    target = folder / f"{name}.yaml"
    if target.exists():
        raise QuizgenError(Problem("refusing to overwrite an existing file", file=str(target),
                                   expected="a new name, or delete the file first"))
    text = read_template("factbase.yaml").replace("{{name}}", name)
    copy = None
    if article is not None:
        article_text = read_article(article)
        _, copy, data = planned(folder, name, article, article_text, force=False)
        text = text.replace(f"  # text_file: sources/{name}.txt ",
                            f"  text_file: sources/{name}.txt   ")
    with Batch() as batch:
        batch.add(target, text.encode("utf-8"))
        if copy is not None and article is not None and (
                not copy.exists() or copy.resolve() != article.resolve()):
            batch.add(copy, data)
        _add_schema(batch, folder)
        return batch.commit()
