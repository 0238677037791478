"""Every real Word file of tests/data/docx-corpus, opened into the editor and saved through the bridge.

Unedited, the saved file is the source byte for byte. Edited (a character typed into the first
paragraph and into a table cell), every other paragraph and every table keeps its XML: text of
every part, table properties, styles, explicit toggles, breaks, sections and backgrounds.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtGui import QTextCursor, QTextDocument

from editor.core.errors import YukuError
from editor.core.formats.document_files import read_document
from editor.core.formats.docx.files import docx_bytes
from editor.core.formats.registry import PLAIN_STYLE_ID, export_style
from editor.gui.document.bridge import load_model, to_model

PLAIN = export_style(PLAIN_STYLE_ID)  # what File ▸ Save writes
CORPUS = Path(__file__).resolve().parents[2] / "data" / "docx-corpus"
FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in (".docx", ".docm", ".dotx", ".dotm"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARK = "\u2603"  # ☃, typed into the document; no corpus file holds it
TABLE_PROPS = (W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr", W + "tblPrEx")


def _open(path: Path) -> tuple[QTextDocument, bytes] | None:
    try:
        doc = read_document(path)
    except YukuError as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert str(path) in message  # refused with one sentence naming the file
        assert "\n" not in message
        return None
    qdoc = QTextDocument()
    load_model(qdoc, doc)
    assert doc.source is not None
    return qdoc, doc.source


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def test_corpus_is_here_with_its_attribution():
    assert len(FILES) >= 260
    for name in ("README.md", "MANIFEST.tsv", "LICENSES"):
        assert (CORPUS / name).exists()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:60])
def test_unedited_save_is_the_source_file(qtbot, path):
    opened = _open(path)
    if opened is None:
        return
    qdoc, source = opened
    assert docx_bytes(to_model(qdoc), PLAIN) == source


def _type_into(qdoc: QTextDocument) -> int:
    """Type MARK at the end of the first non-empty top-level paragraph and of the first cell with text."""
    typed = 0
    block = qdoc.begin()
    done_body = done_cell = False
    while block.isValid() and not (done_body and done_cell):
        cursor = QTextCursor(block)
        in_table = cursor.currentTable() is not None
        if block.text().strip() and "\ufffc" not in block.text() and not (done_cell if in_table else done_body):
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText(MARK)
            typed += 1
            if in_table:
                done_cell = True
            else:
                done_body = True
        block = block.next()
    return typed


def _texts(root: etree._Element) -> str:
    return "".join(t.text or "" for t in root.iter(W + "t", W + "delText", W + "instrText"))


def _xml(el: etree._Element | None) -> bytes:
    # Exclusive canonical form: a namespace declared again below the root is the same XML.
    return b"" if el is None else etree.tostring(el, method="c14n", exclusive=True, with_comments=True)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:60])
def test_edited_save_keeps_everything_else(qtbot, path):
    opened = _open(path)
    if opened is None:
        return
    qdoc, source = opened
    typed = _type_into(qdoc)
    saved = docx_bytes(to_model(qdoc), PLAIN)
    before, after = _parts(source), _parts(saved)
    main = next(n for n in before if n.endswith("document.xml") and "glossary" not in n)
    assert set(after) == set(before)
    for name, data in before.items():
        if name != main:
            assert after[name] == data, name  # styles, numbering, headers, media … untouched
    old = etree.fromstring(before[main])
    new = etree.fromstring(after[main])
    assert _texts(new).replace(MARK, "") == _texts(old)  # zero text change but what was typed
    assert _texts(new).count(MARK) == typed
    old_tables, new_tables = list(old.iter(W + "tbl")), list(new.iter(W + "tbl"))
    assert len(new_tables) == len(old_tables)
    for a, b in zip(old_tables, new_tables):
        for tag in TABLE_PROPS:
            assert [_xml(e) for e in a.iter(tag)] == [_xml(e) for e in b.iter(tag)]  # grid, shading, merges …
    old_ps, new_ps = list(old.iter(W + "p")), list(new.iter(W + "p"))
    assert len(new_ps) == len(old_ps)
    for a, b in zip(old_ps, new_ps):
        if _texts(a) == _texts(b):
            assert _xml(a) == _xml(b)  # untouched paragraphs: the same element
        else:
            assert _xml(a.find(W + "pPr")) == _xml(b.find(W + "pPr"))
            assert {_xml(r) for r in a.iter(W + "rPr")} >= {_xml(r) for r in b.iter(W + "rPr")} - {b""}
    for tag in ("br", "sectPr", "background", "sdtPr", "altChunk", "drawing", "pict"):
        assert [_xml(e) for e in old.iter(W + tag)] == [_xml(e) for e in new.iter(W + tag)], tag
