"""The one place that writes files: atomically, through temporary files and os.replace."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType

from quizgen.errors import Problem, QuizgenError


def _cannot(path: Path, found: str, expected: str) -> QuizgenError:
    return QuizgenError(Problem("cannot write output", file=str(path), found=found,
                                expected=expected))


class Batch:
    """Files written now under temporary names beside their targets, put in place by commit().

    Until commit() no target changes, so a failure half-way through a build (a renderer that
    crashes, a full disk) leaves every previous output as it was; leaving the `with` block
    without commit() removes the temporary files. Each file's data can be dropped as soon as
    add() returns, so a build holds one format in memory at a time.
    """

    def __init__(self, *, guard: Guard | None = None) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temporary file, target)
        self._pending: Path | None = None  # a target whose temporary file is being made
        self._guard = guard

    def add(self, path: Path, data: bytes) -> None:
        """Write data to a temporary file in path's folder (made if missing).

        The target must be new or a regular file: a symbolic link, device, pipe or folder in its
        place is refused, never replaced. Temporary files that an earlier, killed build left for
        this target are removed too. With a guard, the target must also be no file the command
        read and, when it exists, a file quizgen wrote (see Guard).
        """
        path = Path(path)
        _check_target(path)
        if self._guard is not None:
            if any(target == path for _, target in self._staged):
                raise _cannot(path, "two files of this build at one path",
                              "a different --out for each, or fewer formats at once")
            self._guard.check(path, data)
        self._add_unchecked(path, data)

    def _add_unchecked(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._pending = path  # a signal between mkstemp and the next line: see discard()
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                                        dir=path.parent)
            tmp = Path(name)
            self._staged.append((tmp, path))
            self._pending = None
            # The file system's own time, to compare with its other files' times.
            sweep_stale(path, now=os.fstat(fd).st_mtime)
        except OSError as exc:
            raise _cannot(path, exc.strerror or str(exc), "a writable folder") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
        except OSError as exc:
            raise _cannot(path, exc.strerror or str(exc), "a writable file") from None

    def commit(self) -> list[Path]:
        """Move every temporary file onto its target, in the order added; the targets.

        With a guard, each folder's record of the files quizgen wrote there is updated first
        (a record naming a file not yet moved in only allows quizgen to write it later)."""
        if self._guard is not None:
            files = list(self._staged)
            self._staged = []
            for record, data in self._guard.records([target for _, target in files]):
                _check_target(record)
                self._add_unchecked(record, data)
            self._staged.extend(files)
        done: list[Path] = []
        while self._staged:
            tmp, path = self._staged[0]
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise _cannot(path, exc.strerror or str(exc), "a writable file") from None
            self._staged.pop(0)
            done.append(path)
        return done

    def discard(self) -> None:
        """Remove the temporary files not yet committed."""
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged.clear()
        if self._pending is not None:  # interrupted inside add(): this process's file for it
            own = re.compile(rf"\.{re.escape(self._pending.name)}\.{os.getpid()}\.{_RANDOM}\.tmp")
            try:
                for entry in os.scandir(self._pending.parent):
                    if own.fullmatch(entry.name):
                        Path(entry.path).unlink(missing_ok=True)
            except OSError:
                pass  # nothing more can be cleaned; the next write's sweep will
            self._pending = None

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discard()


def _check_target(path: Path) -> None:
    """Refuse a target that exists and is not a regular file (what os.replace would clobber)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise _cannot(path, f"{path.parent} is not a folder (a file, device or link to one)",
                      "an output folder, or a new name for one") from None
    except OSError as exc:
        raise _cannot(path, exc.strerror or str(exc), "a writable file") from None
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        raise _cannot(path, f"a symbolic link (to {os.readlink(path)})",
                      "a regular file or a new name: quizgen does not replace links;"
                      " remove the link or write elsewhere")
    if stat.S_ISDIR(mode):
        raise _cannot(path, "a directory", "a file path")
    what = "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a pipe or socket"
    raise _cannot(path, what, "a regular file or a new name")


# Our temporary names: `.TARGET.PID.XXXXXXXX.tmp` (and `.TARGET.XXXXXXXX.tmp`, before the PID).
_RANDOM = r"[a-z0-9_]{8}"
_TEMP_TAIL = re.compile(rf"(?:(\d+)\.)?{_RANDOM}\.tmp")  # what follows `.TARGET.`
STALE_SECONDS = 24 * 3600  # a temporary file without a PID is stale after a day


def sweep_stale(path: Path, *, now: float) -> list[Path]:
    """Remove the temporary files of earlier writes to path whose process is gone; the removed.

    A build killed outright (SIGKILL, a power cut) cannot clean up; the next write to the same
    target does. A file is stale when the process that made it has ended, or, for a name
    without a process id, when it is older than STALE_SECONDS before `now` (a file-system
    time). Files of running builds, and this process's own, stay.
    """
    head = f".{path.name}."
    removed = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        match = _TEMP_TAIL.fullmatch(name[len(head):]) if name.startswith(head) else None
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        pid = match.group(1)
        if pid is not None:
            stale = not _alive(int(pid))
        else:
            try:
                age = now - entry.stat().st_mtime
            except OSError:
                continue
            stale = age > STALE_SECONDS
        if stale:
            try:
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another user's process
    except (ProcessLookupError, OverflowError, ValueError):
        return False
    return True


def write_atomic(path: Path, data: bytes, *, guard: Guard | None = None) -> Path:
    """Write data to path so that readers see the old file or the new one, never half of one."""
    with Batch(guard=guard) as batch:
        batch.add(path, data)
        return batch.commit()[-1]


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every rendered file into folder, all or none, in name order."""
    with Batch() as batch:
        for name in sorted(files):
            batch.add(Path(folder) / name, files[name])
        return batch.commit()


# ---- never over the teacher's files ---------------------------------------------------------

RECORD = ".quizgen-outputs"  # in each folder a build writes to: the names of the files it wrote
_RECORD_HEAD = "# The files quizgen wrote in this folder: a build replaces these, never others.\n"
_RECORD_LIMIT = 1024 * 1024


class Guard:
    """What a build or export may not write over: a file it read (a fact base, its article
    text, a previous build's file another format reads), or an existing file that quizgen did
    not write. What quizgen wrote, it lists in RECORD in the file's folder; a file listed
    there, or a file holding exactly the bytes about to be written, may be replaced.
    """

    def __init__(self, inputs: Iterable[Path]) -> None:
        self._inputs: dict[tuple[int, int], Path] = {}
        for path in inputs:
            key = _identity(path)
            if key is not None:
                self._inputs.setdefault(key, path)
        self._kept: dict[tuple[int, int], str] = {}  # previous files read, by format
        self._records: dict[Path, set[str]] = {}
        self.current = ""  # the format being written: it alone may replace what it read

    def reads(self, path: Path, owner: str) -> None:
        """A previous build's file that format `owner` reads: only `owner` may replace it."""
        key = _identity(path)
        if key is not None:
            self._kept.setdefault(key, owner)

    def check(self, path: Path, data: bytes) -> None:
        """Refuse path when it is a file read, or an existing file quizgen did not write."""
        if path.name == RECORD:
            raise _cannot(path, f"the name of quizgen's record of the files it wrote ({RECORD})",
                          "another file name")
        key = _identity(path)
        if key is None:
            return  # a new file
        if key in self._inputs:
            raise _cannot(path, f"the file this command reads ({self._inputs[key]})",
                          "another --out: quizgen never writes over its own input")
        owner = self._kept.get(key)
        if owner is not None and owner != self.current:
            raise _cannot(path, f"the previous {owner} build's file, which this build reads",
                          "another --out for this format")
        if path.name in self.written(path.parent) or _holds(path, data):
            return
        raise _cannot(path, "an existing file that quizgen did not write (it is not listed in"
                      f" {path.parent / RECORD})",
                      "a new file name or an output folder of quizgen's; move the file away"
                      " if it may be replaced")

    def written(self, folder: Path) -> set[str]:
        """The names RECORD in the folder lists (none when there is no record)."""
        if folder not in self._records:
            self._records[folder] = _read_record(folder / RECORD)
        return self._records[folder]

    def records(self, targets: Iterable[Path]) -> list[tuple[Path, bytes]]:
        """Each folder's RECORD with the targets' names added."""
        by_folder: dict[Path, set[str]] = {}
        for target in targets:
            by_folder.setdefault(target.parent, set()).add(target.name)
        out = []
        for folder, names in sorted(by_folder.items()):
            names |= self.written(folder)
            names.discard(RECORD)
            text = _RECORD_HEAD + "".join(f"{name}\n" for name in sorted(names))
            out.append((folder / RECORD, text.encode("utf-8")))
        return out


def _identity(path: Path) -> tuple[int, int] | None:
    """The (device, inode) of an existing file, so that a hard link or another spelling of a
    path is the same file; None when there is none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _holds(path: Path, data: bytes) -> bool:
    """Whether the regular file at path holds exactly data (replacing it loses nothing)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or os.lstat(path).st_size != len(data):
            return False
        with path.open("rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def _read_record(path: Path) -> set[str]:
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            raise _cannot(path, "not a regular file", f"quizgen's record of its files ({RECORD})")
        with path.open("rb") as handle:
            data = handle.read(_RECORD_LIMIT + 1)
    except FileNotFoundError:
        return set()
    except OSError as exc:
        raise _cannot(path, exc.strerror or str(exc), "a readable record of quizgen's files"
                      ) from None
    text = data.decode("utf-8", "replace")
    if len(data) > _RECORD_LIMIT or not text.startswith(_RECORD_HEAD):
        raise _cannot(path, "a file that is not quizgen's record of the files it wrote",
                      f"the record quizgen keeps as {RECORD}; move this file away")
    return {line for line in text[len(_RECORD_HEAD):].splitlines() if line and "/" not in line}
