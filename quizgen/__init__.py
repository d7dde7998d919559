"""quizgen: turn a news article's fact base into quizzes, decks and worksheets."""

from quizgen.errors import Problem, QuizgenError

__version__ = "0.1.0"

__all__ = ["Problem", "QuizgenError", "__version__"]
