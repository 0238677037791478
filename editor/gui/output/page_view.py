"""View ▸ 页面视图: the document on its printed pages, as in WPS and Word's page layout view.

Switching the view on gives the editor's own QTextDocument a SheetLayout (sheet_layout.py), which
lays the same paragraphs out one sheet wide with the style's margins: with the official style the
role fonts on the 22 × 28 grid with hanging punctuation, set by the very functions printing uses
(line_breaks.py), so lines and pages break where they will print. The viewport paints grey around
white sheets, a band at each page break and the page's "— n —" beside it (right for odd pages,
left for even).

Nothing in the document changes: no format is set, so the undo history, the modified state and
what a save writes are those of normal view. Switching back gives the document Qt's own layout again.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QAction, QColor, QFont, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QTextEdit

from editor.core import fonts
from editor.core.formats import official_style as official
from editor.core.formats.pdf_export import OFFICIAL_PAGE, PLAIN_PAGE, PageSetup
from editor.core.formats.registry import DEFAULT_EXPORT_STYLE, OFFICIAL_STYLE_ID, export_style
from editor.gui.document.docx_state import KEPT_OBJECT
from editor.gui.output import line_breaks as lb
from editor.gui.output import sheet_gongwen
from editor.gui.output.font_report import installed_families
from editor.gui.output.page_render import one_line_layout, page_number_text
from editor.gui.output.print_actions import font_fallbacks
from editor.gui.output.sheet_layout import Grid, SheetLayout
from editor.gui.window.host import WindowHost

PX_PER_PT = 96 / 72
PX_PER_MM = 96 / 25.4
PARTS_PAUSE_MS = 300


def _keep_objects_visible(doc: QTextDocument, layout: QAbstractTextDocumentLayout | None = None) -> None:
    """Kept objects (images …) are sized and drawn by a handler registered on the layout: register it on this one."""
    layout = layout or doc.documentLayout()
    handler = doc.property("yukuKeptHandlerRef")
    if isinstance(handler, QObject) and not layout.property("yukuKeptHandler"):
        layout.registerHandler(KEPT_OBJECT, handler)
        layout.setProperty("yukuKeptHandler", True)


class PageView(QObject):
    """The page view of one window: on and off, the layout it installs and the sheets it paints."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.widget)
        self.host = host
        self.editor: QTextEdit = host.editor
        self.action: QAction = host.action_factory.make("page_view", self.tr("页面视图(&L)"), None, "Ctrl+Alt+L",
                                                        checkable=True)
        self.action.setToolTip(self.tr("按打印的页面显示文档：纸张、页边距、分页和页码"))
        self.action.toggled.connect(self.set_active)
        self.active = False
        self.setup: PageSetup = OFFICIAL_PAGE
        self.style = OFFICIAL_STYLE_ID
        self.layout: SheetLayout | None = None
        self._unscrolled = 0.0  # the part of a pixel the text moved that the scroll bar has not followed
        self._zoom_seen = 1.0
        self._scroll_to: float | None = None  # after a zoom: where the scroll bar goes once the sheets are resized
        self._number_font = QFont()
        self._reapply = QTimer(self)
        self._reapply.setSingleShot(True)
        self._reapply.setInterval(0)
        self._reapply.timeout.connect(self._ensure_paged)
        host.settingsChanged.connect(self._settings_changed)
        # A 公文's parts (sheet_gongwen) follow the form at once and the text once typing pauses.
        self._parts_timer = QTimer(self)
        self._parts_timer.setSingleShot(True)
        self._parts_timer.timeout.connect(self.refresh_parts)
        host.session.changed.connect(lambda: self._parts_timer.start(0))
        host.session.loaded.connect(lambda: self._parts_timer.start(0))

    def _settings_changed(self, keys: list[str]) -> None:
        """Another export style or font fallback in Preferences: the sheets follow at once."""
        if self.active and {"export_style", "font_fallbacks"} & set(keys):
            self.set_active(False)
            self.set_active(True)

    # -- geometry ---------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """The editor's zoom, by which the sheets are painted bigger or smaller (1: 100 %)."""
        return self.layout.zoom if self.layout is not None else 1.0

    @property
    def paper(self) -> QSizeF:
        """The sheet in the editor's pixels, at its zoom."""
        return QSizeF(self.setup.width * PX_PER_MM * self.zoom, self.setup.height * PX_PER_MM * self.zoom)

    @property
    def top(self) -> float:
        """Where the first line starts in the document (the top margin)."""
        return self.setup.top * PX_PER_MM * self.zoom

    def page_height(self) -> float:
        """The height of one page's text in the document: 22 lines of the grid (else the text block)."""
        if self.layout is not None:
            return self.layout.page_height
        return (self.setup.height - self.setup.top - self.setup.bottom) * PX_PER_MM

    def page_at(self, y: float) -> int:
        """The page (1-based) a document y coordinate prints on."""
        return max(int((y - self.top + 0.5) // self.page_height()), 0) + 1

    def page_of(self, position: int) -> int:
        """The page (1-based) a document position prints on."""
        doc = self.editor.document()
        block = doc.findBlock(position)
        rect = doc.documentLayout().blockBoundingRect(block)
        line = block.layout().lineForTextPosition(position - block.position())
        return self.page_at(rect.top() + (line.y() if line.isValid() else 0))

    def page_count(self) -> int:
        """How many pages the document prints on."""
        return self.layout.pageCount() if self.layout is not None else 0

    def _painted_pages(self) -> int:
        # While the paragraphs after an edit are still being placed, the sheets are painted for
        # the estimate (placing them all on each keystroke is what the layout avoids).
        return self.layout.estimated_pages() if self.layout is not None else 0

    def page_rect(self, page: int) -> QRectF:
        """The band of page `page` (1-based) in viewport coordinates, margins left and right included."""
        x = -self.editor.horizontalScrollBar().value()
        height = self.page_height()
        y = self.top + (page - 1) * height - self.editor.verticalScrollBar().value()
        if page == 1:  # the first sheet shows its top margin, the last its bottom margin
            y, height = y - self.top, height + self.top
        if page == self._painted_pages():
            height += self.setup.bottom * PX_PER_MM * self.zoom
        return QRectF(x, y, self.paper.width(), height)

    # -- switching ----------------------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        """Show the pages (on) or the normal, flowing view (off); the document itself is untouched."""
        if on == self.active:
            return
        self.active = on
        doc = self.editor.document()
        if on:
            style = self.host.settings.get("export_style")
            self.style = style if export_style(style) is not None else DEFAULT_EXPORT_STYLE
            self.setup = OFFICIAL_PAGE if self.style == OFFICIAL_STYLE_ID else PLAIN_PAGE
            self.layout = SheetLayout(doc, self.setup, self._grid(), self.host.base_point_size)
            self.layout.documentSizeChanged.connect(self._size_changed)  # a zoom: centre the sheet again
            self._zoom_seen, self._scroll_to = self.layout.zoom, None
            self.layout.cursor_block = lambda: self.editor.textCursor().blockNumber()  # set first: the editor shows it
            self.layout.view_top = lambda: float(self.editor.verticalScrollBar().value())
            self.layout.shifted.connect(self._keep_in_place)
            self._unscrolled = 0.0
            _keep_objects_visible(doc, self.layout)  # before it lays the placeholders out
            self.layout.gongwen = self._parts_of(doc)  # before it lays the text out
            doc.setDocumentLayout(self.layout)
            doc.contentsChanged.connect(self._text_changed)
            self.editor.viewport().installEventFilter(self)
            self.editor.installEventFilter(self)
            self._ensure_paged()
        else:
            self.editor.viewport().removeEventFilter(self)
            self.editor.removeEventFilter(self)
            doc.contentsChanged.disconnect(self._text_changed)
            self._parts_timer.stop()
            self.layout = None
            doc.setDocumentLayout(None)  # type: ignore[arg-type]  # Qt's own layout again, made on first use
            self.editor.setViewportMargins(0, 0, 0, 0)
            mode = self.editor.lineWrapMode()  # the editor passes its width to the new layout
            _keep_objects_visible(doc)
            self.editor.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
            self.editor.setLineWrapMode(mode)
        self.editor.ensureCursorVisible()
        self.action.setChecked(on)
        self.editor.viewport().update()
        self.host.show_message(
            self.tr("页面视图：%1").replace(
                "%1", official.describe() if self.style == OFFICIAL_STYLE_ID else self.tr("A4，常规页边距"))
            if on else self.tr("已回到普通视图"))

    def _parts_of(self, doc: QTextDocument) -> sheet_gongwen.Decor | None:
        if self.style != OFFICIAL_STYLE_ID:
            return None
        return sheet_gongwen.decor_of(doc, installed_families(), font_fallbacks(self.host.settings))

    def _text_changed(self) -> None:
        if self.layout is not None and self.layout.gongwen is not None:
            self._parts_timer.start(PARTS_PAUSE_MS)  # set again once typing pauses, not on every keystroke

    def refresh_parts(self) -> None:
        """Lay a 公文's parts out again (the form or the text changed); the text moves only if they take other lines."""
        if not self.active or self.layout is None:
            return
        old, new = self.layout.gongwen, self._parts_of(self.editor.document())
        if old is None and new is None:
            return
        self.layout.gongwen = new
        if old is not None and new is not None and old.same_lines(new):
            new.keep_slots(old)  # the same lines where they were: only what is painted changed
            changed = old.changed_restyles(new)
            if changed:  # paragraphs print sets otherwise now (a 附件 label typed, a date written): those again
                self._relay(changed)
        else:
            self.layout.relayout()
        self.editor.viewport().update()

    def _relay(self, numbers: set[int]) -> None:
        """Set paragraphs again, and those between them (the layout re-places what follows as after an edit)."""
        assert self.layout is not None
        doc = self.editor.document()
        first, last = (doc.findBlockByNumber(n) for n in (min(numbers), max(numbers)))
        if not first.isValid() or not last.isValid() or (first == doc.begin() and not last.next().isValid()):
            self.layout.relayout()
            return
        span = last.position() + last.length() - 1 - first.position()
        self.layout.documentChanged(first.position(), span, span)

    def _keep_in_place(self, moved: float) -> None:
        """The paragraphs above the screen were set (a long document is set around the cursor first): scroll with the text."""
        bar = self.editor.verticalScrollBar()
        self._unscrolled += moved
        step = round(self._unscrolled)  # the scroll bar counts whole pixels: carry the rest
        if step:
            self._unscrolled -= step
            bar.setValue(bar.value() + step)

    def _grid(self) -> Grid | None:
        """The official grid with this machine's fonts, as printing uses them; None for the plain style."""
        if self.style != OFFICIAL_STYLE_ID:
            return None
        available = installed_families()
        overrides = font_fallbacks(self.host.settings)
        preset = official.official_preset(available, overrides)
        roles: dict[str, lb.Role] = {}

        def role(style: str) -> lb.Role:
            if style not in roles:
                roles[style] = lb.role_of(preset, style)
            return roles[style]

        self._number_font = QFont()
        self._number_font.setFamilies([fonts.resolve("songti", available, overrides)])
        self._number_font.setPointSizeF(official.PAGE_NO_PT)
        pitch = (preset.line_height or official.LINE_PITCH_PT) * PX_PER_PT
        text_height = (self.setup.height - self.setup.top - self.setup.bottom) * PX_PER_MM
        per_page = int(text_height // pitch + 1e-6)
        return Grid(role, pitch, per_page, text_height / pitch - per_page)

    def _size_changed(self) -> None:
        """The sheets grew or shrank: after a zoom the text at the top of the screen stays there."""
        # Called before the editor fits its scroll bars to the new size (which may cut the value).
        if self.layout is not None and self.layout.zoom != self._zoom_seen:
            bar = self.editor.verticalScrollBar()
            self._scroll_to = bar.value() * self.layout.zoom / self._zoom_seen
            self._zoom_seen = self.layout.zoom
        self._reapply.start()

    def _ensure_paged(self) -> None:
        """Keep the sheet centred in the editor (after a resize or a zoom)."""
        if not self.active:
            return
        free = self.editor.width() - self.paper.width() - self.editor.verticalScrollBar().sizeHint().width() - 4
        gutter = max(0, int(free // 2))
        if self.editor.viewportMargins().left() != gutter:
            self.editor.setViewportMargins(gutter, 0, 0, 0)
        if self._scroll_to is not None:
            self.editor.verticalScrollBar().setValue(round(self._scroll_to))
            self._scroll_to = None

    def document_replaced(self) -> None:
        """A new file or a recovered draft was loaded into the document: its layout already lays it out."""
        if self.active:
            _keep_objects_visible(self.editor.document())

    # -- painting -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Paint the sheets under the text; keep the pages after a resize."""
        if watched is self.editor and event.type() == QEvent.Type.Resize:
            self._reapply.start()
        elif event.type() == QEvent.Type.Paint and watched is self.editor.viewport():
            self._paint_sheets()
        return False  # the editor paints the text on top

    def visible_pages(self) -> list[int]:
        """The pages that show in the viewport now."""
        top = self.editor.verticalScrollBar().value()
        bottom = top + self.editor.viewport().height()
        return list(range(self.page_at(top), min(self.page_at(bottom), self._painted_pages()) + 1))

    def _paint_sheets(self) -> None:
        viewport = self.editor.viewport()
        painter = QPainter(viewport)
        try:
            background = self.editor.palette().window()
            painter.fillRect(viewport.rect(), background)
            for page in self.visible_pages():
                rect = self.page_rect(page)
                painter.fillRect(rect, QColor("white"))
                painter.setPen(QColor("#b0b0b0"))
                painter.drawLine(rect.topLeft(), rect.bottomLeft())
                painter.drawLine(rect.topRight(), rect.bottomRight())
                if page > 1:  # the page break: a band between the last line of a page and the next
                    painter.fillRect(QRectF(rect.left() - 1, rect.top() - 4, rect.width() + 2, 8), background)
                    pen = QPen(QColor("#909090"))
                    pen.setStyle(Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
                if self.style == OFFICIAL_STYLE_ID:
                    self._paint_parts(painter, rect, page)
                    if page not in self.unnumbered():
                        self._paint_number(painter, rect, page)
        finally:
            painter.end()

    def unnumbered(self) -> set[int]:
        """The pages without a page number (a 公文's 信函 first page, a 版记's page of its own and the blank one before)."""
        decor = self.layout.gongwen if self.layout is not None else None
        return decor.unnumbered_at(self.layout.text_pages()) if decor is not None and self.layout else set()

    def _paint_parts(self, painter: QPainter, band: QRectF, page: int) -> None:
        """A 公文's 版头, 主送, closing parts and 版记 on one sheet, where print puts them."""
        layout = self.layout
        if layout is None or layout.gongwen is None or layout.grid is None:
            return
        painter.save()
        # Paper y 0 of page p: the top margin above where the band of its text starts.
        painter.translate(band.left(), (page - 1) * layout.page_height - self.editor.verticalScrollBar().value())
        painter.scale(self.zoom, self.zoom)
        # A page before the last is cut off at its text's foot (its bottom margin hidden, as between all pages).
        foot = self.setup.top * PX_PER_MM + layout.grid.per_page * layout.grid.pitch \
            if page < self._painted_pages() else None
        sheet_gongwen.paint_page(painter, layout.gongwen, page, layout.gongwen.record_at(layout.text_pages()),
                                 self.setup.left, self.setup.top, layout.grid.pitch, layout.grid.per_page, foot)
        painter.restore()

    def number_origin(self, page: int) -> QPointF:
        """Where the page number of a page is drawn: in the side margin beside the page's last line."""
        layout = one_line_layout(page_number_text(page), self._zoomed_number_font(), self.paper.width())
        line = layout.lineAt(0)
        s, mm = self.setup, PX_PER_MM * self.zoom
        right_margin_start = (s.width - s.right) * mm
        x = right_margin_start + (s.right * mm - line.naturalTextWidth()) / 2 if page % 2 \
            else (s.left * mm - line.naturalTextWidth()) / 2
        y = self.top + page * self.page_height() - line.height()
        return QPointF(x, y)

    def _zoomed_number_font(self) -> QFont:
        font = QFont(self._number_font)
        font.setPointSizeF(official.PAGE_NO_PT * self.zoom)
        return font

    def _paint_number(self, painter: QPainter, band: QRectF, page: int) -> None:
        layout = one_line_layout(page_number_text(page), self._zoomed_number_font(), self.paper.width())
        painter.setPen(QColor("#555555"))
        origin = self.number_origin(page)
        layout.lineAt(0).draw(painter, QPointF(band.left() + origin.x(),
                                               origin.y() - self.editor.verticalScrollBar().value()))


def install(host: WindowHost) -> PageView:
    """Feature entry point (window/features.py): View ▸ 页面视图, first in the View menu."""
    view = PageView(host)
    menu = host.menu("view")
    first = menu.actions()[0] if menu.actions() else None
    if first is not None:
        menu.insertAction(first, view.action)
        menu.insertSeparator(first)
    else:
        menu.addAction(view.action)
    # A file opened, or New: the fresh content goes on pages too (after the session has loaded it).
    host.session.opened.connect(lambda _path: view.document_replaced())
    host.session.closed.connect(lambda _path: QTimer.singleShot(0, view.document_replaced))
    return view
