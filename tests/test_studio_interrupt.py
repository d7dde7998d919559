"""Ctrl-C, SIGTERM or a kill while the studio saves: the old file or the new one, never half."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from quizgen.factbase.loader import load_factbase

ROOT = Path(__file__).resolve().parent.parent
BASE = "calderia-pension-protest"
NEW_ROLE = "a role written in the studio while it was stopped"
# the studio's process runs this checkout's code (the installed package may be another's)
PATH = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])

# Run in the studio's own process: the save stops at one point of output.Batch (after half the
# bytes of the temporary file, or just before os.replace), says so in a marker file, and waits
# there until the studio's own handler has taken the signal the test sends (every handler set
# with signal.signal is wrapped to say so; SIGKILL ends the wait with the process); then the
# studio's command runs as `quizgen studio` does.
HOOK = r'''
import os, signal, sys, threading, time
from pathlib import Path
import quizgen.output as output

stage, marker = sys.argv[1], Path(sys.argv[2])
real_fdopen, real_replace, real_signal = os.fdopen, os.replace, signal.signal
handled = threading.Event()

def wrapped(handler):
    def handle(signum, frame):
        handled.set()
        return handler(signum, frame)
    return handle

def set_handler(signum, handler):
    return real_signal(signum, wrapped(handler) if callable(handler) else handler)

def wait_for_signal():
    deadline = time.monotonic() + 30
    while not handled.is_set() and time.monotonic() < deadline:
        time.sleep(0.01)  # in the main thread too, where Python runs the handler between sleeps

class Slow:
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)
    def write(self, data):
        self.handle.write(data[:len(data) // 2])
        self.handle.flush()
        marker.write_text("half written")
        wait_for_signal()
        return self.handle.write(data[len(data) // 2:])

def fdopen(fd, mode="r", *args, **kwargs):
    handle = real_fdopen(fd, mode, *args, **kwargs)
    return Slow(handle) if stage == "write" and mode == "wb" else handle

def replace(src, dst, *args, **kwargs):
    if stage == "replace" and str(dst).endswith(".yaml"):
        marker.write_text("about to replace")
        wait_for_signal()
    return real_replace(src, dst, *args, **kwargs)

output.os.fdopen, output.os.replace, signal.signal = fdopen, replace, set_handler
from quizgen.cli import main
sys.argv = ["quizgen", "studio", sys.argv[3], "--no-browser", "--port", "0"]
main()
'''


def _post(url: str, token: str, body: dict[str, object], answers: list[object]) -> None:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "X-Studio-Token": token,
        "Origin": url.split("/api/")[0]})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answers.append(response.status)
    except OSError as error:  # the server went away mid-request
        answers.append(repr(error))


@pytest.mark.parametrize("stage", ["write", "replace"])
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_save_interrupted_leaves_the_old_file_or_the_new(tmp_path: Path, stage: str,
                                                            how: signal.Signals) -> None:
    """A signal while a save writes its temporary file, or just before os.replace, leaves the
    fact base byte for byte as it was or wholly the new one (it loads, with the change): Ctrl-C
    or SIGTERM lets the save finish (the new file, the page told 200) and the studio exits
    quietly (no traceback, no temporary file); SIGKILL leaves the old file, and the next save
    sweeps the dead process's temporary file."""
    folder = tmp_path / "content"
    (folder / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "content" / f"{BASE}.yaml", folder)
    shutil.copy(ROOT / "content" / "sources" / f"{BASE}.txt", folder / "sources")
    path = folder / f"{BASE}.yaml"
    old = path.read_bytes()
    hook, marker = tmp_path / "hook.py", tmp_path / "marker"
    hook.write_text(HOOK, encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(hook), stage, str(marker), str(folder)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": PATH})
    answers: list[object] = []
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[2]
        with urllib.request.urlopen(url, timeout=10) as response:
            token = re.search(r'name="studio-token" content="([^"]+)"',
                              response.read().decode()).group(1)  # type: ignore[union-attr]
        with urllib.request.urlopen(f"{url}api/bases/{BASE}", timeout=10) as response:
            version = json.loads(response.read())["version"]
        saving = threading.Thread(target=_post, args=(
            f"{url}api/bases/{BASE}/facts/article", token,
            {"version": version, "fields": {"role": NEW_ROLE}, "confirm": True}, answers))
        saving.start()
        for _ in range(400):
            if marker.exists():
                break
            time.sleep(0.05)
        assert marker.exists(), "the save never reached the hook"
        assert path.read_bytes() == old  # mid-save: the file itself not touched yet
        process.send_signal(how)
        code = process.wait(timeout=30)
        saving.join(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.stderr is not None
    errors = process.stderr.read()
    now = path.read_bytes()
    assert now == old or (NEW_ROLE in now.decode("utf-8") and
                          getattr(load_factbase(path).by_id["article"], "role", None) == NEW_ROLE
                          ), now[-300:]
    if how != signal.SIGKILL:  # uvicorn lets the save under way finish, then stops
        assert now != old and answers == [200], answers
        assert code in (0, 130, -signal.SIGTERM, 128 + signal.SIGTERM), (code, errors)
        assert "Traceback" not in errors, errors
        assert not list(folder.glob(".*.tmp"))  # the temporary file cleaned up
    else:
        assert now == old  # killed before os.replace: the old file, whole
        # killed outright, nothing can clean up: the next save sweeps the dead process's file
        from quizgen.output import write_atomic

        write_atomic(path, now)
        assert not list(folder.glob(".*.tmp"))
