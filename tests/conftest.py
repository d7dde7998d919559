"""Shared fixtures: the repository's paths, the bundled fact base, a scratch project folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from quizgen.factbase.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
ARTICLE = CONTENT / "venezuela-post-election.yaml"
# a folder, made per run by the controller, where xdist workers leave sheets built for each other
SHARED = "QUIZGEN_TESTS_SHARED"


def pytest_configure(config: pytest.Config) -> None:
    """The controller (not a worker) makes this run's shared folder before workers start."""
    if "PYTEST_XDIST_WORKER" not in os.environ and SHARED not in os.environ:
        folder = tempfile.mkdtemp(prefix="quizgen-tests-")
        os.environ[SHARED] = folder
        config.stash[_SHARED_KEY] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    """The controller removes the folder it made."""
    folder = config.stash.get(_SHARED_KEY, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop(SHARED, None)


_SHARED_KEY = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless system Chromium, launched once per test process for every browser test (each
    test opens its own pages, each page its own context); skips or fails, saying why, without it."""
    from browser_support import launched_browser

    yield from launched_browser()


@pytest.fixture(scope="session")
def article_path() -> Path:
    """The bundled fact base's path."""
    return ARTICLE


@pytest.fixture(scope="session")
def article_base() -> FactBase:
    """The bundled fact base, loaded once per session."""
    from quizgen.factbase.loader import load_factbase

    return load_factbase(ARTICLE)


@cache
def loaded(path: Path) -> FactBase:
    """A hand-written fact base loaded once per test process and shared by every test that only
    reads it (tests of the loader, or counting the work of a fresh base, load their own)."""
    from quizgen.factbase.loader import load_factbase

    return load_factbase(path)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch working folder made the current directory, whose content/ holds the bundled
    article alone (its fact base, text and the schema), as a teacher's first project would."""
    ignore = shutil.ignore_patterns("*.yaml", "*.txt", "*.md")
    shutil.copytree(CONTENT, tmp_path / "content", ignore=ignore)
    for path in (ARTICLE, CONTENT / "sources" / f"{ARTICLE.stem}.txt"):
        shutil.copy2(path, tmp_path / path.relative_to(ROOT))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def full_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch working folder holding a copy of all of content/, made the current directory."""
    shutil.copytree(CONTENT, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the renderers' golden files instead of comparing with them."""
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current renderers (review the diff!)")


@pytest.fixture()
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites golden files (only with the explicit --update-golden flag)."""
    return bool(request.config.getoption("--update-golden"))
