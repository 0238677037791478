"""DOCX round trips: the model through write/read, and real Word constructs kept through a save."""
from __future__ import annotations

import errno
import re
import zipfile

import docx
import pytest

from editor.core import atomic
from editor.core.errors import YukuError
from editor.core.formats.document_files import read_document, write_document
from editor.core.model.document import OBJECT_CHAR, Document, Paragraph, Run, Table
from tests.docx_fixtures import W, build_docx, para, rich_word_file, run, top_link_file


def rich_model() -> Document:
    return Document([
        Paragraph([Run("年度工作总结")], style="title"),
        Paragraph([Run("一、总体情况")], style="heading1"),
        Paragraph([Run("（一）主要做法")], style="heading2"),
        Paragraph([Run("1.加强领导")], style="heading3"),
        Paragraph([Run("（1）明确责任")], style="heading4"),
        Paragraph([Run("粗体", bold=True), Run("斜体", italic=True), Run("下划线", underline=True),
                   Run("黑体红字", font="黑体", size=14.0, color="C00000"), Run("A\tB\u2028C")],
                  align="justify", first_line_indent=32.0, left_indent=10.0, right_indent=5.0,
                  line_spacing=1.5, space_before=6.0, space_after=3.0),
        Paragraph([Run("固定行距")], align="center", line_height=28.95),
        Paragraph([Run("第一项")], list_kind="bullet", list_id=1),
        Paragraph([Run("第二项")], list_kind="bullet", list_id=1, list_level=1),
        Paragraph([Run("编号一")], list_kind="number", list_id=2),
        Table([[[Paragraph([Run("项目")])], [Paragraph([Run("进度")])]],
               [[Paragraph([Run("甲")])], [Paragraph([Run("100%")], align="right")]]]),
        Paragraph([Run("新的一页")], page_break_before=True),
    ])


def _comparable(doc: Document) -> list:
    """Blocks without the raw-XML fields the reader adds."""
    out = []
    for b in doc.blocks:
        if isinstance(b, Table):
            out.append([[[(p.text, p.align) for p in cell] for cell in row] for row in b.rows])
        else:
            runs = [(r.text, r.bold, r.italic, r.underline, r.font, r.size, r.color) for r in b.runs]
            out.append((runs, b.style, b.align, b.first_line_indent, b.left_indent, b.right_indent,
                        b.line_spacing, b.line_height, b.space_before, b.space_after, b.list_kind,
                        b.list_level, b.page_break_before))
    return out


def test_model_survives_write_and_read(tmp_path):
    src = rich_model()
    target = tmp_path / "rich.docx"
    write_document(src, target)
    back = read_document(target)
    assert _comparable(back) == _comparable(src)
    # Lists: the two bullet items share a list, the numbered one has its own.
    paras = back.paragraphs
    assert paras[7].list_id == paras[8].list_id != paras[9].list_id


def test_word_sees_real_heading_styles_and_east_asian_fonts(tmp_path):
    target = tmp_path / "rich.docx"
    write_document(rich_model(), target)
    d = docx.Document(str(target))
    assert [p.style.name for p in d.paragraphs[:5]] == ["Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"]
    xml = zipfile.ZipFile(target).read("word/document.xml").decode()
    assert 'w:eastAsia="黑体"' in xml
    styles = zipfile.ZipFile(target).read("word/styles.xml").decode()
    assert all("w:eastAsia=" in tag for tag in re.findall(r"<w:rFonts [^>]*>", styles + xml)), "eastAsia missing"
    assert '<w:outlineLvl w:val="0"/>' in styles
    assert 'w:eastAsia="zh-CN"' in styles
    # python-docx reads the formatting back too
    runs = d.paragraphs[5].runs
    assert runs[0].bold
    assert runs[1].italic
    assert runs[2].underline
    assert runs[3].font.size.pt == 14
    assert str(runs[3].font.color.rgb) == "C00000"


def test_word_constructs_are_kept_through_a_save(tmp_path):
    src = rich_word_file(tmp_path / "word.docx")
    doc = read_document(src)
    assert doc.plain_text().splitlines()[:3] == ["关于做好年度工作的通知", "一、总体要求", "今年以来，成绩显著。"]
    assert [p.style for p in doc.paragraphs] == ["title", "heading1", "body", "body", "body", "body", "heading2"]
    assert doc.kept_labels() == ["脚注", "批注", "图片"]
    # odd run splits are joined: one run for 今年以来，
    assert doc.paragraphs[2].runs[0].text == "今年以来，"
    doc.paragraphs[2].runs[0].text = "今年全年，"  # an edit, as the editor would make
    out = tmp_path / "saved.docx"
    write_document(doc, out)
    before, after = zipfile.ZipFile(src), zipfile.ZipFile(out)
    for name in ("word/header1.xml", "word/footnotes.xml", "word/comments.xml", "word/media/image1.png",
                 "word/styles.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        assert after.read(name) == before.read(name), name  # the file's own styles stay as they were
    body = after.read("word/document.xml").decode()
    for needle in ('w:footnoteReference w:id="1"', 'w:commentReference w:id="0"', 'r:embed="rIdImg"',
                   'w:headerReference w:type="default" r:id="rIdHdr"', 'w:pStyle w:val="1"', 'w:pStyle w:val="2"',
                   "全年", 'mc:Ignorable="w14"'):
        assert needle in body, needle
    again = read_document(out)
    assert again.kept_labels() == ["脚注", "批注", "图片"]
    assert again.paragraphs[2].text == "今年全年，成绩显著。"


def test_deleting_a_kept_object_removes_only_it(tmp_path):
    doc = read_document(rich_word_file(tmp_path / "word.docx"))
    pic = doc.paragraphs[4]
    pic.runs = [r for r in pic.runs if r.kept is None]
    write_document(doc, tmp_path / "out.docx")
    back = read_document(tmp_path / "out.docx")
    assert back.kept_labels() == ["脚注", "批注"]
    assert back.paragraphs[4].text == "附图："


def test_top_hyperlink_opens_and_survives(tmp_path):
    doc = read_document(top_link_file(tmp_path / "top.docx"))
    assert doc.plain_text() == "返回顶部"
    write_document(doc, tmp_path / "out.docx")
    rels = zipfile.ZipFile(tmp_path / "out.docx").read("word/_rels/document.xml.rels").decode()
    assert 'Target="#_top"' in rels
    assert read_document(tmp_path / "out.docx").paragraphs[0].runs[0].link == "rId:rId9"


def test_tracked_changes_are_named_before_they_are_lost(tmp_path):
    body = para(run("保留"), f'<w:ins w:id="1" w:author="甲">{run("新增")}</w:ins>',
                '<w:del w:id="2" w:author="甲"><w:r><w:delText>删去</w:delText></w:r></w:del>')
    doc = read_document(build_docx(tmp_path / "tracked.docx", body))
    assert doc.plain_text() == "保留新增"
    assert any("修订" in u for u in doc.unsupported)


def test_unmodelled_properties_survive_in_schema_order(tmp_path):
    body = para(run("首行", '<w:rFonts w:ascii="Arial" w:eastAsia="楷体"/><w:highlight w:val="yellow"/>'
                        '<w:lang w:eastAsia="zh-CN"/>'),
                ppr='<w:keepNext/><w:shd w:val="clear" w:fill="EEEEEE"/><w:jc w:val="center"/>')
    src = build_docx(tmp_path / "props.docx", body)
    doc = read_document(src)
    assert doc.paragraphs[0].align == "center"
    assert doc.paragraphs[0].runs[0].font == "楷体"
    doc.paragraphs[0].runs[0].bold = True
    write_document(doc, tmp_path / "out.docx")
    xml = zipfile.ZipFile(tmp_path / "out.docx").read("word/document.xml").decode()
    ppr = xml[xml.index("<w:pPr>"):xml.index("</w:pPr>")]
    assert ppr.index("keepNext") < ppr.index("shd") < ppr.index("jc")
    rpr = xml[xml.index("<w:rPr>"):xml.index("</w:rPr>")]
    assert rpr.index("rFonts") < rpr.index("<w:b/>") < rpr.index("highlight") < rpr.index("lang")
    assert 'w:ascii="Arial"' in rpr  # the Latin font the editor does not show is kept
    assert docx.Document(str(tmp_path / "out.docx")).paragraphs[0].runs[0].bold


def test_failed_save_leaves_original_byte_identical(tmp_path, monkeypatch):
    target = tmp_path / "keep.docx"
    write_document(rich_model(), target)
    original = target.read_bytes()

    def full_disk(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full_disk)
    doc = read_document(target)
    doc.paragraphs[0].runs[0].text = "改过的标题"
    with pytest.raises(OSError, match="No space"):
        write_document(doc, target)
    assert target.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["keep.docx"]  # no temp file left behind


def test_text_outside_xml_rules_is_cleaned(tmp_path):
    doc = Document([Paragraph([Run("控制\x01字符 <标签> & 符号")])])
    write_document(doc, tmp_path / "c.docx")
    assert read_document(tmp_path / "c.docx").plain_text() == "控制字符 <标签> & 符号"


def test_object_char_without_kept_item_is_dropped(tmp_path):
    doc = Document([Paragraph([Run("甲"), Run(OBJECT_CHAR, kept="gone"), Run("乙")])])
    write_document(doc, tmp_path / "o.docx")
    assert read_document(tmp_path / "o.docx").plain_text() == "甲乙"


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(YukuError, match="不支持"):
        write_document(rich_model(), tmp_path / "x.odt")


def test_written_package_parses_with_namespaces(tmp_path):
    from lxml import etree

    write_document(rich_model(), tmp_path / "n.docx")
    with zipfile.ZipFile(tmp_path / "n.docx") as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))
        root = etree.fromstring(zf.read("word/document.xml"))
    assert root.tag == f"{{{W}}}document"


def test_new_list_in_a_word_file_adds_numbering(tmp_path):
    doc = read_document(rich_word_file(tmp_path / "word.docx"))
    doc.blocks.append(Paragraph([Run("新增条目")], list_kind="number", list_id=77))
    write_document(doc, tmp_path / "out.docx")
    with zipfile.ZipFile(tmp_path / "out.docx") as zf:
        numbering = zf.read("word/numbering.xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
    assert 'w:numFmt w:val="decimal"' in numbering
    assert 'Target="numbering.xml"' in rels
    assert "/word/numbering.xml" in types
    back = read_document(tmp_path / "out.docx")
    assert back.paragraphs[-1].list_kind == "number"
    assert back.paragraphs[-1].text == "新增条目"  # (python-docx itself cannot open it: the #_top link)


def test_source_numbering_keeps_its_lists_and_gains_ours(tmp_path):
    numbering = (f'<?xml version="1.0"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    body = para(run("第一条"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    src = build_docx(tmp_path / "num.docx", body, parts={"word/numbering.xml": numbering},
                     rels=[("rIdNum", "numbering", "numbering.xml", None)],
                     types={"word/numbering.xml": "application/vnd.openxmlformats-officedocument."
                                                  "wordprocessingml.numbering+xml"})
    doc = read_document(src)
    assert doc.paragraphs[0].list_kind == "number"
    doc.blocks.append(Paragraph([Run("要点")], list_kind="bullet"))
    write_document(doc, tmp_path / "out.docx")
    with zipfile.ZipFile(tmp_path / "out.docx") as zf:
        xml = zf.read("word/numbering.xml").decode()
        body_xml = zf.read("word/document.xml").decode()
    assert xml.index('w:abstractNumId="9001"') < xml.index('<w:num w:numId="1"')  # schema order
    assert 'chineseCounting' in xml
    assert '<w:numId w:val="1"/>' in body_xml  # the source list keeps its own numbering
    assert docx.Document(str(tmp_path / "out.docx")).paragraphs[1].text == "要点"


def test_strict_ooxml_is_refused_with_a_correct_sentence():
    from pathlib import Path

    from editor.core.errors import YukuError

    strict = Path(__file__).resolve().parents[3] / "data" / "docx-corpus" / "mwilliamson+mammoth.js" / \
        "mammoth__051_strict-format.docx"
    with pytest.raises(YukuError, match="Strict") as info:
        read_document(strict)
    assert "w:body" not in str(info.value)  # not the wrong "no document body" sentence


def test_rows_and_cells_inside_content_controls_are_read_and_kept(tmp_path):
    from pathlib import Path

    src = Path(__file__).resolve().parents[3] / "data" / "docx-corpus" / "apache+poi" / "poi__163_Bug54849.docx"
    doc = read_document(src)
    cells = [p.text for t in doc.blocks if isinstance(t, Table) for row in t.rows for cell in row for p in cell]
    body = zipfile.ZipFile(src).read("word/document.xml").decode()
    assert "<w:sdt>" in body
    assert any(cells)
    # an edit elsewhere: the rows in content controls are written back, text and all
    first = next(p for p in doc.paragraphs if p.text)
    first.runs.append(Run("改"))
    write_document(doc, tmp_path / "out.docx")
    again = read_document(tmp_path / "out.docx")
    assert [p.text for t in again.blocks if isinstance(t, Table) for row in t.rows for cell in row
            for p in cell] == cells


def test_a_page_break_survives_the_official_export(tmp_path):
    from editor.core.formats.official_style import prepare_official

    body = para(run("第一页")) + para('<w:r><w:br w:type="page"/></w:r>') + para(run("第二页"))
    doc = read_document(build_docx(tmp_path / "breaks.docx", body))
    assert [r.kept is not None for r in doc.paragraphs[1].runs] == [True]  # kept, shown as 〔分页符〕
    ready = prepare_official(doc)
    assert [(p.text, p.page_break_before) for p in ready.paragraphs] == [("第一页", False), ("第二页", True)]
    assert "分页符" not in ready.unsupported
