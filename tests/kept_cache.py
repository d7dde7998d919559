"""Kept-code caches generated for tests in a temporary folder, never in the package's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env(prefix: Path, **extra: str) -> dict[str, str]:
    """A subprocess's environment whose bytecode, and so kept-code cache, lives under `prefix`
    (`PYTHONPYCACHEPREFIX`, as Python's own `.pyc` files), writing no bytecode as it imports."""
    return {**os.environ, "PYTHONPYCACHEPREFIX": str(prefix), "PYTHONDONTWRITEBYTECODE": "1",
            "SOURCE_DATE_EPOCH": "0", **extra}


def cache_file(prefix: Path) -> Path:
    """Where quizgen keeps its cache under `prefix` (as importlib puts a `.pyc` there)."""
    package = str(ROOT / "quizgen")
    return prefix / os.path.splitdrive(package)[1].lstrip(os.sep) / \
        f"kept-code.{sys.implementation.cache_tag}.bin"


def generate(prefix: Path) -> Path:
    """Run `python -m quizgen.keep_code` with the cache under `prefix`; the file it wrote."""
    subprocess.run([sys.executable, "-m", "quizgen.keep_code"], cwd=ROOT, env=env(prefix),
                   check=True, capture_output=True)
    return cache_file(prefix)
