"""Read a checked DOCX package into the document model, keeping aside what the editor cannot show.

Every block remembers the element it came from (Paragraph.origin) and its signature when read, so a
save can write untouched blocks back as the very elements they were (see docx/patch.py). Inline
content (runs, objects, wrappers) is read by docx/read_inline.py.
"""
from __future__ import annotations

import gc
from typing import Any

from editor.core.formats.docx.read_inline import T_P, T_PPR, InlineReader, _declarations
from editor.core.formats.docx.read_props import list_kinds, paragraph_roles
from editor.core.formats.docx.safety import DocxPackage
from editor.core.formats.docx.structure import STRICT_W_NS, W, block_content, is_block, table_rows
from editor.core.model.document import Document, Paragraph, Run, Table, body_signature, signature

STRICT = ("这是“严格 Open XML”（Strict）格式的 Word 文档，语库暂不能编辑；请在 Word 或 WPS 中另存为"
          "“Word 文档（*.docx）”后再打开 / a Strict Open XML document: save it as a standard .docx first")


class _Reader(InlineReader):
    """One pass over the main part."""

    def __init__(self, pkg: DocxPackage, keep_parse: bool = False) -> None:
        super().__init__(Document(source=pkg.data))
        self.pkg = pkg
        self.keep_parse = keep_parse
        self.roles = paragraph_roles(pkg, self._part("styles"))
        self.num_kinds = list_kinds(pkg, self._part("numbering"))

    def _part(self, rel_type: str) -> str | None:
        """The main part's internal relationship target of this type (styles, numbering), if any."""
        for typ, target, external in self.pkg.rels(self.pkg.main_part).values():
            if typ.endswith("/" + rel_type) and not external and target in self.pkg.names:
                return target
        return None

    def read(self) -> Document:
        """The whole document."""
        root = self.pkg.xml(self.pkg.main_part, comments=True)  # as docx/save.py parses it: same indices
        if isinstance(root.tag, str) and root.tag.startswith("{" + STRICT_W_NS):
            raise self.pkg.fail(STRICT)
        self.decls = _declarations(root.nsmap)
        body = root.find(W + "body")
        if body is None:
            raise self.pkg.fail("文件缺少正文（w:body），不是完整的 Word 文档 / no document body")
        self.doc.blocks = self.blocks(body, "", in_cell=False)
        self.doc.base = body_signature(self.doc)
        if self.keep_parse:
            from editor.core.formats.docx.save import keep_parsed

            keep_parsed(self.pkg.data, root)  # a save of this file patches this very parse (never changed)
        return self.doc

    def blocks(self, parent: Any, prefix: str, in_cell: bool) -> list[Paragraph | Table]:
        """Paragraphs and tables of a body, table cell or block-level content control."""
        out: list[Paragraph | Table] = []
        for i, el in enumerate(parent):
            if is_block(el):
                self.block(el, out, f"{prefix}{i}", in_cell)
        return out

    def block(self, el: Any, out: list[Paragraph | Table], origin: str, in_cell: bool) -> None:
        """One block-level element, appended to out as the blocks it shows."""
        tag = el.tag
        block: Paragraph | Table
        if tag == T_P:
            block = self.paragraph(el)
        elif tag == W + "tbl" and not in_cell:
            block = self.table(el, origin)
        else:
            content = block_content(el)
            inner = self.blocks(content, origin + "/", in_cell) if content is not None else []
            if inner:  # a content control or custom XML around paragraphs: its text is shown and edited
                out.extend(inner)
                return
            label = "嵌套表格" if tag == W + "tbl" else "嵌入文档" if tag == W + "altChunk" else \
                "内容控件" if tag == W + "sdt" else "其他内容"
            block = Paragraph(kept_block=self.keep(self.raw(el), label, True))
        block.origin = origin
        block.base = signature(block)
        out.append(block)

    def table(self, el: Any, origin: str) -> Table:
        """A table: its cells' paragraphs, rows and cells inside content controls included."""
        t = Table()
        tbl_pr = el.find(W + "tblPr")
        if tbl_pr is not None:
            t.extra = self.raw(tbl_pr)
        for r, row in enumerate(table_rows(el)):
            cells = []
            for c, tc in enumerate(row):
                cells.append([b for b in self.blocks(tc, f"{origin}/{r},{c}/", in_cell=True)
                              if isinstance(b, Paragraph)])
            t.rows.append(cells)
        return t

    def paragraph(self, el: Any) -> Paragraph:
        """A w:p."""
        p = Paragraph()
        if len(el) and el[0].tag == T_PPR:  # the schema puts w:pPr first
            self.paragraph_props(p, el[0])
        self.inline(el, p, None)
        if len(p.runs) > 1:
            p.runs = _merge_runs(p.runs)
        return p

    # -- inline content -----------------------------------------------------------------------


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
    return (a.bold, a.italic, a.underline, a.font, a.size, a.color, a.link, a.extra, a.wrap) == \
        (b.bold, b.italic, b.underline, b.font, b.size, b.color, b.link, b.extra, b.wrap)


def read_docx(pkg: DocxPackage, keep_parse: bool = False) -> Document:
    """The document model of a checked package (keep_parse: see docx/save.py keep_parsed)."""
    # A long document is tens of thousands of new objects, none in a reference cycle: the cyclic
    # collector would only rescan them (and the whole heap) over and over while they are made.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _Reader(pkg, keep_parse).read()
    finally:
        if enabled:
            gc.enable()
