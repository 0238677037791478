"""Print, print preview and Yuku's own PDF of a 公文 give the official DOCX's pages, parts and all.

The reference is LibreOffice's layout of the DOCX that 导出为 PDF hands it (the 公文要素 laid out,
this machine's fonts named); Yuku's pages are painted by print_actions.write_pdf in the official style.
Both are read back with poppler: page count, each page's text, page numbers, red pixels.
"""
from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from editor.gui.gongwen.actions import GongwenActions
from editor.gui.output import print_actions
from editor.gui.output.font_report import installed_families
from tests.core.gongwen.corpus import ROOT
from tests.core.gongwen.test_render import lo_pages, red_rows
from tests.gui.helpers import close_preview_when_painted
from tests.pdf_pages import page_count, page_number, page_texts, words

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="needs poppler-utils")

EXTRA = "各单位要加强组织领导，明确责任分工，细化工作措施，确保各项任务按期完成，取得实效。"  # two lines
PT_MM = 25.4 / 72


def draft(name: str, extra: int = 0) -> str:
    """A draft of tests/data/gongwen/drafts (front matter and all) with `extra` two-line paragraphs."""
    return (ROOT / "drafts" / f"{name}.txt").read_text(encoding="utf-8") + "".join(EXTRA + "\n" for _ in range(extra))


def yuku_pdf(window, path):
    """The open document as Yuku prints it, in the official style (the default export style)."""
    actions = window.print_actions
    assert print_actions.print_style(window.settings) == "official"
    assert print_actions.write_pdf(window.editor.document(), path, actions.base_point_size, "official") > 0
    return path


def numbered(pdf, pages: int) -> list[bool]:
    """Whether each page carries a page number."""
    return [page_number(pdf, p) is not None for p in range(1, pages + 1)]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_printed_pages_are_the_official_docx_pages_with_the_parts(open_draft, tmp_path):
    """The same pages, the same text on each (blank pages too), the same unnumbered pages, as LibreOffice prints."""
    # 通知 0: the 版记 under the text on page 2; 3: a blank page 3 and the 版记 alone on page 4, neither
    # numbered (§7.5); 5: the text ends on page 3, the 版记 on page 4; 函 2: no number on page one (§10.1).
    cases = [("通知", 0), ("通知", 3), ("通知", 5), ("函", 2)]
    docs, ours = [], []
    for k, (name, extra) in enumerate(cases):
        window = open_draft(draft(name, extra))
        ours.append(yuku_pdf(window, tmp_path / f"yuku{k}.pdf"))
        data = window.feature(GongwenActions).official_bytes(installed_families())
        assert data is not None
        docs.append(tmp_path / f"docx{k}.docx")
        docs[-1].write_bytes(data)
    lo_pages(tmp_path, docs)  # LibreOffice writes docx{k}.pdf beside each
    expected_pages = [2, 4, 4, 2]
    for (name, extra), ref, mine, pages in zip(cases, docs, ours, expected_pages, strict=True):
        ref = ref.with_suffix(".pdf")
        label = f"{name} +{extra}"
        assert page_count(ref) == page_count(mine) == pages, label
        theirs, texts = page_texts(ref), page_texts(mine)
        assert texts == theirs, label
        assert numbered(mine, pages) == numbered(ref, pages), label
        assert "印发" in texts[-1] or name == "函", label  # the 版记 ends the last page
        assert "抄送" in texts[-1], label
        assert not any("抄送" in t for t in texts[:-1]), label
    assert numbered(ours[1], 4) == [True, True, False, False]
    assert texts_of(ours[1])[2] == ""  # the blank page
    assert numbered(ours[3], 2) == [False, True]


def texts_of(pdf) -> list[str]:
    """Page texts without the page numbers."""
    return [re.sub(r"—\d+—", "", t) for t in page_texts(pdf)]


def test_the_head_is_in_place_with_the_mark_and_rule_painted_red(open_draft, tmp_path):
    window = open_draft(draft("通知"))
    pdf = yuku_pdf(window, tmp_path / "yuku.pdf")
    first = words(pdf, 1)
    mark = next(w for w in first if "江城市人民政府办公室文件" in w.text)
    number = next(w for w in first if w.text.startswith("江政办发"))
    title = next(w for w in first if w.text.startswith("江城市人民政府办公室关于"))
    main = next(w for w in first if w.text.startswith("各区人民政府"))
    assert abs(mark.y0 * PT_MM - (37 + 35)) <= 3  # §7.2.4: the 标志 35 mm below the top of the text block
    assert mark.y1 < number.y0 < title.y0 < main.y0
    assert abs((mark.x0 + mark.x1) / 2 * PT_MM - (28 + 156 / 2)) < 3  # centred
    rows = red_rows(pdf, tmp_path, 1)
    assert len([r for r in rows if mark.y0 <= r[0] <= mark.y1]) > 20  # the 标志 is red
    rule = [r for r in rows if (r[2] - r[1]) * PT_MM > 150]  # a red line as wide as the text block
    assert rule
    assert number.y1 < rule[0][0] < title.y0  # under the 发文字号, above the title
    assert 2 <= (rule[0][0] - number.y1) * PT_MM <= 7  # about 4 mm below the 发文字号 (§7.2.7)
    assert not [r for r in rows if title.y0 <= r[0] <= title.y1]  # the title is black
    last = page_count(pdf)
    printed = next(w for w in words(pdf, last) if "印发" in w.text)
    assert 297 - 35 - 8 <= printed.y1 * PT_MM <= 297 - 35  # the 版记 at the bottom of the text block (§7.4)
    black = [r[0] * PT_MM for r in red_rows(pdf, tmp_path, last, black=True) if (r[2] - r[1]) * PT_MM > 150]
    assert abs(max(black) - (297 - 35)) <= 1.5  # the closing rule ends the text block
    assert not [r for r in red_rows(pdf, tmp_path, last) if (r[2] - r[1]) * PT_MM > 150]  # the 版记's rules are black


def test_the_signer_stands_right_of_the_number_on_one_line(open_draft, tmp_path):
    window = open_draft(draft("请示"))
    first = words(yuku_pdf(window, tmp_path / "yuku.pdf"), 1)
    number = next(w for w in first if w.text.startswith("江财"))
    signer = next(w for w in first if w.text.startswith("签发人"))
    assert abs(number.y1 - signer.y1) < 1  # the same line
    assert abs(number.x0 * PT_MM - (28 + 5.6)) < 2  # one character in from the left (§7.2.6)
    assert abs((210 - 26) - 5.6 - max(w.x1 for w in first if abs(w.y1 - signer.y1) < 1) * PT_MM) < 2.5


def test_a_document_without_parts_prints_its_body_alone(open_draft, tmp_path):
    window = open_draft("关于做好年终工作的通知\n各单位：\n" + "各单位要认真落实。" * 20 + "\n")
    texts = page_texts(yuku_pdf(window, tmp_path / "yuku.pdf"))
    assert texts[0].startswith("关于做好年终工作的通知各单位:")
    assert "抄送" not in "".join(texts)


def test_print_dialog_prints_the_parts(open_draft, print_to_file):
    window = open_draft(draft("通知"))
    window.actions_by_name["print"].trigger()
    texts = page_texts(print_to_file)
    assert texts[0].startswith("江城市人民政府办公室文件江政办发〔2024〕12号")
    assert "附件:1.江城市城市更新重点任务清单" in texts[-1]  # (NFKC: full-width colon)
    assert "2024年5月31日印发" in texts[-1]


def test_print_preview_shows_the_red_head_and_closes(open_draft, qtbot):
    window = open_draft(draft("通知"))
    seen: list = []

    def red_pixels(widget: QPrintPreviewWidget) -> int:
        widget.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        QApplication.processEvents()
        image = widget.grab().toImage()
        return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
                   if _is_red(image.pixelColor(x, y)))

    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    close_preview_when_painted(seen, red_pixels)
    qtbot.keyClick(window.editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert len(seen) == 1
    title, pages, red = seen[0]
    assert title == "打印预览（公文格式）"
    assert pages == 2
    assert red > 20  # the red 标志 and rule are on the previewed page
    assert window.print_actions.preview_dialog is None
    assert window.isVisible()


def _is_red(c: QColor) -> bool:
    return c.red() > 180 and c.green() < 110 and c.blue() < 110


def test_print_and_docx_put_the_record_on_the_same_page_for_any_length(qapp, tmp_path, monkeypatch):
    """Without LibreOffice, the DOCX layout's estimate and the printed lines put the 版记 alike.

    For bodies ending all over a page: its page, and which pages lose their numbers.
    """
    from editor.core.formats.document_files import read_document
    from editor.core.gongwen import pages as estimate
    from editor.core.gongwen.export import export_bytes
    from editor.core.gongwen.parts import from_properties
    from editor.gui.output.gongwen_pages import official_pages

    decided: list[tuple[int, int]] = []
    real = estimate.record_breaks

    def spy(page: int, used: float, need: float, even: bool = True) -> int:
        breaks = real(page, used, need, even)
        decided.append((page, breaks))
        return breaks

    monkeypatch.setattr(estimate, "record_breaks", spy)
    fonts = installed_families()
    kinds = set()
    for extra in range(0, 30):
        src = tmp_path / f"n{extra}.txt"
        src.write_text(draft("通知", extra), encoding="utf-8")
        doc = read_document(src)
        export_bytes(doc, from_properties(doc.properties), None, None, fonts)
        page, breaks = decided[-1]
        printed = official_pages(doc, fonts)
        assert printed.record_page == page + breaks, extra
        assert printed.page_count() == page + breaks, extra
        assert printed.unnumbered == ({page + 1, page + 2} if breaks == 2 else set()), extra
        kinds.add(breaks)
    assert kinds == {0, 1, 2}  # the lengths cover the 版记 under the text, on the next page, after a blank one
