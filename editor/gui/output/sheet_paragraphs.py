"""How page view sets one paragraph (sheet_layout.SheetLayout): its role, fonts and lines.

Official style: the role print gives the paragraph (its style, or recognised from its text where it
has none, as draft_text.recognise_roles does for print), set by line_breaks as the print renderer
sets it. Plain style: the paragraph's own format, lines at their natural height.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextOption,
)

from editor.core.model.headings import heading_level
from editor.gui.document.paragraph_styles import BY_ID, STYLE_PROPERTY
from editor.gui.output import line_breaks as lb

MINE = int(QTextFormat.Property.UserProperty) + 0x5967  # char property marking page view's format ranges
TITLE_MAX_CHARS = 60  # draft_text.recognise_roles: a first line this short is the title
_LH = QTextBlockFormat.LineHeightTypes


def blocks(doc: QTextDocument, first: int = 0, last: int | None = None) -> Iterator[QTextBlock]:
    """The document's paragraphs, from paragraph `first` to paragraph `last` (to the end)."""
    block = doc.findBlockByNumber(first) if first else doc.begin()
    k = first
    while block.isValid() and (last is None or k <= last):
        yield block
        block, k = block.next(), k + 1


def first_with_text(doc: QTextDocument) -> int:
    """The number of the first paragraph with text outside tables (draft_text.recognise_roles makes it the title)."""
    for block in blocks(doc):
        if block.text().strip() and QTextCursor(block).currentTable() is None:
            return block.blockNumber()
    return -1


@dataclass(frozen=True)
class Grid:
    """The official grid: roles by style id, the line pitch and lines a page."""

    role: Callable[[str], lb.Role]
    pitch: float
    per_page: int
    spare: float = 0.0  # the room under a page's last line, in lines (a table row's borders may need it)


def own_role(block: QTextBlock) -> tuple[str, bool]:
    """The paragraph's role and whether it has one of its own (else recognised, as print does)."""
    bf = block.blockFormat()
    style = bf.property(STYLE_PROPERTY) if bf.hasProperty(STYLE_PROPERTY) else None
    if isinstance(style, str) and style != "body":
        return style, True
    if 1 <= bf.headingLevel() <= 4:
        return f"heading{bf.headingLevel()}", True
    return "body", False


def breaks_before(block: QTextBlock) -> bool:
    """Whether the paragraph starts a page."""
    return bool(block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def text_of(layout: QTextLayout, block: QTextBlock) -> str:
    """The text the layout sets: the paragraph's, with an input method's composition in it."""
    text = block.text()
    preedit = layout.preeditAreaText()
    if preedit:
        at = layout.preeditAreaPosition()
        text = text[:at] + preedit + text[at:]
    return text


def print_role(block: QTextBlock, text: str, recognise: bool, is_title: bool) -> str:
    """The role print gives the paragraph: its own, or (recognise) the title or a heading by numbering."""
    style, _styled = own_role(block)
    if recognise and is_title and style == "body":
        stripped = text.strip()
        if heading_level(stripped) is None and len(stripped) <= TITLE_MAX_CHARS:
            return "title"
    if recognise and style == "body":
        level = heading_level(text.strip())
        return f"heading{level}" if level else style
    return style


def set_paragraph(block: QTextBlock, grid: Grid | None, width: float, zoom: float, recognise: bool, is_title: bool,
                  base: QTextOption, base_size: float = 0.0) -> tuple[int, bool, bool, tuple[float, ...], bool]:
    """Set one paragraph's lines in a width (at 100 %): (lines, break before, keep with next, heights (plain), titled).

    The lines are broken as print breaks them (on the grid, or with the text at its 100 % size,
    `base_size`), then set again `zoom` times bigger.
    """
    titled = own_role(block)[0] == "title"  # a title of its own: print recognises none
    if grid is None:
        heights = set_flow(block, width, base, zoom, base_size)
        return len(heights) - 2, breaks_before(block), False, heights, titled
    role = grid.role(print_role(block, text_of(block.layout(), block), recognise, is_title))
    lines = set_grid(block, role, width, grid.pitch, base)
    if zoom != 1.0:
        lb.rescale(block.layout(), zoom, grid.pitch)
    return lines, breaks_before(block), role.keep_next, (), titled


def set_grid(block: QTextBlock, role: lb.Role, width: float, pitch: float, base: QTextOption) -> int:
    """Set a paragraph's lines as print sets them; how many lines."""
    layout = block.layout()
    text = text_of(layout, block)
    layout.setTextOption(lb.text_option(role, base))
    _set_formats(block, layout, text, role, len(layout.preeditAreaText()))
    return lb.break_lines(layout, text, role, width, pitch, lb.leading_space(text))


def _set_formats(block: QTextBlock, layout: QTextLayout, text: str, role: lb.Role, preedit: int) -> None:
    """The print fonts as format ranges over the document's own (a highlighter's ranges stay on top)."""
    style_bold = bool(getattr(BY_ID.get(own_role(block)[0]), "bold", False))
    runs: list[lb.RunStyle] = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid():
            cf = frag.charFormat()
            start = frag.position() - block.position()
            if preedit and start >= layout.preeditAreaPosition():
                start += preedit
            # A heading's own weight is the editor style's, not the writer's emphasis (as bridge reads it).
            bold = cf.hasProperty(QTextFormat.Property.FontWeight) and cf.fontWeight() >= 600 \
                and not (style_bold and cf.hasProperty(QTextFormat.Property.FontFamilies))
            runs.append(lb.RunStyle(start, frag.length(), bold, cf.fontItalic(), cf.fontUnderline()))
        it += 1
    if preedit:
        runs.append(lb.RunStyle(layout.preeditAreaPosition(), preedit))
    mine = lb.formats(text, runs, role)
    for fr in mine:
        fr.format.setProperty(MINE, True)
    others = [fr for fr in layout.formats() if not fr.format.hasProperty(MINE)]
    layout.setFormats(mine + others)


def set_flow(block: QTextBlock, width: float, base: QTextOption, zoom: float = 1.0,
             base_size: float = 0.0) -> tuple[float, ...]:
    """Plain style: set a paragraph's lines; (space before, each line's height …, space after).

    At a zoom, the lines are broken with the text at its 100 % size (the editor zooms by its default
    font), then set again `zoom` times bigger: the same lines as print, painted bigger or smaller.
    """
    layout = block.layout()
    _unzoom(block, layout, base_size if zoom != 1.0 else 0.0)
    bf = block.blockFormat()
    option = QTextOption(base)
    option.setAlignment(bf.alignment())
    option.setUseDesignMetrics(True)
    layout.setTextOption(option)
    left, right = bf.leftMargin(), bf.rightMargin()
    heights: list[float] = [bf.topMargin()]
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        indent = bf.textIndent() if line.lineNumber() == 0 else 0.0
        line.setLineWidth(max(width - left - right - indent, 1.0))
        height, lh, kind = line.height(), bf.lineHeight(), bf.lineHeightType()
        if kind == _LH.FixedHeight.value:
            height = lh
        elif kind == _LH.MinimumHeight.value:
            height = max(height, lh)
        elif kind == _LH.ProportionalHeight.value and lh:
            height *= lh / 100
        line.setPosition(QPointF(left + indent, y))
        heights.append(height)
        y += height
    layout.endLayout()
    heights.append(bf.bottomMargin())
    if zoom != 1.0:
        lb.rescale(layout, zoom)
        return tuple(h * zoom for h in heights)
    return tuple(heights)


def _unzoom(block: QTextBlock, layout: QTextLayout, base_size: float) -> None:
    """Give text at the editor's default size its 100 % size `base_size` (0: take such ranges away)."""
    mine = []
    if base_size > 0:
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            cf = frag.charFormat()
            if frag.isValid() and not cf.hasProperty(QTextFormat.Property.FontPointSize):
                fr = QTextLayout.FormatRange()
                fr.start, fr.length = frag.position() - block.position(), frag.length()
                fr.format = QTextCharFormat()
                fr.format.setFontPointSize(base_size)
                fr.format.setProperty(MINE, True)
                mine.append(fr)
            it += 1
    others = [fr for fr in layout.formats() if not fr.format.hasProperty(MINE)]
    if mine or len(others) != len(layout.formats()):
        layout.setFormats(mine + others)


def _below_foot(y: float, h: float, page: float) -> float:
    """y, or the next page's top when a line of height h at y would cross the page's foot."""
    if y % page + h > page + 0.01 and y % page > 0.01:
        return y + page - y % page
    return y


def flow_place(end: float, heights: tuple[float, ...], page_break: bool, page: float) -> tuple[float, float]:
    """Plain style: where a paragraph starts and ends after one ending at `end`; lines never cross a page's foot."""
    y = end
    if page_break and y % page > 0.01:
        y += page - y % page
    start = y
    y += heights[0]
    for h in heights[1:-1]:
        y = _below_foot(y, h, page) + h
    return start, y + heights[-1]


def flow_position(layout: QTextLayout, heights: tuple[float, ...], start: float, page: float) -> None:
    """Place a plain paragraph's lines for where it starts (a line that would cross a page's foot moves down)."""
    y = start + heights[0]
    for i in range(layout.lineCount()):
        y = _below_foot(y, heights[i + 1], page)
        line = layout.lineAt(i)
        line.setPosition(QPointF(line.x(), y - start))
        y += heights[i + 1]


def grid_position(layout: QTextLayout, slot: int, nudge: float, per_page: int, pitch: float) -> None:
    """Grid lines of a paragraph starting at `slot` whose origin is `nudge` lines off the grid: back on it on later pages."""
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        y = i * pitch + (pitch - line.height()) / 2
        if nudge and (slot + i) // per_page != slot // per_page:
            y -= nudge * pitch
        if abs(line.y() - y) > 1e-6:
            line.setPosition(QPointF(line.x(), y))


def estimate(block: QTextBlock, grid: bool) -> tuple[int, bool, bool, tuple[float, ...], bool]:
    """A paragraph not set yet, its lines guessed from its length: (lines, break before, keep, heights, titled)."""
    lines = max(1, -(-(len(block.text()) + 2) // 28))
    heights = () if grid else (0.0, *[21.0] * lines, 0.0)
    return lines, breaks_before(block), False, heights, own_role(block)[0] == "title"
