"""The geometry of page view's layout (sheet_layout.SheetLayout): the zoom, the sheet, and table rows.

Zoom scales the sheets as WPS and Word do: every paragraph keeps the lines print gives it, set
bigger or smaller (line_breaks.rescale), and every length here is multiplied by the zoom.

A table row is placed as one piece by its first paragraph (the row's head): the row is as tall as
its tallest cell, and each paragraph of the row keeps the row's start with its own offset in its
cell (_dy), in grid lines on the official grid or in pixels on plain pages. On the grid, the table
borders above a paragraph on its page set it a little below its grid line (_nudge).
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QSizeF
from PySide6.QtGui import QTextBlock, QTextDocument, QTextLayout, QTextTable

from editor.core.formats.pdf_export import PageSetup
from editor.gui.output import sheet_paragraphs as sp
from editor.gui.output import sheet_tables as st
from editor.gui.output.sheet_paragraphs import Grid

if TYPE_CHECKING:  # sheet_gongwen uses print's layout, which uses this package
    from editor.gui.output.sheet_gongwen import Decor

PX_PER_MM = 96 / 25.4
ZOOM_LIMITS = (0.2, 5.0)


class SheetGeometry:
    """SheetLayout's lengths at its zoom, and where table rows and their cells' paragraphs go."""

    grid: Grid | None
    setup: PageSetup
    base_size: float
    _rows: list[st.Row]
    _table_count: int = 0
    _heads: list[int]
    _line_slots: dict[int, tuple[int, ...]] = {}  # a merged cell's paragraph whose rows a page break parts: its lines' slots
    _table_heads: dict[int, int] = {}  # table -> the head of its first row (set anew, never changed in place)
    _lines: list[int]
    _heights: list[tuple[float, ...]]
    _start: list[float]
    _end: list[float]
    _dy: list[float]
    _placed: list[float]
    _size: QSizeF
    _nudge: list[float]
    _shift: float
    _valid: int
    gongwen: Decor | None = None  # a 公文's parts (sheet_gongwen), on the official grid only

    def estimated_pages(self) -> int:
        """The page count, while paragraphs are still being placed (SheetLayout)."""
        raise NotImplementedError

    def has_blocks(self) -> bool:
        """Whether there is anything to lay out."""
        return bool(self._start)

    def block_count(self) -> int:
        """How many paragraphs the layout holds."""
        return len(self._start)

    def page_index(self, at: float, end: bool = False) -> int:
        """The page (0: the first) a paragraph start, or (end) a paragraph end, is on."""
        return int((at * self.pitch + (-0.01 if end else 0.01)) // self.page_height)

    def row_span(self, k: int) -> tuple[float, float]:
        """Where the table row with head paragraph k starts and ends."""
        return self._start[k], self._end[k]

    def page_count_of(self, end: float) -> int:
        """Pages up to a paragraph end."""
        height = end * self.pitch
        return max(1, int((height - 0.01) // self.page_height) + 1)

    def _new_size(self) -> QSizeF:
        return QSizeF(self.paper.width(), self.top + self.estimated_pages() * self.page_height + self.bottom)

    def set_geometry(self, zoom: float) -> None:
        """The sheet's lengths at a zoom (1: 100 %); text_width stays the width lines are broken in."""
        s, mm = self.setup, PX_PER_MM * zoom
        self.zoom = zoom
        self.paper = QSizeF(s.width * mm, s.height * mm)
        self.left, self.top, self.bottom = s.left * mm, s.top * mm, s.bottom * mm
        self.text_width = (s.width - s.left - s.right) * PX_PER_MM
        self.width = self.text_width * zoom
        self.pitch = self.grid.pitch * zoom if self.grid else 1.0  # a start is a grid line, or a y in pixels
        self.page_height = self.grid.per_page * self.pitch if self.grid else (s.height - s.top - s.bottom) * mm

    def _zoom_of(self, doc: QTextDocument) -> float:
        """The editor's zoom: its document's font size over the size at 100 % (1 when none is given)."""
        size = doc.defaultFont().pointSizeF()
        if self.base_size <= 0 or size <= 0:
            return 1.0
        return round(min(max(size / self.base_size, ZOOM_LIMITS[0]), ZOOM_LIMITS[1]), 4)

    def y_of(self, start: float) -> float:
        """Document y of a paragraph start."""
        return self.top + start * self.pitch

    def row_at(self, k: int) -> st.Row | None:
        """The table row paragraph k is in (None outside tables)."""
        if not self._heads:
            return None
        i = bisect.bisect_right(self._heads, k) - 1
        return self._rows[i] if i >= 0 and self._rows[i].last >= k else None

    def head_of(self, k: int) -> int:
        """The first paragraph of the piece paragraph k is placed with (its table row's, or itself)."""
        row = self.row_at(k)
        return row.head if row is not None else k

    def _unit(self, k: int) -> float:
        return self._lines[k] if self.grid else sum(self._heights[k])

    def _place_row(self, row: st.Row, end: float) -> tuple[float, float]:
        """Where a table row starts and ends; each of its paragraphs' offset in its cell (_dy)."""
        height = 0.0
        for cell in row.cells:
            dy = 0.0
            for j in range(cell.first, cell.last + 1):
                self._dy[j] = dy
                dy += self._unit(j)
            height = max(height, dy if cell.rows == 1 else 0.0, 1.0)  # a merged cell: the rows it covers hold it
        start = self._row_start(row, end, height)
        for cell in row.reaching:  # a merged cell taller than its rows above and this one: this row grows (as Word)
            need = sum(self._unit(j) for j in range(cell.first, cell.last + 1)) - \
                sum(b - a for a, b in self._covered(cell, row))
            if need > height + 1e-9:
                height = need
                start = self._row_start(row, end, height)
        if self.grid:
            for cell in row.reaching:
                self._merged_lines(cell, [*self._covered(cell, row), (start, start + height)])
        if not self.grid:
            if height > self.page_height:  # a row taller than a page: its lines move past each page's foot
                height = 0.0
                for cell in row.cells:
                    y = start
                    for j in range(cell.first, cell.last + 1):
                        self._dy[j] = y - start
                        y = sp.flow_place(y, self._heights[j], False, self.page_height)[1]
                    height = max(height, y - start)
        return start, start + height

    def _covered(self, cell: st.Cell, row: st.Row) -> list[tuple[float, float]]:
        """The start and end of each row a merged cell covers, from its first up to (not with) `row`."""
        first = bisect.bisect_left(self._heads, self.head_of(cell.first))
        return [(self._start[h], self._end[h]) for h in self._heads[first:bisect.bisect_left(self._heads, row.head)]]

    def _merged_lines(self, cell: st.Cell, spans: list[tuple[float, float]]) -> None:
        """The grid slots of a merged cell's lines: row after row it covers, past a page break between them (as print)."""
        free = [at for a, b in spans for at in range(int(a), int(b))]
        for j in range(cell.first, cell.last + 1):
            dy, old = int(self._dy[j]), self._line_slots.pop(j, None)
            slots = tuple(free[dy + i] if dy + i < len(free) else free[-1] + dy + i - len(free) + 1
                          for i in range(self._lines[j]))
            if slots and slots != tuple(range(slots[0], slots[0] + len(slots))):
                self._line_slots[j] = slots
            if self._line_slots.get(j) != old:
                self._placed[j] = -1.0  # placed again where it is painted next

    def _row_start(self, row: st.Row, end: float, height: float) -> float:
        """Where a row of this height starts after `end`: on the next page when it does not fit."""
        if self.grid:
            stacked = self._stacked(bisect.bisect_left(self._heads, row.head) - 1, row.table, int(end))
            return float(st.place_row(int(end), int(height), self.grid.per_page, stacked,
                                      self._spare(row.head, end) - self._carry(row, end), st.BORDER / self.grid.pitch))
        return st.flow_row(end, height, self.page_height)

    def _carry(self, row: st.Row, slot: float) -> float:
        """How far off the grid (in lines) the text above a row's table is set on slot's page, by the tables before it there.

        That carries on under this table (as print_tables.add_table), and a page gives up its last line
        to table borders only once. A 公文's page-one shift is not part of it (added on its own).
        """
        assert self.grid is not None
        k = self._table_heads.get(row.table, row.head) - 1
        if k < 0 or int(self._start[k]) // self.grid.per_page != int(slot) // self.grid.per_page:
            return 0.0
        g = self.gongwen
        shift = g.shift / self.grid.pitch if g is not None and 0 <= g.title <= k and self._start[k] < self.grid.per_page else 0.0
        return self._nudge[k] - shift

    def _spare(self, k: int, slot: float) -> float:
        """The room (in lines) under the last grid line of slot's page; on a 公文's page one, what its 版头 leaves too (as print)."""
        assert self.grid is not None
        g = self.gongwen
        if g is not None and 0 <= g.title <= k and slot < self.grid.per_page:
            return self.grid.spare - g.shift / self.grid.pitch
        return self.grid.spare

    def _refresh_rows(self, doc: QTextDocument, position: int, added: int, more_blocks: int) -> None:
        """The table rows after an edit: found again when it touched a table, else moved by the paragraphs it added."""
        anew = position == 0 and added >= doc.characterCount() - 1  # everything (a new layout, a file loaded)
        if self.gongwen is not None and more_blocks and self._lines and not anew:
            # A 公文's anchors move with the text until its parts are laid out again (page_view.refresh_parts).
            self.gongwen.moved(doc.findBlock(position).blockNumber(), more_blocks)
        tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
        end = position + added
        touched = len(tables) != self._table_count or any(
            t.firstPosition() - 1 <= end and position <= t.lastPosition() + 1 for t in tables)
        self._table_count = len(tables)
        if touched:
            self._rows = st.rows_of(doc, self.text_width)
            self._line_slots = {}  # the rows are placed again
        elif more_blocks and self._rows:  # typing a paragraph changes no row; Enter before a table moves them
            after = doc.findBlock(position).blockNumber()
            self._rows = [st.moved(row, more_blocks) if row.head > after else row for row in self._rows]
            self._line_slots = {k + more_blocks if k > after else k: v for k, v in self._line_slots.items()}
        self._heads = [row.head for row in self._rows]
        self._table_heads = {}
        for row in reversed(self._rows):
            self._table_heads[row.table] = row.head

    def _stacked(self, i: int, table: int, slot: int) -> int:
        """How many rows of `table`, from row i (in _rows) up, start on the page of grid slot `slot`."""
        assert self.grid is not None
        above: list[int] = []
        while i >= 0 and self._rows[i].table == table and len(above) < self.grid.per_page:
            above.append(int(self._start[self._rows[i].head]))
            i -= 1
        return st.stacked_rows(above[::-1], slot, self.grid.per_page)

    def _after_table(self, k: int, end: float) -> float:
        """Where what follows a table may start: a line down when the rows' borders filled the room under the page (as LibreOffice)."""
        last = self.row_at(k - 1) if k > 0 and self.grid else None
        if last is None or self.grid is None or ((row := self.row_at(k)) is not None and row.table == last.table):
            return end
        i = bisect.bisect_left(self._heads, last.head)
        stacked = self._stacked(i, last.table, int(self._start[last.head]))
        start = self._start[last.head]
        return float(st.after_table(int(end), self.grid.per_page, stacked,
                                    self._spare(last.head, start) - self._carry(last, start), st.BORDER / self.grid.pitch))

    def _nudge_of(self, k: int, start: float, end: float) -> float:
        """How far off the grid paragraph k is set on its first page, as LibreOffice sets it (in lines).

        A row's text is under its own top border and those of the rows above it on the page; the
        text after a table, under all of them and the table's bottom border; from the next page
        on, lines are on the grid again.
        """
        assert self.grid is not None
        per_page, border = self.grid.per_page, st.BORDER / self.grid.pitch
        row, page = self.row_at(k), int(start) // per_page
        if row is not None:
            if k != row.head:
                return self._nudge[row.head]
            if self._lines_of_row(row) > per_page:
                return 0.0  # a row taller than a page starts on the grid
            i = bisect.bisect_left(self._heads, row.head) - 1
            return (self._stacked(i, row.table, int(start)) + 1) * border + self._carry(row, start)
        last = self.row_at(k - 1) if k > 0 else None
        if last is not None:  # the text after a table
            if int(end) % per_page == 0 or int(end) // per_page != page:
                return 0.0
            stacked = self._stacked(bisect.bisect_left(self._heads, last.head), last.table, int(self._start[last.head]))
            return int(end) + (stacked + 1) * border + self._carry(last, self._start[last.head]) - start
        return self._nudge[k - 1] if k > 0 and int(self._start[k - 1]) // per_page == page else 0.0

    def _lines_of_row(self, row: st.Row) -> float:
        return self._end[row.head] - self._start[row.head]

    def _outside(self, k: int, values: tuple[int, bool, bool, tuple[float, ...], bool]
                 ) -> tuple[int, bool, bool, tuple[float, ...], bool]:
        """A paragraph's layout values, "has a role of its own" only outside tables (print looks at those alone)."""
        lines, page_break, keep, heights, styled = values
        return lines, page_break, keep, heights, styled and self.row_at(k) is None

    def nudge(self, k: int) -> float:
        """How far off the grid paragraph k is set on its first page, in pixels."""
        return self._nudge[k] * self.pitch if self.grid else 0.0

    def origin(self, k: int) -> QPointF:
        """Where paragraph k's layout is drawn (a table cell's paragraph in its cell)."""
        row = self.row_at(k)
        if row is None:
            return QPointF(self.left, self.y_of(self._start[k]) + self.nudge(k))
        cell = row.cell_of(k)
        return QPointF(self.left + (cell.x * self.zoom if cell else 0.0),
                       self.y_of(self._start[k]) + self._dy[k] * self.pitch + self.nudge(k))

    def row_bottom(self, k: int) -> float:
        """The bottom of the table row that starts at paragraph k."""
        return self.y_of(self._end[k])


    def _position(self, block: QTextBlock, k: int) -> None:
        """Place a plain paragraph's lines for where it now starts (lines move down past a page's foot)."""
        start = self._start[k] + (self._dy[k] if self.row_at(k) is not None else 0.0)  # a cell's paragraph: in its row
        if self.grid:
            # Lines on the pages after the first are on the grid again: no nudge. (Nudges are under a
            # line, grid starts whole lines: one number keys both.)
            key = start + self._nudge[k] / 1024
            if self._placed[k] != key:
                self._placed[k] = key
                if (slots := self._line_slots.get(k)) is not None:
                    _slots_position(block.layout(), slots, int(start), self._nudge[k], self.grid.per_page, self.pitch)
                else:
                    sp.grid_position(block.layout(), int(start), self._nudge[k], self.grid.per_page, self.pitch)
            return
        if self._placed[k] == start:
            return
        self._placed[k] = start
        sp.flow_position(block.layout(), self._heights[k], start, self.page_height)

    def text_pages(self) -> int:
        """The pages the text fills (a 公文's 版记 may take more), estimated while paragraphs are still being placed."""
        return self.page_count_of(self._end[-1] + (self._shift if self._valid < len(self._end) else 0) if self._end else 0)

    def with_record(self, text_pages: int) -> int:
        """The page count when the text fills `text_pages`: a 公文's 版记 may take a page or two more."""
        return self.gongwen.record_at(text_pages) or text_pages if self.gongwen and self.grid else text_pages

    def _parts_start(self, k: int, end: float) -> float:
        """Where paragraph k may start: a 公文's title no higher than the first line below its 版头."""
        g = self.gongwen
        if g is None or self.grid is None:
            return end
        if k == g.carried and int(end) % self.grid.per_page:  # goes on to the next page with the 落款, as printed
            return float((int(end) // self.grid.per_page + 1) * self.grid.per_page)
        return max(end, float(g.first_slot)) if k == g.title else end

    def _parts_end(self, k: int, start: float, end: float) -> tuple[float, float]:
        """Paragraph k's start and end with a 公文's parts around it (painted by page view, not editable).

        Page one moves down under the 版头 from the title on; the 主送 or closing parts print sets after
        paragraph k take their grid lines after it.
        """
        g = self.gongwen
        if g is None or self.grid is None:
            return start, end
        if 0 <= g.title <= k and start < self.grid.per_page and not self._inherits_nudge(k, start):
            self._nudge[k] += g.shift / self.grid.pitch  # as print, on top of the table borders above it
        if k in g.flows:
            end = float(g.place(k, int(end), self.grid.per_page))
        return start, end

    def _inherits_nudge(self, k: int, start: float) -> bool:
        """Whether paragraph k (starting at `start`) took its nudge from the one before (_nudge_of), a 公文's page-one shift and all."""
        if not self._heads or k == 0:
            return False
        row = self.row_at(k)
        if row is not None:
            return k != row.head
        assert self.grid is not None
        same_page = int(self._start[k - 1]) // self.grid.per_page == int(start) // self.grid.per_page
        return self.row_at(k - 1) is None and same_page and (self.gongwen is None or k - 1 >= self.gongwen.title)


def _slots_position(layout: QTextLayout, slots: tuple[int, ...], first: int, nudge: float, per_page: int,
                    pitch: float) -> None:
    """A paragraph's lines on the grid slots given (a merged cell's, across a page break), as sp.grid_position."""
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        at = slots[i] if i < len(slots) else slots[-1] + i - len(slots) + 1
        y = (at - first) * pitch + (pitch - line.height()) / 2
        if nudge and at // per_page != first // per_page:
            y -= nudge * pitch  # on the grid again on a later page
        if abs(line.y() - y) > 1e-6:
            line.setPosition(QPointF(line.x(), y))
