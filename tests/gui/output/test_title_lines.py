"""A long title breaks between words, lines balanced (GB/T 9704-2012 §7.3.1), alike in the DOCX, print and page view.

The draft 请示's title (21 characters, one more than a line holds) used to break as 20 + 1 (…专项资金的请 / 示)
inside the word 请示. LibreOffice's layout of the official DOCX, Yuku's PDF and page view now put the
same words on each line.
"""
from __future__ import annotations

import shutil

import pytest

from editor.core.formats.title_lines import title_breaks
from editor.gui.gongwen.actions import GongwenActions
from editor.gui.output.font_report import installed_families
from editor.gui.output.page_view import PageView
from tests.core.gongwen.test_render import lo_pages
from tests.gui.output.test_gongwen_print import draft, yuku_pdf
from tests.pdf_pages import lines

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

TITLE = "江城市财政局关于申请城市更新专项资金的请示"
EXPECTED = ["江城市财政局关于申请", "城市更新专项资金的请示"]  # 10 + 11, at a word boundary


def title_lines(pdf) -> list[str]:
    """The lines of page one that hold the title's words, in order."""
    return [text for _x, text in lines(pdf, 1) if text and text in TITLE]


def split(text: str, breaks: tuple[int, ...]) -> list[str]:
    """The text cut at the breaks."""
    points = [0, *breaks, len(text)]
    return [text[a:b] for a, b in zip(points, points[1:], strict=False)]


def test_title_breaks_between_words_in_balanced_lines():
    assert split(TITLE, title_breaks(TITLE)) == EXPECTED
    assert title_breaks("关于开展安全生产大检查的通知") == ()  # fits on one line
    long = "江城市人民政府关于印发江城市城市更新行动实施方案（2024—2027年）的通知"
    parts = split(long, title_breaks(long))
    assert len(parts) == 2
    assert all(sum(0.5 if c.isascii() else 1 for c in p) <= 20 for p in parts)  # digits are half as wide
    assert parts[0] == "江城市人民政府关于印发江城市城市更新"  # 城市更新 whole, not 城市更 / 新


@pytest.mark.libreoffice
@pytest.mark.slow
def test_docx_print_and_page_view_break_the_title_alike(open_draft, tmp_path):
    window = open_draft(draft("请示"))
    mine = title_lines(yuku_pdf(window, tmp_path / "yuku.pdf"))
    data = window.feature(GongwenActions).official_bytes(installed_families())
    assert data is not None
    doc = tmp_path / "official.docx"
    doc.write_bytes(data)
    lo_pages(tmp_path, [doc])
    theirs = title_lines(doc.with_suffix(".pdf"))
    window.actions_by_name["page_view"].trigger()
    view = window.feature(PageView)
    block = window.editor.document().begin()
    while block.text() != TITLE:
        block = block.next()
    view.layout.ready(block.blockNumber())
    layout = block.layout()
    shown = [TITLE[layout.lineAt(i).textStart():layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
             for i in range(layout.lineCount())]
    assert theirs == mine == shown == EXPECTED
