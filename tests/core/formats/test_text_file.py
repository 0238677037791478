"""Plain text files: open → save keeps the file; the last line's newline is no empty paragraph."""
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
