"""Previews for the author: the quiz as a paper quiz, and what each fact base can make."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from quizgen.cli.console import print_waiting_facts, questions_count
from quizgen.cli.terminal import escape, out

if TYPE_CHECKING:
    from quizgen.factbase.model import FactBase
    from quizgen.quiz.questions import MultipleChoice, Quiz

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _options_lines(question: MultipleChoice, answers: bool) -> list[str]:
    lines = []
    for index, option in enumerate(question.options):
        mark = "[green]✔[/]" if answers and index == question.answer else " "
        lines.append(f"   {mark} {LETTERS[index]}. {escape(option.text)}")
    return lines


def print_quiz(quiz: Quiz, *, answers: bool) -> None:
    """Print the quiz like a paper quiz; with answers, mark and list the key."""
    from quizgen.quiz.questions import GapFill, Matching, MultipleChoice, Ordering, assert_never
    from quizgen.renderers.platform import gapped

    console = out()
    console.print(f"[bold]{escape(quiz.title)}[/] — {questions_count(len(quiz.questions))}\n")
    for number, question in enumerate(quiz.questions, start=1):
        console.print(f"[bold]{number}.[/] [dim]({question.kind})[/] {escape(question.prompt)}")
        match question:
            case MultipleChoice():
                lines = _options_lines(question, answers)
            case Matching():
                lines = [f"   {i + 1}. {escape(o.text)}" for i, o in enumerate(question.left)]
                lines += [f"   {LETTERS[i]}. {escape(o.text)}"
                          for i, o in enumerate(question.right)]
                if answers:
                    pairs = ", ".join(f"{a + 1}-{LETTERS[b]}" for a, b in question.answer)
                    lines.append(f"   [green]answer: {pairs}[/]")
            case Ordering():
                lines = [f"   {LETTERS[i]}. {escape(o.text)}" for i, o in enumerate(question.items)]
                if answers:
                    order = " → ".join(LETTERS[i] for i in question.answer)
                    lines.append(f"   [green]answer: {order}[/]")
            case GapFill():
                lines = [f"   {escape(gapped(question))}",
                         "   box: " + " · ".join(escape(o.text) for o in question.bank)]
                if answers:
                    filled = ", ".join(f"({n}) {escape(question.bank[i].text)}"
                                       for n, i in enumerate(question.answer, start=1))
                    lines.append(f"   [green]answer: {filled}[/]")
            case _:
                assert_never(question)
        for line in lines:
            console.print(line)
        if answers and question.explanation:
            console.print(f"   [dim]source: {escape(' … '.join(question.explanation))}[/]")
        console.print()


def print_stats(bases: Sequence[FactBase]) -> None:
    """Facts per base; per generator, the questions it can make and what blocks more."""
    from rich.table import Table

    from quizgen.generators import GENERATORS
    from quizgen.generators.base import GenOptions

    console = out()
    facts = Table(title="Facts")
    for column in ("fact base", "people", "quotes", "figures", "events", "places", "terms",
                   "claims"):
        facts.add_column(column, justify="left" if column == "fact base" else "right")
    for base in bases:
        facts.add_row(
            escape(base.id),
            *(str(len(section)) for section in (base.entities, base.quotes, base.figures,
                                                 base.events, base.places, base.terms,
                                                 base.claims)),
        )
    console.print(facts)
    for base in bases:
        print_waiting_facts(base.path or base.id, base)
    table = Table(title="Questions each generator can make")
    for column in ("fact base", "generator", "questions", "what blocks more"):
        table.add_column(column, justify="right" if column == "questions" else "left")
    for base in bases:
        for kind, generate in GENERATORS.items():
            result = generate(base, seed=0, options=GenOptions())
            reasons = sorted({skip.reason for skip in result.skipped})
            table.add_row(
                escape(base.id),
                kind,
                str(len(result.questions)),
                escape("; ".join(reasons[:3]) + (" …" if len(reasons) > 3 else "")) or "—",
            )
    console.print(table)
    _print_figure_prompts(bases)


def _print_figure_prompts(bases: Sequence[FactBase]) -> None:
    """The prompt each figure will get, so an author sees a garbled one before printing."""
    from rich.table import Table

    from quizgen.generators.figure_choice import figure_prompts

    several = len(bases) > 1
    table = Table(title="Prompts each figure will get")
    for column in (("fact base",) if several else ()) + ("figure", "prompts"):
        table.add_column(column)
    for base in bases:
        for figure_id, prompts in figure_prompts(base):
            row = (escape(figure_id), escape("\n".join(prompts)))
            table.add_row(*(((escape(base.id),) if several else ()) + row))
    out().print(table)
