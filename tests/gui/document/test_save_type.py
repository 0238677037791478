"""Save As to a type Yuku cannot write says so first, before asking anything about the text."""
from __future__ import annotations

import pytest

from tests.gui.helpers import act, commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank([])


def test_save_as_doc_is_refused_before_the_blanks_question(make_window, tmp_path, no_blocking_dialogs, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    # The blanks warning is a QMessageBox instance shown with exec (the class patch covers every instance).
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Save)
    window = make_window()
    monkeypatch.setattr(window, "may_ask_user", lambda: True)  # offscreen, the window asks nobody
    window.editor.setFocus()
    commit_text(window.editor, "关于___的通知")  # a blank: saving a real type would ask about it
    target = tmp_path / "通知.doc"
    no_blocking_dialogs.answers["save"] = str(target)
    act(window, "save_as")
    assert asked == []  # no question about the blanks first
    assert len(no_blocking_dialogs.shown) == 1  # one message
    title, text = no_blocking_dialogs.shown[0]
    assert str(target) in text
    assert ".docx" in text
    assert not target.exists()
    assert window.editor.document().isModified()
