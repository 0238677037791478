"""Blanks as fields: marked, Tab / Shift+Tab between them, typing fills them, a warning on save."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from editor.gui.document import blank_fields
from editor.gui.document.blank_fields import BlanksOnSave, blank_spans_in, blanks_report
from tests.gui.helpers import commit_text

TEXT = "在___的领导下\n参加XX会议，某某同志\n完"


@pytest.fixture
def bank(make_bank):
    return make_bank()  # empty: no suggestion popup takes Tab in these tests (and the bundled bank is slow)


def selected(window):
    return window.editor.textCursor().selectedText()


def test_blanks_are_painted_as_fields(window):
    window.editor.setPlainText(TEXT)
    block = window.editor.document().firstBlock()
    formats = block.layout().formats()
    marked = [(f.start, f.length) for f in formats if f.format.background().color() == blank_fields.FIELD_BACKGROUND]
    assert marked == [(1, 3)]
    second = block.next().layout().formats()
    assert [(f.start, f.length) for f in second] == [(2, 2), (7, 2)]


def test_tab_and_shift_tab_walk_the_blanks_and_wrap(window, qtbot):
    window.editor.setPlainText(TEXT)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert selected(window) == "___"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert selected(window) == "XX"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert selected(window) == "某某"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert selected(window) == "___"  # wrapped to the first
    qtbot.keyClick(window.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == "某某"  # and back round to the last
    qtbot.keyClick(window.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == "XX"
    assert window.editor.plain_text() == TEXT  # moving never edits


def test_typing_replaces_the_blank(window, qtbot):
    window.editor.setPlainText(TEXT)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    commit_text(window.editor, "县委")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    commit_text(window.editor, "防疫")
    assert window.editor.plain_text() == "在县委的领导下\n参加防疫会议，某某同志\n完"


def test_tab_without_blanks_types_a_tab(window, qtbot):
    window.editor.setPlainText("没有空白")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.plain_text() == "没有空白\t"


def test_tab_after_the_last_blank_wraps_and_says_so(window, qtbot):
    window.editor.setPlainText(TEXT)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)  # after the last blank
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert selected(window) == "___"
    assert window.statusBar().currentMessage() == "已回到第一处空白"
    assert "\t" not in window.editor.plain_text()


def test_tab_after_filling_the_last_blank_types_no_tab_and_says_none_is_left(window, qtbot):
    window.editor.setPlainText("在___的领导下，参加XX会议")
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    commit_text(window.editor, "县委")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    commit_text(window.editor, "防疫")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)  # the report: this typed a tab
    assert window.editor.plain_text() == "在县委的领导下，参加防疫会议"
    assert window.statusBar().currentMessage() == "空白已全部填写，没有下一处了"
    qtbot.keyClick(window.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.plain_text() == "在县委的领导下，参加防疫会议"


def test_a_new_document_types_tabs_again(window, qtbot):
    window.editor.setPlainText("在___的领导下")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    commit_text(window.editor, "县委")
    window.actions_by_name["new"].trigger()
    commit_text(window.editor, "甲")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.plain_text() == "甲\t"


def test_rare_characters_keep_positions_right(window, qtbot):
    window.editor.setPlainText("𠮷野___先生")
    assert blank_spans_in(window.editor.document()) == [(3, 6)]
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert selected(window) == "___"


def test_report_names_paragraph_and_context():
    lines = blanks_report("标题\n参加XX会议")
    assert lines == ["第 2 段：参加XX会议"]


def test_save_with_blanks_warns_and_can_go_back(window, tmp_path, no_blocking_dialogs, monkeypatch):
    monkeypatch.setattr(window, "may_ask_user", lambda: True)
    window.editor.setPlainText(TEXT)
    target = tmp_path / "稿.txt"
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not window.session.save_to(target)
    assert not target.exists()
    assert len(window.feature(BlanksOnSave).last_report) == 3
    assert selected(window) == "___"  # sent back to the first blank
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Save
    assert window.session.save_to(target)
    assert target.read_text(encoding="utf-8").startswith("在___")


def test_warning_dialog_lists_the_blanks(window, tmp_path):
    box = blank_fields.build_blanks_warning(window, tmp_path / "稿.docx", blanks_report(TEXT))
    assert "稿.docx" in box.text()
    assert "3" in box.text()
    assert "参加XX会议" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)


def test_save_without_blanks_does_not_ask(window, tmp_path, monkeypatch):
    monkeypatch.setattr(window, "may_ask_user", lambda: True)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("asked without blanks"))
    window.editor.setPlainText("全部填好了")
    assert window.session.save_to(tmp_path / "稿.txt")
