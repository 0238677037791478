"""The official layout (GB/T 9704-2012, OFFICIAL_FORMAT.md) as a DOCX style preset."""
from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

from docx.oxml.ns import qn

from editor.core import fonts
from editor.core.formats.docx.styles import Preset, RoleStyle, part_root, run_fonts, w_el
from editor.core.formats.file_format import ExportStyle
from editor.core.model.document import Document, Paragraph, Run, Table
from editor.core.model.headings import strip_numbering
from editor.core.translatable import QT_TRANSLATE_NOOP

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MM = 1440 / 25.4  # twips per millimetre
PAGE_W, PAGE_H = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37, 35, 28, 26
LINES, CHARS = 22, 28
BODY_PT, TITLE_PT, PAGE_NO_PT = 16.0, 22.0, 14.0
# 225 mm / 22 lines, rounded down to whole twips (579 = 28.95 pt, written "exactly"): rounding up
# to 580 makes 22 lines 4 twips taller than the text block and a page holds only 21.
LINE_PITCH_PT = ((round(PAGE_H * MM) - round(MARGIN_TOP * MM) - round(MARGIN_BOTTOM * MM)) // LINES) / 20
# 28 × 16 pt = 448 pt > 442 pt of text width: each character gives up 0.25 pt (w:spacing -5),
# 28 × 15.75 = 441 pt fits and 29 characters do not.
CHAR_SPACING = -5
CHAR_PT = BODY_PT + CHAR_SPACING / 20
INDENT_PT = 2 * CHAR_PT  # first line: two characters


def _tw(mm: float) -> int:
    return round(mm * MM)


def section() -> Any:
    """A4, the official margins, odd/even page-number footers."""
    sect = w_el("sectPr")
    for kind, rid in (("default", "rIdFooterOdd"), ("even", "rIdFooterEven")):
        w_el("footerReference", sect, type=kind).set(qn("r:id"), rid)
    w_el("pgSz", sect, w=_tw(PAGE_W), h=_tw(PAGE_H))
    w_el("pgMar", sect, top=_tw(MARGIN_TOP), right=_tw(MARGIN_RIGHT), bottom=_tw(MARGIN_BOTTOM),
         left=_tw(MARGIN_LEFT), header=851, footer=_tw(MARGIN_BOTTOM - 12), gutter=0)
    w_el("cols", sect, space=425)
    return sect


def footer(odd: bool, font: str) -> Any:
    """A page-number footer part's root: `— 1 —` in 4号 宋体, odd pages right, even pages left, one character in."""
    ftr = part_root("ftr")
    p = w_el("p", ftr)
    ppr = w_el("pPr", p)
    w_el("pStyle", ppr, val="Footer")
    if odd:
        w_el("jc", ppr, val="right")
        w_el("ind", ppr, right=280, firstLine=0)
    else:
        w_el("jc", ppr, val="left")
        w_el("ind", ppr, left=280, firstLine=0)
    half = round(PAGE_NO_PT * 2)
    for kind, value in (("t", "— "), ("fldChar", "begin"), ("instrText", " PAGE "), ("fldChar", "separate"),
                        ("t", "1"), ("fldChar", "end"), ("t", " —")):
        r = w_el("r", p)
        rpr = w_el("rPr", r)
        rpr.append(run_fonts(font, font))
        w_el("spacing", rpr, val=0)
        w_el("sz", rpr, val=half)
        w_el("szCs", rpr, val=half)
        if kind == "fldChar":
            w_el("fldChar", r, fldCharType=value)
        else:
            el = w_el(kind, r)
            el.text = value
            if value != value.strip():
                el.set(XML_SPACE, "preserve")
    return ftr


def official_preset(available: Iterable[str] | None = None,
                    overrides: dict[str, list[str]] | None = None) -> Preset:
    """The official preset; with `available` fonts, missing standard fonts are replaced by fallbacks."""
    avail = list(available) if available is not None else None

    def font(cls: str) -> str:
        """The font named for a class (standard, or the installed fallback)."""
        return fonts.resolve(cls, avail, overrides)

    latin = font("latin")
    body = RoleStyle(font("fangsong"), latin, BODY_PT, align="justify", first_line=INDENT_PT)
    roles = {
        "title": RoleStyle(font("xiaobiaosong"), latin, TITLE_PT, align="center", first_line=0, keep_next=True),
        "heading1": RoleStyle(font("heiti"), latin, BODY_PT, keep_next=True),
        "heading2": RoleStyle(font("kaiti"), latin, BODY_PT, keep_next=True),
        "heading3": RoleStyle(font("fangsong"), latin, BODY_PT, keep_next=True),
        "heading4": RoleStyle(font("fangsong"), latin, BODY_PT, keep_next=True),
    }
    page_font = font("songti")
    return Preset("official", body, roles, line_height=LINE_PITCH_PT, char_spacing=CHAR_SPACING,
                  section=section,
                  footers={"rIdFooterOdd": lambda: footer(True, page_font), "rIdFooterEven": lambda: footer(False, page_font)},
                  even_and_odd=True, widow_control=False, alt_fonts=fonts.alt_names(overrides))


PAGE_BREAK = "分页符"  # the label docx/read.py gives a kept w:br w:type="page"


def _plain_runs(runs: list[Run]) -> list[Run]:
    # The layout sets fonts, sizes and colours; emphasis the writer chose stays.
    return [Run(r.text, r.bold, r.italic, r.underline) for r in runs if r.kept is None]


# A run-in heading ("（一）实施老旧小区改造。2024年完成……") is a body paragraph whose lead sentence
# takes the heading's font: as a heading it would keep with the next paragraph and, being several lines
# long, drag its whole self to the next page. The lead's Run.font names a font class until the preset
# knows which fonts this export names (the standard ones, or this machine's).
LEAD_FONT = "@"
_LEAD_CLASS = {"heading1": "heiti", "heading2": "kaiti"}
_LEAD_END = re.compile(r"[。！？；]")


LEAD_MAX_CHARS = 24  # a heading's length; a longer first sentence makes a numbered body paragraph


def run_in_lead(p: Paragraph) -> int | None:
    """Where a heading paragraph's first sentence ends when body text follows it on the same line, else None."""
    if not p.style.startswith("heading"):
        return None
    text = "".join(r.text for r in p.runs if r.kept is None)
    m = _LEAD_END.search(text)
    return m.end() if m and text[m.end():].strip() else None


def _split_at(runs: list[Run], at: int) -> tuple[list[Run], list[Run]]:
    """Runs before and after a character offset (a run across it is cut in two)."""
    head: list[Run] = []
    tail: list[Run] = []
    pos = 0
    for r in runs:
        if pos >= at:
            tail.append(r)
        elif pos + len(r.text) <= at:
            head.append(r)
        else:
            cut = at - pos
            head.append(Run(r.text[:cut], r.bold, r.italic, r.underline))
            tail.append(Run(r.text[cut:], r.bold, r.italic, r.underline))
        pos += len(r.text)
    return head, tail


def _official_paragraph(p: Paragraph) -> Paragraph:
    runs = _plain_runs(p.runs)
    # Typed indentation (　　) would double the layout's two-character indent.
    while runs and not runs[0].text.lstrip(" \u3000\t"):
        runs.pop(0)
    if runs:
        runs[0].text = runs[0].text.lstrip(" \u3000\t")
    style = p.style
    lead = run_in_lead(Paragraph(runs, style=style))
    if lead is not None:
        head, tail = _split_at(runs, lead)
        short = len(strip_numbering("".join(r.text for r in head))) <= LEAD_MAX_CHARS
        cls = _LEAD_CLASS.get(style) if short else None  # a numbered paragraph: body text throughout
        for r in head:
            r.font = LEAD_FONT + cls if cls else None
        runs, style = head + tail, "body"
    return Paragraph(runs, style=style, page_break_before=p.page_break_before,
                     list_kind=p.list_kind, list_level=p.list_level, list_id=p.list_id)


def _name_lead_fonts(doc: Document, available: list[str] | None, fallbacks: dict[str, list[str]] | None) -> None:
    """Give run-in leads the font their class resolves to in this export."""
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    paragraphs += [p for b in doc.blocks if isinstance(b, Table) for row in b.rows for cell in row for p in cell]
    for p in paragraphs:
        for r in p.runs:
            if r.font and r.font.startswith(LEAD_FONT):
                r.font = fonts.resolve(r.font[len(LEAD_FONT):], available, fallbacks)


def prepare_official(doc: Document) -> Document:
    """A copy laid out by the official styles only: roles recognised, direct formatting dropped.

    Content the layout cannot carry (images, footnotes …) is left out and named in `unsupported`.
    """
    from editor.core.formats.draft_text import recognise_roles

    # A Word file styles some paragraphs (Heading 2 for 一、…) but often types its title as a centred,
    # large Normal paragraph: roles are recognised wherever the file left a paragraph plain.
    src = recognise_roles(copy.deepcopy(doc))
    out = Document(default_font=None, default_size=None)
    out.unsupported = list(doc.unsupported)
    for label in doc.kept_labels():
        if label != PAGE_BREAK:
            out.unsupported.append(label)
    break_next = False
    for block in src.blocks:
        if isinstance(block, Paragraph):
            if block.kept_block is None:
                para = _official_paragraph(block)
                # A page break kept from a Word file starts the next paragraph on a new page.
                para.page_break_before = para.page_break_before or break_next
                has_break = any(r.kept and (item := src.kept.get(r.kept)) is not None and item.label == PAGE_BREAK
                                for r in block.runs)
                if has_break and not para.runs:
                    break_next = True  # a paragraph that only held the break: the break alone stays
                    continue
                break_next = has_break
                out.blocks.append(para)
        else:
            out.blocks.append(Table([[[_official_paragraph(p) for p in cell if p.kept_block is None]
                                      for cell in row] for row in block.rows],
                                    widths=_official_widths(block.widths), spans=block.spans, down=block.down))
    return out


def _official_widths(widths: list[float]) -> list[float]:
    """A table's column widths on the official page: as they were, narrowed alike when wider than the text."""
    text = (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT) * 72 / 25.4  # points
    total = sum(widths)
    if total <= text or total <= 0:
        return list(widths)
    return [int(w * text / total * 100) / 100 for w in widths]  # rounded down: never wider than the text


def describe() -> str:
    """One line summarising the layout, for help texts."""
    return (f"A4，页边距 上{MARGIN_TOP} 下{MARGIN_BOTTOM} 左{MARGIN_LEFT} 右{MARGIN_RIGHT} 毫米，"
            f"每页 {LINES} 行、每行 {CHARS} 字")



def _preset(doc: Document, available: list[str] | None, fallbacks: dict[str, list[str]] | None) -> Preset:
    _name_lead_fonts(doc, available, fallbacks)
    return official_preset(available, fallbacks)


OFFICIAL_STYLE = ExportStyle("official", QT_TRANSLATE_NOOP("ExportStyles", "公文格式（GB/T 9704）"), "official: GB/T 9704 公文格式",
                             prepare=prepare_official, preset=_preset)
