"""The article beside the questions: numbered paragraphs, where each question's evidence is."""

from typing import NamedTuple

from quizgen.article.text import paragraphs
from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import ParagraphOf, Question, Quiz
from quizgen.renderers import CITE, WITH_ARTICLE  # the reading options, declared in the registry
from quizgen.renderers.base import RenderOptions


class Evidence(NamedTuple):
    """Where a question's excerpt stands: its paragraph (1-based) and offsets in that paragraph's
    text as `article_paragraphs` gives it."""

    paragraph: int
    start: int
    end: int


def article_paragraphs(base: FactBase) -> tuple[str, ...]:
    """The article's paragraphs, each with its whitespace runs made one space; () without text."""
    if base.article is None:
        return ()
    return tuple(" ".join(base.article[start:end].split())
                 for start, end in paragraphs(base.article))


def evidence(question: Question, paras: tuple[str, ...]) -> tuple[Evidence, ...]:
    """Every place in the paragraphs where one of the question's excerpts stands, in order."""
    found: set[Evidence] = set()
    for excerpt in question.explanation:
        text = " ".join(excerpt.split())
        if not text:
            continue
        for number, para in enumerate(paras, start=1):
            at = para.find(text)
            while at >= 0:
                found.add(Evidence(number, at, at + len(text)))
                at = para.find(text, at + 1)
    return tuple(sorted(found))


def printed_articles(quiz: Quiz) -> tuple[tuple[FactBase, tuple[str, ...]], ...]:
    """The quiz's articles with their paragraphs, in the quiz's order; a QuizgenError naming a
    fact base whose article text could not be read."""
    out = []
    for base in quiz.bases:
        paras = article_paragraphs(base)
        if not paras:
            raise QuizgenError(Problem(
                "no article text to print", file=base.path, field="source.text_file",
                found=repr(base.source.text_file) if base.source.text_file else "no text_file",
                expected="source: text_file: naming the article's text, readable, not empty"))
        out.append((base, paras))
    return tuple(out)


def paragraph_mark(paras: tuple[int, ...], *, article: int | None = None) -> str:
    """"¶4", "¶4, ¶6", or with several articles "article 2, ¶4"; "" for no paragraph."""
    if not paras:
        return ""
    marks = ", ".join(f"¶{number}" for number in sorted(set(paras)))
    return f"article {article}, {marks}" if article is not None else marks


def citations(quiz: Quiz) -> dict[str, str]:
    """Each question's paragraph mark ("¶4") by question id, from the articles the loader read;
    questions whose excerpts stand in no paragraph (or whose article is unknown) have none, and
    an item asking for the paragraph (ParagraphOf) never shows it."""
    numbered = len(quiz.bases) > 1
    paras_of = {base.id: (index, article_paragraphs(base))
                for index, base in enumerate(quiz.bases, start=1)}
    out: dict[str, str] = {}
    for question in quiz.questions:
        if isinstance(question.ask, ParagraphOf):
            continue  # its paragraph is its answer
        index, paras = paras_of.get(question.factbase, (0, ()))
        spots = evidence(question, paras)
        if spots:
            out[question.id] = paragraph_mark(tuple(spot.paragraph for spot in spots),
                                              article=index if numbered else None)
    return out


def flag(options: RenderOptions, field: str) -> bool:
    """A reading option's value (WITH_ARTICLE or CITE), refusing anything but True or False."""
    value = options.extra.get(field, False)
    if not isinstance(value, bool):
        option = WITH_ARTICLE if field == WITH_ARTICLE.field else CITE
        raise QuizgenError(Problem(f"bad value for {option.flag}", field=field,
                                   found=repr(value), expected="True or False"))
    return value
