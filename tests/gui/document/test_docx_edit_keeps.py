"""A word edited in the editor changes only that word's run: real Word files, XML compared before and after.

The editor shows some formatting as its own (a heading's weight, a title's centring): an edited
paragraph must still keep what the file said there, and every run, bookmark, proofErr mark and rsid
the user did not touch.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextDocument

from editor.core.formats.document_files import read_document
from editor.core.formats.docx.files import docx_bytes
from editor.core.formats.registry import PLAIN_STYLE_ID, export_style
from editor.gui.document.bridge import load_model, to_model
from tests.docx_xml import CORPUS, W, children_xml, paragraph_with, xml

PLAIN = export_style(PLAIN_STYLE_ID)
ESSAY = CORPUS / "apache+poi" / "poi__173_61787.docx"  # Google Docs export: headings with explicit bold
SMART = CORPUS / "apache+poi" / "poi__121_smarttag-snippet.docx"  # centred headings, smart tags
W14 = CORPUS / "plutext+docx4j" / "docx4j__225_w14_mcIgnorable-in-other-parts.docx"  # proofErr, _GoBack


def _edit(path: Path, old: str, new: str) -> tuple[bytes, bytes]:
    """Open path in a QTextDocument, replace old by new as typing would, save: (source, saved)."""
    doc = read_document(path)
    qdoc = QTextDocument()
    load_model(qdoc, doc)
    at = qdoc.toPlainText().find(old)
    assert at >= 0
    cursor = QTextCursor(qdoc)
    cursor.setPosition(at)
    cursor.setPosition(at + len(old), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new)  # takes the format of the replaced text, as typing does
    assert doc.source is not None
    return doc.source, docx_bytes(to_model(qdoc), PLAIN)


def _runs_with(p: object, text: str) -> list[object]:
    return [r for r in p.iter(W + "r") if text in "".join(r.itertext())]  # type: ignore[attr-defined]


def test_heading_run_keeps_its_explicit_bold(qtbot):
    source, saved = _edit(ESSAY, "Your worldview", "Your world view")
    before, after = paragraph_with(source, "Your worldview"), paragraph_with(saved, "Your world view")
    assert xml(before.find(W + "pPr")) == xml(after.find(W + "pPr"))
    assert dict(before.attrib) == dict(after.attrib)  # the paragraph's rsids
    (old_run,), (new_run,) = _runs_with(before, "worldview"), _runs_with(after, "world view")
    assert xml(old_run.find(W + "rPr")) == xml(new_run.find(W + "rPr"))
    assert b'<w:b w:val="1">' in xml(new_run.find(W + "rPr"))
    # the bookmark before the run stays as it was
    assert children_xml(before)[1:3] == children_xml(after)[1:3]


def test_title_keeps_its_own_centring(qtbot, tmp_path):
    # The same real file with jc=center written on its Title paragraph (as Word writes a centred title).
    with zipfile.ZipFile(ESSAY) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    body = parts["word/document.xml"].decode()
    marker = '<w:pStyle w:val="Title"/>'
    assert body.count(marker) == 1
    parts["word/document.xml"] = body.replace(marker, marker + '<w:jc w:val="center"/>').encode()
    path = tmp_path / "title.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    path.write_bytes(buf.getvalue())
    source, saved = _edit(path, "Worldview Essay", "Worldview Paper")
    before, after = paragraph_with(source, "Worldview Essay"), paragraph_with(saved, "Worldview Paper")
    assert b'<w:jc w:val="center">' in xml(after.find(W + "pPr"))
    assert xml(before.find(W + "pPr")) == xml(after.find(W + "pPr"))
    old_run, new_run = _runs_with(before, "Essay")[0], _runs_with(after, "Paper")[0]
    assert xml(old_run.find(W + "rPr")) == xml(new_run.find(W + "rPr"))


def test_centred_heading_keeps_its_smart_tags_and_alignment(qtbot):
    source, saved = _edit(SMART, "Wonderland", "Wonder Land")
    before, after = paragraph_with(source, "Wonderland"), paragraph_with(saved, "Wonder Land")
    assert xml(before.find(W + "pPr")) == xml(after.find(W + "pPr"))
    assert dict(before.attrib) == dict(after.attrib)
    # <w:pPr/>, the smart tags around "Alice": unchanged elements
    assert children_xml(before)[:2] == children_xml(after)[:2]
    assert "".join(after.itertext()) == "Alice's Adventures in Wonder Land"


def test_proof_marks_rsids_and_go_back_stay_where_their_runs_survive(qtbot):
    source, saved = _edit(W14, "in footer", "in the footer")
    before, after = paragraph_with(source, "in footer"), paragraph_with(saved, "in the footer")
    old, new = children_xml(before), children_xml(after)
    # run, spellStart, "mc:Ignorable", spellEnd: untouched and identical; the last run rewritten;
    # the _GoBack bookmark after it kept.
    assert new[:4] == old[:4]
    assert new[-2:] == old[-2:]
    assert b"_GoBack" in new[-2]
    assert dict(before.attrib) == dict(after.attrib)  # w14:paraId, rsids
    assert "".join(after.itertext()) == "".join(before.itertext()).replace("in footer", "in the footer")


def test_untouched_paragraphs_around_the_edit_are_the_same_elements(qtbot):
    source, saved = _edit(ESSAY, "Your worldview", "Your world view")
    old = [xml(p) for p in paragraph_with(source, "Basics").getparent()]
    new = [xml(p) for p in paragraph_with(saved, "Basics").getparent()]
    assert len(old) == len(new)
    assert sum(a != b for a, b in zip(old, new)) == 1


def test_alt_chunk_placeholder_shows_the_start_of_its_text(qtbot):
    from editor.gui.document.docx_state import KEPT_LABEL, KEPT_OBJECT, KeptObjectHandler

    qdoc = QTextDocument()
    load_model(qdoc, read_document(CORPUS / "OfficeDev+Open-Xml-PowerTools" / "special__409_CA009-altChunk.docx"))
    labels = []
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.objectType() == KEPT_OBJECT and fmt.hasProperty(KEPT_LABEL):
                labels.append((fmt.property(KEPT_LABEL), it.fragment().position(), fmt))
            it += 1
        block = block.next()
    chunk = [(label, pos, fmt) for label, pos, fmt in labels if isinstance(label, str) and label.startswith("嵌入")]
    assert [label for label, _pos, _fmt in chunk] == ["嵌入内容：Inserted Content Heading This is the fir …"]
    _label, pos, fmt = chunk[0]
    handler = KeptObjectHandler()
    assert handler.intrinsicSize(qdoc, pos, fmt).width() > 200  # the text takes room: it is drawn


def test_list_paragraph_keeps_its_own_list(qtbot):
    # The essay's second list is numId 3; the editor numbers its lists by position (this is its 2nd).
    source, saved = _edit(ESSAY, "How do you acquire", "How do you gain")
    before, after = paragraph_with(source, "How do you acquire"), paragraph_with(saved, "How do you gain")
    assert b'<w:numId w:val="3">' in xml(before.find(W + "pPr"))
    assert xml(before.find(W + "pPr")) == xml(after.find(W + "pPr"))
