"""Page view of a 公文: the 版头, 主送, closing parts and 版记 where print puts them, the text on print's pages.

The reference is Yuku's own PDF (print_actions.write_pdf, which test_gongwen_print checks against
LibreOffice's layout of the official DOCX), read back with poppler.
"""
from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QLineEdit

from editor.gui.gongwen.actions import GongwenActions
from editor.gui.output import print_actions, print_tables
from editor.gui.output.page_view import PageView
from tests.gui.helpers import commit_text
from tests.gui.output.test_gongwen_print import draft
from tests.gui.output.test_page_view import view_lines
from tests.pdf_pages import page_count, page_texts

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
PX_PER_MM_VIEW = 96 / 25.4


def pdf_pages(window, path) -> list[str]:
    """Each page's text of the document as Yuku prints it (official style), without white space."""
    assert print_actions.write_pdf(window.editor.document(), path, window.print_actions.base_point_size,
                                   "official") > 0
    texts = page_texts(path)
    assert len(texts) == page_count(path)
    return [flat(t) for t in texts]


def flat(text: str) -> str:
    """Text without white space, full-width punctuation as poppler reads it back (NFKC)."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def assert_pages_as_printed(window, path) -> None:
    """Page view has print's page count, and each of its body lines is on the page print puts it on."""
    view = window.feature(PageView)
    printed = pdf_pages(window, path)
    assert view.page_count() == len(printed)
    lines = view_lines(window)
    for page, texts in enumerate(lines, 1):
        for text in texts:
            text = flat(text)
            if text:
                assert text in printed[page - 1], (page, text)
    # The 主送 and closing parts page view paints: each line on the page print puts it on.
    for flows in view.layout.gongwen.flows.values():
        for flow in flows:
            for i in range(flow.count):
                line = flow.layout.lineAt(i)
                text = flat(flow.layout.text()[line.textStart():line.textStart() + line.textLength()])
                page = (flow.slot + i) // view.layout.grid.per_page + 1
                assert text in printed[page - 1], (page, text)
    # Every page print numbers page view numbers, and no other.
    numbered = [bool(re.search(r"—\d+—", t)) for t in printed]
    assert [p not in view.unnumbered() for p in range(1, len(printed) + 1)] == numbered


def red_pixels(image, top: int, bottom: int, left: int, right: int) -> int:
    """How many clearly red pixels an area of an image holds."""
    count = 0
    for y in range(max(top, 0), min(bottom, image.height()), 2):
        for x in range(max(left, 0), min(right, image.width()), 2):
            c = QColor(image.pixel(QPoint(x, y)))
            count += c.red() > 200 and c.green() < 90 and c.blue() < 90
    return count


@pytest.mark.slow
@pytest.mark.parametrize(("name", "extra", "pages"), [("通知", 0, 2), ("通知", 3, 4), ("通知", 5, 4), ("函", 2, 2)])
def test_page_view_of_a_notice_has_prints_pages_and_body_lines(open_draft, tmp_path, name, extra, pages):
    """通知 +0: the 版记 under the text on page 2; +3: a blank page 3 and the 版记 alone on page 4, unnumbered.

    A 函 (信函格式): its first page carries no number.
    """
    window = open_draft(draft(name, extra))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.layout.gongwen is not None
    assert view.page_count() == pages
    assert_pages_as_printed(window, tmp_path / "yuku.pdf")
    if name == "通知" and extra == 3:
        assert view.unnumbered() == {3, 4}
    if name == "函":
        assert view.unnumbered() == {1}


def test_the_head_is_painted_red_on_page_one_and_the_text_below_it(open_draft, qtbot, tmp_path):
    window = open_draft(draft("通知"))
    window.resize(1100, 900)
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    editor = window.editor
    editor.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    image = editor.viewport().grab().toImage()
    image.save(str(tmp_path / "page1.png"))
    sheet = view.page_rect(1)
    # The red 标志 and rule: in the upper part of page one, above the title.
    title = editor.document().documentLayout().blockBoundingRect(editor.document().begin())
    assert title.top() > view.top + 5 * view.layout.pitch  # the title is pushed down under the 版头
    head_bottom = int(title.top() - editor.verticalScrollBar().value())
    assert red_pixels(image, int(view.top), head_bottom, int(sheet.left()), int(sheet.right())) > 200
    # Normal view paints no 版头.
    window.actions_by_name["page_view"].trigger()
    qtbot.wait(50)
    plain = editor.viewport().grab().toImage()
    assert red_pixels(plain, 0, plain.height(), 0, plain.width()) == 0


def test_a_click_on_the_head_does_not_put_the_caret_in_it_and_typing_goes_to_the_text(open_draft, qtbot, tmp_path):
    window = open_draft(draft("通知"))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    editor = window.editor
    editor.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    doc = editor.document()
    before = doc.toPlainText()
    # A click in the middle of the 版头, where the red 标志 is.
    y = int(view.top + 3 * view.layout.pitch)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(view.paper.width() / 2), y))
    assert editor.textCursor().blockNumber() == 0  # the title, the first paragraph: no text of the 版头
    # A new paragraph in the text: the closing parts stay after the text's last paragraph at once.
    anchor = max(view.layout.gongwen.flows)  # the closing parts go after this paragraph
    cursor = QTextCursor(doc.findBlockByNumber(2))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, "新增一段。")
    assert view._parts_timer.isActive()  # not laid out again yet: the anchors moved with the text
    assert max(view.layout.gongwen.flows) == anchor + 1
    editor.moveCursor(QTextCursor.MoveOperation.End)
    commit_text(editor, "特此通知。")
    assert doc.toPlainText().endswith("特此通知。")
    assert "新增一段。" in doc.toPlainText()
    assert len(doc.toPlainText()) == len(before) + len("\n新增一段。特此通知。")
    assert view.layout.gongwen is not None
    qtbot.waitUntil(lambda: not view._parts_timer.isActive(), timeout=3000)
    assert_pages_as_printed(window, tmp_path / "typed.pdf")


def test_a_form_edit_updates_the_page_view(open_draft, qtbot, tmp_path):
    """Adding lines to 抄送 in the 公文要素 form moves the 版记 as print moves it."""
    window = open_draft(draft("通知", 3))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.page_count() == 4
    field = window.feature(GongwenActions).form.fields["抄送"]
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End)
    commit_text(field, "，市政协办公厅，市中级人民法院，市人民检察院")
    qtbot.waitUntil(lambda: not view._parts_timer.isActive(), timeout=3000)
    decor = view.layout.gongwen
    assert any("市人民检察院" in row.layout.text() for row in decor.rows[decor.record_page])
    assert_pages_as_printed(window, tmp_path / "cc.pdf")


def test_enter_after_a_heading_keeps_every_paragraph_in_its_place(open_draft, qtbot):
    """Enter that gives paragraphs their styles re-lays them all (it was taken for a resize, leaving some unplaced)."""
    window = open_draft(draft("通知").split("---\n")[2])  # the text alone, no 公文 parts
    window.actions_by_name["page_view"].trigger()
    editor, doc = window.editor, window.editor.document()
    cursor = QTextCursor(doc.findBlockByNumber(2))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    tops = [doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(k)).top() for k in range(doc.blockCount())]
    assert tops == sorted(tops)
    assert len(set(tops)) == len(tops)
    assert print_lines_match(window)


def print_lines_match(window) -> bool:
    """Page view's lines are print's, page by page."""
    from tests.gui.output.test_page_view import print_lines

    return view_lines(window) == print_lines(window)


def test_a_table_on_page_one_of_a_notice_is_set_below_the_head_as_printed(window, qtbot, tmp_path):
    """The paragraphs after a table on page one: under the table's borders and the 版头, where print sets them."""
    import dataclasses

    from editor.core.gongwen.parts import Parts
    from editor.gui.document.bridge import to_model
    from editor.gui.output.gongwen_pages import official_pages
    from tests.gui.output.test_page_tables import table_docx

    assert window.session.open_path(table_docx(tmp_path / "表格.docx", rows=3, before=1, after=3))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    form = window.feature(GongwenActions).form
    form.set_parts(dataclasses.replace(Parts(), issuer_marks=["江城市人民政府文件"], doc_number="江政发〔2024〕3号"))
    qtbot.waitUntil(lambda: view.layout.gongwen is not None, timeout=3000)
    pages = official_pages(to_model(window.editor.document()))
    assert pages.first_page_shift
    assert pages.table_rows
    printed = {}  # the text of each line on page one -> its top below the text block's top (px at 100 %)
    for k, (layout, i, _x) in enumerate(pages.page_lines(1)):
        line = layout.lineAt(i)
        shift = pages.first_page_shift if k >= pages.shift_from else 0.0
        printed[layout.text()[line.textStart():line.textStart() + line.textLength()]] = (
            shift + (pages.slots[k] + print_tables.nudge(pages, pages.slots[k])) * pages.pitch)
    doc = window.editor.document()
    block, seen = doc.begin(), 0
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        line = block.layout().lineAt(0)
        text = block.text()[:line.textLength()] if line.isValid() else ""
        top = rect.top() + line.y() - (view.layout.pitch - line.height()) / 2 - view.top
        if text in printed and top < view.page_height():
            assert abs(top / view.zoom - printed[text]) < 0.5, text
            seen += 1
        block = block.next()
    assert seen >= 5  # the title, a paragraph before the table, cells, paragraphs after it


@pytest.mark.parametrize(("kind", "n"), [("sample", n) for n in (0, 1, 2, 10, 21, 22, 23, 24, 33)]
                         + [("written", n) for n in (0, 2, 22, 23)])
def test_the_closing_and_the_text_it_carries_are_on_prints_pages(open_draft, tmp_path, kind, n):
    """Where print moves the text's last paragraph to the next page to go on with the 落款, page view does too."""
    from tests.gui.output.test_gongwen_closing import sample, written

    window = open_draft(sample(n) if kind == "sample" else written(n))
    window.actions_by_name["page_view"].trigger()
    assert_pages_as_printed(window, tmp_path / "closing.pdf")


@pytest.mark.parametrize("extra", [0, 10])
def test_a_letters_lower_red_double_line_shows_in_page_view_and_prints(open_draft, qtbot, tmp_path, extra):
    """信函 (§10.1): the double red line 20 mm above page one's bottom edge, printed on page one of one or two pages.

    Page view shows it there when page one is the last sheet; before another sheet (the bottom margin hidden,
    as between all pages) right above the cut, at the foot of page one.
    """
    from tests.gui.output.test_gongwen_print import PT_MM, red_rows, yuku_pdf

    window = open_draft(draft("函", extra))
    window.resize(1100, 1300)
    window.actions_by_name["page_view"].trigger()
    view, editor = window.feature(PageView), window.editor
    assert view.page_count() == (1 if extra == 0 else 2)
    pdf = yuku_pdf(window, tmp_path / "letter.pdf")
    wide = [r[0] * PT_MM for r in red_rows(pdf, tmp_path, 1) if (r[2] - r[1]) * PT_MM > 150]
    assert any(abs(y - (297 - 20)) < 3 for y in wide)  # printed 20 mm from the bottom edge
    bar = editor.verticalScrollBar()
    bottom_mm = 297 - 20
    if extra == 0:
        bar.setValue(bar.maximum())
    else:
        bar.setValue(int(view.page_rect(2).top() + bar.value() - 300))
    qtbot.wait(50)
    image = editor.viewport().grab().toImage()
    sheet = view.page_rect(1)
    if extra == 0:  # where print has it: 20 mm above the sheet's bottom edge
        y = sheet.top() + bottom_mm * PX_PER_MM_VIEW * view.zoom
    else:  # at the foot of page one, above the page break
        y = view.page_rect(2).top() - 6
    assert red_pixels(image, int(y - 8), int(y + 4), int(sheet.left()), int(sheet.right())) > 100
    assert red_pixels(image, int(y + 10), int(y + 60), int(sheet.left()), int(sheet.right())) == 0


TYPED = "各单位要高度重视，加强组织领导，确保检查取得实效，按时完成各项任务。"  # more than a line


@pytest.mark.slow
def test_typing_that_moves_the_closing_moves_it_at_once_as_print_will(open_draft, qtbot, tmp_path):
    """A line more in the text's last paragraph: the blank lines above the 署名 shrink at once, as print fits them.

    What page view shows right after the keystroke is what it shows once the parts are laid out again.
    """
    from tests.gui.output.test_gongwen_closing import sample

    refitted = 0
    for n in range(17, 24):
        window = open_draft(sample(n))
        view, editor = window.feature(PageView), window.editor
        if not view.active:
            window.actions_by_name["page_view"].trigger()
        qtbot.waitUntil(lambda view=view: not view._parts_timer.isActive(), timeout=3000)
        flows = [f for fs in view.layout.gongwen.flows.values() for f in fs]
        signature = next(f for f in flows if f.closing)
        was, carried = signature.before, view.layout.gongwen.carried
        editor.moveCursor(QTextCursor.MoveOperation.End)
        commit_text(editor, TYPED)
        assert view._parts_timer.isActive()  # not laid out again yet
        now = [(f.slot, f.before) for fs in view.layout.gongwen.flows.values() for f in fs]
        refitted += signature.before != was
        qtbot.waitUntil(lambda view=view: not view._parts_timer.isActive(), timeout=3000)
        if max(carried, view.layout.gongwen.carried) < 0:  # the text goes on with the 落款: that waits for the layout
            assert now == [(f.slot, f.before) for fs in view.layout.gongwen.flows.values() for f in fs], n
        assert_pages_as_printed(window, tmp_path / f"typed{n}.pdf")
    assert refitted >= 2  # from two blank lines to one, from one to none
