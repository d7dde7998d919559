"""Shared by the HTML quiz tests: quizzes to render, their expected scores, markup checks."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

from factbases import newsroom

from quizgen.quiz.questions import (
    EntityRef,
    Matching,
    MatchSpeakers,
    MultipleChoice,
    Option,
    Ordering,
    Question,
    Quiz,
    QuoteRef,
)
from quizgen.quiz.select import build_quiz
from quizgen.renderers.html_quiz import render_text

# Tags the renderer itself writes; a fact-base string that became markup shows up as another tag.
OWN_TAGS = frozenset({
    "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "p", "noscript",
    "section", "fieldset", "legend", "span", "label", "input", "div", "select", "option", "ol",
    "ul", "li", "button", "blockquote", "b", "script",
})


def newsroom_quiz() -> Quiz:
    """Two questions of every kind from the newsroom test base, whether or not they could stand
    on one sheet (its events are of one year: a sheet keeps none of its orderings)."""
    return build_quiz(newsroom(), seed=1, per_kind=2, everything=True)


def points(question: Question) -> int:
    """What a question is worth, as the sheet prints it: 1 per multiple choice, 2 per matching
    or ordering."""
    return 1 if isinstance(question, MultipleChoice) else 2


def shared_speaker_matching(quiz: Quiz) -> Matching:
    """A matching of 4 quotes and 2 speakers, each used twice (right shorter than left)."""
    texts = ("“Quote one”", "“Quote two”", "“Quote three”", "“Quote four”")
    return Matching(
        id="quote-match-shared",
        kind="quote-match",
        factbase=quiz.bases[0].id,
        prompt="Match each quote to its speaker. A speaker may be used more than once.",
        ask=MatchSpeakers(),
        left=tuple(Option(text, QuoteRef(f"q{i}")) for i, text in enumerate(texts)),
        right=(Option("Ann Example", EntityRef("ann")), Option("Bo Example", EntityRef("bo"))),
        answer=((0, 1), (1, 0), (2, 1), (3, 0)),
        explanation=("Ann said two things; Bo said two others.",),
    )


def with_shared_speakers(quiz: Quiz) -> Quiz:
    """The quiz with the shared-speaker matching added at the end."""
    return replace(quiz, questions=(*quiz.questions, shared_speaker_matching(quiz)))


def distinct_speaker_matching(quiz: Quiz) -> Matching:
    """A matching of 4 quotes to 4 speakers, each used once (so two swapped pairs are exactly
    two wrong: the partial mark), for quizzes whose base gives no such matching."""
    texts = ("“First words”", "“Second words”", "“Third words”", "“Fourth words”")
    names = ("Cy Example", "Di Example", "Ed Example", "Flo Example")
    return Matching(
        id="quote-match-distinct",
        kind="quote-match",
        factbase=quiz.bases[0].id,
        prompt="Match each quote to its speaker.",
        ask=MatchSpeakers(),
        left=tuple(Option(text, QuoteRef(f"d{i}")) for i, text in enumerate(texts)),
        right=tuple(Option(name, EntityRef(name.split()[0].lower())) for name in names),
        answer=((0, 2), (1, 0), (2, 3), (3, 1)),
        explanation=("Each of the four said one thing.",),
    )


def with_test_matchings(quiz: Quiz) -> Quiz:
    """The quiz with the four-speaker matching and then the shared-speaker matching (last)
    added at the end (the newsroom base's own quiz holds neither since issue 18's sheet rules)."""
    extra = (distinct_speaker_matching(quiz), shared_speaker_matching(quiz))
    return replace(quiz, questions=(*quiz.questions, *extra))


class _Reader(HTMLParser):
    """Tags and text of a document, and the text of the questions' legends and options."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ("input", "meta"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if not self._in or self._in[-1] not in ("script", "style"):
            self.text.append(data)


def markup_problems(document: str) -> list[str]:
    """Tags in the document that the renderer does not write (fact-base text turned markup)."""
    reader = _Reader()
    reader.feed(document)
    problems = [f"unexpected <{tag}>" for tag in sorted(set(reader.tags) - OWN_TAGS)]
    if document.count("<script") != 2 or document.count("</script>") != 2:
        problems.append("a script element that the renderer did not write")
    return problems


def visible_text(document: str) -> str:
    """The document's text outside scripts and styles, entities decoded."""
    reader = _Reader()
    reader.feed(document)
    return "".join(reader.text)


def render(quiz: Quiz) -> str:
    """The quiz as HTML text."""
    return render_text(quiz)


def option_texts(question: Question) -> list[str]:
    """The texts shown for a question, in the order shown."""
    if isinstance(question, MultipleChoice):
        return [option.text for option in question.options]
    if isinstance(question, Matching):
        return [option.text for option in (*question.left, *question.right)]
    assert isinstance(question, Ordering)
    return [option.text for option in question.items]
