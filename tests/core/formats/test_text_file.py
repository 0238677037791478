"""Plain text files: open → save keeps the file (its encoding too); the last line's newline is no empty paragraph."""
from __future__ import annotations

import pytest

from editor.core.formats.document_files import read_document, write_document


@pytest.mark.parametrize("text", ["标题\n正文。\n", "标题\n正文。\n\n", "标题\n\n正文。\n", "\n",
                                  "---\n主送: 各县人民政府\n---\n标题\n正文。\n"])
def test_open_then_save_keeps_the_file(tmp_path, text):
    src = tmp_path / "稿.txt"
    src.write_text(text, encoding="utf-8")
    for _ in range(3):  # saving again and again never grows the file
        write_document(read_document(src), src)
        assert src.read_text(encoding="utf-8") == text


def test_the_final_newline_ends_the_last_line(tmp_path):
    src = tmp_path / "稿.txt"
    src.write_text("标题\n正文。\n", encoding="utf-8")
    doc = read_document(src)
    assert [p.text for p in doc.blocks] == ["标题", "正文。"]


def test_a_file_without_final_newline_gets_one(tmp_path):
    src = tmp_path / "稿.txt"
    src.write_text("标题\n正文。", encoding="utf-8")
    write_document(read_document(src), src)
    assert src.read_text(encoding="utf-8") == "标题\n正文。\n"


@pytest.mark.parametrize(("data", "encoding"), [
    ("一、工作总结\n加强组织领导。\n".encode("gbk"), "gb18030"),
    ("一、工作總結\n加強組織領導。\n".encode("big5"), "cp950"),
    ("\ufeff一、工作总结\n".encode(), "utf-8-sig"),
    ("一、工作总结\n".encode("utf-16"), "utf-16"),
])
def test_a_file_is_saved_in_the_encoding_it_was_read_in(tmp_path, data, encoding):
    """A GBK file saved as UTF-8 is mojibake to the office systems that read it as GBK."""
    src = tmp_path / "稿.txt"
    src.write_bytes(data)
    doc = read_document(src)
    assert doc.encoding == encoding
    write_document(doc, src)
    assert src.read_bytes() == data


def test_an_encoding_that_cannot_hold_the_new_text_gives_way_to_utf8(tmp_path):
    from editor.core.formats.text_file import saved_encoding
    from editor.core.model.document import Paragraph, Run

    src = tmp_path / "稿.txt"
    src.write_bytes("一、工作總結\n".encode("big5"))
    doc = read_document(src)
    doc.blocks.append(Paragraph([Run("简体字：发展")]))  # 发 is not in Big5
    assert saved_encoding(doc) == "utf-8"
    write_document(doc, src)
    assert src.read_text(encoding="utf-8") == "一、工作總結\n简体字：发展\n"


def test_a_draft_keeps_the_files_encoding(tmp_path):
    from editor.core.recovery import document_from_json, document_to_json

    src = tmp_path / "稿.txt"
    src.write_bytes("一、工作总结\n".encode("gbk"))
    assert document_from_json(document_to_json(read_document(src))).encoding == "gb18030"
