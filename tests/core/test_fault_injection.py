"""Fault injection on everything Yuku writes: documents (.txt, .docx), settings, recovery drafts.

A full disk (a real 64 KB tmpfs where we may mount one), a read-only folder and failures midway:
the original is always the old version, never a mix, and the error says what happened.
"""
from __future__ import annotations

import errno
import json
import os
import random

import pytest

from editor.core import atomic
from editor.core.formats.document_files import read_document, write_document
from editor.core.model.document import Document
from editor.core.recovery import RecoveryStore, new_untitled_key
from editor.core.settings import Settings
from tests.hostile_files import fill_disk, make_read_only, tiny_tmpfs


def random_chinese(n, seed=1):
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


OLD = "一、总体情况\n今年以来，我们坚持稳中求进。"


def writers(folder):
    """(name, write new content, read back current content) for every kind of user data."""
    txt, docx = folder / "报告.txt", folder / "报告.docx"
    settings = Settings(folder / "settings.json")
    store = RecoveryStore(folder / "recovery")
    key = new_untitled_key()
    return {
        "txt": (lambda text: write_document(Document.from_plain_text(text), txt),
                lambda: read_document(txt).plain_text().rstrip("\n")),
        "docx": (lambda text: write_document(Document.from_plain_text(text), docx),
                 lambda: read_document(docx).plain_text()),
        "settings": (lambda text: settings.set("protected_terms", [text]),
                     lambda: Settings(folder / "settings.json").get("protected_terms")[0]),
        "recovery": (lambda text: store.save(key, source="", title="t", text=text),
                     lambda: store.get(key).text),
    }


KINDS = ["txt", "docx", "settings", "recovery"]


@pytest.mark.parametrize("kind", KINDS)
def test_full_disk_keeps_the_old_version(tmp_path, kind):
    with tiny_tmpfs(tmp_path / "disk") as disk:
        write, read = writers(disk)[kind]
        write(OLD)
        assert read() == OLD
        fill_disk(disk)
        with pytest.raises(OSError) as info:
            write(random_chinese(30_000))
        assert info.value.errno == errno.ENOSPC
        assert isinstance(info.value, atomic.SaveError)
        assert read() == OLD
        assert not [p for p in disk.rglob("*.tmp")]


@pytest.mark.parametrize("kind", KINDS)
def test_nearly_full_disk_big_write_keeps_the_old_version(tmp_path, kind):
    with tiny_tmpfs(tmp_path / "disk") as disk:
        write, read = writers(disk)[kind]
        write(OLD)
        with pytest.raises(OSError, match="space"):
            write(random_chinese(60_000))  # ~180 KB of text on a 64 KB disk
        assert read() == OLD


@pytest.mark.parametrize("kind", KINDS)
def test_read_only_folder_keeps_the_old_version(tmp_path, kind):
    with tiny_tmpfs(tmp_path / "disk") as disk:
        write, read = writers(disk)[kind]
        write(OLD)
        make_read_only(disk)
        with pytest.raises(OSError) as info:
            write("新版本")
        assert info.value.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
        assert read() == OLD


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
@pytest.mark.parametrize("kind", KINDS)
def test_unwritable_folder_keeps_the_old_version(tmp_path, kind):
    write, read = writers(tmp_path)[kind]
    write(OLD)
    for folder in (tmp_path, tmp_path / "recovery"):
        folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            write("新版本")
        assert read() == OLD
    finally:
        for folder in (tmp_path, tmp_path / "recovery"):
            folder.chmod(0o755)


@pytest.mark.parametrize("kind", KINDS)
def test_disk_full_by_monkeypatched_writes(tmp_path, monkeypatch, kind):
    """The same on every system: os.write makes no progress, as QSaveFile's full disk does."""
    write, read = writers(tmp_path)[kind]
    write(OLD)
    real_write = os.write
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "write", lambda fd, data: real_write(fd, bytes(data[:100])) and 0)
        with pytest.raises(OSError, match="short write"):
            write("新版本" * 1000)
    assert read() == OLD
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize("kind", KINDS)
def test_exception_midway_keeps_the_old_version(tmp_path, monkeypatch, kind):
    write, read = writers(tmp_path)[kind]
    write(OLD)

    def crash(*args):
        raise RuntimeError("crash between writing and renaming")

    with monkeypatch.context() as m:
        m.setattr(atomic, "_replace_with_retry", crash)
        with pytest.raises(RuntimeError):
            write("新版本")
    assert read() == OLD
    assert not list(tmp_path.rglob("*.tmp"))


def test_settings_file_stays_valid_json_after_a_failed_save(tmp_path, monkeypatch):
    s = Settings(tmp_path / "settings.json")
    s.set("zoom", 2)
    def broken_fsync(fd):
        raise OSError(errno.EIO, "I/O error")

    with monkeypatch.context() as m:
        m.setattr(atomic.os, "fsync", broken_fsync)
        with pytest.raises(OSError):
            s.set("zoom", 3)
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["zoom"] == 2
