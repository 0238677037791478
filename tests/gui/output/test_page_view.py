"""View ▸ 页面视图: the document on its printed pages, line and page breaks where they will print."""
from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from editor.gui.document.bridge import to_model
from editor.gui.output.page_render import official_document
from editor.gui.output.page_view import PAGE_ORIGINAL, PageView
from tests.docx_fixtures import rich_word_file
from tests.gui.helpers import commit_text

PARA = "各单位要高度重视，认真组织，确保各项工作落到实处，按时完成任务目标。"
DRAFT = "\n".join(["关于做好年度工作的通知", "各单位：", *[PARA * 3] * 12, "一、总体要求", *[PARA * 2] * 12])


@pytest.fixture
def opened(open_draft):
    return open_draft(DRAFT)


def view_lines(window) -> list[list[str]]:
    """The editor's lines, page by page, as laid out in page view."""
    doc = window.editor.document()
    pages: dict[int, list[str]] = {}
    block = doc.begin()
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            y = rect.top() + line.y()
            text = block.text()[line.textStart():line.textStart() + line.textLength()]
            pages.setdefault(window.feature(PageView).page_at(y), []).append(text)
        block = block.next()
    return [pages[k] for k in sorted(pages)]


def print_lines(window) -> list[list[str]]:
    """The lines the official print renderer sets, page by page."""
    pages = official_document(to_model(window.editor.document()))
    return [[layout.text()[layout.lineAt(i).textStart():layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
             for layout, i, _x in pages.page_lines(p)] for p in range(1, pages.page_count() + 1)]


def test_page_view_shows_the_printed_lines_and_pages(opened, qtbot):
    doc = opened.editor.document()
    assert not doc.isModified()
    opened.actions_by_name["page_view"].trigger()
    view = opened.feature(PageView)
    assert view.active
    assert opened.actions_by_name["page_view"].isChecked()
    assert not doc.isModified()  # a view, not an edit
    pages = view_lines(opened)
    assert len(pages[1]) == 22  # a full page: 22 lines
    assert max(len(t) for t in pages[1]) == 28  # 28 characters a line
    assert pages == print_lines(opened)  # breaks where they print
    assert view.page_count() == len(pages)

    # Page numbers: odd pages on the right, even pages on the left.
    assert view.number_origin(1).x() > view.paper.width() / 2 > view.number_origin(2).x()
    assert view.number_origin(2).y() > view.number_origin(1).y()

    # What the screen shows: grey around, a white sheet.
    opened.editor.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    image = opened.editor.viewport().grab().toImage()
    sheet = view.page_rect(1)
    assert QColor(image.pixel(QPoint(int(sheet.left()) + 20, 20))) == QColor("white")
    if sheet.left() > 10:
        assert QColor(image.pixel(QPoint(int(sheet.left()) - 5, 20))) != QColor("white")


def test_typing_in_page_view_keeps_pages_undo_and_a_clean_save(opened, qtbot, tmp_path):
    opened.actions_by_name["page_view"].trigger()
    editor = opened.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = opened.feature(PageView).page_count()
    for _ in range(30):
        commit_text(editor, PARA)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert opened.feature(PageView).page_count() > before
    assert editor.document().isModified()
    opened.resize(opened.width() - 100, opened.height())  # QTextEdit relayouts; the sheet stays one A4 wide
    qtbot.wait(50)
    assert view_lines(opened) == print_lines(opened)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().endswith(PARA)  # undo undoes typing, not the view

    in_view = tmp_path / "in-view.docx"
    assert opened.session.save_to(in_view)
    opened.actions_by_name["page_view"].trigger()
    assert not opened.feature(PageView).active
    normal = tmp_path / "normal.docx"
    assert opened.session.save_to(normal)
    with zipfile.ZipFile(in_view) as a, zipfile.ZipFile(normal) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")
        assert a.read("word/styles.xml") == b.read("word/styles.xml")
    assert "w:spacing w:line" not in zipfile.ZipFile(normal).read("word/document.xml").decode()


def test_a_word_file_saved_in_page_view_is_unchanged(window, tmp_path):
    path = rich_word_file(tmp_path / "rich.docx")
    copy = tmp_path / "copy.docx"
    copy.write_bytes(path.read_bytes())
    assert window.session.open_path(path)
    window.actions_by_name["page_view"].trigger()
    window.session.open_path(copy)  # opened while in page view: laid on pages too
    assert window.feature(PageView).active
    assert window.editor.document().begin().blockFormat().hasProperty(
        PAGE_ORIGINAL)
    saved = tmp_path / "saved.docx"
    assert window.session.save_to(saved)
    window.actions_by_name["page_view"].trigger()
    plain = tmp_path / "plain.docx"
    assert window.session.save_to(plain)
    with zipfile.ZipFile(saved) as a, zipfile.ZipFile(plain) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_a_draft_restored_in_page_view_goes_on_pages(window, tmp_path):
    from editor.core.model.document import Document, Paragraph, Run
    from editor.core.recovery import MODEL_FORMAT, RecoveryStore, document_to_json, new_untitled_key
    from editor.gui.document.autosave import Autosaver

    window.actions_by_name["page_view"].trigger()
    model = Document([Paragraph([Run("恢复的标题")], style="title"), Paragraph([Run(PARA * 2)])])
    key = new_untitled_key()
    draft = RecoveryStore().save(key, source="", title="未命名", text=f"恢复的标题\n{PARA * 2}",
                                 rich=document_to_json(model), rich_format=MODEL_FORMAT)
    window.feature(Autosaver).restore(draft)
    doc = window.editor.document()
    assert doc.toPlainText().startswith("恢复的标题")
    assert doc.lastBlock().blockFormat().hasProperty(PAGE_ORIGINAL)
    assert max(len(t) for t in view_lines(window)[0]) == 28
    assert to_model(doc).blocks[0].style == "title"
    doc.setModified(False)
