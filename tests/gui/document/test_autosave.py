"""Autosave through a real main window: timer, focus loss, keys, removal after save or discard."""
from __future__ import annotations

import errno

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from editor.core.recovery import RecoveryStore, key_for_path
from editor.core.settings import Settings
from editor.gui.document.autosave import Autosaver
from tests.gui.helpers import commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank()  # an empty bank: building the bundled one is slow


def drafts():
    return RecoveryStore().drafts()


def test_timer_writes_untitled_draft_within_one_interval(make_window, qtbot, monkeypatch):
    monkeypatch.setenv("YUKU_AUTOSAVE_SECONDS", "1")
    w = make_window()
    assert w.feature(Autosaver).timer.interval() == 1000
    assert w.feature(Autosaver).timer.isActive()
    commit_text(w.editor, "今年以来，我们坚持")
    qtbot.waitUntil(lambda: len(drafts()) == 1, timeout=5000)
    (d,) = drafts()
    assert d.text == "今年以来，我们坚持"
    assert d.source == ""
    assert "今年以来" in d.rich


def test_interval_comes_from_settings_and_env_overrides(make_window, monkeypatch):
    Settings().set("autosave_seconds", 7)
    w = make_window()
    assert w.feature(Autosaver).timer.interval() == 7000
    w.settings.set("autosave_seconds", 45)
    w.apply_settings(["autosave_seconds"])  # what Preferences does after OK
    assert w.feature(Autosaver).timer.interval() == 45000
    monkeypatch.setenv("YUKU_AUTOSAVE_SECONDS", "2")
    w.feature(Autosaver).apply_interval()
    assert w.feature(Autosaver).timer.interval() == 2000


def test_writes_only_when_changed_since_last_autosave(make_window):
    w = make_window()
    assert w.feature(Autosaver).autosave() is False  # nothing typed yet
    commit_text(w.editor, "一")
    assert w.feature(Autosaver).autosave() is True
    assert w.feature(Autosaver).autosave() is False
    commit_text(w.editor, "二")
    assert w.feature(Autosaver).autosave() is True
    assert [d.text for d in drafts()] == ["一二"]


def test_focus_loss_autosaves(make_window, qtbot):
    w = make_window()
    w.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is w.windowHandle(), timeout=3000)
    commit_text(w.editor, "失去焦点时保存")
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()  # another window comes forward: a real focus change
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is other.windowHandle(), timeout=3000)
    assert [d.text for d in drafts()] == ["失去焦点时保存"]
    commit_text(w.editor, "，切到别的程序")
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert [d.text for d in drafts()] == ["失去焦点时保存，切到别的程序"]


def test_titled_draft_is_keyed_by_full_path_and_never_touches_the_file(make_window, tmp_path):
    doc = tmp_path / "甲" / "报告.txt"
    doc.parent.mkdir()
    doc.write_text("原文\n", encoding="utf-8")
    w = make_window()
    assert w.session.open_path(doc)
    commit_text(w.editor, "新增")
    assert w.feature(Autosaver).autosave()
    (d,) = drafts()
    assert d.source == str(doc.resolve())
    assert d.key == key_for_path(doc.resolve())
    assert "新增" in d.text
    assert doc.read_text(encoding="utf-8") == "原文\n"
    assert sorted(p.name for p in doc.parent.iterdir()) == ["报告.txt"]


def test_save_removes_the_draft(make_window, tmp_path, no_blocking_dialogs):
    w = make_window()
    commit_text(w.editor, "要保存的")
    assert w.feature(Autosaver).autosave()
    no_blocking_dialogs.answers["save"] = str(tmp_path / "稿.txt")
    w.actions_by_name["save"].trigger()
    assert (tmp_path / "稿.txt").read_text(encoding="utf-8").startswith("要保存的")
    assert drafts() == []
    commit_text(w.editor, "再改")
    assert w.feature(Autosaver).autosave()
    assert [d.source for d in drafts()] == [str((tmp_path / "稿.txt").resolve())]


def test_discard_on_new_removes_the_draft(make_window, no_blocking_dialogs):
    w = make_window()
    commit_text(w.editor, "不要了")
    assert w.feature(Autosaver).autosave()
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Discard
    w.actions_by_name["new"].trigger()
    assert drafts() == []


def test_cancelled_close_keeps_the_draft_and_discarded_close_removes_it(make_window, no_blocking_dialogs):
    w = make_window()
    commit_text(w.editor, "还在写")
    assert w.feature(Autosaver).autosave()
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not w.close()
    assert len(drafts()) == 1
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Discard
    assert w.close()
    assert drafts() == []


def test_undo_back_to_saved_state_removes_the_draft(make_window):
    w = make_window()
    commit_text(w.editor, "试试")
    assert w.feature(Autosaver).autosave()
    w.editor.undo()
    assert not w.editor.document().isModified()
    assert drafts() == []


def test_failed_autosave_is_told_once_and_retried(make_window, monkeypatch, no_blocking_dialogs):
    w = make_window()
    commit_text(w.editor, "磁盘满了")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    real_save = w.feature(Autosaver).store.save
    monkeypatch.setattr(w.feature(Autosaver).store, "save", full)
    assert w.feature(Autosaver).autosave() is False
    assert w.feature(Autosaver).autosave() is False
    errors = [t for t in no_blocking_dialogs.shown if t[0] == "自动保存失败"]
    assert len(errors) == 1
    assert "No space left" in errors[0][1]
    assert "自动保存失败" in w.statusBar().currentMessage()
    monkeypatch.setattr(w.feature(Autosaver).store, "save", real_save)
    assert w.feature(Autosaver).autosave() is True
    assert [d.text for d in drafts()] == ["磁盘满了"]


def test_self_test_check_uses_a_scratch_store(make_window, tmp_path):
    from editor.gui.document.autosave import self_test_checks

    w = make_window()
    w.editor.setPlainText("正文")
    w.editor.document().setModified(False)
    ((name, check),) = self_test_checks(w, tmp_path)
    assert name == "autosave_draft"
    assert check() is True
    assert w.editor.toPlainText() == "正文"
    assert drafts() == []  # the user's own store was never written
    assert not list((tmp_path / "recovery").glob("*.json"))


def test_timed_draft_waits_for_a_pause_in_typing_but_not_forever(make_window, monkeypatch):
    from editor.gui.document import autosave

    clock = [1000.0]
    monkeypatch.setattr(autosave, "_now", lambda: clock[0])
    w = make_window()
    saver = w.feature(Autosaver)
    commit_text(w.editor, "今年以来")
    clock[0] += 0.2  # the timer fires mid-word
    saver._tick()
    assert drafts() == []
    assert saver.retry.isActive()
    clock[0] += autosave.IDLE_SECONDS  # a pause
    saver._tick()
    assert [d.text for d in drafts()] == ["今年以来"]
    # Typing without a pause: the draft is written once it is MAX_DEFER_SECONDS late.
    started, written_after = clock[0], None
    while written_after is None and clock[0] - started < 3 * autosave.MAX_DEFER_SECONDS:
        commit_text(w.editor, "我们")
        clock[0] += 0.1
        saver._tick()
        if drafts()[0].text != "今年以来":
            written_after = clock[0] - started
        clock[0] += 5
    assert written_after is not None
    assert autosave.MAX_DEFER_SECONDS <= written_after <= autosave.MAX_DEFER_SECONDS + 5.2
