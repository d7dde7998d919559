"""A guess never keys an answer unchecked: questions resting on `check:` facts are left out."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest
from conftest import loaded
from pypdf import PdfReader
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.factbase.model import Entity, Fact, FactBase
from quizgen.quiz.questions import Matching, MultipleChoice, Ordering, Question
from quizgen.quiz.select import DRAFT_MARK, build_quiz

ROOT = Path(__file__).resolve().parent.parent
BASES = sorted((ROOT / "content").glob("*.yaml"))
runner = CliRunner()


def _facts(base: FactBase) -> list[Fact]:
    return [*base.entities, *base.quotes, *base.figures, *base.events, *base.places,
            *base.terms, *base.claims]


def marked(base: FactBase, ids: set[str]) -> FactBase:
    """The base with these facts marked `check:` (as a draft marks its guesses)."""
    def mark(fact: Fact) -> Fact:
        return dataclasses.replace(fact, check="guessed") if fact.id in ids else fact

    return dataclasses.replace(
        base, entities=tuple(map(mark, base.entities)), quotes=tuple(map(mark, base.quotes)),
        figures=tuple(map(mark, base.figures)), events=tuple(map(mark, base.events)),
        places=tuple(map(mark, base.places)), terms=tuple(map(mark, base.terms)),
        claims=tuple(map(mark, base.claims)))


def _options(question: Question) -> list[str]:
    """The option texts a student reads."""
    match question:
        case MultipleChoice():
            options = question.options
        case Matching():
            options = (*question.left, *question.right)
        case Ordering():
            options = question.items
    return [_flat(option.text) for option in options]


def _flat(text: str) -> str:
    return " ".join(text.split())


def uses(question: Question, fact: Fact, *, checked: set[str]) -> bool:
    """Whether a question visibly rests on the fact, judged from what it shows and cites,
    not from how the guard finds it: its excerpt is among the question's sources (and is not
    also the excerpt of a checked fact, which the question may rest on instead), or a
    person's name is an option."""
    if fact.excerpt and _flat(fact.excerpt) in (_flat(e) for e in question.explanation) \
            and _flat(fact.excerpt) not in checked:
        return True
    return isinstance(fact, Entity) and fact.name in _options(question)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", range(1, 4))
def test_no_question_shows_or_cites_a_fact_waiting_for_a_check(path: Path, seed: int) -> None:
    """With a random third of the facts marked `check:`, no question left in the quiz cites or
    shows one of them, and the quiz is no draft."""
    base = loaded(path)
    rng = random.Random(f"{path.stem}:{seed}")
    ids = {fact.id for fact in _facts(base) if rng.random() < 1 / 3}
    quiz = build_quiz(marked(base, ids), seed=seed, everything=True)
    assert not quiz.draft and not quiz.title.startswith(DRAFT_MARK)
    checked = {_flat(fact.excerpt) for fact in _facts(base) if fact.id not in ids}
    for question in quiz.questions:
        for fact in _facts(base):
            assert not (fact.id in ids and uses(question, fact, checked=checked)), (
                question.prompt, fact.id)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_include_unchecked_asks_them_and_says_it_is_a_draft(path: Path) -> None:
    """With --include-unchecked the same questions as a checked base come back, in a draft."""
    base = loaded(path)
    everyone = {fact.id for fact in _facts(base)}
    checked = build_quiz(base, seed=1, everything=True)
    drafted = build_quiz(marked(base, everyone), seed=1, everything=True,
                         include_unchecked=True)
    assert [q.id for q in drafted.questions] == [q.id for q in checked.questions]
    assert drafted.draft and drafted.title == f"{DRAFT_MARK}: {checked.title}"
    assert build_quiz(marked(base, everyone), seed=1, everything=True).questions == ()


def _draft_copy(tmp_path: Path, people: tuple[str, ...] = ("quintela", "valadares")) -> Path:
    """A copy of a content fact base with some people still marked `check:`."""
    source = ROOT / "content" / "sarenia-ribeira-floods.yaml"
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sarenia-ribeira-floods.txt").write_bytes(
        (ROOT / "content" / "sources" / "sarenia-ribeira-floods.txt").read_bytes())
    lines = []
    section = ""
    for line in source.read_text(encoding="utf-8").splitlines():
        lines.append(line)
        if line and not line.startswith(" "):
            section = line
        if section == "people:" and line.startswith("  - id:") and line[8:] in people:
            lines.append("    check: the name was found by a rule, not read by a person")
    path = tmp_path / "floods.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_build_leaves_out_unchecked_questions_and_says_so_in_one_line(tmp_path: Path) -> None:
    """A build of a base with guesses left out keeps no question on them and counts them once."""
    path = _draft_copy(tmp_path)
    result = runner.invoke(app, ["build", str(path), "--to", "json", "--out",
                                 str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 facts still wait for a check" in result.output
    assert sum("wait for a check" in line for line in result.output.splitlines()) == 1
    text = (tmp_path / "out" / "sarenia-ribeira-floods.json").read_text(encoding="utf-8")
    assert not json.loads(text)["title"].startswith(DRAFT_MARK)
    assert "Quintela" not in text and "Valadares" not in text


def test_include_unchecked_stamps_every_output_as_a_draft(tmp_path: Path) -> None:
    """--include-unchecked writes files named *-draft whose titles say they are drafts."""
    path = _draft_copy(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(path), "--to", "json,worksheet,html,gift",
                                 "--out", str(out), "--quiet", "--include-unchecked"])
    assert result.exit_code == 0, result.output
    name = "sarenia-ribeira-floods-draft"
    assert sorted(p.name for p in out.iterdir() if p.name != ".quizgen-outputs") == [
        f"{name}-answer-key.pdf", f"{name}-gift.txt", f"{name}-worksheet.pdf", f"{name}.html",
        f"{name}.json"]
    assert json.loads((out / f"{name}.json").read_text("utf-8"))["title"].startswith(DRAFT_MARK)
    assert DRAFT_MARK in (out / f"{name}.html").read_text("utf-8")
    assert DRAFT_MARK in (out / f"{name}-gift.txt").read_text("utf-8")
    page = PdfReader(out / f"{name}-worksheet.pdf").pages[0].extract_text()
    assert DRAFT_MARK in " ".join(page.split())


def test_validate_and_stats_list_each_fact_waiting_with_its_line(tmp_path: Path) -> None:
    """validate and stats name every fact still marked `check:`, file:line first."""
    path = _draft_copy(tmp_path)
    expected, section = [], ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        section = line if line and not line.startswith(" ") else section
        if section == "people:" and line[8:] in ("quintela", "valadares"):
            expected.append(f"{path}:{number}: person {line.split(': ')[1]}: the name was"
                            " found by a rule, not read by a person")
    assert len(expected) == 2
    for command in ("validate", "stats"):
        result = runner.invoke(app, [command, str(path)], env={"COLUMNS": "400"})
        assert result.exit_code == 0, result.output
        listed = [line.strip() for line in result.output.splitlines()
                  if line.strip().startswith(f"{path}:")]
        assert listed == expected


def test_the_init_templates_invented_facts_are_never_built(project: Path) -> None:
    """`init` then `build` (one file, as `make demo` builds each): no question on the template's
    invented facts is written; built beside a real base, none of its questions is the template's
    and one line says how many facts wait for a check."""
    assert runner.invoke(app, ["init", "fresh"]).exit_code == 0
    alone = runner.invoke(app, ["build", "content/fresh.yaml", "--out", "alone", "--quiet"])
    assert alone.exit_code != 0 and "Traceback" not in alone.output
    assert not (project / "alone").exists() or not any((project / "alone").iterdir())
    both = runner.invoke(app, ["build", "--to", "json", "--out", "both", "--quiet"])
    assert both.exit_code == 0, both.output
    (written,) = (project / "both").glob("*.json")
    questions = json.loads(written.read_text(encoding="utf-8"))["questions"]
    assert questions and all(q["factbase"] != "fresh" for q in questions)
    assert sum("facts still wait for a check" in line for line in both.output.splitlines()) == 1
