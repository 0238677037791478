"""Tables on the sheet: where a table's cells are, shared by page view (sheet_layout) and print (print_tables).

A table is set as Word and LibreOffice print the DOCX Yuku writes (docx/write.table_el): its own
column widths (a Word file's grid, narrowed alike when wider than the text; equal columns 8300 twips
wide in all for a table without), merged cells across their columns and rows (grid_lines: no line
through them), 0.19 cm of room left and right in each cell, single grid lines. A row is as tall as its tallest cell and moves
whole to the next page when it does not fit at the foot of one; a row taller than a page splits.
On the official grid a row takes whole lines, and, as in LibreOffice, each row's top border and the
table's bottom border half a point more: the rows and the text after the table are set that much
off the grid until the page ends, and one line less fits on that page.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument, QTextLength, QTextTable

PX_PER_TWIP = 96 / 1440
TABLE_TWIPS = 8300  # the width docx/write.table_el gives a table, split evenly between its columns
CELL_PAD = 108 * PX_PER_TWIP  # Word's default cell margin, left and right (0.19 cm)
GRID_PEN = 0.75  # px: a single border (w:sz 4, half a point)
BORDER = 0.5 * 96 / 72  # px: LibreOffice adds each row's top border to the row's height


@dataclass(frozen=True)
class Cell:
    """One cell of a row: its text's left edge and width (inside the room), and its paragraphs."""

    x: float  # from the text block's left edge
    width: float
    first: int  # block numbers of its first and last paragraph
    last: int
    rows: int = 1  # the table rows it covers (a merged cell: more; its text is set in the first)


@dataclass(frozen=True)
class Lines:
    """A row's grid lines where cells are merged.

    The vertical lines, and the stretches of its top and bottom lines left out because a merged cell
    goes on across them (x from the text block's left edge).
    """

    walls: tuple[float, ...]
    open_top: tuple[tuple[float, float], ...] = ()
    open_bottom: tuple[tuple[float, float], ...] = ()

    def closed(self, top: bool, bottom: bool) -> Lines:
        """The same lines with the top or bottom line drawn whole (a page break falls there)."""
        return Lines(self.walls, () if top else self.open_top, () if bottom else self.open_bottom)

    def scaled(self, zoom: float) -> Lines:
        """The same lines at a zoom."""
        return Lines(tuple(x * zoom for x in self.walls), tuple((a * zoom, b * zoom) for a, b in self.open_top),
                     tuple((a * zoom, b * zoom) for a, b in self.open_bottom))


@dataclass(frozen=True)
class Row:
    """One table row: its paragraphs (head … last, in document order), its cells and its column edges."""

    head: int
    last: int
    cells: tuple[Cell, ...]
    edges: tuple[float, ...]  # the x of every column edge, from the text block's left edge
    table: int = 0  # which table of the document (0: the first)
    lines: Lines | None = None  # where cells are merged (None: a line at every edge)
    over: tuple[Cell, ...] = ()  # merged cells of rows above that go on across this row
    reaching: tuple[Cell, ...] = ()  # those of them that end in it

    def cell_of(self, k: int) -> Cell | None:
        """The cell paragraph k is in."""
        for cell in self.cells:
            if cell.first <= k <= cell.last:
                return cell
        return None

    def cell_at(self, x: float) -> Cell:
        """The cell under x (the nearest one beside the table; a merged cell from a row above where it goes on)."""
        cells = sorted(self.cells + self.over, key=lambda c: c.x)
        for cell in cells:
            if x < cell.x + cell.width + CELL_PAD:
                return cell
        return cells[-1]


def moved(row: Row, blocks: int) -> Row:
    """The same row, `blocks` paragraphs further down the document."""
    def down(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return tuple(Cell(c.x, c.width, c.first + blocks, c.last + blocks, c.rows) for c in cells)

    return Row(row.head + blocks, row.last + blocks, down(row.cells), row.edges, row.table, row.lines,
               down(row.over), down(row.reaching))


def column_edges(cols: int, text_width: float, constraints: list[QTextLength] | None = None) -> list[float]:
    """The x of each column's left edge and of the last one's right edge (cols + 1 values)."""
    total = min(TABLE_TWIPS * PX_PER_TWIP, text_width)
    widths = [total / cols] * cols
    if constraints and len(constraints) == cols:  # a table that says how wide its columns are
        given = [c.rawValue() * (text_width / 100 if c.type() == QTextLength.Type.PercentageLength else 1)
                 if c.type() != QTextLength.Type.VariableLength else 0.0 for c in constraints]
        free = [i for i, w in enumerate(given) if w <= 0]
        rest = max(total - sum(given), 0.0) / len(free) if free else 0.0
        widths = [w if w > 0 else rest for w in given]
        if sum(widths) > text_width:  # wider than the text: narrowed alike, as the official DOCX writes it
            widths = [w * text_width / sum(widths) for w in widths]
    edges = [0.0]
    for w in widths:
        edges.append(edges[-1] + w)
    return edges


def rows_of(doc: QTextDocument, text_width: float) -> list[Row]:
    """Every table row of the document, in order (an empty list, at once, when it has no table)."""
    out: list[Row] = []
    for n, frame in enumerate(doc.rootFrame().childFrames()):
        if isinstance(frame, QTextTable):
            out.extend(_table_rows(frame, text_width, n))
    return out


def _table_rows(table: QTextTable, text_width: float, n: int) -> list[Row]:
    fmt = table.format()
    edges = column_edges(table.columns(), text_width, fmt.columnWidthConstraints())
    grid = [[table.cellAt(r, c) for c in range(table.columns())] for r in range(table.rows())]  # asked once: slow
    owners = [[(cell.row(), cell.column()) for cell in row] for row in grid]
    merged = any(owner != (r, c) for r, row in enumerate(owners) for c, owner in enumerate(row))
    lines = grid_lines(owners, edges) if merged else [None] * len(owners)
    rows: list[Row] = []
    over: dict[int, list[Cell]] = {}  # row -> merged cells of rows above going on across it
    for r in range(table.rows()):
        cells = []
        for c in range(table.columns()):
            cell = grid[r][c]
            if owners[r][c] != (r, c):
                continue  # covered by a merged cell: its text is set in the row it starts in
            first = cell.firstCursorPosition().block().blockNumber()
            last = cell.lastCursorPosition().block().blockNumber()
            left, right = edges[c], edges[min(c + cell.columnSpan(), len(edges) - 1)]
            cells.append(Cell(left + CELL_PAD, max(right - left - 2 * CELL_PAD, 1.0), first, last, cell.rowSpan()))
            for below in range(r + 1, r + cell.rowSpan()):
                over.setdefault(below, []).append(cells[-1])
        if cells:
            ends = tuple(c for c in over.get(r, ()) if c not in over.get(r + 1, ()))
            rows.append(Row(cells[0].first, max(c.last for c in cells), tuple(cells), tuple(edges), n, lines[r],
                            tuple(over.get(r, ())), ends))
    return rows


def grid_lines(owners: list[list[tuple[int, int]]], edges: list[float]) -> list[Lines | None]:
    """Each row's grid lines, given which cell (its first row and column) covers each place of the grid.

    None for a row without merged cells in or around it (a line at every edge).
    """
    out: list[Lines | None] = []
    for r, row in enumerate(owners):
        walls = tuple(edges[c] for c in range(len(row) + 1) if c in (0, len(row)) or row[c - 1] != row[c])
        above, below = owners[r - 1] if r else [], owners[r + 1] if r + 1 < len(owners) else []
        top = _stretches([c for c in range(len(row)) if c < len(above) and above[c] == row[c]], edges)
        bottom = _stretches([c for c in range(len(row)) if c < len(below) and below[c] == row[c]], edges)
        out.append(None if len(walls) == len(row) + 1 and not top and not bottom else Lines(walls, top, bottom))
    return out


def _stretches(cols: list[int], edges: list[float]) -> tuple[tuple[float, float], ...]:
    """Runs of neighbouring columns as (left, right) x stretches."""
    out: list[tuple[float, float]] = []
    for c in cols:
        if out and out[-1][1] == edges[c]:
            out[-1] = (out[-1][0], edges[c + 1])
        else:
            out.append((edges[c], edges[c + 1]))
    return tuple(out)


def place_row(slot: int, lines: int, per_page: int, stacked: int = 0, spare: float = 0.0, border: float = 0.0) -> int:
    """The grid slot of a row's first line after the one before ended at `slot`: a row that does not fit goes down.

    As LibreOffice lays the official DOCX out, each row is its lines plus its top border (`border`
    lines): with `stacked` rows of the table above it on the page, a row that would end on the
    page's last line needs more than the `spare` room under that line, and goes to the next page.
    """
    row = slot % per_page
    if row and row + lines + (stacked + 1) * border > per_page + spare + 1e-9 and lines <= per_page:
        slot += per_page - row
    return slot


def after_table(slot: int, per_page: int, stacked: int, spare: float, border: float) -> int:
    """Where what follows a table starts when its last `stacked` rows share a page.

    LibreOffice sets the lines after the table below the rows' top borders and the table's bottom
    one: once those take more than the room under the page's last line (with the official grid:
    always), one line less fits on the page; the next line on the grid then starts the text after the table.
    """
    if slot % per_page and (stacked + 1) * border > spare + 1e-9:
        return slot + 1
    return slot


def stacked_rows(starts: list[int], slot: int, per_page: int) -> int:
    """How many of a table's rows, starting at `starts` (the last one last), begin on the page of `slot`."""
    page, count = slot // per_page, 0
    for start in reversed(starts):
        if start // per_page != page:
            break
        count += 1
    return count


def flow_row(end: float, height: float, page: float) -> float:
    """Plain pages: where a row of this height starts after `end` (the next page's top if it would cross the foot)."""
    into = end % page
    if into > 0.01 and into + height > page + 0.01 and height <= page:
        return end + page - into
    return end


def draw_grid(painter: QPainter, edges: tuple[float, ...] | list[float], left: float, top: float, bottom: float,
              color: QColor, lines: Lines | None = None) -> None:
    """A row's grid lines: its top and bottom, and a line at every column edge (where cells are merged: `lines`)."""
    painter.save()
    pen = QPen(color)
    pen.setWidthF(GRID_PEN)
    painter.setPen(pen)
    a, b = left + edges[0], left + edges[-1]
    if lines is None:
        painter.drawRect(QRectF(a, top, b - a, bottom - top))
        for x in edges[1:-1]:
            painter.drawLine(QPointF(left + x, top), QPointF(left + x, bottom))
    else:
        for y, gaps in ((top, lines.open_top), (bottom, lines.open_bottom)):
            x = a
            for gap_a, gap_b in [*gaps, (b - left, b - left)]:
                if left + gap_a > x:
                    painter.drawLine(QPointF(x, y), QPointF(left + gap_a, y))
                x = max(x, left + gap_b)
        for x in lines.walls:
            painter.drawLine(QPointF(left + x, top), QPointF(left + x, bottom))
    painter.restore()
