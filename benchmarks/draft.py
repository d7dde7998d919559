"""Time `quizgen draft` on the bundled article repeated to 5 KB, 100 KB and 1 MB (the cap)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.draft import draft_factbase  # noqa: E402  # after the path is set

ARTICLE = ROOT / "content" / "sources" / "venezuela-post-election.txt"


def main() -> None:
    """Print one line per size: characters, seconds, facts drafted."""
    headline, body = ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    for copies in (1, 20, 190):
        text = headline + "\n" + "\n".join([body] * copies)
        start = time.perf_counter()
        drafted = draft_factbase(text, name="bench")
        seconds = time.perf_counter() - start
        facts = sum(line.startswith("  - id:") for line in drafted.splitlines())
        print(f"{len(text):>9,} characters  {seconds:7.2f} s  {facts:>6,} facts")


if __name__ == "__main__":
    main()
