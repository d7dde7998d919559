"""What every renderer takes (a quiz and options) and returns (file names and bytes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from quizgen.questions import Quiz

Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class RenderOptions:
    """Everything a renderer may need besides the quiz. Renderers ignore what they do not use."""

    name: str  # base name of the files, e.g. "venezuela-post-election"
    seed: int = 0
    timestamp: int = 946684800  # seconds since the epoch; the CLI passes SOURCE_DATE_EPOCH or now
    title: str | None = None  # overrides the quiz title
    # worksheet
    versions: int = 1
    paper: Paper = "a4"
    instructions: str | None = None
    key: bool = True  # write the answer key
    sheet: bool = True  # write the student sheet
    explain: bool = False  # explanations under each answer in the key
    split_versions: bool = False  # one PDF per version
    pad: bool = True  # pad each version to an even page count (double-sided printing)
    # anki
    previous_manifest: bytes | None = None  # the manifest written by the previous build, if any


class Renderer(Protocol):
    """A pure function from a quiz to {relative file name: content}."""

    def __call__(self, quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]: ...
