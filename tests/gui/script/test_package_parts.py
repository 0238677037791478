"""Converting a whole DOCX in the editor converts the parts it does not show, and one undo takes it back."""
from __future__ import annotations

import zipfile

import pytest

from editor.core.formats.docx.convert import paragraph_texts
from tests.core.formats.docx.convert_builder import build_docx, para, run


@pytest.fixture
def bank(make_bank):
    return make_bank()  # an empty bank: building the bundled one is slow


def word_file(path):
    return build_docx(path, [para(run("关于头发发展的通知")), para(run("各单位："))],
                      header=para(run("某某县教育局")), footer=para(run("内部资料") + run("注意保存")),
                      footnote=para(run("脚注里的头发")), endnote=para(run("尾注里的发展")))


def parts(path):
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
    return {name: paragraph_texts(path, name)
            for name in ("word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "word/endnotes.xml")
            if name in names}


def save(window):
    window.actions_by_name["save"].trigger()
    assert not window.editor.document().isModified()


def test_whole_document_conversion_reaches_headers_footers_and_notes_and_undo_takes_it_back(window, tmp_path):
    path = word_file(tmp_path / "通知.docx")
    with zipfile.ZipFile(path) as zf:
        original = {n: zf.read(n) for n in zf.namelist()}
    assert window.session.open_path(path)
    window.actions_by_name["convert_s2t"].trigger()
    assert window.editor.plain_text().startswith("關於頭髮發展的通知")
    save(window)
    after = parts(path)
    assert after["word/header1.xml"] == ["某某縣教育局"]
    assert after["word/footer1.xml"] == ["內部資料注意保存"]
    assert "腳註裏的頭髮" in after["word/footnotes.xml"]
    assert "尾註裏的發展" in after["word/endnotes.xml"]
    assert paragraph_texts(path)[:2] == ["關於頭髮發展的通知", "各單位："]

    window.actions_by_name["undo"].trigger()  # one step: the text and the unseen parts together
    assert window.editor.plain_text().startswith("关于头发发展的通知")
    assert not window.editor.document().isUndoAvailable()
    window.editor.document().setModified(True)  # undo back to the saved-over state: still save
    save(window)
    with zipfile.ZipFile(path) as zf:
        for name in ("word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "word/endnotes.xml"):
            assert zf.read(name) == original[name], name

    window.actions_by_name["redo"].trigger()
    save(window)
    assert parts(path)["word/header1.xml"] == ["某某縣教育局"]


def test_taiwan_phrases_and_back_again(window, tmp_path):
    path = word_file(tmp_path / "通知.docx")
    assert window.session.open_path(path)
    window.actions_by_name["convert_s2twp"].trigger()
    window.actions_by_name["convert_tw2sp"].trigger()
    window.actions_by_name["undo"].trigger()  # back to 台湾用语 only
    save(window)
    assert parts(path)["word/footer1.xml"] == ["內部資料注意儲存"]  # the config's own vocabulary


def test_only_headers_to_convert_is_an_undo_step_of_its_own(window, tmp_path):
    path = build_docx(tmp_path / "a.docx", [para(run("ABC"))], header=para(run("头发")))
    assert window.session.open_path(path)
    window.actions_by_name["convert_s2t"].trigger()
    assert window.editor.document().isModified()  # the file changes, so it asks to be saved
    save(window)
    assert parts(path)["word/header1.xml"] == ["頭髮"]
    window.actions_by_name["undo"].trigger()
    assert window.editor.plain_text() == "ABC"
    save(window)
    assert parts(path)["word/header1.xml"] == ["头发"]


def test_selection_conversion_leaves_headers(window, tmp_path):
    path = word_file(tmp_path / "通知.docx")
    assert window.session.open_path(path)
    cur = window.editor.textCursor()
    cur.setPosition(0)
    cur.setPosition(2, cur.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cur)
    window.actions_by_name["convert_s2t"].trigger()
    save(window)
    assert parts(path)["word/header1.xml"] == ["某某县教育局"]


def test_another_file_opened_does_not_inherit_the_conversion(window, tmp_path):
    first = word_file(tmp_path / "一.docx")
    second = word_file(tmp_path / "二.docx")
    assert window.session.open_path(first)
    window.actions_by_name["convert_s2t"].trigger()
    window.editor.document().setModified(False)
    assert window.session.open_path(second)
    window.editor.textCursor().insertText("新")
    save(window)
    assert parts(second)["word/header1.xml"] == ["某某县教育局"]


def test_text_boxes_convert_with_the_body_and_undo_with_it(window, tmp_path):
    path = build_docx(tmp_path / "a.docx", [para(run("头发"))], textbox=para(run("文本框里的头发")))
    assert window.session.open_path(path)
    window.actions_by_name["convert_s2t"].trigger()
    save(window)
    assert paragraph_texts(path) == ["頭髮", "", "文本框裏的頭髮"]
    window.actions_by_name["undo"].trigger()
    save(window)
    assert paragraph_texts(path) == ["头发", "", "文本框里的头发"]


def test_a_text_box_beside_text_that_does_not_change(window, tmp_path):
    path = build_docx(tmp_path / "a.docx", [para(run("ABC"))], textbox=para(run("头发")))
    assert window.session.open_path(path)
    window.actions_by_name["convert_s2t"].trigger()
    save(window)
    assert paragraph_texts(path) == ["ABC", "", "頭髮"]


def test_nothing_to_convert_anywhere_is_no_edit(window, tmp_path):
    path = build_docx(tmp_path / "a.docx", [para(run("ABC"))], header=para(run("页眉")))
    assert window.session.open_path(path)
    window.actions_by_name["convert_t2s"].trigger()
    assert not window.editor.document().isModified()
    assert not window.editor.document().isUndoAvailable()


def test_a_text_box_inside_a_converted_paragraph(window, tmp_path):
    box = ('<w:r><w:pict><v:shape id="tb1" style="width:200pt;height:50pt"><v:textbox><w:txbxContent>'
           f'{para(run("框里的头发"))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    path = build_docx(tmp_path / "a.docx", [para(run("正文头发") + box + run("发展"))])
    assert window.session.open_path(path)
    window.actions_by_name["convert_s2t"].trigger()
    save(window)
    assert paragraph_texts(path) == ["正文頭髮發展", "框裏的頭髮"]
    window.actions_by_name["undo"].trigger()
    save(window)
    assert paragraph_texts(path) == ["正文头发发展", "框里的头发"]
