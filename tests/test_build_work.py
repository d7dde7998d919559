"""Work a build does once that it did many times, done the faster way with the same answers."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import loaded
from sheet_check import sheet as cached_sheet

from quizgen.factbase.loader import load_factbase
from quizgen.factbase.model import FactBase, Figure
from quizgen.generators import figure_choice, sequence
from quizgen.generators.base import GenOptions
from quizgen.oracle import figure_truth
from quizgen.quiz import figure_sheet, versions
from quizgen.quiz.questions import Question, Quiz
from quizgen.quiz.select import CLASS_LENGTH, build_quiz, make_versions

ROOT = Path(__file__).resolve().parent.parent
BASES = [*sorted((ROOT / "content").glob("*.yaml")),
         *sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))]


def _stage_by_each_stem(description: str) -> int | None:
    """The latest stage one of whose stems starts a word of the folded description, searching
    for every stem on its own (how sequence.stage read it before its stems were joined)."""
    folded = " " + " ".join(sequence._words(description)) + " "
    found = None
    for number, stems in enumerate(sequence._STAGES):
        if any(re.search(rf"(?<![\w-]){re.escape(stem)}", folded) for stem in stems):
            found = number
    return found


def _descriptions() -> list[str]:
    """Every event description of the bundled and corpus articles, and every stem of every
    stage at a word's start, inside a word, after a hyphen and beside another stage's stem."""
    texts = [e.description for path in BASES for e in loaded(path).events]
    stems = [stem for stems in sequence._STAGES for stem in stems]
    for stem in stems:
        texts += [stem, f"the {stem}ed", f"un{stem}", f"pre-{stem}", f"x{stem} y",
                  f"{stem.upper()} later", f"re-{stem}"]
    texts += [f"{a} {b}" for a, b in zip(stems, reversed(stems), strict=True)]
    return texts


def test_stage_reads_each_description_as_searching_every_stem_does() -> None:
    """sequence.stage, its stems joined into one pattern a stage, gives the stage that
    searching for each stem alone gives, for hundreds of real and made-up descriptions."""
    texts = _descriptions()
    assert len(texts) > 500
    found = [sequence.stage(text) for text in texts]
    assert found == [_stage_by_each_stem(text) for text in texts]
    assert len(set(found)) == 5  # every stage and None are met: the comparison covers them


# ---- per-student versions: remakes made once, crossings read from sets, indexes per base ----


def _sheet(path: Path, seed: int) -> Quiz:
    return build_quiz([load_factbase(path)], seed=seed, count=CLASS_LENGTH)


def _asking_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Versions made the way they were before their work was kept: each remake made again
    for every version, each crossing read from figures_cross pair by pair, each flip made
    before its key is looked at."""
    monkeypatch.setattr(versions._Remade, "get", versions._Remade._remake)

    def crossing(self: figure_sheet.Crossings, question: Question) -> bool:
        return any(figure_sheet.figures_cross(o.question, question)
                   or figure_sheet.figures_cross(question, o.question) for o in self._all)

    monkeypatch.setattr(figure_sheet.Crossings, "any", crossing)
    monkeypatch.setattr(versions, "_descending_answer",  # where the key lands, listed upwards
                        lambda q: q.options[::-1].index(q.options[q.answer]))


@pytest.mark.parametrize("path", BASES[:8], ids=lambda p: p.stem)
def test_versions_are_those_made_asking_again(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty-six versions of a class sheet (two seeds) are the same questions, options and
    keys whether remakes, crossings and flips are kept or worked out again each time."""
    for seed in (1, 5):
        quiz = cached_sheet(path, seed)  # the sheet the sweeps build, built once per run
        kept = make_versions(quiz, count=26, seed=seed)
        with monkeypatch.context() as patch:
            _asking_again(patch)
            again = make_versions(quiz, count=26, seed=seed)
        assert kept == again


def test_versions_remake_each_figure_once_and_index_each_base_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Making 26 versions remakes each figure item once per attempt (not once per version),
    reads each item's figures once, and indexes the base's figures once for the generator and
    once for the oracle, though every version asks the figures again."""
    quiz = _sheet(ROOT / "content" / "venezuela-post-election.yaml", 1)
    counts: Counter[object] = Counter()
    real_remake, real_profile = versions._Remade._remake, figure_sheet._Profile.__init__
    real_figures, real_matching = figure_choice._figures_of, figure_truth._by_measure

    def remake(self: versions._Remade, question: Question, attempt: int) -> Question | None:
        counts["remake", id(question), attempt] += 1
        return real_remake(self, question, attempt)

    def profile(self: figure_sheet._Profile, question: Question) -> None:
        counts["profile", id(question)] += 1
        real_profile(self, question)

    def figures(base: FactBase) -> object:
        counts["figures", id(base)] += 1
        return real_figures(base)

    def by_measure(base: FactBase) -> object:
        counts["by measure", id(base)] += 1
        return real_matching(base)

    monkeypatch.setattr(versions._Remade, "_remake", remake)
    monkeypatch.setattr(figure_sheet._Profile, "__init__", profile)
    monkeypatch.setattr(figure_choice, "_figures_of", figures)
    monkeypatch.setattr(figure_truth, "_by_measure", by_measure)
    make_versions(quiz, count=26, seed=1)
    assert sum(1 for key in counts if key[0] == "remake") >= 100  # real work was counted
    assert max(counts.values()) == 1
    assert [key[0] for key in counts].count("figures") == 1
    assert [key[0] for key in counts].count("by measure") == 1


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_figures_matching_reads_the_index_as_every_figure(path: Path) -> None:
    """The oracle's figures of a measure, subject and sources are those a reading of every
    figure finds, for every figure's own and for its measure respaced and recased."""
    base = loaded(path)

    def every(measure: str, subject: str | None, given_by: tuple[str, ...] | None) -> tuple[
            Figure, ...]:
        def fold(text: str) -> str:
            return " ".join(text.split()).casefold()
        return tuple(f for f in base.figures if fold(f.measure) == fold(measure)
                     and f.subject == subject and (given_by is None
                                                   or set(f.given_by) == set(given_by)))

    asked = 0
    for figure in base.figures:
        for measure in (figure.measure, f"  {figure.measure.upper()} ", figure.measure + "s"):
            for subject in (figure.subject, None, "nobody"):
                for given_by in (None, figure.given_by, ("nobody",)):
                    found = figure_truth.figures_matching(base, measure=measure, subject=subject,
                                                          given_by=given_by)
                    assert found == every(measure, subject, given_by)
                    asked += bool(found)
    assert asked >= len(base.figures)  # each figure is found by its own measure at least


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_base_s_figure_index_makes_what_a_fresh_one_makes(path: Path) -> None:
    """The figure generator's index, kept with the base, gives the same questions after twenty
    seeds have read it as a fresh base's gives (generating changes nothing in it)."""
    used = loaded(path)
    for seed in range(20):
        figure_choice.generate(used, seed=seed, options=GenOptions(num_options=3))
    for seed in (0, 7):
        fresh = load_factbase(path)
        assert figure_choice.generate(used, seed=seed, options=GenOptions()) == \
            figure_choice.generate(fresh, seed=seed, options=GenOptions())

