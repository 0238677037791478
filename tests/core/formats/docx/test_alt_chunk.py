"""altChunk content (an embedded Word document, HTML, MHT or plain text) is shown in its placeholder and converted."""
from __future__ import annotations

import quopri

from editor.core.formats.document_files import read_document, write_document
from editor.core.formats.docx.convert import convert_docx
from editor.core.formats.docx.read import chunk_text, mht_text
from tests.core.formats.docx.convert_builder import build_docx, para, run
from tests.core.formats.docx.test_convert_kinds import CORPUS, _read, _with_alt_chunk

HTML = ('<html><head><meta charset="utf-8"><title>标题不显示</title><style>p {color: red}</style>'
        '<script>var a = "脚本不显示";</script></head><body><p>软件和网络</p><p>第二段 &amp; 结尾</p></body></html>')


def _mht(text: str, charset: str = "gb2312") -> bytes:
    """A web archive as Word saves one: an HTML part in quoted-printable, CRLF line ends."""
    html = f'<html><head><meta http-equiv=Content-Type content="text/html; charset={charset}"></head>' \
           f"<body><p>{text}</p></body></html>"
    body = quopri.encodestring(html.encode(charset)).decode("ascii")
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
            "------=_NextPart_01\r\nContent-Location: file:///C:/chunk.htm\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            f'Content-Type: text/html; charset="{charset}"\r\n\r\n{body}\r\n------=_NextPart_01--\r\n').encode("ascii")


def _label(path: object) -> str:
    doc = read_document(path)  # type: ignore[arg-type]
    labels = [label for label in doc.kept_labels() if label.startswith(("嵌入内容", "嵌入文档"))]
    assert len(labels) == 1
    return labels[0]


def test_an_embedded_word_document_shows_its_text():
    label = _label(CORPUS / "OfficeDev+Open-Xml-PowerTools" / "special__409_CA009-altChunk.docx")
    assert label == "嵌入内容：Inserted Content Heading This is the fir …"


def test_an_html_chunk_shows_what_the_page_shows(tmp_path):
    src = _with_alt_chunk(build_docx(tmp_path / "h.docx", [para(run("正文"))]), "chunk.html", HTML.encode(),
                          "text/html")
    assert _label(src) == "嵌入内容：软件和网络 第二段 & 结尾"
    assert chunk_text(HTML.encode()) == "软件和网络 第二段 & 结尾"


def test_a_long_chunk_shows_its_first_forty_characters(tmp_path):
    text = "一二三四五六七八九十" * 6
    src = _with_alt_chunk(build_docx(tmp_path / "t.docx", [para(run("正文"))]), "chunk.txt",
                          text.encode("utf-8"), "text/plain")
    assert _label(src) == "嵌入内容：" + text[:40] + " …"


def test_an_mht_chunk_shows_its_decoded_text(tmp_path):
    src = _with_alt_chunk(build_docx(tmp_path / "m.docx", [para(run("正文"))]), "chunk.mht", _mht("软件和网络"),
                          "message/rfc822")
    assert _label(src) == "嵌入内容：软件和网络"


def test_a_chunk_without_text_keeps_the_plain_placeholder(tmp_path):
    src = _with_alt_chunk(build_docx(tmp_path / "e.docx", [para(run("正文"))]), "chunk.rtf", b"{\\rtf1 \\'c8\\'ed}",
                          "application/rtf")
    assert _label(src) == "嵌入文档"


def test_a_chunk_survives_a_save_with_its_part(tmp_path):
    src = _with_alt_chunk(build_docx(tmp_path / "s.docx", [para(run("正文"))]), "chunk.html", HTML.encode(),
                          "text/html")
    doc = read_document(src)
    doc.paragraphs[0].runs[0].text = "改过的正文"
    write_document(doc, tmp_path / "out.docx")
    assert _read(tmp_path / "out.docx", "word/chunk.html") == HTML.encode()
    assert b"altChunk" in _read(tmp_path / "out.docx", "word/document.xml")
    assert _label(tmp_path / "out.docx") == "嵌入内容：软件和网络 第二段 & 结尾"


def test_plain_text_chunk_is_converted(tmp_path):
    src = _with_alt_chunk(build_docx(tmp_path / "p.docx", [para(run("正文"))]), "chunk.txt",
                          "软件和网络".encode("gb18030"), "text/plain")
    result = convert_docx(src, tmp_path / "out.docx", "s2twp")
    assert "word/chunk.txt" in result.parts
    assert _read(tmp_path / "out.docx", "word/chunk.txt").decode("gb18030") == "軟體和網路"


def test_quoted_printable_mht_chunk_is_converted(tmp_path):
    src = _with_alt_chunk(build_docx(tmp_path / "q.docx", [para(run("正文"))]), "chunk.mht", _mht("软件和网络"),
                          "message/rfc822")
    result = convert_docx(src, tmp_path / "out.docx", "s2twp")
    assert "word/chunk.mht" in result.parts
    out = _read(tmp_path / "out.docx", "word/chunk.mht")
    assert b"Content-Location: file:///C:/chunk.htm" in out  # the archive's own headers kept
    assert mht_text(out) == "軟體和網路"  # GB2312 lacks these characters: written as character references
