"""QTextDocument <-> model: formatting, lists, tables, headings and kept objects both ways."""
from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from editor.core.formats.document_files import read_document
from editor.core.model.document import OBJECT_CHAR
from editor.gui.document.bridge import KEPT_OBJECT, load_model, state_of, to_model
from editor.gui.document.paragraph_styles import apply_style
from tests.core.formats.docx.test_roundtrip import _comparable, rich_model
from tests.docx_fixtures import build_docx, para, rich_word_file, run
from tests.gui.helpers import commit_text


def test_model_survives_the_editor(qtbot):
    qdoc = QTextDocument()
    load_model(qdoc, rich_model())
    assert _comparable(to_model(qdoc)) == _comparable(rich_model())
    block = qdoc.findBlockByNumber(1)
    assert block.blockFormat().headingLevel() == 1
    assert qdoc.findBlockByNumber(7).textList() is not None


def test_editor_formatting_reaches_word(window, tmp_path):
    ed = window.editor
    commit_text(ed, "一、总体情况")
    apply_style(ed.textCursor(), "heading1")
    cur = ed.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.End)
    cur.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cur.insertText("普通")
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(18)
    cur.insertText("加粗", fmt)
    bf = cur.blockFormat()
    bf.setAlignment(Qt.AlignmentFlag.AlignRight)
    cur.setBlockFormat(bf)
    target = tmp_path / "ed.docx"
    assert window.session.save_to(target)
    d = docx.Document(str(target))
    assert d.paragraphs[0].style.name == "Heading 1"
    assert d.paragraphs[0].runs[0].bold is not True  # the heading's look is its style's, not direct
    runs = d.paragraphs[1].runs
    assert runs[-1].bold
    assert runs[-1].font.size.pt == 18
    assert d.paragraphs[1].alignment == 2  # right


def test_open_word_file_shows_placeholders_and_saves_everything(window, tmp_path):
    src = rich_word_file(tmp_path / "word.docx")
    assert window.session.open_path(src)
    qdoc = window.editor.document()
    objects = []
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment()
            if f.charFormat().objectType() == KEPT_OBJECT:
                label = f.charFormat().property(int(QTextFormat.Property.UserProperty) + 0x5961)
                objects.append(label if isinstance(label, str) else "")
            it += 1
        block = block.next()
    assert {"图片", "脚注", "批注"} <= set(objects)
    assert qdoc.documentLayout().property("yukuKeptHandler")
    # edit, save over the file: nothing unsupported here, so no question is asked
    cur = QTextCursor(qdoc)
    cur.movePosition(QTextCursor.MoveOperation.End)
    cur.insertText("（补充）")
    assert window.session.save()
    with zipfile.ZipFile(src) as zf:
        names = set(zf.namelist())
    assert {"word/footnotes.xml", "word/comments.xml", "word/media/image1.png", "word/header1.xml"} <= names
    back = read_document(src)
    assert back.kept_labels() == ["脚注", "批注", "图片"]
    assert back.paragraphs[-1].text.endswith("（补充）")


def test_new_document_forgets_the_source_package(window, tmp_path):
    assert window.session.open_path(rich_word_file(tmp_path / "word.docx"))
    assert state_of(window.editor.document()).source is not None
    window.actions_by_name["new"].trigger()
    assert state_of(window.editor.document()).source is None
    commit_text(window.editor, "新文档")
    assert window.session.save_to(tmp_path / "new.docx")
    assert "word/media/image1.png" not in zipfile.ZipFile(tmp_path / "new.docx").namelist()


def test_overwrite_with_losses_asks_and_offers_save_as(window, tmp_path, no_blocking_dialogs):
    from PySide6.QtWidgets import QMessageBox

    body = para(run("保留"), f'<w:ins w:id="1" w:author="甲">{run("新增")}</w:ins>')
    src = build_docx(tmp_path / "tracked.docx", body)
    original = src.read_bytes()
    assert window.session.open_path(src)
    commit_text(window.editor, "改")
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not window.session.save()
    assert src.read_bytes() == original
    # "Save As…" writes a new file and leaves the original alone
    other = tmp_path / "copy.docx"
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    no_blocking_dialogs.answers["save"] = str(other)
    assert not window.session.save()
    assert other.exists()
    assert src.read_bytes() == original
    assert window.session.path == other.resolve()
    # overwriting anyway is the user's choice
    assert window.session.open_path(src)
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Save
    commit_text(window.editor, "再改")
    assert window.session.save()
    assert src.read_bytes() != original


def test_saving_as_text_names_what_is_left_out(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    texts = []

    def fake_exec(box):
        texts.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert window.session.open_path(rich_word_file(tmp_path / "word.docx"))
    assert not window.session.save_to(tmp_path / "plain.txt")
    assert "图片" in texts[-1]
    assert "脚注" in texts[-1]
    assert not (tmp_path / "plain.txt").exists()


def test_kept_block_typed_into_keeps_both(qtbot):
    from editor.core.model.document import Document, KeptItem, Paragraph

    qdoc = QTextDocument()
    load_model(qdoc, Document([Paragraph(kept_block="k1")], kept={"k1": KeptItem("<w:sdt/>", "目录", True)}))
    cur = QTextCursor(qdoc)
    cur.movePosition(QTextCursor.MoveOperation.End)
    cur.insertText("后加")
    blocks = to_model(qdoc).blocks
    assert blocks[0].kept_block == "k1"
    assert blocks[1].text == "后加"
    assert OBJECT_CHAR not in blocks[1].text


def test_long_documents_do_not_free_none(qtbot):
    """PySide6 6.12 drops a reference to None on every void call under CPython 3.11 (see pin_none)."""
    import sys

    from PySide6.QtGui import QTextBlockFormat

    qdoc = QTextDocument()
    load_model(qdoc, rich_model())
    cursor = QTextCursor(qdoc)
    for _ in range(30000):  # more void calls than None has references in a fresh process
        cursor.setBlockFormat(QTextBlockFormat())
    assert sys.getrefcount(None) > 10_000
    assert to_model(qdoc).paragraphs[0].text == "年度工作总结"


@pytest.mark.parametrize("name", ["old_doc", "xxe", "zip_bomb", "truncated_zip", "missing_document_xml"])
def test_hostile_file_in_the_window_is_one_message(window, tmp_path, no_blocking_dialogs, name):
    from tests.docx_fixtures import hostile_files

    path, expect = hostile_files(tmp_path / "hostile")[name]
    window.editor.setPlainText("原有内容")
    assert not window.session.open_path(path)
    title, text = no_blocking_dialogs.shown[-1]
    assert str(path) in text
    assert expect in text
    assert window.editor.plain_text() == "原有内容"


def test_enter_after_a_section_break_does_not_double_it(qtbot, tmp_path):
    from tests.docx_fixtures import para, run

    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/></w:sectPr>'
    src = build_docx(tmp_path / "sections.docx", para(run("第一节末"), ppr=sect) + para(run("第二节")))
    qdoc = QTextDocument()
    load_model(qdoc, read_document(src))
    cur = QTextCursor(qdoc.findBlockByNumber(0))
    cur.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cur.insertBlock()  # Enter: Qt copies the block format, raw properties included
    cur.insertText("新段")
    doc = to_model(qdoc)
    assert [p.text for p in doc.paragraphs] == ["第一节末", "新段", "第二节"]
    from editor.core.formats.document_files import write_document

    write_document(doc, tmp_path / "saved.docx")
    saved = docx.Document(str(tmp_path / "saved.docx"))
    has_sect = [p._p.pPr is not None and p._p.pPr.find(qn("w:sectPr")) is not None for p in saved.paragraphs]
    assert has_sect == [False, True, False]  # the section still ends after the last paragraph of it


def test_an_image_is_a_visible_placeholder_deleted_in_one_undo_step(window, tmp_path):
    import io

    from docx.shared import Cm
    from PySide6.QtCore import QBuffer, QByteArray
    from PySide6.QtGui import QFontMetricsF, QImage
    from PySide6.QtTest import QTest

    from editor.gui.document.docx_state import KEPT_LABEL, KeptObjectHandler

    image, data = QImage(32, 41, QImage.Format.Format_RGB32), QByteArray()
    image.fill(0x3366CC)
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    src = tmp_path / "picture.docx"
    d = docx.Document()
    d.add_paragraph("图如下：").add_run().add_picture(io.BytesIO(bytes(data)), width=Cm(3.2), height=Cm(4.1))
    d.add_paragraph("后文")
    d.save(str(src))
    assert window.session.open_path(src)
    ed = window.editor
    qdoc = ed.document()
    assert qdoc.findBlockByNumber(0).text() == "图如下：" + OBJECT_CHAR
    ed.setFocus()
    ed.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClick(ed, Qt.Key.Key_End)
    QTest.keyClick(ed, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # the placeholder selects like a character
    assert ed.textCursor().selectedText() == OBJECT_CHAR
    at = QTextCursor(qdoc)
    at.setPosition(ed.textCursor().selectionEnd())
    fmt = at.charFormat()  # the format of the character before: the placeholder
    assert fmt.objectType() == KEPT_OBJECT
    assert fmt.property(KEPT_LABEL) == "图片 3.2 × 4.1 cm"  # its kind and size
    size = KeptObjectHandler().intrinsicSize(qdoc, ed.textCursor().position(), fmt)
    assert size.width() > 40  # drawn, not an empty-looking line
    assert size.height() > 5
    # and the layout really makes room for it (Qt ignores a handler it cannot cast to its interface)
    for view in ("normal", "page"):
        if view == "page":
            window.actions_by_name["page_view"].trigger()
        qdoc.documentLayout().documentSize()
        block = qdoc.findBlockByNumber(0)
        text_only = QFontMetricsF(block.charFormat().font()).horizontalAdvance("图如下：")
        assert block.layout().lineCount() >= 1
        assert block.layout().lineAt(0).naturalTextWidth() > text_only + 40, view
    window.actions_by_name["page_view"].trigger()
    QTest.keyClick(ed, Qt.Key.Key_Delete)
    assert qdoc.findBlockByNumber(0).text() == "图如下："
    assert window.session.save_to(tmp_path / "without.docx")
    assert "<w:drawing" not in zipfile.ZipFile(tmp_path / "without.docx").read("word/document.xml").decode()
    QTest.keyClick(ed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step brings it back
    assert qdoc.findBlockByNumber(0).text() == "图如下：" + OBJECT_CHAR
    assert window.session.save_to(tmp_path / "with.docx")
    assert read_document(tmp_path / "with.docx").kept_labels() == ["图片 3.2 × 4.1 cm"]


def test_a_model_edited_before_loading_is_not_taken_for_the_source(qtbot, tmp_path):
    """A recovered draft holds edits: loading it must not make them look untouched (they would be lost)."""
    from editor.core.formats.document_files import write_document
    from editor.core.model.document import Run

    src = build_docx(tmp_path / "two.docx", para(run("第一段")) + para(run("第二段")))
    doc = read_document(src)
    doc.paragraphs[1].runs.append(Run("（补写）"))
    qdoc = QTextDocument()
    load_model(qdoc, doc)
    write_document(to_model(qdoc), tmp_path / "saved.docx")
    assert [p.text for p in read_document(tmp_path / "saved.docx").paragraphs] == ["第一段", "第二段（补写）"]


def test_unedited_save_of_a_file_with_tracked_changes_asks_nothing(window, tmp_path, no_blocking_dialogs):
    body = para(run("保留"), f'<w:ins w:id="1" w:author="甲">{run("新增")}</w:ins>')
    src = build_docx(tmp_path / "tracked.docx", body)
    original = src.read_bytes()
    assert window.session.open_path(src)
    window.editor.document().setModified(True)  # Save without an edit
    assert window.session.save()
    assert no_blocking_dialogs.shown == []  # nothing would be lost: no question
    assert src.read_bytes() == original  # the file as it was, byte for byte
