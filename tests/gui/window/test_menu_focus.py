"""The menu bar never swallows typing (a new user lost two paragraphs to it)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.gui.helpers import commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank([])


def _type_key(key: Qt.Key, text: str) -> None:
    """A key press as the keyboard sends it: to whichever widget holds the keyboard."""
    target = QApplication.focusWidget()
    assert target is not None
    QApplication.sendEvent(target, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))
    QApplication.sendEvent(target, QKeyEvent(QKeyEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, text))


def _open_edit_menu_with_the_mouse_and_escape(qtbot, window) -> None:
    bar = window.menuBar()
    edit = next(a for a in bar.actions() if a.text().startswith("编辑"))
    closed: list[bool] = []

    def escape() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            QTest.keyClick(popup, Qt.Key.Key_Escape)
            closed.append(True)
        else:
            QTimer.singleShot(20, escape)

    QTimer.singleShot(20, escape)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(edit).center())
    qtbot.waitUntil(lambda: bool(closed) and QApplication.activePopupWidget() is None)


def test_typing_after_escaping_a_menu_goes_into_the_document(qtbot, make_window):
    window = make_window()
    editor = window.editor
    editor.setFocus()
    commit_text(editor, "第一段文字。")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, "第二段文字。")
    _open_edit_menu_with_the_mouse_and_escape(qtbot, window)
    window.activateWindow()  # offscreen popups leave no window active; on a desktop it stays active
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    _type_key(Qt.Key.Key_X, "x")  # not a menu's letter
    _type_key(Qt.Key.Key_Return, "\r")
    _type_key(Qt.Key.Key_Return, "\r")
    QApplication.processEvents()
    assert QApplication.activePopupWidget() is None  # Enter opened no menu
    assert editor.toPlainText() == "第一段文字。\n第二段文字。x\n\n"  # nothing undone, nothing lost


def test_text_typed_while_the_bar_holds_the_keyboard_reaches_the_document(qtbot, make_window):
    window = make_window()
    editor, bar = window.editor, window.menuBar()
    editor.setFocus()
    commit_text(editor, "开头")
    # What Alt pressed alone does: the bar takes the keyboard, with 文件 highlighted.
    bar.setFocus(Qt.FocusReason.MenuBarFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    _type_key(Qt.Key.Key_unknown, "第")
    assert QApplication.focusWidget() is editor
    assert editor.toPlainText() == "开头第"
    assert QApplication.activePopupWidget() is None


def test_a_menu_letter_still_opens_its_menu(qtbot, make_window):
    window = make_window()
    bar = window.menuBar()
    bar.setFocus(Qt.FocusReason.MenuBarFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    opened: list[str] = []

    def look() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            opened.append(popup.title())
            popup.close()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    QTest.keyClick(bar, Qt.Key.Key_E)  # 编辑(&E)
    qtbot.waitUntil(lambda: bool(opened), timeout=3000)
    assert opened[0].startswith("编辑")
