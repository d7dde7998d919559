"""`quizgen` with the 5 MB fact-base guard lifted, for benchmark sizes the guard would refuse.

The guard (quizgen.factbase.filetext.MAX_BYTES) stays 5 MB for every user: it refuses a hostile
file before parsing, and an article's fact base is tens of kilobytes. A synthetic 50,000-fact base
is about 11 MB, so `make bench` runs every size through this script (the same code, the same
process start-up as the `quizgen` command) to compare sizes measured the same way.
"""

from __future__ import annotations

import quizgen.factbase.filetext as filetext
from quizgen.cli.app import main

filetext.MAX_BYTES = 64 * 1024 * 1024

if __name__ == "__main__":
    main()
