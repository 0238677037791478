"""Small python-docx/lxml helpers the layout uses: new paragraphs, fonts, borders, frames (no XML strings)."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from editor.core.formats.docx.write import PPR_ORDER
from editor.core.gongwen.plan import char_twips, line_twips

RED = RGBColor(0xFF, 0x00, 0x00)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}


def chars(n: float) -> Twips:
    """A length of n body characters (3号 with the official character spacing)."""
    return Twips(char_twips(n))


def lines(n: float) -> Twips:
    """A height of n lines of the official grid."""
    return Twips(line_twips(n))


def new_paragraph(anchor: Paragraph, before: bool = False, style: str | None = None) -> Paragraph:
    """An empty paragraph inserted after (or before) anchor, with a style id."""
    p = OxmlElement("w:p")
    if before:
        anchor._p.addprevious(p)
    else:
        anchor._p.addnext(p)
    para = Paragraph(p, anchor._parent)
    if style:
        para._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), style)
    return para


def layout(p: Paragraph, align: str = "left", first: float = 0, left: float = 0, right: float = 0,
           before: float = 0, line_pt: float | None = None) -> None:
    """Alignment, indents (in characters), space before (in lines) and an exact line height."""
    f = p.paragraph_format
    f.alignment = ALIGN[align]
    f.first_line_indent = chars(first) if first >= 0 else None
    if first < 0:
        f.first_line_indent = -chars(-first)
    f.left_indent = chars(left)
    f.right_indent = chars(right)
    f.space_before = lines(before)
    f.space_after = Pt(0)
    if line_pt is not None:
        f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        f.line_spacing = Pt(line_pt)


def add_run(p: Paragraph, text: str, east: str, latin: str, size: float, color: RGBColor | None = None,
            spacing: int | None = None) -> Run:
    """A run with its East Asian and Latin fonts, size and colour set directly."""
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.name = latin
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east)
    fonts.set(qn("w:hint"), "eastAsia")
    if color is not None:
        run.font.color.rgb = color
    if spacing is not None:
        rpr = run._r.get_or_add_rPr()
        sp = rpr.find(qn("w:spacing"))
        if sp is None:
            sp = OxmlElement("w:spacing")
            sz = rpr.find(qn("w:sz"))
            if sz is not None:
                sz.addprevious(sp)
            else:
                rpr.append(sp)
        sp.set(qn("w:val"), str(spacing))
    return run


def _insert_ppr(p: Paragraph | ParagraphStyle, el: etree._Element) -> None:
    """Put a pPr child where the schema orders it (Word rejects out-of-order properties)."""
    ppr = p.element.get_or_add_pPr() if isinstance(p, ParagraphStyle) else p._p.get_or_add_pPr()
    old = ppr.find(el.tag)
    if old is not None:
        ppr.remove(old)
    name = etree.QName(el).localname
    rank = PPR_ORDER.get(name, 999)
    for child in ppr:
        if PPR_ORDER.get(etree.QName(child).localname, 999) > rank:
            child.addprevious(el)
            return
    ppr.append(el)


def border(p: Paragraph | ParagraphStyle, sides: dict[str, tuple[str, int]], color: str = "FF0000", space: int = 1) -> None:
    """Paragraph (or paragraph style) borders: side -> (line style, width in eighths of a point).

    LibreOffice drops a frame whose paragraph has its own borders: framed paragraphs take them from a style.
    """
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right", "between"):
        if side in sides:
            val, sz = sides[side]
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), val)
            el.set(qn("w:sz"), str(sz))
            el.set(qn("w:space"), str(space))
            el.set(qn("w:color"), color)
            bdr.append(el)
    _insert_ppr(p, bdr)


def frame_bottom(p: Paragraph, width_tw: int) -> None:
    """Put a paragraph in a frame at the bottom of the text block of its page (the 版记, §7.4)."""
    fr = OxmlElement("w:framePr")
    for attr, value in (("w:w", str(width_tw)), ("w:wrap", "notBeside"), ("w:vAnchor", "margin"),
                        ("w:hAnchor", "margin"), ("w:xAlign", "center"), ("w:yAlign", "bottom")):
        fr.set(qn(attr), value)
    _insert_ppr(p, fr)


def right_tab(p: Paragraph, pos_tw: int) -> None:
    """A right-aligned tab stop (签发人 on the right of the 发文字号 line)."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    p.paragraph_format.tab_stops.add_tab_stop(Twips(pos_tw), WD_TAB_ALIGNMENT.RIGHT)


def page_break_before(p: Paragraph) -> None:
    """Start the paragraph on a new page."""
    p.paragraph_format.page_break_before = True


def keep_with_next(p: Paragraph) -> None:
    """Keep the paragraph on the page of the next one."""
    p.paragraph_format.keep_with_next = True
