"""atomic_write_*: short writes, lying writes, failures midway, symlinks and permissions."""
from __future__ import annotations

import errno
import os
import stat

import pytest

from editor.core import atomic
from editor.core.atomic import SaveError, atomic_write_bytes, atomic_write_text


def only(folder):
    return sorted(p.name for p in folder.iterdir())


def test_partial_writes_are_continued_until_complete(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    real_write = os.write
    monkeypatch.setattr(atomic.os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    atomic_write_text(f, "一段较长的新内容" * 50)
    assert f.read_text(encoding="utf-8") == "一段较长的新内容" * 50


def test_write_that_lies_about_its_length_is_caught(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"original")
    real_write = os.write

    def lying(fd, data):  # claims everything, writes half: a full disk that did not say so
        real_write(fd, bytes(data[: len(data) // 2]))
        return len(data)

    monkeypatch.setattr(atomic.os, "write", lying)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(f, b"x" * 1000)
    assert info.value.errno == errno.EIO
    assert f.read_bytes() == b"original"
    assert only(tmp_path) == ["a.txt"]


@pytest.mark.parametrize("where", ["fsync", "replace", "close"])
def test_failure_midway_keeps_original_and_leaves_no_temp(tmp_path, monkeypatch, where):
    f = tmp_path / "a.txt"
    f.write_bytes(b"original")

    def boom(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    real_close = os.close
    if where == "close":
        def boom_close(fd):  # close fails after really closing, as NFS may report a lost write
            real_close(fd)
            boom()
        monkeypatch.setattr(atomic.os, "close", boom_close)
    else:
        monkeypatch.setattr(atomic.os, where, boom)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(f, b"new content")
    assert info.value.filename == str(f)
    assert "Input/output" in str(info.value)
    assert f.read_bytes() == b"original"
    assert only(tmp_path) == ["a.txt"]


def test_interrupt_midway_propagates_unchanged_and_cleans_up(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"original")

    def interrupted(fd, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(f, b"new")
    assert f.read_bytes() == b"original"
    assert only(tmp_path) == ["a.txt"]


def test_cannot_create_temp_file_is_a_save_error(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"original")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(f, b"new")
    assert info.value.errno == errno.EACCES
    assert isinstance(info.value, OSError)  # callers catching OSError still catch it
    assert f.read_bytes() == b"original"


def test_symlink_is_written_through_not_replaced(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "新")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "新"


def test_permissions_kept_and_new_files_follow_umask(tmp_path):
    private = tmp_path / "private.txt"
    private.write_text("x")
    private.chmod(0o600)
    atomic_write_text(private, "y")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        atomic_write_text(fresh, "z")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's 0600
    finally:
        os.umask(old)


def test_windows_sharing_violation_is_retried(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")
    real_replace = os.replace
    calls = []

    def busy_once(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise PermissionError(13, "The process cannot access the file (WinError 32)")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", busy_once)
    monkeypatch.setattr(atomic, "RETRY_REPLACE", True)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    atomic_write_bytes(f, b"new")
    assert f.read_bytes() == b"new"
    assert len(calls) == 2


def test_temp_files_left_by_a_killed_save_are_cleaned_up_later(tmp_path):
    f = tmp_path / "报告.txt"
    old_tmp = tmp_path / ".报告.txt.abc123.tmp"  # what SIGKILL during a save leaves
    fresh_tmp = tmp_path / ".报告.txt.def456.tmp"  # may belong to a save running right now
    other = tmp_path / ".其他.txt.abc123.tmp"
    for p in (old_tmp, fresh_tmp, other):
        p.write_bytes(b"partial")
    hour_ago = os.stat(old_tmp).st_mtime - atomic.STALE_TEMP_SECONDS - 10
    os.utime(old_tmp, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    atomic_write_text(f, "新")
    assert only(tmp_path) == sorted([".其他.txt.abc123.tmp", ".报告.txt.def456.tmp", "报告.txt"])
