"""A small window keeps a usable document: side panels give way; Ctrl+wheel zooms the document."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from editor.gui.window.view_actions import DOCUMENT_MIN_CHARS


@pytest.fixture
def bank(make_bank):
    return make_bank()


def wheel(widget, delta: int, mods=Qt.KeyboardModifier.ControlModifier) -> QWheelEvent:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                        mods, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event


@pytest.mark.parametrize(("width", "height"), [(800, 600), (640, 480)])
def test_side_panels_give_way_to_the_document(window, qtbot, width, height):
    for dock in window.findChildren(QDockWidget):
        dock.show()
    assert window.findChild(QDockWidget, "gongwen_dock").isVisible()
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()
    one_char = QFontMetrics(window.editor.document().defaultFont()).horizontalAdvance("字")
    # Before: ~165 px at 800×600 and one character a line at 640×480.
    assert window.editor.viewport().width() >= one_char * DOCUMENT_MIN_CHARS
    assert window.width() == width  # the window still fits a small screen
    assert all(d.width() > 0 for d in window.findChildren(QDockWidget) if d.isVisible())


def test_ctrl_wheel_zooms_the_document(window):
    viewport = window.editor.viewport()
    base = window.editor.document().defaultFont().pointSizeF()
    event = wheel(viewport, 120)
    assert event.isAccepted()
    assert window.view_actions.zoom == 1
    assert window.status_widgets.zoom_label.text() == "110%"
    assert window.editor.document().defaultFont().pointSizeF() == pytest.approx(base * 1.1)
    wheel(viewport, -240)
    assert window.view_actions.zoom == -1
    # A touchpad's small steps add up to one notch.
    for _ in range(4):
        wheel(viewport, 30)
    assert window.view_actions.zoom == 0
    # Without Ctrl the wheel scrolls, and zoom stays.
    wheel(viewport, 120, Qt.KeyboardModifier.NoModifier)
    assert window.view_actions.zoom == 0
    assert not window.editor.document().isModified()


def test_ctrl_wheel_zooms_page_view_too(window):
    from tests.gui.helpers import act, commit_text

    commit_text(window.editor, "正文")
    act(window, "page_view")
    assert window.actions_by_name["page_view"].isChecked()
    from editor.gui.output.page_view import PageView

    page = window.feature(PageView)
    assert page.zoom == pytest.approx(1.0)
    wheel(window.editor.viewport(), 120)
    assert window.view_actions.zoom == 1
    assert page.zoom == pytest.approx(1.1)  # the sheets are painted 10 % bigger
    assert window.status_widgets.zoom_label.text() == "110%"
    act(window, "page_view")
