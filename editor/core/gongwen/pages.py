"""A page estimate of a laid-out official DOCX: where its text ends, so the 版记 lands on an even page.

Tests render documents of many lengths (tables included) through LibreOffice and measure where the
版记 lands (tests/core/gongwen/test_render.py).
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from editor.core.formats.official_style import CHARS, LINE_PITCH_PT, LINES
from editor.core.gongwen.plan import width as width_of

PAGE_PT = LINES * LINE_PITCH_PT
TEXT_PT = CHARS * 15.75


def _size(p: Paragraph) -> float:
    for r in p.runs:
        if r.font.size is not None:
            return float(r.font.size.pt)
    style = p.style
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return 16.0


def paragraph_height(p: Paragraph, width: float = TEXT_PT) -> tuple[float, float, bool]:
    """(space before, height of its lines, starts a page) of one paragraph `width` points wide, in points."""
    f = p.paragraph_format
    before = f.space_before.pt if f.space_before is not None else 0.0
    pitch = f.line_spacing.pt if f.line_spacing is not None and hasattr(f.line_spacing, "pt") else LINE_PITCH_PT
    size = _size(p)
    first = f.first_line_indent.pt if f.first_line_indent is not None else (2 * 15.75 if p.style is not None
                                                                             and p.style.style_id == "Normal" else 0)
    avail = width - (f.left_indent.pt if f.left_indent is not None else 0) \
        - (f.right_indent.pt if f.right_indent is not None else 0)
    used = width_of(p.text) * (size - 0.25) + max(0.0, first)
    n = max(1, math.ceil(used / max(avail, 1.0) - 1e-6))
    framed = p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}framePr") is not None
    return (0.0, 0.0, False) if framed else (before, n * pitch, bool(f.page_break_before))


CELL_MARGIN_PT = 2 * 5.4  # Word's default cell margins, left and right (0.19 cm each)


def table_rows(t: Table) -> list[float]:
    """The estimated height of each row of a table, in points (a cell's paragraphs wrap in its width)."""
    grid = [int(c.get(qn("w:w"), "0")) / 20 for c in t._tbl.tblGrid.findall(qn("w:gridCol"))]
    heights: list[float] = []
    for tr in t._tbl.tr_lst:
        row = 0.0
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            width = sum(grid[col:col + span]) or TEXT_PT / max(1, len(tr.tc_lst))
            col += span
            if tc.vMerge == "continue":
                continue  # a merged cell's text is counted in its first row
            cell = sum(b + h for b, h, _ in (paragraph_height(Paragraph(p, t), width - CELL_MARGIN_PT)
                                             for p in tc.p_lst))
            row = max(row, cell)
        trh = tr.trPr.trHeight_val.pt if tr.trPr is not None and tr.trPr.trHeight_val is not None else 0.0
        heights.append(max(row, trh) + 1.0)  # and a border
    return heights


def estimate(blocks: Iterable[Paragraph | Table]) -> tuple[int, float]:
    """(number of the last page, points used on it) for the body's paragraphs and tables in order."""
    page, y = 1, 0.0
    for block in blocks:
        if isinstance(block, Table):
            for h in table_rows(block):  # rows break between pages, not inside (the usual case)
                if y + h > PAGE_PT + 0.5 and y > 0:
                    page, y = page + 1, 0.0
                y += h
            continue
        before, height, new_page = paragraph_height(block)
        if new_page and y > 0:
            page, y = page + 1, 0.0
        if y + before + height > PAGE_PT + 0.5:
            page, y = page + 1, height
        else:
            y += before + height
    return page, y


def breaks_before_record(blocks: Iterable[Paragraph | Table], record_lines: int, even: bool = True) -> int:
    """Page breaks to put before the 版记 so that it is on an even page (§7.4) with room for it.

    A 信函 (even=False) only needs the room: its 抄送 stays on the last page whatever its number.
    """
    page, used = estimate(blocks)
    return record_breaks(page, used, record_lines, even)


def record_breaks(page: int, used: float, record_lines: int, even: bool = True) -> int:
    """Page breaks before the 版记 when the text ends on `page` with `used` points of it filled.

    0: on that page; 1: on the next; 2: a blank page, then the 版记's (both unnumbered, §7.5).
    """
    room = PAGE_PT - used
    need = (record_lines + 1) * LINE_PITCH_PT
    if not even:
        return 0 if room >= need else 1
    if page % 2 == 1:
        return 1
    return 0 if room >= need else 2
