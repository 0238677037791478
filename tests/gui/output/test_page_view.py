"""View ▸ 页面视图: the document on its printed pages, line and page breaks where they will print."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from editor.gui.document.bridge import to_model
from editor.gui.output.line_breaks import LEADING_SPACE
from editor.gui.output.page_render import official_document
from editor.gui.output.page_view import PageView
from editor.gui.output.sheet_layout import SheetLayout
from tests.docx_fixtures import build_docx, para, rich_word_file, run
from tests.gui.helpers import commit_text

PARA = "各单位要高度重视，认真组织，确保各项工作落到实处，按时完成任务目标。"
DRAFT = "\n".join(["关于做好年度工作的通知", "各单位：", *[PARA * 3] * 12, "一、总体要求", *[PARA * 2] * 12])


NOTICE = "govcn_003_国务院关于印发国家职业教育改革实施方案的通知.txt"


@pytest.fixture
def opened(open_draft):
    return open_draft(DRAFT)


def view_rows(window) -> list[list[tuple[int, str]]]:
    """Page view's lines, page by page, each with its row on the page and its text."""
    view = window.feature(PageView)
    doc = window.editor.document()
    pitch = view.layout.pitch if view.layout.grid else None  # at the zoom
    pages: dict[int, list[tuple[int, str]]] = {}
    block = doc.begin()
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            y = rect.top() + line.y() + line.height() / 2  # the line's middle: a title's glyphs overhang its pitch
            page = view.page_at(y)
            row = int((y - view.top - (page - 1) * view.page_height()) // pitch) if pitch else 0
            text = block.text()[line.textStart():line.textStart() + line.textLength()]
            pages.setdefault(page, []).append((row, text.lstrip(LEADING_SPACE) if i == 0 else text))
        block = block.next()
    return [pages[k] for k in sorted(pages)]


def view_lines(window) -> list[list[str]]:
    """The editor's lines, page by page, as laid out in page view."""
    return [[text for _row, text in page] for page in view_rows(window)]


def print_rows(window) -> list[list[tuple[int, str]]]:
    """The lines the official print renderer sets, page by page, with their rows."""
    pages = official_document(to_model(window.editor.document()))
    out = []
    for p in range(1, pages.page_count() + 1):
        first = pages.page_starts[p - 1]
        out.append([(pages.slots[first + k] % pages.lines_per_page,
                     layout.text()[layout.lineAt(i).textStart():layout.lineAt(i).textStart() + layout.lineAt(i).textLength()])
                    for k, (layout, i, _x) in enumerate(pages.page_lines(p))])
    return out


def print_lines(window) -> list[list[str]]:
    """The lines the official print renderer sets, page by page."""
    return [[text for _row, text in page] for page in print_rows(window)]


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
    assert isinstance(window.editor.document().documentLayout(), SheetLayout)
    saved = tmp_path / "saved.docx"
    assert window.session.save_to(saved)
    window.actions_by_name["page_view"].trigger()
    plain = tmp_path / "plain.docx"
    assert window.session.save_to(plain)
    with zipfile.ZipFile(saved) as a, zipfile.ZipFile(plain) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")
    assert saved.read_bytes() == copy.read_bytes()  # unedited: the very file that was opened


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
    assert isinstance(doc.documentLayout(), SheetLayout)
    assert max(len(t) for t in view_lines(window)[0]) == 28
    assert to_model(doc).blocks[0].style == "title"
    doc.setModified(False)


def test_switching_the_view_keeps_the_undo_history(opened, qtbot):
    editor = opened.editor
    doc = editor.document()
    toggle = opened.actions_by_name["page_view"]
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    commit_text(editor, "第一次输入")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, "第二次输入")
    typed = editor.toPlainText()
    assert typed.endswith("第一次输入\n第二次输入")

    toggle.trigger()  # on
    assert opened.feature(PageView).active
    assert doc.isUndoAvailable()
    assert editor.toPlainText() == typed
    assert doc.isModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().endswith("第一次输入\n")  # the typing before the switch is undone
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == typed

    toggle.trigger()  # off again
    assert not opened.feature(PageView).active
    assert doc.isUndoAvailable()
    assert editor.toPlainText() == typed
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().endswith("第一次输入\n")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == DRAFT  # all the way back to the file as opened
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == typed
    assert "撤销" not in opened.statusBar().currentMessage()


def test_a_real_notice_breaks_lines_and_pages_as_it_prints(window, qtbot):
    source = Path(__file__).parents[3] / "resources" / "corpus" / "govcn" / NOTICE
    text = source.read_text(encoding="utf-8")
    copy = Path(window.settings.path).parent / "通知.txt"
    copy.write_text(text, encoding="utf-8")
    assert window.session.open_path(copy)  # as File ▸ Open does
    window.actions_by_name["page_view"].trigger()
    view, paper = view_rows(window), print_rows(window)
    assert len(paper) >= 3  # a real multi-page document
    assert view == paper  # every line and every page break, row for row
    assert window.feature(PageView).page_count() == len(paper)
    window.actions_by_name["zoom_in"].trigger()  # the editor's zoom leaves the sheets as they print
    assert view_rows(window) == paper
    window.actions_by_name["zoom_reset"].trigger()

    # Typing near the start moves every later line and page break: they still fall where they print.
    editor = window.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(12).position() + 3)
    editor.setTextCursor(cursor)
    commit_text(editor, PARA)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, "一、新加的标题")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert view_rows(window) == print_rows(window) != paper
    for _ in range(4):
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == text.rstrip("\n") or editor.toPlainText() == text
    assert view_rows(window) == paper


def test_hanging_comma_keep_with_next_and_page_break_as_print(window, tmp_path):
    """A comma hangs in the margin; a heading at a page's foot moves down; a page break starts a page."""
    hanging = "一" * 26 + "，" + "二" * 10  # the comma is the 27th character of a 26-character first line
    body = [para(run("关于做好年度工作的通知"), ppr='<w:pStyle w:val="a3"/>'), para(run(hanging))]
    body += [para(run(PARA)) for _ in range(9)]  # two lines each: the heading falls on row 21, the last
    body += [para(run("一、总体要求"), ppr='<w:pStyle w:val="1"/>'), para(run(PARA))]
    body += [para(run("二、工作安排"), ppr='<w:pStyle w:val="1"/><w:pageBreakBefore/>'), para(run(PARA))]
    path = build_docx(tmp_path / "通知.docx", "".join(body))
    assert window.session.open_path(path)
    window.actions_by_name["page_view"].trigger()
    view = view_rows(window)
    assert view == print_rows(window)
    assert view[0][1] == (1, "一" * 26 + "，")  # the comma hangs: 27 characters on a 26-character line
    assert view[0][-1][0] < 21
    assert view[1][0] == (0, "一、总体要求")
    assert view[2][0] == (0, "二、工作安排")  # the page break
    assert len(view[1]) == 3


def test_plain_page_view_breaks_pages_as_plain_print(window, tmp_path):
    from editor.gui.output.page_render import paged

    window.settings.set("export_style", "plain")
    text = "\n".join(["年度工作总结", *[PARA * 4] * 40])
    src = tmp_path / "总结.txt"
    src.write_text(text, encoding="utf-8")
    assert window.session.open_path(src)
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.layout.grid is None
    doc = window.editor.document()
    height = view.page_height()
    lines_by_page: dict[int, int] = {}
    block = doc.begin()
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        for i in range(block.layout().lineCount()):
            line = block.layout().lineAt(i)
            top = rect.top() + line.y() - view.top + 0.05  # Qt keeps positions in 1/64 px
            assert int(top // height) == int((top + line.height() - 0.1) // height)  # no line crosses a page foot
            lines_by_page[int(top // height) + 1] = lines_by_page.get(int(top // height) + 1, 0) + 1
        block = block.next()
    printed = paged(doc, "plain", window.base_point_size)
    assert view.page_count() == printed.page_count() == len(lines_by_page) > 2



def test_typing_near_the_start_of_a_long_document_moves_every_later_page(open_draft, qtbot):
    """The paragraphs far below an edit are placed later, between keystrokes; they still end up as in print."""
    window = open_draft("\n".join(["年度工作总结", *[f"{i + 1}.{PARA}" if i % 9 == 0 else PARA for i in range(400)]]))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.layout.waiting() > 0  # set up to the cursor (the start) at once, the rest while the writer pauses
    pages = len(print_rows(window))
    # Set and placed without asking for every page: the sheets painted come to the printed count.
    qtbot.waitUntil(lambda: view.layout.waiting() == 0 and view.layout.estimated_pages() == pages, timeout=20000)
    before = view.page_count()
    editor = window.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(3).position())
    editor.setTextCursor(cursor)
    commit_text(editor, PARA * 2)  # three more lines: every later paragraph moves, some headings to a new page
    assert view_rows(window) == print_rows(window)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(50)  # the rest is placed between keystrokes
    assert view.page_count() == len(print_rows(window)) >= before
    assert view_rows(window) == print_rows(window)


def test_clicks_and_arrow_keys_find_their_place_on_the_sheet(opened, qtbot):
    opened.actions_by_name["page_view"].trigger()
    editor = opened.editor
    doc = editor.document()
    block = doc.findBlockByNumber(4)
    rect = doc.documentLayout().blockBoundingRect(block)
    line = block.layout().lineAt(1)
    editor.ensureCursorVisible()
    editor.verticalScrollBar().setValue(int(rect.top()) - 100)
    x = line.cursorToX(line.textStart() + 5)[0] + 3  # just right of the sixth character's left edge
    point = QPoint(int(rect.left() + x) - editor.horizontalScrollBar().value(),
                   int(rect.top() + line.y() + line.height() / 2) - editor.verticalScrollBar().value())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    cursor = editor.textCursor()
    assert cursor.blockNumber() == 4
    assert cursor.position() - block.position() == line.textStart() + 5  # the sixth character of the line
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert editor.textCursor().position() - block.position() == block.layout().lineAt(2).textStart() + 5
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # into the paragraph before, its last line
    before = doc.findBlockByNumber(3)
    assert editor.textCursor().blockNumber() == 3
    last_line = before.layout().lineAt(before.layout().lineCount() - 1)
    assert editor.textCursor().position() - before.position() >= last_line.textStart()


def test_another_export_style_in_preferences_changes_the_sheets_and_keeps_the_undo_history(opened, qtbot):
    opened.actions_by_name["page_view"].trigger()
    editor = opened.editor
    editor.setFocus()
    commit_text(editor, "新加")
    view = opened.feature(PageView)
    assert view.layout.grid is not None
    opened.settings.set("export_style", "plain")
    opened.apply_settings(["export_style"])  # what Preferences ▸ OK does
    assert view.active
    assert view.layout.grid is None  # the plain page: the paragraphs' own formats
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == DRAFT



def test_a_plain_title_over_styled_headings_is_a_title_in_page_view_as_in_print(window, tmp_path):
    """Word users type the title as a plain paragraph and style 一、 as a heading: both views take it as the title."""
    title = "关于进一步做好全市冬春季节安全生产和森林防火工作的紧急通知"  # 30 characters: two title lines
    body = [para(run(title)), para(run("各区县人民政府：")), para(run(PARA))]
    body += [para(run("一、总体要求"), ppr='<w:pStyle w:val="1"/>'), para(run(PARA))]
    path = build_docx(tmp_path / "通知.docx", "".join(body))
    assert window.session.open_path(path)
    window.actions_by_name["page_view"].trigger()
    view = view_rows(window)
    assert view == print_rows(window)
    title_lines = [text for _row, text in view[0] if text and text in title]
    assert len(title_lines) == 2  # set as a title (22 pt), not as 28-character body lines
    assert "".join(title_lines) == title
