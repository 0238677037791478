"""Read a checked DOCX package into the document model, keeping aside what the editor cannot show.

Every block remembers the element it came from (Paragraph.origin) and its signature when read, so a
save can write untouched blocks back as the very elements they were (see docx/patch.py). Inline
content (runs, objects, wrappers) is read by docx/read_inline.py.
"""
from __future__ import annotations

import gc
from typing import Any

from editor.core.formats.docx.read_inline import R_ID, T_P, T_PPR, InlineReader, _declarations
from editor.core.formats.docx.read_props import list_kinds, paragraph_roles
from editor.core.formats.docx.safety import DocxPackage
from editor.core.formats.docx.structure import STRICT_W_NS, W, block_content, is_block, table_grid, table_rows
from editor.core.model.document import Document, Paragraph, Run, Table, body_signature, signature

CHUNK_LABEL = "嵌入内容"
_HTML_BLOCKS = ("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote")
CHUNK_SHOWN = 40  # characters of an altChunk's text shown in its placeholder
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
            label = "嵌套表格" if tag == W + "tbl" else self.chunk_label(el) if tag == W + "altChunk" else \
                "内容控件" if tag == W + "sdt" else "其他内容"
            block = Paragraph(kept_block=self.keep(self.raw(el), label, True))
        block.origin = origin
        block.base = signature(block)
        out.append(block)

    def chunk_label(self, el: Any) -> str:
        """An altChunk's placeholder: 嵌入内容 and the start of its text, read-only (Word imports it on open)."""
        rel = self.pkg.rels(self.pkg.main_part).get(el.get(R_ID, ""))
        text = ""
        if rel is not None and not rel[2] and rel[1] in self.pkg.names:
            try:
                text = chunk_text(self.pkg.read(rel[1]))
            except Exception:  # a damaged chunk still opens, as Word's placeholder would
                text = ""
        if not text:
            return "嵌入文档"
        return f"{CHUNK_LABEL}：{text[:CHUNK_SHOWN]}{' …' if len(text) > CHUNK_SHOWN else ''}"

    def table(self, el: Any, origin: str) -> Table:
        """A table: its cells' paragraphs, rows and cells inside content controls included."""
        t = Table()
        tbl_pr = el.find(W + "tblPr")
        if tbl_pr is not None:
            t.extra = self.raw(tbl_pr)
        rows = table_rows(el)
        for r, row in enumerate(rows):
            cells = []
            for c, tc in enumerate(row):
                cells.append([b for b in self.blocks(tc, f"{origin}/{r},{c}/", in_cell=True)
                              if isinstance(b, Paragraph)])
            t.rows.append(cells)
        t.widths, t.spans, t.down = table_grid(el, rows)
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


def chunk_text(data: bytes) -> str:
    """The text of an altChunk part on one line: an embedded Word document, MHT, HTML or plain text ("" else)."""
    if data.startswith(b"PK\x03\x04"):
        return _package_text(data)
    head = data[:4096].lstrip()
    if head.startswith(b"{\\rtf") or (b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return ""  # RTF escapes its text; anything with NUL bytes is not text
    if head.lower().startswith((b"mime-version:", b"content-type:", b"from:", b"subject:", b"date:")):
        return mht_text(data)
    from editor.core.formats.encoding import decode_bytes

    text = decode_bytes(data).text
    head_text = text.lstrip()[:2048].lower()
    if head_text.startswith(("<html", "<!doctype", "<head", "<body", "<p", "<div")) or "<html" in head_text:
        return html_text(text) or html_text(data)  # a str with an encoding declaration: lxml wants bytes
    return " ".join(text.split())


def html_text(data: bytes | str) -> str:
    """What an HTML page shows, on one line (lxml's HTML parser: no network, no scripts or styles)."""
    from lxml import etree, html

    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    for el in list(root.iter("script", "style", "title")):
        el.drop_tree()
    for el in root.iter(*_HTML_BLOCKS):  # paragraphs, cells and line breaks stay apart on one line
        el.tail = " " + (el.tail or "")
    return " ".join(root.text_content().split())


def mht_text(data: bytes) -> str:
    """The text of a web archive (MHT): its first HTML part, else its first plain-text part."""
    import email

    msg = email.message_from_bytes(data)
    parts = [p for p in msg.walk() if p.get_content_maintype() == "text"]
    for kind in ("html", "plain"):
        for part in parts:
            if part.get_content_subtype() == kind:
                raw = part.get_payload(decode=True)
                if not isinstance(raw, bytes):
                    continue
                text = raw.decode(part.get_content_charset() or "utf-8", errors="replace")
                return html_text(text) if kind == "html" else " ".join(text.split())
    return ""


def _package_text(data: bytes) -> str:
    """The body text of an embedded Word document, through the same safety checks as any file."""
    from pathlib import Path

    from editor.core.formats.docx.safety import open_docx

    pkg = open_docx(Path("altChunk.docx"), data=data)
    root = pkg.xml(pkg.main_part)
    paragraphs = ("".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(T_P))
    return " ".join(" ".join(paragraphs).split())


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
