"""Page view's zoom (Ctrl+= / Ctrl+-) and switching it on in the middle of a long document."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from editor.gui.output.page_view import PageView
from tests.gui.output.test_page_view import DRAFT, PARA, print_rows, view_rows


@pytest.fixture
def opened(open_draft):
    return open_draft(DRAFT)


def test_zoom_scales_the_sheets_and_keeps_every_line(opened, qtbot):
    """Ctrl+= / Ctrl+- paint the pages bigger or smaller, as WPS and Word do: the same lines, pages and clicks."""
    opened.actions_by_name["page_view"].trigger()
    view = opened.feature(PageView)
    editor = opened.editor
    doc = editor.document()
    editor.setFocus()
    rows, paper = view_rows(opened), view.paper
    height = doc.documentLayout().documentSize().height()
    block = doc.findBlockByNumber(4)
    rect = doc.documentLayout().blockBoundingRect(block)
    line_width = block.layout().lineAt(0).naturalTextWidth()

    qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert opened.statusBar().findChildren(type(opened.status_widgets.zoom_label))  # the zoom control
    assert opened.status_widgets.zoom_label.text() == "120%"
    assert view.zoom == pytest.approx(1.2)
    assert view_rows(opened) == rows == print_rows(opened)  # the very same lines on the same pages
    assert view.page_count() == len(rows)
    assert view.paper.width() == pytest.approx(paper.width() * 1.2)
    assert doc.documentLayout().documentSize().height() == pytest.approx(height * 1.2, rel=0.01)
    assert editor.verticalScrollBar().maximum() > height * 1.2 - editor.viewport().height() - 5
    zoomed = doc.documentLayout().blockBoundingRect(block)
    assert zoomed.top() == pytest.approx(rect.top() * 1.2, rel=0.01)
    assert zoomed.width() == pytest.approx(rect.width() * 1.2, rel=0.01)
    assert block.layout().lineAt(0).naturalTextWidth() == pytest.approx(line_width * 1.2, rel=0.02)  # bigger glyphs

    # A click on the zoomed sheet finds the character under it.
    line = block.layout().lineAt(1)
    editor.verticalScrollBar().setValue(int(zoomed.top()) - 100)
    x = line.cursorToX(line.textStart() + 5)[0] + 3
    point = QPoint(int(zoomed.left() + x) - editor.horizontalScrollBar().value(),
                   int(zoomed.top() + line.y() + line.height() / 2) - editor.verticalScrollBar().value())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert editor.textCursor().position() - block.position() == line.textStart() + 5
    caret = editor.cursorRect().translated(editor.horizontalScrollBar().value(), editor.verticalScrollBar().value())
    assert abs(caret.left() - (zoomed.left() + x - 3)) < 3

    for _ in range(4):
        qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(0.8)
    assert view_rows(opened) == rows
    assert view.page_count() == len(rows)
    assert view.paper.width() == pytest.approx(paper.width() * 0.8)
    assert not doc.isModified()  # a view, not an edit
    opened.actions_by_name["zoom_reset"].trigger()
    assert view.paper.width() == pytest.approx(paper.width())
    assert doc.documentLayout().blockBoundingRect(block) == rect


def test_switching_on_mid_document_shows_the_cursor_at_once_and_keeps_it_still(open_draft, qtbot):
    """A long document is set around the cursor first; setting the pages above it later does not move the text shown."""
    latin = "In 2026 the GDP target is 5.5 percent, CPI about 2 percent. " * 3  # far fewer lines than its length says
    text = "\n".join(["年度工作总结", *[f"{i + 1}.{PARA}" if i % 9 == 0 else latin if i % 5 == 0 else PARA * (1 + i % 3)
                                      for i in range(900)]])
    window = open_draft(text)
    editor = window.editor
    doc = editor.document()
    cursor = editor.textCursor()
    cursor.setPosition(doc.findBlockByNumber(700).position() + 5)
    editor.setTextCursor(cursor)
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.layout.waiting() > 700  # only the paragraphs around the cursor were set
    caret = editor.cursorRect()
    assert editor.viewport().rect().contains(caret.center())
    moves: list[float] = []
    view.layout.shifted.connect(moves.append)
    qtbot.wait(10)
    shown = editor.cursorRect()
    assert editor.viewport().rect().contains(shown.center())
    # The pages above are set while nobody types; the text on screen stays where it is.
    qtbot.waitUntil(lambda: view.layout.waiting() == 0, timeout=20000)
    assert sum(moves) < -100  # the estimates were too long: the text moved up, and the view with it
    assert abs(editor.cursorRect().top() - shown.top()) <= 1  # whole pixels on screen, the text in fractions
    assert editor.textCursor().blockNumber() == 700
    assert view_rows(window) == print_rows(window)  # and every line and page as print sets them


def test_plain_page_view_zooms_with_the_lines_and_pages_of_print(window, tmp_path, qtbot):
    from editor.gui.output.page_render import paged

    window.settings.set("export_style", "plain")
    src = tmp_path / "总结.txt"
    src.write_text("\n".join(["年度工作总结", *[PARA * 4] * 40]), encoding="utf-8")
    assert window.session.open_path(src)
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    editor = window.editor
    doc = editor.document()

    def lines() -> list[list[int]]:
        out, block = [], doc.begin()
        while block.isValid():
            doc.documentLayout().blockBoundingRect(block)  # set
            layout = block.layout()
            out.append([layout.lineAt(i).textLength() for i in range(layout.lineCount())])
            block = block.next()
        return out

    at_100, pages = lines(), view.page_count()
    assert pages == paged(doc, "plain", window.base_point_size).page_count() > 2
    editor.setFocus()
    for key, zoom in ((Qt.Key.Key_Equal, 1.1), (Qt.Key.Key_Equal, 1.2), (Qt.Key.Key_Minus, 1.1),
                      (Qt.Key.Key_Minus, 1.0), (Qt.Key.Key_Minus, 0.9), (Qt.Key.Key_Minus, 0.8)):
        qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
        assert view.zoom == pytest.approx(zoom)
        assert lines() == at_100  # every paragraph keeps its lines
        assert view.page_count() == pages
        assert view.paper.width() == pytest.approx(210 * 96 / 25.4 * zoom)


def test_zooming_keeps_the_text_at_the_top_of_the_screen(opened, qtbot):
    opened.actions_by_name["page_view"].trigger()
    editor = opened.editor
    doc = editor.document()
    view = opened.feature(PageView)
    bar = editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(10)

    def top_position() -> int:
        return doc.documentLayout().hitTest(QPointF(view.layout.left + 5, bar.value() + 2), Qt.HitTestAccuracy.FuzzyHit)

    before = top_position()
    editor.setFocus()
    for key in (Qt.Key.Key_Minus, Qt.Key.Key_Minus, Qt.Key.Key_Minus):
        qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(10)
        assert view.zoom < 1
        assert doc.findBlock(top_position()).blockNumber() == doc.findBlock(before).blockNumber()
    for _ in range(5):
        qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(10)
        assert doc.findBlock(top_position()).blockNumber() == doc.findBlock(before).blockNumber()
