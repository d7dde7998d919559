"""Kept-code caches generated for tests in a temporary folder, never in the package's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from quizgen import code_cache

ROOT = Path(__file__).resolve().parent.parent


def env(prefix: Path, **extra: str) -> dict[str, str]:
    """A subprocess's environment whose kept-code cache lives in the folder `prefix`
    (`QUIZGEN_CODE_CACHE`), writing no bytecode as it imports. Its modules' own bytecode stays
    where it is: a temporary `PYTHONPYCACHEPREFIX` would have each child compile every module,
    the standard library's too, from source (about 3 s a build)."""
    return {**os.environ, code_cache.ENV: str(prefix), "PYTHONDONTWRITEBYTECODE": "1",
            "SOURCE_DATE_EPOCH": "0", **extra}


def cache_file(prefix: Path) -> Path:
    """Where quizgen keeps its cache in the folder `prefix`."""
    return prefix / f"kept-code.{sys.implementation.cache_tag}.bin"


def generate(prefix: Path) -> Path:
    """Run `python -m quizgen.keep_code` with the cache under `prefix`; the file it wrote."""
    subprocess.run([sys.executable, "-m", "quizgen.keep_code"], cwd=ROOT, env=env(prefix),
                   check=True, capture_output=True)
    return cache_file(prefix)
