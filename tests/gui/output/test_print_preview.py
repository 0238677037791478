"""Print preview (Ctrl+Shift+P): the real QPrintPreviewDialog opens, paints its pages and closes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import close_preview_when_painted, commit_text


def test_ctrl_shift_p_opens_the_real_preview_and_closes_it(window, qtbot):
    window.editor.setFocus()
    commit_text(window.editor, "关于做好年终工作的通知\n" + "各单位要认真落实。" * 200)
    actions = window.print_actions
    seen: list = []
    for _ in range(3):  # the crash came 3 times out of 3
        window.activateWindow()
        window.editor.setFocus()
        qtbot.waitUntil(window.isActiveWindow)
        close_preview_when_painted(seen)
        qtbot.keyClick(window.editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        QApplication.processEvents()
    assert [title for title, _, _ in seen] == ["打印预览（公文格式）"] * 3  # export_style official by default
    assert all(pages >= 2 for _, pages, _ in seen), seen
    assert actions.preview_pages_painted >= 3
    assert actions.preview_dialog is None
    assert actions.preview_printer is None
    assert window.isVisible()
    commit_text(window.editor, "之后还能接着写")
    assert window.editor.toPlainText().endswith("之后还能接着写")
