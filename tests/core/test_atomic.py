"""Atomic writes keep the original when anything goes wrong."""
from __future__ import annotations

import errno
import os

import pytest

from editor.core import atomic


def test_write_replaces_content(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("old")
    atomic.atomic_write_text(f, "新内容")
    assert f.read_text(encoding="utf-8") == "新内容"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_short_write_keeps_original(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"original")
    real_write = os.write
    monkeypatch.setattr(atomic.os, "write", lambda fd, data: real_write(fd, bytes(data[:3])) and 0)
    with pytest.raises(OSError):
        atomic.atomic_write_bytes(f, b"a much longer new content")
    assert f.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_disk_full_keeps_original(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"original")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(OSError, match="space"):
        atomic.atomic_write_bytes(f, b"new")
    assert f.read_bytes() == b"original"
    assert len(list(tmp_path.iterdir())) == 1
