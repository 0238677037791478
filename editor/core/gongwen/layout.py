"""Lay the 公文 parts onto the official DOCX (GB/T 9704-2012 §7, §10): 版头, 主送, 附件说明, 落款, 附注, 版记.

The body comes from the official export; this opens its bytes with python-docx and adds or restyles
paragraphs. What goes where is decided in plan.py, which Yuku's own print paints too; this writes its
items. Every added paragraph carries a Gw… style, so readers know it belongs to the layout.
"""
from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from editor.core import fonts
from editor.core.gongwen import pages, plan, storage
from editor.core.gongwen.ooxml import (
    RED,
    add_run,
    border,
    frame_bottom,
    layout,
    new_paragraph,
    right_tab,
)
from editor.core.gongwen.parts import Parts
from editor.core.gongwen.plan import TEXT_W_TW, THICK, Item
from editor.core.gongwen.types import LETTER, STANDARD, DocType

STYLES = ("GwCopyNumber", "GwSecrecy", "GwUrgency", "GwIssuerMark", "GwDocNumber", "GwMain", "GwAttachNote",
          "GwSignature", "GwDate", "GwNote", "GwAttendance", "GwRecord", "GwRecordPlain",
          "GwRecordBreak", "GwLetterLine")
# One style for every framed 版记 paragraph: LibreOffice frames consecutive paragraphs only when their
# properties are the same, and drops the frame of a paragraph with borders of its own.
# The thin rule between 抄送 and 印发 is an underlined tab (LibreOffice draws no "between" borders).
RECORD_RULES = {"GwRecord": {"top": ("single", THICK), "bottom": ("single", THICK)}}
LETTER_MARK_MM = plan.LETTER_MARK_MM


@dataclass(frozen=True)
class Faces:
    """The fonts of this machine (or the standard names) for each font class."""

    xbs: str
    fs: str
    ht: str
    kt: str
    latin: str

    @classmethod
    def resolve(cls, available: Iterable[str] | None, overrides: dict[str, list[str]] | None) -> Faces:
        """The faces the official preset would use."""
        avail = list(available) if available is not None else None

        def f(c: str) -> str:
            return fonts.resolve(c, avail, overrides)
        return cls(f(plan.XBS), f(plan.FS), f(plan.HT), f(plan.KT), f("latin"))

    def of(self, face: str) -> str:
        """The font of a font class (plan.XBS, FS, HT, KT)."""
        return {plan.XBS: self.xbs, plan.FS: self.fs, plan.HT: self.ht, plan.KT: self.kt}[face]


ALONE = ("提醒：落款（署名、成文日期）将单独成页：正文最后一段（或表格）无法随落款移到下一页，请缩短或拆分最后一段 / "
         "warning: the 署名 and date will stand alone on a page; shorten or split the text's last paragraph")


def apply(data: bytes, parts: Parts, doc_type: DocType | None, available: Iterable[str] | None = None,
          overrides: dict[str, list[str]] | None = None, notes: list[str] | None = None) -> bytes:
    """The official DOCX with the parts laid out and stored; what the user should know goes into `notes`."""
    d = docx.Document(BytesIO(data))
    _add_styles(d)
    faces = Faces.resolve(available, overrides)
    kind = doc_type.layout if doc_type else STANDARD
    upward = bool(doc_type and doc_type.upward)
    body = list(d.paragraphs)
    if not body:
        body = [d.add_paragraph()]
    texts = [p.text for p in body]
    styles = ["title" if p.style is not None and p.style.style_id == "Title" else "" for p in body]
    title = body[plan.title_index(styles)]
    restyled = plan.restyles(texts, styles, parts)  # decided on the body as it came
    if kind == LETTER:
        _letter_head(d, parts, faces)
    head = plan.head(parts, kind, upward)
    for item in head.items:
        _write(title, item, faces, before=True)
    if head.title is not None:
        _restyle(title, head.title, faces)
    anchor = title
    main = plan.main(parts)
    if main is not None:
        anchor = _write(title, main, faces)
    end = body[plan.end_of_text(texts)]
    anchor = end
    top = plan.letter_top(parts) if kind == LETTER else 0.0
    for item in _fit_closing(d, end, plan.closing(parts, kind), top, notes=notes):
        anchor = _write(anchor, item, faces)
    for index, item in restyled.items():
        _restyle(body[index], item, faces)
    written = plan.written_closing(restyled)
    if written and written[0] > 0:  # a 署名 and date written in the text are fitted as the parts' are
        items = [dataclasses.replace(restyled[i], spans=(plan.Span(texts[i]),)) for i in written]
        tail = plan.empty_after(texts, written[-1])
        fitted = _fit_closing(d, body[written[0] - 1], items, top, tail, notes)
        for index, item in zip(written, fitted, strict=True):
            _restyle(body[index], item, faces)
    _record(d, parts, faces, kind, top)  # after everything, attachment pages included
    storage.write(d, parts)
    out = BytesIO()
    d.save(out)
    return out.getvalue()


def _lines(items: list[Item]) -> list[int]:
    """The lines each item's text takes in the text block (an estimate, as pages.line_count counts)."""
    width = TEXT_W_TW / 20
    return [pages.line_count(item.text, item.spans[0].size if item.spans else plan.BODY, plan.char_twips(item.first) / 20,
                             width - plan.char_twips(item.left) / 20 - plan.char_twips(item.right) / 20)
            for item in items]


def _fit_closing(d: docx.document.Document, end: Paragraph, items: list[Item], top: float,
                 tail: int = 0, notes: list[str] | None = None) -> list[Item]:
    """The closing items fitted under the text (plan.fit_closing); its last paragraphs keep with them if need be.

    Those are the last paragraph with words and any empty ones after it (a draft's final newline).
    `tail` empty lines follow the date and stay on its page (else they would make a page of their own).
    """
    if not items:
        return items
    blocks: list[Paragraph | Table] = []
    words = 0  # where the last paragraph with words is among the blocks
    for block in d.iter_inner_content():
        blocks.append(block)
        if isinstance(block, Table) or block.text.strip():
            words = len(blocks) - 1
        if isinstance(block, Paragraph) and block._p is end._p:
            break
    text = pages.walk(blocks[:words + 1], top)
    empty = sum(pages.paragraph_height(b)[1] for b in blocks[words + 1:] if isinstance(b, Paragraph))
    room = pages.room_lines(text.used + empty)  # the empty paragraphs are blank lines above the 落款
    movable = text.movable and isinstance(blocks[words], Paragraph)
    lines = _lines(items)
    lines[-1] += tail
    fitted, carry = plan.fit_closing(items, lines, room, movable)
    if not movable and plan.closing_need(items, lines) > room and notes is not None:
        notes.append(ALONE)  # the text's last paragraph began on an earlier page: LibreOffice cannot help
    if carry:  # LibreOffice moves them on, whole, with the 落款
        for block in blocks[words:]:
            if isinstance(block, Paragraph):
                block.paragraph_format.keep_with_next = True
    return fitted


def _add_styles(d: docx.document.Document) -> None:
    names = {s.name for s in d.styles}
    for name in STYLES:
        if name not in names:
            st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = d.styles["Normal"]
            st.paragraph_format.first_line_indent = Pt(0)
            if name in RECORD_RULES:
                border(st, RECORD_RULES[name], color="000000", space=4)


def _fill(p: Paragraph, item: Item, f: Faces) -> Paragraph:
    """Give a paragraph an item's layout, runs and rule."""
    layout(p, item.align, item.first, item.left, item.right, item.before, item.line_pt)
    if item.tab is not None:
        right_tab(p, item.tab)
    for s in item.spans:
        run = add_run(p, s.text, f.of(s.face), f.latin, s.size, RED if s.red else None, spacing=s.spacing)
        if s.underline:
            run.underline = True
    if item.rule is not None:
        border(p, {"bottom": (item.rule.style, item.rule.eighths)}, color=item.rule.color, space=item.rule.space)
    if item.keep_next:
        p.paragraph_format.keep_with_next = True
    return p


def _write(anchor: Paragraph, item: Item, f: Faces, before: bool = False) -> Paragraph:
    """A new paragraph after (or before) anchor, laid out as the item says."""
    return _fill(new_paragraph(anchor, before=before, style=item.style), item, f)


def _restyle(p: Paragraph, item: Item, f: Faces) -> None:
    """A body paragraph (title, 主送 or 落款 in the text, a 附件 page's label) laid out as the item says."""
    layout(p, item.align, item.first, item.left, item.right, item.before, item.line_pt)
    if item.page_break:
        p.paragraph_format.page_break_before = True
    if item.keep_next:
        p.paragraph_format.keep_with_next = True
    if item.heiti:
        for r in p.runs:
            r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), f.ht)


def _letter_head(d: docx.document.Document, parts: Parts, f: Faces) -> None:
    """信函格式 (§10.1): 标志 30 mm from the top edge, red double lines, no page number on page one."""
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    sec.header_distance = Mm(LETTER_MARK_MM)
    sec.footer_distance = Mm(20)
    p = sec.first_page_header.paragraphs[0]
    p.style = d.styles["GwIssuerMark"]
    _fill(p, plan.letter_mark(parts), f)
    foot = sec.first_page_footer.paragraphs[0]
    foot.style = d.styles["GwLetterLine"]
    _fill(foot, plan.letter_foot(), f)
    for footer in (sec.footer, sec.even_page_footer):  # page numbers stay 7 mm below the text block
        for fp in footer.paragraphs:
            fp.paragraph_format.space_after = Mm(3)


def _unnumbered_pages(d: docx.document.Document, anchor: Paragraph) -> Paragraph:
    """End the body's section after anchor; the blank page and the 版记's page that follow carry no page number.

    §7.5: 版记页前有空白页的，空白页和版记页均不编排页码. They form a section of their own whose footers are
    empty (a section without footers of its own would show the body's). Returns the blank page's paragraph.
    """
    end = new_paragraph(anchor, style="GwRecordBreak")
    layout(end, "left", line_pt=2)
    end._p.get_or_add_pPr().append(copy.deepcopy(d.element.body.sectPr))  # the body's section ends here
    final = d.element.body.sectPr
    for ref in final.findall(qn("w:footerReference")):
        final.remove(ref)  # not through python-docx, which would drop the body section's footer parts too
    last = d.sections[-1]
    for footer in (last.footer, last.even_page_footer, last.first_page_footer):
        footer.is_linked_to_previous = False  # an empty footer part of its own
    blank = new_paragraph(end, style="GwRecordBreak")
    layout(blank, "left", line_pt=2)
    return blank


def _record(d: docx.document.Document, parts: Parts, f: Faces, kind: str, top: float) -> None:
    """版记 (§7.4): 抄送, 印发机关 and 印发日期 between rules, at the bottom of the last, even, page."""
    if not plan.has_record(parts, kind):
        return
    items = plan.record(parts, kind)
    body_end = d.paragraphs[-1]
    need = plan.record_height(items, _lines(items))
    breaks = pages.breaks_before_record(d.iter_inner_content(), need, kind != LETTER, top)
    anchor = body_end
    if breaks == 2:
        anchor = _unnumbered_pages(d, anchor)
        breaks = 1  # and the page break from the blank page to the 版记's
    for _ in range(breaks):
        p = new_paragraph(anchor, style="GwRecordBreak")
        layout(p, "left", line_pt=2)
        p.paragraph_format.page_break_before = True
        anchor = p
    for item in items:
        anchor = _write(anchor, item, f)
        frame_bottom(anchor, TEXT_W_TW)  # a 信函 too: its 抄送 is on the last page, without rules (§10.1)
    # LibreOffice makes a frame of framed paragraphs only when a paragraph follows them.
    tail = new_paragraph(anchor, style="GwRecordBreak")
    layout(tail, "left", line_pt=1)
