"""Hostile inputs of round two (issue 13), written into a folder: shared by the tests and the bench.

Each maker takes a folder and a valid fact base (its YAML, without an `id:` line, and its article)
and writes one case: a fact base whose article path leads outside its folder, a sparse article of
1.5 GB, terminal escapes in content, 60,000 unknown speakers, a figure of 41 digits, UTF-16 without
a byte-order mark, 3,000-character words, stale temporary files, an --out symlink, and file names
that make no valid id.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

SECRET = "QUIZGEN_HOSTILE_SECRET=s3cr3t-do-not-print"
LONG_WORD = "Supercalifragilistic" * 150  # 3,000 characters
ESCAPES = "\x1b[31mRED\x1b]0;pwned\x07\x00\u202e :x: :warning: [bold]b[/bold]"
SPARSE_BYTES = 1536 * 1024 * 1024  # 1.5 GB, holding no data on disk
_TEXT_FIELDS = ("title", "about", "name", "role", "text", "excerpt", "context", "measure",
                "description")


def with_text_file(yaml_text: str, text_file: str) -> str:
    """The fact base with its `source.text_file` set to text_file."""
    return re.sub(r"(?m)^(\s+text_file:).*$", lambda m: f"{m.group(1)} {_quoted(text_file)}",
                  yaml_text, count=1)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar; control characters written as escapes."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or char == "\u202e":
            out.append(f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def outside_paths(folder: Path, yaml_text: str, article: str) -> dict[str, Path]:
    """Fact bases in folder/base/ whose text_file leads to a secret outside it, in every way.

    An absolute path, `../`, a symlink in sources/, /proc/self/environ, and (not outside, but
    not regular files) a folder and a named pipe. The secret file holds SECRET; each fact base
    has an excerpt guessing at it, which a provenance check must never confirm or show.
    """
    base = folder / "base"
    (base / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "outside").mkdir(exist_ok=True)
    secret = folder / "outside" / "secret.txt"
    secret.write_text(f"{SECRET}\n{article}", encoding="utf-8")
    link = base / "sources" / "link.txt"
    if not link.is_symlink():
        link.symlink_to(secret)
    pipe = base / "sources" / "pipe.txt"
    if not pipe.exists():
        os.mkfifo(pipe)
    guess = yaml_text.replace("people:\n", "people:\n  - {id: guesser, name: G, role: r, "
                              'excerpt: "QUIZGEN_HOSTILE_SECRET=wrong"}\n', 1)
    cases = {"absolute": str(secret), "parent": "../outside/secret.txt",
             "symlink": "sources/link.txt", "proc-environ": "/proc/self/environ",
             "folder": "sources", "pipe": "sources/pipe.txt"}
    paths = {}
    for name, target in cases.items():
        path = base / f"outside-{name}.yaml"
        path.write_text(with_text_file(guess, target), encoding="utf-8")
        paths[name] = path
    return paths


def sparse_article(folder: Path, yaml_text: str, size: int = SPARSE_BYTES) -> Path:
    """A fact base whose article is a sparse file of `size` bytes (no disk space used)."""
    article = folder / "huge-article.txt"
    with open(article, "wb") as handle:
        handle.truncate(size)
    path = folder / "huge-article.yaml"
    path.write_text(with_text_file(yaml_text, "huge-article.txt"), encoding="utf-8")
    return path


def escapes_in_content(folder: Path, yaml_text: str) -> tuple[Path, Path]:
    """(a fact base with ESCAPES in a key, so the field path and error carry them; a valid fact
    base with ESCAPES in every quote's text, for `quizgen preview`)."""
    bad = folder / "escape-key.yaml"
    bad.write_text(yaml_text.replace("source:\n", f"source:\n  {_quoted(ESCAPES)}: 1\n", 1),
                   encoding="utf-8")
    good = folder / "escape-text.yaml"
    good.write_text(re.sub(r'(\{id: q\d+, text: ")', lambda m: m.group(1) + _quoted(ESCAPES)[1:-1]
                           + " ", yaml_text), encoding="utf-8")
    return bad, good


def unknown_speakers(folder: Path, count: int = 60_000) -> Path:
    """A fact base with one quote whose speakers are `count` ids that do not exist, one a line."""
    rows = "".join(f"      - nobody{n}\n" for n in range(count))
    path = folder / "unknown-speakers.yaml"
    path.write_text("source: {title: T, about: A}\npeople:\n"
                    "  - {id: p, name: P, role: r, excerpt: p}\nquotes:\n"
                    "  - id: q\n    text: t\n    excerpt: t\n    speakers:\n" + rows,
                    encoding="utf-8")
    return path


def figure_digits(folder: Path, yaml_text: str, digits: int) -> Path:
    """The fact base with its first counted (not percent) figure made `digits` nines long."""
    lines = yaml_text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if re.match(r"\s+- \{id: f\d+,", line) and 'unit: "percent"' not in line:
            lines[index] = re.sub(r"value: [0-9.]+", "value: " + "9" * digits, line, count=1)
            break
    else:
        raise ValueError("the fact base has no counted figure")
    path = folder / f"figure-{digits}-digits.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def utf16_without_bom(folder: Path, yaml_text: str, *, big_endian: bool = False) -> Path:
    """The fact base saved as UTF-16 without a byte-order mark (a non-ASCII title included)."""
    path = folder / f"utf16{'be' if big_endian else 'le'}.yaml"
    text = yaml_text.replace("title: \"", "title: \"Nicolás ", 1)
    path.write_bytes(text.encode("utf-16-be" if big_endian else "utf-16-le"))
    return path


def long_words(folder: Path, yaml_text: str) -> Path:
    """The fact base with a 3,000-character word at the end of every text field."""
    def longer(match: re.Match[str]) -> str:
        if match.group(1) not in _TEXT_FIELDS:
            return match.group(0)
        return f'{match.group(1)}: "{match.group(2)} {LONG_WORD}"'

    path = folder / "long-words.yaml"
    path.write_text(re.sub(r'(\w+): "([^"]*)"', longer, yaml_text), encoding="utf-8")
    return path


def stale_temp_files(folder: Path, target: str, *, count: int) -> list[Path]:
    """`count` temporary files of a killed build for target (dead process ids) in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    dead = _dead_pid()
    paths = []
    for n in range(count):
        path = folder / f".{target}.{dead}.{n:08d}.tmp"
        path.write_bytes(b"half a deck")
        paths.append(path)
    return paths


def _dead_pid() -> int:
    """A process id that no process has (the largest possible, checked)."""
    limit = int(Path("/proc/sys/kernel/pid_max").read_text()) if Path(
        "/proc/sys/kernel/pid_max").exists() else 99_999
    for pid in range(limit - 1, 1, -1):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            continue
    raise RuntimeError("no free process id")


def out_symlink(folder: Path) -> tuple[Path, Path]:
    """(a symlink deck.apkg, the file it points to): --out must refuse, not replace, the link."""
    victim = folder / "victim.txt"
    victim.write_text("not a deck\n", encoding="utf-8")
    link = folder / "deck.apkg"
    if not link.is_symlink():
        link.symlink_to(victim)
    return link, victim


BAD_NAMES = ("..yaml", "My Tópic.yaml", "two words.yaml", "UPPER.yaml", "accént.yaml")


def bad_file_names(folder: Path, yaml_text: str) -> list[Path]:
    """The fact base saved under names that make no valid id (no `id:` line in it)."""
    paths = []
    for name in BAD_NAMES:
        path = folder / name
        path.write_text(yaml_text, encoding="utf-8")
        paths.append(path)
    return paths
