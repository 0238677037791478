"""The document layout of page view: the editor's own paragraphs set on sheets, as they print.

Installed with QTextDocument.setDocumentLayout, it replaces how the document is laid out and
painted and changes nothing in the document: no format is set, so nothing enters (or clears)
the undo history, and saving writes what normal view would.

Paragraphs are set by sheet_paragraphs (official style: as the print renderer sets them). Pages
are shown as Word does with "hide white space": page p's text starts right under page p-1's. An
edit re-sets only the paragraphs it touched and moves the ones after it only as far as needed now
(the rest between keystrokes); a long document is set up to the cursor first, the rest likewise.

A table row (sheet_tables) is placed as one piece: each of its paragraphs keeps the row's start,
and its own offset in its cell (_dy); painting and clicks are in sheet_paint.
"""
from __future__ import annotations

import bisect
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QTextBlock,
    QTextDocument,
    QTextFrame,
)

from editor.core.formats.pdf_export import PageSetup
from editor.gui.output import line_breaks as lb
from editor.gui.output import sheet_paint
from editor.gui.output import sheet_paragraphs as sp
from editor.gui.output import sheet_tables as st
from editor.gui.output.sheet_paragraphs import Grid
from editor.gui.output.sheet_rows import SheetGeometry

SLICE = 100  # paragraphs placed at once after an edit (a screenful and more)
EAGER = 300  # a document this long is set at once; a longer one around the cursor, the rest between keystrokes
SCREEN = 40  # paragraphs set at once either side of the cursor (painting sets the others it shows)
PAUSE, BUDGET = 0.4, 0.008  # seconds: the rest is set once typing pauses, a few ms at a time


class SheetLayout(SheetGeometry, QAbstractTextDocumentLayout):
    """Lays out and paints a QTextDocument on the pages of a PageSetup (see the module docstring)."""

    shifted = Signal(float)  # the text the editor shows moved down (up) by so much: scroll with it

    def __init__(self, doc: QTextDocument, setup: PageSetup, grid: Grid | None, base_size: float = 0.0) -> None:
        super().__init__(doc)
        self.setup = setup
        self.grid = grid
        self.base_size = base_size  # the editor's text size at 100 %: its zoom is the document's font over it
        self.set_geometry(self._zoom_of(doc))
        # Per paragraph (block number): lines, page break before, keep with next, line heights (plain).
        self._lines: list[int] = []
        self._break: list[bool] = []
        self._keep: list[bool] = []
        self._heights: list[tuple[float, ...]] = []
        self._titled: list[bool] = []  # styled as the title (else print recognises the first line as one)
        # Where each paragraph starts: the grid slot (official) or y under the first top margin (plain).
        self._start: list[float] = []
        self._end: list[float] = []
        self._placed: list[float] = []  # the start its lines were last placed for
        self._dy: list[float] = []  # a table cell's paragraph: how far below its row's start (lines or px)
        self._nudge: list[float] = []  # grid: lines off the grid on its first page (table borders above it)
        self._rows: list[st.Row] = []  # every table row, in order, and their first paragraphs
        self._heads: list[int] = []
        # Paragraphs from _valid on still hold where they started before the last edit: true + _shift.
        self._valid, self._shift, self._stale_end = 0, 0.0, 0.0
        self.cursor_block: Callable[[], int] | None = None  # the cursor's paragraph: set before the rest
        self.view_top: Callable[[], float] | None = None  # the y the editor shows at its top
        self._pending = bytearray()  # 1: not set yet, its line count estimated
        self._last_edit = 0.0
        self._set_later = self._soon(self._lay_out_later)  # sets the paragraphs still waiting
        self._later = self._soon(self._place_later)  # places the rest a slice at a time, between keystrokes
        self._size, self._ignore = QSizeF(), False
        self._title = -1  # the recognised title's block number
        self._any_title = False  # some paragraph is styled as the title: print recognises none
        self._signature: tuple[int, int, int, str, float] | None = None

    def _soon(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    # -- geometry ----------------------------------------------------------------------------------

    def pageCount(self) -> int:
        """How many pages the document prints on."""
        self._lay_out_upto(len(self._lines) - 1)
        self._extend(len(self._lines) - 1)
        return self.estimated_pages()

    def estimated_pages(self) -> int:
        """The page count, while the paragraphs after an edit are still being placed: as they fell, moved as the edit moved."""
        return self.with_record(self.text_pages())

    def waiting(self) -> int:
        """How many paragraphs are still to be set (a long document is set up to the cursor first)."""
        return self._pending.count(1)

    def documentSize(self) -> QSizeF:
        """The sheets, one under the other, without the margins between them."""
        return QSizeF(self._size)

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        """Where a paragraph is, its first line's top to its last line's bottom."""
        k = block.blockNumber()
        if not 0 <= k < len(self._start):
            return QRectF()
        self.ready(k)
        row = self.row_at(k)
        if row is not None:  # a cell's paragraph: its own lines, in its cell
            origin, cell = self.origin(k), row.cell_of(k)
            width = cell.width * self.zoom if cell else self.width
            return QRectF(origin.x(), origin.y(), width, max(self._unit(k) * self.pitch, 1.0))
        top, bottom = self.y_of(self._start[k]), self.y_of(self._end[k])
        return QRectF(self.left, top + self.nudge(k), self.width, max(bottom - top, 1.0))

    def frameBoundingRect(self, frame: QTextFrame) -> QRectF:
        """A frame (the document, a table) spans its paragraphs."""
        return sheet_paint.frame_rect(self, frame)

    def block_at(self, y: float) -> int:
        """The number of the paragraph at document y (the one before, between paragraphs)."""
        start = (y - self.top) / self.pitch
        while self._valid < len(self._start) and (self._valid == 0 or self._end[self._valid - 1] <= start):
            self._extend(self._valid + SLICE)
        return max(0, min(bisect.bisect_right(self._start, start) - 1, len(self._start) - 1))

    def hitTest(self, point: QPointF | QPoint, accuracy: Qt.HitTestAccuracy) -> int:  # type: ignore[override]
        """The document position at a point (-1 off the text, for an exact hit)."""
        return sheet_paint.hit_test(self, point, accuracy)

    # -- tables ------------------------------------------------------------------------------------

    def ready(self, k: int) -> float:
        """Set and place paragraph k; the top of its piece (its row's top in a table).

        The paragraphs above it that are still waiting keep their estimate (a long document is set
        around the cursor first): where k falls moves a little as they are set, between keystrokes.
        """
        self._lay_out_upto(k, self.head_of(k))
        self._extend(k)
        self._position(self.document().findBlockByNumber(k), k)
        return self.y_of(self._start[k])

    # -- laying out --------------------------------------------------------------------------------

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        """Re-lay the paragraphs an edit touched; move the ones after it if they now fall elsewhere."""
        doc = self.document()
        if self._ignore:
            return
        count = doc.blockCount()
        # The grid sets every font itself: the document's default font (the editor's zoom) only scales the sheets.
        zoom = self._zoom_of(doc)
        signature = (doc.revision(), count, doc.characterCount(), "" if self.grid else doc.defaultFont().toString(), zoom)
        if (position == 0 and removed == 0 and added >= doc.characterCount() - 1 and signature == self._signature
                and doc.begin().layout().lineCount() > 0):
            return  # the editor passes its width on (a resize) or zooms: the sheet has its own
        self._signature = signature
        if zoom != self.zoom:  # every paragraph again, its lines as they were, painted bigger or smaller
            self.set_geometry(zoom)
            position, added = 0, doc.characterCount()
        self._refresh_rows(doc, position, added, count - len(self._lines))
        if position == 0 and len(self._lines) in (0, count) and added >= doc.characterCount() - 1:
            first, last, old_last = 0, count - 1, len(self._lines) - 1  # everything (a new layout)
        else:
            # The paragraphs the change touched, and as many more as it added (a change that ends at
            # a paragraph's end touches that paragraph, not the next).
            first = doc.findBlock(position).blockNumber()
            end_block = doc.findBlock(max(position, position + added - 1))
            last = end_block.blockNumber() if end_block.isValid() else count - 1
            last = min(max(last, first + count - len(self._lines)), count - 1)
            first = max(0, min(first, last))
            # An edit in a table row re-sets its whole row: the row's height is its tallest cell's.
            first = self.head_of(first)
            last_row = self.row_at(last)
            last = last_row.last if last_row is not None else last
            old_last = last - (count - len(self._lines))
        if not (first == 0 and last == count - 1):
            self._last_edit = time.monotonic()
        self._extend(first - 1)  # the paragraph before the edit must be in place
        old_valid = self._valid
        if old_valid > old_last:
            old_valid += count - len(self._lines)
        elif old_valid > first:
            old_valid = first
        if first == 0 and last == count - 1:
            self._any_title = any(sp.own_role(b)[0] == "title" and self.row_at(n) is None
                                  for n, b in enumerate(sp.blocks(doc)))
        titled_before, title_before = self._any_title, self._title
        if self.grid:
            self._title = sp.first_with_text(doc)
        # A long document laid out anew (page view switched on, a zoom): the paragraphs around the
        # cursor at once, the others estimated, then set between keystrokes (_lay_out_later).
        lo, hi = first, last
        if not first and last >= EAGER:
            hint = self.cursor_block() if self.cursor_block is not None else 0
            lo, hi = max(0, min(hint, last) - SCREEN), min(last, max(hint, 0) + SCREEN)
        lo, hi = self.head_of(lo), max(hi, row.last) if (row := self.row_at(hi)) is not None else hi
        grid = self.grid is not None
        new = [self._lay_out(b) if lo <= n <= hi else self._outside(n, sp.estimate(b, grid))
               for n, b in enumerate(sp.blocks(doc, first, last), first)]
        self._pending[first:old_last + 1] = b"\x01" * (lo - first) + bytes(hi - lo + 1) + b"\x01" * (last - hi)
        if lo > first or hi < last:
            self._set_later.start()
        self._lines[first:old_last + 1] = [v[0] for v in new]
        self._break[first:old_last + 1] = [v[1] for v in new]
        self._keep[first:old_last + 1] = [v[2] for v in new]
        self._heights[first:old_last + 1] = [v[3] for v in new]
        self._titled[first:old_last + 1] = [v[4] for v in new]
        filler: list[float] = [-1.0] * (last - first + 1)
        self._start[first:old_last + 1] = filler
        self._end[first:old_last + 1] = filler
        self._placed[first:old_last + 1] = filler
        self._dy[first:old_last + 1] = [0.0] * (last - first + 1)
        self._nudge[first:old_last + 1] = [0.0] * (last - first + 1)
        self._any_title = any(self._titled)
        if self.grid and self._any_title != titled_before:
            self.relayout()  # roles now come from the styles, or no longer (relayout: not taken for a resize)
            return
        moved_title = self.grid and not self._any_title and title_before != self._title
        for n in {title_before, self._title} if moved_title else ():
            if 0 <= n < len(self._lines) and not first <= n <= last:  # the title moved: re-lay both
                values = self._lay_out(doc.findBlockByNumber(n))
                self._lines[n], self._break[n], self._keep[n], self._heights[n], self._titled[n] = values
                self._pending[n] = 0
                first, last = min(first, n), max(last, n)
        moved = self._paginate(first, last, old_valid)
        self._flush()
        self._resize()
        # update(QRectF) by its signature: a bare .emit(rect) crashes PySide6 6.12.
        top = self.y_of(self._start[first]) - 2
        bottom = self.y_of(self._end[moved]) + 2 if moved < len(self._end) - 1 else self._size.height()
        changed = QRectF(0, top, self._size.width(), max(bottom, self.y_of(self._end[last]) + 2) - top)
        self.update[QRectF].emit(changed)  # type: ignore[index]

    def relayout(self) -> None:
        """Lay every paragraph out again (a 公文's parts changed where the text goes)."""
        self._signature = None
        self.documentChanged(0, 0, self.document().characterCount())

    def _flush(self) -> None:
        # Setting a paragraph's format ranges notes a change the document would pass on with the next
        # edit (re-laying everything set since): pass it on now, to be ignored.
        self._ignore = True
        self.document().markContentsDirty(0, 0)
        self._ignore = False

    def _paginate(self, first: int, last: int, valid: int) -> int:
        """Where each paragraph from `first` on starts; the last one that moved.

        Stops where nothing moves any more; else SLICE paragraphs past the edit, the rest placed
        later (_place_later) or when asked for (_extend): typing re-places a screenful, not the document.
        """
        end = self._end[first - 1] if first > 0 else 0.0
        starts, ends, count = self._start, self._end, len(self._lines)
        for k in range(first, count):
            nudge = self._nudge[k]
            start, new_end = self._place(k, end)
            if last < k < valid and start == starts[k] and nudge == self._nudge[k] and self.head_of(k) == k:
                self._valid = valid
                return k - 1
            if k > last + SLICE:
                self._valid, self._shift = k, end - self._stale_end
                self._later.start()
                return count - 1
            self._stale_end = ends[k]
            starts[k], ends[k] = start, new_end
            end = new_end
        self._valid = count
        return count - 1

    def _lay_out_upto(self, k: int, since: int = 0, deadline: float = float("inf")) -> int:
        """Set the paragraphs still waiting from `since` to k (exactly where k falls: from 0), until the deadline.

        The text the editor shows stays where it is on screen when paragraphs above it are set
        (shifted); returns the next paragraph still waiting after those set (-1: none up to k).
        """
        row = self.row_at(k)
        k = row.last if row is not None else k  # a row is placed once all its cells are set
        first = self._pending.find(1, since, k + 1)
        if first < 0:
            return -1
        first = self.head_of(first)
        anchor = self.block_at(self.view_top()) if self.view_top is not None and first < len(self._start) else -1
        self._extend(anchor)
        seen = self.y_of(self._start[anchor]) if anchor > first else 0.0
        doc = self.document()
        n = first
        for n, block in enumerate(sp.blocks(doc, first, k), first):
            if self._pending[n]:
                values = self._lay_out(block)
                self._lines[n], self._break[n], self._keep[n], self._heights[n], self._titled[n] = values
                self._pending[n] = 0
                self._placed[n] = -1.0
                if time.monotonic() > deadline and self.head_of(n + 1) == n + 1:
                    break
        self._valid = min(self._valid, first)
        self._flush()
        self._later.start()
        if anchor > first:  # the text shown moved by what the paragraphs above it turned out to hold
            self._extend(anchor)
            if abs(moved := self.y_of(self._start[anchor]) - seen) > 1e-6:
                self._resize()
                self.shifted.emit(moved)
        return self._pending.find(1, n, k + 1)

    def _lay_out_later(self) -> None:
        # While the writer types, wait: setting the rest must not slow their keystrokes.
        if time.monotonic() - self._last_edit < PAUSE:
            self._set_later.start(int(PAUSE * 1000))
            return
        first = self._pending.find(1)
        if first >= 0:
            self._lay_out_upto(len(self._pending) - 1, first, time.monotonic() + BUDGET)
        if self._pending.find(1) >= 0:
            self._set_later.start(0)

    def set_block_at(self, y: float) -> int:
        """The paragraph at y once every paragraph above it is set."""
        while True:
            k = self.block_at(y)
            if self._pending.find(1, self.head_of(k), k + 1) < 0:
                return k
            self._lay_out_upto(k, self.head_of(k))

    def _place(self, k: int, end: float) -> tuple[float, float]:
        """Where paragraph k starts and ends when the one before ends at `end` (and how far off the grid: _nudge)."""
        end = self._parts_start(k, end)  # a 公文's title starts below its 版头
        if not self._heads:  # no table: every paragraph on the grid (placed on every keystroke: the short way)
            self._nudge[k] = 0.0
            return self._parts_end(k, *self._place_piece(k, end))
        start, new_end = self._place_piece(k, self._after_table(k, end))
        if self.grid:
            self._nudge[k] = self._nudge_of(k, start, end)
        return self._parts_end(k, start, new_end)

    def _place_piece(self, k: int, end: float) -> tuple[float, float]:
        row = self.row_at(k)
        if row is not None:  # the row's first paragraph places the row; the others go with it
            return self._place_row(row, end) if k == row.head else (self._start[k - 1], self._end[k - 1])
        if self.grid:
            start = float(lb.place(int(end), self._lines[k], self._break[k], self._keep[k], self.grid.per_page))
            return start, start + self._lines[k]
        return sp.flow_place(end, self._heights[k], self._break[k], self.page_height)

    def _extend(self, upto: int) -> None:
        """Place the paragraphs still waiting since the last edit, up to paragraph `upto`."""
        count = len(self._lines)
        if self._valid > upto or self._valid >= count:
            return
        end = self._end[self._valid - 1] if self._valid > 0 else 0.0
        stop = min(upto + 1, count)
        for k in range(self._valid, stop):
            self._stale_end = self._end[k]
            self._start[k], self._end[k] = self._place(k, end)
            end = self._end[k]
        self._valid = stop
        if stop < count:
            self._shift = end - self._stale_end
            return
        self._later.stop()
        self._resize()

    def _resize(self) -> None:
        size = self._new_size()
        if size != self._size:
            self._size = size
            self.documentSizeChanged.emit(size)

    def _place_later(self) -> None:
        first = self._valid
        if first >= len(self._lines):
            return
        self._extend(first + SLICE * 4)
        if self._valid < len(self._lines):
            self._later.start()
        top = self.y_of(self._start[first])
        self.update[QRectF].emit(QRectF(0, top - 2, self._size.width(), self._size.height()))  # type: ignore[index]

    def _lay_out(self, block: QTextBlock) -> tuple[int, bool, bool, tuple[float, ...], bool]:
        """Set one paragraph's lines: (lines, break before, keep with next, heights, titled)."""
        row = self.row_at(block.blockNumber())
        cell = row.cell_of(block.blockNumber()) if row is not None else None
        recognise = cell is None  # print recognises the roles of plain paragraphs outside tables
        width = cell.width if cell is not None else self.text_width
        return self._outside(block.blockNumber(), sp.set_paragraph(
            block, self.grid, width, self.zoom, recognise, not self._any_title and block.blockNumber() == self._title,
            self.document().defaultTextOption(), self.base_size))

    def draw(self, painter: QPainter, context: QAbstractTextDocumentLayout.PaintContext) -> None:
        """Paint the paragraphs in the clip, with selections and the cursor."""
        sheet_paint.draw(self, painter, context)
