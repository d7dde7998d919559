"""Terminal output for the CLI: errors with their lines, progress, previews, stats and summaries."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import Problem, QuizgenError

if TYPE_CHECKING:  # imported where used, so that `quizgen validate` starts faster
    from rich.console import Console

    from quizgen.factbase.model import FactBase
    from quizgen.pipeline import Built
    from quizgen.quiz.questions import MultipleChoice, Quiz

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_SHOWN = 50  # problems printed per file; the rest are counted
MAX_LINE_BYTES = 5 * 1024 * 1024 + 1  # source lines are quoted only from files of fact-base size
# What a terminal would act on rather than show: C0 controls (but tab and line feed), DEL, C1
# controls, and the bidirectional-text controls that can reorder what a line appears to say.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                        "\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text with the control characters a terminal would act on shown as escapes instead."""
    return _INVISIBLE.sub(_visible, text)


def escape(text: str) -> str:
    """Text from content as it must reach the terminal: controls made visible, no rich markup.

    Everything quizgen prints that comes from a fact base, a file or a path goes through here:
    ESC, NUL and other control characters appear as `\\x1b`, `\\x00`; bidi overrides as
    `\\u202e`; `[bold]` is shown as written. (Emoji codes such as `:x:` are off in the consoles.)
    """
    return markup_escape(visible(text))


# rich's markup tags, as rich.markup reads and escapes them (a run of backslashes, then a tag)
_TAG = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPABLE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
# What rich's Text changes besides the markup (tabs expanded to its tab stops, the controls it
# drops): a text holding one is printed through rich itself.
_RICH_ONLY = re.compile("[\t\x07\x08\x0b\x0c\r]")


def markup_escape(text: str) -> str:
    """Text that rich's markup shows as written: `rich.markup.escape`, without importing rich."""
    text = _ESCAPABLE.sub(lambda match: f"{match[1]}{match[1]}\\{match[2]}", text)
    if text.endswith("\\") and not text.endswith("\\\\"):
        return text + "\\"
    return text


def plain(markup: str) -> str:
    """What rich prints for this markup where there is no terminal: the text without its tags.

    Read as rich.markup reads it: `\\[tag]` is the tag shown as written, `\\\\` a backslash,
    any other `\\[` an opening bracket.
    """
    parts: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        full, escapes, _ = match.groups()
        start, end = match.span()
        if start > position:
            parts.append(markup[position:start].replace("\\[", "["))
        position = end
        backslashes, escaped = divmod(len(escapes), 2)
        parts.append("\\" * backslashes)
        if escaped:
            parts.append(full[len(escapes):].replace("\\[", "["))
    parts.append(markup[position:].replace("\\[", "["))
    return "".join(parts)


def _terminal(stream: object) -> bool:
    """Whether rich would treat the stream as a terminal (styles, colours), as rich decides it:
    TTY_COMPATIBLE, then FORCE_COLOR, then the stream itself."""
    import os

    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except ValueError:  # a closed stream
        return False


class _Plain:
    """Prints markup as rich's console prints it where there is no terminal, without importing
    rich (~16 ms of every command's start): the text without its tags, then a line feed, and
    flushed. Anything else (a table, no text, a tab or a control rich drops) goes to rich."""

    def __init__(self, *, stderr: bool) -> None:
        self.stderr = stderr

    def print(self, *objects: object) -> None:
        stream = sys.stderr if self.stderr else sys.stdout
        text = objects[0] if len(objects) == 1 else None
        if not isinstance(text, str) or _RICH_ONLY.search(text):
            _rich(stderr=self.stderr).print(*objects)
            return
        stream.write(plain(text) + "\n")
        stream.flush()


def _rich(*, stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def _out() -> Console | _Plain:
    return _Plain(stderr=False) if not _terminal(sys.stdout) else _rich(stderr=False)


def _err() -> Console | _Plain:
    return _Plain(stderr=True) if not _terminal(sys.stderr) else _rich(stderr=True)


def _source_lines(file: str) -> list[str]:
    """The lines of a file, read once per error report; none for a missing or huge file."""
    try:
        with open(file, "rb") as handle:
            data = handle.read(MAX_LINE_BYTES)
    except OSError:
        return []
    if len(data) >= MAX_LINE_BYTES:
        return []
    return data.decode("utf-8", errors="replace").splitlines()


def print_error(error: QuizgenError) -> None:
    """Print the problems, grouped by file, with the offending line and a caret.

    Each file is read once, however many problems it has, and at most MAX_SHOWN problems are
    printed per file, followed by a count of the rest.
    """
    console = _err()
    groups: dict[str | None, list[Problem]] = {}
    for problem in error.problems:
        groups.setdefault(problem.file, []).append(problem)
    for file, problems in groups.items():
        count = len(problems)
        if file is not None:
            console.print(f"[bold red]{escape(file)}[/]: {count:,} problem{'s' * (count != 1)}")
        lines = _source_lines(file) if file is not None and any(
            p.line is not None for p in problems[:MAX_SHOWN]) else []
        for problem in problems[:MAX_SHOWN]:
            console.print(f"  [red]error[/] {escape(str(problem))}")
            if problem.line is not None and 0 < problem.line <= len(lines):
                text = lines[problem.line - 1]
                if len(text) <= 300:
                    console.print(f"    {problem.line:>4} | {escape(text)}")
                    if problem.column:
                        shift = len(visible(text[: problem.column - 1]))
                        console.print("         | " + " " * shift + "[red]^[/]")
        if count > MAX_SHOWN:
            rest = count - MAX_SHOWN
            where = f" in {escape(file)}" if file is not None else ""
            console.print(f"  … and {rest:,} more problem{'s' * (rest != 1)}{where}"
                          " (fix these first)")


def run_validate(paths: Sequence[Path], *, source: bool) -> None:
    """Validate each file and print its verdict; raise one QuizgenError with all problems."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.factbase.provenance import check_provenance

    problems: list[Problem] = []
    console = _out()
    for path in paths:
        try:
            base = load_factbase(path)
            found = check_provenance(base) if source else []
        except QuizgenError as error:
            found = list(error.problems)
        else:
            _print_warnings(path, base)
            if not found:
                counts = ", ".join(
                    f"{len(facts)} {one if len(facts) == 1 else many}"
                    for facts, one, many in (
                        (base.entities, "person", "people"), (base.quotes, "quote", "quotes"),
                        (base.figures, "figure", "figures"), (base.events, "event", "events"),
                        (base.places, "place", "places"), (base.terms, "term", "terms"),
                        (base.claims, "claim", "claims"))
                    if facts or one in ("person", "quote", "figure", "event")
                )
                console.print(
                    f"[green]ok[/] {escape(str(path))}: {counts}"
                    + (", provenance checked" if source else "")
                )
        problems.extend(found)
    if problems:
        raise QuizgenError(problems)


def _print_warnings(path: Path, base: FactBase) -> None:
    """Warn, on standard error, about template examples or draft guesses left in a file, and
    about words that say 'her' or 'his' of a speaker with no pronoun."""
    from quizgen.factbase.pronouns import pronoun_warnings
    from quizgen.factbase.scaffold import scaffold_warnings

    text = Path(path).read_text(encoding="utf-8", errors="replace")
    console = _err()
    for warning in [*scaffold_warnings(base, text=text), *pronoun_warnings(base)]:
        console.print(f"[yellow]warning[/] {escape(str(path))}: {escape(warning)}")
    print_waiting_facts(path, base)


def print_waiting_facts(path: Path | str, base: FactBase) -> None:
    """Every fact still marked `check:`, fact by fact with its line, on standard error."""
    from quizgen.factbase.scaffold import waiting_lines

    lines = waiting_lines(base, file=str(path))
    if not lines:
        return
    console = _err()
    console.print(f"[yellow]{len(lines)} fact{'s' * (len(lines) != 1)} of {escape(str(path))}"
                  f" wait{'s' * (len(lines) == 1)} for a check[/] (questions resting on them are"
                  " left out; delete a `check:` line once you have read the fact against the"
                  " article):")
    for line in lines:
        console.print(f"  {escape(line)}")


class _NoProgress:
    """Stands in for rich's Progress when there is no bar to show (and spares importing it)."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, *, total: int) -> int:
        return 0

    def update(self, task: int, *, description: str, completed: int) -> None:
        return None


def _progress(quiet: bool):  # type: ignore[no-untyped-def]  # rich.progress is imported lazily
    if quiet or not sys.stderr.isatty():
        return _NoProgress()
    from rich.progress import BarColumn, Progress, TextColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), console=_rich(stderr=True),
                    transient=True)


@contextmanager
def build_progress(*, total: int, quiet: bool) -> Iterator[Callable[[str], None]]:
    """A progress bar over the formats of a build; yields the callback the pipeline calls."""
    with _progress(quiet) as progress:
        task = progress.add_task("rendering", total=total)
        done = [0]

        def step(fmt: str) -> None:
            progress.update(task, description=f"rendering {fmt}", completed=done[0])
            done[0] += 1

        yield step


def print_build(built: Built, quiz: Quiz, *, verbose: bool = False) -> None:
    """The build summary: files written, the formats' reports, questions by kind, the facts
    still waiting for a check, and why questions were left out (one line unless verbose)."""
    console = _out()
    for path in built.written:
        console.print(f"wrote {escape(str(path))}")
    for line in built.reports:
        console.print(escape(line))
    kinds = Counter(question.kind for question in quiz.questions)
    console.print(
        f"{len(quiz.questions)} questions: "
        + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
    )
    print_waiting(quiz)
    print_skips(quiz, verbose=verbose)


def print_waiting(quiz: Quiz) -> None:
    """One line, on standard error, when facts of the quiz's bases still wait for a check."""
    from quizgen.factbase.scaffold import unchecked_facts

    waiting = sum(len(unchecked_facts(base)) for base in quiz.bases)
    if not waiting:
        return
    facts = f"{waiting} fact{'s' * (waiting != 1)} still wait{'s' * (waiting == 1)} for a check"
    files = " ".join(base.path or base.id for base in quiz.bases if unchecked_facts(base))
    then = ("this is a DRAFT: some questions rest on them" if quiz.draft else
            "questions resting on them are left out (--include-unchecked asks them in a draft)")
    _err().print(f"[yellow]warning[/] {escape(facts)}: {then}; `quizgen validate"
                 f" {escape(files)}` lists them")


def print_skips(quiz: Quiz, *, verbose: bool) -> None:
    """Why questions were left out: every reason with --verbose, else one summary line."""
    if not quiz.skipped:
        return
    if verbose:
        for skip in quiz.skipped:
            console = _out()
            console.print(f"[yellow]skipped[/] {escape(skip.kind)} ({escape(skip.factbase)}):"
                          f" {escape(skip.reason)}")
        return
    kinds = sorted({_skip_kind(skip.reason) for skip in quiz.skipped}, key=_SKIP_KINDS.index)
    _out().print(f"some possible questions were not asked ({', '.join(kinds)}); add --verbose"
                 " to see each reason")


_SKIP_KINDS = ["facts waiting for a check", "they would give another away or repeat it",
               "their own words, the title or common sense answer them",
               "the main speaker would be a safe guess",
               "too few wrong answers to offer", "quotes or figures not worth asking",
               "fewer questions than asked for", "the facts hold too few for a kind",
               "other reasons"]
_SKIP_WORDS = [  # words of a reason (quizgen.quiz.left_out.CAUSES, the generators) -> its kind
    ("`check:`", 0), ("ten points above guessing", 3), ("point to its own answer", 2),
    ("title answers", 2), ("its words name", 2), ("common sense orders", 2),
    ("give away", 1), ("giveaway", 1), ("gives away", 1), ("asks again", 1),
    ("by elimination", 1), ("already asks to put in order", 1), ("trivia", 5),
    ("answered by kind alone", 4), ("no event or quote names", 7), ("no terms in", 7),
    ("totally ordered", 7), ("gave no new matching", 7), ("no quotes in", 7),
    ("too few numbers could be offered", 4),
]


def _skip_kind(reason: str) -> str:
    """A skip reason in a teacher's words, as one of a few kinds."""
    lowered = reason.lower()
    for words, kind in _SKIP_WORDS:
        if words in lowered:
            return _SKIP_KINDS[kind]
    if lowered.startswith("only ") or (" only " in lowered and ("offer" in lowered
                                                              or "needs" in lowered)):
        return _SKIP_KINDS[4]
    if "distinctive" in lowered or "fragment" in lowered or "figure of speech" in lowered:
        return _SKIP_KINDS[5]
    if "asked for" in lowered:
        return _SKIP_KINDS[6]
    return _SKIP_KINDS[8]


def print_export(data: bytes, *, count: int, path: Path | None) -> None:
    """An exported file's text on standard output, or a note of the file written."""
    if path is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        _err().print(f"wrote {escape(str(path))} ({count} questions)")


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

    console = _out()
    console.print(f"[bold]{escape(quiz.title)}[/] — {len(quiz.questions)} questions\n")
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

    console = _out()
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
    _out().print(table)


def run_init(name: str, *, folder: Path, article: Path | None = None) -> None:
    """Write folder/NAME.yaml from the template; refuse to overwrite; say what to do next."""
    from quizgen.draft.files import write_init

    written = write_init(name, folder=folder, article=article)
    target = written[0]
    console = _out()
    for path in written:
        console.print(f"created {escape(str(path))}")
    console.print("next: fill it in from your article, then run:")
    console.print(f"  quizgen validate {escape(str(target))} --source")
    console.print(f"  quizgen build {escape(str(target))}")


def run_draft(article: Path, *, name: str | None, folder: Path, force: bool) -> None:
    """Write a draft fact base and a copy of the article; say what was found and what next."""
    from quizgen.draft.files import write_draft

    target, copy, text = write_draft(article, name=name, folder=folder, force=force)
    lines = text.splitlines()
    counts = {section: 0 for section in ("people", "quotes", "figures", "events")}
    section = None
    for line in lines:
        if line.rstrip(":") in counts and not line.startswith(" "):
            section = line.rstrip(":")
        elif section is not None and line.startswith("  - id:"):
            counts[section] += 1
    checks = sum("# check:" in line or line.lstrip().startswith("check:") for line in lines)
    console = _out()
    console.print(f"created {escape(str(target))} (article copied to {escape(str(copy))})")
    console.print("drafted " + ", ".join(f"{n} {s}" for s, n in counts.items())
                  + f"; {checks} guesses marked `check:` to review")
    console.print("next: check each guess against the article, then run:")
    console.print(f"  quizgen validate {escape(str(target))} --source")
    console.print(f"  quizgen build {escape(str(target))}")
