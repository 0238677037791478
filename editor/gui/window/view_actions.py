"""View menu: zoom, full screen, a distraction-free focus mode, and the remembered window layout."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle, QTextEdit, QToolBar, QWidget

from editor.core.settings import Settings
from editor.gui.window.actions import ActionFactory

ZOOM_MIN, ZOOM_MAX = -5, 10
ZOOM_STEP = 0.1  # each step is 10 % of the base size
WHEEL_NOTCH = 120  # angleDelta of one mouse-wheel notch; touchpads send smaller deltas that add up to it
FOCUS_COLUMN_CHARS = 36  # characters per line in focus mode; an official A4 page has 28
# The document never narrows below this many characters a line: the docks give way first (at 800×600
# with both side panels the text kept ~165 px, at 640×480 one character a line).
DOCUMENT_MIN_CHARS = 16


class ViewActions(QObject):
    """Owns the zoom level (stored in settings "zoom") and the full-screen and focus states."""

    def __init__(self, window: QMainWindow, editor: QTextEdit, settings: Settings, factory: ActionFactory) -> None:
        super().__init__(window)
        self.factory = factory
        self.window = window
        self.editor = editor
        self.settings = settings
        # Zoom scales the document's default font: style sizes are relative to it, so headings follow.
        self.base_point_size = editor.document().defaultFont().pointSizeF()
        self._hidden: list[QWidget] = []
        self._was_maximized = False
        self.zoom: int = 0
        self.zoom_in = self._make("zoom_in", self.tr("放大(&I)"), "zoom-in", ["Ctrl++", "Ctrl+="],
                                  lambda: self.set_zoom(self.zoom + 1))
        self.zoom_out = self._make("zoom_out", self.tr("缩小(&O)"), "zoom-out", ["Ctrl+-"],
                                   lambda: self.set_zoom(self.zoom - 1))
        # Ctrl+0 is the 正文 paragraph style, so reset takes Ctrl+Alt+0.
        self.zoom_reset = self._make("zoom_reset", self.tr("实际大小(&Z)"), "zoom-original", ["Ctrl+Alt+0"],
                                     lambda: self.set_zoom(0))
        self.full_screen = self._make("full_screen", self.tr("全屏(&U)"), "view-fullscreen", ["F11"],
                                      self.set_full_screen, checkable=True)
        self.focus_mode = self._make("focus_mode", self.tr("专注模式(&M)"), "view-focus", ["Shift+F11"],
                                     self.set_focus_mode, checkable=True)
        editor.setMinimumWidth(self.document_min_width())
        self.set_zoom(int(settings.get("zoom")), save=False)
        self._fitted_on_show = False
        self._wheel_delta = 0
        window.installEventFilter(self)
        editor.viewport().installEventFilter(self)  # Ctrl+wheel zooms, as in Word and browsers

    def _make(self, name: str, text: str, icon_name: str, keys: list[str], slot: Callable[..., object],
              checkable: bool = False) -> QAction:
        return self.factory.make(name, text, slot, keys, icon_name, checkable)

    @property
    def actions(self) -> list[QAction]:
        """The view actions in menu order."""
        return [self.zoom_in, self.zoom_out, self.zoom_reset, self.full_screen, self.focus_mode]

    def set_zoom(self, steps: int, save: bool = True) -> None:
        """Zoom the text to 100 % + steps × 10 %, within limits; remembered across sessions."""
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        font = self.editor.document().defaultFont()
        font.setPointSizeF(self.base_point_size * (1 + ZOOM_STEP * self.zoom))
        self.editor.document().setDefaultFont(font)
        self.zoom_in.setEnabled(self.zoom < ZOOM_MAX)
        self.zoom_out.setEnabled(self.zoom > ZOOM_MIN)
        if save and self.settings.get("zoom") != self.zoom:
            self.settings.set("zoom", self.zoom)

    def document_min_width(self) -> int:
        """The document pane's least width: DOCUMENT_MIN_CHARS characters at 100 %, margins and scroll bar."""
        metrics = QFontMetrics(self.editor.document().defaultFont())
        bar = self.editor.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return metrics.horizontalAdvance("字") * DOCUMENT_MIN_CHARS + 2 * int(self.editor.document().documentMargin()) \
            + bar + 2 * self.editor.frameWidth()

    def zoom_percent(self) -> int:
        """The zoom as a percentage."""
        return round(100 * (1 + ZOOM_STEP * self.zoom))

    def set_full_screen(self, on: bool) -> None:
        """Enter or leave full screen (F11)."""
        if on and not self.window.isFullScreen():
            self._was_maximized = self.window.isMaximized()
            self.window.showFullScreen()
        elif not on and self.window.isFullScreen():
            if self._was_maximized:
                self.window.showMaximized()
            else:
                self.window.showNormal()
        self.full_screen.setChecked(on)

    def set_focus_mode(self, on: bool) -> None:
        """Hide the docks, toolbars and status bar, or bring them back.

        The menu bar stays: it keeps every action (and its shortcut) reachable from the keyboard.
        """
        if on and not self._hidden:
            chrome: list[QWidget] = [*self.window.findChildren(QDockWidget), *self.window.findChildren(QToolBar),
                                    self.window.statusBar()]
            self._hidden = [w for w in chrome if w.isVisible() and w.parent() is self.window]
            for w in self._hidden:
                w.hide()
            self.editor.installEventFilter(self)
            self._center_column()
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        elif not on:
            for w in self._hidden:
                w.show()
            self._hidden = []
            self.editor.removeEventFilter(self)
            self.editor.setViewportMargins(0, 0, 0, 0)
        self.focus_mode.setChecked(on)

    def _center_column(self) -> None:
        """In focus mode the text runs in a centred column of comfortable width, not edge to edge."""
        metrics = QFontMetrics(self.editor.document().defaultFont())
        column = metrics.horizontalAdvance("字") * FOCUS_COLUMN_CHARS + 2 * int(self.editor.document().documentMargin())
        side = max(0, (self.editor.width() - column) // 2)
        self.editor.setViewportMargins(side, 0, side, 0)

    def wheel_zoom(self, event: QWheelEvent) -> bool:
        """Ctrl+wheel: one zoom step a notch (through the zoom actions, so the status bar follows)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        self._wheel_delta += event.angleDelta().y()
        while abs(self._wheel_delta) >= WHEEL_NOTCH:
            step = self.zoom_in if self._wheel_delta > 0 else self.zoom_out
            self._wheel_delta -= WHEEL_NOTCH if self._wheel_delta > 0 else -WHEEL_NOTCH
            if step.isEnabled():
                step.trigger()
        event.accept()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+wheel zoom; keep the focus-mode column centred as the window changes size; fit when first shown."""
        if event.type() == QEvent.Type.Wheel and watched is self.editor.viewport() \
                and isinstance(event, QWheelEvent):
            return self.wheel_zoom(event)
        if watched is self.editor and event.type() == QEvent.Type.Resize:
            self._center_column()
        elif watched is self.window and event.type() == QEvent.Type.Show and not self._fitted_on_show:
            # Only now does the window manager's frame (title bar) have a size: fit again with it.
            self._fitted_on_show = True
            QTimer.singleShot(0, self, self.fit_to_screen)
        return False

    def fit_to_screen(self) -> None:
        """Keep the whole window, title bar and status bar included, on the available part of its screen.

        A size saved at another scale (QT_SCALE_FACTOR=2 halves the screen in logical pixels), on a
        bigger monitor, or the first-run default can be larger than the screen.
        """
        win = self.window
        if win.isMaximized() or win.isFullScreen():
            return
        screen = win.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        geo, frame = win.geometry(), win.frameGeometry()
        extra_w, extra_h = frame.width() - geo.width(), frame.height() - geo.height()
        if not win.isVisible() or extra_h <= 2:
            # Not framed yet (or a frameless platform): leave room for a typical title bar and border.
            extra_h = max(extra_h, win.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 8)
            extra_w = max(extra_w, 8)
        width = max(win.minimumWidth(), min(geo.width(), avail.width() - extra_w))
        height = max(win.minimumHeight(), min(geo.height(), avail.height() - extra_h))
        if (width, height) != (geo.width(), geo.height()):
            win.resize(width, height)
        x = max(avail.x(), min(frame.x(), avail.x() + avail.width() - (width + extra_w)))
        y = max(avail.y(), min(frame.y(), avail.y() + avail.height() - (height + extra_h)))
        if (x, y) != (frame.x(), frame.y()):
            win.move(x, y)

    def restore_layout(self) -> None:
        """Put the window back where the user left it: geometry, docks and toolbars."""
        geometry = self.settings.get("window_geometry")
        state = self.settings.get("window_state")
        if geometry:
            self.window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if state:
            self.window.restoreState(QByteArray.fromBase64(state.encode("ascii")))
        self.fit_to_screen()

    def save_layout(self) -> None:
        """Remember geometry and dock/toolbar layout (focus mode is left first, so chrome comes back)."""
        if self.in_focus_mode():
            self.set_focus_mode(False)
        self.settings.set("window_geometry", bytes(self.window.saveGeometry().toBase64().data()).decode("ascii"))
        self.settings.set("window_state", bytes(self.window.saveState().toBase64().data()).decode("ascii"))

    def in_focus_mode(self) -> bool:
        """True while focus mode hides the window's chrome."""
        return bool(self._hidden)
