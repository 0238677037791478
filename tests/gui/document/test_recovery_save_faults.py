"""Saving from the window on a full or read-only disk: the file keeps its old version, the user is told."""
from __future__ import annotations

import errno
import os

import pytest

from editor.core import atomic
from editor.gui.document.autosave import Autosaver
from tests.gui.helpers import commit_text
from tests.hostile_files import fill_disk, make_read_only, tiny_tmpfs


@pytest.fixture
def bank(make_bank):
    return make_bank()  # an empty bank: building the bundled one is slow


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_save_on_full_disk_keeps_file_and_says_so(window, tmp_path, no_blocking_dialogs, suffix):
    with tiny_tmpfs(tmp_path / "disk") as disk:
        doc = disk / f"报告{suffix}"
        window.editor.setPlainText("第一版")
        assert window.session.save_to(doc)
        before = doc.read_bytes()
        fill_disk(disk)
        commit_text(window.editor, "，第二版加了很多内容" * 200)
        assert not window.session.save_to(doc)
        title, text = no_blocking_dialogs.shown[-1]
        assert title == "保存失败"
        assert str(doc) in text
        assert "原文件未改动" in text
        assert doc.read_bytes() == before
        assert window.editor.document().isModified()  # the changes are still unsaved, and say so
        assert window.isWindowModified()


def test_save_into_read_only_folder_keeps_file_and_says_so(window, tmp_path, no_blocking_dialogs):
    with tiny_tmpfs(tmp_path / "disk") as disk:
        doc = disk / "报告.txt"
        window.editor.setPlainText("第一版")
        assert window.session.save_to(doc)
        make_read_only(disk)
        commit_text(window.editor, "第二版")
        assert not window.session.save_to(doc)
        _, text = no_blocking_dialogs.shown[-1]
        assert str(doc) in text
        assert os.strerror(errno.EROFS) in text
        assert doc.read_text(encoding="utf-8").startswith("第一版")


def test_save_with_short_writes_keeps_file_and_says_so(window, tmp_path, monkeypatch, no_blocking_dialogs):
    doc = tmp_path / "报告.txt"
    window.editor.setPlainText("第一版")
    assert window.session.save_to(doc)
    real_write = os.write
    commit_text(window.editor, "第二版")
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "write", lambda fd, data: real_write(fd, bytes(data[:5])) and 0)
        assert not window.session.save_to(doc)
    assert "原文件未改动" in no_blocking_dialogs.shown[-1][1]
    assert doc.read_text(encoding="utf-8").startswith("第一版")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_autosave_on_full_disk_is_told_and_the_old_draft_survives(window, tmp_path, monkeypatch,
                                                                   no_blocking_dialogs):
    from editor.core.recovery import RecoveryStore

    with tiny_tmpfs(tmp_path / "disk") as disk:
        window.feature(Autosaver).store = RecoveryStore(disk / "recovery")
        commit_text(window.editor, "早先的草稿")
        assert window.feature(Autosaver).autosave()
        fill_disk(disk)
        commit_text(window.editor, "很长的新内容" * 3000)
        assert not window.feature(Autosaver).autosave()
        assert any(t == "自动保存失败" for t, _ in no_blocking_dialogs.shown)
        assert [d.text for d in window.feature(Autosaver).store.drafts()] == ["早先的草稿"]
