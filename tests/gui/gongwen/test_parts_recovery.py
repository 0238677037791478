"""The 公文要素 typed into the form are the user's writing: drafts keep them, closing asks, one save writes them."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.core.formats.document_files import read_document, write_document
from editor.core.gongwen import storage
from editor.core.model.document import Document
from editor.core.recovery import RecoveryStore
from editor.gui.document import autosave
from editor.gui.document.autosave import Autosaver
from editor.gui.gongwen.actions import GongwenActions

NUMBER = "江政办发〔2024〕12号"

# The editor as `yuku` runs it (offscreen), the file opened and only the form edited, never the text.
EDITOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    from editor.core.bank.store import PhraseBank
    from editor.core.settings import Settings
    from editor.gui.app import create_app
    from editor.gui.gongwen.actions import GongwenActions
    from editor.gui.window.main_window import MainWindow
    app = create_app()
    window = MainWindow(settings=Settings(), bank=PhraseBank(Path(sys.argv[1])))
    window.show()
    assert window.session.open_path(sys.argv[2])
    form = window.feature(GongwenActions).form
    form.set_value("发文字号", sys.argv[3])
    form.set_value("抄送", "市委各部门")
    print("ready", flush=True)
    app.exec()
""")


def word_file(path):
    doc = Document.from_plain_text("关于开展安全检查的通知\n各单位要认真组织。")
    write_document(doc, path)
    return path


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_form_parts_survive_sigkill_recovery_and_the_save(tmp_path, make_window, qtbot):
    path = word_file(tmp_path / "通知.docx")
    original = path.read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "YUKU_AUTOSAVE_SECONDS": "1"}
    proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(tmp_path / "bank.db"), str(path), NUMBER],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(2.5)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    (draft,) = RecoveryStore().recoverable()  # a form edit alone is worth a draft
    assert NUMBER in draft.rich
    assert path.read_bytes() == original  # the draft never touched the file

    QApplication.instance().setProperty(autosave.OFFERED_PROPERTY, False)
    window = make_window()
    dialog = window.feature(Autosaver).offer_recovery()
    assert dialog is not None
    dialog.restore_button.click()
    form = window.feature(GongwenActions).form
    qtbot.waitUntil(lambda: form.value("发文字号") == NUMBER)
    assert form.value("抄送") == "市委各部门"
    assert window.feature(GongwenActions).dock.isVisibleTo(window)
    assert window.editor.document().isModified()
    window.actions_by_name["save"].trigger()
    assert not window.editor.document().isModified()
    parts = storage.read(path.read_bytes())
    assert parts is not None
    assert parts.doc_number == NUMBER
    assert parts.copy_to == "市委各部门"
    with zipfile.ZipFile(path) as saved, zipfile.ZipFile(io.BytesIO(original)) as before:
        assert saved.read("word/document.xml") == before.read("word/document.xml")  # the body as it was


def test_editing_the_form_is_an_unsaved_change_that_autosave_keeps(make_window, tmp_path, no_blocking_dialogs):
    window = make_window()
    path = word_file(tmp_path / "a.docx")
    assert window.session.open_path(path)
    saver = window.feature(Autosaver)
    assert not saver.autosave()  # nothing changed yet
    window.feature(GongwenActions).form.set_value("发文字号", NUMBER)
    assert window.editor.document().isModified()  # closing would ask to save
    assert saver.autosave()
    draft = saver.store.get(saver.key)
    fresh = make_window()
    fresh.feature(Autosaver).restore(draft)
    assert fresh.feature(GongwenActions).form.value("发文字号") == NUMBER
    no_blocking_dialogs.answers["warning"] = QMessageBox.StandardButton.Discard
    window.editor.document().setModified(False)


def test_loading_a_document_is_not_an_edit(make_window, tmp_path):
    window = make_window()
    draft = tmp_path / "n.txt"
    draft.write_text(f"---\n类型: 通知\n发文字号: {NUMBER}\n---\n关于做好防汛工作的通知\n", encoding="utf-8")
    assert window.session.open_path(draft)
    assert window.feature(GongwenActions).form.value("发文字号") == NUMBER
    assert not window.editor.document().isModified()
    assert window.editor.document().isUndoAvailable() is False  # nothing to undo into a half block
    window.session.new_document()
    assert window.feature(GongwenActions).form.value("发文字号") == ""
    assert not window.editor.document().isModified()


def test_one_save_writes_the_body_and_the_parts_together(make_window, tmp_path, monkeypatch):
    import editor.core.formats.docx.files as files

    writes = []
    real = files.atomic_write_bytes
    monkeypatch.setattr(files, "atomic_write_bytes", lambda p, data: (writes.append(data), real(p, data))[1])
    window = make_window()
    window.editor.setPlainText("关于开展安全检查的通知\n各单位要认真组织。")
    window.feature(GongwenActions).form.set_value("发文字号", NUMBER)
    path = tmp_path / "one.docx"
    assert window.session.save_to(path)
    assert len(writes) == 1
    assert writes[0] == path.read_bytes()
    assert read_document(path).properties == {"Yuku.公文.发文字号": NUMBER}


def test_a_type_the_layouts_do_not_know_is_kept_when_another_part_is_edited(make_window, tmp_path):
    window = make_window()
    draft = tmp_path / "reply.txt"
    draft.write_text("---\n类型: 批复\n发文字号: 江政复〔2024〕3号\n---\n关于同意设立江城新区的批复\n", encoding="utf-8")
    assert window.session.open_path(draft)
    form = window.feature(GongwenActions).form
    assert form.value("类型") == "批复"
    form.set_value("抄送", "市委各部门")
    assert window.session.save()
    saved = draft.read_text(encoding="utf-8")
    assert "类型: 批复\n" in saved
    assert "抄送: 市委各部门\n" in saved
