"""The hand-checked fact bases of the real-article corpus (tests/corpus/dev and heldout, and the
VOA Learning English articles of tests/corpus/voa/dev and voa/heldout): each one loads, passes
`validate --source` and builds a default quiz through the pipeline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import loaded
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.factbase.loader import load_factbase
from quizgen.factbase.provenance import check_provenance
from quizgen.oracle import check_question
from quizgen.quiz.select import build_quiz

CORPUS = Path(__file__).resolve().parent / "corpus"
BASES = sorted(CORPUS.glob("*/*.yaml")) + sorted(CORPUS.glob("voa/*/*.yaml"))
VOA_BASES = 14  # seven development, seven held-out (tests/corpus/voa/README.md)
# Every text of the development half has its base (15): without them the tests below could be
# parametrized over nothing and pass vacuously.
DEV_BASES = 15
DEFAULT_OUTPUTS = ("{}.apkg", "{}-worksheet.pdf", "{}-answer-key.pdf", "{}.json", "{}.html")


def _name(path: Path) -> str:
    return path.relative_to(CORPUS).with_suffix("").as_posix()


def test_the_corpus_has_its_dev_bases() -> None:
    """Every dev article has its hand-checked base, and every base lies beside its article."""
    dev = [path for path in BASES if path.parent == CORPUS / "dev"]
    texts = sorted((CORPUS / "dev" / "sources").glob("*.txt"))
    assert len(texts) == DEV_BASES
    assert [path.stem for path in dev] == [text.stem for text in texts]
    assert len([path for path in BASES if path.parent.parent.name == "voa"]) == VOA_BASES
    for path in BASES:
        assert (path.parent / "sources" / f"{path.stem}.txt").is_file(), _name(path)


@pytest.mark.parametrize("path", BASES, ids=_name)
def test_base_validates_against_its_article(path: Path) -> None:
    """The base loads and every excerpt and quote text is found in its article, as `quizgen
    validate --source` checks it, under an id that is the file's name (the scorer's key)."""
    base = loaded(path)
    problems = check_provenance(base)
    assert not problems, "\n".join(str(problem) for problem in problems)
    assert base.id == path.stem
    assert base.source.text_file == f"sources/{path.stem}.txt"


@pytest.mark.parametrize("path", BASES, ids=_name)
def test_every_question_of_the_base_is_proved_by_the_oracle(path: Path) -> None:
    """The default quiz of the base has questions, and the oracle proves every question the base
    yields (`--all`), so no build of it can key a wrong answer."""
    base = loaded(path)
    default = build_quiz(base)
    assert default.questions, [skip.reason for skip in default.skipped]
    for question in build_quiz(base, everything=True).questions:
        verdict = check_question(question, base)
        assert verdict.ok, (question.id, verdict.problems)


@pytest.mark.parametrize("path", BASES, ids=_name)
def test_base_builds_through_the_cli(path: Path, tmp_path: Path) -> None:
    """`quizgen build FILE --out DIR` writes the default formats for the base and exits 0."""
    result = CliRunner().invoke(app, ["build", str(path), "--out", str(tmp_path), "--seed", "3"])
    assert result.exit_code == 0, result.output
    for pattern in DEFAULT_OUTPUTS:
        assert (tmp_path / pattern.format(path.stem)).stat().st_size > 0, pattern
    exported = json.loads((tmp_path / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert exported["questions"]


@pytest.mark.parametrize("section", ["people", "quotes", "figures"])
def test_a_bad_excerpt_in_a_corpus_base_is_reported(section: str, tmp_path: Path) -> None:
    """A dev base whose first excerpt of a section departs from its article by one word fails
    the provenance check on that field, so the check above can go red."""
    original = next(path for path in BASES if path.parent.name == "dev")
    (tmp_path / "sources").mkdir()
    shutil.copy2(original.parent / "sources" / f"{original.stem}.txt", tmp_path / "sources")
    document = yaml.safe_load(original.read_text(encoding="utf-8"))
    document[section][0]["excerpt"] += " planted"
    copy = tmp_path / original.name
    copy.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    problems = check_provenance(load_factbase(copy))
    assert [problem.field for problem in problems] == [f"{section}[0].excerpt"], problems
