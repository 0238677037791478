"""Tables in Yuku's own official print (page_render.OfficialPages): cells side by side, as LibreOffice prints the official DOCX.

Each cell's paragraphs are set in their cell's width by the same line breaking as the body; a row
fills as many grid lines as its tallest cell and moves whole to the next page when it does not
fit (sheet_tables.place_row, as page view places it); its grid lines are painted with the page.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPainter, QTextLayout, QTextLength

from editor.core.model.document import Paragraph, Table
from editor.gui.output.sheet_tables import (
    BORDER,
    CELL_PAD,
    Lines,
    after_table,
    column_edges,
    draw_grid,
    grid_lines,
    place_row,
    stacked_rows,
)

if TYPE_CHECKING:
    from editor.gui.output.page_render import OfficialPages


@dataclass(frozen=True)
class PrintedRow:
    """A table row on the grid: its first slot, the slot after it and its column edges."""

    start: int
    end: int
    edges: tuple[float, ...]
    above: float = 0.0  # lines: the borders of the rows above it on its page push it down (as in LibreOffice)
    lines: Lines | None = None  # where cells are merged (None: a line at every edge)


def owners(table: Table) -> list[list[tuple[int, int]]]:
    """Which cell (its first row and grid column) covers each place of a model table's grid."""
    cols = table.grid_columns()
    out: list[list[tuple[int, int]]] = []
    for r, row in enumerate(table.rows):
        places = [(r, c) for c in range(cols)]  # a place no cell covers (a short row): its own
        col = 0
        for c in range(len(row)):
            span, down = table.span(r, c)
            for at in range(col, min(col + span, cols)):
                places[at] = out[r - 1][at] if down == 0 and r > 0 else (r, col)
            col += span
        out.append(places)
    return out


def room(pages: OfficialPages, slot: int, spare: float) -> float:
    """The room (in lines) under the last grid line of slot's page: on page one of a 公文, what its 版头 leaves too.

    Page one's lines are set `first_page_shift` under the grid (up, mostly: the 版头's height is no
    whole line), so a row there needs that much less room, as LibreOffice lays the DOCX out.
    """
    if slot < pages.lines_per_page and len(pages.lines) >= pages.shift_from:
        return spare - pages.first_page_shift / pages.pitch
    return spare


def _widths(table: Table, cols: int) -> list[QTextLength] | None:
    if len(table.widths) != cols or not all(w > 0 for w in table.widths):
        return None
    return [QTextLength(QTextLength.Type.FixedLength, w * 96 / 72) for w in table.widths]


def add_table(pages: OfficialPages, table: Table) -> None:
    """Set a table's rows after what the pages hold so far."""
    cols = table.grid_columns()
    if not cols or not table.rows:
        return
    edges = tuple(column_edges(cols, pages.text_width, _widths(table, cols)))
    lines_of = grid_lines(owners(table), list(edges))
    first = len(pages.table_rows)  # this table's rows are the ones added from here on
    per_page, spare, border = pages.lines_per_page, pages.text_height / pages.pitch - pages.lines_per_page, BORDER / pages.pitch
    placed: list[tuple[int, int, tuple[QTextLayout, int, float]]] = []
    # Row -> (first row, column, lines) of the cells merged down to it: their lines fill the rows they
    # cover, row after row (on the next page too when a page break falls between them, as LibreOffice).
    merged: dict[int, list[tuple[int, int, list[tuple[QTextLayout, int, float]]]]] = {}
    spans: list[tuple[int, int]] = []  # each row's first slot and the slot after it
    slot = pages.next_slot()
    # The text above it on its page may be set off the grid by the tables before it there (nudge): that
    # carries on under this table, and a page gives up its last line to table borders only once.
    before = pages.slots[-1] if pages.slots else -1
    carry = nudge(pages, before) if before >= 0 else 0.0

    def carried(at: int) -> float:
        return carry if before >= 0 and at // per_page == before // per_page else 0.0

    for r, row in enumerate(table.rows):
        cells: list[tuple[int, list[tuple[QTextLayout, int, float]]]] = []  # (rows covered, lines)
        col = 0
        for c, cell in enumerate(row):
            span, down = table.span(r, c)
            span = min(span, cols - col)
            if span > 0 and down:  # a cell under a merged one is hidden
                x, width = edges[col] + CELL_PAD, max(edges[col + span] - edges[col] - 2 * CELL_PAD, 1.0)
                lines = []
                for p in cell or [Paragraph()]:  # an empty cell still holds its paragraph mark's line
                    layout, count = pages.set_paragraph(p, width)
                    lines += [(layout, i, x) for i in range(count)]
                cells.append((min(down, len(table.rows) - r), lines))
            col += max(span, 0)
        height = max([1, *(len(lines) for down, lines in cells if down == 1)])
        stacked = stacked_rows([row.start for row in pages.table_rows[first:]], slot, per_page)
        start = place_row(slot, height, per_page, stacked, room(pages, slot, spare) - carried(slot), border)
        for top, _c, lines in merged.get(r, []):  # a merged cell taller than the rows it covers: its last row grows
            need = len(lines) - sum(b - a for a, b in spans[top:r])
            if need > height:
                height = need
                start = place_row(slot, height, per_page, stacked, room(pages, slot, spare) - carried(slot), border)
        spans.append((start, start + height))
        for c, (down, lines) in enumerate(cells):
            if down > 1:
                merged.setdefault(r + down - 1, []).append((r, c, lines))
            else:
                placed += [(start + i, c, entry) for i, entry in enumerate(lines)]
        for top, c, lines in merged.get(r, []):
            free = [at for a, b in spans[top:r + 1] for at in range(a, b)]
            placed += [(at, c, entry) for at, entry in zip(free, lines, strict=False)]
        pages.end_slot = slot = start + height
        stacked = stacked_rows([row.start for row in pages.table_rows[first:]], start, per_page)
        pages.table_rows.append(PrintedRow(start, start + height, edges,
                                           stacked * border + carried(start) if height <= per_page else 0.0, lines_of[r]))
        pages.row_starts.append(start)
    # Line by line across the rows, so the slots of all lines stay in order (pages are cut by slot).
    for line_slot, _c, entry in sorted(placed, key=lambda item: (item[0], item[1])):
        pages.lines.append(entry)
        pages.slots.append(line_slot)
    if len(pages.table_rows) > first:  # the borders of the rows on the table's last page take room
        last = pages.table_rows[first:]
        stacked = stacked_rows([row.start for row in last], last[-1].start, per_page)
        end, above = pages.end_slot, carried(last[-1].start)
        pages.end_slot = after_table(end, per_page, stacked, room(pages, last[-1].start, spare) - above, border)
        if end % per_page:  # the text after it on the page starts under the borders, off the grid
            pages.table_ends.append((pages.end_slot, end + (stacked + 1) * border + above - pages.end_slot))


def nudge(pages: OfficialPages, slot: int) -> float:
    """How far (in lines) the line at a grid slot is set off the grid by the table rows' borders above it on its page.

    LibreOffice sets a row's text under its top border, and the text after a table under all of
    them; from the next page on, lines are on the grid again.
    """
    per_page = pages.lines_per_page
    i = bisect.bisect_right(pages.row_starts, slot) - 1
    if i >= 0 and slot < pages.table_rows[i].end:
        row = pages.table_rows[i]
        return row.above + BORDER / pages.pitch if slot // per_page == row.start // per_page else 0.0
    j = bisect.bisect_right(pages.table_ends, (slot, float("inf"))) - 1
    after_last_table = j >= 0 and (i < 0 or pages.table_rows[i].end <= pages.table_ends[j][0])
    if after_last_table and pages.table_ends[j][0] // per_page == slot // per_page:
        return pages.table_ends[j][1]
    return 0.0


def paint_rows(pages: OfficialPages, painter: QPainter, page: int, shift: float = 0.0) -> None:
    """The grid lines of the table rows (or their parts) on one page (1-based), `shift` px down (a 版头 above)."""
    per_page = pages.lines_per_page
    first, last = (page - 1) * per_page, page * per_page
    left, top = pages.setup.left * 96 / 25.4, pages.setup.top * 96 / 25.4 + shift
    rows = pages.table_rows
    for i, row in enumerate(rows):
        if row.end <= first or row.start >= last:
            continue
        a, b = max(row.start, first) - first, min(row.end, last) - first
        # A row on one page is pushed down by the borders above it and ends under its own top border.
        down, under = (row.above, BORDER / pages.pitch) if row.start >= first and row.end <= last else (0.0, 0.0)
        lines = row.lines
        if lines is not None:  # a merged cell parted by a page break is closed at the foot and open again at the top
            lines = lines.closed(top=i == 0 or rows[i - 1].end <= first or row.start < first,
                                 bottom=i + 1 == len(rows) or rows[i + 1].start >= last or row.end > last)
        draw_grid(painter, row.edges, left, top + (a + down) * pages.pitch, top + (b + down + under) * pages.pitch,
                  QColor("black"), lines)
