"""The 公文 features in the window: File → 新建公文, the 公文要素 form, 公文检查 with one-step fixes, export."""
from __future__ import annotations

import docx
from PySide6.QtCore import QLocale

from editor.core.gongwen import storage
from editor.gui.gongwen.actions import GongwenActions
from editor.gui.output.export_actions import ExportActions
from tests.gui.helpers import act, commit_text


def gw(window):
    """The window's 公文 feature."""
    return window.feature(GongwenActions)


def test_new_request_starts_from_its_outline_and_parts_filled_from_the_unit_profile(window):
    window.settings.set("gongwen_issuer_marks", ["江城市财政局文件"])
    window.settings.set("gongwen_number_prefix", "江财")
    gw(window).new_actions["请示"].trigger()
    text = window.editor.document().toPlainText()
    assert text.startswith("关于___的请示\n")
    assert "妥否，请批示。" in text
    parts = gw(window).parts()
    assert parts.doc_type == "请示"
    assert parts.issuer_marks == ["江城市财政局文件"]
    assert parts.doc_number.startswith("江财〔")
    assert parts.doc_number.endswith("〕___号")
    assert gw(window).dock.isVisible()
    assert not window.editor.document().isModified()


def test_parts_menu_toggles_the_side_form(window):
    assert not gw(window).dock.isVisible()
    act(window, "gongwen_parts")
    assert gw(window).dock.isVisible()
    assert gw(window).document_menu.actions()[0] is window.actions_by_name["gongwen_parts"]


def test_check_lists_findings_with_their_place_and_a_fix_is_one_undo_step(window, qtbot):
    editor = window.editor
    editor.setFocus()
    commit_text(editor, "关于做好防汛工作的通知。")
    editor.textCursor().insertBlock()
    commit_text(editor, "各区人民政府:")
    gw(window).form.set_value("发文字号", "江政[2024]3号")
    act(window, "gongwen_check")
    dialog = gw(window).check_dialog
    assert dialog.isVisible()
    rules = [(f.rule, f.line) for f in dialog.findings]
    assert ("title.punct", 1) in rules
    assert ("punct.halfwidth", 2) in rules
    assert any(r == "docnum.brackets" and line < 0 for r, line in rules)
    places = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert "第 2 段" in places
    assert "公文要素：发文字号" in places
    shown = [dialog.tree.topLevelItem(i).text(c) for i in range(dialog.tree.topLevelItemCount()) for c in range(5)]
    assert "punct.halfwidth" not in shown  # rule ids are for the CLI: a tooltip here
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))  # a Chinese window (the tests' own locale is C)
    try:
        dialog.refresh()
        shown = [dialog.tree.topLevelItem(i).text(c) for i in range(dialog.tree.topLevelItemCount())
                 for c in range(5)]
    finally:
        QLocale.setDefault(before)
    assert not [t for t in shown if " / " in t]  # no English halves
    # locate: the excerpt is selected in the editor
    half = next(f for f in dialog.findings if f.rule == "punct.halfwidth")
    dialog.go_to(half)
    assert editor.textCursor().selectedText() == ":"
    # one fix, one undo step
    item = next(dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())
                if dialog._finding(dialog.tree.topLevelItem(i)).rule == "punct.halfwidth")
    dialog.tree.setCurrentItem(item)
    dialog.fix_button.click()
    assert editor.document().toPlainText().split("\n")[1] == "各区人民政府："
    editor.document().undo()
    assert editor.document().toPlainText().split("\n")[1] == "各区人民政府:"
    # fix all: the text fixes are one undo step, the part is fixed in the form
    dialog.fix_all_button.click()
    assert editor.document().toPlainText().split("\n")[:2] == ["关于做好防汛工作的通知", "各区人民政府："]
    assert gw(window).form.value("发文字号") == "江政〔2024〕3号"
    editor.document().undo()
    assert editor.document().toPlainText().split("\n")[:2] == ["关于做好防汛工作的通知。", "各区人民政府:"]


def test_official_export_lays_out_the_parts_and_opening_brings_them_back(window, tmp_path, monkeypatch):
    editor = window.editor
    editor.setFocus()
    commit_text(editor, "关于做好防汛工作的通知")
    editor.textCursor().insertBlock()
    commit_text(editor, "加强巡查，落实责任。")
    form = gw(window).form
    form.set_value("发文机关标志", "江城市人民政府文件")
    form.set_value("发文字号", "江政发〔2024〕3号")
    form.set_value("主送", "各区人民政府")
    form.set_value("发文机关署名", "江城市人民政府")
    form.set_value("成文日期", "2024年5月30日")
    out = tmp_path / "n.docx"
    assert window.feature(ExportActions).export_official(out)
    d = docx.Document(str(out))
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts[:4] == ["江城市人民政府文件", "江政发〔2024〕3号", "关于做好防汛工作的通知", "各区人民政府："]
    assert texts[-2:] == ["江城市人民政府", "2024年5月30日"]
    assert storage.read(out.read_bytes()).doc_number == "江政发〔2024〕3号"
    window.editor.document().setModified(False)
    form.set_value("发文字号", "")
    assert window.session.open_path(out)
    assert gw(window).form.value("发文字号") == "江政发〔2024〕3号"
    # exported again from the reopened file: the earlier layout is not laid out twice
    again = tmp_path / "again.docx"
    assert window.feature(ExportActions).export_official(again)
    texts = [p.text for p in docx.Document(str(again)).paragraphs if p.text]
    assert texts.count("江城市人民政府文件") == 1
    assert texts.count("江政发〔2024〕3号") == 1


def test_preferences_hold_the_unit_profile(window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from editor.gui.window.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    dialog.unit_marks.setText("江城市人民政府；江城市财政局")
    dialog.unit_prefix.setText("江政发")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.settings.get("gongwen_issuer_marks") == ["江城市人民政府", "江城市财政局"]
    assert window.settings.get("gongwen_number_prefix") == "江政发"


def test_official_export_names_the_parts_the_type_lacks(window, tmp_path, no_blocking_dialogs):
    from PySide6.QtWidgets import QMessageBox

    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Yes  # export despite the ___ blanks
    gw(window).new_actions["请示"].trigger()
    gw(window).form.set_value("签发人", "")
    assert window.feature(ExportActions).export_official(tmp_path / "q.docx")
    assert "签发人" in gw(window).lacking


def test_a_draft_with_front_matter_opens_into_the_form_and_saves_it_back(window, tmp_path):
    draft = tmp_path / "n.txt"
    source = (
        "---\n类型: 通知\n发文字号: 江政办发〔2024〕12号\n主送: 各区人民政府\n---\n关于做好防汛工作的通知\n加强巡查。\n")
    draft.write_text(source, encoding="utf-8")
    assert window.session.open_path(draft)
    # The file's last newline ends its last line; it is no empty paragraph after it.
    assert window.editor.document().toPlainText() == "关于做好防汛工作的通知\n加强巡查。"
    assert not window.editor.document().isModified()
    form = gw(window).form
    assert form.value("发文字号") == "江政办发〔2024〕12号"
    assert form.value("类型") == "通知"
    form.set_value("发文字号", "江政办发〔2024〕13号")
    assert window.session.save()
    saved = draft.read_text(encoding="utf-8")
    assert saved.startswith("---\n类型: 通知\n发文字号: 江政办发〔2024〕13号\n主送: 各区人民政府\n---\n")
    assert saved.split("---\n", 2)[2].startswith("关于做好防汛工作的通知\n加强巡查。\n")


def test_pdf_export_lays_out_the_parts_through_libreoffice(window, tmp_path):
    import shutil
    import subprocess

    import pytest

    from tests.conftest import libreoffice_or_skip

    libreoffice_or_skip()
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    window.settings.set("export_style", "official")
    editor = window.editor
    editor.setFocus()
    commit_text(editor, "关于做好防汛工作的通知")
    editor.textCursor().insertBlock()
    commit_text(editor, "加强巡查，落实责任。")
    gw(window).form.set_value("发文机关标志", "江城市人民政府文件")
    gw(window).form.set_value("发文字号", "江政发〔2024〕3号")
    out = tmp_path / "n.pdf"
    assert window.feature(ExportActions).export_pdf(out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "江城市人民政府文件" in text
    assert "江政发〔2024〕3" in text


def test_parts_typed_into_the_form_survive_a_plain_word_save(window, tmp_path):
    import dataclasses
    import zipfile

    form = gw(window).form
    window.editor.setPlainText("关于开展安全检查的通知\n各单位要认真组织。")
    plain, with_parts = tmp_path / "plain.docx", tmp_path / "parts.docx"
    assert window.session.save_to(plain)
    form.set_parts(dataclasses.replace(form.parts(), doc_number="江政办发〔2024〕12号", copy_to="市委各部门"))
    assert window.session.save_to(with_parts)
    window.session.new_document()
    assert form.parts().doc_number == ""
    assert window.session.open_path(with_parts)
    assert form.parts().doc_number == "江政办发〔2024〕12号"  # Ctrl+S to Word kept what was typed
    assert form.parts().copy_to == "市委各部门"
    with zipfile.ZipFile(plain) as a, zipfile.ZipFile(with_parts) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")  # the body is untouched
        assert "docProps/custom.xml" in b.namelist()
    docx.Document(str(with_parts))  # still a package Word libraries open


def test_form_opened_for_a_gongwen_closes_for_a_plain_file_but_not_when_the_user_opened_it(window, tmp_path):
    gongwen = tmp_path / "通知.txt"
    gongwen.write_text("---\n主送: 各区人民政府\n---\n关于开展安全检查的通知\n", encoding="utf-8")
    plain = tmp_path / "总结.txt"
    plain.write_text("今年以来，我们坚持稳中求进。\n", encoding="utf-8")
    assert window.session.open_path(gongwen)
    assert gw(window).dock.isVisible()  # opened by the 公文
    assert window.session.open_path(plain)
    assert not gw(window).dock.isVisible()  # nothing to show: it goes again
    act(window, "gongwen_parts")  # the user wants it
    assert window.session.open_path(gongwen)
    assert window.session.open_path(plain)
    assert gw(window).dock.isVisible()  # the user's choice stays
