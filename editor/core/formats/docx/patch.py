"""Save a document into its source package by patching the source XML, never rebuilding it.

A block whose signature still matches (model.untouched) is written back as the very element it was
read from; an edited paragraph is a copy of its source with only what changed patched in
(patch_runs.py); an edited cell patches that cell's paragraphs inside a copy of the source table.
Elements that show nothing (bookmarks, w:sectPr …) stay where they were. The source tree itself is
never changed, only copies of its edited elements, so save.py can reuse one parse for many saves.
"""
from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

from lxml import etree

from editor.core.formats.docx.patch_runs import patch_paragraph
from editor.core.formats.docx.patch_xml import (
    _attr,
    _index,
    _put,
    _remove,
    block_text,
    new_table,
    set_children,
)
from editor.core.formats.docx.read_props import PropsReader
from editor.core.formats.docx.safety import xml_parser
from editor.core.formats.docx.structure import LEADING, W, block_content, is_block, table_rows
from editor.core.formats.docx.styles import JC, ROLE_STYLES, twips
from editor.core.formats.docx.write import PPR_ORDER, RPR_ORDER
from editor.core.model.document import LINE_BREAK, OBJECT_CHAR, Paragraph, Run, Table, untouched

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_AMBIGUOUS = frozenset("\u2018\u2019\u201c\u201d\u2014\u2026\u00b7")
_WHOLE = frozenset((W + "p", W + "tbl"))  # elements one block stands for, whole
_SPECIAL = {"\u2011": "noBreakHyphen", "\u00ad": "softHyphen"}  # as the reader shows these elements
_BAD_XML = frozenset(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF))


class Patcher(PropsReader):
    """Writes model blocks into a parsed source body."""

    def __init__(self, nsmap: dict[str | None, str], kept: dict[str, Any],
                 styles: Callable[[], tuple[dict[str, str], dict[str, str]]],
                 numbering: Callable[[], tuple[dict[str, dict[str, str]], int]]) -> None:
        self.nsmap = nsmap
        self.kept = kept
        # (roles, role style ids) and (list kinds, first free numId): read from the package's styles
        # and numbering parts only when an edited paragraph needs them (an unedited save never does).
        self._styles_loader, self._numbering_loader = styles, numbering
        self._styles: tuple[dict[str, str], dict[str, str]] | None = None
        self._numbering: tuple[dict[str, dict[str, str]], int] | None = None
        self.nums: dict[int, str] = {}  # numId -> kind of lists the editor started
        self.list_nums: dict[tuple[int | None, str], int] = {}
        self.links: dict[str, str] = {}  # external URL -> new relationship id
        self.roles_used: set[str] = set()
        self._fresh_paragraph = False
        self.clean_ids: dict[int, bool] = {}  # id(block) -> untouched, when the caller knows
        self.changed = False  # anything patched in place (tables, content controls) or written anew
        # Kept XML leaves out the root's namespace declarations: a wrapper element makes them again.
        wrap = etree.tostring(etree.Element(W + "wrap", nsmap=nsmap), encoding="unicode")
        self._open, self._close = wrap[:-2] + ">", "</" + wrap[1:].split(" ", 1)[0].rstrip("/>") + ">"

    def raw(self, el: Any) -> str:
        """Not used: patching never stores XML aside."""
        return ""

    def _style_info(self) -> tuple[dict[str, str], dict[str, str]]:
        if self._styles is None:
            self._styles = self._styles_loader()
        return self._styles

    def _numbering_info(self) -> tuple[dict[str, dict[str, str]], int]:
        if self._numbering is None:
            self._numbering = self._numbering_loader()
        return self._numbering

    @property
    def roles(self) -> dict[str, str]:  # type: ignore[override]
        """Style id -> role, of the package's styles part."""
        return self._style_info()[0]

    @property
    def num_kinds(self) -> dict[str, dict[str, str]]:  # type: ignore[override]
        """NumId -> level -> list kind, of the package's numbering part."""
        return self._numbering_info()[0]

    @property
    def style_ids(self) -> dict[str, str]:
        """Role -> the package's own style id for it."""
        return self._style_info()[1]

    @property
    def first_num_id(self) -> int:
        """The first numId the package does not use."""
        return self._numbering_info()[1]

    def fragment(self, xml: str) -> Any:
        """An element from kept XML, its namespaces resolved against the source root's."""
        wrapper = etree.fromstring((self._open + xml + self._close).encode("utf-8"),
                                   xml_parser())
        return wrapper[0]

    # -- containers ---------------------------------------------------------------------------

    def children(self, orig: list[Any], blocks: list[Any], prefix: str, in_cell: bool) -> list[Any]:
        """New children of a body, cell or content control: source elements kept, edited ones patched."""
        out = [el for el in orig if el.tag in LEADING]
        used: set[int] = set()
        last = -1
        n = len(orig)
        idxs = [_index(b.origin, prefix, n) for b in blocks]
        i = 0
        while i < len(blocks):
            idx = idxs[i]
            j = i + 1
            while j < len(blocks) and idx is not None and idxs[j] == idx:
                j += 1
            if idx is not None and idx == last + 1 and j == i + 1 and idx not in used and \
                    self.clean(blocks[i]) and orig[idx].tag in _WHOLE:
                out.append(orig[idx])  # the usual case, kept short: an untouched paragraph or table
                used.add(idx)
                last = idx
                i = j
                continue
            group = blocks[i:j]
            i = j
            if idx is None or not is_block(orig[idx]):
                out.extend(self.fresh(b, in_cell) for b in group)
                continue
            if idx > last:
                out.extend(el for el in orig[last + 1:idx] if not is_block(el) and el.tag not in LEADING)
                last = idx
            el = orig[idx] if idx not in used else deepcopy(orig[idx])
            used.add(idx)
            out.extend(self.element(el, group, f"{prefix}{idx}/", in_cell))
        out.extend(el for el in orig[last + 1:] if not is_block(el) and el.tag not in LEADING)
        return out

    def clean(self, block: Any) -> bool:
        """untouched(block), answered from the save's own check when it made one."""
        known = self.clean_ids.get(id(block))
        return untouched(block) if known is None else known

    def element(self, el: Any, group: list[Any], prefix: str, in_cell: bool) -> list[Any]:
        """A source element and the blocks read from it, as the elements to write."""
        if el.tag == W + "p":
            if len(group) == 1 and isinstance(group[0], Paragraph) and self.clean(group[0]):
                return [el]
            own = [k for k, b in enumerate(group) if isinstance(b, Paragraph) and b.kept_block is None]
            out = []
            for k, b in enumerate(group):
                if k in own:  # each patches its own copy: the source tree is never changed (save.py reuses it)
                    assert isinstance(b, Paragraph)
                    out.append(patch_paragraph(self, b, deepcopy(el),
                                               keep_sect=k == own[-1], first=k == own[0], last=k == own[-1]))
                else:
                    out.append(self.fresh(b, in_cell))
            return out
        if el.tag == W + "tbl" and len(group) == 1 and isinstance(group[0], Table):
            return [el if self.clean(group[0]) else self.table(deepcopy(el), group[0])]
        content = block_content(el)
        if content is not None and any(b.origin and b.origin.startswith(prefix) for b in group):
            new = self.children(list(content), group, prefix, in_cell)
            if len(new) != len(content) or any(a is not b for a, b in zip(new, content)):
                el = deepcopy(el)  # a copy to change (the source tree is never changed)
                set_children(block_content(el), [deepcopy(x) if x.getparent() is content else x for x in new])
                self.changed = True
            return [el]
        return [el if isinstance(b, Paragraph) and b.kept_block is not None and untouched(b)
                else self.fresh(b, in_cell) for b in group]

    def fresh(self, block: Any, in_cell: bool) -> Any:
        """A block with no source element (typed, pasted, or a kept block moved away from its source)."""
        if isinstance(block, Table):
            return new_table(block, lambda p: self.fresh(p, in_cell=True)) if not in_cell else self.paragraph(Paragraph([Run(block_text(block))]))
        if block.kept_block is not None:
            item = self.kept.get(block.kept_block)
            return self.fragment(item.xml) if item is not None else self.paragraph(Paragraph())
        return self.paragraph(block)

    # -- tables ---------------------------------------------------------------------------------

    def table(self, tbl: Any, t: Table) -> Any:
        """A copy of the source table with only its edited cells' paragraphs patched (grid, borders, merges kept)."""
        self.changed = True
        rows = table_rows(tbl)
        for r, mrow in enumerate(t.rows):
            if r >= len(rows):
                if not rows or not rows[-1]:
                    break
                template = rows[-1][0].getparent()
                new_tr = deepcopy(template)
                template.addnext(new_tr)
                rows.append([tc for tc in new_tr if tc.tag == W + "tc"])
                for tc in rows[-1]:
                    tc[:] = [ch for ch in tc if ch.tag == W + "tcPr"] + [etree.Element(W + "p")]
            for c, cell in enumerate(mrow):
                if c < len(rows[r]) and t.span(r, c)[1] == 0:
                    continue  # under a merged cell: hidden in the editor, its w:tc kept as it is
                if c < len(rows[r]):
                    self.cell(rows[r][c], cell, f"{t.origin}/{r},{c}/")
                elif rows[r]:  # a cell the source row lacks (Qt pads short rows): its text goes last
                    rows[r][-1].extend(self.paragraph(p) for p in cell if p.text)
        for row in rows[len(t.rows):]:
            if row and (tr := row[0].getparent()) is not None and tr.getparent() is not None:
                tr.getparent().remove(tr)
        return tbl

    def cell(self, tc: Any, paras: list[Paragraph], prefix: str) -> None:
        """One cell's content patched in place; a cell ends with a paragraph."""
        if all(untouched(p) and p.origin and p.origin.startswith(prefix) for p in paras) and \
                [p.origin for p in paras] == [f"{prefix}{i}" for i, el in enumerate(tc) if is_block(el)]:
            return
        new = self.children(list(tc), paras, prefix, in_cell=True)
        blocks = [el for el in new if is_block(el)]
        if not blocks or blocks[-1].tag != W + "p":
            new.append(etree.Element(W + "p"))
        set_children(tc, new)

    # -- paragraphs -----------------------------------------------------------------------------

    def paragraph(self, p: Paragraph) -> Any:
        """A new w:p (no source element; see patch_runs.py for edited ones): its w:pPr from p.extra, the model's runs."""
        self.changed = True
        self._fresh_paragraph = True
        new = etree.Element(W + "p")
        ppr = self.fragment(p.extra) if p.extra else etree.Element(W + "pPr")
        self.patch_ppr(ppr, p)
        if len(ppr) or ppr.attrib:
            new.append(ppr)
        self.runs(new, p.runs)
        return new

    def patch_ppr(self, ppr: Any, p: Paragraph) -> None:
        """Set in a w:pPr only the properties whose modelled value differs from what it says now."""
        base = Paragraph()
        self.paragraph_props(base, ppr, keep=False)
        if p.style != base.style:
            _remove(ppr, "pStyle", "outlineLvl")
            if p.style != "body":
                self.roles_used.add(p.style)
                _put(ppr, "pStyle", PPR_ORDER, val=self.style_ids.get(p.style, ROLE_STYLES[p.style][0]))
        if p.align != base.align:
            _remove(ppr, "jc")
            if p.align:
                _put(ppr, "jc", PPR_ORDER, val=JC.get(p.align, "left"))
        if p.page_break_before != base.page_break_before:
            _remove(ppr, "pageBreakBefore")
            if p.page_break_before:
                _put(ppr, "pageBreakBefore", PPR_ORDER)
        if (p.list_kind, p.list_level, p.list_id) != (base.list_kind, base.list_level, base.list_id):
            _remove(ppr, "numPr")
            if p.list_kind:
                num = _put(ppr, "numPr", PPR_ORDER)
                etree.SubElement(num, W + "ilvl", {W + "val": str(p.list_level)})
                etree.SubElement(num, W + "numId", {W + "val": str(self.num_for(p))})
        spacing = {"before": (p.space_before, base.space_before), "after": (p.space_after, base.space_after)}
        if (p.line_spacing, p.line_height) != (base.line_spacing, base.line_height) or \
                any(a != b for a, b in spacing.values()):
            el = ppr.find(W + "spacing")
            el = _put(ppr, "spacing", PPR_ORDER) if el is None else el
            for name, (now, _was) in spacing.items():
                _attr(el, name, twips(now) if now is not None else None)
                el.attrib.pop(W + name + "Lines", None)
                el.attrib.pop(W + name + "Autospacing", None)
            line = twips(p.line_height) if p.line_height else round(p.line_spacing * 240) if p.line_spacing else None
            _attr(el, "line", line)
            _attr(el, "lineRule", ("exact" if p.line_height else "auto") if line is not None else None)
        indents = (p.left_indent, p.right_indent, p.first_line_indent)
        if indents != (base.left_indent, base.right_indent, base.first_line_indent):
            el = ppr.find(W + "ind")
            el = _put(ppr, "ind", PPR_ORDER) if el is None else el
            for names, value in ((("left", "start"), p.left_indent), (("right", "end"), p.right_indent)):
                for name in (*names, names[0] + "Chars", names[1] + "Chars"):
                    el.attrib.pop(W + name, None)
                _attr(el, names[0], twips(value) if value is not None else None)
            for name in ("hanging", "firstLine", "hangingChars", "firstLineChars"):
                el.attrib.pop(W + name, None)
            fl = p.first_line_indent
            if fl is not None:
                _attr(el, "hanging" if fl < 0 else "firstLine", twips(abs(fl)))

    def num_for(self, p: Paragraph) -> int:
        """The numId of a list the editor made (one per list, so numbering restarts)."""
        if p.list_id is not None and str(p.list_id) in self.num_kinds and \
                self.num_kinds[str(p.list_id)].get(str(p.list_level), p.list_kind) == p.list_kind:
            return p.list_id
        key = (p.list_id, p.list_kind or "bullet")
        if key not in self.list_nums:
            self.list_nums[key] = self.first_num_id + len(self.list_nums)
            self.nums[self.list_nums[key]] = key[1]
        return self.list_nums[key]

    # -- runs -------------------------------------------------------------------------------------

    def runs(self, parent: Any, runs: list[Run]) -> None:
        """The model's runs into a w:p, wrapped again in their content controls and hyperlinks."""
        wrap: str | None = None
        link: str | None = None
        outer = holder = parent
        for run in runs:
            if run.wrap != wrap:
                wrap, link, outer = run.wrap, None, parent
                item = self.kept.get(run.wrap) if run.wrap else None
                if item is not None:
                    shell = self.fragment(item.xml)
                    parent.append(shell)
                    content = shell.find(W + "sdtContent")
                    outer = content if content is not None else shell
                holder = outer
            if run.kept is not None:
                item = self.kept.get(run.kept)
                if item is not None and not item.block:
                    outer.append(self.fragment(item.xml))
                holder, link = outer, None
                continue
            if run.link != link:
                holder, link = outer, run.link
                if run.link:
                    holder = etree.SubElement(outer, W + "hyperlink")
                    if run.link.startswith("#"):
                        holder.set(W + "anchor", run.link[1:])
                    elif run.link.startswith("rId:"):
                        holder.set(f"{{{R_NS}}}id", run.link[4:])
                    else:
                        holder.set(f"{{{R_NS}}}id", self.links.setdefault(run.link, f"rIdYukuLink{len(self.links) + 1}"))
            self.run(holder, run)

    def run(self, parent: Any, run: Run) -> None:
        """One w:r: the source w:rPr with only the changed properties patched, then the text."""
        text = "".join(ch for ch in run.text if ch not in _BAD_XML and not 0xD800 <= ord(ch) <= 0xDFFF)
        if not text:
            return
        r = etree.SubElement(parent, W + "r")
        rpr = self.fragment(run.extra) if run.extra else etree.Element(W + "rPr")
        self.patch_rpr(rpr, run, fresh=self._fresh_paragraph and not run.extra)
        if len(rpr):
            r.append(rpr)
        piece: list[str] = []

        def flush() -> None:
            if piece:
                t = etree.SubElement(r, W + "t")
                t.text = "".join(piece)
                if t.text != t.text.strip() or "  " in t.text:
                    t.set(XML_SPACE, "preserve")
                piece.clear()
        for ch in text:
            if ch == "\t":
                flush()
                etree.SubElement(r, W + "tab")
            elif ch in (LINE_BREAK, "\n"):
                flush()
                etree.SubElement(r, W + "br")
            elif ch in _SPECIAL:
                flush()
                etree.SubElement(r, W + _SPECIAL[ch])
            elif ch != OBJECT_CHAR:
                piece.append(ch)
        flush()

    def patch_rpr(self, rpr: Any, run: Run, fresh: bool) -> None:
        """Set in a w:rPr only the formatting whose modelled value differs from what it says now."""
        b, i, u, font, size, color, _ = self.run_props(rpr, keep=False)
        for name, now, was in (("b", run.bold, b), ("i", run.italic, i)):
            if now != was:
                _remove(rpr, name, name + "Cs")
                if now:
                    _put(rpr, name, RPR_ORDER)
        if run.underline != u:
            _remove(rpr, "u")
            if run.underline:
                _put(rpr, "u", RPR_ORDER, val="single")
        if run.color != color:
            _remove(rpr, "color")
            if run.color:
                _put(rpr, "color", RPR_ORDER, val=run.color)
        if run.size != size:
            _remove(rpr, "sz", "szCs")
            if run.size:
                half = str(round(run.size * 2))
                _put(rpr, "sz", RPR_ORDER, val=half)
                _put(rpr, "szCs", RPR_ORDER, val=half)
        if run.font != font:
            _remove(rpr, "rFonts")
            if run.font:
                _put(rpr, "rFonts", RPR_ORDER, **{"ascii": run.font, "hAnsi": run.font, "eastAsia": run.font})
        if fresh and not run.font and rpr.find(W + "rFonts") is None and _AMBIGUOUS.intersection(run.text):
            # Word sets “ ” — … in the Latin font unless told they belong to the East Asian text.
            _put(rpr, "rFonts", RPR_ORDER, hint="eastAsia")
