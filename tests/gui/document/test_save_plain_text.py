"""Saving a formatted document as plain text asks first (once per file); plain text is saved without a word."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.gui.helpers import commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank([])


@pytest.fixture
def asking(monkeypatch):
    import editor.gui.window.host as host

    monkeypatch.setattr(host, "can_ask_user", lambda: True)  # a person is there to answer


def _formatted(window):
    from editor.core.model.document import Document, Paragraph, Run
    from editor.gui.document.bridge import load_model

    load_model(window.editor.document(), Document(blocks=[Paragraph([Run("一、主要做法")], style="heading1"),
                                                          Paragraph([Run("加强组织领导。")])]))


def test_a_formatted_document_saved_as_text_asks_and_cancel_keeps_the_file_unwritten(
        window, tmp_path, no_blocking_dialogs, asking):
    _formatted(window)
    target = tmp_path / "总结.txt"
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not window.session.save_to(target)
    assert not target.exists()
    assert "总结.txt" in no_blocking_dialogs.shown[-1][1]
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Save
    assert window.session.save_to(target)
    assert target.read_text(encoding="utf-8") == "一、主要做法\n加强组织领导。\n"
    asked = len(no_blocking_dialogs.shown)
    assert window.session.save_to(target)  # agreed once for this file: Ctrl+S does not ask again
    assert len(no_blocking_dialogs.shown) == asked


def test_plain_text_is_saved_as_text_without_a_question(window, tmp_path, no_blocking_dialogs, asking):
    window.editor.setFocus()
    commit_text(window.editor, "加强组织领导。")
    assert window.session.save_to(tmp_path / "草稿.txt")
    assert no_blocking_dialogs.shown == []
