"""Recovery keeps Yuku's document model and the DOCX's parts: a killed editor's draft saves like a normal save."""
from __future__ import annotations

import os
import shutil
import zipfile

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.core.recovery import MODEL_FORMAT, RecoveryStore
from editor.gui.document import autosave
from editor.gui.document.autosave import Autosaver
from editor.gui.document.paragraph_styles import STYLE_PROPERTY
from tests.docx_fixtures import rich_word_file
from tests.gui.document.test_recovery_sigkill import run_and_kill

TYPED = "崩溃前补写的一段"


def parts(path):
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_docx_with_image_killed_recovered_and_saved_equals_a_normal_save(tmp_path, make_window, qtbot):
    killed = rich_word_file(tmp_path / "通知.docx")
    normal = tmp_path / "normal" / "通知.docx"
    normal.parent.mkdir()
    shutil.copy(killed, normal)

    run_and_kill(tmp_path, TYPED, path=killed)
    (draft,) = RecoveryStore().recoverable()
    assert draft.rich_format == MODEL_FORMAT
    assert "<html" not in draft.rich
    assert RecoveryStore().package(draft) == normal.read_bytes()  # the original package, kept beside

    # The next start offers the draft; the user restores it through the dialog and saves (Ctrl+S).
    QApplication.instance().setProperty(autosave.OFFERED_PROPERTY, False)
    window = make_window()
    dialog = window.feature(Autosaver).offer_recovery()
    assert dialog is not None
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.editor.toPlainText().endswith(TYPED))
    assert window.session.path == killed.resolve()
    assert window.editor.document().isModified()
    window.activateWindow()
    window.editor.setFocus()
    window.actions_by_name["save"].trigger()
    assert not window.editor.document().isModified()

    # The same edit made normally, in another window, saved the normal way.
    other = make_window()
    assert other.session.open_path(normal)
    other.editor.moveCursor(QTextCursor.MoveOperation.End)
    other.editor.insertPlainText(TYPED)
    other.actions_by_name["save"].trigger()

    recovered, saved = parts(killed), parts(normal)
    assert sorted(recovered) == sorted(saved)
    assert "word/media/image1.png" in recovered
    for name in saved:
        if name != "docProps/core.xml":  # its modified time differs
            assert recovered[name] == saved[name], name
    assert b"r:embed=\"rIdImg\"" in recovered["word/document.xml"]
    assert not RecoveryStore().drafts()  # saved: the draft and its package are gone
    assert not list(RecoveryStore().folder.glob("*.package"))


def test_title_and_heading_roles_survive_a_draft(make_window, tmp_path):
    window = make_window()
    path = rich_word_file(tmp_path / "通知.docx")
    assert window.session.open_path(path)
    styles_before = [window.editor.document().findBlockByNumber(i).blockFormat().property(STYLE_PROPERTY)
                     for i in range(3)]
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText(TYPED)
    assert window.feature(Autosaver).autosave()
    draft = window.feature(Autosaver).store.get(window.feature(Autosaver).key)

    fresh = make_window()
    fresh.feature(Autosaver).restore(draft)
    doc = fresh.editor.document()
    assert doc.toPlainText() == window.editor.toPlainText()
    assert [doc.findBlockByNumber(i).blockFormat().property(STYLE_PROPERTY) for i in range(3)] == styles_before
    assert styles_before[0] == "title"
    window.editor.document().setModified(False)
