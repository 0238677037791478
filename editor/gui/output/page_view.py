"""View ▸ 页面视图: the document on its printed pages, as in WPS and Word's page layout view.

The editor's own QTextDocument is laid out one sheet wide with the style's margins, and the
viewport paints grey around a white sheet. The official style also shows the 22 × 28 grid: the
body font at 16 pt with characters 0.25 pt closer, a fixed 28.95 pt line pitch and a two-character
first-line indent, so lines break where they will print — and every 22nd line a page ends: a band
marks the page break, with the page's "— n —" beside it (right for odd pages, left for even).

Pages are shown as Word shows them with "hide white space": the top and bottom margins between
sheets are left out. Qt's own pagination (QTextDocument.setPageSize) would show them, but it
re-lays out every paragraph after the one typed into: 50 ms a keystroke near the start of a 1 MB
document, where the fixed grid lets the page of a line be computed (line number // 22).

These are view formats, not the writer's: each paragraph keeps its own layout in PAGE_ORIGINAL and
the document its own default font in bridge.MODEL_FONT, and bridge.to_model reads those, so saving,
autosave and export in page view write exactly what normal view would. Formats are changed with
undo off (Qt records every format change as an edit): switching the view starts a new undo
history, and the document's modified state is kept.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextEdit

from editor.core import fonts
from editor.core.formats import official_style as official
from editor.core.formats.pdf_export import OFFICIAL_PAGE, PLAIN_PAGE, PageSetup
from editor.core.formats.registry import DEFAULT_EXPORT_STYLE, OFFICIAL_STYLE_ID, export_style
from editor.gui.document import bridge
from editor.gui.document.paragraph_styles import STYLE_PROPERTY
from editor.gui.output.font_report import installed_families
from editor.gui.output.page_render import one_line_layout, page_number_text
from editor.gui.window.host import WindowHost

PX_PER_PT = 96 / 72
PX_PER_MM = 96 / 25.4
PAGE_ORIGINAL = int(QTextFormat.Property.UserProperty) + 0x5966  # JSON: the paragraph's own layout
_LH = QTextBlockFormat.LineHeightTypes
_P = QTextFormat.Property
# The block properties page view sets, and so restores.
_MANAGED = {"indent": _P.TextIndent, "align": _P.BlockAlignment, "top": _P.BlockTopMargin,
            "bottom": _P.BlockBottomMargin, "lh": _P.LineHeight, "lht": _P.LineHeightType}


def own_block_format(bf: QTextBlockFormat) -> QTextBlockFormat:
    """The paragraph's own block format under page view's (bridge reads paragraphs through this)."""
    if not bf.hasProperty(PAGE_ORIGINAL):
        return bf
    try:
        saved = json.loads(str(bf.property(PAGE_ORIGINAL)))
    except ValueError:
        return bf
    out = QTextBlockFormat(bf)
    out.clearProperty(PAGE_ORIGINAL)
    for key, prop in _MANAGED.items():
        if key in saved:
            out.setProperty(prop, saved[key])
        else:
            out.clearProperty(prop)
    return out


def _saved_layout(bf: QTextBlockFormat) -> str:
    values = {}
    for key, prop in _MANAGED.items():
        if bf.hasProperty(prop):
            value = bf.property(prop)
            values[key] = int(value) if key in ("align", "lht") else float(value)
    return json.dumps(values)


class PageView(QObject):
    """The page view of one window: on and off, the layout it applies and the pages it paints."""

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
        self._frame: QTextFrameFormat | None = None
        self._font: QFont | None = None
        self._number_font = QFont()
        self._reapply = QTimer(self)
        self._reapply.setSingleShot(True)
        self._reapply.setInterval(0)
        self._reapply.timeout.connect(self._ensure_paged)

    # -- geometry ---------------------------------------------------------------------------------

    @property
    def paper(self) -> QSizeF:
        """The sheet in logical pixels."""
        return QSizeF(self.setup.width * PX_PER_MM, self.setup.height * PX_PER_MM)

    @property
    def top(self) -> float:
        """Where the first line starts in the document (the top margin)."""
        return self.setup.top * PX_PER_MM

    def page_height(self) -> float:
        """The height of one page's text in the document: 22 lines of the grid (else the text block)."""
        if self.style == OFFICIAL_STYLE_ID:
            # Qt keeps positions in 1/64 px: the pitch as it lays lines out, not as asked for.
            pitch = round(official.LINE_PITCH_PT * PX_PER_PT * 64) / 64
            return official.LINES * pitch
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
        doc = self.editor.document()
        return self.page_at(doc.documentLayout().documentSize().height() - self.setup.bottom * PX_PER_MM - 1)

    def page_rect(self, page: int) -> QRectF:
        """The band of page `page` (1-based) in viewport coordinates, margins left and right included."""
        x = -self.editor.horizontalScrollBar().value()
        height = self.page_height()
        y = self.top + (page - 1) * height - self.editor.verticalScrollBar().value()
        if page == 1:  # the first sheet shows its top margin, the last its bottom margin
            y, height = y - self.top, height + self.top
        if page == self.page_count():
            height += self.setup.bottom * PX_PER_MM
        return QRectF(x, y, self.paper.width(), height)

    # -- switching ----------------------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        """Show the pages (on) or the normal, flowing view (off)."""
        if on == self.active:
            return
        if on:
            style = self.host.settings.get("export_style")
            self.style = style if export_style(style) is not None else DEFAULT_EXPORT_STYLE
            self.setup = OFFICIAL_PAGE if self.style == OFFICIAL_STYLE_ID else PLAIN_PAGE
        self.active = on
        doc = self.editor.document()
        modified = doc.isModified()
        cursor_pos = self.editor.textCursor().position()
        doc.setUndoRedoEnabled(False)  # view formats are no edit (and clear the undo history)
        try:
            if on:
                self._apply(doc)
            else:
                self._remove(doc)
        finally:
            doc.setUndoRedoEnabled(True)
            doc.setModified(modified)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(cursor_pos, doc.characterCount() - 1))
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.action.setChecked(on)
        self.editor.viewport().update()
        self.host.show_message(
            self.tr("页面视图：%1（撤销记录从此重新开始）").replace(
                "%1", official.describe() if self.style == OFFICIAL_STYLE_ID else self.tr("A4，常规页边距"))
            if on else self.tr("已回到普通视图（撤销记录从此重新开始）"))

    def _apply(self, doc: QTextDocument) -> None:
        s = self.setup
        self._frame = doc.rootFrame().frameFormat()
        frame = QTextFrameFormat(self._frame)
        frame.setTopMargin(s.top * PX_PER_MM)
        frame.setBottomMargin(s.bottom * PX_PER_MM)
        frame.setLeftMargin(s.left * PX_PER_MM)
        frame.setRightMargin(s.right * PX_PER_MM)
        doc.rootFrame().setFrameFormat(frame)
        self._font = doc.defaultFont()
        doc.setProperty(bridge.MODEL_FONT, self._font)
        if self.style == OFFICIAL_STYLE_ID:
            available = installed_families()
            body = QFont()
            body.setFamilies([fonts.resolve("fangsong", available), fonts.resolve("latin", available)])
            body.setPointSizeF(official.BODY_PT)
            body.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, official.CHAR_SPACING / 20 * PX_PER_PT)
            doc.setDefaultFont(body)
            self._number_font = QFont()
            self._number_font.setFamilies([fonts.resolve("songti", available)])
            self._number_font.setPointSizeF(official.PAGE_NO_PT)
            self._grid(doc)
        self.editor.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.editor.setLineWrapColumnOrWidth(round(self.paper.width()))
        self._ensure_paged()
        self.editor.viewport().installEventFilter(self)
        self.editor.installEventFilter(self)

    def _grid(self, doc: QTextDocument) -> None:
        """The official paragraph layout on every paragraph, its own layout kept beside it.

        Runs of paragraphs with the same own layout and role get one merge: a merge per paragraph
        took 11 s on a 1 MB document, a merge per run a fraction of that.
        """
        pitch = official.LINE_PITCH_PT * PX_PER_PT
        cursor = QTextCursor(doc)

        def merge(first: int, last: int, key: tuple[str, bool]) -> None:
            saved, title = key
            view = QTextBlockFormat()
            view.setProperty(PAGE_ORIGINAL, saved)
            view.setTextIndent(0 if title else official.INDENT_PT * PX_PER_PT)
            view.setAlignment(Qt.AlignmentFlag.AlignHCenter if title else Qt.AlignmentFlag.AlignJustify)
            view.setTopMargin(0)
            view.setBottomMargin(0)
            view.setLineHeight(pitch, _LH.FixedHeight.value)
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeBlockFormat(view)

        run: tuple[int, int, tuple[str, bool]] | None = None
        block = doc.begin()
        while block.isValid():
            bf = block.blockFormat()
            if bf.hasProperty(PAGE_ORIGINAL):
                key = None
            else:
                title = bf.property(STYLE_PROPERTY) == "title" if bf.hasProperty(STYLE_PROPERTY) else False
                key = (_saved_layout(bf), title)
            if run is not None and key == run[2]:
                run = (run[0], block.position(), run[2])
            else:
                if run is not None:
                    merge(*run)
                run = (block.position(), block.position(), key) if key is not None else None
            block = block.next()
        if run is not None:
            merge(*run)

    def _remove(self, doc: QTextDocument) -> None:
        self.editor.viewport().removeEventFilter(self)
        self.editor.removeEventFilter(self)
        cursor = QTextCursor(doc)
        run: tuple[int, int, QTextBlockFormat] | None = None  # equal paragraphs get one call

        def put(first: int, last: int, fmt: QTextBlockFormat) -> None:
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            cursor.setBlockFormat(fmt)

        block = doc.begin()
        while block.isValid():
            bf = block.blockFormat()
            own = own_block_format(bf) if bf.hasProperty(PAGE_ORIGINAL) else None
            if run is not None and own is not None and own == run[2]:
                run = (run[0], block.position(), run[2])
            else:
                if run is not None:
                    put(*run)
                run = (block.position(), block.position(), own) if own is not None else None
            block = block.next()
        if run is not None:
            put(*run)
        if self._font is not None:
            doc.setDefaultFont(self._font)
        doc.setProperty(bridge.MODEL_FONT, None)
        if self._frame is not None:
            doc.rootFrame().setFrameFormat(self._frame)
        self.editor.setViewportMargins(0, 0, 0, 0)
        self.editor.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)

    def _ensure_paged(self) -> None:
        """Keep the sheet centred in the editor (after a resize)."""
        if not self.active:
            return
        free = self.editor.width() - self.paper.width() - self.editor.verticalScrollBar().sizeHint().width() - 4
        gutter = max(0, int(free // 2))
        if self.editor.viewportMargins().left() != gutter:
            self.editor.setViewportMargins(gutter, 0, 0, 0)

    def document_replaced(self) -> None:
        """A new file or a recovered draft was loaded: lay it on pages too."""
        if not self.active:
            return
        doc = self.editor.document()
        modified = doc.isModified()
        doc.setUndoRedoEnabled(False)
        try:
            self._remove(doc)
            self._apply(doc)
        finally:
            doc.setUndoRedoEnabled(True)
            doc.setModified(modified)

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
        return list(range(self.page_at(top), min(self.page_at(bottom), self.page_count()) + 1))

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
                    self._paint_number(painter, rect, page)
        finally:
            painter.end()

    def number_origin(self, page: int) -> QPointF:
        """Where the page number of a page is drawn: in the side margin beside the page's last line."""
        layout = one_line_layout(page_number_text(page), self._number_font, self.paper.width())
        line = layout.lineAt(0)
        s = self.setup
        right_margin_start = (s.width - s.right) * PX_PER_MM
        x = right_margin_start + (s.right * PX_PER_MM - line.naturalTextWidth()) / 2 if page % 2 \
            else (s.left * PX_PER_MM - line.naturalTextWidth()) / 2
        y = self.top + page * self.page_height() - line.height()
        return QPointF(x, y)

    def _paint_number(self, painter: QPainter, band: QRectF, page: int) -> None:
        layout = one_line_layout(page_number_text(page), self._number_font, self.paper.width())
        painter.setPen(QColor("#555555"))
        origin = self.number_origin(page)
        layout.lineAt(0).draw(painter, QPointF(band.left() + origin.x(),
                                               origin.y() - self.editor.verticalScrollBar().value()))


def install(host: WindowHost) -> PageView:
    """Feature entry point (window/features.py): View ▸ 页面视图, first in the View menu."""
    view = PageView(host)
    if own_block_format not in bridge.BLOCK_FORMAT_VIEWS:
        bridge.BLOCK_FORMAT_VIEWS.append(own_block_format)
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
