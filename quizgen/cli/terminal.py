"""What reaches the terminal: content escaped, rich's markup read without rich, the consoles."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used, so that `quizgen validate` starts faster
    from rich.console import Console

# What a terminal would act on rather than show: C0 controls (but tab and line feed), DEL, C1
# controls, and the bidirectional-text controls that can reorder what a line appears to say.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                        "\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text with the control characters a terminal would act on shown as escapes instead."""
    return _INVISIBLE.sub(_visible, text)


def escape(text: str) -> str:
    """Text from content as it must reach the terminal: controls made visible, no rich markup.

    Everything quizgen prints that comes from a fact base, a file or a path goes through here:
    ESC, NUL and other control characters appear as `\\x1b`, `\\x00`; bidi overrides as
    `\\u202e`; `[bold]` is shown as written. (Emoji codes such as `:x:` are off in the consoles.)
    """
    return markup_escape(visible(text))


# rich's markup tags, as rich.markup reads and escapes them (a run of backslashes, then a tag)
_TAG = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPABLE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
# What rich's Text changes besides the markup (tabs expanded to its tab stops, the controls it
# drops): a text holding one is printed through rich itself.
_RICH_ONLY = re.compile("[\t\x07\x08\x0b\x0c\r]")


def markup_escape(text: str) -> str:
    """Text that rich's markup shows as written: `rich.markup.escape`, without importing rich."""
    text = _ESCAPABLE.sub(lambda match: f"{match[1]}{match[1]}\\{match[2]}", text)
    if text.endswith("\\") and not text.endswith("\\\\"):
        return text + "\\"
    return text


def plain(markup: str) -> str:
    """What rich prints for this markup where there is no terminal: the text without its tags.

    Read as rich.markup reads it: `\\[tag]` is the tag shown as written, `\\\\` a backslash,
    any other `\\[` an opening bracket.
    """
    parts: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        full, escapes, _ = match.groups()
        start, end = match.span()
        if start > position:
            parts.append(markup[position:start].replace("\\[", "["))
        position = end
        backslashes, escaped = divmod(len(escapes), 2)
        parts.append("\\" * backslashes)
        if escaped:
            parts.append(full[len(escapes):].replace("\\[", "["))
    parts.append(markup[position:].replace("\\[", "["))
    return "".join(parts)


def is_terminal(stream: object) -> bool:
    """Whether rich would treat the stream as a terminal (styles, colours), as rich decides it:
    TTY_COMPATIBLE, then FORCE_COLOR, then the stream itself."""
    import os

    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except ValueError:  # a closed stream
        return False


class Plain:
    """Prints markup as rich's console prints it where there is no terminal, without importing
    rich (~16 ms of every command's start): the text without its tags, then a line feed, and
    flushed. Anything else (a table, no text, a tab or a control rich drops) goes to rich."""

    def __init__(self, *, stderr: bool) -> None:
        self.stderr = stderr

    def print(self, *objects: object) -> None:
        stream = sys.stderr if self.stderr else sys.stdout
        text = objects[0] if len(objects) == 1 else None
        if not isinstance(text, str) or _RICH_ONLY.search(text):
            rich_console(stderr=self.stderr).print(*objects)
            return
        stream.write(plain(text) + "\n")
        stream.flush()


def rich_console(*, stderr: bool) -> Console:
    """rich's console as quizgen prints with it: no highlighting, no emoji codes, soft wrap."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def out() -> Console | Plain:
    """The console for standard output: plain where it is no terminal, else rich's."""
    return Plain(stderr=False) if not is_terminal(sys.stdout) else rich_console(stderr=False)


def err() -> Console | Plain:
    """The console for standard error: plain where it is no terminal, else rich's."""
    return Plain(stderr=True) if not is_terminal(sys.stderr) else rich_console(stderr=True)
