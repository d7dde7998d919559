"""The kept code of quizgen's dataclasses: the same as compiling, read safely, only for quizgen."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgen import code_cache, dataclass_code
from tests import kept_cache
from tests.kept_cache import generated_prefix  # noqa: F401 - the `prefix` fixture

ROOT = Path(__file__).resolve().parent.parent


# Every generated method of every dataclass of every quizgen module, as comparable text: run once
# as quizgen runs (kept code), once with the dataclasses module's own `exec` put back right after
# `import quizgen` (each method compiled from its source, as without quizgen.dataclass_code).
_METHODS = r"""
import dataclasses, json, sys, types
import quizgen
if sys.argv[1] == "compiled":  # the dataclasses module's own `exec`, the builtin
    del vars(dataclasses)["exec"]
import importlib, pkgutil
for module in pkgutil.walk_packages(quizgen.__path__, "quizgen."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)

def canon(code):
    consts = tuple(canon(c) if isinstance(c, types.CodeType) else repr(c) for c in code.co_consts)
    return (code.co_name, code.co_flags, code.co_argcount, code.co_kwonlyargcount,
            code.co_code.hex(), consts, code.co_names, code.co_varnames, code.co_freevars,
            code.co_cellvars)

out = {}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("quizgen.") or name == "quizgen.errors":
        continue
    for cls in vars(module).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == name:
            for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__",
                           "__delattr__"):
                fn = cls.__dict__.get(method)
                fn = getattr(fn, "__wrapped__", fn)
                if isinstance(fn, types.FunctionType):
                    out[f"{cls.__qualname__}.{method}"] = repr(canon(fn.__code__))
print(json.dumps(out))
"""


def _methods(how: str, prefix: Path) -> dict[str, str]:
    run = subprocess.run([sys.executable, "-c", _METHODS, how], cwd=ROOT, capture_output=True,
                         text=True, check=True, env=kept_cache.env(prefix))
    methods: dict[str, str] = json.loads(run.stdout)
    return methods


def test_generated_cache_keeps_every_text_compiled_as_exec_does(prefix: Path) -> None:
    """The generated cache holds exactly the texts quizgen's classes generate, each compiled as
    the dataclasses module compiles it."""
    script = ("import json; from quizgen import keep_code; "
              "print(json.dumps(sorted(set(keep_code.every_text()))))")
    run = subprocess.run([sys.executable, "-B", "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    texts = json.loads(run.stdout)
    kept = dataclass_code.read(str(kept_cache.cache_file(prefix)))
    assert len(texts) > 300
    assert sorted(kept) == texts
    for text in texts:
        assert dataclass_code.code(kept[text]) == \
            compile(text, "<string>", "exec", dont_inherit=True), text


def test_classes_made_from_kept_code_equal_classes_compiled_from_source(prefix: Path) -> None:
    """Every method of every quizgen dataclass is the same code whether it was kept or compiled
    from the text the dataclasses module wrote (its flags, constants, names and bytecode)."""
    kept = _methods("kept", prefix)
    assert len(kept) > 300
    assert kept == _methods("compiled", prefix)


def test_kept_code_is_what_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A quizgen class's generated method runs the code kept for its text, not the text: a
    kept `__repr__` planted to say something else is what the class's repr says."""
    planted = types.ModuleType("quizgen.planted_repr")
    monkeypatch.setitem(sys.modules, planted.__name__, planted)
    vars(planted)["dataclass"] = dataclass
    source = "@dataclass(frozen=True)\nclass Kept:\n    x: int\n"
    exec(compile(source, "<planted>", "exec", dont_inherit=True), vars(planted))
    text = next(t for t in reversed(dataclass_code.SEEN) if "def __repr__" in t)
    other = ("def __create_fn__():\n def __repr__(self):\n"
             "  return 'from the kept file'\n return __repr__")
    kept = marshal.dumps(compile(other, "<string>", "exec", dont_inherit=True))
    monkeypatch.setitem(dataclass_code._KEPT, text, kept)
    exec(compile(source, "<planted>", "exec", dont_inherit=True), vars(planted))
    assert repr(vars(planted)["Kept"](1)) == "from the kept file"
    monkeypatch.setitem(dataclass_code._KEPT, text, b"not marshalled code")
    exec(compile(source, "<planted>", "exec", dont_inherit=True), vars(planted))
    assert repr(vars(planted)["Kept"](1)) == "Kept(x=1)"  # unreadable: compiled from the text


@dataclass(frozen=True)
class _Elsewhere:
    """A class of a module outside quizgen."""

    field: int


def test_only_quizgen_modules_take_kept_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """Classes of other modules are compiled as ever and not recorded; a quizgen module's are."""
    seen = len(dataclass_code.SEEN)
    dataclass(frozen=True)(type("Other", (), {"__annotations__": {"x": "int"}}))
    assert len(dataclass_code.SEEN) == seen
    assert _Elsewhere(1) == _Elsewhere(1)
    planted = types.ModuleType("quizgen.planted")
    monkeypatch.setitem(sys.modules, planted.__name__, planted)
    vars(planted)["dataclass"] = dataclass
    source = "@dataclass(frozen=True)\nclass Kept:\n    x: int\n"
    exec(compile(source, "<planted>", "exec", dont_inherit=True), vars(planted))
    assert len(dataclass_code.SEEN) == seen + 6  # six methods, each text recorded
    kept = vars(planted)["Kept"]
    assert kept(1) == kept(1) and kept(1) != kept(2) and repr(kept(1)) == "Kept(x=1)"
    assert kept.__init__.__annotations__ == {"x": int, "return": None}


def test_a_stale_or_broken_file_is_passed_over(tmp_path: Path) -> None:
    """A cache of another bytecode format, of another format number, cut short, corrupt or
    missing gives no kept code (every class is then compiled as before)."""
    code = {"pass": marshal.dumps(compile("pass", "<string>", "exec", dont_inherit=True))}
    stamp, none = dataclass_code.stamp(), (None, None)
    files = {"good": code_cache.dump((stamp, code), none),
             "other-python": code_cache.dump(((dataclass_code.FORMAT, b"\0\0\r\n"), code), none),
             "other-format": code_cache.dump(((stamp[0] + 1, stamp[1]), code), none),
             "other-file-format": marshal.dumps((code_cache.FORMAT + 1, (stamp, code), none)),
             "not-a-cache": marshal.dumps(code), "corrupt": b"\xff" * 64}
    files["cut"] = files["good"][:-5]
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert dataclass_code.read(str(tmp_path / "good")) == code
    for name in [*files, "missing"]:
        if name != "good":
            assert dataclass_code.read(str(tmp_path / name)) == {}, name
