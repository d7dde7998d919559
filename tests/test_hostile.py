"""The hostile-input corpus and fuzzing: only a FactBase or a located QuizgenError may come out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import load_profiles
from strategies_yaml import (
    damaged_bytes,
    dump,
    mutated_documents,
    syntax_soup,
    valid_documents,
    yaml_trees,
)

import quizgen.factbase.yamlsafe as yamlsafe
from benchmarks.synth import crowd_text, oversized_text
from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import FactBase

HOSTILE = Path(__file__).parent / "data" / "hostile"
CASES = sorted(HOSTILE.glob("*.yaml"))
VALID_SAMPLE = (HOSTILE / "crlf.yaml").read_bytes().replace(b"\r\n", b"\n").decode()


def expectation(case: Path) -> dict[str, str]:
    """The `key: value` lines of a case's .expected file."""
    lines = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


@pytest.fixture(params=["c", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test with libyaml's parser and again with PyYAML's pure-Python one."""
    if request.param == "pure":
        monkeypatch.setattr(yamlsafe, "_CParser", None)
    elif yamlsafe._CParser is None:
        pytest.skip("libyaml is not available")
    yield request.param


def test_every_case_has_an_expectation() -> None:
    """Each corpus file is paired with a .expected file stating its outcome."""
    assert len(CASES) >= 30
    for case in CASES:
        assert expectation(case)["outcome"] in ("loads", "error"), case.name


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_hostile_case_gives_its_expected_outcome(case: Path, parser: str) -> None:
    """Each corpus file loads, or fails with the expected message at the expected line."""
    expected = expectation(case)
    try:
        outcome: FactBase | QuizgenError = load_factbase(case)
    except QuizgenError as error:
        outcome = error
    if expected["outcome"] == "loads":
        assert isinstance(outcome, FactBase), str(outcome)
        return
    assert isinstance(outcome, QuizgenError), f"{case.name} loaded but must fail"
    matching = [p for p in outcome.problems if expected["message"] in str(p)]
    assert matching, f"no problem mentions {expected['message']!r}: {outcome}"
    assert all(p.file == str(case) for p in outcome.problems)
    if "line" in expected:
        assert int(expected["line"]) in [p.line for p in matching], str(outcome)


def test_bom_and_crlf_load_the_same_as_plain_utf8() -> None:
    """A BOM and Windows line endings change nothing in what is loaded."""
    plain = load_text(VALID_SAMPLE, filename="x.yaml")
    for name in ("bom.yaml", "crlf.yaml"):
        assert load_text((HOSTILE / name).read_bytes(), filename="x.yaml") == plain
    assert load_text("\ufeff" + VALID_SAMPLE.replace("\n", "\r\n"), filename="x.yaml") == plain
    assert (HOSTILE / "bom.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in (HOSTILE / "crlf.yaml").read_bytes()


def test_the_100kb_quote_is_kept_whole() -> None:
    """A quote of 100 KB is loaded in full."""
    base = load_factbase(HOSTILE / "quote-100kb.yaml")
    assert len(base.quotes[0].text) == 100_000
    assert base.quotes[0].text.startswith("The president promised a bloodbath. The president")


def test_the_python_tag_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`!!python/object/apply:os.system` is refused without running anything."""
    calls: list[object] = []
    monkeypatch.setattr("os.system", lambda *args: calls.append(args))
    with pytest.raises(QuizgenError):
        load_factbase(HOSTILE / "python-tag.yaml")
    assert calls == []


def test_file_over_5mb_is_refused_before_parsing(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the size limit fails on its size; the YAML parsers are never started."""
    def no_parsing(*args: object) -> None:
        raise AssertionError("the parser must not run")

    monkeypatch.setattr(yamlsafe, "_CParser", no_parsing)
    monkeypatch.setattr(yaml, "SafeLoader", no_parsing)
    path = tmp_path / "huge.yaml"
    path.write_text(oversized_text(5 * 1024 * 1024), encoding="utf-8")
    attempts: list[Callable[[], FactBase]] = [
        lambda: load_factbase(path),
        lambda: load_text(path.read_bytes(), filename="huge.yaml"),
        lambda: load_text(path.read_text(encoding="utf-8"), filename="huge.yaml"),
    ]
    for attempt in attempts:
        with pytest.raises(QuizgenError, match="file is too large") as caught:
            attempt()
        assert caught.value.problems[0].expected == "at most 5,242,880 bytes (5 MB)"


def test_file_of_exactly_the_limit_is_parsed(tmp_path: Path) -> None:
    """The limit is inclusive: a 5 MB file of comments gets as far as 'only comments'."""
    path = tmp_path / "edge.yaml"
    path.write_bytes(b"#" * (5 * 1024 * 1024 - 1) + b"\n")
    with pytest.raises(QuizgenError, match="holds no fact base"):
        load_factbase(path)


def test_ten_thousand_people_without_quotes_load(tmp_path: Path) -> None:
    """A fact base of 10,000 people and no quotes loads completely."""
    path = tmp_path / "crowd.yaml"
    path.write_text(crowd_text(10_000), encoding="utf-8")
    base = load_factbase(path)
    assert len(base.entities) == 10_000 and base.quotes == ()
    assert base.entities[-1].id == "p09999" and base.entities[-1].span is not None
    assert base.entities[-1].span.line == 2 + 4 * 9_999 + 1


def test_alias_bound_allows_modest_reuse() -> None:
    """An anchor reused a few times (shared tags) is fine; the bound only stops explosions."""
    text = VALID_SAMPLE.replace("    excerpt: Luis Almagro, the Secretary General",
                                "    tags: &t [oas, diplomacy]\n"
                                "    excerpt: Luis Almagro, the Secretary General")
    text = text.replace("    speakers: [almagro]", "    speakers: [almagro]\n    tags: *t")
    base = load_text(text, filename="x.yaml")
    assert base.quotes[0].tags == ("oas", "diplomacy") == base.entities[0].tags


def _only_quizgen_errors(data: str | bytes) -> None:
    """Load data; a QuizgenError must name the file and, where it has a line, a sane one."""
    try:
        load_text(data, filename="fuzz.yaml")
    except QuizgenError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "fuzz.yaml"
            assert problem.line is None or problem.line >= 1
            assert problem.column is None or problem.column >= 1


load_profiles()
# the profile's examples (100 in make test; 3,000 under make fuzz, as the `search` mark runs them)
FAST = settings(deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LONG = settings(max_examples=3000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.search
@FAST
@given(yaml_trees(), st.sampled_from([False, None, True]))
def test_random_yaml_trees_give_a_base_or_quizgen_error(tree: object, flow: bool | None) -> None:
    """Any YAML tree, in any style, loads or fails with located QuizgenErrors only."""
    _only_quizgen_errors(dump(tree, flow=flow))


@pytest.mark.search
@FAST
@given(st.binary(max_size=400))
def test_random_bytes_give_only_quizgen_errors(data: bytes) -> None:
    """Arbitrary bytes, mostly invalid UTF-8, never escape as another exception."""
    _only_quizgen_errors(data)


@pytest.mark.search
@FAST
@given(damaged_bytes(VALID_SAMPLE))
def test_truncated_and_damaged_files_give_only_quizgen_errors(data: bytes) -> None:
    """A valid file truncated or with bytes changed loads or fails cleanly."""
    _only_quizgen_errors(data)


@pytest.mark.search
@FAST
@given(syntax_soup())
def test_yaml_syntax_soup_gives_only_quizgen_errors(text: str) -> None:
    """Random runs of YAML syntax (anchors, tags, flow brackets, tabs, BOMs) fail cleanly."""
    _only_quizgen_errors(text)


@pytest.mark.search
@FAST
@given(mutated_documents())
def test_mutated_documents_give_only_quizgen_errors(text: str) -> None:
    """Valid documents with dropped keys, wrong types, dangling or duplicated ids fail cleanly."""
    _only_quizgen_errors(text)


@pytest.mark.search
@FAST
@given(valid_documents(), st.data())
def test_pure_and_c_parsers_agree(doc: dict, data: st.DataObject) -> None:  # type: ignore[type-arg]  # any YAML mapping the strategy draws
    """Both parser back ends compose valid documents identically, and damaged ones to the same data.

    (libyaml and PyYAML differ on a few edge cases, such as tabs, in what they refuse, and in the
    marks of empty scalars, so damaged files are compared where both accept them, as data.)
    """
    if yamlsafe._CParser is None:
        pytest.skip("libyaml is not available")
    text = dump(doc, flow=data.draw(st.sampled_from([False, None, True])))
    assert yamlsafe.compose(text, filename="f") == yamlsafe.compose(text, filename="f", pure=True)
    raw = data.draw(damaged_bytes(text))
    outcomes = []
    for pure in (False, True):
        try:
            outcomes.append(yamlsafe.compose(raw, filename="f", pure=pure))
        except QuizgenError:
            outcomes.append(None)
    if None not in outcomes:
        assert yamlsafe.to_data(outcomes[0]) == yamlsafe.to_data(outcomes[1])


@pytest.mark.fuzz
@LONG
@given(st.one_of(yaml_trees(max_leaves=80).map(dump), syntax_soup(), mutated_documents(),
                 st.binary(max_size=2000), damaged_bytes(VALID_SAMPLE)))
def test_fuzz_loader_long(data: str | bytes) -> None:
    """The long fuzz profile: thousands of hostile inputs, only bases or QuizgenErrors."""
    _only_quizgen_errors(data)
