"""Atomic, checked file writes: the target is always either the old or the new version."""
from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path


class SaveError(OSError):
    """A save failed; the original file is unchanged."""


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte or raise: os.write may write short on a full disk without raising."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:
            raise OSError(errno.ENOSPC, "short write")
        view = view[n:]


def _replace_with_retry(src: str, dst: str, attempts: int = 10, pause: float = 0.2) -> None:
    """os.replace, retried briefly: on Windows an indexer or antivirus may hold the target."""
    for i in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or i == attempts - 1:
                raise
            time.sleep(pause)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write data to path atomically: temp file in the same folder, full-length check, fsync, replace."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if os.path.getsize(tmp) != len(data):
            raise OSError(errno.EIO, "written size does not match")
        with contextlib.suppress(OSError):
            # Keep the original's permissions: a replace must not make a private file public.
            os.chmod(tmp, os.stat(target).st_mode & 0o7777)
        _replace_with_retry(tmp, str(target))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write text atomically (see atomic_write_bytes)."""
    atomic_write_bytes(path, text.encode(encoding))


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
