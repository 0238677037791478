"""Hostile and broken Word files: one clear sentence naming the file, fast, small, no traceback."""
from __future__ import annotations

import time
import tracemalloc

import pytest

from editor.cli import main
from editor.core.errors import YukuError
from editor.core.formats.document_files import read_document
from tests.docx_fixtures import hostile_files, top_link_file, utf16_doctype_file

CASES = ["text_renamed", "truncated_zip", "old_doc", "password_protected", "docm", "dotx",
         "malformed_xml", "xxe", "billion_laughs", "deep_nesting", "damaged_deflate", "missing_document_xml",
         "dangling_relationship", "zip_bomb"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return hostile_files(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", CASES)
def test_read_document_gives_one_sentence(files, name):
    path, expect = files[name]
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(YukuError) as info:
            read_document(path)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(info.value)
    assert str(path) in message
    assert expect in message
    assert "\n" not in message
    assert elapsed < 2.0
    assert peak < 32 * 1024 * 1024  # the zip bomb is refused before anything is inflated


@pytest.mark.parametrize("name", CASES)
def test_yuku_export_reports_on_one_line(files, name, tmp_path, capsys):
    path, expect = files[name]
    if path.suffix == ".docx":
        code = main(["export", str(path), str(tmp_path / "out.txt")])
    else:
        code = main(["export", str(path), str(tmp_path / "out.docx")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"yuku: {path}:")
    assert expect in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert not (tmp_path / "out.txt").exists()


def test_xxe_text_is_never_silently_dropped(files):
    # python-docx opens this file and loses the text after the entity; we refuse it like Word.
    with pytest.raises(YukuError, match="DTD"):
        read_document(files["xxe"][0])


def test_top_hyperlink_file_opens(tmp_path):
    assert read_document(top_link_file(tmp_path / "top.docx")).plain_text() == "返回顶部"


def test_unexpected_failure_still_becomes_one_sentence(tmp_path, monkeypatch):
    import editor.core.formats.docx.read as reader

    def boom(pkg):
        raise IndexError("something deep")

    monkeypatch.setattr(reader, "read_docx", boom)
    path = top_link_file(tmp_path / "t.docx")
    with pytest.raises(YukuError) as info:
        read_document(path)
    assert str(path) in str(info.value)
    assert "损坏" in str(info.value)


def test_dtd_in_a_utf16_part_is_refused(tmp_path):
    path = utf16_doctype_file(tmp_path / "xxe16.docx")
    with pytest.raises(YukuError, match="DTD"):
        read_document(path)


def test_an_empty_word_file_opens_as_a_blank_document(files, tmp_path):
    """Explorer's 新建 → Word 文档 can make 0 bytes; Word opens that as a blank document, and so do we."""
    from editor.core.formats.document_files import write_document
    from editor.core.model.document import Paragraph, Run

    path, _ = files["empty"]
    assert path.stat().st_size == 0
    doc = read_document(path)
    assert doc.blocks == []
    assert doc.source is None
    doc.blocks.append(Paragraph([Run("关于做好安全生产工作的通知")]))
    out = tmp_path / "saved.docx"
    write_document(doc, out)
    assert [p.text for p in read_document(out).paragraphs] == ["关于做好安全生产工作的通知"]
