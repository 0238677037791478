"""Crash recovery on start: drafts a killed editor left are offered, previewed and restored."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.core.bank.store import PhraseBank
from editor.core.model.document import Document, Paragraph, Run
from editor.core.recovery import MODEL_FORMAT, RecoveryStore, document_to_json, key_for_path, new_untitled_key
from editor.core.settings import Settings
from editor.gui.document import autosave, recovery_dialog
from editor.gui.document.autosave import Autosaver
from editor.gui.document.bridge import to_model
from editor.gui.document.recovery_dialog import local_time
from editor.gui.window.main_window import MainWindow


def dead_pid():
    out = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                         capture_output=True, text=True, check=True)
    return int(out.stdout)


def crashed_draft(key, source, text, rich=""):
    """A draft as a killed editor leaves it: written, and its process gone."""
    store = RecoveryStore()
    store.save(key, source=source, title=os.path.basename(source) or "未命名", text=text, rich=rich,
               rich_format=MODEL_FORMAT if rich else "")
    path = store.path_of(key)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["pid"] = dead_pid()
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return store.get(key)


@pytest.fixture
def start_window(qtbot, tmp_path):
    """A window as at program start: the once-per-start recovery offer has not happened yet."""
    bank = PhraseBank(tmp_path / "bank.db")
    QApplication.instance().setProperty(autosave.OFFERED_PROPERTY, False)

    def make():
        w = MainWindow(settings=Settings(), bank=bank)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield make
    for w in list(recovery_dialog._restored_windows) + [x for x in QApplication.topLevelWidgets()
                                                  if isinstance(x, MainWindow)]:
        w.editor.document().setModified(False)
    bank.close()


def wait_dialog(qtbot, w):
    qtbot.waitUntil(lambda: w.feature(Autosaver).dialog is not None and w.feature(Autosaver).dialog.isVisible(), timeout=3000)
    return w.feature(Autosaver).dialog


def test_start_offers_every_draft_with_source_time_and_preview(start_window, qtbot, tmp_path):
    src = tmp_path / "乙" / "报告.docx"
    d1 = crashed_draft(key_for_path(src), str(src), "一、总体情况\n今年以来")
    d2 = crashed_draft(new_untitled_key(), "", "未命名文档的草稿")
    w = start_window()
    dlg = wait_dialog(qtbot, w)
    assert dlg.draft_list.count() == 2
    lines = {dlg.drafts[i].key: dlg.draft_list.item(i).text() for i in range(2)}
    assert "报告.docx" in lines[d1.key]
    assert local_time(d1.saved_at) in lines[d1.key]
    assert "未命名" in lines[d2.key]
    assert local_time(d2.saved_at) in lines[d2.key]
    for row in range(2):
        dlg.draft_list.setCurrentRow(row)
        assert dlg.preview.toPlainText() == dlg.drafts[row].text
        if dlg.drafts[row].key == d1.key:
            assert str(src) in dlg.source_label.text()  # the full path, so two 报告.docx are told apart
        else:
            assert "未命名文档" in dlg.source_label.text()


def test_no_drafts_no_dialog_and_only_once_per_start(start_window, qtbot):
    w = start_window()
    qtbot.wait(50)
    assert w.feature(Autosaver).dialog is None
    crashed_draft(new_untitled_key(), "", "之后才出现")
    w2 = start_window()
    qtbot.wait(50)
    assert w2.feature(Autosaver).dialog is None  # the offer is made once per program start


def test_restore_untitled_draft_as_unsaved_changes(start_window, qtbot):
    key = new_untitled_key()
    crashed_draft(key, "", "崩溃前写的\n第二段")
    w = start_window()
    dlg = wait_dialog(qtbot, w)
    dlg.restore_button.click()
    assert w.editor.toPlainText() == "崩溃前写的\n第二段"
    assert w.editor.document().isModified()
    assert w.isWindowModified()
    assert w.session.path is None
    # The draft now belongs to this editor (same key, this pid): no duplicate, not offered again.
    (d,) = RecoveryStore().drafts()
    assert d.key == key
    assert d.pid == os.getpid()
    assert RecoveryStore().recoverable() == []


def test_restore_titled_draft_opens_the_file_and_applies_changes_on_top(start_window, qtbot, tmp_path):
    src = tmp_path / "报告.txt"
    src.write_text("磁盘上的旧版\n", encoding="utf-8")
    crashed_draft(key_for_path(src.resolve()), str(src.resolve()), "磁盘上的旧版\n崩溃前新加的一段")
    w = start_window()
    wait_dialog(qtbot, w).restore_button.click()
    assert w.session.path == src.resolve()
    assert w.editor.toPlainText() == "磁盘上的旧版\n崩溃前新加的一段"
    assert w.editor.document().isModified()
    assert "报告.txt" in w.windowTitle()
    assert src.read_text(encoding="utf-8") == "磁盘上的旧版\n"
    w.session.save()
    assert src.read_text(encoding="utf-8").startswith("磁盘上的旧版\n崩溃前新加的一段")
    assert RecoveryStore().drafts() == []


def test_restore_draft_whose_file_is_gone_keeps_its_name(start_window, qtbot, tmp_path):
    src = tmp_path / "删掉了.txt"
    crashed_draft(key_for_path(src), str(src), "文件没了，草稿还在")
    w = start_window()
    wait_dialog(qtbot, w).restore_button.click()
    assert w.session.path == src
    assert "删掉了.txt" in w.windowTitle()
    assert w.editor.toPlainText() == "文件没了，草稿还在"
    assert w.session.save()
    assert src.read_text(encoding="utf-8").startswith("文件没了，草稿还在")


def test_rich_form_is_restored(start_window, qtbot):
    model = Document([Paragraph([Run("加粗标题", bold=True)], style="title")])
    crashed_draft(new_untitled_key(), "", "加粗标题", rich=document_to_json(model))
    w = start_window()
    wait_dialog(qtbot, w).restore_button.click()
    cur = QTextCursor(w.editor.document())
    cur.setPosition(2)
    assert cur.charFormat().fontWeight() == 700
    assert to_model(w.editor.document()).blocks[0].style == "title"


def test_old_html_draft_restores_its_text_only(start_window, qtbot):
    store = RecoveryStore()
    key = new_untitled_key()
    store.save(key, source="", title="未命名", text="旧草稿", rich="<html><body><b>旧草稿</b></body></html>",
               rich_format="qt-html")
    path = store.path_of(key)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["pid"] = dead_pid()
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    w = start_window()
    wait_dialog(qtbot, w).restore_button.click()
    assert w.editor.toPlainText() == "旧草稿"


def test_two_drafts_go_to_two_windows(start_window, qtbot):
    crashed_draft(new_untitled_key(), "", "第一份")
    crashed_draft(new_untitled_key(), "", "第二份")
    w = start_window()
    wait_dialog(qtbot, w).restore_button.click()
    texts = {w.editor.toPlainText()} | {x.editor.toPlainText() for x in recovery_dialog._restored_windows}
    assert texts == {"第一份", "第二份"}
    assert len(RecoveryStore().drafts()) == 2
    for x in list(recovery_dialog._restored_windows):
        x.editor.document().setModified(False)
        x.close()


def test_unticked_draft_is_kept_and_later_keeps_all(start_window, qtbot):
    from PySide6.QtCore import Qt

    crashed_draft(new_untitled_key(), "", "要的")
    crashed_draft(new_untitled_key(), "", "先不管")
    w = start_window()
    dlg = wait_dialog(qtbot, w)
    for i, d in enumerate(dlg.drafts):
        if d.text == "先不管":
            dlg.draft_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    dlg.restore_button.click()
    assert w.editor.toPlainText() == "要的"
    assert [d.text for d in RecoveryStore().recoverable()] == ["先不管"]


def test_later_keeps_drafts(start_window, qtbot):
    crashed_draft(new_untitled_key(), "", "以后再说")
    w = start_window()
    wait_dialog(qtbot, w).later_button.click()
    assert w.editor.toPlainText() == ""
    assert [d.text for d in RecoveryStore().recoverable()] == ["以后再说"]


def test_discard_deletes_after_confirmation(start_window, qtbot, no_blocking_dialogs):
    crashed_draft(new_untitled_key(), "", "不要了")
    w = start_window()
    dlg = wait_dialog(qtbot, w)
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.No
    dlg.discard_button.click()
    assert len(RecoveryStore().drafts()) == 1
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    dlg.discard_button.click()
    assert RecoveryStore().drafts() == []
    assert not dlg.isVisible()


def test_opening_a_file_with_a_left_draft_offers_it(start_window, qtbot, tmp_path, no_blocking_dialogs):
    w = start_window()
    qtbot.wait(50)  # the start-up offer has run (nothing to offer then)
    src = tmp_path / "稿.txt"
    src.write_text("旧\n", encoding="utf-8")
    crashed_draft(key_for_path(src.resolve()), str(src.resolve()), "旧\n没保存的新内容")
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    assert w.session.open_path(src)
    qtbot.waitUntil(lambda: w.editor.toPlainText() == "旧\n没保存的新内容", timeout=3000)
    assert w.editor.document().isModified()
    assert any(t == "恢复草稿" for t, _ in no_blocking_dialogs.shown)


def test_opening_a_file_and_discarding_its_draft(start_window, qtbot, tmp_path, no_blocking_dialogs):
    w = start_window()
    qtbot.wait(50)
    src = tmp_path / "稿.txt"
    src.write_text("旧\n", encoding="utf-8")
    crashed_draft(key_for_path(src.resolve()), str(src.resolve()), "不要的改动")
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Discard
    assert w.session.open_path(src)
    qtbot.waitUntil(lambda: RecoveryStore().drafts() == [], timeout=3000)
    assert w.editor.toPlainText().strip() == "旧"
    assert not w.editor.document().isModified()


def test_start_with_a_file_restores_its_draft_into_that_window(qtbot, tmp_path):
    """`yuku 报告.txt` after a crash: run_app opens the file, then the offer restores on top of it."""
    src = tmp_path / "报告.txt"
    src.write_text("旧版\n", encoding="utf-8")
    crashed_draft(key_for_path(src.resolve()), str(src.resolve()), "旧版\n崩溃前的改动")
    QApplication.instance().setProperty(autosave.OFFERED_PROPERTY, False)
    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    w.show()
    assert w.session.open_path(src)  # as run_app does, before the event loop runs
    wait_dialog(qtbot, w).restore_button.click()
    assert w.session.path == src.resolve()
    assert w.editor.toPlainText() == "旧版\n崩溃前的改动"
    assert recovery_dialog._restored_windows == []
    w.editor.document().setModified(False)
    bank.close()
