"""Time `quizgen draft` on the bundled article repeated to 5 KB, 100 KB and 1 MB (the cap), and
with `--hostile`, on each hostile shape of issue 20 at 10 KB, 100 KB and 1 MB."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.hostile_draft import SHAPES  # noqa: E402  # after the path is set
from quizgen.draft import draft_factbase  # noqa: E402  # after the path is set
from quizgen.draft.files import MAX_ARTICLE_BYTES  # noqa: E402  # after the path is set

ARTICLE = ROOT / "content" / "sources" / "venezuela-post-election.txt"
HOSTILE_SIZES = (10_000, 100_000, MAX_ARTICLE_BYTES)  # 1×, 10× and 100×, in bytes
TARGET_SECONDS = 20.0  # a 1 MB article drafts in under 20 s, whatever its content


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


def within_bytes(text: str, limit: int) -> str:
    """The text cut to at most `limit` bytes of UTF-8, at a line break or a space."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    cut = data[:limit - 1].decode("utf-8", "ignore")
    line, space = cut.rfind("\n"), cut.rfind(" ")
    end = line if line > len(cut) // 2 else space if space > len(cut) // 2 else len(cut)
    return cut[:end] + "\n"


def hostile() -> bool:
    """Print a Markdown table: each shape at each size, its draft's time and size, and whether
    the draft loads and validates; whether every 1 MB article drafted in under TARGET_SECONDS."""
    from quizgen.errors import QuizgenError
    from quizgen.factbase.loader import load_factbase
    from quizgen.factbase.validate import validate_factbase

    print("| shape | article | draft | draft size | facts | loads + validates |")
    print("|---|---|---|---|---|---|")
    holds = True
    for shape, make in SHAPES.items():
        for size in HOSTILE_SIZES:
            text = within_bytes(make(size), size)
            start = time.perf_counter()
            drafted = draft_factbase(text, name="bench")
            seconds = time.perf_counter() - start
            with tempfile.TemporaryDirectory() as folder:
                (Path(folder) / "sources").mkdir()
                (Path(folder) / "sources" / "bench.txt").write_text(text, encoding="utf-8")
                path = Path(folder) / "bench.yaml"
                path.write_text(drafted, encoding="utf-8")
                try:
                    loads = "yes" if not validate_factbase(load_factbase(path)) else "problems"
                except QuizgenError as error:
                    loads = f"no: {error.problems[0].message}"
            facts = sum(line.startswith("  - id:") for line in drafted.splitlines())
            cut = " (cut)" if "check: the article is long" in drafted else ""
            print(f"| {shape} | {len(text.encode('utf-8')):,} B | {seconds:.2f} s |"
                  f" {len(drafted.encode('utf-8')):,} B{cut} | {facts:,} | {loads} |", flush=True)
            if size == MAX_ARTICLE_BYTES:
                holds = holds and seconds < TARGET_SECONDS and loads == "yes"
    print(f"- {'HOLDS' if holds else 'MISSED'}: every 1 MB hostile article drafts in under"
          f" {TARGET_SECONDS:.0f} s to a fact base that loads and validates")
    return holds


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hostile", action="store_true",
                        help="the hostile shapes of issue 20 at 10 KB, 100 KB and 1 MB")
    if parser.parse_args().hostile:
        hostile()
    else:
        main()
