"""Verified as printed: exported 通知, 请示 and 函 laid out by LibreOffice, measured on the PDF and its pixels."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.cli import main
from tests.conftest import libreoffice_or_skip
from tests.core.gongwen.corpus import ROOT

PT_MM = 25.4 / 72
DPI = 72  # one pixel a point


def lo_pages(tmp_path: Path, docs: list[Path]) -> list[list[str]]:
    """Convert DOCX files with LibreOffice in one run; each file's pages as pdftotext's bbox HTML."""
    soffice = libreoffice_or_skip()
    for tool in ("pdftotext", "pdftoppm"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} (poppler-utils) not installed")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)], check=True,
                   capture_output=True, timeout=600)
    out = []
    for doc in docs:
        html = subprocess.run(["pdftotext", "-bbox-layout", str(doc.with_suffix(".pdf")), "-"], capture_output=True,
                              text=True, check=True).stdout
        out.append(html.split("<page ")[1:])
    return out


def render(tmp_path: Path, name: str) -> tuple[Path, list[str]]:
    """Export the draft, convert it with LibreOffice; returns the PDF and each page's bbox HTML."""
    libreoffice_or_skip()
    out = tmp_path / f"{name}.docx"
    assert main(["export", str(ROOT / "drafts" / f"{name}.txt"), str(out)]) == 0
    return out.with_suffix(".pdf"), lo_pages(tmp_path, [out])[0]


def words(page: str) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) in millimetres of every word on a page."""
    out = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
        x0, y0, x1, y1 = (float(v) * PT_MM for v in m.groups()[:4])
        out.append((x0, y0, x1, y1, m.group(5)))
    return out


def red_rows(pdf: Path, tmp_path: Path, page: int, black: bool = False) -> list[tuple[int, int, int]]:
    """(y, first x, last x) in pixels (= points) of every row with red (or black) pixels on a page."""
    base = tmp_path / f"p{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(base)], check=True, capture_output=True, timeout=120)
    data = (tmp_path / f"p{page}.ppm").read_bytes()
    fields = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert fields
    w, h = int(fields.group(1)), int(fields.group(2))
    pixels = data[fields.end():]
    rows = []
    for y in range(h):
        row = pixels[y * w * 3:(y + 1) * w * 3]
        if black:
            reds = [x for x in range(w) if max(row[3 * x:3 * x + 3]) < 170]
        else:
            reds = [x for x in range(w) if row[3 * x] > 180 and row[3 * x + 1] < 90 and row[3 * x + 2] < 90]
        if reds:
            rows.append((y, reds[0], reds[-1]))
    return rows


@pytest.mark.libreoffice
@pytest.mark.slow
def test_notice_head_is_red_and_in_place_and_the_record_ends_the_last_even_page(tmp_path):
    pdf, pages = render(tmp_path, "通知")
    assert len(pages) % 2 == 0  # the 版记 is on an even page
    first = words(pages[0])
    mark = next(w for w in first if "江城市人民政府办公室文件" in w[4])
    assert abs(mark[1] - (37 + 35)) <= 3  # §7.2.4: 35 mm below the top of the text block
    rows = red_rows(pdf, tmp_path, 1)
    mark_rows = [r for r in rows if mark[1] - 1 <= r[0] * PT_MM <= mark[3] + 1]
    assert len(mark_rows) > 20  # the 标志 is red
    rule = [r for r in rows if (r[2] - r[1]) * PT_MM > 150]  # a red line as wide as the text block
    number = next(w for w in first if w[4].startswith("江政办发"))
    title = next(w for w in first if w[4].startswith("江城市人民政府办公室关于"))
    assert rule
    assert number[3] < rule[0][0] * PT_MM < title[1]  # under the 发文字号, above the title
    assert 2 <= rule[0][0] * PT_MM - number[3] <= 7  # about 4 mm below the 发文字号 (§7.2.7)
    line = [w for w in first if abs(w[1] - number[1]) < 1]
    assert abs((min(w[0] for w in line) + max(w[2] for w in line)) / 2 - (28 + 156 / 2)) < 3  # centred
    last = words(pages[-1])
    printed = [w for w in last if "印发" in w[4]]
    assert printed
    assert 297 - 35 - 6 <= printed[0][3] <= 297 - 35  # on the last line of the text block (§7.4)
    rules = [r[0] * PT_MM for r in red_rows(pdf, tmp_path, len(pages), black=True) if (r[2] - r[1]) * PT_MM > 150]
    assert abs(max(rules) - (297 - 35)) <= 2.5  # the closing rule at the bottom of the text block
    lines = [y for k, y in enumerate(rules) if k == 0 or y - rules[k - 1] > 1.5]  # rows of one rule together
    assert max(w[3] for w in last if not re.fullmatch(r"[—\d\s]+", w[4])) == printed[0][3]  # nothing under it
    copy_to = next(w for w in last if w[4].startswith("抄送"))
    around = [y for y in lines if y > copy_to[1] - 12]
    assert len(around) == 3  # three rules: above 抄送, between, below 印发
    assert around[0] < copy_to[1] < around[1] < printed[0][1] < around[2]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_request_number_left_signer_right_on_one_line(tmp_path):
    _, pages = render(tmp_path, "请示")
    first = words(pages[0])
    number = next(w for w in first if w[4].startswith("江财"))
    signer = next(w for w in first if w[4].startswith("签发人"))
    assert abs(number[1] - signer[1]) < 1  # the same line
    assert abs(number[0] - (28 + 5.6)) < 2  # 发文字号 one character in from the left (§7.2.6)
    assert abs((210 - 26) - 5.6 - signer[2]) < 2  # 签发人 one character in from the right
    assert len(pages) % 2 == 0


@pytest.mark.libreoffice
@pytest.mark.slow
def test_letter_first_page_has_no_number_and_its_head_is_30_mm_down(tmp_path):
    pdf, pages = render(tmp_path, "函")
    first = words(pages[0])
    assert not any(re.fullmatch(r"—?\s*1\s*—?", w[4]) for w in first)  # no page number on page one (§10.1)
    mark = next(w for w in first if w[4] == "江城市人民政府办公室")
    assert abs(mark[1] - 30) <= 3
    rows = red_rows(pdf, tmp_path, 1)
    wide = [r[0] * PT_MM for r in rows if (r[2] - r[1]) * PT_MM > 160]  # the 170 mm double lines
    assert any(mark[3] < y < mark[3] + 8 for y in wide)  # under the 标志
    assert any(abs(y - (297 - 20)) < 4 for y in wide)  # 20 mm from the bottom edge


@pytest.mark.libreoffice
@pytest.mark.slow
def test_pdf_export_of_a_draft_has_its_parts_laid_out(tmp_path):
    libreoffice_or_skip()
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    pdf = tmp_path / "n.pdf"
    assert main(["export", str(ROOT / "drafts" / "通知.txt"), str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    assert "江城市人民政府办公室文件" in pages[0]
    assert "江政办发〔2024〕12" in pages[0]
    assert "印发" in [p for p in pages if p.strip()][-1]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_run_in_heading_across_the_page_end_leaves_page_one_full(tmp_path):
    libreoffice_or_skip()
    body = ["关于加强安全生产工作的通知"]
    body += [f"第{i}项工作已经按照要求全面完成并报送材料。" for i in range(1, 19)]  # one line each
    body.append("（一）加强组织领导。" + "各单位要把安全生产摆在突出位置，主要负责同志亲自抓、负总责，" * 3)
    body.append("（二）强化督促检查。各单位要加强日常检查，发现问题及时整改。")
    draft = tmp_path / "run_in.txt"
    draft.write_text("\n".join(body) + "\n", encoding="utf-8")
    out = tmp_path / "run_in.docx"
    assert main(["export", str(draft), str(out)]) == 0
    first = words(lo_pages(tmp_path, [out])[0][0])
    bottom = max(w[3] for w in first if w[4].strip() and w[1] < 297 - 35)  # the text block, not the page number
    assert bottom > 297 - 35 - 2 * 10.2  # the last of the 22 lines is used: the heading did not move on
    assert any("加强组织领导" in w[4] for w in first)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_record_lands_at_the_bottom_of_an_even_last_page_whatever_the_body_length(tmp_path):
    """The 版记's page is estimated when laying out; LibreOffice measures it for bodies ending anywhere on a page."""
    libreoffice_or_skip()
    draft = (ROOT / "drafts" / "通知.txt").read_text(encoding="utf-8")
    head, body = draft.split("---\n", 2)[1], draft.split("---\n", 2)[2]
    extra = "各单位要加强组织领导，明确责任分工，细化工作措施，确保各项任务按期完成，取得实效。"  # two lines
    outs = []
    for n in (0, 3, 5, 7, 9, 11, 14, 18):
        src = tmp_path / f"n{n}.txt"
        src.write_text(f"---\n{head}---\n{body}" + "\n".join([extra] * n) + "\n", encoding="utf-8")
        out = tmp_path / f"n{n}.docx"
        assert main(["export", str(src), str(out)]) == 0
        outs.append(out)
    seen_blank = False
    for out, pages in zip(outs, lo_pages(tmp_path, outs), strict=True):
        assert len(pages) % 2 == 0, out.name  # the 版记 is on an even page
        last = words(pages[-1])
        printed = [w for w in last if "印发" in w[4]]
        assert printed, out.name  # on the last page
        assert 297 - 35 - 6 <= printed[0][3] <= 297 - 35, out.name  # at the bottom of the text block
        numbered = [any(re.fullmatch(r"\d+", w[4]) for w in words(p) if w[1] > 297 - 35) for p in pages]
        blank = [not [w for w in words(p) if not re.fullmatch(r"[—\d\s]+", w[4])] for p in pages]
        if blank[-2:-1] == [True]:
            # §7.5: a blank page before the 版记's page; neither is numbered, every other page is.
            assert numbered == [True] * (len(pages) - 2) + [False, False], out.name
            seen_blank = True
        else:
            assert all(numbered), out.name
        assert not any(blank[:-2]), out.name  # no other page is left blank
    assert seen_blank  # the lengths include one where the 版记 needs a page of its own after a blank one


def assert_record_at_the_foot_of_an_even_last_page(tmp_path: Path, outs: list[Path]) -> None:
    """Each DOCX, through LibreOffice, has an even page count and its 版记 at the foot of the last page only."""
    for out, pages in zip(outs, lo_pages(tmp_path, outs), strict=True):
        assert len(pages) % 2 == 0, out.name
        printed = [w for w in words(pages[-1]) if "印发" in w[4]]
        assert printed, out.name
        assert 297 - 35 - 6 <= printed[0][3] <= 297 - 35, out.name
        assert not any("印发" in w[4] for p in pages[:-1] for w in words(p)), out.name


@pytest.mark.libreoffice
@pytest.mark.slow
def test_record_page_is_measured_right_with_a_table_in_the_body(tmp_path):
    """Tables count in the page estimate: a Word file with a table, exported as a 通知, ends on an even page."""
    from editor.core.formats.document_files import write_document
    from editor.core.gongwen.front_matter import split
    from editor.core.gongwen.parts import to_properties
    from editor.core.model.document import Document, Paragraph, Run, Table

    libreoffice_or_skip()
    parts = split((ROOT / "drafts" / "通知.txt").read_text(encoding="utf-8")).parts
    outs = []
    for rows in (4, 8, 12, 16):
        doc = Document([Paragraph([Run("江城市人民政府办公室关于推进城市更新工作的通知")], style="title"),
                        Paragraph([Run("现将城市更新重点项目安排通知如下。")])])
        doc.blocks.append(Table([[[Paragraph([Run(f"项目{i}")])],
                                  [Paragraph([Run("完成老旧小区改造和配套设施建设，惠及居民。" * 2)])]]
                                 for i in range(rows)]))
        doc.blocks.append(Paragraph([Run("各区、各部门要加强组织领导，确保各项任务落到实处。")]))
        doc.properties = to_properties(parts)
        src = tmp_path / f"t{rows}.docx"
        write_document(doc, src)
        out = tmp_path / f"o{rows}.docx"
        assert main(["export", str(src), str(out), "--style", "official"]) == 0
        outs.append(out)
    assert_record_at_the_foot_of_an_even_last_page(tmp_path, outs)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_record_page_when_paragraphs_run_on_across_page_ends(tmp_path):
    """Three-line paragraphs split at page ends (widow control is off); the 版记 needs its real height.

    With whole paragraphs moved on and two lines of 版记 room assumed, 17 of these paragraphs put the 版记
    on page 5.
    """
    libreoffice_or_skip()
    draft = (ROOT / "drafts" / "通知.txt").read_text(encoding="utf-8")
    extra = "各单位要高度重视，认真组织，确保各项工作落到实处，按时完成任务目标。" * 2  # three lines
    outs = []
    for n in (16, 17):
        src = tmp_path / f"p{n}.txt"
        src.write_text(draft + "\n".join([extra] * n) + "\n", encoding="utf-8")
        out = tmp_path / f"p{n}.docx"
        assert main(["export", str(src), str(out)]) == 0
        outs.append(out)
    assert_record_at_the_foot_of_an_even_last_page(tmp_path, outs)
