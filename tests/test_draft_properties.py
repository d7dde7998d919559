"""Property: the draft of any article-like text loads and passes provenance as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from strategies import article_texts, load_profiles

from quizgen.draft import draft_factbase
from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_text
from quizgen.factbase.provenance import check_provenance

load_profiles()


def assert_draft_sound(text: str) -> None:
    """The draft loads through the real loader, and every excerpt and quote is in the text."""
    try:
        written = draft_factbase(text, name="t")
    except QuizgenError:
        assert not text.strip(), "only an empty article may be refused"
        return
    base = load_text(written, filename="content/t.yaml")
    assert check_provenance(base, source_text=text) == []
    assert draft_factbase(text, name="t") == written


@given(article_texts())
def test_any_article_drafts_to_a_valid_fact_base(text: str) -> None:
    """Unbalanced quotes, stray marks, odd characters: the draft is valid and verbatim."""
    assert_draft_sound(text)


def test_planted_excerpt_bug_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A drafter whose excerpts are not copied verbatim fails the same check."""
    from quizgen.article.text import Article

    original = Article.excerpt
    monkeypatch.setattr(Article, "excerpt",
                        lambda self, start, end: original(self, start, end) + " x")
    with pytest.raises(AssertionError):
        assert_draft_sound("Headline\n“We will win,” said Ana Ruiz on Monday.\n")
