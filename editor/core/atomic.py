"""Atomic, checked file writes: the target is always either the old or the new version."""
from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

# On Windows an indexer or antivirus briefly holds files (WinError 5/32): a replace is retried there.
RETRY_REPLACE = os.name == "nt"


class SaveError(OSError):
    """A save failed; the original file is unchanged (errno, strerror and filename say why)."""


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte or raise: os.write may write short on a full disk without raising."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if not isinstance(n, int) or n <= 0 or n > len(view):
            # A write that makes no progress is a full disk that did not say so (HAZARDS: QSaveFile).
            raise OSError(errno.ENOSPC, f"{os.strerror(errno.ENOSPC)} (short write)")
        view = view[n:]


def _replace_with_retry(src: str, dst: str, attempts: int = 10, pause: float = 0.2) -> None:
    """os.replace, retried briefly: on Windows an indexer or antivirus may hold the target."""
    for i in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            # WinError 5/32 arrive as PermissionError; elsewhere a permission error is final.
            if not RETRY_REPLACE or i == attempts - 1:
                raise
            time.sleep(pause)


def _real_target(path: str | os.PathLike[str]) -> Path:
    """The file to replace: a symlink is written through, never replaced by a plain file."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def _new_file_mode() -> int:
    """Mode for a file that did not exist: what open() would give (0666 minus the umask)."""
    mask = None
    with contextlib.suppress(OSError, ValueError):
        # Reading the umask is race-free on Linux; os.umask() briefly changes it for every thread.
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                mask = int(line.split()[1], 8)
    if mask is None:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write data to path atomically: temp file in the same folder, full-length check, fsync, replace.

    Raises SaveError (an OSError) when anything fails; the original file is then untouched and no
    temporary file is left behind.
    """
    target = _real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _save_error(exc, target) from exc
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            written = os.fstat(fd).st_size
        finally:
            os.close(fd)
        if written != len(data):
            raise OSError(errno.EIO, f"written size {written} does not match {len(data)}")
        try:
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            mode = _new_file_mode()
        with contextlib.suppress(OSError):
            # Keep the original's permissions: a replace must not make a private file public.
            os.chmod(tmp, mode)
        _replace_with_retry(tmp, str(target))
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, SaveError):
            raise _save_error(exc, target) from exc
        raise
    _fsync_dir(folder)
    _remove_stale_temps(folder, target.name)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write text atomically (see atomic_write_bytes)."""
    atomic_write_bytes(path, text.encode(encoding))


def _save_error(exc: OSError, target: Path) -> SaveError:
    """The failure as a SaveError that keeps errno and the OS's reason, naming the target."""
    code = exc.errno if exc.errno is not None else errno.EIO
    return SaveError(code, exc.strerror or str(exc) or os.strerror(code), str(target))


STALE_TEMP_SECONDS = 3600


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Delete temp files an earlier, killed save of this file left behind (an hour old: no save is live)."""
    prefix, now = f".{name}.", time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                        os.unlink(entry.path)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable where the platform allows it."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
