"""Line breaking and pagination of the official layout, shared by printing and page view.

The print renderer (page_render.OfficialPages) and View ▸ 页面视图 (sheet_layout.SheetLayout) set
every paragraph with these functions: the same fonts and format ranges, the same hanging
punctuation and the same page rules, so a line or page cannot break differently on screen and on
paper.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextFormat, QTextLayout, QTextLine, QTextOption

from editor.core.formats.docx.styles import Preset, RoleStyle

PX_PER_PT = 96 / 72
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight, "justify": Qt.AlignmentFlag.AlignJustify}
# Characters that may not start a line (they hang at the end of the line before, as Word's
# w:overflowPunct and LibreOffice's hanging punctuation let them) and that may not end one.
CLOSING = set("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
OPENING = set("（《「『【〔〈“‘([{")
LEADING_SPACE = " \u3000\t"  # typed indentation: the layout's own indent replaces it
_LATIN = re.compile(r"[\u0020-\u024f]+")
# Where a Latin letter or digit meets a character from U+3400 on (then checked to be an ideograph).
_BOUNDARY = re.compile(r"(?=[A-Za-z0-9][^\x00-\u33ff]|[^\x00-\u33ff][A-Za-z0-9])")


@dataclass(frozen=True)
class RunStyle:
    """One run of a paragraph: where it is and the emphasis the writer gave it."""

    start: int
    length: int
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Role:
    """How one paragraph role is set: base font, Latin family, alignment, indent, keep with next."""

    font: QFont
    latin: str
    bold: bool
    align: Qt.AlignmentFlag
    indent: float  # px
    keep_next: bool
    autospace: float  # px


def role_of(preset: Preset, style: str) -> Role:
    """The role `style` ("title", "heading1" … "body") of the official preset, ready to lay out."""
    body = preset.default
    role: RoleStyle = preset.roles.get(style, body)
    font = QFont()
    east_asia, latin = role.east_asia or body.east_asia, role.latin or body.latin
    font.setFamilies([f for f in (east_asia, latin) if f])
    size = role.size or body.size or 16
    font.setPointSizeF(size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, (preset.char_spacing or 0) / 20 * PX_PER_PT)
    indent = (role.first_line if role.first_line is not None else body.first_line or 0) * PX_PER_PT
    return Role(font, latin or "", role.bold, _ALIGN.get(role.align or body.align or "left", Qt.AlignmentFlag.AlignLeft),
                indent, role.keep_next, size / 5 * PX_PER_PT)


def text_option(role: Role, base: QTextOption | None = None) -> QTextOption:
    """Alignment, design metrics and wrapping of a paragraph of the role."""
    option = QTextOption(base) if base is not None else QTextOption()
    option.setAlignment(role.align)
    option.setUseDesignMetrics(True)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def formats(text: str, runs: list[RunStyle], role: Role) -> list[QTextLayout.FormatRange]:
    """Every character's font: the role's, with the run's emphasis, Latin letters in the Latin font.

    The ranges cover the whole text with complete fonts, so a document's own fonts under them
    (page view lays out the editor's paragraphs) make no difference.
    """
    out: list[QTextLayout.FormatRange] = []
    for run in runs:
        font, latin = _run_fonts(role, run.bold or role.bold, run.italic, run.underline)
        end, pos = run.start + run.length, run.start
        # Latin letters and digits in the Latin font, as w:ascii/w:hAnsi do (Qt would take them from
        # the CJK font, or fall back by the first family's script, not by the list).
        for m in _LATIN.finditer(text, run.start, end):
            if m.start() > pos:
                out.append(_range(pos, m.start() - pos, font))
            out.append(_range(m.start(), m.end() - m.start(), latin))
            pos = m.end()
        if end > pos:
            out.append(_range(pos, end - pos, font))
    return out + _autospace(text, role.autospace)


_FONTS: dict[tuple[str, str, bool, bool, bool], tuple[QFont, QFont]] = {}


def _run_fonts(role: Role, bold: bool, italic: bool, underline: bool) -> tuple[QFont, QFont]:
    """A run's font and its Latin font (made once: page view sets a paragraph on every keystroke)."""
    key = (role.font.key(), role.latin, bold, italic, underline)
    if key not in _FONTS:
        font = QFont(role.font)
        font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        font.setItalic(italic)
        font.setUnderline(underline)
        latin = QFont(font)
        latin.setFamilies([role.latin] if role.latin else font.families())
        _FONTS[key] = (font, latin)
    return _FONTS[key]


def _range(start: int, length: int, font: QFont) -> QTextLayout.FormatRange:
    fr = QTextLayout.FormatRange()
    fr.start, fr.length = start, length
    fr.format = QTextCharFormat()
    fr.format.setFont(font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
    return fr


def _ideograph(ch: str) -> bool:
    return ord(ch) >= 0x3400 and ch not in CLOSING and ch not in OPENING


def _autospace(text: str, extra: float) -> list[QTextLayout.FormatRange]:
    """Room between Chinese and Latin letters or digits (在 2026 年), as Word's and LibreOffice's autospace.

    A fifth of the font size after the character before each such boundary.
    """
    out = []
    for m in _BOUNDARY.finditer(text):
        i = m.start()
        a, b = text[i], text[i + 1]
        if _ideograph(b) if a.isascii() else _ideograph(a):
            fr = QTextLayout.FormatRange()
            fr.start, fr.length = i, 1
            fr.format = QTextCharFormat()
            fr.format.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fr.format.setFontLetterSpacing(extra)  # LibreOffice drops the character spacing there
            out.append(fr)
    return out


def leading_space(text: str) -> int:
    """How many characters of typed indentation a paragraph starts with."""
    return len(text) - len(text.lstrip(LEADING_SPACE))


def break_lines(layout: QTextLayout, text: str, role: Role, width: float, pitch: float, skip: int = 0,
                stops: tuple[int, ...] = ()) -> int:
    """Set all lines of `layout` (its text is `text`) on the grid; the number of lines.

    Line i is placed at y = i·pitch, centred in its pitch. `skip` leading characters (typed
    indentation print leaves out) are set left of the indent, so the text after them breaks as in print.
    `stops`: positions where a line must start (a long title's breaks, title_lines: print has line breaks there).
    """
    layout.beginLayout()
    start, count = 0, 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        x = role.indent if count == 0 else 0.0
        if count == 0 and skip:
            line.setLineWidth(width * 4)
            x -= _x(line, skip) - _x(line, 0)
        line.setLineWidth(width - x)
        hang(line, text, start, width - x)
        stop = next((p for p in stops if start < p < start + line.textLength()), None)
        if stop is not None:
            line.setNumColumns(stop - start, width - x)
        line.setPosition(QPointF(x, count * pitch + (pitch - line.height()) / 2))
        start += line.textLength()
        count += 1
    layout.endLayout()
    return count


def _x(line: QTextLine, position: int) -> float:
    value = line.cursorToX(position)  # PySide6 returns (x, position)
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


def hang(line: QTextLine, text: str, start: int, width: float) -> None:
    """Let one closing punctuation mark hang past the line end rather than pull a character down."""
    n = line.textLength()
    if start + n >= len(text):
        return
    best = n
    for k in range(n + 1, n + 4):
        if start + k > len(text):
            break
        line.setNumColumns(k - 1)
        if line.naturalTextWidth() > width + 0.01:
            break
        line.setNumColumns(k)
        fits = line.naturalTextWidth() <= width + 0.01
        last = text[start + k - 1]
        hangs = last in CLOSING
        next_ok = start + k >= len(text) or text[start + k] not in CLOSING
        cjk = ord(last) >= 0x2E80 or hangs  # never split a Latin word
        if (fits or hangs) and next_ok and cjk and last not in OPENING:
            best = k
    line.setNumColumns(best)
    # A hanging mark sticks out past the edge: justify to the natural width, never stretch.
    line.setNumColumns(best, max(width, line.naturalTextWidth()))


def place(slot: int, lines: int, break_before: bool, keep_next: bool, per_page: int, follow: int = 0) -> int:
    """The grid slot (page · per_page + row) of a paragraph's first line, after the one before ended at `slot`.

    A page break before starts a new page; a heading that would end a page goes to the next one
    with the paragraph after it. `follow`: the lines that must be on its page after it (the headings
    keeping with it and the next paragraph's first line): when they do not fit, it starts the next
    page, as LibreOffice moves a chain of keep-with-next paragraphs (0: only a heading that would
    end the page moves). The paragraph then fills slots first … first + lines - 1.
    """
    if break_before and slot % per_page:
        slot += per_page - slot % per_page
    row = slot % per_page
    if keep_next and row and (row + lines + follow > per_page and lines + follow <= per_page if follow
                              else row + lines == per_page):
        slot += per_page - row
    return slot


def follow(k: int, lines: list[int], keep: list[bool], breaks: list[bool], plain: Callable[[int], bool]) -> int:
    """The lines that must share paragraph k's page after it (place's `follow`): the keep-with-next ones, the next one's first.

    0 when the chain ends the text, or at a table (`plain` is false in one) or a page break: then
    only place's rule for a heading that would end its page applies, as in print.
    """
    count, j = 1, k + 1
    while j < len(lines) and keep[j] and not breaks[j] and plain(j):
        count, j = count + lines[j], j + 1
    return count if j < len(lines) and not breaks[j] and plain(j) else 0


def chain_start(k: int, keep: list[bool], plain: Callable[[int], bool]) -> int:
    """The first of the keep-with-next paragraphs right before paragraph k (k itself when there are none)."""
    while k > 0 and keep[k - 1] and plain(k - 1):
        k -= 1
    return k


def rescale(layout: QTextLayout, zoom: float, pitch: float | None = None) -> None:
    """Set a laid-out paragraph again `zoom` times bigger with the very same lines (page view's zoom).

    Every line keeps its characters and alignment width, so a line breaks where print breaks it
    whatever the zoom; only the fonts, the letter spacing and the positions are scaled (a line on
    the grid is centred in its zoomed `pitch` again).
    """
    lines = [(line.textLength(), line.x(), line.y(), line.width())
             for line in map(layout.lineAt, range(layout.lineCount()))]
    scaled = []
    for fr in layout.formats():
        fmt = QTextCharFormat(fr.format)
        spacing = fmt.hasProperty(QTextFormat.Property.FontLetterSpacing) \
            and fmt.fontLetterSpacingType() == QFont.SpacingType.AbsoluteSpacing
        if spacing:
            fmt.setFontLetterSpacing(fmt.fontLetterSpacing() * zoom)
        if fmt.hasProperty(QTextFormat.Property.FontPointSize):
            before = _advance(fr.format.font())
            fmt.setFontPointSize(fmt.fontPointSize() * zoom)
            # Fonts come in whole pixels (16 pt: 21 px; × 1.2: 26 px, not 25.2): the letter spacing
            # takes up the difference, so a line is exactly `zoom` times as wide as it prints.
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing((fmt.fontLetterSpacing() if spacing else 0.0)
                                     + before * zoom - _advance(fmt.font()))
        copy = QTextLayout.FormatRange()
        copy.start, copy.length, copy.format = fr.start, fr.length, fmt
        scaled.append(copy)
    layout.setFormats(scaled)
    layout.beginLayout()
    for i, (length, x, y, width) in enumerate(lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setNumColumns(length)  # exactly these characters, then aligned in the zoomed width
        line.setNumColumns(length, max(width * zoom, line.naturalTextWidth()))
        top = y * zoom if pitch is None else (i * pitch + (pitch - line.height() / zoom) / 2) * zoom
        line.setPosition(QPointF(x * zoom, top))
    layout.endLayout()


_ADVANCES: dict[str, float] = {}


def _advance(font: QFont) -> float:
    """How far one ideograph advances in a font, letter spacing included, with design metrics."""
    key = font.key()
    if key not in _ADVANCES:
        if len(_ADVANCES) > 200:
            _ADVANCES.clear()
        layout = QTextLayout("国" * 10, font)
        option = QTextOption()
        option.setUseDesignMetrics(True)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        line.setNumColumns(10)
        layout.endLayout()
        _ADVANCES[key] = line.naturalTextWidth() / 10
    return _ADVANCES[key]
