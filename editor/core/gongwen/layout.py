"""Lay the 公文 parts onto the official DOCX (GB/T 9704-2012 §7, §10): 版头, 主送, 附件说明, 落款, 附注, 版记.

The body comes from the official export; this opens its bytes with python-docx and adds or restyles
paragraphs. Every added paragraph carries a Gw… style, so readers know it belongs to the layout.
"""
from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from editor.core import fonts
from editor.core.formats.official_style import CHARS, LINE_PITCH_PT
from editor.core.gongwen import pages, storage
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
from editor.core.gongwen.source import ATTACH_PAGE, Line, assign_roles
from editor.core.gongwen.types import LETTER, MINUTES, ORDER, STANDARD, DocType

STYLES = ("GwCopyNumber", "GwSecrecy", "GwUrgency", "GwIssuerMark", "GwDocNumber", "GwMain", "GwAttachNote",
          "GwSignature", "GwDate", "GwNote", "GwAttendance", "GwRecord", "GwRecordPlain",
          "GwRecordBreak", "GwLetterLine")
THICK = 8  # eighths of a point: the 0.35 mm rules of the 版记 (§7.4.1)
# One style for every framed 版记 paragraph: LibreOffice frames consecutive paragraphs only when their
# properties are the same, and drops the frame of a paragraph with borders of its own.
# The thin rule between 抄送 and 印发 is an underlined tab (LibreOffice draws no "between" borders).
RECORD_RULES = {"GwRecord": {"top": ("single", THICK), "bottom": ("single", THICK)}}
BODY, RECORD_PT = 16.0, 14.0
MARK_TOP_MM = {STANDARD: 35.0, ORDER: 20.0, MINUTES: 35.0}  # 标志 top edge below the 版心 top (§7.2.4, §10.2)
LETTER_MARK_MM = 30.0  # 信函: 标志 top edge from the page's top edge (§10.1)
TEXT_W_TW = round(CHARS * 15.75 * 20)
MARK_MAX_PT = 42.0


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
        return cls(f("xiaobiaosong"), f("fangsong"), f("heiti"), f("kaiti"), f("latin"))


def width(text: str) -> float:
    """The width of a text in body characters (Latin letters and digits are half a character)."""
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def mark_size(text: str) -> float:
    """A 发文机关标志 size that fits the text block (the standard leaves it to the issuer, §7.2.4)."""
    return max(16.0, min(MARK_MAX_PT, (TEXT_W_TW / 20 - 4) / max(1.0, width(text))))


def apply(data: bytes, parts: Parts, doc_type: DocType | None, available: Iterable[str] | None = None,
          overrides: dict[str, list[str]] | None = None) -> bytes:
    """The official DOCX with the parts laid out and stored."""
    d = docx.Document(BytesIO(data))
    _add_styles(d)
    faces = Faces.resolve(available, overrides)
    kind = doc_type.layout if doc_type else STANDARD
    upward = bool(doc_type and doc_type.upward)
    body = list(d.paragraphs)
    if not body:
        body = [d.add_paragraph()]
    title = next((p for p in body if p.style is not None and p.style.style_id == "Title"), body[0])
    if kind == LETTER:
        _letter_head(d, parts, faces)
    _head(title, parts, faces, kind, upward)
    _main(title, body, parts, faces)
    end = _end_of_text(body)
    last = _closing(end, body, parts, faces, kind)
    _attachment_pages(body, faces)
    del last  # the 版记 goes after everything, attachment pages included
    _record(d, parts, faces, kind)
    storage.write(d, parts)
    out = BytesIO()
    d.save(out)
    return out.getvalue()


def _add_styles(d: docx.document.Document) -> None:
    names = {s.name for s in d.styles}
    for name in STYLES:
        if name not in names:
            st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = d.styles["Normal"]
            st.paragraph_format.first_line_indent = Pt(0)
            if name in RECORD_RULES:
                border(st, RECORD_RULES[name], color="000000", space=4)


def _head(title: Paragraph, parts: Parts, f: Faces, kind: str, upward: bool) -> None:
    """份号, 密级, 紧急程度, 发文机关标志, 发文字号 (+ 签发人) and the red line, before the title (§7.2)."""
    top_lines = 0
    for style, text, face in (("GwCopyNumber", parts.copy_number, f.fs), ("GwSecrecy", parts.secrecy, f.ht),
                              ("GwUrgency", parts.urgency, f.ht)):
        if text:
            p = new_paragraph(title, before=True, style=style)
            layout(p, "left")
            add_run(p, text, face, f.latin, BODY)
            top_lines += 1
    if kind == LETTER:
        if parts.doc_number:
            p = new_paragraph(title, before=True, style="GwDocNumber")
            layout(p, "right")
            add_run(p, parts.doc_number, f.fs, f.latin, BODY)
        layout(title, "center", before=2 if parts.doc_number or top_lines else 0)
        return
    marks = parts.issuer_marks
    for i, mark in enumerate(marks):
        p = new_paragraph(title, before=True, style="GwIssuerMark")
        size = mark_size(mark)
        space = 0.0
        if i == 0:
            space = max(0.0, Mm(MARK_TOP_MM[kind]).pt - top_lines * LINE_PITCH_PT) / LINE_PITCH_PT
        layout(p, "center", before=space, line_pt=round(size * 1.2, 1))
        add_run(p, mark, f.xbs, f.latin, size, RED, spacing=0)
    has_number = bool(parts.doc_number or (upward and parts.signers))
    if has_number:
        p = new_paragraph(title, before=True, style="GwDocNumber")
        if upward and parts.signers:
            layout(p, "left", left=1, before=2 if marks else 0)
            right_tab(p, TEXT_W_TW - round(15.75 * 20))
            add_run(p, parts.doc_number + "\t", f.fs, f.latin, BODY)
            add_run(p, "签发人：", f.fs, f.latin, BODY)
            add_run(p, "　".join(parts.signers), f.kt, f.latin, BODY)
        else:
            layout(p, "center", before=2 if marks else 0)
            add_run(p, parts.doc_number, f.fs, f.latin, BODY)
        if kind != ORDER and marks:
            border(p, {"bottom": ("single", 8)}, space=11)  # 4 mm below the 发文字号 (§7.2.7)
    elif marks and kind != ORDER:
        p = new_paragraph(title, before=True, style="GwDocNumber")
        layout(p, "center", before=Mm(4).pt / LINE_PITCH_PT, line_pt=2)  # no 发文字号: 4 mm under the 标志
        border(p, {"bottom": ("single", 8)}, space=1)
    if marks or has_number:
        layout(title, "center", before=2)  # the title two lines below the red line (§7.3.1)


def _letter_head(d: docx.document.Document, parts: Parts, f: Faces) -> None:
    """信函格式 (§10.1): 标志 30 mm from the top edge, red double lines, no page number on page one."""
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    sec.header_distance = Mm(LETTER_MARK_MM)
    sec.footer_distance = Mm(20)
    head = sec.first_page_header
    p = head.paragraphs[0]
    p.style = d.styles["GwIssuerMark"]
    mark = parts.issuer_marks[0] if parts.issuer_marks else ""
    size = mark_size(mark) if mark else BODY
    layout(p, "center", left=-0.45, right=-0.45, line_pt=round(size * 1.2, 1))
    if mark:
        add_run(p, mark, f.xbs, f.latin, size, RED, spacing=0)
    border(p, {"bottom": ("thickThinSmallGap", 18)}, space=11)  # 4 mm below: thick above thin
    foot = sec.first_page_footer.paragraphs[0]
    foot.style = d.styles["GwLetterLine"]
    layout(foot, "center", left=-0.45, right=-0.45, line_pt=2)
    border(foot, {"bottom": ("thinThickSmallGap", 18)}, space=0)  # 20 mm from the bottom edge
    for footer in (sec.footer, sec.even_page_footer):  # page numbers stay 7 mm below the text block
        for fp in footer.paragraphs:
            fp.paragraph_format.space_after = Mm(3)


def _main(title: Paragraph, body: list[Paragraph], parts: Parts, f: Faces) -> None:
    """主送机关 after the title, flush left, ending in a full-width colon (§7.3.2)."""
    if parts.main_recipients:
        text = parts.main_recipients.rstrip(":：") + "："
        p = new_paragraph(title, style="GwMain")
        layout(p, "both", before=1)
        add_run(p, text, f.fs, f.latin, BODY)
        return
    after = body[body.index(title) + 1:] if title in body else []
    first = next((p for p in after if p.text.strip()), None)
    if first is not None and first.text.strip().endswith(("：", ":")) and len(first.text) <= 200 \
            and "。" not in first.text:
        layout(first, "both", before=1)


def _end_of_text(body: list[Paragraph]) -> Paragraph:
    """The last paragraph of the main text (before the first 附件 page)."""
    last = body[-1]
    for p in body[1:]:
        if ATTACH_PAGE.match(p.text.strip()):
            idx = body.index(p)
            return body[idx - 1] if idx > 0 else p
    return last


def _closing(end: Paragraph, body: list[Paragraph], parts: Parts, f: Faces, kind: str) -> Paragraph:
    """附件说明, 出席/列席, 署名 and 成文日期 (右空四字), 附注 after the text; returns the last one."""
    anchor = end
    if parts.attachments:
        many = len(parts.attachments) > 1
        for i, name in enumerate(parts.attachments, 1):
            p = new_paragraph(anchor, style="GwAttachNote")
            if i == 1:
                layout(p, "both", first=-3, left=5, before=1)
                add_run(p, "附件：" + (f"{i}. " if many else "") + name, f.fs, f.latin, BODY)
            else:
                layout(p, "both", left=5)
                add_run(p, f"{i}. {name}", f.fs, f.latin, BODY)
            anchor = p
    if kind == MINUTES:
        for label, text in (("出席", parts.present), ("列席", parts.attending)):
            if text:
                p = new_paragraph(anchor, style="GwAttendance")
                layout(p, "both", first=-3, left=5, before=1 if anchor is end else 0)
                add_run(p, f"{label}：", f.ht, f.latin, BODY)
                add_run(p, text, f.fs, f.latin, BODY)
                anchor = p
    date = parts.date
    names = parts.issuer_names
    if names or date:
        right_of_date = 4.0
        for k, name in enumerate(names):
            p = new_paragraph(anchor, style="GwSignature")
            right = max(0.0, right_of_date + (width(date) - width(name)) / 2) if date else 2.0
            layout(p, "right", right=right, before=2 if k == 0 else 0)
            add_run(p, name, f.fs, f.latin, BODY)
            anchor = p
        if date:
            p = new_paragraph(anchor, style="GwDate")
            layout(p, "right", right=right_of_date, before=0 if names else 2)
            add_run(p, date, f.fs, f.latin, BODY)
            anchor = p
    else:
        _restyle_written_closing(body)
    if parts.note:
        text = parts.note if parts.note.startswith(("（", "(")) else f"（{parts.note}）"
        p = new_paragraph(anchor, style="GwNote")
        layout(p, "both", first=2)
        add_run(p, text, f.fs, f.latin, BODY)
        anchor = p
    return anchor


def _restyle_written_closing(body: list[Paragraph]) -> None:
    """A draft that writes its 署名 and 成文日期 in the text: lay those lines out as the parts would be."""
    lines = [Line(i, p.text.strip()) for i, p in enumerate(body)]
    kept = [ln for ln in lines if ln.text]
    assign_roles(kept)
    dates = [ln for ln in kept if ln.role == "date"]
    if not dates:
        return
    date = dates[0]
    for ln in kept:
        if ln.role == "signature" and ln.number < date.number:
            right = max(0.0, 4 + (width(date.text) - width(ln.text)) / 2)
            layout(body[ln.number], "right", right=right, before=2 if ln.number == date.number - 1 else 0)
        elif ln is date:
            layout(body[ln.number], "right", right=4)


def _attachment_pages(body: list[Paragraph], f: Faces) -> None:
    """附件 pages: 附件 and its number top left in 黑体 on a new page (§7.3.7)."""
    for p in body[1:]:
        if ATTACH_PAGE.match(p.text.strip()):
            layout(p, "left")
            p.paragraph_format.page_break_before = True
            for r in p.runs:
                r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), f.ht)


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


def _record(d: docx.document.Document, parts: Parts, f: Faces, kind: str) -> None:
    """版记 (§7.4): 抄送, 印发机关 and 印发日期 between rules, at the bottom of the last, even, page."""
    has_print = bool(parts.printer or parts.print_date) and kind != LETTER
    if not parts.copy_to and not has_print:
        return
    body_end = d.paragraphs[-1]
    record_lines = (1 if parts.copy_to else 0) + (1 if has_print else 0)
    breaks = pages.breaks_before_record(d.iter_inner_content(), record_lines, even=kind != LETTER)
    anchor = body_end
    if breaks == 2:
        anchor = _unnumbered_pages(d, anchor)
        breaks = 1  # and the page break from the blank page to the 版记's
    for _ in range(breaks):
        p = new_paragraph(anchor, style="GwRecordBreak")
        layout(p, "left", line_pt=2)
        p.paragraph_format.page_break_before = True
        anchor = p
    if parts.copy_to:
        p = new_paragraph(anchor, style="GwRecord" if kind != LETTER else "GwRecordPlain")
        layout(p, "both", first=-3 * RECORD_PT / 15.75, left=1 + 3 * RECORD_PT / 15.75, right=1)
        add_run(p, "抄送：", f.fs, f.latin, RECORD_PT)
        add_run(p, parts.copy_to.rstrip("。") + "。", f.fs, f.latin, RECORD_PT)
        frame_bottom(p, TEXT_W_TW)  # a 信函 too: its 抄送 is on the last page, without rules (§10.1)
        anchor = p
    if has_print and parts.copy_to:
        rule = new_paragraph(anchor, style="GwRecord")
        layout(rule, "left", line_pt=4)
        right_tab(rule, TEXT_W_TW)
        tab = add_run(rule, "\t", f.fs, f.latin, 2)
        tab.underline = True
        frame_bottom(rule, TEXT_W_TW)
        anchor = rule
    if has_print:
        p = new_paragraph(anchor, style="GwRecord")
        layout(p, "left", first=-3 * RECORD_PT / 15.75, left=1 + 3 * RECORD_PT / 15.75, right=1)  # as 抄送's
        right_tab(p, TEXT_W_TW - round(2 * 15.75 * 20))
        add_run(p, parts.printer + "\t" + (parts.print_date + "印发" if parts.print_date else ""),
                f.fs, f.latin, RECORD_PT)
        frame_bottom(p, TEXT_W_TW)
        anchor = p
    # LibreOffice makes a frame of framed paragraphs only when a paragraph follows them.
    tail = new_paragraph(anchor, style="GwRecordBreak")
    layout(tail, "left", line_pt=1)
