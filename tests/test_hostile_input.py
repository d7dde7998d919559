"""Hostile input, round two (issue 13): no file outside the fact base read, nothing raw printed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quizgen.cli.console as console
import quizgen.cli.terminal as terminal
import quizgen.factbase.fields as fields
import quizgen.factbase.provenance as provenance
from benchmarks import hostile_cases as hc
from benchmarks.synth import synth_factbase_text
from quizgen.cli import app
from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.loader import load_factbase
from quizgen.factbase.numbers import CONTEXT
from quizgen.factbase.provenance import check_provenance
from quizgen.output import RECORD, Batch, write_atomic
from quizgen.quiz.select import build_quiz
from quizgen.renderers import get_renderer
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet.pages import shorten
from quizgen.renderers.worksheet.styles import plain_width

SCRIPT = Path(sys.executable).with_name("quizgen")
LIMIT = 5 * 1024 * 1024  # the documented limit on an article text (README, docs/factbase.md)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def small() -> tuple[str, str]:
    """A valid 16-fact base without an `id:` line (its id comes from its file name); its text."""
    yaml_text, article = synth_factbase_text(16, seed=1)
    lines = [line for line in yaml_text.splitlines() if not line.startswith("id:")]
    return hc.with_text_file("\n".join(lines) + "\n", "small.txt"), article


def _write_small(folder: Path, small: tuple[str, str], name: str = "small.yaml") -> Path:
    (folder / "small.txt").write_text(small[1], encoding="utf-8")
    path = folder / name
    path.write_text(small[0], encoding="utf-8")
    return path


# ---- 1. source.text_file stays inside the fact base's folder ------------------------------------

@pytest.mark.parametrize("case",
                         ["absolute", "parent", "symlink", "proc-environ", "folder", "pipe"])
def test_text_file_outside_the_folder_is_refused_unread(tmp_path: Path, small: tuple[str, str],
                                                        case: str) -> None:
    """An absolute, `../`, symlinked, /proc or non-regular text_file gives one located error
    at source.text_file, and nothing of the secret file it names is shown."""
    path = hc.outside_paths(tmp_path, *small)[case]
    problems = check_provenance(load_factbase(path))
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.field == "source.text_file" and problem.file == str(path)
    assert problem.line is not None
    assert re.search("absolute|outside the fact base's folder|not a regular file", problem.message)
    assert "s3cr3t" not in str(problem) and "HOSTILE_SECRET=" not in str(problem)


@pytest.mark.parametrize("target", ["a\x00b.txt", "x/" * 3000 + "a.txt", "C:\\secret.txt"])
def test_odd_text_file_paths_give_located_errors(tmp_path: Path, small: tuple[str, str],
                                                 target: str) -> None:
    """A NUL in the path, a path too long for the system, or a Windows drive path: one
    located error at source.text_file, never an internal error."""
    path = tmp_path / "odd.yaml"
    path.write_text(hc.with_text_file(small[0], target), encoding="utf-8")
    (problem,) = check_provenance(load_factbase(path))
    assert problem.field == "source.text_file" and problem.line is not None


def test_validate_source_never_echoes_a_file_outside(tmp_path: Path,
                                                     small: tuple[str, str]) -> None:
    """`quizgen validate --source` on a symlink to a secret prints no byte of the secret."""
    path = hc.outside_paths(tmp_path, *small)["symlink"]
    result = CliRunner().invoke(app, ["validate", "--source", str(path)])
    assert result.exit_code == 1
    assert "source.text_file" in result.output and "s3cr3t" not in result.output


def test_a_text_file_in_a_subfolder_or_linked_inside_is_read(tmp_path: Path,
                                                             small: tuple[str, str]) -> None:
    """sources/x.txt, and a symlink to a file that stays inside the folder, are still read."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(small[1], encoding="utf-8")
    (tmp_path / "inside.txt").symlink_to(tmp_path / "sources" / "a.txt")
    for target in ("sources/a.txt", "inside.txt", "sources/../sources/a.txt"):
        path = tmp_path / "ok.yaml"
        path.write_text(hc.with_text_file(small[0], target), encoding="utf-8")
        assert check_provenance(load_factbase(path)) == [], target


# ---- 2. the article text has a size limit -------------------------------------------------------

def test_a_sparse_article_over_the_limit_is_refused_without_reading(
        tmp_path: Path, small: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A 1.5 GB sparse article is refused on its size; no byte of it is read."""
    path = hc.sparse_article(tmp_path, small[0])
    reads: list[int] = []
    real_open = open

    def spying_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        handle = real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]  # any open
        if str(file).endswith("huge-article.txt"):
            real_read = handle.read
            handle.read = lambda *a: reads.append(1) or real_read(*a)  # type: ignore[method-assign]  # a spy
        return handle

    monkeypatch.setattr("builtins.open", spying_open)
    (problem,) = check_provenance(load_factbase(path))
    assert problem.message == "the source text file is too large"
    assert problem.field == "source.text_file" and reads == []
    assert problem.expected == f"an article text of at most {LIMIT:,} bytes (5 MB)"
    assert provenance.MAX_SOURCE_BYTES == LIMIT


def test_the_article_limit_is_inclusive_and_the_read_bounded(
        tmp_path: Path, small: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """An article of exactly the limit is read; one byte more is refused, even when the file's
    size says 0 (as /proc files do), because the read stops one byte past the limit."""
    at = hc.sparse_article(tmp_path, small[0], size=LIMIT)
    assert all("too large" not in p.message for p in check_provenance(load_factbase(at)))
    over = hc.sparse_article(tmp_path, small[0], size=LIMIT + 1)

    class Zero:
        st_size = 0

    monkeypatch.setattr(provenance.os, "fstat", lambda fd: Zero())
    (problem,) = check_provenance(load_factbase(over))
    assert problem.message == "the source text file is too large"
    assert problem.found is not None and problem.found.startswith("more than 5,242,880 bytes")


# ---- 3. content reaches the terminal as text ----------------------------------------------------

def _assert_shown_as_text(output: str) -> None:
    assert not RAW.search(output), repr(RAW.search(output))
    assert "\u274c" not in output and "\u26a0" not in output, "emoji codes must stay text"


def test_escapes_in_a_key_are_shown_visibly(tmp_path: Path, small: tuple[str, str]) -> None:
    """ESC, BEL, NUL and a bidi override in a YAML-escaped key appear as \\x1b etc. in the
    error's field path, never raw; `:x:` stays `:x:`; `[bold]` is printed as written."""
    bad, _ = hc.escapes_in_content(tmp_path, small[0])
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    _assert_shown_as_text(result.output)
    assert "source.\\x1b[31mRED\\x1b]0;pwned\\x07\\x00\\u202e :x: :warning: [bold]b[/bold]" in (
        result.output)


def test_control_characters_in_an_echoed_source_line_are_visible(tmp_path: Path) -> None:
    """A raw ESC and NUL in the file are refused, and the source line quoted shows them as text."""
    path = tmp_path / "raw.yaml"
    path.write_bytes(b"source:\n  title: \"a\x1b[2Jb\x00c\"\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1 and "\\x1b[2Jb\\x00c" in result.output
    _assert_shown_as_text(result.output)


def test_preview_shows_quote_texts_as_text(tmp_path: Path) -> None:
    """`quizgen preview` prints a quote's ESC sequences, emoji codes and markup as text."""
    # 32 facts: eight people, enough speakers of each kind for who-said-it to ask every quote
    yaml_text, article = synth_factbase_text(32, seed=1)
    (tmp_path / "small.txt").write_text(article, encoding="utf-8")
    _, good = hc.escapes_in_content(tmp_path, hc.with_text_file(yaml_text, "small.txt"))
    result = CliRunner().invoke(app, ["preview", str(good), "--kinds", "who-said-it", "--answers"])
    assert result.exit_code == 0, result.output
    assert "Who said" in result.output, result.output  # questions were made, not all skipped
    _assert_shown_as_text(result.output)
    assert "\\x1b[31mRED\\x1b]0;pwned\\x07\\x00\\u202e :x: :warning: [bold]b[/bold]" in (
        result.output)


# ---- 4. error printing is linear and capped -----------------------------------------------------

def test_many_problems_read_the_file_once_and_are_capped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """6,000 unknown speakers (the bench times 60,000): the file is read once for its source
    lines, MAX_SHOWN problems are printed, and the rest are counted."""
    path = hc.unknown_speakers(tmp_path, count=6_000)
    with pytest.raises(QuizgenError) as caught:
        load_factbase(path)
    assert len(caught.value.problems) == 6_000
    reads: list[str] = []
    real_open, real_read_bytes = open, Path.read_bytes
    monkeypatch.setattr("builtins.open", lambda file, *a, **k: reads.append(str(file))
                        or real_open(file, *a, **k))
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(str(self))
                        or real_read_bytes(self))
    console.print_error(caught.value)
    err = capsys.readouterr().err
    assert reads.count(str(path)) == 1
    assert err.count("  error ") == console.MAX_SHOWN
    assert f"… and {6_000 - console.MAX_SHOWN:,} more problems in {path}" in err


# ---- 5. figures have no more digits than build can render ---------------------------------------

def test_figure_digits_just_at_and_over_the_limit(tmp_path: Path, small: tuple[str, str]) -> None:
    """A figure of 40 digits loads and renders in every format; one of 41 is refused at load."""
    with pytest.raises(QuizgenError) as caught:
        load_factbase(hc.figure_digits(tmp_path, small[0], 41))
    (problem,) = caught.value.problems
    assert problem.message == "too many digits to compute with" and problem.found == "41 digits"
    assert problem.field is not None and problem.field.endswith(".value") and problem.line
    base = load_factbase(hc.figure_digits(tmp_path, small[0], 40))
    assert "9" * 40 in {str(f.value) for f in base.figures}
    quiz = build_quiz([base])
    for fmt in ("anki", "json", "worksheet"):
        assert get_renderer(fmt)(quiz, options=RenderOptions(name="x"))
    assert fields.MAX_DIGITS == CONTEXT.prec == 40, "the limit is the precision figures render at"


# ---- 6. UTF-16 without a byte-order mark --------------------------------------------------------

@pytest.mark.parametrize("big_endian", [False, True])
def test_utf16_without_bom_is_named(tmp_path: Path, small: tuple[str, str],
                                    big_endian: bool) -> None:
    """A fact base (or an article) in UTF-16 without a BOM is reported as UTF-16, not Latin-1."""
    name = "UTF-16BE" if big_endian else "UTF-16LE"
    with pytest.raises(QuizgenError, match=f"it looks like {name}") as caught:
        load_factbase(hc.utf16_without_bom(tmp_path, small[0], big_endian=big_endian))
    assert "Latin-1" not in str(caught.value)
    path = _write_small(tmp_path, small)
    (tmp_path / "small.txt").write_bytes(small[1].encode(name.lower()))
    (problem,) = check_provenance(load_factbase(path))
    assert problem.message == f"the source text file is not UTF-8: it looks like {name}"


# ---- 7. long words -------------------------------------------------------------------------------

def test_shortening_a_long_footer_measures_few_widths(monkeypatch: pytest.MonkeyPatch) -> None:
    """The footer's title is cut to fit by bisection: a 3,000-character word costs a few dozen
    width measurements (one per character made the build quadratic), and the cut is the
    longest that fits."""
    import quizgen.renderers.worksheet.pages as pages

    calls: list[str] = []
    monkeypatch.setattr(pages, "plain_width", lambda text, size: calls.append(text)
                        or plain_width(text, size))
    cut = shorten("Title " + hc.LONG_WORD, 300, 8)
    assert len(calls) <= 20
    assert cut.endswith("…") and plain_width(cut, 8) <= 300
    assert plain_width(("Title " + hc.LONG_WORD)[: len(cut)] + "…", 8) > 300


def test_long_words_in_every_field_build(tmp_path: Path, small: tuple[str, str]) -> None:
    """A 3,000-character word at the end of every text field still builds every format."""
    base = load_factbase(hc.long_words(tmp_path, small[0]))
    quiz = build_quiz([base])
    for fmt in ("anki", "worksheet"):
        assert get_renderer(fmt)(quiz, options=RenderOptions(name="long"))


# ---- 8. temporary files --------------------------------------------------------------------------

def test_the_next_write_sweeps_stale_temporary_files(tmp_path: Path) -> None:
    """Temporary files of a killed build (dead process, or no process id and a day old) go at the
    next write to the same target; a running build's, and other files, stay."""
    dead = hc.stale_temp_files(tmp_path, "deck.apkg", count=3)
    legacy = tmp_path / ".deck.apkg.k2j4h5g6.tmp"
    legacy.write_bytes(b"old")
    os.utime(legacy, (time.time() - 2 * 86400,) * 2)
    fresh_legacy = tmp_path / ".deck.apkg.abcdefgh.tmp"
    fresh_legacy.write_bytes(b"maybe a running build")
    live = tmp_path / f".deck.apkg.{os.getppid()}.a1b2c3d4.tmp"
    live.write_bytes(b"a running build")
    other = tmp_path / ".notes.txt.999.a1b2c3d4.tmp"
    other.write_bytes(b"another target")
    write_atomic(tmp_path / "deck.apkg", b"deck")
    assert not any(p.exists() for p in (*dead, legacy))
    assert live.exists() and fresh_legacy.exists() and other.exists()
    assert (tmp_path / "deck.apkg").read_bytes() == b"deck"


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_build_leaves_no_temporary_file(tmp_path: Path, small: tuple[str, str],
                                                     signum: int) -> None:
    """SIGTERM or SIGHUP while the build writes: it exits 128+N and removes its temporary files."""
    path = _write_small(tmp_path, small)
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    process = subprocess.Popen([str(SCRIPT), "build", str(path), "--quiet", "--versions", "26",
                                "--out", str(out)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not (out.is_dir() and list(out.glob(".*.tmp"))):
        assert process.poll() is None, "the build ended before writing a temporary file"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(signum)
    assert process.wait(timeout=60) == 128 + signum
    assert list(out.glob(".*.tmp")) == []
    assert not [p for p in out.iterdir() if p.suffix != ".tmp"], "nothing half-built put in place"


# ---- 9. --out never replaces a link or a device --------------------------------------------------

def test_out_to_a_symlink_is_refused(tmp_path: Path, small: tuple[str, str]) -> None:
    """`quizgen anki --out link.apkg` refuses the link, leaving it and its target untouched."""
    path = _write_small(tmp_path, small)
    link, victim = hc.out_symlink(tmp_path)
    result = CliRunner().invoke(app, ["anki", str(path), "--quiet", "--out", str(link)])
    assert result.exit_code == 1
    assert "a symbolic link" in result.output and str(link) in result.output
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "not a deck\n"


def test_a_pipe_or_device_in_place_of_a_file_is_refused(tmp_path: Path) -> None:
    """A named pipe (and, where we may make one, a device node) is never replaced."""
    targets = [tmp_path / "pipe.json"]
    os.mkfifo(targets[0])
    if os.geteuid() == 0:  # only root may make device nodes
        targets.append(tmp_path / "full.json")
        os.mknod(targets[1], 0o666 | 0o020000, os.makedev(1, 7))
    for target in targets:
        with pytest.raises(QuizgenError, match="cannot write output") as caught, Batch() as batch:
            batch.add(target, b"{}")
        assert caught.value.problems[0].found in ("a pipe or socket", "a device")
        assert not target.is_file() and target.exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_pipe_as_the_previous_manifest_is_refused_not_read(tmp_path: Path,
                                                             small: tuple[str, str]) -> None:
    """A named pipe where the deck's manifest goes is refused; reading it would block forever
    (an alarm turns such a hang into a failure)."""
    path = _write_small(tmp_path, small)
    os.mkfifo(tmp_path / "deck.manifest.json")

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("the build blocked reading a pipe")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        result = CliRunner().invoke(app, ["anki", str(path), "--quiet", "--out",
                                          str(tmp_path / "deck.apkg")])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.exit_code == 1, result.output
    assert "a pipe or socket" in result.output and not (tmp_path / "deck.apkg").exists()


# ---- 10. byte-identical by default ---------------------------------------------------------------

def test_builds_in_fresh_folders_at_other_times_are_identical(
        tmp_path: Path, small: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SOURCE_DATE_EPOCH, two decks built at different clock times are byte-identical."""
    path = _write_small(tmp_path, small)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    outputs = []
    for clock in (1_700_000_000.0, 1_800_000_000.0):
        monkeypatch.setattr(time, "time", lambda clock=clock: clock)
        folder = tmp_path / f"fresh-{int(clock)}"
        result = CliRunner().invoke(app, ["anki", str(path), "--quiet", "--out",
                                          str(folder / "deck.apkg")])
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in folder.iterdir() if p.name != RECORD})
    assert outputs[0] == outputs[1] and set(outputs[0]) == {"deck.apkg", "deck.manifest.json"}
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "SOURCE_DATE_EPOCH" in readme


# ---- 11. ids from file names ---------------------------------------------------------------------

@pytest.mark.parametrize("name", hc.BAD_NAMES)
def test_a_file_name_that_makes_no_valid_id_is_refused_at_load(
        tmp_path: Path, small: tuple[str, str], name: str) -> None:
    """`..yaml`, spaces, capitals and accents: a located error at `id` saying what is allowed
    and suggesting a valid name."""
    (path,) = [p for p in hc.bad_file_names(tmp_path, small[0]) if p.name == name]
    with pytest.raises(QuizgenError) as caught:
        load_factbase(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path) and problem.field == "id" and problem.line == 1
    assert problem.expected is not None and "lower-case letters, digits and hyphens" in (
        problem.expected)
    suggested = re.search(r"rename the file to (\S+)\.yaml", problem.expected)
    assert suggested and re.fullmatch(r"[a-z0-9][a-z0-9-]*", suggested.group(1))


def test_an_empty_selection_names_its_file(tmp_path: Path, small: tuple[str, str]) -> None:
    """`the selection is empty` says which fact-base file gave no questions."""
    path = _write_small(tmp_path, small)
    result = CliRunner().invoke(app, ["build", str(path), "--tags", "nothing-such", "--out",
                                      str(tmp_path / "out")])
    assert result.exit_code == 1
    assert re.search(rf"{re.escape(str(path))}.*the selection is empty", result.output)


def test_problem_text_is_not_changed_by_printing() -> None:
    """Escaping for the terminal leaves the problems themselves (and their str) as they were."""
    problem = Problem("m", file="a\x1bb.yaml", found="\x00")
    assert "\x1b" in str(problem) and terminal.escape(str(problem)).count("\\x1b") == 1
