"""The status bar counts like Chinese writers: 字数 without punctuation, 字符数 with it."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStatusBar, QTextEdit

from editor.gui.window.status_widgets import StatusWidgets
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


def test_word_count_dialog_reachable_from_keyboard(qtbot, tmp_path, no_blocking_dialogs):
    from editor.core.bank.store import PhraseBank
    from editor.core.settings import Settings
    from editor.gui.window.main_window import MainWindow

    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    w.editor.setPlainText("一、总体情况。GDP")
    act = w.actions_by_name["word_count"]
    assert act.shortcut().toString() == "Ctrl+Shift+G"
    act.trigger()
    title, text = no_blocking_dialogs.shown[-1]
    assert title == "字数统计"
    assert "字数（不含标点和空格）：6" in text
    assert "标点符号：2" in text
    bank.close()
