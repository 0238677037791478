"""Write the document model as DOCX XML: a fresh package, or the source package with a new body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.formats.docx.styles import JC, ROLE_STYLES, attr, run_fonts_xml, twips
from editor.core.formats.docx.xml_text import escape_text
from editor.core.model.document import LINE_BREAK, OBJECT_CHAR, Document, Paragraph, Run, Table

# Schema order of w:pPr and w:rPr children: Word rejects a file when they are out of order, so
# modelled properties and kept raw ones are merged by these positions.
PPR_ORDER = {n: i for i, n in enumerate(
    ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"])}
RPR_ORDER = {n: i for i, n in enumerate(
    ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"])}
_SEP = "\x1e"
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_AMBIGUOUS = re.compile("[\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]")
_SPLIT = re.compile(f"([\t{LINE_BREAK}\n{OBJECT_CHAR}])")
MARKUP_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
             'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
             'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
             'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
             'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
             'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
             'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
             'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def pack_extras(items: list[tuple[str, str]]) -> str:
    """Raw property elements (local name, xml) as one string the editor can carry."""
    return _SEP.join(f"{name}{_SEP}{xml}" for name, xml in items)


def unpack_extras(packed: str) -> list[tuple[str, str]]:
    """The inverse of pack_extras."""
    if not packed:
        return []
    parts = packed.split(_SEP)
    return list(zip(parts[0::2], parts[1::2]))


def _ordered(items: list[tuple[str, str]], order: dict[str, int]) -> str:
    # A property set both in the model and raw (a stale copy) is written once, the model's first.
    seen: set[str] = set()
    out = []
    for name, xml in sorted(items, key=lambda it: order.get(it[0], 999)):
        if name not in seen:
            seen.add(name)
            out.append(xml)
    return "".join(out)


def clean_text(text: str) -> str:
    """Text safe inside an XML element (control characters dropped, markup escaped)."""
    if _BAD_XML_CHARS.search(text):
        text = _BAD_XML_CHARS.sub("", text)
    if "&" in text or "<" in text or ">" in text:
        text = escape_text(text)
    return text


@dataclass
class BodyContext:
    """What writing a body needs to know about the package it goes into."""

    style_ids: dict[str, str] = field(default_factory=lambda: {r: v[0] for r, v in ROLE_STYLES.items()})
    kept: dict[str, object] = field(default_factory=dict)
    keep_objects: bool = True  # False for a fresh package: kept XML would point at missing parts
    source_links: bool = True  # r:id hyperlinks exist in the package
    first_num_id: int = 9001
    nums: dict[int, str] = field(default_factory=dict)  # numId -> kind, allocated while writing
    list_nums: dict[tuple[int | None, str], int] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # external URL -> new relationship id
    dropped: set[str] = field(default_factory=set)  # labels of kept items not written

    def num_for(self, p: Paragraph) -> int:
        """The numId of a paragraph's list (one per list, so numbering restarts)."""
        key = (p.list_id, p.list_kind or "bullet")
        if key not in self.list_nums:
            num_id = self.first_num_id + len(self.list_nums)
            self.list_nums[key] = num_id
            self.nums[num_id] = key[1]
        return self.list_nums[key]


def run_xml(run: Run, ctx: BodyContext) -> str:
    """One run (or the kept element it stands for)."""
    if run.kept is not None:
        item = ctx.kept.get(run.kept)
        if item is None or getattr(item, "block", False):
            return ""  # a block cannot live inside a paragraph
        if not ctx.keep_objects:
            if getattr(item, "label", ""):
                ctx.dropped.add(item.label)  # type: ignore[attr-defined]
            return ""
        return item.xml  # type: ignore[attr-defined]
    text = run.text
    if run.extra and ctx.keep_objects:
        rpr = _rpr_with_extras(run)
    else:
        # The common case, written in schema order directly (this runs for every run of a file).
        rpr = run_fonts_xml(run.font, run.font) if run.font else \
            '<w:rFonts w:hint="eastAsia"/>' if _AMBIGUOUS.search(text) else ""
        if run.bold:
            rpr += "<w:b/>"
        if run.italic:
            rpr += "<w:i/>"
        if run.color:
            rpr += f"<w:color w:val={attr(run.color)}/>"
        if run.size:
            half = round(run.size * 2)
            rpr += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        if run.underline:
            rpr += '<w:u w:val="single"/>'
        if rpr:
            rpr = f"<w:rPr>{rpr}</w:rPr>"
    if not _SPLIT.search(text):
        return f'<w:r>{rpr}<w:t xml:space="preserve">{clean_text(text)}</w:t></w:r>' if text else ""
    pieces = []
    for chunk in _SPLIT.split(text):
        if not chunk or chunk == OBJECT_CHAR:
            continue
        if chunk == "\t":
            pieces.append("<w:tab/>")
        elif chunk in (LINE_BREAK, "\n"):
            pieces.append("<w:br/>")
        else:
            pieces.append(f'<w:t xml:space="preserve">{clean_text(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>" if pieces else ""


def _rpr_with_extras(run: Run) -> str:
    """w:rPr merging the modelled properties with the raw ones kept from the source."""
    props = unpack_extras(run.extra)
    raw_fonts = next((xml for name, xml in props if name == "rFonts"), "")
    if run.font and attr(run.font) not in raw_fonts:
        # The font was changed in the editor: the new name for every script.
        props = [(n, x) for n, x in props if n != "rFonts"]
        props.insert(0, ("rFonts", run_fonts_xml(run.font, run.font)))
    elif not run.font and raw_fonts:
        props = [(n, x) for n, x in props if n != "rFonts"]
    if not run.font and _AMBIGUOUS.search(run.text):
        # Word sets “ ” — … in the Latin font unless told they belong to the East Asian text.
        props.insert(0, ("rFonts", '<w:rFonts w:hint="eastAsia"/>'))
    if run.bold:
        props.insert(0, ("b", "<w:b/>"))
    if run.italic:
        props.insert(0, ("i", "<w:i/>"))
    if run.underline:
        props.insert(0, ("u", '<w:u w:val="single"/>'))
    if run.color:
        props.insert(0, ("color", f"<w:color w:val={attr(run.color)}/>"))
    if run.size:
        half = round(run.size * 2)
        props.insert(0, ("sz", f'<w:sz w:val="{half}"/>'))
        props.insert(0, ("szCs", f'<w:szCs w:val="{half}"/>'))
    return f"<w:rPr>{_ordered(props, RPR_ORDER)}</w:rPr>" if props else ""


def _runs_xml(runs: list[Run], ctx: BodyContext) -> str:
    """Runs, grouping consecutive runs of one hyperlink into a w:hyperlink."""
    out: list[str] = []
    i = 0
    while i < len(runs):
        link = runs[i].link
        if not link or runs[i].kept is not None:
            out.append(run_xml(runs[i], ctx))
            i += 1
            continue
        j = i
        while j < len(runs) and runs[j].link == link and runs[j].kept is None:
            j += 1
        inner = "".join(run_xml(r, ctx) for r in runs[i:j])
        opening = _hyperlink_open(link, ctx)
        out.append(f"{opening}{inner}</w:hyperlink>" if opening else inner)
        i = j
    return "".join(out)


def _hyperlink_open(link: str, ctx: BodyContext) -> str:
    if link.startswith("#"):
        return f"<w:hyperlink w:anchor={attr(link[1:])}>"
    if link.startswith("rId:"):
        return f"<w:hyperlink r:id={attr(link[4:])}>" if ctx.source_links else ""
    rid = ctx.links.setdefault(link, f"rIdYukuLink{len(ctx.links) + 1}")
    return f"<w:hyperlink r:id={attr(rid)}>"


def paragraph_xml(p: Paragraph, ctx: BodyContext) -> str:
    """One w:p (or the kept block it stands for)."""
    if p.kept_block is not None:
        item = ctx.kept.get(p.kept_block)
        if item is None:
            return ""
        if not ctx.keep_objects:
            ctx.dropped.add(item.label)  # type: ignore[attr-defined]
            return ""
        return item.xml  # type: ignore[attr-defined]
    props: list[tuple[str, str]] = unpack_extras(p.extra) if ctx.keep_objects else []
    if p.style != "body" and p.style in ctx.style_ids:
        props.insert(0, ("pStyle", f"<w:pStyle w:val={attr(ctx.style_ids[p.style])}/>"))
    if p.page_break_before:
        props.insert(0, ("pageBreakBefore", "<w:pageBreakBefore/>"))
    if not p.list_kind:
        props = [(n, x) for n, x in props if n != "numPr"]
    elif not any(n == "numPr" for n, _ in props):
        props.insert(0, ("numPr", f'<w:numPr><w:ilvl w:val="{p.list_level}"/>'
                                  f'<w:numId w:val="{ctx.num_for(p)}"/></w:numPr>'))
    spacing = _spacing_attrs(p)
    if spacing:
        props.insert(0, ("spacing", f"<w:spacing {spacing}/>"))
    ind = _indent_attrs(p)
    if ind:
        props.insert(0, ("ind", f"<w:ind {ind}/>"))
    if p.align:
        props.insert(0, ("jc", f'<w:jc w:val="{JC.get(p.align, "left")}"/>'))
    ppr = f"<w:pPr>{_ordered(props, PPR_ORDER)}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{_runs_xml(p.runs, ctx)}</w:p>"


def _spacing_attrs(p: Paragraph) -> str:
    out = []
    if p.space_before is not None:
        out.append(f'w:before="{twips(p.space_before)}"')
    if p.space_after is not None:
        out.append(f'w:after="{twips(p.space_after)}"')
    if p.line_height:
        out.append(f'w:line="{twips(p.line_height)}" w:lineRule="exact"')
    elif p.line_spacing:
        out.append(f'w:line="{round(p.line_spacing * 240)}" w:lineRule="auto"')
    return " ".join(out)


def _indent_attrs(p: Paragraph) -> str:
    out = []
    if p.left_indent is not None:
        out.append(f'w:left="{twips(p.left_indent)}"')
    if p.right_indent is not None:
        out.append(f'w:right="{twips(p.right_indent)}"')
    if p.first_line_indent is not None:
        if p.first_line_indent < 0:
            out.append(f'w:hanging="{twips(-p.first_line_indent)}"')
        else:
            out.append(f'w:firstLine="{twips(p.first_line_indent)}"')
    return " ".join(out)


def table_xml(t: Table, ctx: BodyContext) -> str:
    """A w:tbl with a grid sized to its widest row."""
    cols = max((len(r) for r in t.rows), default=1) or 1
    width = 8300 // cols
    tbl_pr = t.extra if (t.extra and ctx.keep_objects) else \
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
    rows = []
    for row in t.rows:
        cells = []
        for cell in list(row) + [[] for _ in range(cols - len(row))]:
            body = "".join(paragraph_xml(p, ctx) for p in cell) or "<w:p/>"
            if not cell or cell[-1].kept_block is not None:
                body += "<w:p/>"  # a cell must end with a paragraph
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>')
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    return f"<w:tbl>{tbl_pr}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def body_xml(doc: Document, ctx: BodyContext, section_xml: str) -> str:
    """The w:body content: every block, then the section properties."""
    out = []
    for block in doc.blocks:
        out.append(paragraph_xml(block, ctx) if isinstance(block, Paragraph) else table_xml(block, ctx))
    if out and out[-1].startswith("<w:tbl>"):
        out.append("<w:p/>")  # Word wants a paragraph between a final table and the section
    return "".join(out) + section_xml


def document_xml(doc: Document, ctx: BodyContext, section_xml: str, root_open: str | None = None) -> str:
    """word/document.xml."""
    opening = root_open or f"<w:document {MARKUP_NS}>"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"{opening}<w:body>{body_xml(doc, ctx, section_xml)}</w:body></w:document>")
