"""Export PDF and Print follow the layout: the official style gives the official DOCX's page.

The reference is LibreOffice's layout of the official DOCX Yuku writes; the PDFs are read back
with poppler (pdftotext -bbox): A4, 22 lines a page, 28 characters a full line, a two-character
first-line indent, "— n —" on the right of odd pages and the left of even ones.
"""
from __future__ import annotations

import shutil

import pytest

from editor.gui.output.export_actions import ExportActions
from tests.conftest import libreoffice_or_skip
from tests.gui.helpers import libreoffice_reference
from tests.pdf_pages import body_lines, letters, page_count, page_number, page_size

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

PARA = "各单位要高度重视，认真组织，确保各项工作落到实处，按时完成任务目标。"
DRAFT = "\n".join(["关于做好年度工作的通知", "各单位：", "为做好年度工作，现将有关事项通知如下。" * 6,
                   "一、总体要求", *[PARA * 3] * 14, "二、工作措施", *[PARA * 2] * 10])
CHAR_PT, LEFT_PT = 15.75, 28 / 25.4 * 72


@pytest.fixture
def opened(open_draft):
    return open_draft(DRAFT)


def export_pdf_through_the_menu(window, no_blocking_dialogs, target):
    no_blocking_dialogs.answers["save"] = str(target)
    window.actions_by_name["export_pdf"].trigger()
    assert target.exists(), window.statusBar().currentMessage()
    return target


def assert_official_page(pdf):
    width, height = page_size(pdf)
    assert (round(width), round(height)) == (595, 842)  # A4
    pages = page_count(pdf)
    assert pages >= 3
    full = body_lines(pdf, 2)
    assert len(full) == 22  # a full page holds 22 lines
    lefts = sorted({round(x) for x, _t in full})
    assert abs(lefts[0] - LEFT_PT) < 2  # 28 mm left margin
    widths = [len(t) for _x, t in full]
    assert max(widths) in (28, 29)  # 28 characters (a hanging comma may sit past the edge)
    assert widths.count(28) + widths.count(29) >= 10
    indented = [x for x, _t in full if x > lefts[0] + 1]
    assert indented
    assert all(abs(x - lefts[0] - 2 * CHAR_PT) < 2 for x in indented)  # two-character first-line indent
    for page in (1, 2):
        number = page_number(pdf, page)
        assert number is not None, page
        assert number.text == f"—{page}—"
        if page % 2:  # odd pages: on the right, one character in from the text block's edge
            assert abs(number.x1 - (width - 26 / 25.4 * 72 - 14)) < 4
        else:
            assert abs(number.x0 - (LEFT_PT + 14)) < 4
    return pages


def test_export_pdf_is_the_official_docx_page(opened, no_blocking_dialogs, tmp_path):
    libreoffice_or_skip()
    pdf = export_pdf_through_the_menu(opened, no_blocking_dialogs, tmp_path / "out.pdf")
    pages = assert_official_page(pdf)
    ref = libreoffice_reference(opened, no_blocking_dialogs, tmp_path)
    assert page_count(ref) == pages
    for page in range(1, pages + 1):
        assert body_lines(pdf, page) == body_lines(ref, page)


def test_without_libreoffice_qt_lays_out_the_same_lines(opened, no_blocking_dialogs, tmp_path, monkeypatch):
    ref = libreoffice_reference(opened, no_blocking_dialogs, tmp_path)
    monkeypatch.setenv("YUKU_SOFFICE", "")
    pdf = export_pdf_through_the_menu(opened, no_blocking_dialogs, tmp_path / "qt.pdf")
    assert "LibreOffice" in opened.feature(ExportActions).last_note
    pages = assert_official_page(pdf)
    assert page_count(ref) == pages
    for page in range(1, pages + 1):
        ours, theirs = body_lines(pdf, page), body_lines(ref, page)
        assert [letters(t) for _x, t in ours] == [letters(t) for _x, t in theirs], page
        assert [round(x) for x, _t in ours] == pytest.approx([round(x) for x, _t in theirs], abs=2)


def test_print_follows_the_official_layout(opened, tmp_path, print_to_file, no_blocking_dialogs):
    ref = libreoffice_reference(opened, no_blocking_dialogs, tmp_path)
    opened.actions_by_name["print"].trigger()
    assert_official_page(print_to_file)
    assert [letters(t) for _x, t in body_lines(print_to_file, 2)] == [letters(t) for _x, t in body_lines(ref, 2)]


def test_plain_style_pdf_uses_the_plain_page(opened, no_blocking_dialogs, tmp_path, monkeypatch):
    opened.settings.set("export_style", "plain")
    pdf = export_pdf_through_the_menu(opened, no_blocking_dialogs, tmp_path / "plain.pdf")
    assert [round(v) for v in page_size(pdf)] == [595, 842]
    first = body_lines(pdf, 1)
    assert abs(min(x for x, _t in first) - 90) < 3  # the plain DOCX's 1800-twip (31.75 mm) margin
    assert page_number(pdf, 1) is None
    monkeypatch.setenv("YUKU_SOFFICE", "")
    qt = export_pdf_through_the_menu(opened, no_blocking_dialogs, tmp_path / "plain-qt.pdf")
    assert abs(min(x for x, _t in body_lines(qt, 1)) - 90) < 3
    assert letters(body_lines(qt, 1)[0][1]) == letters(first[0][1])
