"""Style presets and the fixed parts (styles, numbering, settings, fonts) of a new DOCX, built as lxml elements."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"w": W_NS, "r": R_NS}

# role -> (styleId, style name Word knows, outline level). Built-in names make Word's navigation
# pane and outline view work in every UI language (Chinese Word shows "标题 1" for "heading 1").
ROLE_STYLES: dict[str, tuple[str, str, int | None]] = {
    "title": ("Title", "Title", 0),
    "heading1": ("Heading1", "heading 1", 0),
    "heading2": ("Heading2", "heading 2", 1),
    "heading3": ("Heading3", "heading 3", 2),
    "heading4": ("Heading4", "heading 4", 3),
}
# Numbering definitions we add: abstractNum ids, far from Word's own small numbers.
BULLET_ABSTRACT = 9001
NUMBER_ABSTRACT = 9002


def twips(points: float) -> int:
    """Points to twentieths of a point."""
    return round(points * 20)


@dataclass
class RoleStyle:
    """Character and paragraph defaults of one paragraph role."""

    east_asia: str | None = None
    latin: str | None = None
    size: float | None = None  # points
    bold: bool = False
    align: str | None = None
    first_line: float | None = None  # points
    keep_next: bool = False


@dataclass
class Preset:
    """Everything a new package needs besides the body: styles, page set-up, footers."""

    name: str
    default: RoleStyle
    roles: dict[str, RoleStyle] = field(default_factory=dict)
    line_height: float | None = None  # exact pitch, points
    char_spacing: int | None = None  # twentieths of a point, w:spacing in w:rPr
    # w:sectPr (may reference footers as rIdFooterOdd / rIdFooterEven) and the footer parts' roots,
    # made anew for each package (lxml elements belong to one tree).
    section: Callable[[], Any] | None = None
    footers: dict[str, Callable[[], Any]] = field(default_factory=dict)  # rel id -> footer part root
    even_and_odd: bool = False
    # Off in the official style (as in Chinese Word's Normal): every full page holds all 22 lines.
    widow_control: bool = True
    alt_fonts: dict[str, str] = field(default_factory=dict)  # font -> w:altName in fontTable


def w_el(tag: str, parent: Any = None, **attrs: object) -> Any:
    """A w: element with w: attributes in the order given, appended to parent when there is one.

    Elements are built with lxml (qn() names, values escaped by the serialiser): never as strings.
    """
    values = {qn(f"w:{k}"): str(v) for k, v in attrs.items()}
    if parent is None:
        return etree.Element(qn(f"w:{tag}"), values, nsmap=NSMAP)
    return etree.SubElement(parent, qn(f"w:{tag}"), values)


def part_root(tag: str) -> Any:
    """The root element of a new part, declaring the w and r namespaces."""
    return w_el(tag)


def run_fonts(east_asia: str | None, latin: str | None) -> Any:
    """w:rFonts with the East Asian name set (python-docx's font.name leaves it out); None without fonts."""
    if not east_asia and not latin:
        return None
    attrs: dict[str, object] = {}
    if latin:
        attrs.update(ascii=latin, hAnsi=latin, cs=latin)
    if east_asia:
        attrs["eastAsia"] = east_asia
    attrs["hint"] = "eastAsia"  # gives quotation marks, dashes and ellipses to the East Asian font
    return w_el("rFonts", **attrs)


def _rpr(style: RoleStyle, char_spacing: int | None) -> Any:
    rpr = w_el("rPr")
    fonts = run_fonts(style.east_asia, style.latin)
    if fonts is not None:
        rpr.append(fonts)
    if style.bold:
        w_el("b", rpr)
        w_el("bCs", rpr)
    if char_spacing:
        w_el("spacing", rpr, val=char_spacing)
    if style.size:
        half = round(style.size * 2)
        w_el("sz", rpr, val=half)
        w_el("szCs", rpr, val=half)
    return rpr if len(rpr) else None


def _ppr(style: RoleStyle, line_height: float | None, outline: int | None, widow_control: bool = True) -> Any:
    ppr = w_el("pPr")
    if style.keep_next:
        w_el("keepNext", ppr)
    if not widow_control:
        w_el("widowControl", ppr, val=0)
    if line_height:
        w_el("spacing", ppr, before=0, after=0, line=twips(line_height), lineRule="exact")
    if style.first_line is not None:
        w_el("ind", ppr, firstLine=twips(style.first_line))
    if style.align:
        w_el("jc", ppr, val=JC[style.align])
    if outline is not None:
        w_el("outlineLvl", ppr, val=outline)
    return ppr if len(ppr) else None


def _append(parent: Any, *children: Any) -> None:
    for child in children:
        if child is not None:
            parent.append(child)


JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def role_style(role: str, preset: Preset | None) -> Any:
    """One paragraph style element for a role (also used to add missing styles to a source file)."""
    style_id, name, outline = ROLE_STYLES[role]
    rs = preset.roles.get(role, RoleStyle()) if preset else RoleStyle()
    # The title is not an outline level in Word's own Title style; headings are.
    level = None if role == "title" else outline
    st = w_el("style", type="paragraph", styleId=style_id)
    w_el("name", st, val=name)
    w_el("basedOn", st, val="Normal")
    w_el("next", st, val="Normal")
    w_el("qFormat", st)
    _append(st, _ppr(rs, None, level), _rpr(rs, None))
    return st


def styles_part(preset: Preset) -> Any:
    """The w:styles root of word/styles.xml for a new package."""
    d = preset.default
    root = part_root("styles")
    doc_rpr = _rpr(RoleStyle(d.east_asia, d.latin, d.size), preset.char_spacing)
    if doc_rpr is None:
        doc_rpr = w_el("rPr")
    w_el("lang", doc_rpr, val="en-US", eastAsia="zh-CN")
    defaults = w_el("docDefaults", root)
    w_el("rPrDefault", defaults).append(doc_rpr)
    w_el("pPrDefault", defaults)
    normal = w_el("style", root, type="paragraph", default=1, styleId="Normal")
    w_el("name", normal, val="Normal")
    w_el("qFormat", normal)
    _append(normal, _ppr(RoleStyle(align=d.align, first_line=d.first_line), preset.line_height, None,
                         preset.widow_control))
    font = w_el("style", root, type="character", default=1, styleId="DefaultParagraphFont")
    w_el("name", font, val="Default Paragraph Font")
    w_el("uiPriority", font, val=1)
    w_el("semiHidden", font)
    for role in ROLE_STYLES:
        root.append(role_style(role, preset))
    footer = w_el("style", root, type="paragraph", styleId="Footer")
    w_el("name", footer, val="footer")
    w_el("basedOn", footer, val="Normal")
    footer_ppr = w_el("pPr", footer)
    w_el("spacing", footer_ppr, line=240, lineRule="auto")
    w_el("ind", footer_ppr, firstLine=0)
    table = w_el("style", root, type="table", default=1, styleId="TableNormal")
    w_el("name", table, val="Normal Table")
    table_pr = w_el("tblPr", table)
    w_el("tblInd", table_pr, w=0, type="dxa")
    margins = w_el("tblCellMar", table_pr)
    w_el("left", margins, w=108, type="dxa")
    w_el("right", margins, w=108, type="dxa")
    grid = w_el("style", root, type="table", styleId="TableGrid")
    w_el("name", grid, val="Table Grid")
    w_el("basedOn", grid, val="TableNormal")
    borders = w_el("tblBorders", w_el("tblPr", grid))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        w_el(side, borders, val="single", sz=4, space=0, color="auto")
    return root


def abstract_nums() -> list[Any]:
    """Our two list definitions: bullets and decimal numbers, nine levels each."""
    bullets = "•◦▪•◦▪•◦▪"
    out = []
    for abstract_id, fmt in ((BULLET_ABSTRACT, "bullet"), (NUMBER_ABSTRACT, "decimal")):
        an = w_el("abstractNum", abstractNumId=abstract_id)
        w_el("multiLevelType", an, val="hybridMultilevel")
        for lvl in range(9):
            level = w_el("lvl", an, ilvl=lvl)
            w_el("start", level, val=1)
            w_el("numFmt", level, val=fmt)
            w_el("lvlText", level, val=bullets[lvl] if fmt == "bullet" else f"%{lvl + 1}.")
            w_el("lvlJc", level, val="left")
            w_el("ind", w_el("pPr", level), left=420 * (lvl + 1), hanging=420)
        out.append(an)
    return out


def nums(kinds: dict[int, str]) -> list[Any]:
    """w:num elements: numId -> "bullet"/"number"; each list restarts at 1."""
    out = []
    for num_id, kind in kinds.items():
        num = w_el("num", numId=num_id)
        w_el("abstractNumId", num, val=BULLET_ABSTRACT if kind == "bullet" else NUMBER_ABSTRACT)
        w_el("startOverride", w_el("lvlOverride", num, ilvl=0), val=1)
        out.append(num)
    return out


def numbering_part(kinds: dict[int, str]) -> Any:
    """The w:numbering root of word/numbering.xml for a new package."""
    root = part_root("numbering")
    _append(root, *abstract_nums(), *nums(kinds))
    return root


def settings_part(even_and_odd: bool) -> Any:
    """The w:settings root: East Asian line breaking, even/odd footers when asked."""
    root = part_root("settings")
    if even_and_odd:
        w_el("evenAndOddHeaders", root)
    w_el("defaultTabStop", root, val=420)
    w_el("characterSpacingControl", root, val="doNotCompress")
    w_el("compatSetting", w_el("compat", root), name="compatibilityMode",
         uri="http://schemas.microsoft.com/office/word", val=15)
    return root


def font_table_part(fonts: list[str], alt: dict[str, str]) -> Any:
    """The w:fonts root of word/fontTable.xml: each font with its fallback (w:altName) for machines that lack it."""
    root = part_root("fonts")
    for name in fonts:
        font = w_el("font", root, name=name)
        if alt.get(name):
            w_el("altName", font, val=alt[name])
        if not name.isascii():
            w_el("charset", font, val=86)
        w_el("family", font, val="auto")
    return root


def xml_bytes(root: Any) -> bytes:
    """A part's bytes (as python-docx serialises its parts)."""
    return etree.tostring(root, encoding="UTF-8", standalone=True)


CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PART_TYPES = {
    "word/document.xml": f"{CT_MAIN}.document.main+xml",
    "word/styles.xml": f"{CT_MAIN}.styles+xml",
    "word/numbering.xml": f"{CT_MAIN}.numbering+xml",
    "word/settings.xml": f"{CT_MAIN}.settings+xml",
    "word/fontTable.xml": f"{CT_MAIN}.fontTable+xml",
    "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
}
FOOTER_TYPE = f"{CT_MAIN}.footer+xml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_TYPES = {
    "styles": f"{REL}/styles", "numbering": f"{REL}/numbering", "settings": f"{REL}/settings",
    "fontTable": f"{REL}/fontTable", "footer": f"{REL}/footer",
}


def plain_preset(font: str | None = None, size: float | None = None) -> Preset:
    """The editor's look: its default font and size, headings only marked for the outline."""
    # Without an editor font, still name an East Asian font: Word would otherwise use its theme's.
    base = size or PLAIN_BODY_SIZE
    roles = {role: RoleStyle(east_asia=fonts, size=round(base * scale * 2) / 2, bold=bold, align=align,
                             keep_next=True)
             for role, (scale, bold, align, fonts) in PLAIN_ROLE_LOOK.items()}
    return Preset("plain", RoleStyle(east_asia=font or "宋体", latin=font or "Times New Roman", size=size),
                  roles, section=_plain_section)


def _plain_section() -> Any:
    """Word's default A4 page."""
    sect = w_el("sectPr")
    w_el("pgSz", sect, w=11906, h=16838)
    w_el("pgMar", sect, top=1440, right=1800, bottom=1440, left=1800, header=851, footer=992, gutter=0)
    return sect


# How the editor shows each role (gui/document/paragraph_styles.py: Qt's font size adjustment
# 2 is 1.5×, 1 is 1.2× the body size), so a plain Save looks in Word as it did on screen.
PLAIN_BODY_SIZE = 12.0
PLAIN_ROLE_LOOK: dict[str, tuple[float, bool, str | None, str | None]] = {
    "title": (1.5, True, "center", None),
    "heading1": (1.2, True, None, "黑体"),
    "heading2": (1.2, False, None, "楷体"),
    "heading3": (1.0, True, None, None),
    "heading4": (1.0, False, None, None),
}
