"""An edited paragraph is patched inside its source element (docx/patch_runs.py): real Word files, XML compared."""
from __future__ import annotations

from dataclasses import replace

from editor.core.formats.document_files import read_document
from editor.core.formats.docx.save import save_into_source
from editor.core.model.document import Paragraph, Run
from tests.docx_xml import CORPUS, W, body_of, children_xml, paragraph_with, xml

W14 = CORPUS / "plutext+docx4j" / "docx4j__225_w14_mcIgnorable-in-other-parts.docx"  # proofErr, _GoBack
SMART = CORPUS / "apache+poi" / "poi__121_smarttag-snippet.docx"  # centred headings, smart tags
MARKS = CORPUS / "apache+poi" / "poi__154_58067.docx"  # a proofErr pair around every word, _GoBack inside


def _find(doc: object, text: str) -> tuple[int, Paragraph]:
    for i, p in enumerate(doc.paragraphs):  # type: ignore[attr-defined]
        if text in p.text:
            return i, p
    raise AssertionError(text)


def test_one_changed_run_is_the_only_child_rewritten():
    doc = read_document(W14)
    _i, p = _find(doc, "in footer")
    last = p.runs[-1]
    last.text = last.text.replace("in footer", "in the footer")
    saved = save_into_source(doc)
    assert doc.source is not None
    before, after = paragraph_with(doc.source, "in footer"), paragraph_with(saved, "in the footer")
    old, new = children_xml(before), children_xml(after)
    assert len(old) == len(new)
    assert [a == b for a, b in zip(old, new)] == [True, True, True, True, False, True, True]
    assert dict(before.attrib) == dict(after.attrib)


def test_a_mark_around_a_rewritten_word_goes_and_the_others_stay():
    doc = read_document(MARKS)
    _i, p = _find(doc, "whole paragraph")
    for r in p.runs:
        r.text = r.text.replace("whole", "entire")
    assert doc.source is not None
    before, after = paragraph_with(doc.source, "whole"), paragraph_with(save_into_source(doc), "entire")
    old, new = children_xml(before), children_xml(after)
    assert len(new) == len(old) - 2  # the spellStart/spellEnd pair around "whole" is stale
    assert sum(b"proofErr" in c for c in new) == sum(b"proofErr" in c for c in old) - 2
    assert sum(b"_GoBack" in c for c in new) == 1
    # This ␣is␣ a | spellStart whole spellEnd | ␣ paragraph … (the 28 children after "whole")
    assert new[:5] == old[:5]
    assert new[-28:] == old[-28:]
    assert b"entire" in new[5]


def test_a_paragraph_format_change_patches_only_that_property():
    doc = read_document(SMART)
    _i, p = _find(doc, "Wonderland")
    assert p.align == "center"
    p.align = "right"
    assert doc.source is not None
    before, after = paragraph_with(doc.source, "Wonderland"), paragraph_with(save_into_source(doc), "Wonderland")
    assert xml(before.find(W + "pPr")).replace(b'"center"', b'"right"') == xml(after.find(W + "pPr"))
    assert children_xml(before)[1:] == children_xml(after)[1:]


def test_bold_on_one_word_splits_only_its_run():
    doc = read_document(W14)
    _i, p = _find(doc, "in footer")
    last = p.runs[-1]
    head, word, tail = last.text.partition("footer")
    p.runs[-1:] = [replace(last, text=head), replace(last, text=word, bold=True), replace(last, text=tail)]
    assert doc.source is not None
    before, after = paragraph_with(doc.source, "footer"), paragraph_with(save_into_source(doc), "footer")
    old, new = children_xml(before), children_xml(after)
    assert new[:4] == old[:4]
    assert new[-2:] == old[-2:]
    runs = after.findall(W + "r")[-3:]
    assert [r.find(W + "rPr") is not None and r.find(W + "rPr").find(W + "b") is not None for r in runs] == \
        [False, True, False]


def test_a_split_paragraph_keeps_each_mark_once():
    doc = read_document(W14)
    i, p = _find(doc, "in footer")
    assert len(p.runs) == 1  # the source's runs are read as one: same format
    head, sep, tail = p.runs[0].text.partition("(and ")
    # Enter typed after "(and ": both halves come from the same source paragraph
    first, second = replace(p, runs=[replace(p.runs[0], text=head + sep)]), replace(p, runs=[replace(p.runs[0], text=tail)])
    doc.blocks[doc.blocks.index(p)] = first
    doc.blocks.insert(doc.blocks.index(first) + 1, second)
    saved = save_into_source(doc)
    body = body_of(saved)
    texts = ["".join(el.itertext()) for el in body if el.tag == W + "p"]
    assert texts[i] == first.text
    assert texts[i + 1] == second.text
    assert sum(b"_GoBack" in xml(el) for el in body) == 1
    assert sum(el.get(W + "name") == "_GoBack" for el in body.iter(W + "bookmarkStart")) == 1
    assert len(body.findall(".//" + W + "sectPr")) == 1


def test_saves_reuse_the_parse_of_the_open_and_leave_it_as_read(monkeypatch):
    import copy

    from editor.core.formats.docx import save

    doc = read_document(W14)
    parsed: list[str] = []
    real_parse = save._parse
    monkeypatch.setattr(save, "_parse", lambda pkg, name: parsed.append(name) or real_parse(pkg, name))
    first, second = copy.deepcopy(doc), copy.deepcopy(doc)
    first.paragraphs[0].runs[0].text += "甲"
    second.paragraphs[-1].runs = []
    a, b, a_again = save_into_source(first), save_into_source(second), save_into_source(first)
    assert "word/document.xml" not in parsed  # the reader's parse, borrowed three times
    assert a == a_again
    save._TREES.clear()  # and each equals a save from a fresh parse
    assert save_into_source(first) == a
    assert save_into_source(second) == b
    assert parsed.count("word/document.xml") == 2


def test_a_table_edited_in_one_save_is_as_read_in_the_next():
    import copy

    from editor.core.formats.docx import save
    from editor.core.model.document import Table

    doc = read_document(CORPUS / "python-openxml+python-docx" / "pydocx__008_tbl-cell-props.docx")
    edited = copy.deepcopy(doc)
    table = next(b for b in edited.blocks if isinstance(b, Table))
    cell = next(p for row in table.rows for c in row for p in c if p.runs)
    cell.runs[0].text += "乙"
    assert "乙" in "".join(body_of(save_into_source(edited)).itertext())
    other = copy.deepcopy(doc)
    other.paragraphs[0].runs.append(Run("丙"))
    text = "".join(body_of(save_into_source(other)).itertext())
    assert "乙" not in text  # the first save's edit did not stay in the parse both saves share
    save._TREES.clear()
    assert "".join(body_of(save_into_source(other)).itertext()) == text


def test_text_typed_at_the_end_of_a_content_control_goes_inside_it():
    doc = read_document(CORPUS / "apache+poi" / "poi__139_52449.docx")
    _i, p = _find(doc, "11-01-2012")
    last = p.runs[-1]
    assert last.wrap is not None  # the date is an inline content control
    p.runs.append(replace(last, text="☃"))
    assert doc.source is not None
    after = paragraph_with(save_into_source(doc), "11-01-2012")
    controls = after.findall(W + "sdt")
    assert len(controls) == 1  # not a second copy of the control (with the same w:id)
    assert "".join(controls[0].itertext()).endswith("11-01-2012☃")
    assert xml(controls[0].find(W + "sdtPr")) == xml(paragraph_with(doc.source, "11-01-2012").find(W + "sdt/" + W + "sdtPr"))
