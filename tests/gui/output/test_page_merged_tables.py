"""A Word table with its own column widths and merged cells, in page view and Yuku's print, as LibreOffice prints it.

The table: three columns 1400, 4000 and 2900 twips wide; "项目名称" and "合计" span the first two;
the label "基本情况说明事项" spans rows 2 and 3 of the first column and needs four lines (its
first-line indent leaves room for one character on the first), so row 3, the last it covers,
grows to three lines, as in Word and LibreOffice.
"""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from editor.gui.document.bridge import to_model
from editor.gui.output import print_actions
from editor.gui.output.page_render import official_document
from editor.gui.output.page_view import PageView
from editor.gui.output.sheet_tables import CELL_PAD, PX_PER_TWIP
from tests.docx_fixtures import build_docx, para, run
from tests.gui.helpers import commit_text, libreoffice_reference
from tests.pdf_pages import words

GRID = (1400, 4000, 2900)
LABEL = "基本情况说明事项"


def _tc(text: str, width: int, props: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{props}</w:tcPr>{para(run(text))}</w:tc>'


def merged_docx(path):
    """The notice with the merged table, then one paragraph."""
    rows = [_tc("项目名称", 5400, '<w:gridSpan w:val="2"/>') + _tc("说明", 2900),
            _tc(LABEL, 1400, '<w:vMerge w:val="restart"/>') + _tc("甲一", 4000) + _tc("乙一", 2900),
            _tc("", 1400, "<w:vMerge/>") + _tc("甲二", 4000) + _tc("乙二", 2900),
            _tc("合计", 5400, '<w:gridSpan w:val="2"/>') + _tc("丙三", 2900)]
    tbl = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
           + "".join(f'<w:gridCol w:w="{w}"/>' for w in GRID) + "</w:tblGrid>"
           + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>")
    body = (para(run("关于表格的通知")) + para(run("各单位要高度重视，认真组织，确保各项工作落到实处。")) + tbl
            + para(run("表格之后的一段。")))
    return build_docx(path, body)


@pytest.fixture
def merged(window, tmp_path):
    assert window.session.open_path(merged_docx(tmp_path / "表格.docx"))
    window.actions_by_name["page_view"].trigger()
    assert window.feature(PageView).active
    return window


def _table(window):
    (table,) = window.editor.document().rootFrame().childFrames()
    return table


def _rect(window, r: int, c: int):
    block = _table(window).cellAt(r, c).firstCursorPosition().block()
    return window.editor.document().documentLayout().blockBoundingRect(block)


def test_page_view_sets_the_file_widths_and_merged_cells(merged):
    view = merged.feature(PageView)
    pitch, left = view.layout.pitch, view.layout.left
    line = {name: round((_rect(merged, r, c).top() - view.top) / pitch)
            for name, r, c in (("项目", 0, 0), ("甲一", 1, 1), ("甲二", 2, 1), ("合计", 3, 0), ("丙三", 3, 2))}
    assert line["甲一"] - line["项目"] == 1
    assert line["甲二"] - line["甲一"] == 1  # the merged label does not stretch row 2 …
    assert line["合计"] - line["甲二"] == 3  # … row 3, its last, grows to hold its four lines
    assert line["丙三"] == line["合计"]
    label = _table(merged).cellAt(1, 0).firstCursorPosition().block()
    assert label.layout().lineCount() == 4
    # Cells start at the file's column edges (plus the cell margin): 0, 1400 and 5400 twips.
    edges = [0, GRID[0], GRID[0] + GRID[1]]
    for (r, c), edge in zip(((1, 0), (1, 1), (1, 2)), edges, strict=True):
        block = _table(merged).cellAt(r, c).firstCursorPosition().block()
        x = view.layout.origin(block.blockNumber()).x() - left
        assert x == pytest.approx(edge * PX_PER_TWIP + CELL_PAD, abs=0.01)
    # The merged "项目名称" breaks its lines in both columns' width.
    row = view.layout.row_at(_table(merged).cellAt(0, 0).firstCursorPosition().block().blockNumber())
    assert row is not None
    assert row.cells[0].width == pytest.approx((GRID[0] + GRID[1]) * PX_PER_TWIP - 2 * CELL_PAD)
    # Print puts the rows on the same lines.
    printed = official_document(to_model(merged.editor.document()))
    starts = [row.start for row in printed.table_rows]
    assert [s - starts[0] for s in starts] == [0, 1, 2, 5]
    assert starts[0] == line["项目"]


def test_grid_lines_stop_at_merged_cells(merged):
    editor = merged.editor
    editor.verticalScrollBar().setValue(0)
    editor.horizontalScrollBar().setValue(0)
    image = editor.viewport().grab().toImage()
    label, first, second = _rect(merged, 1, 0), _rect(merged, 1, 1), _rect(merged, 2, 1)
    y = int((first.bottom() + second.top()) / 2)  # between rows 2 and 3

    def dark(x: int) -> bool:
        return any(QColor(image.pixel(QPoint(x, yy))).lightness() < 160 for yy in range(y - 4, y + 5))

    assert dark(int(first.left() + 30))  # the line between rows 2 and 3 under 甲一 …
    assert not dark(int(label.left() + 3))  # … stops at the merged label (no text there at that height either)
    # No vertical line through "项目名称" where its two columns meet.
    top = _rect(merged, 0, 0)
    x = int(_rect(merged, 1, 1).left() - CELL_PAD)
    assert not any(QColor(image.pixel(QPoint(xx, int(top.center().y())))).lightness() < 160
                   for xx in range(x - 2, x + 3))
    assert any(QColor(image.pixel(QPoint(xx, int(first.center().y())))).lightness() < 160
               for xx in range(x - 2, x + 3))


def test_a_click_in_a_merged_cell_below_its_first_row_types_in_it(merged, qtbot):
    editor = merged.editor
    label, second = _rect(merged, 1, 0), _rect(merged, 2, 1)
    editor.verticalScrollBar().setValue(0)
    point = QPoint(int(label.left() + 20) - editor.horizontalScrollBar().value(), int(second.bottom()) + 20)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    cursor = editor.textCursor()
    cell = cursor.currentTable().cellAt(cursor)
    assert (cell.row(), cell.column(), cell.rowSpan()) == (1, 0, 2)
    commit_text(editor, "新")
    assert "新" in _table(merged).cellAt(1, 0).firstCursorPosition().block().text()
    model = next(b for b in to_model(editor.document()).blocks if hasattr(b, "rows"))
    assert "新" in "".join(p.text for p in model.rows[1][0])
    assert model.down == [[1, 1], [2, 1, 1], [0, 1, 1], [1, 1]]
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _table(merged).cellAt(1, 0).firstCursorPosition().block().text() == LABEL


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_print_sets_the_merged_table_where_libreoffice_prints_the_official_docx(window, no_blocking_dialogs, tmp_path):
    assert window.session.open_path(merged_docx(tmp_path / "表格.docx"))
    libreoffice_reference(window, no_blocking_dialogs, tmp_path)
    ours = tmp_path / "ours.pdf"
    print_actions.write_pdf(window.editor.document(), ours, window.base_point_size, "official")

    def places(pdf) -> dict[str, tuple[float, float]]:
        found = words(pdf, 1)
        body = next(w for w in found if w.text.startswith("各单位"))
        return {w.text: (round(w.x0 - body.x0, 1), round(w.y1 - body.y1, 1)) for w in found
                if w.text in ("项目名称", "说明", "基", "本情况", "说明事", "项", "甲一", "甲二", "乙二", "合计", "丙三",
                              "表格之后的一段。")}

    reference, printed = places(tmp_path / "ref.pdf"), places(ours)
    assert set(printed) == set(reference)
    assert len(reference) == 12  # the label in four lines: 基 / 本情况 / 说明事 / 项
    for text, (x, y) in reference.items():
        assert printed[text][0] == pytest.approx(x, abs=0.6), text  # the file's column widths
        assert printed[text][1] == pytest.approx(y, abs=0.6), text  # row 3 grows under the label, as LibreOffice


def test_a_table_wider_than_the_text_is_narrowed_alike_in_page_view_and_print(qapp):
    from PySide6.QtGui import QTextLength

    from editor.core.formats.official_style import prepare_official
    from editor.core.model.document import Document, Paragraph, Run, Table
    from editor.gui.output.sheet_tables import column_edges

    text_width = 156 * 96 / 25.4  # the official text block, px
    wide = [300.0, 200.0]  # points: 500 pt, wider than the text's 442 pt
    fixed = [QTextLength(QTextLength.Type.FixedLength, w * 96 / 72) for w in wide]
    edges = column_edges(2, text_width, fixed)  # page view: from the editor's table
    assert edges[-1] == pytest.approx(text_width)
    assert (edges[1] - edges[0]) / (edges[2] - edges[1]) == pytest.approx(1.5)
    printed = prepare_official(Document([Table([[[Paragraph([Run("甲")])], [Paragraph([Run("乙")])]]], widths=wide)]))
    (table,) = printed.blocks
    assert column_edges(2, text_width, [QTextLength(QTextLength.Type.FixedLength, w * 96 / 72)
                                        for w in table.widths]) == pytest.approx(edges, abs=0.05)
    # a column without a width of its own takes what is left of the 8300 twips
    assert column_edges(2, text_width, fixed[:1] + [QTextLength()]) == pytest.approx([0.0, 400.0, 8300 * PX_PER_TWIP])


def crossing_docx(path):
    """Nineteen paragraphs, then a table whose first column is one cell merged down four rows, across a page break."""
    rows = [_tc("标签甲乙", 1400, '<w:vMerge w:val="restart"/>') + _tc("第0行", 4000) + _tc("右0", 2900)]
    rows += [_tc("", 1400, "<w:vMerge/>") + _tc(f"第{r}行", 4000) + _tc(f"右{r}", 2900) for r in range(1, 4)]
    tbl = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
           + "".join(f'<w:gridCol w:w="{w}"/>' for w in GRID) + "</w:tblGrid>"
           + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>")
    body = para(run("关于表格的通知")) + "".join(para(run(f"正文第{i}段。")) for i in range(19)) + tbl + para(run("表后。"))
    return build_docx(path, body)


def test_a_merged_cell_parted_by_a_page_break_goes_on_in_its_rows_on_the_next_page(window, tmp_path):
    assert window.session.open_path(crossing_docx(tmp_path / "跨页.docx"))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    per_page = view.layout.grid.per_page
    printed = official_document(to_model(window.editor.document()))
    starts = [row.start for row in printed.table_rows]
    assert starts[0] == per_page - 2  # row one on page one; its last line is left (borders), row two on page two
    assert starts[1] == per_page
    label_lines = [printed.slots[k] for k, (layout, _i, _x) in enumerate(printed.lines) if layout.text() == "标签甲乙"]
    assert label_lines == [per_page - 2, per_page]  # "标" / "签甲乙": the cell goes on beside row two
    # Page view: the label's second line on page two, beside row two.
    label = _table(window).cellAt(0, 0).firstCursorPosition().block()
    view.layout.ready(label.blockNumber())
    second_row = _rect(window, 1, 1)
    rect = window.editor.document().documentLayout().blockBoundingRect(label)
    line = label.layout().lineAt(1)
    assert view.page_at(rect.top() + line.y() + line.height() / 2) == 2
    assert rect.top() + line.y() + line.height() / 2 == pytest.approx(second_row.center().y(), abs=1.5)
    # Its cell is closed at page one's foot, as print and LibreOffice draw it.
    editor = window.editor
    first = label.layout().lineAt(0)
    y = rect.top() + first.y() + first.height()
    editor.verticalScrollBar().setValue(int(y) - 200)
    image = editor.viewport().grab().toImage()
    x = int(rect.left() + 20) - editor.horizontalScrollBar().value()
    under = [yy for yy in range(int(y) - editor.verticalScrollBar().value(), int(y) - editor.verticalScrollBar().value() + 25)
             if QColor(image.pixel(QPoint(x, yy))).lightness() < 160]
    assert under


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_merged_cell_parted_by_a_page_break_prints_as_libreoffice_prints_it(window, no_blocking_dialogs, tmp_path):
    from tests.pdf_pages import page_texts

    assert window.session.open_path(crossing_docx(tmp_path / "跨页.docx"))
    libreoffice_reference(window, no_blocking_dialogs, tmp_path)
    ours = tmp_path / "ours.pdf"
    print_actions.write_pdf(window.editor.document(), ours, window.base_point_size, "official")
    reference = page_texts(tmp_path / "ref.pdf")
    assert reference[1].startswith("签甲乙第1行")  # LibreOffice: the label goes on at the top of page two
    assert page_texts(ours) == reference
    # Both close the label's cell with a line at page one's foot and open it with one at page two's top:
    # down the label's column, page one crosses the first row's top and bottom lines, page two the
    # cell's top and the table's bottom.
    for pdf in (tmp_path / "ref.pdf", ours):
        assert [_crossings(pdf, page, x=28 * 72 / 25.4 + 3) for page in (1, 2)] == [2, 2], pdf.name


def _crossings(pdf, page: int, x: float) -> int:
    """How many horizontal lines a page's pixel column at x (points) crosses."""
    from PySide6.QtGui import QImage

    stem = pdf.with_name(f"{pdf.stem}-{page}")
    subprocess.run(["pdftoppm", "-r", "144", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf), str(stem)],
                   check=True)
    image = QImage(str(stem) + ".png")
    dark = [QColor(image.pixel(int(2 * x), y)).lightness() < 160 for y in range(image.height())]
    return sum(1 for y in range(1, len(dark)) if dark[y] and not dark[y - 1])
