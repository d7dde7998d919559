"""The house follows the pipeline: every import points down a stage, and none in a circle."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quizgen"

# The stages from the bottom up, each named by the module prefixes it holds. A module may import
# from its own stage and the stages below it, never from one above.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("quizgen.errors", "quizgen.registry", "quizgen.resources", "quizgen.output",
                    "quizgen.collector", "quizgen.code_cache", "quizgen.dataclass_code",
                    "quizgen.pattern_code", "quizgen.keep_code")),
    ("article", ("quizgen.article",)),
    ("fact base", ("quizgen.factbase",)),
    ("draft", ("quizgen.draft",)),
    ("questions", ("quizgen.quiz.questions", "quizgen.quiz.question_ids")),
    ("generators and oracle", ("quizgen.generators", "quizgen.oracle")),
    ("quiz", ("quizgen.quiz",)),
    ("renderers", ("quizgen.renderers",)),
    ("pipeline", ("quizgen.pipeline",)),
    ("studio", ("quizgen.studio",)),
    ("cli", ("quizgen.cli", "quizgen.__main__")),
    ("public api", ("quizgen",)),
)
# Pairs that stand side by side and must never import each other: the oracle proves what the
# generators made, so it shares no code with them.
APART = (("quizgen.generators", "quizgen.oracle"), ("quizgen.oracle", "quizgen.generators"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def stage_of(module: str) -> int:
    """The index in STAGES of the most specific prefix that holds the module."""
    best = max((len(prefix), index) for index, (_, prefixes) in enumerate(STAGES)
               for prefix in prefixes if _within(module, prefix))
    return best[1]


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(source: str) -> Iterator[tuple[str, int, bool]]:
    """(module imported, line, whether only for type checking) for every quizgen import, at any
    depth: in functions as well as at the top."""

    def walk(node: ast.AST, typing_only: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                yield from walk(child, True)
                continue
            if isinstance(child, ast.Import):
                yield from ((a.name, child.lineno, typing_only) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                for alias in child.names:  # `from quizgen.quiz import leaks` imports a module
                    full = f"{child.module}.{alias.name}"
                    yield (full if full in MODULES else child.module), child.lineno, typing_only
            yield from walk(child, typing_only)

    for name, line, typing_only in walk(ast.parse(source), False):
        if _within(name, "quizgen"):
            yield name, line, typing_only


def arrows() -> list[tuple[str, str, int, bool]]:
    """Every (importer, imported, line, typing only) inside the package."""
    return list(_arrows())


@functools.cache
def _arrows() -> tuple[tuple[str, str, int, bool], ...]:
    """arrows(), the package parsed once per test process (four tests read the same imports)."""
    return tuple((module, imported, line, typing_only)
                 for module, path in MODULES.items()
                 for imported, line, typing_only in imports(path.read_text(encoding="utf-8")))


def wrong_way(edges: list[tuple[str, str, int, bool]]) -> list[str]:
    """The arrows that point up a stage, or between stages kept apart."""
    found = []
    for module, imported, line, _ in edges:
        if imported == "quizgen":  # the root holds only __version__ and lazy lookups at run time
            continue
        if stage_of(imported) > stage_of(module) or any(
                _within(module, a) and _within(imported, b) for a, b in APART):
            found.append(f"{MODULES[module].relative_to(PACKAGE.parent)}:{line}: {module} "
                         f"({STAGES[stage_of(module)][0]}) imports {imported} "
                         f"({STAGES[stage_of(imported)][0]})")
    return found


def circles(edges: list[tuple[str, str, int, bool]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules, over the imports run at run time."""
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for module, imported, _, typing_only in edges:
        if not typing_only and imported in graph and imported != module:
            graph[module].add(imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_is_one_folder_per_stage() -> None:
    """`ls quizgen` shows the pipeline's stages as folders, and every module belongs to a stage."""
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert {"article", "draft", "factbase", "generators", "oracle", "quiz", "renderers",
            "cli"} <= folders
    assert len(MODULES) > 60
    assert all(stage_of(module) >= 0 for module in MODULES)


def test_every_import_points_down_the_pipeline() -> None:
    """No module imports from a later stage (the fact base nothing from the drafter, the quiz,
    the renderers or the CLI), and the oracle and the generators never import each other."""
    edges = arrows()
    assert len(edges) > 150  # the reader sees the imports, including those inside functions
    assert wrong_way(edges) == []


def test_no_modules_import_in_a_circle() -> None:
    """The imports run at run time form no circle."""
    assert circles(arrows()) == []


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("quizgen.factbase.excerpts", "from quizgen.draft.analysis import Draft\n", "draft"),
    ("quizgen.factbase.numbers", "def f():\n    from quizgen.quiz.questions import Quiz\n",
     "questions"),
    ("quizgen.factbase.loader", "if TYPE_CHECKING:\n    import quizgen.renderers.base\n",
     "renderers"),
    ("quizgen.quiz.select", "from quizgen.cli import console\n", "cli"),
    ("quizgen.oracle.read", "from quizgen.generators.common import x\n", "generators"),
])
def test_a_planted_wrong_way_arrow_is_reported(module: str, source: str, expected: str) -> None:
    """An upward import planted in a module, at the top, in a function or for type checking only,
    is reported with its file and line."""
    planted = [(module, name, line, typing_only)
               for name, line, typing_only in imports(source)]
    assert planted
    [found] = wrong_way(planted)
    assert module in found and expected in found


def test_a_planted_circle_is_reported() -> None:
    """Two modules importing each other are reported as a circle; a type-checking import is not."""
    edges = [*arrows(), ("quizgen.draft.tokens", "quizgen.draft.analysis", 1, False)]
    assert ["quizgen.draft.analysis", "quizgen.draft.tokens"] in [
        [m for m in group if m in ("quizgen.draft.analysis", "quizgen.draft.tokens")]
        for group in circles(edges)]
    typing = [*arrows(), ("quizgen.draft.tokens", "quizgen.draft.analysis", 1, True)]
    assert circles(typing) == []
