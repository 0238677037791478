"""File → New from an outline: document types learnt from the corpus, with their skeletons."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog

from editor.core.model.headings import heading_level
from editor.core.settings import Settings
from editor.gui.document.outline_dialog import OutlineDialog
from editor.gui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow(settings=Settings(), bank=None)  # the default bank, mined from the seed corpus
    qtbot.addWidget(w)
    w.show()
    yield w
    w.editor.document().setModified(False)


def choose(monkeypatch, name, accept=True):
    def run(dialog):
        assert dialog.choose(name)
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(MainWindow, "may_ask_user", lambda self: True)
    monkeypatch.setattr(OutlineDialog, "exec", run)


def test_dialog_lists_blank_first_then_types_from_the_corpus(window):
    dialog = OutlineDialog(window, window.session.template_chooser.types())
    labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert labels[0] == "空白文档"
    assert any(label.startswith("工作总结（语料中") for label in labels)
    assert any(label.startswith("讲话稿（语料中") for label in labels)
    assert "心得体会" in " ".join(labels)
    dialog.choose("工作总结")
    assert "下一步工作打算" in dialog.preview.toPlainText()


def test_new_from_work_summary_outline(window, monkeypatch, qtbot):
    choose(monkeypatch, "工作总结")
    window.actions_by_name["new"].trigger()
    lines = window.editor.plain_text().split("\n")
    assert lines[0].endswith("工作总结")
    headings = [line for line in lines if heading_level(line) == 1]
    assert headings[-1] == "三、下一步工作打算"
    assert any("问题" in h for h in headings)
    assert not window.editor.document().isModified()
    # The skeleton's blanks are fields: Tab goes to the first (in the title).
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.textCursor().selectedText() == "___"


def test_new_speech_has_its_own_opening(window, monkeypatch):
    choose(monkeypatch, "讲话稿")
    window.actions_by_name["new"].trigger()
    assert "同志们：" in window.editor.plain_text().split("\n")


def test_blank_document_and_cancel(window, monkeypatch):
    window.editor.setPlainText("旧内容")
    window.editor.document().setModified(False)
    choose(monkeypatch, "工作总结", accept=False)
    window.actions_by_name["new"].trigger()
    assert window.editor.plain_text() == "旧内容"  # cancelled: nothing changes
    choose(monkeypatch, None)
    window.actions_by_name["new"].trigger()
    assert window.editor.plain_text() == ""
