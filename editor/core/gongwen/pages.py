"""A page estimate of a laid-out official DOCX: where its text ends, so the 版记 lands on an even page."""
from __future__ import annotations

import math
from collections.abc import Sequence

from docx.text.paragraph import Paragraph

from editor.core.formats.official_style import CHARS, LINE_PITCH_PT, LINES

PAGE_PT = LINES * LINE_PITCH_PT
TEXT_PT = CHARS * 15.75


def _width(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


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


def paragraph_height(p: Paragraph) -> tuple[float, float, bool]:
    """(space before, height of its lines, starts a page) of one paragraph, in points."""
    f = p.paragraph_format
    before = f.space_before.pt if f.space_before is not None else 0.0
    pitch = f.line_spacing.pt if f.line_spacing is not None and hasattr(f.line_spacing, "pt") else LINE_PITCH_PT
    size = _size(p)
    first = f.first_line_indent.pt if f.first_line_indent is not None else (2 * 15.75 if p.style is not None
                                                                             and p.style.style_id == "Normal" else 0)
    avail = TEXT_PT - (f.left_indent.pt if f.left_indent is not None else 0) \
        - (f.right_indent.pt if f.right_indent is not None else 0)
    used = _width(p.text) * (size - 0.25) + max(0.0, first)
    n = max(1, math.ceil(used / max(avail, 1.0) - 1e-6))
    framed = p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}framePr") is not None
    return (0.0, 0.0, False) if framed else (before, n * pitch, bool(f.page_break_before))


def estimate(paragraphs: Sequence[Paragraph]) -> tuple[int, float]:
    """(number of the last page, points used on it)."""
    page, y = 1, 0.0
    for p in paragraphs:
        before, height, new_page = paragraph_height(p)
        if new_page and y > 0:
            page, y = page + 1, 0.0
        if y + before + height > PAGE_PT + 0.5:
            page, y = page + 1, height
        else:
            y += before + height
    return page, y


def breaks_before_record(paragraphs: Sequence[Paragraph], record_lines: int, even: bool = True) -> int:
    """Page breaks to put before the 版记 so that it is on an even page (§7.4) with room for it.

    A 信函 (even=False) only needs the room: its 抄送 stays on the last page whatever its number.
    """
    page, used = estimate(paragraphs)
    room = PAGE_PT - used
    need = (record_lines + 1) * LINE_PITCH_PT
    if not even:
        return 0 if room >= need else 1
    if page % 2 == 1:
        return 1
    return 0 if room >= need else 2
