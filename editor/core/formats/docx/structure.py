"""Which elements of a Word body are blocks, and how tables nest rows and cells.

The reader and the patching writer walk the XML with these same rules, so a block's origin path
("3", "3/0", "5/1,2/0") finds the same element on save that it came from on open.
"""
from __future__ import annotations

from typing import Any

from editor.core.formats.docx.styles import W_NS
from editor.core.model.document import Table

TABLE_TWIPS = 8300  # the width of a table Yuku writes without widths of its own (page view and print agree)

W = f"{{{W_NS}}}"
M_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC_NS = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
# Breaks that are not line breaks: kept as they are and shown as a placeholder.
BREAK_LABELS = {"page": "分页符", "column": "分栏符"}
# Children of a body, cell or content control that show nothing: written back where they were.
_INVISIBLE = frozenset(W + n for n in (
    "sectPr", "tcPr", "trPr", "tblPr", "tblGrid", "tblPrEx", "sdtPr", "sdtEndPr", "customXmlPr",
    "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
    "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd"))
# Property elements come first in their parent whatever the editor inserts.
LEADING = frozenset(W + n for n in ("tcPr", "trPr", "tblPr", "tblGrid", "sdtPr", "sdtEndPr", "customXmlPr"))


def is_block(el: Any) -> bool:
    """Whether a child of a body, cell or content control is shown as one or more blocks."""
    return isinstance(el.tag, str) and el.tag not in _INVISIBLE


def block_content(el: Any) -> Any:
    """The element whose children are the blocks of a w:sdt or w:customXml (None for others)."""
    if el.tag == W + "sdt":
        return el.find(W + "sdtContent")
    if el.tag == W + "customXml":
        return el
    return None


def _wrapped(parent: Any, tag: str) -> list[Any]:
    """The children of parent with this tag, looking through content controls and custom XML."""
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            content = block_content(child)
            if content is not None:
                out.extend(_wrapped(content, tag))
    return out


def table_rows(tbl: Any) -> list[list[Any]]:
    """A table's rows as lists of w:tc, rows and cells wrapped in content controls included."""
    return [_wrapped(tr, W + "tc") for tr in _wrapped(tbl, W + "tr")]


def _int(el: Any, default: int) -> int:
    """An element's w:val as a whole number (default when absent or not one)."""
    try:
        return int(el.get(W + "val", default)) if el is not None else default
    except ValueError:
        return default


def table_grid(tbl: Any, rows: list[list[Any]]) -> tuple[list[float], list[list[int]], list[list[int]]]:
    """A table's column widths (points, w:tblGrid) and each w:tc's grid columns and rows (see model.Table).

    Lists of ones come back empty (the model's default), so a plain table reads as it did before.
    """
    widths: list[float] = []
    grid = tbl.find(W + "tblGrid")
    if grid is not None:
        for col in grid.iter(W + "gridCol"):
            try:
                widths.append(round(float(col.get(W + "w", "0")) / 20, 2))
            except ValueError:
                widths.append(0.0)
    if not any(widths):
        widths = []
    spans: list[list[int]] = []
    merges: list[list[str | None]] = []  # "restart", "continue" or None, per w:tc
    for row in rows:
        spans.append([])
        merges.append([])
        for tc in row:
            pr = tc.find(W + "tcPr")
            spans[-1].append(max(_int(pr.find(W + "gridSpan") if pr is not None else None, 1), 1))
            vm = pr.find(W + "vMerge") if pr is not None else None
            merges[-1].append(None if vm is None else vm.get(W + "val", "continue"))
    down = [[1] * len(row) for row in rows]
    starts: dict[int, tuple[int, int]] = {}  # grid column -> the (row, cell) of the merged cell open there
    for r, row in enumerate(rows):
        col = 0
        for c in range(len(row)):
            kind = merges[r][c]
            if kind == "continue" and col in starts and starts[col][0] == r - down[starts[col][0]][starts[col][1]]:
                top = starts[col]
                down[top[0]][top[1]] += 1
                down[r][c] = 0
            elif kind == "restart" or kind == "continue":  # a continue with nothing above starts one
                starts[col] = (r, c)
            else:
                starts.pop(col, None)
            col += spans[r][c]
    return (widths, [] if all(s == 1 for row in spans for s in row) else spans,
            [] if all(d == 1 for row in down for d in row) else down)


def written_grid(t: Table) -> tuple[list[int], list[list[tuple[int, int, str | None]]]]:
    """How a table Yuku writes anew lays out: its grid columns and each w:tc's width, columns and merge.

    Widths in twips; a merge is w:vMerge's value ("restart", "continue") or None; short rows are padded.
    """
    cols = t.grid_columns() or 1
    if len(t.widths) == cols and all(w > 0 for w in t.widths):
        grid = [round(w * 20) for w in t.widths]
    else:
        grid = [TABLE_TWIPS // cols] * cols
    rows: list[list[tuple[int, int, str | None]]] = []
    for r, row in enumerate(t.rows):
        out: list[tuple[int, int, str | None]] = []
        col = 0
        for c in range(len(row)):
            span, down = t.span(r, c)
            span = min(span, max(cols - col, 1))
            out.append((sum(grid[col:col + span]), span, "continue" if down == 0 else "restart" if down > 1 else None))
            col += span
        out += [(grid[i], 1, None) for i in range(col, cols)]
        rows.append(out)
    return grid, rows
