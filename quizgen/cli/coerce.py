"""Option values turned into Python values without pydantic when typer's answer is plain.

typer 0.29 coerces every value of a command it runs through a pydantic `TypeAdapter`; importing
pydantic and building the adapters costs about 60 ms of every command (a quarter of
`quizgen validate`). quizgen's options are text, whole numbers, paths, flags and choices: for
those values the answer is known without pydantic (the text itself; `int` of plain digits within
the bounds; `Path` of the text; the enum member typer's own choice matching finds). Anything else
(a number with spaces or underscores, a value out of bounds, an empty path, a type not listed
here) goes to typer's own coercion, so its values and error messages stay typer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer.core
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path

_DIGITS = re.compile(r"-?[0-9]{1,18}")  # what pydantic and int() read alike, well within int64
_UNSURE = object()  # the value is left to typer's own coercion


def _plain(annotation: Any, info: Any, value: Any, ctx: Any, param: Any) -> Any:
    """The value typer would give for `value`, or _UNSURE."""
    if info.parser is not None or info.clamp:
        return _UNSURE
    if get_origin(annotation) is list:
        (item_type,) = get_args(annotation)
        items = value if isinstance(value, list | tuple) else [value]
        made = [_plain(item_type, info, item, ctx, param) for item in items]
        return _UNSURE if any(item is _UNSURE for item in made) else made
    if annotation is str:
        return value if type(value) is str else _UNSURE
    if annotation is int:
        number = value if type(value) is int else (
            int(value) if type(value) is str and _DIGITS.fullmatch(value) else None)
        if number is None or (info.min is not None and number < info.min) or (
                info.max is not None and number > info.max):
            return _UNSURE
        return number
    if annotation is bool:
        return value if type(value) is bool else _UNSURE
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(value, choices=list(annotation),
                                     case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:  # typer words the refusal through pydantic: let it
            return _UNSURE
    if annotation is Path and info.path_type is None and not (
            info.exists or info.resolve_path or info.allow_dash):
        if type(value) is str and value and "\0" not in value and str(Path(value)) == value:
            value = Path(value)  # what pydantic makes of it; typer checks the rest
        if not isinstance(value, Path):
            return _UNSURE
        return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
    return _UNSURE


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam):
    """typer's coercion contract, answered without pydantic when the answer is plain."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        made = _plain(self.annotation, self.parameter_info, value, ctx, param)
        if made is not _UNSURE:
            return made
        typer_own = build_runtime_param(param.type_descriptor)
        return typer_own._coerce_value(value, param=param, ctx=ctx)


def plain_runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
    """What typer.core asks for each parameter: PlainRuntimeParam, or typer's own for files."""
    if descriptor.file_annotation is not None:
        return build_runtime_param(descriptor)
    return PlainRuntimeParam(annotation=descriptor.annotation,
                             parameter_info=descriptor.parameter_info)


def install() -> None:
    """Make typer's parameters (which ask typer.core for their coercion when first used) take
    PlainRuntimeParam. Its answers are typer's own, so any other typer app in the process is
    unaffected but for the time."""
    typer.core.build_runtime_param = plain_runtime_param  # type: ignore[attr-defined]  # the name typer.core calls
