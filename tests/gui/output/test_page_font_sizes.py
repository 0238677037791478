"""Page view draws body-size paragraphs (the first one of a new document, level-3 headings) at print's size.

Qt sizes text that carries a font size adjustment from the document's default font (the editor's zoom),
over the size page view's layout gives it: body-size styles carry none, so page view's size holds.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument, QTextFormat, QTextLayout
from PySide6.QtTest import QTest

from editor.gui.document.bridge import to_model
from editor.gui.output import page_render
from editor.gui.output.page_view import PageView
from tests.gui.helpers import commit_text

TEXTS = ["关于加强安全生产工作的讲话", "同志们：", "1.建立台账", "今天召开这次会议，主要任务是部署安全生产工作。"]


def type_new_document(window) -> None:
    """A new document typed as a writer does: a first line, Enter, a salutation, a 1. heading, body text."""
    editor = window.editor
    editor.setFocus()
    for k, text in enumerate(TEXTS):
        if k:
            QTest.keyClick(editor, Qt.Key.Key_Return)
        commit_text(editor, text)


def glyph_px(layout: QTextLayout) -> float:
    """The pixel size of the glyphs a paragraph's first line draws."""
    runs = layout.lineAt(0).glyphRuns()
    assert runs
    return runs[0].rawFont().pixelSize()


def view_sizes(doc: QTextDocument) -> dict[str, tuple[float, float]]:
    """Each paragraph's glyph size and first line's height, as page view set it."""
    out, block = {}, doc.begin()
    while block.isValid():
        if block.text():
            out[block.text()] = (glyph_px(block.layout()), block.layout().lineAt(0).height())
        block = block.next()
    return out


def test_no_body_size_paragraph_carries_a_size_adjustment(window):
    type_new_document(window)
    block = window.editor.document().begin()
    styles = []
    while block.isValid():
        styles.append(block.blockFormat().headingLevel())
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().hasProperty(QTextFormat.Property.FontSizeAdjustment), block.text()
            it += 1
        block = block.next()
    assert styles[2] == 3  # 1.建立台账 became a level-3 heading as it was typed


def test_official_page_view_draws_the_first_line_and_a_level_3_heading_at_prints_size(window, qtbot):
    type_new_document(window)
    window.actions_by_name["page_view"].trigger()
    qtbot.wait(20)
    view = view_sizes(window.editor.document())
    printed = page_render.official_document(to_model(window.editor.document()))
    for layout in printed.layouts:
        if layout.text() in view:
            assert abs(view[layout.text()][0] - glyph_px(layout)) < 0.6, layout.text()
    body = view[TEXTS[3]][0]
    assert abs(body - 16 * 96 / 72) < 0.6  # 三号 (16 pt)
    assert view[TEXTS[1]][0] == view[TEXTS[2]][0] == body


def test_plain_page_view_zoomed_out_draws_every_body_size_line_alike(window, qtbot):
    window.settings.set("export_style", "plain")
    for _ in range(4):
        window.actions_by_name["zoom_out"].trigger()
    type_new_document(window)
    window.actions_by_name["page_view"].trigger()
    qtbot.wait(20)
    view = view_sizes(window.editor.document())
    zoom = window.feature(PageView).layout.zoom
    assert zoom < 0.9
    doc = window.editor.document()
    printed = page_render.plain_document(doc, to_model(doc), window.print_actions.base_point_size)
    printed.page_count()
    sizes = {text: glyph_px(printed.document.findBlockByNumber(k).layout()) for k, text in enumerate(TEXTS)}
    for k, text in enumerate(TEXTS):
        assert abs(view[text][0] - sizes[text] * zoom) <= 1.0, text  # drawn at print's size, zoomed
        # As tall as print's paragraph, zoomed: none is drawn over the next.
        tall = doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(k)).height()
        assert abs(tall - printed.layout.blockBoundingRect(printed.document.findBlockByNumber(k)).height() * zoom) <= 1.5, text
