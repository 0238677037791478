"""Headings keep with the next paragraph in page view and Yuku's print, as LibreOffice prints the official DOCX.

The official DOCX's heading styles set w:keepNext: a （三） heading followed by a 1. heading and its text
never stands alone at the foot of a page; LibreOffice moves the two headings on with the text.
"""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.gui.gongwen.actions import GongwenActions
from editor.gui.output.font_report import installed_families
from editor.gui.output.page_view import PageView
from tests.core.gongwen.test_render import lo_pages
from tests.gui.helpers import commit_text
from tests.gui.output.test_gongwen_closing import SAMPLE
from tests.gui.output.test_page_gongwen import assert_pages_as_printed, flat, pdf_pages
from tests.gui.output.test_page_view import view_lines
from tests.pdf_pages import page_texts

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

ITEM = "全年共修订制度12项。\n"  # one line
CHAIN = "（三）强化督促检查\n1.建立台账\n" + ITEM + "工作扎实推进。\n"


def summary(n: int) -> str:
    """A 工作总结-like 公文 (版头 and all) whose headings （三） and 1. fall near the foot of page one."""
    head = SAMPLE.split("---\n")[1]
    return f"---\n{head}---\n某某局2026年工作总结\n一、主要工作\n" + ITEM * n + CHAIN


@pytest.mark.libreoffice
@pytest.mark.slow
def test_headings_go_on_to_the_next_page_with_their_text_as_libreoffice_prints(open_draft, tmp_path):
    """N = 5: （三） and 1. would take the last two lines of page one, their text the top of page two."""
    docs, ours = [], []
    for n in (4, 5):
        window = open_draft(summary(n))
        window.actions_by_name["page_view"].trigger()
        assert_pages_as_printed(window, tmp_path / f"yuku{n}.pdf")  # page view: print's pages, line for line
        ours.append(pdf_pages(window, tmp_path / f"yuku{n}.pdf"))
        assert window.feature(PageView).page_count() == len(ours[-1])
        window.actions_by_name["page_view"].trigger()
        data = window.feature(GongwenActions).official_bytes(installed_families())
        assert data is not None
        docs.append(tmp_path / f"docx{n}.docx")
        docs[-1].write_bytes(data)
    lo_pages(tmp_path, docs)
    theirs = [[flat(t) for t in page_texts(doc.with_suffix(".pdf"))] for doc in docs]
    assert ours == theirs
    # n = 4: everything on page one; n = 5: the headings start page two, none is left at the foot of page one.
    assert "(三)强化督促检查1.建立台账全年共修订制度12项。" in ours[0][0]
    assert not ours[1][0].rstrip("—1").endswith(("督促检查", "建立台账"))
    assert "(三)强化督促检查1.建立台账全年共修订制度12项。" in ours[1][1]


def test_typing_a_line_above_moves_the_headings_on_with_their_text(open_draft, qtbot, tmp_path):
    """Page view re-places the headings before an edit too: one more line above them carries them to page two."""
    window = open_draft(summary(4))
    window.actions_by_name["page_view"].trigger()
    assert_pages_as_printed(window, tmp_path / "before.pdf")
    editor = window.editor
    block = editor.document().findBlockByNumber(2)  # the first 全年共修订制度12项。
    assert block.text() == ITEM.strip()
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    editor.setTextCursor(cursor)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, ITEM.strip())
    qtbot.wait(20)
    assert_pages_as_printed(window, tmp_path / "after.pdf")
    lines = [flat(t) for t in view_lines(window)[1]]
    assert lines[:3] == ["(三)强化督促检查", "1.建立台账", "全年共修订制度12项。"]
