"""Yuku's document properties (the 公文要素) travel in a DOCX's custom properties and a draft's front matter."""
from __future__ import annotations

import re
import zipfile
from io import BytesIO

import docx

from editor.core.formats.document_files import docx_bytes, read_document, write_document
from editor.core.formats.docx import custom_props
from editor.core.gongwen import storage
from editor.core.gongwen.parts import Parts, from_properties, to_properties
from editor.core.model.document import Document

PROPS = {"Yuku.公文.发文字号": "江政办发〔2024〕12号", "Yuku.公文.发文机关署名": "江城市人民政府\n江城市财政局"}


def foreign_package() -> bytes:
    """A Word file another program gave a custom property of its own (a project code)."""
    other = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="{custom_props.NS}" '
             f'xmlns:vt="{custom_props.VT}"><property fmtid="{custom_props.FMTID}" pid="2" name="ProjectCode">'
             "<vt:i4>42</vt:i4></property></Properties>").encode()
    return _with_part(docx_bytes(Document.from_plain_text("正文")), other)


def _with_part(data: bytes, xml: bytes) -> bytes:
    base = custom_props.merged(data, {"Yuku.tmp": "t"})  # adds the part, its relationship and content type
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, xml if info.filename == custom_props.DEFAULT_NAME else src.read(info))
    return out.getvalue()


def test_a_new_document_saved_as_word_carries_its_properties(tmp_path):
    path = tmp_path / "n.docx"
    doc = Document.from_plain_text("关于开展安全检查的通知\n各单位要认真组织。")
    doc.properties = dict(PROPS)
    write_document(doc, path)
    assert read_document(path).properties == PROPS
    assert storage.read(path.read_bytes()).issuer_names == ["江城市人民政府", "江城市财政局"]
    assert docx.Document(str(path)).paragraphs[0].text == "关于开展安全检查的通知"  # a package Word libraries open


def test_an_unchanged_set_leaves_the_bytes_alone_and_a_cleared_one_removes_ours(tmp_path):
    data = custom_props.merged(docx_bytes(Document.from_plain_text("正文")), PROPS)
    assert custom_props.merged(data, dict(PROPS)) is data
    cleared = custom_props.merged(data, {})
    assert custom_props.read(cleared) == {}
    assert storage.read(cleared) is None


def test_other_programs_custom_properties_are_kept():
    data = foreign_package()
    assert custom_props.read(data) == {}  # not ours
    saved = custom_props.merged(data, PROPS)
    with zipfile.ZipFile(BytesIO(saved)) as zf:
        xml = zf.read(custom_props.DEFAULT_NAME)
    assert b'name="ProjectCode"' in xml
    assert b"<vt:i4>42</vt:i4>" in xml
    assert custom_props.read(saved) == PROPS
    pids = [int(p) for p in re.findall(rb'pid="(\d+)"', xml)]
    assert pids == list(range(2, 2 + len(pids)))  # unique ids, as Word requires


def test_a_damaged_properties_part_reads_as_none():
    data = _with_part(docx_bytes(Document.from_plain_text("正文")), b"<Properties><property")
    assert custom_props.read(data) == {}


def test_an_opened_and_unedited_word_file_saves_byte_identical_with_its_properties(tmp_path):
    src = tmp_path / "a.docx"
    doc = Document.from_plain_text("标题\n正文")
    doc.properties = dict(PROPS)
    write_document(doc, src)
    opened = read_document(src)
    out = tmp_path / "b.docx"
    write_document(opened, out)
    assert out.read_bytes() == src.read_bytes()


def test_a_draft_front_matter_becomes_properties_and_is_written_back(tmp_path):
    draft = tmp_path / "n.txt"
    draft.write_text("---\n类型: 通知\n发文字号: 江政办发〔2024〕12号\n---\n关于做好防汛工作的通知\n加强巡查。",
                     encoding="utf-8")
    doc = read_document(draft)
    assert doc.plain_text() == "关于做好防汛工作的通知\n加强巡查。"
    assert from_properties(doc.properties) == Parts(doc_type="通知", doc_number="江政办发〔2024〕12号")
    word = tmp_path / "n.docx"
    write_document(doc, word)  # Save As Word keeps them, and back to text again
    back = tmp_path / "back.txt"
    write_document(read_document(word), back)
    assert back.read_text(encoding="utf-8") == draft.read_text(encoding="utf-8") + "\n"


def test_a_markdown_header_that_is_not_gongwen_stays_text(tmp_path):
    md = tmp_path / "post.md"
    text = "---\ntitle: 周报\nlayout: post\n---\n正文"
    md.write_text(text, encoding="utf-8")
    doc = read_document(md)
    assert doc.plain_text() == text
    assert doc.properties == {}
    unclosed = tmp_path / "u.txt"
    unclosed.write_text("---\n类型: 通知\n正文", encoding="utf-8")
    assert read_document(unclosed).plain_text() == "---\n类型: 通知\n正文"


def test_properties_mirror_the_parts():
    parts = Parts(doc_type="函", attachments=["甲", "乙"], issuer_names=["江城市人民政府"])
    assert from_properties(to_properties(parts)) == parts
    assert from_properties({"Other": "x"}) is None


def test_a_word_file_with_a_damaged_properties_part_still_saves_its_parts(tmp_path):
    path = tmp_path / "damaged.docx"
    path.write_bytes(_with_part(docx_bytes(Document.from_plain_text("正文")), b"<Properties><property"))
    doc = read_document(path)
    assert doc.properties == {}
    doc.properties = dict(PROPS)
    out = tmp_path / "saved.docx"
    write_document(doc, out)  # the unreadable part is replaced, not a crash
    assert read_document(out).properties == PROPS


def test_a_relationship_to_a_missing_part_gets_the_part_not_a_second_relationship():
    base = custom_props.merged(docx_bytes(Document.from_plain_text("正文")), {"Yuku.tmp": "t"})
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != custom_props.DEFAULT_NAME:
                dst.writestr(info, src.read(info))
    saved = custom_props.merged(out.getvalue(), PROPS)
    assert custom_props.read(saved) == PROPS
    with zipfile.ZipFile(BytesIO(saved)) as zf:
        assert zf.read("_rels/.rels").count(b"custom-properties") == 1


def test_front_matter_the_parts_cannot_hold_stays_text(tmp_path):
    for block in ("类型: 通知\n# 待定：发文字号\n发文字号: 江政办发〔2024〕12号",  # a comment
                  "抄送: 市委各部门\n抄送: 市人大常委会办公厅",  # a key given twice
                  "主送: 各区人民政府，\n  市政府各委、办、局"):  # a second line of a one-line part
        draft = tmp_path / "d.txt"
        text = f"---\n{block}\n---\n关于做好防汛工作的通知"
        draft.write_text(text, encoding="utf-8")
        doc = read_document(draft)
        assert doc.properties == {}, block
        assert doc.plain_text() == text, block  # saved back line for line
