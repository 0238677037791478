"""The laid-out DOCX of every type: golden XML, the parts stored for a round trip, required-part warnings."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from editor.cli import main
from editor.core.gongwen import storage, types
from editor.core.gongwen.front_matter import split
from tests.core.gongwen.corpus import ROOT

DRAFTS = ROOT / "drafts"
GOLDEN = ROOT / "golden"
PARTS = ("word/document.xml", "word/header1.xml", "word/footer3.xml")


def export(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / f"{name}.docx"
    assert main(["export", str(DRAFTS / f"{name}.txt"), str(out), *extra]) == 0
    return out


def normalised(data: bytes) -> str:
    """XML pretty-printed, so a golden diff shows the element that changed."""
    return etree.tostring(etree.fromstring(data), pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("name", list(types.TYPES))
def test_golden_xml_of_each_type(tmp_path, name):
    """document.xml (and the 信函's first-page header and footer) equal the reviewed golden files.

    After an intended layout change: YUKU_UPDATE_GOLDEN=1 pytest tests/core/gongwen/test_layout.py, then
    review the diff of tests/data/gongwen/golden before committing it.
    """
    out = export(tmp_path, name)
    with zipfile.ZipFile(out) as zf:
        got = {part: normalised(zf.read(part)) for part in PARTS if part in zf.namelist()}
    for part, xml in got.items():
        golden = GOLDEN / name / part.replace("/", "_")
        if os.environ.get("YUKU_UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(xml, encoding="utf-8")
        assert golden.exists(), f"no golden file {golden}"
        assert xml == golden.read_text(encoding="utf-8"), f"{name} {part} differs from its golden file"


def test_the_parts_survive_a_round_trip_in_the_docx(tmp_path):
    out = export(tmp_path, "通知")
    parts = storage.read(out.read_bytes())
    assert parts == split((DRAFTS / "通知.txt").read_text(encoding="utf-8")).parts


def test_notice_layout_elements_are_where_the_standard_puts_them(tmp_path):
    """Red 标志 in 小标宋, 发文字号 with the red rule, 主送 flush left, 落款 右空四字, 版记 framed at the bottom."""
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(export(tmp_path, "通知")))
    by_style = {}
    for p in d.paragraphs:
        by_style.setdefault(p.style.name, []).append(p)
    mark = by_style["GwIssuerMark"][0]
    assert mark.text == "江城市人民政府办公室文件"
    run = mark.runs[0]
    assert str(run.font.color.rgb) == "FF0000"
    assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    number = by_style["GwDocNumber"][0]
    assert number.text == "江政办发〔2024〕12号"
    assert number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:color")) == "FF0000"
    main_ = by_style["GwMain"][0]
    assert main_.text == "各区人民政府，市政府各委、办、局："
    assert main_.paragraph_format.first_line_indent == 0
    notes = [p.text for p in by_style["GwAttachNote"]]
    assert notes == ["附件：1. 江城市城市更新重点任务清单", "2. 江城市城市更新工作联络人名单"]
    date = by_style["GwDate"][0]
    assert date.text == "2024年5月30日"
    assert date.paragraph_format.right_indent == round(4 * 15.75 * 20) * 635  # 右空四字 (EMU)
    assert by_style["GwNote"][0].text == "（此件公开发布）"
    record = [p.text for p in by_style["GwRecord"]]
    assert record[0] == "抄送：市委各部门，市人大常委会办公厅。"
    assert record[-1] == "江城市人民政府办公室\t2024年5月31日印发"
    assert all(p._p.pPr.find(qn("w:framePr")) is not None for p in by_style["GwRecord"])


def test_request_puts_the_signer_beside_the_number(tmp_path):
    import docx

    d = docx.Document(str(export(tmp_path, "请示")))
    number = next(p for p in d.paragraphs if p.style.name == "GwDocNumber")
    assert number.text == "江财〔2024〕8号\t签发人：王明"
    assert number.paragraph_format.tab_stops[0].alignment == docx.enum.text.WD_TAB_ALIGNMENT.RIGHT


def test_letter_has_its_head_in_the_first_page_header_and_no_first_page_number(tmp_path):
    import docx

    d = docx.Document(str(export(tmp_path, "函")))
    sec = d.sections[0]
    assert sec.different_first_page_header_footer
    assert sec.first_page_header.paragraphs[0].text == "江城市人民政府办公室"
    assert "PAGE" not in sec.first_page_footer._element.xml
    assert "PAGE" in sec.footer._element.xml  # later pages keep their numbers


def test_export_warns_of_required_parts_missing(tmp_path, capsys):
    draft = tmp_path / "q.txt"
    draft.write_text("---\n类型: 请示\n发文字号: 江财〔2024〕8号\n---\n关于申请经费的请示\n妥否，请批示。\n",
                     encoding="utf-8")
    assert main(["export", str(draft), str(tmp_path / "q.docx")]) == 0
    err = capsys.readouterr().err
    assert "缺少" in err
    assert "签发人" in err
    assert "主送" in err
    assert "发文机关标志" in err


def test_type_option_applies_a_layout_to_a_plain_draft(tmp_path):
    import docx

    draft = tmp_path / "n.txt"
    draft.write_text("关于做好防汛工作的通知\n各区人民政府：\n加强巡查。\n江城市人民政府\n2024年5月30日\n",
                     encoding="utf-8")
    out = tmp_path / "n.docx"
    assert main(["export", str(draft), str(out), "--type", "通知"]) == 0
    d = docx.Document(str(out))
    date = next(p for p in d.paragraphs if p.text == "2024年5月30日")
    assert date.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert storage.read(out.read_bytes()).doc_type == "通知"


def test_exporting_a_laid_out_docx_again_lays_its_head_out_once(tmp_path):
    import docx

    first = export(tmp_path, "通知")
    again = tmp_path / "again.docx"
    assert main(["export", str(first), str(again)]) == 0
    texts = [p.text for p in docx.Document(str(again)).paragraphs if p.text]
    assert texts.count("江城市人民政府办公室文件") == 1
    assert texts.count("江政办发〔2024〕12号") == 1
    assert texts.count("2024年5月30日") == 1
    assert storage.read(again.read_bytes()) == storage.read(first.read_bytes())


def test_a_laid_out_docx_exports_back_to_a_draft_with_front_matter(tmp_path):
    """DOCX → .txt gives the draft again: parts as front matter, the text without the layout's lines."""
    out = export(tmp_path, "通知")
    draft = tmp_path / "back.txt"
    assert main(["export", str(out), str(draft)]) == 0
    back = split(draft.read_text(encoding="utf-8"))
    original = split((DRAFTS / "通知.txt").read_text(encoding="utf-8"))
    assert back.parts == original.parts
    assert back.body.strip().split("\n") == original.body.strip().split("\n")
    again = tmp_path / "again.docx"
    assert main(["export", str(draft), str(again)]) == 0
    with zipfile.ZipFile(out) as a, zipfile.ZipFile(again) as b:
        assert normalised(a.read("word/document.xml")) == normalised(b.read("word/document.xml"))
