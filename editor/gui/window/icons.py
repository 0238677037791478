"""Toolbar and menu icons: the desktop theme's when it has one, else Yuku's SVGs drawn in the text colour."""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from editor.core.resources import resource_path


class SvgIconEngine(QIconEngine):
    """Draws a monochrome SVG (stroke="currentColor") in the palette's current text colour.

    Colouring at paint time makes the same icon right in light and dark themes, and drawing the
    vector at the requested size and device-pixel ratio keeps it sharp on high-DPI screens.
    """

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        palette = QGuiApplication.palette()
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
        role = QPalette.ColorRole.HighlightedText if mode == QIcon.Mode.Selected else QPalette.ColorRole.WindowText
        color = palette.color(group, role).name().encode()
        return QSvgRenderer(QByteArray(self._svg.replace(b"currentColor", color)))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Render the SVG into rect."""
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """A pixmap of the given size."""
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        """A pixmap for a screen with the given device-pixel ratio."""
        pm = QPixmap(QSize(round(size.width() * scale), round(size.height() * scale)))
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        self.paint(painter, QRect(QPoint(0, 0), pm.size()), mode, state)
        painter.end()
        pm.setDevicePixelRatio(scale)
        return pm

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        """Square icons scale to whatever is asked."""
        return size

    def clone(self) -> QIconEngine:
        """A copy of this engine."""
        return SvgIconEngine(self._svg)


@cache
def _svg_bytes(name: str) -> bytes | None:
    path = resource_path("icons", f"{name}.svg")
    return path.read_bytes() if path.exists() else None


def bundled_icon(name: str) -> QIcon:
    """Yuku's own SVG icon (an empty icon when there is none by that name)."""
    data = _svg_bytes(name)
    return QIcon(SvgIconEngine(data)) if data is not None else QIcon()


def icon(name: str) -> QIcon:
    """The theme icon named by the freedesktop spec, falling back to the bundled SVG."""
    return QIcon.fromTheme(name, bundled_icon(name))


def has_bundled_icon(name: str) -> bool:
    """True when resources/icons holds an SVG of that name."""
    return _svg_bytes(name) is not None


def self_test_checks(window: object, tmp: object) -> list[tuple[str, Callable[[], bool]]]:
    """`yuku --self-test`: the bundled SVG icons render (the Qt SVG module and files are shipped)."""

    def svg_icons() -> bool:
        image = bundled_icon("document-save").pixmap(QSize(32, 32)).toImage()
        return any(image.pixelColor(x, y).alpha() > 0 for y in range(32) for x in range(32))

    return [("svg_icons", svg_icons)]
