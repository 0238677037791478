"""Tables in page view and in Yuku's own print: cells side by side, clicks and typing in a cell, on paper too."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from editor.gui.document.bridge import to_model
from editor.gui.output import print_actions
from editor.gui.output.page_render import official_document
from editor.gui.output.page_view import PageView
from editor.gui.output.sheet_tables import BORDER
from tests.conftest import libreoffice_or_skip
from tests.docx_fixtures import build_docx, para, run
from tests.gui.helpers import commit_text, libreoffice_reference
from tests.pdf_pages import page_texts, words

PARA = "各单位要高度重视，认真组织，确保各项工作落到实处，按时完成任务目标。"
LONG = "很长的内容需要换行显示在单元格里面"


def cell_xml(text: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="2765" w:type="dxa"/></w:tcPr>{para(run(text))}</w:tc>'


def table_docx(path, rows: int = 4, before: int = 2, after: int = 1):
    """A notice with a 3-column table; row 2's middle cell wraps onto three lines."""
    body = "".join(f"<w:tr>{cell_xml(f'第{r}行甲')}{cell_xml(f'第{r}行乙' + (LONG if r == 2 else ''))}"
                   f"{cell_xml(f'第{r}行丙')}</w:tr>" for r in range(1, rows + 1))
    grid = '<w:tblGrid><w:gridCol w:w="2765"/><w:gridCol w:w="2765"/><w:gridCol w:w="2765"/></w:tblGrid>'
    tbl = (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
           f"{grid}{body}</w:tbl>")
    xml = para(run("关于表格的通知")) + "".join(para(run(PARA * 2)) for _ in range(before)) + tbl
    # Chinese numerals: a digit would bring Chinese-Latin spacing, where print may break one character differently.
    return build_docx(path, xml + "".join(para(run(f"表格之后的第{'一二三四五六七八九十'[n % 10]}段。" + PARA))
                                          for n in range(after)))


def table_of(window):
    doc = window.editor.document()
    tables = [f for f in doc.rootFrame().childFrames()]
    assert len(tables) == 1
    return tables[0]


def cell_rect(window, table, r: int, c: int):
    """The rectangle of a cell's first paragraph, in document coordinates."""
    doc = window.editor.document()
    block = table.cellAt(r, c).firstCursorPosition().block()
    return doc.documentLayout().blockBoundingRect(block)


@pytest.fixture
def tabled(window, tmp_path):
    assert window.session.open_path(table_docx(tmp_path / "表格.docx"))
    window.actions_by_name["page_view"].trigger()
    assert window.feature(PageView).active
    return window


def test_cells_of_a_row_are_side_by_side_in_page_view(tabled):
    view = tabled.feature(PageView)
    table = table_of(tabled)
    pitch = view.layout.grid.pitch
    for r in range(4):
        rects = [cell_rect(tabled, table, r, c) for c in range(3)]
        assert len({round(rect.top(), 2) for rect in rects}) == 1  # one line: the row's
        assert rects[0].right() <= rects[1].left()
        assert rects[1].right() <= rects[2].left()
        assert all(rect.width() < view.layout.width / 3 for rect in rects)
    # Row 2's middle cell wraps inside its cell: three lines, and the row is as tall as it.
    long_block = table.cellAt(1, 1).firstCursorPosition().block()
    assert long_block.layout().lineCount() == 3
    row2, row3 = cell_rect(tabled, table, 1, 0), cell_rect(tabled, table, 2, 0)
    assert round((row3.top() - row2.top()) / pitch) == 3
    # The paragraph after the table starts under the last row's line and the table's bottom border, as
    # LibreOffice sets it (off the grid by the rows' borders until the page ends); its slot on the grid
    # is a line further down, since the borders take more than the room under a page's last line.
    after = table.lastCursorPosition().block().next()
    assert after.text().startswith("表格之后")
    rect = tabled.editor.document().documentLayout().blockBoundingRect(after)
    last_row = cell_rect(tabled, table, 3, 0)
    last_block = table.cellAt(3, 0).firstCursorPosition().block()
    assert (rect.top() - last_row.top()) / pitch == pytest.approx(1 + BORDER / pitch)
    assert view.layout._start[after.blockNumber()] - view.layout._start[last_block.blockNumber()] == 2
    # 7 lines of text above, 6 of table, and the table's five borders (four rows' and its bottom's).
    assert (rect.top() - view.top) / pitch == pytest.approx(13 + 5 * BORDER / pitch)

    # Grid lines are painted between the cells.
    editor = tabled.editor
    editor.verticalScrollBar().setValue(0)
    image = editor.viewport().grab().toImage()
    a, b = cell_rect(tabled, table, 0, 0), cell_rect(tabled, table, 0, 1)
    x = int((a.right() + b.left()) / 2) - editor.horizontalScrollBar().value()
    ys = range(int(a.top()) + 2, int(a.bottom()) - 2)
    assert any(QColor(image.pixel(QPoint(xx, y))).lightness() < 160 for y in ys for xx in (x - 1, x, x + 1))


def test_a_click_in_a_cell_puts_the_cursor_there_and_typing_lands_in_it(tabled, qtbot):
    editor = tabled.editor
    table = table_of(tabled)
    rect = cell_rect(tabled, table, 1, 2)
    editor.verticalScrollBar().setValue(max(0, int(rect.top()) - 100))
    point = QPoint(int(rect.left() + 40) - editor.horizontalScrollBar().value(),
                   int(rect.center().y()) - editor.verticalScrollBar().value())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    cursor = editor.textCursor()
    cell = cursor.currentTable().cellAt(cursor) if cursor.currentTable() else None
    assert cell is not None
    assert (cell.row(), cell.column()) == (1, 2)
    # The caret is painted in that cell.
    caret = editor.cursorRect()
    caret.translate(editor.horizontalScrollBar().value(), editor.verticalScrollBar().value())
    assert rect.left() - 1 <= caret.center().x() <= rect.right() + 1
    assert rect.top() - 1 <= caret.center().y() <= rect.bottom() + 1

    commit_text(editor, "新增")
    qtbot.keyClick(editor, Qt.Key.Key_End)
    commit_text(editor, "完")
    model = to_model(editor.document())
    table_model = next(b for b in model.blocks if hasattr(b, "rows"))
    cell_text = "".join(r.text for p in table_model.rows[1][2] for r in p.runs)
    assert "新增" in cell_text
    assert cell_text.endswith("完")
    assert cell_text.replace("新增", "").replace("完", "") == "第2行丙"
    # The row still sits side by side after the edit.
    rects = [cell_rect(tabled, table, 1, c) for c in range(3)]
    assert len({round(r.top(), 2) for r in rects}) == 1
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "新增" not in editor.toPlainText()


def test_enter_in_a_cell_makes_the_row_taller(tabled, qtbot):
    editor = tabled.editor
    table = table_of(tabled)
    pitch = tabled.feature(PageView).layout.grid.pitch
    before = cell_rect(tabled, table, 3, 0).top()
    rect = cell_rect(tabled, table, 0, 0)
    editor.verticalScrollBar().setValue(max(0, int(rect.top()) - 100))
    point = QPoint(int(rect.left() + 10) - editor.horizontalScrollBar().value(),
                   int(rect.center().y()) - editor.verticalScrollBar().value())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, "第二段")
    assert round((cell_rect(tabled, table, 3, 0).top() - before) / pitch) == 1  # rows below move one line
    rects = [cell_rect(tabled, table, 0, c) for c in range(3)]
    assert len({round(r.top(), 2) for r in rects}) == 1


def test_a_row_that_does_not_fit_moves_whole_to_the_next_page(window, tmp_path):
    # Title and six three-line paragraphs: the table starts on row 19, its three-line row would cross the foot.
    assert window.session.open_path(table_docx(tmp_path / "表格.docx", rows=6, before=6))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    table = table_of(window)
    per_page, pitch = view.layout.grid.per_page, view.layout.grid.pitch
    rows = [round((cell_rect(window, table, r, 0).top() - view.top) / pitch) for r in range(6)]
    ends = [*rows[1:], None]
    for r, (first, _end) in enumerate(zip(rows, ends, strict=True)):
        height = 3 if r == 1 else 1
        assert first // per_page == (first + height - 1) // per_page  # no row crosses a page's foot
    assert rows[:3] == [19, per_page, per_page + 3]  # the tall row went whole to the top of page 2
    assert view.page_count() == 2
    printed = official_document(to_model(window.editor.document()))
    assert [row.start for row in printed.table_rows] == rows  # where print puts them
    assert printed.page_count() == 2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_printing_with_the_official_style_sets_cells_side_by_side(tabled, tmp_path):
    pdf = tmp_path / "out.pdf"
    assert print_actions.write_pdf(tabled.editor.document(), pdf, tabled.base_point_size, "official") == 1
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # Qt's PDFs map some ideographs to their Kangxi radical twins (行 → ⾏): NFKC folds them back.
    squeezed = [unicodedata.normalize("NFKC", line).replace(" ", "") for line in text.splitlines()]
    for r in (1, 3, 4):
        assert f"第{r}行甲第{r}行乙第{r}行丙" in squeezed  # one line: the row
    assert any(line.startswith("第2行甲第2行乙") and line.endswith("第2行丙") for line in squeezed)
    assert all("第1行甲" not in line or "第1行乙" in line for line in squeezed)



def test_a_click_on_a_zoomed_sheet_finds_the_cell(tabled, qtbot):
    editor = tabled.editor
    editor.setFocus()
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    view = tabled.feature(PageView)
    assert view.zoom == pytest.approx(1.3)
    table = table_of(tabled)
    rect = cell_rect(tabled, table, 2, 1)
    assert rect.width() == pytest.approx(cell_rect(tabled, table, 2, 0).width())
    editor.verticalScrollBar().setValue(max(0, int(rect.top()) - 100))
    editor.horizontalScrollBar().setValue(max(0, int(rect.left()) - 100))
    point = QPoint(int(rect.left() + 20) - editor.horizontalScrollBar().value(),
                   int(rect.center().y()) - editor.verticalScrollBar().value())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    cursor = editor.textCursor()
    cell = cursor.currentTable().cellAt(cursor)
    assert (cell.row(), cell.column()) == (2, 1)


def test_a_row_taller_than_a_page_splits_where_it_falls(window, tmp_path):
    long_cell = "很长的单元格内容，" * 80  # far more than a page of lines in a third of the width
    body = (para(run("关于表格的通知")) + para(run(PARA * 2)) + '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'
            f"<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{cell_xml('甲')}{cell_xml(long_cell)}"
            f"{cell_xml('丙')}</w:tr></w:tbl>" + para(run("表格之后。")))
    assert window.session.open_path(build_docx(tmp_path / "长表.docx", body))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    table = table_of(window)
    pitch, per_page = view.layout.pitch, view.layout.grid.per_page
    start = round((cell_rect(window, table, 0, 0).top() - view.top) / pitch)
    assert start == 4  # right after the title and the paragraph: not moved to a new page
    lines = table.cellAt(0, 1).firstCursorPosition().block().layout().lineCount()
    assert lines > per_page
    printed = official_document(to_model(window.editor.document()))
    assert [(row.start, row.end) for row in printed.table_rows] == [(start, start + lines)]
    assert printed.page_count() == view.page_count() == (start + lines) // per_page + 1


def rows_by_page(pdf) -> list[list[int]]:
    """The table rows (第N行甲) each page of a PDF holds."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [unicodedata.normalize("NFKC", page).replace(" ", "") for page in text.split("\f") if page.strip()]
    return [[r for r in range(1, 100) if f"第{r}行甲" in page] for page in pages]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_long_table_breaks_pages_as_libreoffice_prints_the_official_docx(window, no_blocking_dialogs, tmp_path):
    assert window.session.open_path(table_docx(tmp_path / "表格.docx", rows=30, before=2))
    libreoffice_reference(window, no_blocking_dialogs, tmp_path)
    reference = rows_by_page(tmp_path / "ref.pdf")
    assert len(reference) == 2
    assert reference[0][-1] == 12  # LibreOffice: each row's border adds up, the 13th row does not fit
    ours = tmp_path / "ours.pdf"
    print_actions.write_pdf(window.editor.document(), ours, window.base_point_size, "official")
    assert rows_by_page(ours) == reference
    window.actions_by_name["page_view"].trigger()  # and page view puts the page break there too
    view = window.feature(PageView)
    table = table_of(window)
    tops = [view.page_at(cell_rect(window, table, r - 1, 0).center().y()) for r in range(1, 31)]
    assert [[r for r, page in zip(range(1, 31), tops, strict=True) if page == p] for p in (1, 2)] == reference


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_text_after_a_table_breaks_pages_as_libreoffice_prints_it(window, no_blocking_dialogs, tmp_path):
    """Under a table's rows one line less fits on the page (their borders take the room under the last line)."""
    assert window.session.open_path(table_docx(tmp_path / "表格.docx", rows=4, before=2, after=8))
    libreoffice_reference(window, no_blocking_dialogs, tmp_path)
    ours = tmp_path / "ours.pdf"
    print_actions.write_pdf(window.editor.document(), ours, window.base_point_size, "official")

    def page_lines(pdf):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        return [[line.replace(" ", "") for line in unicodedata.normalize("NFKC", page).splitlines()
                 if line.strip() and "—" not in line] for page in text.split("\f") if page.strip()]

    reference, printed = page_lines(tmp_path / "ref.pdf"), page_lines(ours)
    # Where the lines are: the text after the table under the rows' borders, the next page on the grid again.
    def positions(pdf):
        first_body = next(w.y1 for w in words(pdf, 1) if w.text.startswith("各单位"))
        after = next(w.y1 for w in words(pdf, 1) if w.text.startswith("表格之后的第一段"))
        rows = [w.y1 - first_body for w in words(pdf, 1) if w.text == "行甲"]  # pdftotext: 第 / 1 / 行甲
        assert len(rows) == 4
        # Page 2's first line against page 1's first body line: the same place on the sheet, both on the grid.
        return after - first_body, rows, min(w.y1 for w in words(pdf, 2)) - first_body

    (after, rows, top_of_2), (ref_after, ref_rows, ref_top_of_2) = positions(ours), positions(tmp_path / "ref.pdf")
    assert rows == pytest.approx(ref_rows, abs=0.6)  # each row a border lower than the one before
    assert after == pytest.approx(ref_after, abs=0.6)
    assert top_of_2 == pytest.approx(ref_top_of_2, abs=0.6)
    assert len(reference) == len(printed) == 2
    assert len(reference[0]) == 7 + 6 + 21 - 13  # title, two paragraphs, the table, then 8 lines, not 9
    assert printed[0][-1] == reference[0][-1]  # the page ends on the same line
    assert printed[1][0] == reference[1][0]
    window.actions_by_name["page_view"].trigger()
    rows = [row for row in view_lines_of(window) if row]
    assert unicodedata.normalize("NFKC", rows[0][-1]).replace(" ", "") == reference[0][-1]
    assert len(rows[0]) == 7 + 14 + 8  # 12 cells of one line, one of three; then 8 lines, as LibreOffice
    # The text after the table: under the borders on page 1 (as in print), on the grid again on page 2.
    view = window.feature(PageView)
    pitch, per_page, doc = view.layout.pitch, view.layout.grid.per_page, window.editor.document()
    block, offsets = table_of(window).lastCursorPosition().block().next(), {1: set(), 2: set()}
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        for i in range(block.layout().lineCount()):
            line = block.layout().lineAt(i)
            slot = (rect.top() + line.y() + (line.height() - pitch) / 2 - view.top) / pitch
            offsets[int(slot + 0.5) // per_page + 1].add(round(slot - round(slot), 3))
        block = block.next()
    assert offsets[1] == {round(5 * BORDER / pitch, 3)}  # the table's five borders under the grid line
    assert offsets[2] == {0.0}


def view_lines_of(window) -> list[list[str]]:
    """Page view's lines, page by page (the table's lines included, cell by cell)."""
    view = window.feature(PageView)
    doc = window.editor.document()
    pages: dict[int, list[str]] = {}
    block = doc.begin()
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        for i in range(block.layout().lineCount()):
            line = block.layout().lineAt(i)
            page = view.page_at(rect.top() + line.y() + line.height() / 2)
            pages.setdefault(page, []).append(block.text()[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return [pages[k] for k in sorted(pages)]


def test_new_paragraphs_above_a_table_move_it_whole(tabled, qtbot):
    editor = tabled.editor
    doc = editor.document()
    table = table_of(tabled)
    pitch = tabled.feature(PageView).layout.pitch
    top, blocks = cell_rect(tabled, table, 0, 0).top(), doc.blockCount()
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(doc.findBlockByNumber(1).position())
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    for _ in range(2):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        commit_text(editor, "新加的一段")
    assert round((cell_rect(tabled, table, 0, 0).top() - top) / pitch) == 2  # two lines down
    for r in range(4):
        rects = [cell_rect(tabled, table, r, c) for c in range(3)]
        assert len({round(rect.top(), 2) for rect in rects}) == 1
    # The cells are still found where they are drawn.
    rect = cell_rect(tabled, table, 3, 1)
    editor.verticalScrollBar().setValue(max(0, int(rect.top()) - 100))
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(int(rect.left() + 20) - editor.horizontalScrollBar().value(),
                                int(rect.center().y()) - editor.verticalScrollBar().value()))
    cell = editor.textCursor().currentTable().cellAt(editor.textCursor())
    assert (cell.row(), cell.column()) == (3, 1)
    while doc.blockCount() > blocks:  # undone step by step: each paragraph fewer moves the table a line up
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert round((cell_rect(tabled, table, 0, 0).top() - top) / pitch) == doc.blockCount() - blocks
    assert cell_rect(tabled, table, 0, 0).top() == top


def test_a_drag_across_cells_selects_and_paints_a_rectangle_of_cells(tabled, qtbot):
    editor = tabled.editor
    table = table_of(tabled)
    start, end = cell_rect(tabled, table, 0, 0), cell_rect(tabled, table, 2, 1)
    editor.verticalScrollBar().setValue(max(0, int(start.top()) - 50))
    dx, dy = editor.horizontalScrollBar().value(), editor.verticalScrollBar().value()
    viewport = editor.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(int(start.left() + 10) - dx, int(start.center().y()) - dy))
    qtbot.mouseMove(viewport, QPoint(int(end.left() + 30) - dx, int(end.center().y()) - dy))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(int(end.left() + 30) - dx, int(end.center().y()) - dy))
    cursor = editor.textCursor()
    assert cursor.hasComplexSelection()
    assert cursor.selectedTableCells() == (0, 3, 0, 2)
    qtbot.wait(20)
    image = viewport.grab().toImage()
    highlight = editor.palette().highlight().color()

    def painted(r: int, c: int) -> bool:
        rect = cell_rect(tabled, table, r, c)
        y = int(rect.top() + rect.height() / 2) - dy
        return any(QColor(image.pixel(QPoint(x - dx, y))) == highlight for x in range(int(rect.left()), int(rect.right())))

    assert painted(0, 0)
    assert painted(1, 0)
    assert painted(2, 1)
    assert not painted(0, 2)  # the third column is outside the rectangle, though between in the text
    assert not painted(1, 2)
    assert not painted(3, 0)


def test_plain_pages_split_a_row_taller_than_a_page_between_lines(window, tmp_path):
    from editor.gui.output.page_render import paged

    window.settings.set("export_style", "plain")
    long_cell = "很长的单元格内容，" * 120
    body = (para(run("关于表格的通知")) + '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'
            f"<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{cell_xml('甲')}{cell_xml(long_cell)}</w:tr></w:tbl>"
            + para(run("表格之后。")))
    assert window.session.open_path(build_docx(tmp_path / "长表.docx", body))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.layout.grid is None
    doc = window.editor.document()
    block = table_of(window).cellAt(0, 1).firstCursorPosition().block()
    rect = doc.documentLayout().blockBoundingRect(block)
    height, pages = view.page_height(), set()
    for i in range(block.layout().lineCount()):
        line = block.layout().lineAt(i)
        top = rect.top() + line.y() - view.top + 0.05
        assert int(top // height) == int((top + line.height() - 0.1) // height)  # no line crosses a page's foot
        pages.add(int(top // height))
    assert len(pages) >= 2  # the row goes on over the next page
    assert view.page_count() == paged(doc, "plain", window.base_point_size).page_count() == max(pages) + 1


def test_a_click_on_the_text_under_a_table_puts_the_cursor_there(tabled, qtbot):
    editor = tabled.editor
    doc = editor.document()
    after = table_of(tabled).lastCursorPosition().block().next()
    rect = doc.documentLayout().blockBoundingRect(after)
    line = after.layout().lineAt(0)
    editor.verticalScrollBar().setValue(max(0, int(rect.top()) - 100))
    x = line.cursorToX(line.textStart() + 4)[0] + 3
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(int(rect.left() + x) - editor.horizontalScrollBar().value(),
                                int(rect.top() + line.y() + line.height() / 2) - editor.verticalScrollBar().value()))
    cursor = editor.textCursor()
    assert cursor.block() == after
    assert cursor.positionInBlock() == 4
    caret = editor.cursorRect().translated(editor.horizontalScrollBar().value(), editor.verticalScrollBar().value())
    assert abs(caret.top() - (rect.top() + line.y())) <= 1


def test_arrow_keys_move_between_the_cells_of_a_column(tabled, qtbot):
    editor = tabled.editor
    table = table_of(tabled)
    rect = cell_rect(tabled, table, 0, 1)
    editor.verticalScrollBar().setValue(max(0, int(rect.top()) - 100))
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(int(rect.left() + 15) - editor.horizontalScrollBar().value(),
                                int(rect.center().y()) - editor.verticalScrollBar().value()))

    def cell() -> tuple[int, int]:
        found = table.cellAt(editor.textCursor())
        return found.row(), found.column()

    assert cell() == (0, 1)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert cell() == (1, 1)
    for _ in range(3):  # the three lines of the tall cell, then the row below
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert cell() == (2, 1)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert cell() == (1, 1)
    assert editor.textCursor().block().layout().lineForTextPosition(editor.textCursor().positionInBlock()).lineNumber() == 2


def test_a_document_opening_with_a_table_takes_its_title_from_the_text_after_it(window, tmp_path):
    tbl = (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>'
           f"<w:tr>{cell_xml('附件一')}{cell_xml('编号')}</w:tr></w:tbl>")
    body = tbl + para(run("关于表格的通知")) + para(run(PARA * 2)) + para(run("一、总体要求")) + para(run(PARA))
    assert window.session.open_path(build_docx(tmp_path / "表格在前.docx", body))
    window.actions_by_name["page_view"].trigger()
    doc = window.editor.document()
    title = table_of(window).lastCursorPosition().block().next()
    assert title.text() == "关于表格的通知"
    doc.documentLayout().blockBoundingRect(title)  # set

    def size(block) -> float:
        sizes = [fr.format.fontPointSize() for fr in block.layout().formats() if fr.format.fontPointSize()]
        return max(sizes)

    cell = table_of(window).cellAt(0, 0).firstCursorPosition().block()
    assert size(title) == 22  # the title's 小标宋 22 pt, as print recognises it (the first paragraph outside tables)
    assert size(cell) == 16  # the table's text is body text
    printed = official_document(to_model(doc))
    assert printed.paragraph_lines[2] == ["关于表格的通知"]  # after the table's two cells: the title, on one line
    assert printed.roles["title"].font.pointSizeF() == 22


def test_deleting_the_table_puts_the_text_after_it_back_on_the_grid_and_undo_brings_it_back(tabled, qtbot):
    editor = tabled.editor
    doc = editor.document()
    view = tabled.feature(PageView)
    table = table_of(tabled)
    cursor = editor.textCursor()
    cursor.setPosition(table.firstPosition() - 1)
    cursor.setPosition(table.lastPosition() + 1, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert not [f for f in doc.rootFrame().childFrames()]
    block = doc.begin()
    while block.isValid():
        top = doc.documentLayout().blockBoundingRect(block).top()
        slot = (top - view.top) / view.layout.pitch
        assert slot == pytest.approx(round(slot), abs=1e-6)  # every paragraph on its grid line again
        block = block.next()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the table comes back, set as before
    table = table_of(tabled)
    for r in range(4):
        rects = [cell_rect(tabled, table, r, c) for c in range(3)]
        assert len({round(rect.top(), 2) for rect in rects}) == 1
        assert rects[0].right() <= rects[1].left()


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_notices_table_breaks_pages_as_libreoffice_prints_its_docx(qapp, tmp_path):
    """A 公文's table: Yuku's print has the pages LibreOffice prints from its official DOCX.

    Under a 版头, page one's lines are set off the grid (its height is no whole line): a row there that
    ends on the page's last line still fits, as in LibreOffice; and the 落款 goes where the DOCX has it.
    """
    from PySide6.QtGui import QPdfWriter

    from editor.core.gongwen.export import export_bytes
    from editor.core.gongwen.parts import from_properties
    from editor.gui.output.font_report import installed_families
    from editor.gui.output.gongwen_pages import official_pages
    from tests.gui.output.test_gongwen_closing import table_document

    exe = libreoffice_or_skip()
    fonts = installed_families()
    cases = [(rows, tail) for rows in (2, 4, 6, 7, 9, 14, 19, 21) for tail in (False, True)]
    for rows, tail in cases:
        doc = table_document(rows, tail)
        (tmp_path / f"t{rows}{tail:d}.docx").write_bytes(
            export_bytes(doc, from_properties(doc.properties), None, None, fonts))
        writer = QPdfWriter(str(tmp_path / f"y{rows}{tail:d}.pdf"))
        writer.setResolution(300)
        assert official_pages(doc, fonts).paint(writer) > 0
        del writer  # the PDF is written when the writer goes
    subprocess.run([exe, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *(str(tmp_path / f"t{r}{t:d}.docx") for r, t in cases)],
                   check=True, capture_output=True, timeout=600)
    for rows, tail in cases:
        reference = page_texts(tmp_path / f"t{rows}{tail:d}.pdf")
        assert page_texts(tmp_path / f"y{rows}{tail:d}.pdf") == reference, (rows, tail)
        if rows == 7:  # all seven rows on page one, the last on its last line
            assert "单位6" in reference[0]


def test_page_view_breaks_a_notices_table_where_print_does(window, qtbot, tmp_path):
    import dataclasses

    from editor.core.gongwen.parts import Parts
    from editor.gui.gongwen.actions import GongwenActions
    from editor.gui.output.gongwen_pages import official_pages

    assert window.session.open_path(table_docx(tmp_path / "表格.docx", rows=24, before=2))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    form = window.feature(GongwenActions).form
    form.set_parts(dataclasses.replace(Parts(), issuer_marks=["江城市人民政府文件"], doc_number="江政发〔2024〕3号"))
    qtbot.waitUntil(lambda: view.layout.gongwen is not None, timeout=3000)
    printed = official_pages(to_model(window.editor.document()))
    assert printed.first_page_shift < 0  # page one's lines a little up: room for a row's borders under the last line
    per_page = printed.lines_per_page
    table = table_of(window)
    on_page = [view.page_at(cell_rect(window, table, r, 0).center().y()) for r in range(24)]
    assert on_page == [row.start // per_page + 1 for row in printed.table_rows]
    last_on_one = max(r for r, page in enumerate(on_page) if page == 1)
    assert printed.table_rows[last_on_one].end == per_page  # the row on page one's last line stayed there


def two_tables_docx(path):
    """Two tables of three rows with a paragraph between them, then fifteen one-line paragraphs."""
    def table(tag: str) -> str:
        grid = '<w:tblGrid><w:gridCol w:w="2765"/><w:gridCol w:w="2765"/><w:gridCol w:w="2765"/></w:tblGrid>'
        rows = "".join(f"<w:tr>{cell_xml(f'{tag}{r}甲')}{cell_xml(f'{tag}{r}乙')}{cell_xml(f'{tag}{r}丙')}</w:tr>"
                       for r in range(3))
        return f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>{grid}{rows}</w:tbl>'

    after = "".join(para(run(f"之后第{c}段。")) for c in "一二三四五六七八九十甲乙丙丁戊")
    return build_docx(path, para(run("关于表格的通知")) + para(run("第一段。")) + table("一") + para(run("中间一段。"))
                      + table("二") + after)


def test_a_second_table_on_the_page_follows_the_text_as_printed(window, tmp_path):
    """Two tables on a page: the second follows the text between them, in page view as in print.

    That text is set under the first table's borders, and the second table right under it; the page
    gives up its last line to borders once, not once a table.
    """
    assert window.session.open_path(two_tables_docx(tmp_path / "两表.docx"))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    printed = official_document(to_model(window.editor.document()))
    pitch, doc = view.layout.pitch, window.editor.document()
    tops = {}
    block = doc.begin()
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        tops[block.text()] = (rect.top() - view.top) / pitch
        block = block.next()
    # Line tops in print, in lines from the text block's top (nudge: off the grid by the borders above).
    from editor.gui.output import print_tables

    print_tops = {}
    for k, (layout, i, _x) in enumerate(printed.lines):
        line = layout.lineAt(i)
        text = layout.text()[line.textStart():line.textStart() + line.textLength()]
        print_tops.setdefault(text, printed.slots[k] + print_tables.nudge(printed, printed.slots[k]))
    for text in ("中间一段。", "二0甲", "二2丙", "之后第一段。", "之后第五段。"):
        assert tops[text] == pytest.approx(print_tops[text], abs=0.02), text
    assert tops["二0甲"] - tops["中间一段。"] == pytest.approx(1 + BORDER / pitch, abs=0.02)  # right under it
    assert printed.page_count() == view.page_count() == 2
    assert view_lines_of(window)[0][-1] == "之后第乙段。"  # 22 lines less one, as LibreOffice


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_two_tables_on_a_page_print_as_libreoffice_prints_them(window, no_blocking_dialogs, tmp_path):
    assert window.session.open_path(two_tables_docx(tmp_path / "两表.docx"))
    libreoffice_reference(window, no_blocking_dialogs, tmp_path)
    ours = tmp_path / "ours.pdf"
    print_actions.write_pdf(window.editor.document(), ours, window.base_point_size, "official")

    def lines(pdf) -> list[tuple[str, float]]:
        found = words(pdf, 1)
        first = next(w.y1 for w in found if w.text.startswith("第一段"))
        return [(w.text, round(w.y1 - first, 1)) for w in found if w.text.startswith(("中间", "之后", "甲"))
                or w.text in ("二", "一")]

    reference, printed = lines(tmp_path / "ref.pdf"), lines(ours)
    assert [t for t, _y in printed] == [t for t, _y in reference]
    for (text, y), (_t, ref) in zip(printed, reference, strict=True):
        assert y == pytest.approx(ref, abs=0.6), text
    assert page_texts(ours) == page_texts(tmp_path / "ref.pdf")  # the same lines on each page
