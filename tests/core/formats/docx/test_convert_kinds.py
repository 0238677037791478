"""Conversion reaches every kind of text (strict OOXML, deleted text, altChunk) and every Word package type."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.errors import YukuError
from editor.core.formats.docx.convert import W_STRICT, convert_docx
from tests.core.formats.docx.convert_builder import W_NS, build_docx, para, run

CORPUS = Path(__file__).resolve().parents[2].parent / "data" / "docx-corpus"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rewrite(path: Path, change: dict[str, bytes]) -> Path:
    """The same package with some parts replaced or added."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts.update(change)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def test_strict_ooxml_is_converted_and_stays_strict(tmp_path):
    src = build_docx(tmp_path / "strict.docx", [para(run("软件和网络"))])
    doc = _read(src, "word/document.xml").replace(W_NS.encode(), W_STRICT.encode())
    _rewrite(src, {"word/document.xml": doc})
    result = convert_docx(src, tmp_path / "out.docx", "s2twp")
    out = _read(tmp_path / "out.docx", "word/document.xml").decode()
    assert result.paragraphs == 1
    assert "軟體和網路" in out
    assert W_STRICT in out
    assert W_NS not in out


def test_deleted_tracked_text_is_converted(tmp_path):
    deleted = '<w:del w:id="1" w:author="甲"><w:r><w:delText>软件</w:delText></w:r></w:del>'
    src = build_docx(tmp_path / "tracked.docx", [para(run("网络") + deleted)])
    convert_docx(src, tmp_path / "out.docx", "s2twp")
    out = _read(tmp_path / "out.docx", "word/document.xml").decode()
    assert "<w:delText>軟體</w:delText>" in out
    assert "網路" in out


def _with_alt_chunk(src: Path, name: str, data: bytes, content_type: str) -> Path:
    rels = _read(src, "word/_rels/document.xml.rels").decode().replace(
        "</Relationships>", f'<Relationship Id="rIdChunk" Type="{REL}/aFChunk" Target="{name}"/></Relationships>')
    types = _read(src, "[Content_Types].xml").decode().replace(
        "</Types>", f'<Override PartName="/word/{name}" ContentType="{content_type}"/></Types>')
    body = _read(src, "word/document.xml").decode().replace(
        "<w:sectPr", f'<w:altChunk xmlns:r="{REL}" r:id="rIdChunk"/><w:sectPr', 1)
    return _rewrite(src, {"word/_rels/document.xml.rels": rels.encode(), "[Content_Types].xml": types.encode(),
                          "word/document.xml": body.encode(), f"word/{name}": data})


def test_html_alt_chunk_is_converted(tmp_path):
    src = build_docx(tmp_path / "chunk.docx", [para(run("正文"))])
    html = '<html><head><meta charset="utf-8"></head><body><p>软件和网络</p></body></html>'.encode()
    _with_alt_chunk(src, "chunk.html", html, "text/html")
    result = convert_docx(src, tmp_path / "out.docx", "s2twp")
    assert "軟體和網路" in _read(tmp_path / "out.docx", "word/chunk.html").decode("utf-8")
    assert "word/chunk.html" in result.parts


def test_embedded_document_alt_chunk_is_converted(tmp_path):
    inner = build_docx(tmp_path / "inner.docx", [para(run("软件"))]).read_bytes()
    src = build_docx(tmp_path / "outer.docx", [para(run("正文"))])
    _with_alt_chunk(src, "afchunk.dat", inner, f"{'application/vnd.openxmlformats-officedocument'}"
                                              ".wordprocessingml.document.main+xml")
    convert_docx(src, tmp_path / "out.docx", "s2twp")
    (tmp_path / "inner-out.docx").write_bytes(_read(tmp_path / "out.docx", "word/afchunk.dat"))
    assert "軟體" in _read(tmp_path / "inner-out.docx", "word/document.xml").decode()


def test_dotm_is_converted_like_docm_with_macros_byte_identical(tmp_path):
    src = tmp_path / "macros.dotm"
    shutil.copy(CORPUS / "dotnet+Open-XML-SDK" / "oxsdk__290_Open_XML_API_testing_Macro_enabled.dotm", src)
    doc = _read(src, "word/document.xml").decode().replace("<w:t>", "<w:t>软件", 1)
    _rewrite(src, {"word/document.xml": doc.encode(), "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro bytes"})
    assert main(["convert", str(src), str(tmp_path / "out.dotm"), "-c", "s2twp"]) == 0
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(tmp_path / "out.dotm") as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name
    assert "軟體" in _read(tmp_path / "out.dotm", "word/document.xml").decode()


def test_a_missing_thumbnail_is_no_reason_to_refuse(tmp_path):
    src = build_docx(tmp_path / "thumb.docx", [para(run("软件"))])
    root_rels = _read(src, "_rels/.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rIdThumb" Type="http://schemas.openxmlformats.org/package/2006/'
                            'relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>')
    _rewrite(src, {"_rels/.rels": root_rels.encode()})
    convert_docx(src, tmp_path / "out.docx", "s2twp")
    assert "軟體" in _read(tmp_path / "out.docx", "word/document.xml").decode()


def test_text_in_unknown_markup_is_an_error_not_success(tmp_path, capsys):
    src = build_docx(tmp_path / "odd.docx", [para(run("软件"))])
    doc = _read(src, "word/document.xml").replace(W_NS.encode(), b"urn:example:not-word")
    _rewrite(src, {"word/document.xml": doc})
    with pytest.raises(YukuError, match="找不到可以转换的段落"):
        convert_docx(src, tmp_path / "out.docx", "s2twp")
    assert main(["convert", str(src), str(tmp_path / "out2.docx"), "-c", "s2twp"]) == 1
    assert not (tmp_path / "out2.docx").exists()


def test_convert_and_the_editor_share_one_budget(tmp_path, monkeypatch):
    import editor.core.formats.docx.safety as safety

    src = build_docx(tmp_path / "big.docx", [para(run("软件" * 2000))])
    monkeypatch.setattr(safety, "MAX_TOTAL_BYTES", 1000)  # the one budget: lowering it refuses both
    with pytest.raises(YukuError, match="压缩炸弹"):
        convert_docx(src, tmp_path / "out.docx", "s2twp")
    with pytest.raises(YukuError, match="压缩炸弹"):
        safety.open_docx(src)
