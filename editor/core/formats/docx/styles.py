"""Style presets and the fixed package parts (styles, numbering, settings, fonts) of a new DOCX."""
from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.formats.docx.xml_text import quote_attr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS_DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

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


def attr(value: object) -> str:
    """An XML attribute value, quoted and escaped."""
    return quote_attr(str(value))


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
    section_xml: str = ""  # w:sectPr, may reference footers as rIdFooterOdd / rIdFooterEven
    footers: dict[str, str] = field(default_factory=dict)  # rel id -> footer part XML
    even_and_odd: bool = False
    # Off in the official style (as in Chinese Word's Normal): every full page holds all 22 lines.
    widow_control: bool = True
    alt_fonts: dict[str, str] = field(default_factory=dict)  # font -> w:altName in fontTable


def run_fonts_xml(east_asia: str | None, latin: str | None) -> str:
    """w:rFonts with the East Asian name set (python-docx's font.name leaves it out)."""
    if not east_asia and not latin:
        return ""
    parts = []
    if latin:
        parts.append(f"w:ascii={attr(latin)} w:hAnsi={attr(latin)} w:cs={attr(latin)}")
    if east_asia:
        parts.append(f"w:eastAsia={attr(east_asia)}")
    # The hint gives quotation marks, dashes and ellipses to the East Asian font.
    return f'<w:rFonts {" ".join(parts)} w:hint="eastAsia"/>'


def _rpr(style: RoleStyle, char_spacing: int | None) -> str:
    out = run_fonts_xml(style.east_asia, style.latin)
    if style.bold:
        out += "<w:b/><w:bCs/>"
    if char_spacing:
        out += f'<w:spacing w:val="{char_spacing}"/>'
    if style.size:
        half = round(style.size * 2)
        out += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    return f"<w:rPr>{out}</w:rPr>" if out else ""


def _ppr(style: RoleStyle, line_height: float | None, outline: int | None, widow_control: bool = True) -> str:
    out = "<w:keepNext/>" if style.keep_next else ""
    if not widow_control:
        out += '<w:widowControl w:val="0"/>'
    if line_height:
        out += f'<w:spacing w:before="0" w:after="0" w:line="{twips(line_height)}" w:lineRule="exact"/>'
    if style.first_line is not None:
        out += f'<w:ind w:firstLine="{twips(style.first_line)}"/>'
    if style.align:
        out += f'<w:jc w:val="{JC[style.align]}"/>'
    if outline is not None:
        out += f'<w:outlineLvl w:val="{outline}"/>'
    return f"<w:pPr>{out}</w:pPr>" if out else ""


JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def role_style_xml(role: str, preset: Preset | None) -> str:
    """One paragraph style element for a role (also used to add missing styles to a source file)."""
    style_id, name, outline = ROLE_STYLES[role]
    rs = preset.roles.get(role, RoleStyle()) if preset else RoleStyle()
    # The title is not an outline level in Word's own Title style; headings are.
    level = None if role == "title" else outline
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val={attr(name)}/>'
            f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f"{_ppr(rs, None, level)}{_rpr(rs, None)}</w:style>")


def styles_xml(preset: Preset) -> str:
    """word/styles.xml for a new package."""
    d = preset.default
    doc_rpr = _rpr(RoleStyle(d.east_asia, d.latin, d.size), preset.char_spacing)
    doc_rpr = doc_rpr.replace("</w:rPr>", '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>') \
        if doc_rpr else '<w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>'
    normal_ppr = _ppr(RoleStyle(align=d.align, first_line=d.first_line), preset.line_height, None,
                      preset.widow_control)
    styles = [
        f'<w:docDefaults><w:rPrDefault>{doc_rpr}</w:rPrDefault><w:pPrDefault/></w:docDefaults>',
        f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/>{normal_ppr}</w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
    ]
    styles += [role_style_xml(role, preset) for role in ROLE_STYLES]
    styles.append('<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
                  '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>'
                  '<w:ind w:firstLine="0"/></w:pPr></w:style>')
    styles.append('<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
                  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
                  '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>')
    styles.append('<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
                  '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
                  + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                            for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
                  + "</w:tblBorders></w:tblPr></w:style>")
    return f'{XML_HEAD}<w:styles {NS_DECL}>{"".join(styles)}</w:styles>'


def abstract_nums_xml() -> str:
    """Our two list definitions: bullets and decimal numbers, nine levels each."""
    bullets = "•◦▪•◦▪•◦▪"
    out = [f'<w:abstractNum w:abstractNumId="{BULLET_ABSTRACT}"><w:multiLevelType w:val="hybridMultilevel"/>']
    for lvl in range(9):
        out.append(f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
                   f'<w:lvlText w:val="{bullets[lvl]}"/><w:lvlJc w:val="left"/>'
                   f'<w:pPr><w:ind w:left="{420 * (lvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>')
    out.append(f'</w:abstractNum><w:abstractNum w:abstractNumId="{NUMBER_ABSTRACT}">'
               '<w:multiLevelType w:val="hybridMultilevel"/>')
    for lvl in range(9):
        out.append(f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                   f'<w:lvlText w:val="%{lvl + 1}."/><w:lvlJc w:val="left"/>'
                   f'<w:pPr><w:ind w:left="{420 * (lvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>')
    out.append("</w:abstractNum>")
    return "".join(out)


def nums_xml(nums: dict[int, str]) -> str:
    """w:num elements: numId -> "bullet"/"number"; each list restarts at 1."""
    out = []
    for num_id, kind in nums.items():
        abstract = BULLET_ABSTRACT if kind == "bullet" else NUMBER_ABSTRACT
        out.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                   '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    return "".join(out)


def numbering_xml(nums: dict[int, str]) -> str:
    """word/numbering.xml for a new package."""
    return f"{XML_HEAD}<w:numbering {NS_DECL}>{abstract_nums_xml()}{nums_xml(nums)}</w:numbering>"


def settings_xml(even_and_odd: bool) -> str:
    """word/settings.xml: East Asian line breaking, even/odd footers when asked."""
    eo = "<w:evenAndOddHeaders/>" if even_and_odd else ""
    return (f"{XML_HEAD}<w:settings {NS_DECL}>{eo}<w:defaultTabStop w:val=\"420\"/>"
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
            ' w:val="15"/></w:compat></w:settings>')


def font_table_xml(fonts: list[str], alt: dict[str, str]) -> str:
    """word/fontTable.xml: each font with its fallback (w:altName) for machines that lack it."""
    out = []
    for name in fonts:
        alt_xml = f"<w:altName w:val={attr(alt[name])}/>" if alt.get(name) else ""
        charset = "" if name.isascii() else '<w:charset w:val="86"/>'
        out.append(f"<w:font w:name={attr(name)}>{alt_xml}{charset}<w:family w:val=\"auto\"/></w:font>")
    return f'{XML_HEAD}<w:fonts {NS_DECL}>{"".join(out)}</w:fonts>'


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


def content_types_xml(parts: dict[str, str]) -> str:
    """[Content_Types].xml for part name -> content type."""
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{ct}"/>' for name, ct in parts.items())
    return (f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>")


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    """A .rels part from (id, type, target)."""
    body = "".join(f'<Relationship Id="{rid}" Type="{typ}" Target={attr(target)}/>' for rid, typ, target in rels)
    return f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


ROOT_RELS = rels_xml([
    ("rId1", f"{REL}/officeDocument", "word/document.xml"),
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
     "docProps/core.xml"),
])


def core_xml(created: str) -> str:
    """docProps/core.xml with the creation time (golden tests ignore it)."""
    return (f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>语库 Yuku</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>')


def plain_preset(font: str | None = None, size: float | None = None) -> Preset:
    """The editor's look: its default font and size, headings only marked for the outline."""
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" '
               'w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    # Without an editor font, still name an East Asian font: Word would otherwise use its theme's.
    base = size or PLAIN_BODY_SIZE
    roles = {role: RoleStyle(east_asia=fonts, size=round(base * scale * 2) / 2, bold=bold, align=align,
                             keep_next=True)
             for role, (scale, bold, align, fonts) in PLAIN_ROLE_LOOK.items()}
    return Preset("plain", RoleStyle(east_asia=font or "宋体", latin=font or "Times New Roman", size=size),
                  roles, section_xml=section)


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
