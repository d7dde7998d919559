"""The installed console script, end to end, in fresh processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.output import RECORD  # quizgen's record of the files it wrote

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("quizgen")

pytestmark = pytest.mark.slow


def run(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command with a clean environment plus `env`, capturing its output as text."""
    dropped = ("SOURCE_DATE_EPOCH", "PYTHONHASHSEED")
    full_env = {k: v for k, v in os.environ.items() if k not in dropped}
    full_env.update(env or {})
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    """A folder holding only a copy of the bundled content/."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def test_console_script_builds_everything(workdir: Path) -> None:
    """`quizgen build` from the installed script writes deck, worksheet, key, JSON and web quiz
    for all the fact bases of content/ together."""
    assert SCRIPT.exists(), f"console script not installed next to {sys.executable}"
    result = run([str(SCRIPT), "build", "--quiet"], cwd=workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    names = sorted(p.name for p in (workdir / "output").iterdir())
    count = len(list((workdir / "content").glob("*.yaml")))
    stem = "venezuela-post-election" if count == 1 else f"quiz-{count}-articles"
    for expected in (f"{stem}.apkg", f"{stem}-worksheet.pdf", f"{stem}-answer-key.pdf",
                     f"{stem}.json", f"{stem}.html"):
        assert expected in names
    assert not [n for n in names if n.endswith(".tmp")]
    assert "questions:" in result.stdout


def test_console_script_offers_every_registered_format(workdir: Path) -> None:
    """The script's `export --help` lists each format; `build --to html,json` writes just those."""
    from quizgen.renderers import RENDERERS

    listed = run([str(SCRIPT), "export", "--help"], cwd=workdir)
    assert listed.returncode == 0, listed.stderr
    assert all(f"  {name} " in listed.stdout for name in RENDERERS)
    built = run([str(SCRIPT), "build", "content/venezuela-post-election.yaml", "--to",
                 "html,json", "--per-kind", "1", "--quiet"], cwd=workdir)
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in (workdir / "output").iterdir() if p.name != RECORD) == [
        "venezuela-post-election.html", "venezuela-post-election.json"]


def test_python_dash_m_quizgen(workdir: Path) -> None:
    """`python -m quizgen --help` works like the console script."""
    result = run([sys.executable, "-m", "quizgen", "--help"], cwd=workdir)
    assert result.returncode == 0
    assert "build" in result.stdout


@pytest.mark.parametrize(
    "args", [["--help"], ["validate"], ["stats"], ["preview", "--per-kind", "1"]]
)
def test_light_commands_do_not_import_renderer_libraries(workdir: Path, args: list[str]) -> None:
    """help, validate, stats and preview never import genanki or reportlab."""
    probe = (
        "import sys\nfrom quizgen.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('genanki', 'reportlab'))\n"
        "print('HEAVY', heavy)\n"
    )
    result = run([sys.executable, "-c", probe], cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


def test_builds_are_byte_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """Two builds in separate processes with different PYTHONHASHSEED give identical bytes."""
    outputs = []
    for hash_seed in ("1", "12345"):
        work = tmp_path / f"run{hash_seed}"
        shutil.copytree(ROOT / "content", work / "content")
        env = {"PYTHONHASHSEED": hash_seed, "SOURCE_DATE_EPOCH": "1722470400"}
        result = run(
            [str(SCRIPT), "build", "--quiet", "--versions", "2", "--seed", "3"], cwd=work, env=env
        )
        assert result.returncode == 0, result.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted((work / "output").iterdir())})
    assert outputs[0].keys() == outputs[1].keys()
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name


def test_bad_content_exits_1_without_traceback(tmp_path: Path) -> None:
    """A broken fact base makes the script exit 1 with a located error and no traceback."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "broken.yaml").write_text("source: [unclosed\n", encoding="utf-8")
    result = run([str(SCRIPT), "build"], cwd=tmp_path)
    assert result.returncode == 1
    assert "broken.yaml:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "output").exists()


def test_a_usage_error_exits_2_with_its_message(tmp_path: Path) -> None:
    """The script ends without the interpreter's teardown: a usage error still exits 2 with
    typer's message on stderr."""
    result = run([str(SCRIPT), "build", "--to", "nothing"], cwd=tmp_path)
    assert result.returncode == 2
    assert "--to" in result.stderr and "nothing" in result.stderr


@pytest.mark.parametrize(("code", "status", "err"), [
    ("None", 0, ""), ("0", 0, ""), ("3", 3, ""),
    ("'stopped: disk full'", 1, "stopped: disk full\n"),
])
def test_leaving_exits_as_sys_exit_would(code: str, status: int, err: str) -> None:
    """cli.leave(code) exits with sys.exit's status for the code (a text: printed, then 1),
    what was printed before it flushed, the exit handlers run."""
    probe = ("import atexit\nfrom quizgen.cli.app import leave\n"
             "atexit.register(lambda: print('handler ran'))\n"
             f"print('printed first', end='')\nleave({code})\n")
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as a user's
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, env=buffered)
    assert (result.returncode, result.stderr) == (status, err)
    assert result.stdout == "printed firsthandler ran\n"


def test_leaving_waits_for_a_thread_still_at_work() -> None:
    """cli.leave with a thread (not a daemon) still running exits as Python does: after it."""
    probe = ("import threading, time\nfrom quizgen.cli.app import leave\n"
             "def work():\n    time.sleep(0.3)\n    print('thread done', flush=True)\n"
             "threading.Thread(target=work).start()\nleave(4)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert (result.returncode, result.stdout) == (4, "thread done\n")
