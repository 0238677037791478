"""The official (GB/T 9704-2012) preset: page set-up, styles, fonts and heading recognition."""
from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.shared import Mm

from editor.core import fonts
from editor.core.formats.document_files import read_document, write_document
from editor.core.formats.draft_text import draft_to_document, recognise_roles
from editor.core.formats.official_style import CHAR_SPACING, LINE_PITCH_PT
from editor.core.model.document import Document, KeptItem, Paragraph, Run

DRAFT = "关于做好2024年工作的讲话\n\n同志们：\n一、总体情况\n今年以来，我们坚持“稳中求进”……\n（一）加强领导\n1.明确责任\n（1）细化分工\n谢谢大家！\n"


@pytest.fixture
def official(tmp_path):
    out = tmp_path / "official.docx"
    write_document(draft_to_document(DRAFT), out, style="official")
    return out


def test_draft_roles_from_numbering():
    doc = draft_to_document("　　标题\r\n\r\n  一、甲\n（二）乙\n3.丙\n（4）丁\n正文。\n")
    assert [(p.style, p.text) for p in doc.paragraphs] == [
        ("title", "标题"), ("body", ""), ("heading1", "一、甲"), ("heading2", "（二）乙"),
        ("heading3", "3.丙"), ("heading4", "（4）丁"), ("body", "正文。")]


def test_first_line_that_is_a_heading_is_not_a_title():
    doc = recognise_roles(Document.from_plain_text("一、开头就是标题\n正文"))
    assert [p.style for p in doc.paragraphs] == ["heading1", "body"]


def test_page_setup_is_a4_with_official_margins(official):
    section = docx.Document(str(official)).sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    for value, mm in ((section.top_margin, 37), (section.bottom_margin, 35), (section.left_margin, 28),
                      (section.right_margin, 26)):
        assert abs(value - Mm(mm)) < Mm(0.1)


def test_styles_fonts_sizes_and_grid(official):
    styles = zipfile.ZipFile(official).read("word/styles.xml").decode()
    # 22 lines: 579 twips exactly; 28 characters: -0.25 pt spacing
    assert LINE_PITCH_PT * 20 == 579
    assert 22 * 579 <= (297 - 37 - 35) / 25.4 * 1440
    assert '<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>' in styles
    assert f'<w:spacing w:val="{CHAR_SPACING}"/>' in styles
    assert CHAR_SPACING == -5
    assert 28 * (16 + CHAR_SPACING / 20) <= (210 - 28 - 26) / 25.4 * 72 < 29 * (16 + CHAR_SPACING / 20)
    # every rFonts names the East Asian font (python-docx's font.name would not)
    for tag in re.findall(r"<w:rFonts [^>]*>", styles):
        assert "w:eastAsia=" in tag
        assert 'w:ascii="Times New Roman"' in tag
    d = docx.Document(str(official))
    by_name = {s.name: s for s in d.styles}
    assert by_name["Title"].font.size.pt == 22
    assert by_name["Title"].font.bold is not True
    assert by_name["Heading 1"].font.size.pt == 16
    east = {n: by_name[n].element.rPr.rFonts.get(f"{{{docx.oxml.ns.nsmap['w']}}}eastAsia")
            for n in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4")}
    assert east == {"Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体_GB2312",
                    "Heading 3": "仿宋_GB2312", "Heading 4": "仿宋_GB2312"}
    assert 'w:eastAsia="仿宋_GB2312"' in styles.split("<w:style ")[0]  # the body default
    assert '<w:jc w:val="both"/>' in styles
    assert '<w:ind w:firstLine="630"/>' in styles


def test_page_numbers_odd_right_even_left(official):
    zf = zipfile.ZipFile(official)
    settings = zf.read("word/settings.xml").decode()
    assert "<w:evenAndOddHeaders/>" in settings
    odd, even = zf.read("word/footer1.xml").decode(), zf.read("word/footer2.xml").decode()
    assert '<w:jc w:val="right"/>' in odd
    assert '<w:jc w:val="left"/>' in even
    for footer in (odd, even):
        assert "— " in footer
        assert " —" in footer
        assert " PAGE " in footer
        assert 'w:eastAsia="宋体"' in footer
        assert '<w:sz w:val="28"/>' in footer
    doc_xml = zf.read("word/document.xml").decode()
    assert 'w:type="default" r:id="rIdFooterOdd"' in doc_xml
    assert 'w:type="even" r:id="rIdFooterEven"' in doc_xml


def test_draft_text_comes_back_unchanged(official, tmp_path):
    write_document(read_document(official), tmp_path / "back.txt")
    assert (tmp_path / "back.txt").read_text(encoding="utf-8") == DRAFT


def test_official_drops_direct_formatting_and_reports_kept_content(tmp_path):
    doc = Document([Paragraph([Run("标题", font="Arial", size=40, color="FF0000", bold=True)]),
                    Paragraph([Run("正文"), Run("\ufffc", kept="k1")])],
                   kept={"k1": KeptItem("<w:r/>", "图片")})
    from editor.core.formats.official_style import prepare_official

    ready = prepare_official(doc)
    run = ready.paragraphs[0].runs[0]
    assert (run.font, run.size, run.color, run.bold) == (None, None, None, True)
    assert ready.paragraphs[0].style == "title"
    assert "图片" in ready.unsupported
    write_document(doc, tmp_path / "o.docx", style="official")
    assert "<w:r/>" not in zipfile.ZipFile(tmp_path / "o.docx").read("word/document.xml").decode()


def test_font_report_and_fallbacks():
    report = {s.cls: s for s in fonts.font_report(["仿宋", "SimHei", "Noto Serif CJK SC", "Times New Roman"])}
    assert not report["fangsong"].installed
    assert report["fangsong"].substitute == "仿宋"
    assert report["heiti"].substitute == "SimHei"
    assert report["latin"].installed
    assert report["xiaobiaosong"].substitute == "Noto Serif CJK SC"
    assert "仿宋_GB2312" in fonts.missing_fonts(["仿宋"])
    # the user's chain wins (settings font_fallbacks)
    custom = {"仿宋_GB2312": ["华文仿宋", "仿宋"]}
    assert fonts.chains(custom)["fangsong"][:3] == ["仿宋_GB2312", "华文仿宋", "仿宋"]
    assert fonts.resolve("fangsong", ["仿宋", "华文仿宋"], custom) == "华文仿宋"
    assert fonts.resolve("fangsong", None) == "仿宋_GB2312"
    assert fonts.alt_names(custom)["仿宋_GB2312"] == "华文仿宋"


def test_installed_fonts_substitute_when_asked(tmp_path):
    out = tmp_path / "sub.docx"
    write_document(draft_to_document(DRAFT), out, style="official", fonts_available=["仿宋", "黑体", "楷体", "宋体"])
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode()
    assert 'w:eastAsia="仿宋"' in styles
    assert "仿宋_GB2312" not in styles.split("<w:style ")[0]
    table = zipfile.ZipFile(out).read("word/fontTable.xml").decode()
    assert "<w:font " in table


def test_font_table_names_fallbacks(official):
    table = zipfile.ZipFile(official).read("word/fontTable.xml").decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in table


def test_typed_indentation_is_left_to_the_layout():
    from editor.core.formats.official_style import prepare_official

    doc = Document([Paragraph([Run("标题")]), Paragraph([Run("\u3000\u3000"), Run("正文开始", bold=True)])])
    ready = prepare_official(doc)
    assert ready.paragraphs[1].text == "正文开始"
    assert ready.paragraphs[1].runs[0].bold


def test_a_run_in_heading_is_body_text_with_its_lead_in_the_heading_font():
    import zipfile
    from io import BytesIO

    from editor.core.formats.document_files import docx_bytes
    from editor.core.formats.official_style import OFFICIAL_STYLE
    from editor.core.model.document import Document, Paragraph, Run

    doc = Document([Paragraph([Run("关于做好防汛工作的通知")], style="title"),
                    Paragraph([Run("（一）加强组织领导。各单位要")], style="heading2"),
                    Paragraph([Run("把防汛摆在突出位置。")]),
                    Paragraph([Run("（二）强化督促检查")], style="heading2")])
    with zipfile.ZipFile(BytesIO(docx_bytes(doc, OFFICIAL_STYLE))) as zf:
        xml = zf.read("word/document.xml").decode()
    paras = xml.split("<w:p>")[1:] if "<w:p>" in xml else xml.split("<w:p ")[1:]
    run_in = next(p for p in paras if "加强组织领导" in p)
    heading = next(p for p in paras if "强化督促检查" in p)
    assert "Heading" not in run_in
    assert "Heading2" in heading
    lead, rest = run_in.split("各单位要")[0], run_in.split("（一）加强组织领导。")[1]
    assert "楷体" in lead
    assert "楷体" not in rest
    with zipfile.ZipFile(BytesIO(docx_bytes(doc, OFFICIAL_STYLE, fonts_available=["AR PL UKai CN"]))) as zf:
        local = zf.read("word/document.xml").decode()
    assert "@" not in local
    assert "@" not in xml


def test_a_word_files_plain_title_is_the_title_though_its_headings_are_styled(tmp_path):
    """Word users type the title as a centred, large Normal paragraph and style 一、 as Heading 1."""
    import docx as python_docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from editor.core.formats.document_files import read_document
    from editor.core.formats.official_style import prepare_official

    made = python_docx.Document()
    title = made.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("关于做好冬季安全生产工作的通知")
    run.bold, run.font.size = True, Pt(22)
    made.add_paragraph("各乡镇人民政府：")
    made.add_heading("一、提高思想认识", level=1)
    made.add_paragraph("各单位要高度重视。")
    path = tmp_path / "通知.docx"
    made.save(str(path))
    roles = [(p.style, p.text) for p in prepare_official(read_document(path)).paragraphs if p.text]
    assert roles[0] == ("title", "关于做好冬季安全生产工作的通知")
    assert ("heading1", "一、提高思想认识") in roles
    assert ("body", "各单位要高度重视。") in roles
