"""Importing a corpus from the GUI: worker thread, progress, cancel, refresh, encoding preview."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from editor.core.bank.store import PhraseBank
from editor.core.settings import Settings
from editor.gui.phrases.actions import PhraseActions
from editor.gui.phrases.encoding_preview_dialog import EncodingPreviewDialog, needs_choice
from editor.gui.window.main_window import MainWindow
from tests.gui.phrases.test_panel import leaves

DOC = ("关于加强基层组织建设的工作总结\n一、主要做法\n我们坚持以人民为中心的发展思想，扎实推进各项工作。\n"
       "二、存在问题\n个别干部思想认识不到位，工作作风不够扎实。\n三、下一步工作打算\n持续深化作风建设。\n")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "语料"
    folder.mkdir()
    for n in range(3):
        (folder / f"总结{n}.txt").write_text(DOC.replace("基层", f"第{n}基层"), encoding="utf-8")
    return folder


@pytest.fixture
def window(qtbot, tmp_path):
    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    w.show()
    yield w
    job = getattr(w, "corpus_import", None)
    if job is not None and job.is_running():
        job.cancel()
        job.worker_thread.wait()
    bank.close()


def test_import_folder_runs_in_background_and_refreshes_the_panel(window, corpus, qtbot, no_blocking_dialogs):
    assert leaves(window.phrase_panel.model) == []
    no_blocking_dialogs.answers["open"] = str(corpus)
    with qtbot.waitSignal(window.phrase_panel.bankChanged, timeout=60_000):
        window.actions_by_name["corpus_import_folder"].trigger()
        job = window.feature(PhraseActions).corpus_import
        assert job.dialog.isVisible()  # the progress dialog is up while the worker runs
        shown_width = job.dialog.width()
    # Its title fits beside the window buttons (a user saw it cut to "导入语料... Yuku").
    metrics = job.dialog.fontMetrics()
    assert shown_width >= metrics.horizontalAdvance("导入语料 — 语库 Yuku") + 10 * metrics.height()
    assert job.result.documents >= 1
    assert not job.result.cancelled
    texts = [t for _, t in leaves(window.phrase_panel.model)]
    assert texts
    assert window.bank.count() == len(texts)
    assert not job.dialog.isVisible()
    assert "导入完成" in job.summary


def test_cancel_leaves_the_bank_unchanged(window, corpus, qtbot, monkeypatch):
    from editor.core.corpus import reader as corpus_module

    # Hold the worker inside its first file until Cancel is pressed, so the race is decided.
    gate = threading.Event()
    real_read = corpus_module.read_file
    monkeypatch.setattr(corpus_module, "read_file", lambda *a: (gate.wait(30), real_read(*a))[1])
    before = window.bank.count()
    job = window.feature(PhraseActions).start_import([corpus])
    assert job.is_running()
    with qtbot.waitSignal(job.done, timeout=60_000):
        job.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
        gate.set()
    assert job.result.cancelled
    assert window.bank.count() == before
    assert "取消" in job.summary
    assert not job.is_running()


def test_import_files_with_a_bad_one_names_it(window, corpus, tmp_path, qtbot, no_blocking_dialogs):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    job = window.feature(PhraseActions).start_import([corpus / "总结0.txt", corpus / "总结1.txt", bad])
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert any("坏.docx" in text for _, text in no_blocking_dialogs.shown)


def gbk_file(tmp_path):
    path = tmp_path / "短.txt"
    path.write_bytes("加强领导".encode("gb18030"))
    return path


def test_short_gbk_file_needs_a_choice_and_preview_follows_the_combo(qtbot, tmp_path):
    path = gbk_file(tmp_path)
    found = needs_choice(path)
    assert found is not None
    data, guess = found
    dialog = EncodingPreviewDialog(None, path, data, guess)
    qtbot.addWidget(dialog)
    assert any("短.txt" in label.text() for label in dialog.findChildren(QLabel))
    dialog.combo.setCurrentIndex(dialog.combo.findData("gb18030"))
    assert dialog.text.toPlainText() == "加强领导"
    dialog.combo.setCurrentIndex(dialog.combo.findData("utf-8"))
    assert "\ufffd" in dialog.text.toPlainText()
    utf8 = tmp_path / "好.txt"
    utf8.write_text("加强领导", encoding="utf-8")
    assert needs_choice(utf8) is None


def test_import_asks_for_the_encoding_and_uses_it(window, tmp_path, qtbot, monkeypatch):
    path = gbk_file(tmp_path)
    asked = []

    def run(dialog):
        asked.append(dialog)
        dialog.combo.setCurrentIndex(dialog.combo.findData("gb18030"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EncodingPreviewDialog, "exec", run)
    job = window.feature(PhraseActions).start_import([path])
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert len(asked) == 1
    stored = [text for _name, text in window.bank.corpus_documents()]
    assert any("加强领导" in text for text in stored)
    assert job.encodings == {str(path): "gb18030"}


def test_encoding_cancel_stops_the_import(window, tmp_path, monkeypatch):
    monkeypatch.setattr(EncodingPreviewDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert window.feature(PhraseActions).start_import([gbk_file(tmp_path)]) is None
    assert window.bank.corpus_documents() == []


def test_encoding_skip_leaves_the_file_out(window, tmp_path, corpus, qtbot, monkeypatch):
    monkeypatch.setattr(EncodingPreviewDialog, "exec", lambda d: EncodingPreviewDialog.SKIP)
    gbk_file(corpus)
    job = window.feature(PhraseActions).start_import([corpus])
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    names = [name for name, _text in window.bank.corpus_documents()]
    assert names
    assert not any("短.txt" in name for name in names)
