"""What the sheet rules keep of each text read (folds, numbers, runs) lasts one selection."""

from __future__ import annotations

from pathlib import Path

from quizgen.factbase.loader import load_factbase
from quizgen.quiz import figure_sheet, folding, passages, said, sheet_rules
from quizgen.quiz.leaks import forget
from quizgen.quiz.select import build_quiz

ROOT = Path(__file__).resolve().parent.parent
KEPT = (folding.folded_words, folding.spaced, passages.numbers_in, passages.runs, passages.words,
        sheet_rules._content, sheet_rules._doer, said._said_words, figure_sheet._spaced_words)


def test_leaks_forget_drops_every_text_the_selection_kept() -> None:
    """A class selection fills the text caches, and leaks.forget empties each of them."""
    base = load_factbase(ROOT / "content" / "venezuela-post-election.yaml")
    forget()
    build_quiz(base, seed=1, count=20)
    assert all(kept.cache_info().currsize > 0 for kept in KEPT)
    forget()
    assert [kept.cache_info().currsize for kept in KEPT] == [0] * len(KEPT)



def test_words_read_of_different_texts_are_one_string_each() -> None:
    """A word read in two texts (two calls of words and of folded_words) is one string object."""
    # the texts are built at run time, so that their words are new strings, not constants
    first, second = " ".join(["Election", "day"]), " ".join(["the", "ELECTION", "results"])
    assert passages.words(first)[0] is passages.words(second)[1]
    assert folding.folded_words(first)[0] is folding.folded_words(second)[1]
