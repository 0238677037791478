"""Page view of a 公文 sets the paragraphs its layout restyles as print and the official DOCX do.

附件 pages (附件N in 黑体 flush left on a new page, the 附件's title centred under it), a 署名 and
成文日期 written in the text (right, 右空四字), a 主送 written in the text (flush left): each line's page,
row and left edge in page view against Yuku's PDF (write_pdf) and LibreOffice's PDF of the official DOCX.
"""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.core import fonts
from editor.core.gongwen import plan
from editor.gui.gongwen.actions import GongwenActions
from editor.gui.output import print_actions
from editor.gui.output.font_report import installed_families
from editor.gui.output.page_view import PageView
from tests.gui.helpers import commit_text
from tests.gui.output.test_gongwen_closing import written
from tests.gui.output.test_gongwen_print import draft
from tests.gui.output.test_page_gongwen import assert_pages_as_printed, flat
from tests.pdf_pages import lines, page_count

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

ATTACHMENTS = ("附件1\n江城市城市更新重点任务清单\n一、老旧小区改造\n完成改造老旧小区120个。\n"
               "附件2\n江城市城市更新工作联络人名单\n张三，市住建局。\n")
PT_PER_PX = 72 / 96
LEFT_PT = 28 * 72 / 25.4  # the official left margin


def view_lines(window) -> dict[str, tuple[int, float, float]]:
    """Each line page view shows, by its text (white space left out): its page, left and right edges in pt of the paper."""
    view = window.feature(PageView)
    doc = window.editor.document()
    out: dict[str, tuple[int, float, float]] = {}
    block = doc.begin()
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            text = flat(block.text()[line.textStart():line.textStart() + line.textLength()])
            if text:
                page = view.page_at(rect.top() + line.y() + line.height() / 2)
                start = line.cursorToX(line.textStart())  # the first character's edge: alignment included
                start = start[0] if isinstance(start, tuple) else start
                left = (rect.left() - view.layout.left + start) / view.zoom * PT_PER_PX + LEFT_PT
                out[text] = (page, left, left + line.naturalTextWidth() / view.zoom * PT_PER_PX)
        block = block.next()
    return out


def pdf_lines(pdf) -> dict[str, tuple[int, float]]:
    """Each line of a PDF by its text: its page and its left edge in pt."""
    return {flat(text): (page, x) for page in range(1, page_count(pdf) + 1) for x, text in lines(pdf, page)}


def assert_lines_at(view: dict[str, tuple[int, float, float]], pdf: dict[str, tuple[int, float]], texts: list[str],
                    tolerance: float) -> None:
    """The lines holding these texts are on the same page, starting at the same x (pt) in page view and the PDF."""
    for wanted in texts:
        key = flat(wanted) if flat(wanted) in view else next(k for k in view if flat(wanted) in k)
        match = flat(wanted) if flat(wanted) in pdf else next(k for k in pdf if flat(wanted) in k)
        assert view[key][0] == pdf[match][0], (wanted, view[key], pdf[match])
        assert abs(view[key][1] - pdf[match][1]) < tolerance, (wanted, view[key], pdf[match])


def label_family(window, text: str) -> list[str]:
    """The font families page view sets a paragraph's first character in."""
    doc = window.editor.document()
    block = doc.begin()
    while block.isValid() and block.text().strip() != text:
        block = block.next()
    assert block.isValid(), text
    for fr in block.layout().formats():
        if fr.start == 0 and fr.length > 0:
            return fr.format.fontFamilies() or [fr.format.fontFamily()]
    return []


RESTYLED = ["附件1", "江城市城市更新重点任务清单", "附件2", "江城市城市更新工作联络人名单", "张三，市住建局。",
            "完成改造老旧小区120个。"]


def test_attachment_pages_are_set_as_printed(open_draft, tmp_path):
    """Each 附件 on a page of its own, its label in 黑体 flush left, its title centred: as Yuku prints it."""
    window = open_draft(draft("通知") + ATTACHMENTS)
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.page_count() == 4
    assert_pages_as_printed(window, tmp_path / "attach.pdf")
    shown, printed = view_lines(window), pdf_lines(tmp_path / "attach.pdf")
    assert shown["附件1"][0] == 3  # each on a new page
    assert shown["附件2"][0] == 4
    assert_lines_at(shown, printed, RESTYLED, 1.0)
    assert shown["附件1"][1] == pytest.approx(LEFT_PT, abs=0.5)  # flush left, no indent
    title_width = len("江城市城市更新重点任务清单") * 15.75
    centre = LEFT_PT + plan.TEXT_W_TW / 40
    assert shown["江城市城市更新重点任务清单"][1] == pytest.approx(centre - title_width / 2, abs=3)
    heiti = fonts.resolve(plan.HT, installed_families())
    assert heiti in label_family(window, "附件1")
    assert heiti not in label_family(window, "江城市城市更新重点任务清单")


def test_a_typed_attachment_label_is_restyled_once_typing_pauses(open_draft, qtbot, tmp_path):
    """Typing 附件3 and a title on new lines at the end: once the parts are laid out again, a new page in 黑体."""
    window = open_draft(draft("通知") + ATTACHMENTS)
    window.actions_by_name["page_view"].trigger()
    view, editor = window.feature(PageView), window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for text in ("附件3", "江城市城市更新项目清单", "项目一。"):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        commit_text(editor, text)
    qtbot.waitUntil(lambda: not view._parts_timer.isActive(), timeout=3000)
    assert view.page_count() == 6  # 附件3 on page 5, the 版记 on the even page 6
    assert_pages_as_printed(window, tmp_path / "typed.pdf")
    shown, printed = view_lines(window), pdf_lines(tmp_path / "typed.pdf")
    assert shown["附件3"][0] == 5
    assert_lines_at(shown, printed, ["附件3", "江城市城市更新项目清单", "项目一。"], 1.0)


@pytest.mark.parametrize("n", [0, 2, 22])
def test_a_written_signature_and_date_stand_where_print_puts_them(open_draft, tmp_path, n):
    """A 署名 and 成文日期 typed as the text's last lines: right, 右空四字, on print's page and line."""
    window = open_draft(written(n))
    window.actions_by_name["page_view"].trigger()
    assert_pages_as_printed(window, tmp_path / "written.pdf")
    shown, printed = view_lines(window), pdf_lines(tmp_path / "written.pdf")
    date = next(k for k in shown if k.endswith("日") and "年" in k and len(k) < 14)
    signature = next(k for k in shown if k.endswith(("办公室", "政府", "局")) and len(k) < 20)
    assert_lines_at(shown, printed, [date, signature], 1.0)
    right_edge = LEFT_PT + plan.TEXT_W_TW / 20 - 4 * 15.75  # 右空四字
    assert shown[date][2] == pytest.approx(right_edge, abs=2)
    assert shown[signature][2] <= LEFT_PT + plan.TEXT_W_TW / 20 + 1  # the 署名 over the date, not in the margin


@pytest.mark.libreoffice
@pytest.mark.slow
def test_restyled_paragraphs_are_where_libreoffice_prints_the_official_docx(open_draft, tmp_path):
    """The same lines on the same pages, starting at the same x, as LibreOffice prints the official DOCX."""
    from tests.core.gongwen.test_render import lo_pages

    window = open_draft(draft("通知") + ATTACHMENTS)
    window.actions_by_name["page_view"].trigger()
    data = window.feature(GongwenActions).official_bytes(installed_families())
    assert data is not None
    docx = tmp_path / "official.docx"
    docx.write_bytes(data)
    lo_pages(tmp_path, [docx])
    pdf = docx.with_suffix(".pdf")
    assert page_count(pdf) == window.feature(PageView).page_count() == 4
    assert_lines_at(view_lines(window), pdf_lines(pdf), RESTYLED, 2.0)
    assert print_actions.write_pdf(window.editor.document(), tmp_path / "yuku.pdf",
                                   window.print_actions.base_point_size, "official") == 4


def test_typing_the_date_under_a_written_signature_restyles_both(open_draft, qtbot, tmp_path):
    """The date typed last: once typing pauses the 署名 above it and the date are set right, as printed."""
    text = written(0)
    window = open_draft(text[:text.rindex("2026年12月7日")])
    window.actions_by_name["page_view"].trigger()
    view, editor = window.feature(PageView), window.editor
    before = set(view.layout.gongwen.restyles)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, "2026年12月7日")
    qtbot.waitUntil(lambda: not view._parts_timer.isActive(), timeout=3000)
    assert len(set(view.layout.gongwen.restyles) - before) == 2  # the 署名 and the date
    assert_pages_as_printed(window, tmp_path / "dated.pdf")
    shown, printed = view_lines(window), pdf_lines(tmp_path / "dated.pdf")
    assert_lines_at(shown, printed, ["2026年12月7日", next(k for k in shown if k.endswith("办公室"))], 1.0)


def test_a_main_recipient_written_in_the_text_is_flush_left_as_printed(open_draft, tmp_path):
    """A 主送 typed under the title (none in the form): flush left, a blank line above it, where print sets it."""
    text = draft("通知").replace("主送: 各区人民政府，市政府各委、办、局\n", "")
    title = "江城市人民政府办公室关于推进城市更新工作的通知\n"
    window = open_draft(text.replace(title, title + "各区人民政府，市政府各委、办、局：\n"))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    assert view.layout.gongwen.restyles  # the 主送 (and the title) restyled
    assert_pages_as_printed(window, tmp_path / "main.pdf")
    shown, printed = view_lines(window), pdf_lines(tmp_path / "main.pdf")
    assert_lines_at(shown, printed, ["各区人民政府，市政府各委、办、局：", "为深入推进城市更新行动"], 1.0)
    assert shown[flat("各区人民政府，市政府各委、办、局：")][1] == pytest.approx(LEFT_PT, abs=0.5)
