"""Reading a corpus: folders, encodings, .docx, and bad files skipped with a reason."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from editor.core.corpus.reader import SkipFile, read_corpus_files, read_file

BODY = "一、高度重视，加强领导\n要坚持人民至上、生命至上。\n"


def make_docx(path, lines):
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "表格里的文字"
    d.save(path)


def test_reads_txt_and_docx_from_nested_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes(BODY.encode("gb18030"))
    make_docx(tmp_path / "a" / "two.docx", ["二、突出重点，压实责任", "正文段落。"])
    (tmp_path / "README.md").write_text("not corpus", encoding="utf-8")
    (tmp_path / "~$two.docx").write_bytes(b"lock file")
    read = read_corpus_files([tmp_path])
    assert read.skipped == []
    by_name = {f.name.rsplit("/", 1)[-1]: f for f in read.files}
    assert set(by_name) == {"one.txt", "two.docx"}
    assert by_name["one.txt"].text == BODY
    assert "突出重点，压实责任" in by_name["two.docx"].text
    assert "表格里的文字" in by_name["two.docx"].text


def test_crlf_and_bom_are_normalised(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode("utf-8"))
    f = read_file(p)
    assert f.text == BODY
    same = tmp_path / "y.txt"
    same.write_bytes(BODY.encode("utf-16"))
    assert read_file(same).digest == f.digest


def _zip_bytes(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "data", "why"), [
    ("empty.txt", b"", "空"),
    ("binary.txt", bytes(range(256)) * 50, "编码"),
    ("zip.txt", b"PK\x03\x04rest", "不是纯文本"),
    ("old.docx", b"\xd0\xcf\x11\xe0" + b"\0" * 512, ".doc"),
    ("text.docx", "这不是 Word 文件".encode(), "Word"),
    ("truncated.docx", b"PK\x03\x04" + b"\0" * 100, "损坏"),
    ("nodoc.docx", _zip_bytes({"hello.txt": "x"}), "Word"),
    ("image.png", b"\x89PNG", "不支持"),
    ("macro.docm", b"PK\x03\x04", ".docx"),
])
def test_bad_files_are_skipped_with_a_reason(tmp_path, name, data, why):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(SkipFile, match=why) as err:
        read_file(p)
    assert not re.search(r"[A-Z][a-z]+(?:Error|Exception)|Traceback", str(err.value))
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    read = read_corpus_files([p, good])
    assert [f.name for f in read.files] == [str(good)]
    assert read.skipped[0][0] == str(p)


def test_missing_path_is_reported_not_raised(tmp_path):
    read = read_corpus_files([tmp_path / "nope"])
    assert read.files == []
    assert "不存在" in read.skipped[0][1]


def test_cancel_stops_reading(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(BODY, encoding="utf-8")
    assert read_corpus_files([tmp_path], cancelled=lambda: True).files == []


def test_docx_with_a_dtd_is_refused(tmp_path):
    good = tmp_path / "good.docx"
    make_docx(good, ["正文"])
    bad = tmp_path / "dtd.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
            dst.writestr(item, data)
    with pytest.raises(SkipFile) as err:
        read_file(bad)
    assert "DTD" in str(err.value) or "DOCTYPE" in str(err.value)


def test_the_users_encoding_choice_wins(tmp_path):
    p = tmp_path / "short.txt"
    p.write_bytes("高度重视".encode("gbk"))
    assert read_file(p, "gb18030").text == "高度重视"
    read = read_corpus_files([p], encodings={str(p): "cp950"})
    assert read.files[0].encoding == "cp950"
    assert read.files[0].text != "高度重视"  # the wrong choice is the user's; it is honoured
    with pytest.raises(SkipFile, match="未知的编码"):
        read_file(p, "no-such-codec")
