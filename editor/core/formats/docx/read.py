"""Read a checked DOCX package into the document model, keeping aside what the editor cannot show."""
from __future__ import annotations

import gc
import re
from typing import Any

from editor.core.formats.docx.read_fast import Mismatch, prepare
from editor.core.formats.docx.read_props import PropsReader, list_kinds, local_name, paragraph_roles
from editor.core.formats.docx.safety import DocxPackage
from editor.core.formats.docx.styles import W_NS
from editor.core.model.document import (
    LINE_BREAK,
    OBJECT_CHAR,
    Document,
    KeptItem,
    Paragraph,
    Run,
    Table,
)

W = f"{{{W_NS}}}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
M_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC_NS = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SECT_KEY = "__sectPr__"
ROOT_KEY = "__root__"
_DROP_INLINE = {"proofErr", "permStart", "permEnd", "lastRenderedPageBreak", "noProof"}
_DESCEND = {"smartTag", "customXml", "dir", "bdo", "ins", "moveTo"}
_LABELS = {"footnoteReference": "脚注", "endnoteReference": "尾注", "commentReference": "批注",
           "object": "嵌入对象", "sym": "符号", "fldSimple": "域", "ruby": "拼音"}


T_T, T_RPR, T_BR, T_R, T_P, T_PPR = W + "t", W + "rPr", W + "br", W + "r", W + "p", W + "pPr"
T_TYPE, T_VAL = W + "type", W + "val"
_SIMPLE_TEXT = {W + "tab": "\t", W + "cr": LINE_BREAK, W + "noBreakHyphen": "\u2011", W + "softHyphen": "\u00ad"}
_PLAIN: tuple = (False, False, False, None, None, None, "")


class _Reader(PropsReader):
    """One pass over word/document.xml."""

    def __init__(self, pkg: DocxPackage, fast: bool = True) -> None:
        self.pkg = pkg
        self.fast = fast
        self.doc = Document(source=pkg.data)
        self.decls: re.Pattern[str] | None = None
        self.counter = 0
        self.go_back: set[str] = set()
        self.opening = ""
        self._body: Any = None
        self.roles = paragraph_roles(pkg, self._part("styles"))
        self.num_kinds = list_kinds(pkg, self._part("numbering"))

    def _part(self, rel_type: str) -> str | None:
        """The main part's internal relationship target of this type (styles, numbering), if any."""
        for typ, target, external in self.pkg.rels(self.pkg.main_part).values():
            if typ.endswith("/" + rel_type) and not external and target in self.pkg.names:
                return target
        return None

    # -- helpers --------------------------------------------------------------------------------

    def raw(self, el: Any) -> str:
        """An element's XML without the namespace declarations the kept root already makes."""
        from lxml import etree

        text = etree.tostring(el, encoding="unicode", with_tail=False)
        end = text.find(">")
        assert self.decls is not None
        return self.decls.sub("", text[:end]) + text[end:]

    def keep(self, xml: str, label: str, block: bool = False) -> str:
        """Store content aside and return its key."""
        self.counter += 1
        key = f"k{self.counter}"
        self.doc.kept[key] = KeptItem(xml, label, block)
        return key

    def note(self, what: str) -> None:
        """Remember content that will not survive a save."""
        if what not in self.doc.unsupported:
            self.doc.unsupported.append(what)

    # -- body -------------------------------------------------------------------------------------

    def read(self) -> Document:
        """The whole document."""
        raw = self.pkg.read(self.pkg.main_part)
        # The root's start tag (namespaces, mc:Ignorable) is written back as it was.
        m = re.search(r"<([A-Za-z_][\w.-]*:)?document\b[^>]*>",
                      raw[:65536].decode("utf-8", errors="replace"))
        opening = m.group(0) if m else ""
        if f'="{W_NS}"' not in opening or not opening.startswith("<w:"):
            opening = ""  # an unusual prefix: write our own root, the kept XML declares its own names
        self.opening = opening
        if opening:
            self.doc.kept[ROOT_KEY] = KeptItem(opening, "", True)
        blocks = self.fast_blocks(raw, opening) if self.fast and opening else None
        self.doc.blocks = self.blocks(self.body()) if blocks is None else blocks
        return self.doc

    def body(self) -> Any:
        """w:body of the parsed main part."""
        if self._body is None:
            root = self.pkg.xml(self.pkg.main_part)
            self.decls = _declarations(root.nsmap if self.opening else {})
            self._body = root.find(W + "body")
            if self._body is None:
                raise self.pkg.fail("文件缺少正文（w:body），不是完整的 Word 文档 / no document body")
        return self._body

    def blocks(self, parent: Any) -> list[Paragraph | Table]:
        """Paragraphs and tables of a body or table cell."""
        out: list[Paragraph | Table] = []
        in_cell = parent.tag == W + "tc"
        for el in parent:
            self.block(el, out, in_cell)
        return out

    def block(self, el: Any, out: list[Paragraph | Table], in_cell: bool = False) -> None:
        """One child of a body or table cell, appended to out."""
        tag = el.tag
        if tag == T_P:
            out.extend(self.paragraph(el))
        elif tag == W + "tbl":
            if in_cell:
                out.append(Paragraph(kept_block=self.keep(self.raw(el), "嵌套表格", True)))
            else:
                out.append(self.table(el))
        elif tag == W + "sectPr":
            self.doc.kept[SECT_KEY] = KeptItem(self.raw(el), "", True)
        elif tag in (W + "bookmarkStart", W + "bookmarkEnd", W + "proofErr", W + "tcPr") or not isinstance(tag, str):
            return
        else:
            label = "目录" if "Table of Contents" in self.raw(el)[:2000] else "内容控件" \
                if tag == W + "sdt" else "其他内容"
            out.append(Paragraph(kept_block=self.keep(self.raw(el), label, True)))

    def fast_blocks(self, raw: bytes, opening: str) -> list[Paragraph | Table] | None:
        """The body through docx_read_fast (same model, far fewer Python steps), or None if it cannot."""
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                 remove_comments=True)
        kept = dict(self.doc.kept)
        try:
            fast = prepare(raw, opening, lambda xml: etree.fromstring(xml, parser), self.paragraph_props,
                           self.run_props)
            if fast is None:
                return None
            self.decls = _declarations(fast.nsmap)
            return fast.read(self.block, self.body)
        except (Mismatch, etree.XMLSyntaxError, IndexError, StopIteration, ValueError):
            # Not modelled by the patterns, or malformed: undo what was recorded, let lxml read it all
            # (the lxml path refuses a malformed part with its message). body() sets decls again.
            self.doc.kept, self.counter, self.go_back = kept, 0, set()
            self.doc.unsupported.clear()
            self.decls, self._body = None, None
            return None

    def table(self, el: Any) -> Table:
        """A table; merged cells are flattened (and the user is told)."""
        t = Table()
        tbl_pr = el.find(W + "tblPr")
        if tbl_pr is not None:
            t.extra = self.raw(tbl_pr)
        for tr in el.iter(W + "tr"):
            if tr.getparent() is not el:
                continue
            row = []
            for tc in tr:
                if tc.tag != W + "tc":
                    continue
                if tc.find(f"{W}tcPr/{W}gridSpan") is not None or tc.find(f"{W}tcPr/{W}vMerge") is not None:
                    self.note("合并单元格（保存后需重新合并）")
                row.append([b for b in self.blocks(tc) if isinstance(b, Paragraph)])
            t.rows.append(row)
        return t

    def paragraph(self, el: Any) -> list[Paragraph]:
        """A w:p; a page break inside it starts a new paragraph with page_break_before."""
        p = Paragraph()
        if len(el) and el[0].tag == T_PPR:  # the schema puts w:pPr first
            self.paragraph_props(p, el[0])
        result = [p]
        self.inline(el, result, None)
        for para in result:
            if len(para.runs) > 1:
                para.runs = _merge_runs(para.runs)
        return result

    # -- inline content -----------------------------------------------------------------------

    def inline(self, parent: Any, paras: list[Paragraph], link: str | None) -> None:
        """Runs and inline elements of a paragraph (or of a hyperlink, insertion … inside it)."""
        for el in parent:
            tag = el.tag
            if tag == T_R:
                # Fast path for the usual shapes, <w:r><w:t/></w:r> and <w:r><w:rPr/><w:t/></w:r>.
                n = len(el)
                if n == 1:
                    t = el[0]
                    if t.tag == T_T:
                        paras[-1].runs.append(Run(t.text or "", link=link))
                        continue
                elif n == 2:
                    rpr, t = el[0], el[1]
                    if rpr.tag == T_RPR and t.tag == T_T:
                        b, i, u, font, size, color, extra = self.run_props(rpr)
                        paras[-1].runs.append(Run(t.text or "", b, i, u, font, size, color, None, link, extra))
                        continue
                self.run(el, paras, link)
                continue
            if not isinstance(tag, str) or tag == T_PPR:
                continue
            name = local_name(tag)
            if False:
                pass
            elif tag == W + "hyperlink":
                anchor, rid = el.get(W + "anchor"), el.get(R_ID)
                target = f"#{anchor}" if anchor else f"rId:{rid}" if rid else None
                self.inline(el, paras, target)
            elif name in _DESCEND and tag.startswith(W):
                if name in ("ins", "moveTo"):
                    self.note("修订标记（保存时将接受全部修订）")
                self.inline(el, paras, link)
            elif tag == W + "sdt":
                self.note("内容控件（保存后只留文字）")
                content = el.find(W + "sdtContent")
                if content is not None:
                    self.inline(content, paras, link)
            elif name in ("del", "moveFrom") and tag.startswith(W):
                self.note("修订标记（保存时将接受全部修订）")
            elif name in _DROP_INLINE:
                continue
            elif tag == W + "bookmarkStart" and el.get(W + "name") == "_GoBack":
                self.go_back.add(el.get(W + "id", ""))  # Word's "last edit" mark: not content
            elif tag == W + "bookmarkEnd" and el.get(W + "id", "") in self.go_back:
                continue
            elif tag in (W + "bookmarkStart", W + "bookmarkEnd", W + "commentRangeStart", W + "commentRangeEnd"):
                paras[-1].runs.append(Run(OBJECT_CHAR, kept=self.keep(self.raw(el), "")))
            else:
                label = "公式" if tag.startswith(M_NS) else _LABELS.get(name, "其他内容")
                paras[-1].runs.append(Run(OBJECT_CHAR, kept=self.keep(self.raw(el), label)))

    def run(self, el: Any, paras: list[Paragraph], link: str | None) -> None:
        """A w:r: text with its format; objects inside it become kept runs of their own."""
        rpr = None
        fmt = _PLAIN
        text: list[str] = []
        for child in el:
            tag = child.tag
            if tag == T_T:
                text.append(child.text or "")
            elif tag == T_RPR:
                rpr = child
                fmt = self.run_props(rpr)
            elif not isinstance(tag, str):
                continue
            elif tag in _SIMPLE_TEXT:
                text.append(_SIMPLE_TEXT[tag])
            elif tag == T_BR:
                if child.get(T_TYPE, "textWrapping") == "page":
                    self._flush(fmt, link, text, paras)
                    self.page_break(paras)
                else:
                    text.append(LINE_BREAK)
            elif local_name(tag) in _DROP_INLINE:
                continue
            else:
                self._flush(fmt, link, text, paras)
                name = local_name(tag)
                # The object keeps its run's format (superscript footnote marks …).
                rpr_xml = self.raw(rpr) if rpr is not None else ""
                xml = f"<w:r>{rpr_xml}{self.raw(child)}</w:r>"
                paras[-1].runs.append(Run(OBJECT_CHAR, kept=self.keep(xml, self.label(name, child))))
        if text:
            self._flush(fmt, link, text, paras)

    @staticmethod
    def _flush(fmt: tuple, link: str | None, text: list[str], paras: list[Paragraph]) -> None:
        if text:
            b, i, u, font, size, color, extra = fmt
            paras[-1].runs.append(Run("".join(text), b, i, u, font, size, color, None, link, extra))
            text.clear()

    def label(self, name: str, el: Any) -> str:
        """What a kept object is, for the placeholder and the warnings."""
        if name in ("fldChar", "instrText", "delInstrText"):
            return ""  # field markers: the field's result stays editable text between them
        if name in ("drawing", "pict") or (el.tag == MC_NS + "AlternateContent"):
            xml = self.raw(el)
            if "txbxContent" in xml:
                return "文本框"
            return "图表" if "/chart" in xml else "图片"
        return _LABELS.get(name, "其他内容")

    @staticmethod
    def page_break(paras: list[Paragraph]) -> None:
        """A w:br page break: what follows starts a paragraph on a new page."""
        cur = paras[-1]
        if not cur.runs:
            cur.page_break_before = True
            return
        paras.append(Paragraph(style=cur.style, align=cur.align, first_line_indent=cur.first_line_indent,
                               left_indent=cur.left_indent, right_indent=cur.right_indent,
                               line_spacing=cur.line_spacing, line_height=cur.line_height,
                               page_break_before=True))

def _declarations(nsmap: dict[str | None, str]) -> re.Pattern[str]:
    """The root's prefixed namespace declarations, which raw() strips (kept XML inherits them)."""
    decls = [f' xmlns:{p}="{u}"' for p, u in nsmap.items() if p]
    return re.compile("|".join(re.escape(d) for d in decls) or "(?!)")


def _merge_runs(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs with one format (Word splits runs anywhere: spell-check, rsids)."""
    out: list[Run] = []
    texts: list[list[str]] = []  # the texts of each run of out, joined once at the end (linear)
    for r in runs:
        if out and r.kept is None and out[-1].kept is None and _same_format(out[-1], r):
            texts[-1].append(r.text)
        else:
            out.append(r)
            texts.append([r.text])
    for r, parts in zip(out, texts):
        if len(parts) > 1:
            r.text = "".join(parts)
    return out


def _same_format(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.underline, a.font, a.size, a.color, a.link, a.extra) == \
        (b.bold, b.italic, b.underline, b.font, b.size, b.color, b.link, b.extra)


def read_docx(pkg: DocxPackage, fast: bool = True) -> Document:
    """The document model of a checked package (fast=False: lxml path only, the reference)."""
    # A long document is tens of thousands of new objects, none in a reference cycle: the cyclic
    # collector would only rescan them (and the whole heap) over and over while they are made.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _Reader(pkg, fast).read()
    finally:
        if enabled:
            gc.enable()
