"""Word tables in the editor: the file's column widths and merged cells, typed into, undone and saved back."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument, QTextLength, QTextTable

from editor.core.formats.document_files import read_document
from editor.core.formats.docx.files import docx_bytes
from editor.core.formats.registry import PLAIN_STYLE_ID, export_style
from editor.core.model.document import Table
from editor.gui.document.bridge import load_model, to_model
from tests.docx_xml import CORPUS, W, body_of, xml

CELLS = CORPUS / "python-openxml+python-docx" / "pydocx__007_tbl-cell-access.docx"
PLAIN = export_style(PLAIN_STYLE_ID)


def _qt_tables(qdoc: QTextDocument) -> list[QTextTable]:
    return [f for f in qdoc.rootFrame().childFrames() if isinstance(f, QTextTable)]


def _load() -> tuple[QTextDocument, list[Table]]:
    doc = read_document(CELLS)
    qdoc = QTextDocument()
    load_model(qdoc, doc)
    return qdoc, [b for b in doc.blocks if isinstance(b, Table)]


def test_widths_and_merges_are_shown(qtbot):
    qdoc, _ = _load()
    plain, across, down, both = _qt_tables(qdoc)
    widths = plain.format().columnWidthConstraints()
    assert [(w.type(), round(w.rawValue(), 2)) for w in widths] == [(QTextLength.Type.FixedLength, 96.0)] * 3  # 1 in
    cell = across.cellAt(1, 1)  # "4" covers the first two columns of row 2
    assert (cell.row(), cell.column(), cell.columnSpan(), cell.rowSpan()) == (1, 0, 2, 1)
    assert across.cellAt(1, 2).firstCursorPosition().block().text() == "6"
    cell = down.cellAt(2, 1)  # "5" covers rows 2 and 3 of the middle column
    assert (cell.row(), cell.rowSpan()) == (1, 2)
    assert cell.firstCursorPosition().block().text() == "5"
    cell = both.cellAt(2, 1)  # "4": two columns, two rows
    assert (cell.row(), cell.column(), cell.rowSpan(), cell.columnSpan()) == (1, 0, 2, 2)
    assert both.cellAt(2, 2).firstCursorPosition().block().text() == "9"


def test_editor_gives_the_model_back(qtbot):
    qdoc, read = _load()
    back = [b for b in to_model(qdoc).blocks if isinstance(b, Table)]
    for a, b in zip(back, read):
        assert (a.widths, a.spans, a.down) == (b.widths, b.spans, b.down)
        assert [[["".join(p.text for p in c)] for c in r] for r in a.rows] == \
            [[["".join(p.text for p in c)] for c in r] for r in b.rows]


def _cell_xml(data: bytes) -> list[list[bytes]]:
    return [[xml(tc) for tc in tr.iter(W + "tc")] for tr in body_of(data).iter(W + "tr")]


def test_typing_in_a_merged_cell_patches_that_cell_only_and_undoes(qtbot):
    qdoc, _ = _load()
    source = read_document(CELLS).source
    assert source is not None
    both = _qt_tables(qdoc)[3]
    cursor = both.cellAt(2, 1).lastCursorPosition()  # a click anywhere in the merged cell lands in it
    cursor.insertText("号")
    assert both.cellAt(1, 0).firstCursorPosition().block().text() == "4号"
    saved = docx_bytes(to_model(qdoc), PLAIN)
    before, after = _cell_xml(source), _cell_xml(saved)
    changed = [(r, c) for r, (a, b) in enumerate(zip(before, after)) for c, (x, y) in enumerate(zip(a, b)) if x != y]
    row = sum(1 for t in body_of(source).iter(W + "tbl") for _ in t.iter(W + "tr")) - 2  # the last table's row 2
    assert changed == [(row, 0)]  # the merged cell's w:tc alone; the hidden one under it is kept as it was
    assert [len(r) for r in after] == [len(r) for r in before]
    assert b"gridSpan" in after[row][0]
    assert b'w:val="restart"' in after[row][0]
    qdoc.undo()
    assert both.cellAt(1, 0).firstCursorPosition().block().text() == "4"
    assert docx_bytes(to_model(qdoc), PLAIN) == source  # as it was: the file itself


def test_copying_a_merged_cell_copies_its_text(qtbot):
    qdoc, _ = _load()
    cell = _qt_tables(qdoc)[2].cellAt(1, 1)
    cursor = QTextCursor(cell.firstCursorPosition())
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selection().toPlainText() == "5"


def test_a_merged_table_made_in_the_editor_is_saved_with_its_merges(qtbot, tmp_path):
    qdoc, _ = _load()
    cursor = QTextCursor(qdoc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    table = cursor.insertTable(2, 3)
    table.mergeCells(0, 0, 2, 1)  # down the first column
    table.mergeCells(0, 1, 1, 2)  # across the first row's other two
    table.cellAt(0, 0).firstCursorPosition().insertText("合")
    table.cellAt(0, 1).firstCursorPosition().insertText("跨")
    path = tmp_path / "saved.docx"
    path.write_bytes(docx_bytes(to_model(qdoc), PLAIN))
    saved = [b for b in read_document(path).blocks if isinstance(b, Table)][-1]
    assert saved.spans == [[1, 2], [1, 1, 1]]
    assert saved.down == [[2, 1], [0, 1, 1]]
    assert [["".join(p.text for p in c) for c in r] for r in saved.rows] == [["合", "跨"], ["", "", ""]]
    assert len(saved.widths) == 3  # a grid of its own: equal columns
