"""A page estimate of a laid-out official DOCX: where its text ends, so the 版记 lands on an even page.

Tests render documents of many lengths (tables included) through LibreOffice and measure where the
版记 lands (tests/core/gongwen/test_render.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from editor.core.formats.official_style import CHARS, LINE_PITCH_PT, LINES
from editor.core.gongwen.plan import UNDER_RULE_PT

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


def _pitch(p: Paragraph) -> float:
    """A paragraph's line height: its own exact one, else the grid's."""
    f = p.paragraph_format
    return f.line_spacing.pt if f.line_spacing is not None and hasattr(f.line_spacing, "pt") else LINE_PITCH_PT


def _rule_below(p: Paragraph) -> float:
    """The height a paragraph's bottom border adds under its last line (the red rule under the 发文字号)."""
    bottom = p._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") if p._p.pPr is not None else None
    if bottom is None:
        return 0.0
    return float(bottom.get(qn("w:space"), "0")) + int(bottom.get(qn("w:sz"), "0")) / 8 + UNDER_RULE_PT


# Where Chinese meets a Latin letter or digit (在 2026 年): LibreOffice's autospace adds a fifth of the size.
_BOUNDARY = re.compile(r"(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])")
# Marks that may not start a line: one hangs past the line's end instead (LibreOffice's hanging punctuation).
_CLOSING = set("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
_OPENING = set("（《「『【〔〈“‘([{")


def line_count(text: str, size: float, first: float, avail: float) -> int:
    """How many lines a text of `size` points takes in `avail` points, after a first-line indent of `first`.

    Line by line, as LibreOffice breaks Chinese text: a closing mark that does not fit hangs past the
    end, an opening mark never ends a line, a run of Latin letters or digits is not split.
    """
    if not text:
        return 1
    spaced = {m.start() - 1 for m in _BOUNDARY.finditer(text)}  # autospace after these characters
    widths = [(0.5 if ord(c) < 0x2000 else 1.0) * (size - 0.25) + (size / 5 if i in spaced else 0.0)
              for i, c in enumerate(text)]
    avail = max(avail, size)
    lines, x, start, i = 1, max(0.0, first), 0, 0
    while i < len(text):
        if x + widths[i] <= avail + 0.01 or i == start:
            x += widths[i]
            i += 1
            continue
        if text[i] in _CLOSING and (i + 1 == len(text) or text[i + 1] not in _CLOSING):
            i += 1  # it hangs
        else:
            end = i
            while end - 1 > start and (text[end - 1] in _OPENING or text[end] in _CLOSING
                                       or (text[end - 1].isascii() and text[end - 1].isalnum()
                                           and text[end].isascii() and text[end].isalnum())):
                end -= 1  # an opening mark, a closing mark at the start or half a Latin word goes down
            i = end
        if i >= len(text):
            break
        lines, x, start = lines + 1, 0.0, i
    return lines


def paragraph_height(p: Paragraph, width: float = TEXT_PT) -> tuple[float, float, bool]:
    """(space before, height of its lines, starts a page) of one paragraph `width` points wide, in points."""
    f = p.paragraph_format
    before = f.space_before.pt if f.space_before is not None else 0.0
    size = _size(p)
    first = f.first_line_indent.pt if f.first_line_indent is not None else (2 * 15.75 if p.style is not None
                                                                             and p.style.style_id == "Normal" else 0)
    avail = width - (f.left_indent.pt if f.left_indent is not None else 0) \
        - (f.right_indent.pt if f.right_indent is not None else 0)
    n = line_count(p.text, size, first, avail)
    framed = p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}framePr") is not None
    return (0.0, 0.0, False) if framed else (before, n * _pitch(p) + _rule_below(p), bool(f.page_break_before))


def _keeps_with_next(p: Paragraph) -> bool:
    """Whether the paragraph (or its style) keeps with the next one (titles and headings)."""
    if p.paragraph_format.keep_with_next is not None:
        return bool(p.paragraph_format.keep_with_next)
    style = p.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


BORDER_PT = 0.5  # a single border (w:sz 4): LibreOffice adds each row's top one and the table's bottom one
CELL_MARGIN_PT = 2 * 5.4  # Word's default cell margins, left and right (0.19 cm each)


def table_rows(t: Table) -> list[float]:
    """The estimated height of each row of a table, in points (a cell's paragraphs wrap in its width).

    A cell merged down several rows (w:vMerge) needs room in all of them: when its text is taller
    than the rows it covers, the last of them grows, as Word and LibreOffice lay it out.
    """
    grid = [int(c.get(qn("w:w"), "0")) / 20 for c in t._tbl.tblGrid.findall(qn("w:gridCol"))]
    contents: list[float] = []
    continued: list[set[int]] = []  # per row: the grid columns where a merged cell from above goes on
    merged: list[tuple[int, int, float]] = []  # (first row, grid column, text height) of cells merged down
    for r, tr in enumerate(t._tbl.tr_lst):
        row = 0.0
        col = 0
        continued.append(set())
        for tc in tr.tc_lst:
            span = tc.grid_span
            width = sum(grid[col:col + span]) or TEXT_PT / max(1, len(tr.tc_lst))
            col += span
            if tc.vMerge == "continue":
                continued[-1].add(col - span)
                continue
            cell = sum(b + h for b, h, _ in (paragraph_height(Paragraph(p, t), width - CELL_MARGIN_PT)
                                             for p in tc.p_lst))
            if tc.vMerge == "restart":
                merged.append((r, col - span, cell))
            else:
                row = max(row, cell)
        trh = tr.trPr.trHeight_val.pt if tr.trPr is not None and tr.trPr.trHeight_val is not None else 0.0
        contents.append(max(row, trh))
    for first, col, cell in merged:
        last = first
        while last + 1 < len(contents) and col in continued[last + 1]:
            last += 1
        above = sum(contents[first:last]) + (last - first) * BORDER_PT  # the rows before its last, borders included
        contents[last] = max(contents[last], cell - above)
    return [height + BORDER_PT for height in contents]  # and its top border


@dataclass(frozen=True)
class End:
    """Where blocks laid on pages end: the last page, the points used on it, and whether the end can move on.

    `movable`: the last paragraph, with the keep-with-next paragraphs right before it, lies whole on the
    last page below other text, so that LibreOffice moves them on to the next page together when the
    paragraph after them keeps with them (the 落款, plan.fit_closing).
    """

    page: int
    used: float
    movable: bool


def estimate(blocks: Iterable[Paragraph | Table], top: float = 0.0) -> tuple[int, float]:
    """(number of the last page, points used on it) for the body's paragraphs and tables in order."""
    end = walk(blocks, top)
    return end.page, end.used


def _moved(chain: list[tuple[float, float]], chain_y: float) -> float:
    """The height keep-with-next paragraphs take on the next page when LibreOffice moves them on, whole."""
    if not chain or chain_y <= 0:  # a chain that starts its page stays: there is nowhere better
        return 0.0
    return sum(b + h for b, h in chain) - chain[0][0]  # no space before at the top of a page


def _overflow(page: int, rest: float, pitch: float, limit: float) -> tuple[int, float]:
    """The page and height used on it after `rest` points of lines go on from the top of the next page."""
    page += 1
    while rest > limit:
        page, rest = page + 1, rest - LINES * pitch
    return page, rest


def walk(blocks: Iterable[Paragraph | Table], top: float = 0.0) -> End:
    """Lay the blocks on pages as LibreOffice lays out the official style (an estimate).

    `top`: points of page one's text block taken before the blocks (a 信函's head in its header).
    """
    page, y = 1, top
    limit = PAGE_PT + 0.5
    chain: list[tuple[float, float]] = []  # keep-with-next paragraphs that end at y: (space before, height)
    chain_y = 0.0  # where that chain starts on the page
    movable = False
    for block in blocks:
        if isinstance(block, Table):
            for k, h in enumerate(table_rows(block)):  # rows break between pages, not inside (the usual case)
                if y + h > limit and y > 0:
                    page, y = page + 1, _moved(chain, chain_y) if k == 0 else 0.0
                y += h
            y += BORDER_PT  # the table's bottom border
            chain, movable = [], False
            continue
        before, height, new_page = paragraph_height(block)
        if new_page and y > 0:
            page, y, chain = page + 1, 0.0, []
        start, pitch, keep = y, _pitch(block), _keeps_with_next(block)
        whole = True
        if y + before + height <= limit:
            y += before + height
        elif y > 0 and not keep and y + before + pitch <= limit:
            # Widow control is off in the official style: the lines that fit stay, the rest start the next page.
            fit = int((limit - y - before) // pitch)
            page, y = _overflow(page, height - fit * pitch, pitch, limit)
            whole = False
        else:
            # It starts the next page, and the keep-with-next paragraphs before it go along, whole.
            if y > 0:
                moved = _moved(chain, chain_y)
                page, y, chain_y = page + 1, moved, 0.0
                start = y
                y += before if moved else 0.0
            if y + height <= limit:
                y += height
            else:
                fit = int((limit - y) // pitch)
                page, y = _overflow(page, height - fit * pitch, pitch, limit)
                whole = False
        movable = whole and (chain_y if chain else start) > 0
        if keep and whole:
            if not chain:
                chain_y = start
            chain.append((before, height))
        else:
            chain = []
    return End(page, y, movable)


def room_lines(used: float) -> int:
    """Whole lines of the grid left on a page with `used` points of it filled."""
    return max(0, int((PAGE_PT + 0.5 - used) // LINE_PITCH_PT))


def breaks_before_record(blocks: Iterable[Paragraph | Table], need: float, even: bool = True,
                         top: float = 0.0) -> int:
    """Page breaks to put before the 版记 (`need` points high) so that it is on an even page (§7.4) with room.

    A 信函 (even=False) only needs the room: its 抄送 stays on the last page whatever its number.
    """
    page, used = estimate(blocks, top)
    return record_breaks(page, used, need, even)


def record_breaks(page: int, used: float, need: float, even: bool = True) -> int:
    """Page breaks before a 版记 `need` points high when the text ends on `page` with `used` points of it filled.

    0: on that page; 1: on the next; 2: a blank page, then the 版记's (both unnumbered, §7.5).
    """
    room = PAGE_PT - used
    if not even:
        return 0 if room >= need else 1
    if page % 2 == 1:
        return 1
    return 0 if room >= need else 2
