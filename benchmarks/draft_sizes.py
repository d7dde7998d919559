"""Time `draft_factbase` on the bundled article repeated to given sizes (bytes, as arguments)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.draft import draft_factbase  # noqa: E402  # after the path is set

ARTICLE = ROOT / "content" / "sources" / "venezuela-post-election.txt"


def article_of(size: int) -> str:
    """The bundled article's headline and its body repeated until the text holds `size` bytes."""
    headline, body = ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    copies = max(1, -(-size // len(body.encode("utf-8"))))
    return headline + "\n" + "\n".join([body] * copies)


def main() -> None:
    """Print on standard error, for each size given: bytes, seconds, facts drafted (a line each;
    standard error, so that run.py reads it where its runner keeps it)."""
    for size in [int(arg) for arg in sys.argv[1:]] or [100_000, 1_000_000]:
        text = article_of(size)
        start = time.perf_counter()
        drafted = draft_factbase(text, name="bench")
        seconds = time.perf_counter() - start
        facts = sum(line.startswith("  - id:") for line in drafted.splitlines())
        print(f"{len(text.encode('utf-8'))} {seconds:.4f} {facts}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
