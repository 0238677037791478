"""Painting and hit-testing of page view's layout (sheet_layout.SheetLayout): paragraphs, table cells, the caret.

A paragraph in a table cell is drawn, clicked and given the caret at its cell's place, so a click
in a cell puts the cursor in that cell and typing lands there; each table row gets its grid lines.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextFrame,
    QTextLayout,
    QTextTable,
)

from editor.gui.output.sheet_tables import BORDER, Lines, Row, draw_grid

if TYPE_CHECKING:
    from editor.gui.output.sheet_layout import SheetLayout


def frame_rect(sheet: SheetLayout, frame: QTextFrame) -> QRectF:
    """Where a frame is: the whole document, or a table from its first row's top to its last row's bottom."""
    first, last = frame.firstCursorPosition().block(), frame.lastCursorPosition().block()
    size = sheet.documentSize()
    if frame is sheet.document().rootFrame() or not first.isValid():
        return QRectF(0, 0, size.width(), size.height())
    top = sheet.blockBoundingRect(first).top()
    if isinstance(frame, QTextTable):
        sheet.ready(last.blockNumber())
        return QRectF(sheet.left, top, sheet.width, sheet.row_bottom(last.blockNumber()) - top)
    return QRectF(sheet.left, top, sheet.width, sheet.blockBoundingRect(last).bottom() - top)


def first_painted(sheet: SheetLayout, y: float) -> int:
    """The first paragraph to paint from document y on (a table row's first, for a row).

    One piece earlier than the one at y: a table row set below the grid by the borders above it
    reaches a little into the next piece's lines.
    """
    k = sheet.head_of(sheet.set_block_at(y))
    k = sheet.head_of(k - 1) if k > 0 else k
    while (row := sheet.row_at(k)) is not None and row.over and k > 0:  # a merged cell's text starts rows above
        k = sheet.head_of(k - 1)
    sheet.ready(k)
    return k


def block_under(sheet: SheetLayout, point: QPointF) -> int:
    """The paragraph under a point: in a table row, the one of the cell under it."""
    k = sheet.set_block_at(point.y())
    while k + 1 < sheet.block_count() and sheet.nudge(k + 1) < 0:  # text after a table, set above its grid line
        sheet.ready(k + 1)
        if sheet.origin(k + 1).y() > point.y():
            break
        k += 1
    row = sheet.row_at(k)
    if row is None:
        sheet.ready(k)
        return k
    sheet.ready(row.last)
    cell = row.cell_at((point.x() - sheet.left) / sheet.zoom)
    chosen = cell.first
    for j in range(cell.first, cell.last + 1):
        sheet.ready(j)
        if sheet.origin(j).y() <= point.y():
            chosen = j
    return chosen


def hit_test(sheet: SheetLayout, point: QPointF | QPoint, accuracy: Qt.HitTestAccuracy) -> int:
    """The document position at a point (-1 off the text, for an exact hit)."""
    if not sheet.has_blocks():
        return -1
    k = block_under(sheet, QPointF(point))
    block = sheet.document().findBlockByNumber(k)
    origin = sheet.origin(k)
    layout = block.layout()
    local = QPointF(point) - origin
    chosen = None
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if chosen is None or local.y() >= line.y():
            chosen = line
    if chosen is None:
        return block.position()
    exact = accuracy == Qt.HitTestAccuracy.ExactHit
    if exact and not (chosen.x() <= local.x() <= chosen.x() + chosen.naturalTextWidth()
                      and chosen.y() <= local.y() <= chosen.y() + chosen.height()):
        return -1
    return block.position() + chosen.xToCursor(local.x())


def _ranges(context: QAbstractTextDocumentLayout.PaintContext, block: QTextBlock) -> list[QTextLayout.FormatRange]:
    """The selections over one paragraph, as format ranges of its layout."""
    start, length = block.position(), block.length()
    ranges = []
    for sel in context.selections:
        a, b = sel.cursor.selectionStart(), sel.cursor.selectionEnd()
        if sel.cursor.hasComplexSelection():  # cells of a table: the rectangle of them, not the text between
            inside = _in_cells(sel.cursor, block)
            a, b = (start, start + length - 1) if inside else (0, 0)
        if a < start + length and b > start and a != b:
            fr = QTextLayout.FormatRange()
            fr.start = max(a - start, 0)
            fr.length = min(b, start + length) - start - fr.start
            fr.format = sel.format
            ranges.append(fr)
    return ranges


def _in_cells(cursor: QTextCursor, block: QTextBlock) -> bool:
    """Whether a paragraph is in the table cells a cursor selects."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(block.position())
    if not cell.isValid() or QTextCursor(block).currentTable() != table:
        return False
    # PySide6 returns (first row, rows, first column, columns); its stubs say object.
    row, rows, column, columns = cast(tuple[int, int, int, int], cursor.selectedTableCells())
    return row <= cell.row() < row + rows and column <= cell.column() < column + columns


def _lines(sheet: SheetLayout, row: Row) -> Lines | None:
    """A row's grid lines at the zoom; a merged cell parted by a page break closed at the foot and open again at the top."""
    if row.lines is None:
        return None
    start, end = sheet.row_span(row.head)
    above = sheet.row_at(row.head - 1) if row.head > 0 else None
    top = above is None or above.table != row.table or \
        sheet.page_index(sheet.row_span(above.head)[1], end=True) != sheet.page_index(start)
    bottom = True
    if row.last + 1 < sheet.block_count():
        sheet.ready(row.last + 1)
        below = sheet.row_at(row.last + 1)
        bottom = below is None or below.table != row.table or \
            sheet.page_index(sheet.row_span(below.head)[0]) != sheet.page_index(end, end=True)
    return row.lines.closed(top, bottom).scaled(sheet.zoom)


def draw(sheet: SheetLayout, painter: QPainter, context: QAbstractTextDocumentLayout.PaintContext) -> None:
    """Paint the paragraphs in the clip, table grid lines, selections and the cursor."""
    if not sheet.has_blocks():
        return
    size = sheet.documentSize()
    clip = context.clip if context.clip.isValid() else QRectF(0, 0, size.width(), size.height())
    k = first_painted(sheet, clip.top())
    block = sheet.document().findBlockByNumber(k)
    width = int(sheet.property("cursorWidth") or 1)
    color = context.palette.color(QPalette.ColorRole.Text)
    painter.save()
    painter.setPen(color)
    while block.isValid() and k < sheet.block_count():
        top = sheet.ready(k)
        if top + min(sheet.nudge(k), 0.0) >= clip.bottom():  # a row starting at a page's foot is on the next one
            break
        row = sheet.row_at(k)
        if row is not None and k == row.head:  # under the borders of the rows above it on the page
            nudge = sheet.nudge(k)
            above = nudge - BORDER * sheet.zoom if nudge else 0.0
            draw_grid(painter, [x * sheet.zoom for x in row.edges], sheet.left, top + above,
                      sheet.row_bottom(k) + nudge, color, _lines(sheet, row))
        origin = sheet.origin(k)
        layout = block.layout()
        layout.draw(painter, origin, _ranges(context, block), clip)
        cpos = context.cursorPosition
        if cpos < -1:
            layout.drawCursor(painter, origin, layout.preeditAreaPosition() - (cpos + 2), width)
        elif block.position() <= cpos < block.position() + block.length():
            layout.drawCursor(painter, origin, cpos - block.position(), width)
        block, k = block.next(), k + 1
    painter.restore()
