"""A DOCX read for checking (paragraphs with their fonts, the stored parts), and certain fixes written back."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from editor.core.gongwen import storage
from editor.core.gongwen.check.rules import Finding
from editor.core.gongwen.parts import Parts
from editor.core.gongwen.source import Line, Source, assign_roles

ROLE_STYLES = {"Title": "title", "Heading1": "heading1", "Heading2": "heading2", "Heading3": "heading3",
               "Heading4": "heading4"}
# Layout paragraphs (layout.STYLES) and the role each plays for the rules.
GW_ROLES = {"GwCopyNumber": "part:份号", "GwSecrecy": "part:密级", "GwUrgency": "part:紧急程度",
            "GwIssuerMark": "part:发文机关标志", "GwDocNumber": "docnum", "GwMain": "main",
            "GwAttachNote": "attach_note", "GwSignature": "signature", "GwDate": "date", "GwNote": "note",
            "GwAttendance": "part:出席", "GwRecord": "record", "GwRecordBreak": "record", "GwRecordPlain": "record",
            "GwLetterLine": "record"}


def _style_chain(p: Paragraph) -> list[Any]:
    chain: list[Any] = []
    style = p.style
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain


def _font_and_size(p: Paragraph, defaults: tuple[str | None, float | None]) -> tuple[str | None, float | None]:
    """The East Asian font and size most of a paragraph's text is set in."""
    font = size = None
    best = -1
    for r in p.runs:
        n = len(r.text.strip())
        if n <= best:
            continue
        rpr = r._r.rPr
        f = rpr.rFonts.get(qn("w:eastAsia")) if rpr is not None and rpr.rFonts is not None else None
        s = r.font.size.pt if r.font.size is not None else None
        font, size, best = f, s, n
    for st in _style_chain(p):
        el = st.element.rPr
        if font is None and el is not None and el.rFonts is not None:
            font = el.rFonts.get(qn("w:eastAsia"))
        if size is None and st.font.size is not None:
            size = st.font.size.pt
    return font or defaults[0], size or defaults[1]


def _defaults(d: docx.document.Document) -> tuple[str | None, float | None]:
    rpr = d.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return None, None
    fonts = rpr.find(qn("w:rFonts"))
    sz = rpr.find(qn("w:sz"))
    font = fonts.get(qn("w:eastAsia")) if fonts is not None else None
    size = int(sz.get(qn("w:val"))) / 2 if sz is not None and (sz.get(qn("w:val")) or "").isdigit() else None
    return font, size


def from_docx(path: Path, data: bytes) -> Source:
    """A DOCX as a Source: paragraph numbers as lines, fonts per paragraph, parts from its properties."""
    d = docx.Document(BytesIO(data))
    defaults = _defaults(d)
    body: list[Line] = []
    laid: list[Line] = []
    for i, p in enumerate(d.paragraphs, 1):
        text = p.text.strip().lstrip("\u3000")
        if not text:
            continue
        style_id = p.style.style_id if p.style is not None else "Normal"
        font, size = _font_and_size(p, defaults)
        if style_id in GW_ROLES:
            laid.append(Line(i, text, role=GW_ROLES[style_id], font=font, size=size, style=style_id))
        else:
            body.append(Line(i, text, font=font, size=size, style=ROLE_STYLES.get(style_id, "body")))
    assign_roles(body)
    if laid:  # the parts are laid out: the body's first line is still the title, the rest is text
        for ln in body:
            if ln.role in ("main", "signature", "date", "note") and ln.section == 0:
                ln.role = "body"
    del path
    lines = sorted(body + laid, key=lambda ln: ln.number)
    return Source(storage.read(data) or Parts(), lines, is_docx=True)


def _replace(p: Paragraph, start: int, end: int, new: str) -> bool:
    """Replace text[start:end] of a paragraph, keeping the runs' formatting (the first run touched takes it)."""
    pos = 0
    first = True
    changed = False
    for r in p.runs:
        text = r.text
        a, b = pos, pos + len(text)
        pos = b
        if b <= start or a >= end:
            continue
        lo, hi = max(start, a) - a, min(end, b) - a
        r.text = text[:lo] + (new if first else "") + text[hi:]
        first = False
        changed = True
    return changed


def apply_fixes(data: bytes, findings: list[Finding]) -> tuple[bytes, int]:
    """The DOCX with every certain fix applied in its paragraph; returns (bytes, count)."""
    d = docx.Document(BytesIO(data))
    paragraphs = d.paragraphs
    done = 0
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in sorted((f for f in findings if f.fix is not None and f.line), key=lambda f: (f.line, -f.column)):
        assert f.line is not None
        assert f.fix is not None
        if not 1 <= f.line <= len(paragraphs):
            continue
        p = paragraphs[f.line - 1]
        text = p.text
        base = text.find(text.strip().lstrip("\u3000"))
        start = base + f.column
        if text[start:start + len(f.excerpt)] != f.excerpt:
            continue
        end = start + len(f.excerpt)
        if any(start < e and s < end for s, e in taken.get(f.line, [])):
            continue
        if _replace(p, start, end, f.fix):
            taken.setdefault(f.line, []).append((start, end))
            done += 1
    out = BytesIO()
    d.save(out)
    return out.getvalue(), done
