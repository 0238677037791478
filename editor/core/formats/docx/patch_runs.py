"""An edited paragraph patched inside its own source element: what the user did not change stays as it was.

The source w:p is kept, with its attributes (rsids, paraId). Its w:pPr is changed only when the
paragraph's modelled format differs from what that w:pPr says. Its children are read again with the
reader's own rules (read_inline.py) and compared with the model's runs character by character, each
character with its format. The children before the first difference and after the last one are kept
as they are: their w:rPr, rsids, proofErr marks, bookmarks and Word's _GoBack mark. Only the children
holding changed text or format are written anew from the model, each run from its own source w:rPr
with just the changed properties patched (patch.Patcher.run).
"""
from __future__ import annotations

from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from lxml import etree

from editor.core.formats.docx.read_inline import T_PPR, T_R, InlineReader
from editor.core.formats.docx.structure import W
from editor.core.model.document import LINE_BREAK, Document, KeptItem, Paragraph, Run

if TYPE_CHECKING:
    from editor.core.formats.docx.patch import Patcher

PROOF_ERR, BOOKMARK_START, BOOKMARK_END = W + "proofErr", W + "bookmarkStart", W + "bookmarkEnd"
# What a w:pPr says that the model shows (extra and origin are bookkeeping, not format).
PARAGRAPH_PROPS = attrgetter("style", "align", "first_line_indent", "left_indent", "right_indent", "line_spacing",
                             "line_height", "space_before", "space_after", "list_kind", "list_level", "list_id",
                             "page_break_before")


class _Units:
    """Characters with their format, as (character, format id) pairs comparable across both sides."""

    def __init__(self) -> None:
        self.ids: dict[tuple, int] = {}

    def add(self, out: list[tuple[str, int]], run: Run, kept: dict[str, KeptItem]) -> None:
        """One run's characters onto out; kept content compared by its XML, not by its key."""
        key = (run.bold, run.italic, run.underline, run.font, run.size, run.color, run.link, run.extra,
               _xml(kept, run.kept), _xml(kept, run.wrap))
        kid = self.ids.setdefault(key, len(self.ids))
        out.extend((LINE_BREAK if ch == "\n" else ch, kid) for ch in run.text)


def _xml(kept: dict[str, KeptItem], key: str | None) -> str | None:
    if key is None:
        return None
    item = kept.get(key)
    return item.xml if item is not None else key


def patch_paragraph(patcher: Patcher, p: Paragraph, el: Any, keep_sect: bool, first: bool, last: bool) -> Any:
    """The source w:p el patched in place to show p; first/last: p is the first/last block read from el."""
    patcher.changed = True
    ppr = el[0] if len(el) and el[0].tag == T_PPR else None
    base = Paragraph()
    if ppr is not None:
        patcher.paragraph_props(base, ppr, keep=False)
    if PARAGRAPH_PROPS(base) != PARAGRAPH_PROPS(p):
        if ppr is None:
            ppr = etree.Element(T_PPR)
            el.insert(0, ppr)
        patcher.patch_ppr(ppr, p)
    if not keep_sect and ppr is not None:
        for sect in ppr.findall(W + "sectPr"):
            ppr.remove(sect)
    if ppr is not None and not len(ppr) and not ppr.attrib:
        el.remove(ppr)
        ppr = None
    children = [c for c in el if c is not ppr]
    units = _Units()
    reader = InlineReader(Document(), patcher.nsmap)
    scratch = Paragraph()
    src: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for child in children:
        start, n = len(src), len(scratch.runs)
        reader.inline_child(child, scratch, None)
        for run in scratch.runs[n:]:
            units.add(src, run, reader.doc.kept)
        spans.append((start, len(src)))
    new: list[tuple[str, int]] = []
    for run in p.runs:
        units.add(new, run, patcher.kept)
    if src == new and first and last:
        return el
    # The common head and tail, widened to whole source children: those children stay as they are.
    limit = min(len(src), len(new))
    head = 0
    while head < limit and src[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and src[-1 - tail] == new[-1 - tail]:
        tail += 1
    bounds = {0, len(src)} | {s for s, _e in spans} | {e for _s, e in spans}
    lo = max(b for b in bounds if b <= head)
    hi = min(b for b in bounds if b >= len(src) - tail)
    # Text typed against a content control or hyperlink belongs inside it: rewrite that wrapper too,
    # so its runs go back into one wrapper instead of a second copy of it.
    ends = {e: i for i, (s, e) in enumerate(spans) if s < e}
    starts = {s: i for i, (s, e) in enumerate(spans) if s < e}
    while lo in ends and children[ends[lo]].tag != T_R and lo < len(new) - (len(src) - hi) and \
            new[lo][1] == src[lo - 1][1]:
        lo = spans[ends[lo]][0]
    while hi in starts and children[starts[hi]].tag != T_R and len(new) - (len(src) - hi) > lo and \
            new[len(new) - (len(src) - hi) - 1][1] == src[hi][1]:
        hi = spans[starts[hi]][1]
    keep = [e <= lo or s >= hi if s < e else _mark_kept(c, s, lo, hi, len(src), first, last)
            for c, (s, e) in zip(children, spans)]
    _pair_bookmarks(children, keep, spans, both=first and last)
    _pair_proof_marks(children, keep, spans, lo, hi)
    at = next((i for i, (k, (s, e)) in enumerate(zip(keep, spans)) if not k and s < e), None)
    if at is None:
        at = next((i for i, (s, e) in enumerate(spans) if s >= hi and (s < e or s > lo)), len(children))
    holder = etree.Element(W + "p")
    patcher._fresh_paragraph = False
    patcher.runs(holder, _slice(p.runs, lo, len(new) - (len(src) - hi)))
    kept_children = [c for c, k in zip(children, keep) if k]
    before = sum(1 for k in keep[:at] if k)
    el[:] = ([ppr] if ppr is not None else []) + kept_children[:before] + list(holder) + kept_children[before:]
    return el


def _mark_kept(el: Any, x: int, lo: int, hi: int, end: int, first: bool, last: bool) -> bool:
    """Whether a child that shows nothing (bookmark, proofErr …) at x stays, lo..hi being rewritten."""
    if first and last:  # the paragraph was not split: only marks inside the rewritten stretch go
        return not lo < x < hi
    # Split into several blocks: each mark stays in exactly one of them.
    return x < lo or x > hi or (x == hi and hi < end) or (x == 0 and first) or (x == end and last)


def _pair_bookmarks(children: list[Any], keep: list[bool], spans: list[tuple[int, int]], both: bool) -> None:
    """A bookmark's start and end stay or go together (an end without its start is an error to Word)."""
    ends: dict[str, list[int]] = {}
    for i, c in enumerate(children):
        if c.tag in (BOOKMARK_START, BOOKMARK_END) and spans[i][0] == spans[i][1]:
            ends.setdefault(c.get(W + "id", ""), []).append(i)
    for pair in ends.values():
        if len(pair) == 2 and keep[pair[0]] != keep[pair[1]]:
            keep[pair[0]] = keep[pair[1]] = both


def _pair_proof_marks(children: list[Any], keep: list[bool], spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    """A spelling or grammar mark (start and end) stays only if no rewritten text lies inside it."""
    open_at: dict[str, int] = {}
    for i, c in enumerate(children):
        kind = c.get(W + "type", "") if c.tag == PROOF_ERR else ""
        if kind.endswith("Start"):
            open_at[kind[:-5]] = i
        elif kind.endswith("End") and (start := open_at.pop(kind[:-3], None)) is not None:
            whole = spans[i][0] <= lo or spans[start][0] >= hi
            keep[start] = keep[i] = keep[start] and keep[i] and whole


def _slice(runs: list[Run], a: int, b: int) -> list[Run]:
    """The runs covering characters a..b of a paragraph, the ones at the ends cut."""
    out: list[Run] = []
    pos = 0
    for r in runs:
        n = len(r.text)
        start, end = max(a, pos), min(b, pos + n)
        if start < end:
            out.append(r if (start, end) == (pos, pos + n) else replace(r, text=r.text[start - pos:end - pos]))
        pos += n
    return out
