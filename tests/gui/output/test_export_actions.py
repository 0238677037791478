"""File menu exports: 公文格式 Word, Word, PDF; the blanks warning and the font report."""
from __future__ import annotations

import zipfile

import docx
from PySide6.QtWidgets import QMessageBox

from editor.core.formats.document_files import read_document
from editor.gui.output.export_actions import ExportActions, blank_contexts
from editor.gui.output.font_report import FontReportDialog, installed_families, report_for

DRAFT = "关于做好年度工作的通知\n一、总体要求\n今年以来，各单位完成___项任务。\n（一）加强领导\n谢谢。"


def test_actions_are_in_the_file_menu_after_save_as(window):
    names = [a.objectName() for a in window.menus["file"].actions()]
    for name in ("export_official", "export_docx", "export_pdf", "font_report"):
        assert name in names
    assert names.index("save_as") < names.index("export_official") < names.index("quit")
    # the print feature's own PDF item steps aside for ours
    assert [a.objectName() for a in window.menus["file"].actions() if a.isVisible() and "pdf" in a.objectName()] \
        == ["export_pdf"]


def test_blanks_warning_lists_them_and_can_stop_the_export(window, tmp_path, no_blocking_dialogs):
    window.editor.setPlainText(DRAFT)
    target = tmp_path / "out.docx"
    no_blocking_dialogs.answers["save"] = str(target)
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.No
    window.actions_by_name["export_official"].trigger()
    title, text = no_blocking_dialogs.shown[-1]
    assert "空白" in title
    assert "1 处" in text
    assert "完成___项任务" in text
    assert not target.exists()
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    window.actions_by_name["export_official"].trigger()
    assert target.exists()


def test_official_export_recognises_headings_in_a_plain_draft(window, tmp_path, no_blocking_dialogs):
    window.editor.setPlainText(DRAFT.replace("___", "十"))
    target = tmp_path / "公文"  # no suffix typed: .docx is added
    no_blocking_dialogs.answers["save"] = str(target)
    window.actions_by_name["export_official"].trigger()
    out = tmp_path / "公文.docx"
    d = docx.Document(str(out))
    assert [p.style.name for p in d.paragraphs] == ["Title", "Heading 1", "Normal", "Heading 2", "Normal"]
    assert round(d.sections[0].top_margin.mm) == 37
    assert read_document(out).plain_text() == DRAFT.replace("___", "十")
    assert "已导出公文格式" in window.feature(ExportActions).last_note
    assert window.editor.document().toPlainText() == DRAFT.replace("___", "十")  # the editor is untouched


def test_plain_word_export_and_pdf(window, tmp_path, no_blocking_dialogs):
    window.editor.setPlainText("正文一\n正文二")
    no_blocking_dialogs.answers["save"] = str(tmp_path / "plain.docx")
    window.actions_by_name["export_docx"].trigger()
    assert read_document(tmp_path / "plain.docx").plain_text() == "正文一\n正文二"
    assert "word/footer1.xml" not in zipfile.ZipFile(tmp_path / "plain.docx").namelist()
    no_blocking_dialogs.answers["save"] = str(tmp_path / "out.pdf")
    window.actions_by_name["export_pdf"].trigger()
    pdf = tmp_path / "out.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_failed_export_says_so_and_keeps_the_old_file(window, tmp_path, no_blocking_dialogs, monkeypatch):
    import errno

    from editor.core import atomic
    from editor.core.formats.docx import files as document_files

    target = tmp_path / "old.docx"
    target.write_bytes(b"old contents")
    window.editor.setPlainText("正文")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def failing_write(path, data):
        # The real atomic writer with a full disk underneath (autosave keeps its own writer).
        original = atomic._write_all
        atomic._write_all = full
        try:
            atomic.atomic_write_bytes(path, data)
        finally:
            atomic._write_all = original

    monkeypatch.setattr(document_files, "atomic_write_bytes", failing_write)
    assert not window.feature(ExportActions).export_docx(target)
    assert target.read_bytes() == b"old contents"
    title, text = no_blocking_dialogs.shown[-1]
    assert "old.docx" in text
    assert "未改动" in text


def test_font_report_names_missing_fonts(window, qtbot):
    report = report_for({})
    have = {f.replace(" ", "").lower() for f in installed_families()}
    by_cls = {s.cls: s for s in report}
    assert by_cls["fangsong"].installed == ("仿宋_gb2312" in have)
    dialog = FontReportDialog(report, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(report)
    missing = [s.standard for s in report if not s.installed]
    for name in missing:
        assert name in dialog.summary.text()
    window.actions_by_name["font_report"].trigger()
    assert window.feature(ExportActions).font_dialog.isVisible()
    window.feature(ExportActions).font_dialog.close()


def test_blank_contexts_show_surroundings():
    assert blank_contexts("甲乙丙丁戊己庚辛壬癸___子丑") == ["…丙丁戊己庚辛壬癸___子丑"]
