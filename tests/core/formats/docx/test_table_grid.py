"""Word tables as they are: column widths (w:tblGrid) and merged cells (w:gridSpan, w:vMerge) in the model.

Real files from other projects' test suites (tests/data/docx-corpus) are read; tables Yuku writes
anew (plain and official DOCX) carry the same grid and merges back.
"""
from __future__ import annotations

from lxml import etree

from editor.core.formats.document_files import read_document
from editor.core.formats.docx.files import docx_bytes
from editor.core.formats.docx.structure import written_grid
from editor.core.formats.official_style import prepare_official
from editor.core.formats.registry import PLAIN_STYLE_ID, export_style
from editor.core.model.document import Document, Paragraph, Run, Table, signature
from editor.core.recovery import document_from_json, document_to_json
from tests.docx_xml import CORPUS, W, body_of

# python-docx's test file: four 3×3 tables, the last three with merged cells.
CELLS = CORPUS / "python-openxml+python-docx" / "pydocx__007_tbl-cell-access.docx"
DOCX4J = CORPUS / "plutext+docx4j" / "docx4j__216_tables.docx"


def _tables(doc: object) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]  # type: ignore[attr-defined]


def _texts(t: Table) -> list[list[str]]:
    return [["".join(p.text for p in cell) for cell in row] for row in t.rows]


def test_widths_and_merges_are_read():
    plain, across, down, both = _tables(read_document(CELLS))
    assert plain.widths == [72.0, 72.0, 72.0]
    assert plain.spans == []
    assert plain.down == []
    # "4" spans two columns: its row has two w:tc, one model cell each
    assert _texts(across)[1] == ["4", "6"]
    assert across.spans[1] == [2, 1]
    assert across.span(1, 0) == (2, 1)
    # "5" covers two rows; the w:tc under it is kept, hidden (0)
    assert _texts(down)[1:] == [["4", "5", "6"], ["7", "", "9"]]
    assert down.down[1:] == [[1, 2, 1], [1, 0, 1]]
    assert down.span(2, 1) == (1, 0)
    assert both.spans[1:] == [[2, 1], [2, 1]]
    assert both.down[1:] == [[2, 1], [0, 1]]
    assert [t.grid_columns() for t in (plain, across, down, both)] == [3, 3, 3, 3]


def test_uneven_grid_is_read_in_points():
    tables = _tables(read_document(DOCX4J))
    uneven = next(t for t in tables if t.widths == [58.4, 145.0, 171.0])  # gridCol 1168, 2900, 3420 twips
    assert uneven.spans == [[2, 1], [1, 1, 1]]
    assert uneven.down == [[1, 2], [1, 1, 0]]
    assert _texts(uneven) == [["r1c1", "3"], ["r2c1", "r2c2", ""]]


def test_signature_covers_what_is_shown():
    t = Table([[[Paragraph([Run("a")])], [Paragraph([Run("b")])]]])
    base = signature(t)
    assert signature(Table(t.rows, widths=[100.0, 50.0])) != base
    assert signature(Table(t.rows, spans=[[2]])) != base
    assert signature(Table(t.rows, down=[[2, 1]])) != base


def test_written_grid_pads_short_rows_and_marks_merges():
    t = Table([[[], []], [[]], [[], []]], widths=[100.0, 50.0], spans=[[1, 1], [2], [1, 1]],
              down=[[1, 2], [1], [1, 1]])
    grid, rows = written_grid(t)
    assert grid == [2000, 1000]
    assert rows == [[(2000, 1, None), (1000, 1, "restart")], [(3000, 2, None)], [(2000, 1, None), (1000, 1, None)]]
    # no widths of its own: the 8300 twips Yuku has always written, split evenly
    assert written_grid(Table([[[], [], []]]))[0] == [2766, 2766, 2766]


def _grid_of(data: bytes) -> list[tuple[list[str], list[list[tuple[str | None, str | None]]]]]:
    out = []
    for tbl in body_of(data).iter(W + "tbl"):
        cols = [c.get(W + "w") for c in tbl.iter(W + "gridCol")]
        rows = []
        for tr in tbl.iter(W + "tr"):
            cells = []
            for tc in tr.iter(W + "tc"):
                span, merge = tc.find(f"{W}tcPr/{W}gridSpan"), tc.find(f"{W}tcPr/{W}vMerge")
                cells.append((span.get(W + "val") if span is not None else None,
                              None if merge is None else merge.get(W + "val", "continue")))
            rows.append(cells)
        out.append((cols, rows))
    return out


def test_a_table_written_anew_keeps_its_grid_and_merges(tmp_path):
    doc = read_document(CELLS)
    doc.source = None  # a draft of the file, saved as a new DOCX (docx/write.py)
    for block in doc.blocks:
        block.origin = block.base = None
    data = docx_bytes(doc, export_style(PLAIN_STYLE_ID))
    assert _grid_of(data) == _grid_of(CELLS.read_bytes())
    path = tmp_path / "again.docx"
    path.write_bytes(data)
    again = _tables(read_document(path))
    for a, b in zip(again, _tables(read_document(CELLS))):
        assert (a.widths, a.spans, a.down, _texts(a)) == (b.widths, b.spans, b.down, _texts(b))
    # an empty cell is one paragraph, one line tall (it was two)
    cell = next(body_of(data).iter(W + "tbl")).find(f"{W}tr/{W}tc")
    assert cell is not None
    assert len(cell.findall(W + "p")) == 1


def test_official_export_keeps_merges_and_fits_wide_tables():
    wide = Table([[[Paragraph([Run("甲")])], [Paragraph([Run("乙")])]], [[], []]],
                 widths=[400.0, 200.0], down=[[2, 1], [0, 1]])
    narrow = Table([[[Paragraph([Run("丙")])]]], widths=[120.0], spans=[[1]])
    out = _tables(prepare_official(Document([wide, narrow])))
    text = (210 - 28 - 26) * 72 / 25.4  # the official text width in points
    assert sum(out[0].widths) <= text
    assert abs(sum(out[0].widths) - text) < 0.1
    assert abs(out[0].widths[0] / out[0].widths[1] - 2) < 0.01
    assert out[0].down == [[2, 1], [0, 1]]
    assert out[1].widths == [120.0]


def test_drafts_keep_widths_and_merges():
    doc = read_document(CELLS)
    back = document_from_json(document_to_json(doc), doc.source)
    for a, b in zip(_tables(back), _tables(doc)):
        assert (a.widths, a.spans, a.down) == (b.widths, b.spans, b.down)
        assert signature(a) == signature(b)  # the draft's table is still the file's (a save keeps its XML)
    assert etree.iselement(body_of(doc.source or b""))
