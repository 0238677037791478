"""Small lxml helpers of the patching writer: property elements in schema order, origin paths, new tables."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from editor.core.formats.docx.structure import W, written_grid
from editor.core.model.document import Paragraph, Table


def block_text(t: Table) -> str:
    """A table's text on one line (a table pasted where only paragraphs can go)."""
    return " ".join(p.text for row in t.rows for cell in row for p in cell)


def _index(origin: str | None, prefix: str, count: int) -> int | None:
    """The child index an origin names under prefix, or None."""
    if not prefix and origin is not None and origin.isdigit():  # a top-level block: the usual case
        idx = int(origin)
        return idx if idx < count else None
    if origin is None or not origin.startswith(prefix):
        return None
    head = origin[len(prefix):].split("/", 1)[0]
    if not head.isdigit():
        return None
    idx = int(head)
    return idx if idx < count else None


def set_children(parent: Any, new: list[Any]) -> None:
    """Make new the children of parent, moving only the stretch that differs.

    lxml moves an element by walking its whole subtree (namespace bookkeeping): replacing all of a
    long body's children costs more than the rest of the save, and almost all of them are unchanged.
    """
    old = list(parent)
    n, m = len(old), len(new)
    head = 0
    while head < n and head < m and old[head] is new[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and old[n - 1 - tail] is new[m - 1 - tail]:
        tail += 1
    if head == n == m:
        return
    parent[head:n - tail] = new[head:m - tail]


def _remove(parent: Any, *names: str) -> None:
    for name in names:
        for el in parent.findall(W + name):
            parent.remove(el)


def _put(parent: Any, name: str, order: dict[str, int], **attrs: str) -> Any:
    """A new property element at its schema position (Word rejects properties out of order)."""
    el = etree.Element(W + name, {W + k: v for k, v in attrs.items()})
    rank = order.get(name, 999)
    for pos, child in enumerate(parent):
        tag = child.tag if isinstance(child.tag, str) else ""
        if order.get(tag.rsplit("}", 1)[-1], 999) > rank:
            parent.insert(pos, el)
            return el
    parent.append(el)
    return el


def _attr(el: Any, name: str, value: object) -> None:
    if value is None:
        el.attrib.pop(W + name, None)
    else:
        el.set(W + name, str(value))


def new_table(t: Table, cell_block: Callable[[Paragraph], Any]) -> Any:
    """A table typed in the editor: single borders, its grid (equal columns unless it has widths) and merged cells."""
    grid, layout = written_grid(t)
    tbl = etree.Element(W + "tbl")
    tbl_pr = etree.SubElement(tbl, W + "tblPr")
    etree.SubElement(tbl_pr, W + "tblW", {W + "w": "0", W + "type": "auto"})
    borders = etree.SubElement(tbl_pr, W + "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, W + side, {W + "val": "single", W + "sz": "4", W + "space": "0",
                                             W + "color": "auto"})
    grid_el = etree.SubElement(tbl, W + "tblGrid")
    for width in grid:
        etree.SubElement(grid_el, W + "gridCol", {W + "w": str(width)})
    for row, cells in zip(t.rows, layout):
        tr = etree.SubElement(tbl, W + "tr")
        for cell, (width, span, merge) in zip(list(row) + [[] for _ in range(len(cells) - len(row))], cells):
            tc = etree.SubElement(tr, W + "tc")
            tc_pr = etree.SubElement(tc, W + "tcPr")
            etree.SubElement(tc_pr, W + "tcW", {W + "w": str(width), W + "type": "dxa"})
            if span > 1:
                etree.SubElement(tc_pr, W + "gridSpan", {W + "val": str(span)})
            if merge:
                etree.SubElement(tc_pr, W + "vMerge", {W + "val": merge} if merge == "restart" else {})
            for p in cell:
                tc.append(cell_block(p))
            if not len(tc) > 1 or tc[-1].tag != W + "p":
                etree.SubElement(tc, W + "p")
    return tbl
