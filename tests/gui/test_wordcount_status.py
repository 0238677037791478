"""The status bar counts like Chinese writers: 字数 without punctuation, 字符数 with it."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStatusBar, QTextEdit

from editor.gui.status_widgets import StatusWidgets
from tests.gui.helpers import commit_text


def test_counts_document_and_selection(qtbot):
    editor = QTextEdit()
    bar = QStatusBar()
    qtbot.addWidget(editor)
    qtbot.addWidget(bar)
    status = StatusWidgets(editor, bar)
    editor.show()
    qtbot.waitExposed(editor)
    commit_text(editor, "今年以来，GDP增长5%。")
    qtbot.waitUntil(lambda: status.last_count.words == 8)
    assert status.text() == "字数 8（字符数 13）"
    assert "标点符号：3" in status.toolTip()
    cur = QTextCursor(editor.document())
    cur.setPosition(0)
    cur.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cur)
    qtbot.waitUntil(lambda: status.last_count.words == 4)
    assert status.text().startswith("选定 4 字")
    assert status.position_label.text() == "第 1 段，第 5 字"
    assert status.accessibleName()
    assert status.position_label.accessibleName()
