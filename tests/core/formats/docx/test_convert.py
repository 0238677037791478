"""core.docx_convert: every text part converted, runs keep their formats, everything else unchanged."""
from __future__ import annotations

import zipfile
from collections import defaultdict

import pytest

from editor.core.errors import YukuError
from editor.core.formats.docx.convert import convert_docx, paragraph_texts
from editor.core.script.converter import VOCABULARY_CONFIGS
from tests.core.formats.docx.convert_builder import RPRS, build_docx, char_runs, para, run, runs_of
from tests.core.script.test_converter import upstream_cases


def _cases_by_config() -> dict[str, list[tuple[str, str]]]:
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _, cfg, text, expected in upstream_cases():
        grouped[cfg].append((text, expected))
    return grouped


@pytest.mark.parametrize("config", sorted(_cases_by_config()))
def test_upstream_cases_in_docx_with_one_run_per_character(tmp_path, config):
    cases = _cases_by_config()[config]
    src = build_docx(tmp_path / "in.docx", [para(char_runs(text)) for text, _ in cases])
    dst = tmp_path / "out.docx"
    convert_docx(src, dst, config)
    before, after = runs_of(src), runs_of(dst)
    assert paragraph_texts(dst) == [expected for _, expected in cases]
    for (text, expected), runs_in, runs_out in zip(cases, before, after):
        # Every run keeps its formatting (the rPr is untouched) and its place.
        assert [rpr for _, rpr in runs_in] == [rpr for _, rpr in runs_out]
        if len(text) == len(expected) and config not in VOCABULARY_CONFIGS:
            assert [t for t, _ in runs_out] == list(expected)


def test_every_text_part_is_converted_and_the_rest_is_kept(tmp_path):
    src = build_docx(
        tmp_path / "in.docx",
        [para(char_runs("头发的发展"), style="1"), para(run("余小明同志讲话") + run("于谦"))],
        header=para(run("头") + run("发")), footer=para(run("发展")), footnote=para(run("脚注里的头发")),
        endnote=para(run("尾注里的头发")), comment=para(run("批注：干部")),
        table=para(run("表格里的头发")), textbox=para(run("文本框里的") + run("头发")), image=True)
    dst = tmp_path / "out.docx"
    result = convert_docx(src, dst, "s2t", protected=["余小明"])
    assert paragraph_texts(dst)[:2] == ["頭髮的發展", "余小明同志講話于謙"]
    body = paragraph_texts(dst)
    assert "表格裏的頭髮" in body
    assert "文本框裏的頭髮" in body
    assert paragraph_texts(dst, "word/header1.xml") == ["頭髮"]
    assert paragraph_texts(dst, "word/footer1.xml") == ["發展"]
    assert paragraph_texts(dst, "word/footnotes.xml") == ["腳註裏的頭髮"]
    assert paragraph_texts(dst, "word/endnotes.xml") == ["尾註裏的頭髮"]
    assert paragraph_texts(dst, "word/comments.xml") == ["批註：幹部"]
    assert set(result.parts) >= {"word/document.xml", "word/header1.xml", "word/comments.xml"}
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name not in result.parts:
                assert a.read(name) == b.read(name), name
        doc = b.read("word/document.xml").decode("utf-8")
        # Font names, style ids and attributes are never converted.
        assert "黑体" in doc
        assert "黑體" not in doc
        assert "方正小标宋简体" in doc
        assert 'name="图片 1"' in doc
        assert b.read("word/media/image1.png") == a.read("word/media/image1.png")
        assert "标题 1" in b.read("word/styles.xml").decode("utf-8")
    assert [rpr for _, rpr in runs_of(src)[0]] == [rpr for _, rpr in runs_of(dst)[0]]
    assert RPRS[0] in runs_of(dst)[0][0][1] or "黑体" in runs_of(dst)[0][0][1]


def test_breaks_inside_a_paragraph_separate_phrases(tmp_path):
    src = build_docx(tmp_path / "in.docx", [para(run("头") + "<w:r><w:tab/></w:r>" + run("发展"))])
    convert_docx(src, tmp_path / "out.docx", "s2t")
    assert paragraph_texts(tmp_path / "out.docx") == ["頭\t發展"]


def test_python_docx_opens_the_result(tmp_path):
    import docx

    src = build_docx(tmp_path / "in.docx", [para(char_runs("关于发展的通知"))], header=para(run("头发")))
    convert_docx(src, tmp_path / "out.docx", "s2t")
    d = docx.Document(str(tmp_path / "out.docx"))
    assert d.paragraphs[0].text == "關於發展的通知"
    assert d.paragraphs[0].runs[0].bold
    assert d.paragraphs[0].runs[1].italic


def test_in_place_conversion(tmp_path):
    src = build_docx(tmp_path / "doc.docx", [para(run("头发"))])
    convert_docx(src, src, "s2t")
    assert paragraph_texts(src) == ["頭髮"]
    assert [p.name for p in tmp_path.iterdir()] == ["doc.docx"]  # no temp files left


@pytest.mark.parametrize(("content", "words"), [
    (b"", "空"),
    (b"just text renamed", "不是 Word"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "密码保护"),
    (b"PK\x03\x04broken", "损坏"),
])
def test_bad_files_give_one_sentence(tmp_path, content, words):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    with pytest.raises(YukuError) as info:
        convert_docx(bad, tmp_path / "out.docx", "s2t")
    assert words in str(info.value)
    assert str(bad) in str(info.value)
    assert not (tmp_path / "out.docx").exists()


def test_hostile_xml_is_refused(tmp_path):
    src = build_docx(tmp_path / "in.docx", [para(run("头发"))])
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(hostile, "w") as b:
        for name in a.namelist():
            data = a.read(name)
            if name == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
            b.writestr(name, data)
    with pytest.raises(YukuError, match="DTD"):
        convert_docx(hostile, tmp_path / "out.docx", "s2t")


def test_malformed_part_is_named(tmp_path):
    src = build_docx(tmp_path / "in.docx", [para(run("头发"))])
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(broken, "w") as b:
        for name in a.namelist():
            b.writestr(name, a.read(name)[:-20] if name == "word/document.xml" else a.read(name))
    with pytest.raises(YukuError, match="word/document.xml"):
        convert_docx(broken, tmp_path / "out.docx", "s2t")


def test_python_docx_package_only_text_parts_change(tmp_path):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_heading("关于头发发展的通知", level=1)
    p = d.add_paragraph()
    for i, ch in enumerate("各单位要认真贯彻落实"):
        r = p.add_run(ch)
        r.bold = i % 2 == 0
        r.font.size = Pt(12 + i % 3)
        r.font.name = "黑体"
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "表格里的头发"
    d.sections[0].header.paragraphs[0].text = "页眉里的发展"
    src = tmp_path / "pd.docx"
    d.save(str(src))
    result = convert_docx(src, tmp_path / "out.docx", "s2t")
    assert sorted(result.parts) == ["word/document.xml", "word/header1.xml"]
    out = docx.Document(str(tmp_path / "out.docx"))
    assert out.paragraphs[0].text == "關於頭髮發展的通知"
    assert out.paragraphs[0].style.name == "Heading 1"
    assert out.paragraphs[1].text == "各單位要認真貫徹落實"
    assert [r.bold for r in out.paragraphs[1].runs] == [r.bold for r in p.runs]
    assert [r.font.size for r in out.paragraphs[1].runs] == [r.font.size for r in p.runs]
    assert {r.font.name for r in out.paragraphs[1].runs} == {"黑体"}
    assert out.tables[0].cell(0, 0).text == "表格裏的頭髮"
    assert out.sections[0].header.paragraphs[0].text == "頁眉裏的發展"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(tmp_path / "out.docx") as b:
        for name in a.namelist():
            if name not in result.parts:
                assert a.read(name) == b.read(name), name


def test_missing_main_part_and_dangling_relationships_are_refused(tmp_path):
    src = build_docx(tmp_path / "in.docx", [para(run("头发"))], image=True)

    def without(name: str, target: str) -> None:
        with zipfile.ZipFile(src) as a, zipfile.ZipFile(tmp_path / target, "w") as b:
            for item in a.namelist():
                if item != name:
                    b.writestr(item, a.read(item))

    without("word/document.xml", "nodoc.docx")
    with pytest.raises(YukuError, match="缺少正文部件 word/document.xml"):
        convert_docx(tmp_path / "nodoc.docx", tmp_path / "out.docx", "s2t")
    without("word/media/image1.png", "dangling.docx")
    with pytest.raises(YukuError, match="不存在的部件 word/media/image1.png"):
        convert_docx(tmp_path / "dangling.docx", tmp_path / "out.docx", "s2t")


def test_parser_jargon_never_reaches_the_user(tmp_path):
    src = build_docx(tmp_path / "in.docx", [para(run("头发"))])
    deep = tmp_path / "deep.docx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(deep, "w") as b:
        for name in a.namelist():
            data = a.read(name)
            if name == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * 400, 1).replace(
                    b"</w:body>", b"</w:sdtContent></w:sdt>" * 400 + b"</w:body>", 1)
            b.writestr(name, data)
    with pytest.raises(YukuError) as info:
        convert_docx(deep, tmp_path / "out.docx", "s2t")
    assert "嵌套层数过多" in str(info.value)
    assert "XML_PARSE_HUGE" not in str(info.value)
