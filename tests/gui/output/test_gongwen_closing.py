"""The 落款 never stands alone on a page (GB/T 9704-2012 §7.3.5), in the official DOCX and in Yuku's print.

Bodies of many lengths put the text's end on every line of a page. LibreOffice lays out the DOCX; every
page holding the 署名 or 成文日期 also holds body text, and Yuku's PDF has the same pages, text for text.
"""
from __future__ import annotations

import re
import shutil
import unicodedata

import pytest

from editor.core.gongwen import plan, types
from editor.gui.gongwen.actions import GongwenActions
from editor.gui.output.font_report import installed_families
from tests.core.gongwen.corpus import ROOT
from tests.core.gongwen.test_render import lo_pages
from tests.gui.output.test_gongwen_print import draft, yuku_pdf
from tests.pdf_pages import body_lines, page_count, page_texts

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="needs poppler-utils")

# The coordinator's short 通知 (tasks/gw_sample.txt): 版头, 主送, 署名, 成文日期 and 版记, no 附件.
SAMPLE = """---
类型: 通知
发文机关标志: 江城市人民政府办公室文件
发文字号: 江政办发〔2026〕12号
主送: 各区人民政府，市政府各部门
发文机关署名: 江城市人民政府办公室
成文日期: 2026年12月7日
抄送: 市委各部门
印发机关: 江城市人民政府办公室
印发日期: 2026年12月7日
---
关于开展安全生产大检查的通知
为认真贯彻落实上级关于安全生产工作的部署要求，经市政府同意，现就开展安全生产大检查有关事项通知如下。
一、检查范围
全市各类生产经营单位。
二、工作要求
"""
SHORT = "各单位要高度重视，加强组织领导，确保检查取得实效。"  # one line
LONG = ("各单位要高度重视，加强组织领导，明确责任分工，细化工作措施，确保检查取得实效，"
        "发现问题及时整改到位，并于年底前将检查情况书面报送市政府办公室。")  # three lines
SIGNATURE = "江城市人民政府办公室"
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")  # a line of its own: the 成文日期 (the 版记's ends in 印发)


def item(i: int) -> str:
    """A one-line body paragraph."""
    return f"第{i:02d}项工作已经按照要求全面完成并报送。\n"


def sample(n: int, last: str = SHORT) -> str:
    """The sample with n one-line paragraphs before its last paragraph."""
    return SAMPLE + "".join(item(i) for i in range(n)) + last + "\n"


def written(n: int) -> str:
    """The sample with its 署名 and 成文日期 written as the text's last lines instead of in the front matter."""
    text = sample(n).replace(f"发文机关署名: {SIGNATURE}\n", "").replace("成文日期: 2026年12月7日\n", "")
    return text + f"{SIGNATURE}\n2026年12月7日\n"


def with_attachments(n: int) -> str:
    """The 通知 of tests/data (附件说明 of two lines and a 附注 after the date) with n one-line paragraphs."""
    return (ROOT / "drafts" / "通知.txt").read_text(encoding="utf-8") + "".join(item(i) for i in range(n))


def closing_lines(pdf) -> list[tuple[int, str]]:
    """(page, text) of the lines from the 署名 back to the body line above it, the 附件说明 left out."""
    found = [(page, text) for page in range(1, page_count(pdf) + 1) for _x, text in body_lines(pdf, page)]
    date = next(i for i, (_p, text) in enumerate(found) if DATE.fullmatch(text))
    above = [line for line in found[:date - 1] if not line[1].startswith(("附件", "2."))]
    return [found[date], found[date - 1], above[-1]]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_closing_shares_its_page_with_body_text_for_every_end_line(open_draft, tmp_path, monkeypatch):
    """LibreOffice and Yuku's print: 署名 and date on one page, under body text, the same pages in both."""
    decisions: list[tuple[float, bool]] = []
    real = plan.fit_closing

    def spy(items: list[plan.Item], lines: list[int], room: int, movable: bool) -> tuple[list[plan.Item], bool]:
        fitted, carry = real(items, lines, room, movable)
        first = next(i for i in fitted if i.style in plan.CLOSING_STYLES)
        decisions.append((first.before, carry))
        return fitted, carry

    monkeypatch.setattr(plan, "fit_closing", spy)
    drafts = [sample(n) for n in range(0, 34)]  # the text ends on every line of page 1's text and of page 2
    drafts += [sample(n, LONG) for n in range(14, 22)]  # a three-line last paragraph goes on whole
    drafts += [with_attachments(n) for n in range(0, 26, 3)]
    drafts += [draft("函", n) for n in range(0, 8)]  # the 信函's head in its first page's header
    drafts += [written(n) for n in (0, 1, 2, 20, 21, 22, 23)]  # 署名 and date written in the text
    docs, ours = [], []
    for k, text in enumerate(drafts):
        window = open_draft(text)
        ours.append(yuku_pdf(window, tmp_path / f"yuku{k}.pdf"))
        data = window.feature(GongwenActions).official_bytes(installed_families())
        assert data is not None
        docs.append(tmp_path / f"docx{k}.docx")
        docs[-1].write_bytes(data)
    lo_pages(tmp_path, docs)
    for k, (ref, mine) in enumerate(zip(docs, ours, strict=True)):
        ref = ref.with_suffix(".pdf")
        (date, _), (signature, name), (page, text) = closing_lines(ref)
        assert name == SIGNATURE, k
        assert signature == date, k  # the 署名 and the date are not parted
        assert page == signature, k  # and the text's last line is above them on their page
        assert text in unicodedata.normalize("NFKC", drafts[k].split("---\n")[2]), k
        assert not [t for t in page_texts(ref) if re.fullmatch(r"—\d+—", t)], k  # no numbered blank page
        assert page_count(mine) == page_count(ref), k
        assert page_texts(mine) == page_texts(ref), k
    kinds = set(decisions)
    assert {(2, False), (1, False), (0, False), (2, True)} <= kinds  # each remedy was needed somewhere


def test_print_fits_the_closing_as_the_docx_does_for_any_length(qapp, tmp_path, monkeypatch):
    """Without LibreOffice: the DOCX layout's estimate and the printed lines take the same decision."""
    from editor.core.formats.document_files import read_document
    from editor.core.gongwen.export import export_bytes
    from editor.core.gongwen.parts import from_properties
    from editor.gui.output.gongwen_pages import official_pages

    decided: list[tuple[int, bool, float, bool]] = []
    real = plan.fit_closing

    def spy(items: list[plan.Item], lines: list[int], room: int, movable: bool) -> tuple[list[plan.Item], bool]:
        fitted, carry = real(items, lines, room, movable)
        first = next(i for i in fitted if i.style in plan.CLOSING_STYLES)
        decided.append((room, movable, first.before, carry))
        return fitted, carry

    monkeypatch.setattr(plan, "fit_closing", spy)
    fonts = installed_families()
    texts = [sample(n) for n in range(0, 34)] + [sample(n, LONG) for n in range(0, 34, 2)]
    texts += [with_attachments(n) for n in range(0, 30)]
    texts += [written(n) for n in range(0, 26)]
    texts += [draft(name, n) for name in types.TYPES for n in range(0, 12)]  # every type, 信函 and 纪要 too
    for k, text in enumerate(texts):
        src = tmp_path / f"n{k}.txt"
        src.write_text(text, encoding="utf-8")
        doc = read_document(src)
        export_bytes(doc, from_properties(doc.properties), None, None, fonts)
        official_pages(doc, fonts)
        assert len(decided) == 2 * (k + 1), k  # one decision each
        assert decided[-2] == decided[-1], k
    assert {d[2:] for d in decided} >= {(2, False), (1, False), (0, False), (2, True)}


def table_document(rows: int, tail: bool) -> object:
    """A Word-like document: title, a paragraph, a table of `rows` rows, then (or not) a last paragraph."""
    from editor.core.gongwen.front_matter import split
    from editor.core.gongwen.parts import to_properties
    from editor.core.model.document import Document, Paragraph, Run, Table

    doc = Document([Paragraph([Run("关于开展安全生产大检查的通知")], style="title"),
                    Paragraph([Run("现将检查安排通知如下。")]),
                    Table([[[Paragraph([Run(f"单位{i}")])], [Paragraph([Run("全面检查，立行立改。")])]]
                           for i in range(rows)]), *([Paragraph([Run(SHORT)])] if tail else [])])
    doc.properties = to_properties(split(sample(0)).parts)
    return doc


def test_print_puts_the_closing_after_a_table_that_ends_the_text(qapp):
    """As the DOCX does: a text ending in a table has its 署名 and date under the table, not above it."""
    from editor.gui.output.gongwen_pages import official_pages

    printed = official_pages(table_document(3, tail=False), installed_families())
    texts = ["".join(lines) for lines in printed.paragraph_lines]
    assert texts.index(SIGNATURE) > texts.index("全面检查，立行立改。") + 4  # after the last row
    assert texts[texts.index(SIGNATURE) - 1] == ""  # after the empty paragraph that closes the DOCX's table


def test_print_keeps_the_closing_under_a_table_on_one_page(qapp, tmp_path):
    """For tables ending all over a page: the 署名 and the date on one page, never parted.

    A table's rows do not move with them: where the table ends a page, the 落款 stands alone on the next
    (as in the DOCX, whose export says so); elsewhere it is under the table's last row.
    """
    from PySide6.QtGui import QPdfWriter

    from editor.gui.output.gongwen_pages import official_pages

    under = []
    for rows in range(2, 24):
        pdf = tmp_path / f"t{rows}.pdf"
        writer = QPdfWriter(str(pdf))
        writer.setResolution(300)
        assert official_pages(table_document(rows, tail=False), installed_families()).paint(writer) > 0
        del writer  # the PDF is written when the writer goes
        (date, _), (signature, name), (page, text) = closing_lines(pdf)
        assert name == SIGNATURE, rows
        assert date == signature, rows
        under.append(page == signature)
        assert text.startswith("单位"), rows  # the table's last row
    assert sum(under) >= len(under) - 3, under  # alone only where the table fills its page to the foot


def test_print_fits_the_closing_as_the_docx_does_after_a_table(qapp, monkeypatch):
    """A text with a table near its end: the DOCX estimate and the print decide alike."""
    from editor.core.gongwen.export import export_bytes
    from editor.core.gongwen.parts import from_properties
    from editor.gui.output.gongwen_pages import official_pages

    decided: list[tuple[int, bool, float, bool]] = []
    real = plan.fit_closing

    def spy(items: list[plan.Item], lines: list[int], room: int, movable: bool) -> tuple[list[plan.Item], bool]:
        fitted, carry = real(items, lines, room, movable)
        decided.append((room, movable, fitted[0].before, carry))
        return fitted, carry

    monkeypatch.setattr(plan, "fit_closing", spy)
    fonts = installed_families()
    for rows in range(2, 22):
        for tail in (False, True):
            doc = table_document(rows, tail)
            export_bytes(doc, from_properties(doc.properties), None, None, fonts)
            official_pages(doc, fonts)
            assert len(decided) % 2 == 0, (rows, tail)
            assert decided[-2] == decided[-1], (rows, tail)
