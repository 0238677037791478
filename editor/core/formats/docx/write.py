"""Write the document model as the body of a new DOCX package, as lxml elements (never XML strings).

A file opened from a package is saved by patching that package (docx/save.py); this writer makes the
body of a new one (files.docx_bytes), in the plain or the official export style.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from editor.core.formats.docx.structure import written_grid
from editor.core.formats.docx.styles import JC, R_NS, ROLE_STYLES, W_NS, run_fonts, twips, w_el
from editor.core.model.document import LINE_BREAK, OBJECT_CHAR, Document, Paragraph, Run, Table

# Schema order of w:pPr and w:rPr children: Word rejects a file when they are out of order, so
# modelled properties and kept raw ones are merged by these positions.
PPR_ORDER = {n: i for i, n in enumerate(
    ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"])}
RPR_ORDER = {n: i for i, n in enumerate(
    ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"])}
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_AMBIGUOUS = re.compile("[\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]")
_SPLIT = re.compile(f"([\t{LINE_BREAK}\n{OBJECT_CHAR}])")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The namespaces a new document.xml declares (as Word's own template does).
MARKUP_NSMAP = {
    "w": W_NS, "r": R_NS,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml", "o": "urn:schemas-microsoft-com:office:office",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}


def clean_text(text: str) -> str:
    """Text XML can hold: control characters dropped (lxml escapes the markup characters)."""
    return _BAD_XML_CHARS.sub("", text) if _BAD_XML_CHARS.search(text) else text


@dataclass
class BodyContext:
    """What writing a new body needs to know and tells the package around it."""

    style_ids: dict[str, str] = field(default_factory=lambda: {r: v[0] for r, v in ROLE_STYLES.items()})
    kept: dict[str, object] = field(default_factory=dict)  # kept items are not written: they point at parts
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


def _text(parent: Any, tag: str, text: str) -> None:
    el = w_el(tag, parent)
    el.set(XML_SPACE, "preserve")
    el.text = clean_text(text)


def add_run(parent: Any, run: Run, ctx: BodyContext) -> None:
    """One run into parent (kept content is left out and named in ctx.dropped)."""
    if run.kept is not None:
        item = ctx.kept.get(run.kept)
        if item is not None and not getattr(item, "block", False) and str(getattr(item, "label", "")):
            ctx.dropped.add(item.label)  # type: ignore[attr-defined]
        return
    text = run.text
    pieces = [c for c in _SPLIT.split(text) if c and c != OBJECT_CHAR] if _SPLIT.search(text) else \
        ([text] if text else [])
    if not pieces:
        return
    r = w_el("r", parent)
    rpr = w_el("rPr", r)
    fonts = run_fonts(run.font, run.font) if run.font else \
        w_el("rFonts", hint="eastAsia") if _AMBIGUOUS.search(text) else None
    if fonts is not None:
        rpr.append(fonts)
    if run.bold:
        w_el("b", rpr)
    if run.italic:
        w_el("i", rpr)
    if run.color:
        w_el("color", rpr, val=run.color)
    if run.size:
        half = round(run.size * 2)
        w_el("sz", rpr, val=half)
        w_el("szCs", rpr, val=half)
    if run.underline:
        w_el("u", rpr, val="single")
    if not len(rpr):
        r.remove(rpr)
    for piece in pieces:
        if piece == "\t":
            w_el("tab", r)
        elif piece in (LINE_BREAK, "\n"):
            w_el("br", r)
        else:
            _text(r, "t", piece)


def _add_runs(parent: Any, runs: list[Run], ctx: BodyContext) -> None:
    """Runs, consecutive runs of one hyperlink grouped in a w:hyperlink."""
    i = 0
    while i < len(runs):
        link = runs[i].link
        if not link or runs[i].kept is not None:
            add_run(parent, runs[i], ctx)
            i += 1
            continue
        j = i
        while j < len(runs) and runs[j].link == link and runs[j].kept is None:
            j += 1
        holder = _hyperlink(parent, link, ctx)
        for r in runs[i:j]:
            add_run(holder, r, ctx)
        i = j


def _hyperlink(parent: Any, link: str, ctx: BodyContext) -> Any:
    """The w:hyperlink runs of a link go into (parent itself for a link to the source package's parts)."""
    if link.startswith("#"):
        return w_el("hyperlink", parent, anchor=link[1:])
    if link.startswith("rId:"):
        return parent  # a relationship of a package this new one does not have
    holder = w_el("hyperlink", parent)
    holder.set(qn("r:id"), ctx.links.setdefault(link, f"rIdYukuLink{len(ctx.links) + 1}"))
    return holder


def paragraph_el(p: Paragraph, ctx: BodyContext) -> Any:
    """One w:p (None for a kept block, which is named in ctx.dropped)."""
    if p.kept_block is not None:
        item = ctx.kept.get(p.kept_block)
        if item is not None:
            ctx.dropped.add(item.label)  # type: ignore[attr-defined]
        return None
    el = w_el("p")
    ppr = w_el("pPr", el)  # children in schema order (PPR_ORDER)
    if p.style != "body" and p.style in ctx.style_ids:
        w_el("pStyle", ppr, val=ctx.style_ids[p.style])
    if p.page_break_before:
        w_el("pageBreakBefore", ppr)
    if p.list_kind:
        num = w_el("numPr", ppr)
        w_el("ilvl", num, val=p.list_level)
        w_el("numId", num, val=ctx.num_for(p))
    spacing: dict[str, object] = {}
    if p.space_before is not None:
        spacing["before"] = twips(p.space_before)
    if p.space_after is not None:
        spacing["after"] = twips(p.space_after)
    if p.line_height:
        spacing.update(line=twips(p.line_height), lineRule="exact")
    elif p.line_spacing:
        spacing.update(line=round(p.line_spacing * 240), lineRule="auto")
    if spacing:
        w_el("spacing", ppr, **spacing)
    ind: dict[str, object] = {}
    if p.left_indent is not None:
        ind["left"] = twips(p.left_indent)
    if p.right_indent is not None:
        ind["right"] = twips(p.right_indent)
    if p.first_line_indent is not None:
        ind["hanging" if p.first_line_indent < 0 else "firstLine"] = twips(abs(p.first_line_indent))
    if ind:
        w_el("ind", ppr, **ind)
    if p.align:
        w_el("jc", ppr, val=JC.get(p.align, "left"))
    if not len(ppr):
        el.remove(ppr)
    _add_runs(el, p.runs, ctx)
    return el


def table_el(t: Table, ctx: BodyContext) -> Any:
    """A w:tbl with single borders (Table Grid), its grid (equal columns unless it has widths) and merged cells."""
    grid, layout = written_grid(t)
    tbl = w_el("tbl")
    tbl_pr = w_el("tblPr", tbl)
    w_el("tblStyle", tbl_pr, val="TableGrid")
    w_el("tblW", tbl_pr, w=0, type="auto")
    grid_el = w_el("tblGrid", tbl)
    for width in grid:
        w_el("gridCol", grid_el, w=width)
    for row, cells in zip(t.rows, layout):
        tr = w_el("tr", tbl)
        for cell, (width, span, merge) in zip(list(row) + [[] for _ in range(len(cells) - len(row))], cells):
            tc = w_el("tc", tr)
            tc_pr = w_el("tcPr", tc)
            w_el("tcW", tc_pr, w=width, type="dxa")
            if span > 1:
                w_el("gridSpan", tc_pr, val=span)
            if merge == "restart":
                w_el("vMerge", tc_pr, val=merge)
            elif merge:
                w_el("vMerge", tc_pr)
            written = [el for el in (paragraph_el(p, ctx) for p in cell) if el is not None]
            tc.extend(written)
            if not written or written[-1].tag != qn("w:p"):
                w_el("p", tc)  # a cell must end with a paragraph (one: an empty cell is one line tall)
    return tbl


def document_part(doc: Document, ctx: BodyContext, section: Any) -> Any:
    """The w:document root of word/document.xml: every block, then the section properties."""
    root = etree.Element(qn("w:document"), nsmap=MARKUP_NSMAP)
    body = w_el("body", root)
    last = None
    for block in doc.blocks:
        last = paragraph_el(block, ctx) if isinstance(block, Paragraph) else table_el(block, ctx)
        if last is not None:
            body.append(last)
    if last is not None and last.tag == qn("w:tbl"):
        w_el("p", body)  # Word wants a paragraph between a final table and the section
    if section is not None:
        body.append(section)
    return root
