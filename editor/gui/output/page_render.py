"""Lay a document out on pages with Qt, in a style's layout, and paint the pages (print, preview, PDF).

The official style gives the page of the official DOCX (OFFICIAL_FORMAT.md): A4, 37/35/28/26 mm,
a fixed 28.95 pt line pitch (22 lines), 16 pt characters 0.25 pt closer (28 a line), a two-character
first-line indent, the role fonts, and "— 1 —" page numbers, odd pages right and even pages left.
The plain style prints the document as the editor shows it, on the plain DOCX's page (or a Word
file's own paper and margins). Text is laid out in Qt's logical pixels (96 a inch) with design
metrics, so the same lines break on screen, in the preview and on paper.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtPrintSupport import QPrinter

from editor.core import fonts
from editor.core.formats.official_style import PAGE_NO_PT, official_preset, prepare_official
from editor.core.formats.pdf_export import PageSetup, page_setup
from editor.core.formats.registry import OFFICIAL_STYLE_ID, PLAIN_STYLE_ID
from editor.core.model.document import LINE_BREAK, Document, Paragraph
from editor.gui.output import line_breaks as lb
from editor.gui.output import print_tables
from editor.gui.output.font_report import installed_families
from editor.gui.output.sheet_layout import SheetLayout

PX_PER_PT = 96 / 72
PX_PER_MM = 96 / 25.4


def page_number_text(page: int) -> str:
    """The official page number: an em dash, a space, the digits, a space, an em dash."""
    return f"— {page} —"


def _paper(setup: PageSetup) -> QPageLayout:
    """The paper, in millimetres; the margins are drawn by the page painters, so the layout has none."""
    size = QPageSize(QSizeF(setup.width, setup.height), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


class Pages:
    """Pages of a PageSetup that paint themselves onto a printer or PDF writer."""

    setup: PageSetup

    def page_count(self) -> int:
        """How many pages there are."""
        raise NotImplementedError

    def paint_page(self, painter: QPainter, page: int, numbers: bool = True) -> None:
        """Paint one page (1-based) at the painter's origin, in logical pixels of the paper."""
        raise NotImplementedError

    def page_layout(self) -> QPageLayout:
        """The paper, in millimetres."""
        return _paper(self.setup)

    def paint(self, device: QPrinter | QPdfWriter, first: int = 1, last: int = 0) -> int:
        """Paint pages first..last (0: to the end) on a printer or PDF writer; the pages painted."""
        device.setPageLayout(self.page_layout())
        painter = QPainter()
        if not painter.begin(device):
            return 0
        try:
            # The painter's origin is the printable area's corner; paper coordinates start at the sheet's.
            layout = device.pageLayout()
            paper = layout.fullRectPixels(device.resolution())
            printable = layout.paintRectPixels(device.resolution())
            scale = device.resolution() / 96
            last = min(last or self.page_count(), self.page_count())
            painted = 0
            for page in range(max(first, 1), last + 1):
                if painted:
                    device.newPage()
                painter.save()
                painter.translate(paper.x() - printable.x(), paper.y() - printable.y())
                painter.scale(scale, scale)
                self.paint_page(painter, page)
                painter.restore()
                painted += 1
            return painted
        finally:
            painter.end()


class PagedDocument(Pages):
    """A QTextDocument on pages of a PageSetup, laid out as page view lays it out (sheet_layout)."""

    def __init__(self, document: QTextDocument, setup: PageSetup, page_font: QFont | None) -> None:
        self.document = document
        self.setup = setup
        self.page_font = page_font  # None: no page numbers
        self.text_width = (setup.width - setup.left - setup.right) * PX_PER_MM
        self.layout = SheetLayout(document, setup, None)
        document.setDocumentLayout(self.layout)

    def page_count(self) -> int:
        """How many pages the document fills."""
        return self.layout.pageCount()

    def paint_page(self, painter: QPainter, page: int, numbers: bool = True) -> None:
        """Paint one page (1-based) at the painter's origin, in logical pixels of the paper."""
        # The layout shows page p's text right under page p-1's: page p is one band of it.
        band = QRectF(0, self.layout.top + (page - 1) * self.layout.page_height, self.setup.width * PX_PER_MM,
                      self.layout.page_height)
        painter.save()
        painter.translate(0, self.layout.top - band.top())
        painter.setClipRect(band)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = band
        context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
        self.layout.draw(painter, context)
        painter.restore()
        if numbers and self.page_font is not None:
            _paint_page_number(painter, self.setup, self.page_font, self.text_width, page)


def _paint_page_number(painter: QPainter, s: PageSetup, font: QFont, text_width: float, page: int) -> None:
    """"— n —" one character in from the text block's edge: odd pages right, even pages left."""
    # A QTextLayout, like the body: measured at 96 dpi whatever the device (QPainter.drawText would
    # size the font for the printer's resolution and then be scaled again).
    layout = QTextLayout(page_number_text(page), font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(text_width)
    layout.endLayout()
    inset = PAGE_NO_PT * PX_PER_PT
    x = s.left * PX_PER_MM + (text_width - inset - line.naturalTextWidth() if page % 2 else inset)
    bottom = (s.height - s.footer_mm) * PX_PER_MM
    painter.save()
    painter.setPen(Qt.GlobalColor.black)
    line.draw(painter, QPointF(x, bottom - line.height()))
    painter.restore()


# -- building the laid-out document --------------------------------------------------------------


def _font(east_asia: str | None, latin: str | None, size: float | None) -> QFont:
    font = QFont()
    font.setFamilies([f for f in (east_asia, latin) if f])
    if size:
        font.setPointSizeF(size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return font


class OfficialPages(Pages):
    """The official layout, line by line: 22 fixed-pitch lines a page, 28 characters a line.

    Qt's own document layout would break "工作，" before 作 (a comma may not start a line) and
    leave 27 characters where Word and LibreOffice hang the comma into the margin and keep 28: so
    every line is set with line_breaks (as page view sets them), hanging closing punctuation the way they do.
    """

    def __init__(self, model: Document, available: list[str], overrides: dict[str, list[str]] | None) -> None:
        self.setup = page_setup(model, OFFICIAL_STYLE_ID)
        self.preset = official_preset(available, overrides)
        self.text_width = (self.setup.width - self.setup.left - self.setup.right) * PX_PER_MM
        self.text_height = (self.setup.height - self.setup.top - self.setup.bottom) * PX_PER_MM
        self.pitch = (self.preset.line_height or 28.95) * PX_PER_PT
        self.lines_per_page = int(self.text_height // self.pitch + 1e-6)
        self.page_font = _font(fonts.resolve("songti", available, overrides), None, PAGE_NO_PT)
        self.roles: dict[str, lb.Role] = {}
        self.layouts: list[QTextLayout] = []  # kept alive: lines belong to their layout
        self.lines: list[tuple[QTextLayout, int, float]] = []  # layout, line index, left indent (or table cell's x)
        self.slots: list[int] = []  # each line's grid slot: page · lines_per_page + row
        self.end_slot = 0  # the slot after the last line or table row (and the room under a table)
        self.table_rows: list[print_tables.PrintedRow] = []
        self.row_starts: list[int] = []  # each table row's first slot
        self.table_ends: list[tuple[int, float]] = []  # where the text after a table starts, and how far off the grid
        self.paragraph_lines: list[list[str]] = []  # each paragraph's lines, as text
        self.first_slot = 0  # where the first line may go (a 公文's 版头 takes the top of page one)
        self.first_page_shift = 0.0  # px the rows of page one are moved down (the 版头's height is no whole line)
        self.shift_from = 0  # … from this line on (lines before a 公文's title stay above its 版头)
        self.min_pages = 1  # pages even without lines on them (a 公文's 版记 may have a page of its own)
        self._chain: list[tuple[int, int]] = []  # keep-with-next paragraphs just set: (first line, lines before)
        self._build(prepare_official(model))
        pages = max((self.slots[-1] // self.lines_per_page + 1) if self.slots else 1, self.min_pages)
        starts = [bisect.bisect_left(self.slots, page * self.lines_per_page) for page in range(pages + 1)]
        self.page_starts = starts[:-1]  # index into lines of each page's first line

    def _build(self, doc: Document) -> None:
        """Set the prepared document's paragraphs and tables (their cells side by side), in reading order."""
        for block in doc.blocks:
            if isinstance(block, Paragraph):
                self._add(block)
            else:
                print_tables.add_table(self, block)
                self._chain = []

    def _add(self, p: Paragraph, role: lb.Role | None = None, before: int = 0, left: float = 0.0,
             right: float = 0.0) -> None:
        """Set a paragraph in its style's role (or `role`), after `before` lines, `left`/`right` px narrower."""
        layout, text, role = self._layout_of(p, role)
        chain, start = self._chain, len(self.lines)
        self._place(layout, text, role, p.page_break_before, before, left, right)
        if chain and not p.page_break_before and len(self.lines) > start:
            self._keep_chain(chain, start, before, role.keep_next)
        self._chain = [*chain, (start, before)] if role.keep_next else []

    def _keep_chain(self, chain: list[tuple[int, int]], start: int, before: int, keep_next: bool) -> None:
        """Move the headings before the paragraph set from line `start` on to the next page with it.

        LibreOffice keeps a keep-with-next paragraph on the page of the next one's first line: when
        that line went to the next page, the chain (if it fits on one) starts that page, and the
        paragraph follows it.
        """
        per, c0, f = self.lines_per_page, self.slots[chain[0][0]], self.slots[start]
        if not c0 % per or f // per == c0 // per or f - c0 >= per:
            return
        end = (c0 // per + 1) * per
        bounds = [line for line, _b in chain[1:]] + [start]
        for (line, gap), stop in zip(chain, bounds, strict=True):
            end += gap if end % per else 0
            for i in range(line, stop):
                self.slots[i] = end + i - line
            end += stop - line
        end = lb.place(end + before, len(self.lines) - start, False, keep_next, per)
        for i in range(start, len(self.lines)):
            self.slots[i] = end + i - start
        self.end_slot = max(self.end_slot, self.slots[-1] + 1)

    def _layout_of(self, p: Paragraph, role: lb.Role | None = None) -> tuple[QTextLayout, str, lb.Role]:
        """A paragraph's text with its role's fonts and the runs' emphasis, not yet broken into lines."""
        if p.style not in self.roles:
            self.roles[p.style] = lb.role_of(self.preset, p.style)
        role = role or self.roles[p.style]
        text = "".join(r.text for r in p.runs).replace("\n", LINE_BREAK)
        layout = QTextLayout(text, role.font)
        layout.setTextOption(lb.text_option(role))
        runs, pos = [], 0
        for run in p.runs:
            runs.append(lb.RunStyle(pos, len(run.text), run.bold, run.italic, run.underline))
            pos += len(run.text)
        layout.setFormats(lb.formats(text, runs, role))
        return layout, text, role

    def set_paragraph(self, p: Paragraph, width: float) -> tuple[QTextLayout, int]:
        """Set a paragraph's lines in a width (a table cell's) without placing them; its layout and line count."""
        layout, text, role = self._layout_of(p)
        count = lb.break_lines(layout, text, role, width, self.pitch)
        self._keep(layout, text, count)
        return layout, count

    def next_slot(self) -> int:
        """Where the next paragraph or table row may start: after the last line and table, below a 版头."""
        return max(self.slots[-1] + 1 if self.slots else 0, self.end_slot, self.first_slot)

    def _keep(self, layout: QTextLayout, text: str, count: int) -> None:
        self.layouts.append(layout)
        self.paragraph_lines.append([text[layout.lineAt(i).textStart():layout.lineAt(i).textStart()
                                          + layout.lineAt(i).textLength()] for i in range(count)])

    def _place(self, layout: QTextLayout, text: str, role: lb.Role, break_before: bool, before: int = 0,
               left: float = 0.0, right: float = 0.0) -> None:
        """Break a paragraph's lines and give them grid slots after the last line set.

        `before` whole lines of space go first unless the paragraph starts a page; `left` and `right`
        indents (px) narrow its lines.
        """
        self._chain = []  # a 公文's part set between paragraphs (主送, 落款) breaks a chain of headings
        count = lb.break_lines(layout, text, role, self.text_width - left - right, self.pitch)
        end = self.next_slot()
        if before and end % self.lines_per_page:
            end = min(end + before, (end // self.lines_per_page + 1) * self.lines_per_page)
        first = lb.place(end, count, break_before, role.keep_next, self.lines_per_page)
        for i in range(count):
            self.lines.append((layout, i, left))
            self.slots.append(first + i)
        self.end_slot = first + count
        self._keep(layout, text, count)

    def page_count(self) -> int:
        """How many pages the document fills."""
        return len(self.page_starts)

    def page_lines(self, page: int) -> list[tuple[QTextLayout, int, float]]:
        """The lines of one page (1-based)."""
        starts = [*self.page_starts, len(self.lines)]
        return self.lines[starts[page - 1]:starts[page]]

    def paint_page(self, painter: QPainter, page: int, numbers: bool = True) -> None:
        """Paint one page (1-based) at the painter's origin, in logical pixels of the paper."""
        left, top = self.setup.left * PX_PER_MM, self.setup.top * PX_PER_MM
        painter.save()
        painter.setPen(Qt.GlobalColor.black)
        first = self.page_starts[page - 1]
        for k, (layout, index, x) in enumerate(self.page_lines(page)):
            line = layout.lineAt(index)
            row = self.slots[first + k] % self.lines_per_page
            shift = self.first_page_shift if page == 1 and first + k >= self.shift_from else 0.0
            # The exact pitch splits the room left over above and below the glyphs, as Word does.
            off_grid = print_tables.nudge(self, self.slots[first + k])  # under a table's borders
            y = top + shift + (row + off_grid) * self.pitch + (self.pitch - line.height()) / 2 - line.y()
            line.draw(painter, QPointF(left + x, y))
        print_tables.paint_rows(self, painter, page, self.first_page_shift if page == 1 else 0.0)
        painter.restore()
        if numbers:
            _paint_page_number(painter, self.setup, self.page_font, self.text_width, page)


def official_document(model: Document, available: Iterable[str] | None = None,
                      overrides: dict[str, list[str]] | None = None) -> OfficialPages:
    """The document's body as the official DOCX lays it out, with this machine's fonts (or their substitutes).

    A 公文's parts (版头, 落款, 版记 …) are gongwen_pages' business: print through gongwen_pages.paged.
    """
    return OfficialPages(model, list(available) if available is not None else installed_families(), overrides)


def plain_document(source: QTextDocument, model: Document, base_point_size: float) -> PagedDocument:
    """The document as the editor shows it, at 100 %, on the plain DOCX's page."""
    qdoc = source.clone()
    font = qdoc.defaultFont()
    if base_point_size > 0:
        font.setPointSizeF(base_point_size)  # zoom is a view setting and must not reach paper
    qdoc.setDefaultFont(font)
    option = qdoc.defaultTextOption()
    option.setUseDesignMetrics(True)
    qdoc.setDefaultTextOption(option)
    return PagedDocument(qdoc, page_setup(model, PLAIN_STYLE_ID), None)


def paged(source: QTextDocument, style: str, base_point_size: float,
          overrides: dict[str, list[str]] | None = None) -> Pages:
    """The document laid out for printing in a style ("official" or "plain")."""
    from editor.gui.document.bridge import to_model

    model = to_model(source)
    if style == OFFICIAL_STYLE_ID:
        return official_document(model, None, overrides)
    return plain_document(source, model, base_point_size)


_LAYOUTS: dict[tuple[str, str], QTextLayout] = {}


def one_line_layout(text: str, font: QFont, width: float) -> QTextLayout:
    """One line of text laid out once and cached (page numbers are painted on every keystroke)."""
    key = (text, font.toString())
    if key in _LAYOUTS:  # painted on every keystroke: lay each number out once
        return _LAYOUTS[key]
    if len(_LAYOUTS) > 500:
        _LAYOUTS.clear()
    layout = _LAYOUTS[key] = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(width)
    layout.endLayout()
    return layout
