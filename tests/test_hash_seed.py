"""Every pattern quizgen compiles at import has the same text under any hash seed."""

from __future__ import annotations

import subprocess
import sys

# imports every quizgen module and prints each module-level pattern's text, module by module
_CODE = """
import hashlib, importlib, pkgutil, re, quizgen
for info in sorted(pkgutil.walk_packages(quizgen.__path__, "quizgen."), key=lambda i: i.name):
    if info.name.endswith("__main__"):
        continue
    module = importlib.import_module(info.name)
    for name, value in sorted(vars(module).items()):
        if isinstance(value, re.Pattern):
            text = repr((value.pattern, value.flags)).encode()
            print(info.name, name, hashlib.sha256(text).hexdigest())
"""


def test_module_patterns_are_the_same_under_any_hash_seed() -> None:
    """Separate interpreters with different PYTHONHASHSEED compile the same pattern texts (a
    pattern joined from a set's order would differ, and with it what the pattern prefers)."""
    outputs = {
        subprocess.run([sys.executable, "-c", _CODE], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("0", "1", "4242")
    }
    assert len(outputs) == 1 and next(iter(outputs)).count("\n") > 50
