"""The Open dialog shows every file Yuku reads at once and starts beside the current file; Save's question names the file."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.helpers import act, commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank([])


def test_open_shows_text_files_with_word_files_and_starts_in_the_documents_folder(window, tmp_path, monkeypatch):
    first = tmp_path / "草稿" / "总结.txt"
    first.parent.mkdir()
    first.write_text("工作总结\n", encoding="utf-8")
    assert window.session.open_path(first)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda parent, title, start, filters: asked.append((start, filters)) or ("", "")))
    act(window, "open")
    start, filters = asked[0]
    assert start == str(first.parent.resolve())
    default = filters.split(";;")[0]
    assert "*.docx" in default
    assert "*.txt" in default  # a .txt is not hidden behind Word's filter


def test_the_save_question_names_the_file(window, tmp_path, no_blocking_dialogs):
    path = tmp_path / "讲话稿.txt"
    path.write_text("同志们：\n", encoding="utf-8")
    assert window.session.open_path(path)
    window.editor.setFocus()
    commit_text(window.editor, "今天")
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not window.session.maybe_save()
    assert "讲话稿.txt" in no_blocking_dialogs.shown[-1][1]

