"""A 公文's parts in page view: the 版头, 主送, closing parts and 版记 where print puts them, not editable.

Print (gongwen_pages.GongwenPages) lays the parts out around the body; this runs that same layout on
the document and keeps what page view needs from it: where the title may start on page one and how far
page one's rows move down under the 版头, the 主送 and closing paragraphs as extra grid lines after
their anchor paragraphs (placed by page view as print places them, so the body's lines after them fall
where they print), the 版头's and 版记's paragraphs and rules to paint, and the unnumbered pages.
The editable text stays the document's own: these are painted on the sheets, never in the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QTextCursor, QTextDocument, QTextLayout

from editor.core.gongwen import plan
from editor.core.gongwen.parts import from_properties
from editor.core.model.document import Document, Paragraph
from editor.gui.document.docx_state import state_of
from editor.gui.output import line_breaks as lb
from editor.gui.output import sheet_paragraphs as sp
from editor.gui.output.gongwen_pages import GongwenPages, Row, Rule, parts_of
from editor.gui.output.page_render import PX_PER_MM


@dataclass
class Flow:
    """A paragraph print sets on the grid that is not the document's (主送, 附件说明, 落款, 附注)."""

    layout: QTextLayout
    count: int
    before: int
    page_break: bool
    keep_next: bool
    left: float  # px at 100 %
    slot: int = 0  # where page view placed its first line
    closing: bool = False  # a 署名 or 成文日期 (plan.CLOSING_STYLES)


@dataclass
class Decor:
    """What page view paints and reserves for a 公文's parts (block numbers of the editor's document)."""

    carried: int = -1  # a paragraph print moves to the next page to go on with the 落款 (plan.fit_closing)
    title: int = -1  # the title paragraph: starts no higher than first_slot, page one moves down from it
    first_slot: int = 0
    shift: float = 0.0  # px at 100 %: page one's rows from the title on, below the grid
    flows: dict[int, list[Flow]] = field(default_factory=dict)  # block number -> paragraphs set after it
    restyles: dict[int, sp.Restyled] = field(default_factory=dict)  # block number -> how print sets it
    rows: dict[int, list[Row]] = field(default_factory=dict)  # page -> 版头 / 版记 paragraphs (paper px)
    rules: dict[int, list[Rule]] = field(default_factory=dict)
    unnumbered: set[int] = field(default_factory=set)
    record_page: int = 0  # the 版记's page in print (0: none) …
    record_after: int = 0  # … that many pages after the page the text ends on
    body_pages: int = 1  # the pages the text and flows fill in print

    def place(self, k: int, end: int, per_page: int) -> int:
        """Place the paragraphs print sets after block k, which ends at grid slot `end`; where they end."""
        flows = self.flows.get(k, [])
        refit(flows, end, per_page)
        for flow in flows:
            if flow.before and end % per_page:
                end = min(end + flow.before, (end // per_page + 1) * per_page)
            flow.slot = lb.place(end, flow.count, flow.page_break, flow.keep_next, per_page)
            end = flow.slot + flow.count
        return end

    def space_before(self, k: int, end: float, per_page: int) -> float:
        """Where paragraph k may start after one ending at `end`: below the blank lines print leaves above it."""
        restyle = self.restyles.get(k)
        if restyle is None or not restyle.before or not int(end) % per_page:
            return end
        return float(min(int(end) + restyle.before, (int(end) // per_page + 1) * per_page))

    def moved(self, after: int, count: int) -> None:
        """Paragraphs were added (count > 0) or removed after paragraph `after`: the anchors move with the text."""
        def move(k: int) -> int:  # an anchor removed with its paragraph: the one the removal ends in
            return max(k + count, after) if k > after else k
        self.title, self.carried = move(self.title), move(self.carried)
        flows: dict[int, list[Flow]] = {}
        for k, items in self.flows.items():
            flows.setdefault(move(k), []).extend(items)
        self.flows = flows
        # A restyled paragraph removed with the edit loses its restyle (the paragraph the removal ends in keeps its own).
        self.restyles = {k + count if k > after else k: r for k, r in self.restyles.items() if k <= after or k + count > after}

    def same_lines(self, other: Decor) -> bool:
        """Whether another layout of the parts takes the same grid lines (the text stays where it is)."""
        def lines(d: Decor) -> list[tuple[int, int, int, bool, bool]]:
            return [(k, f.count, f.before, f.page_break, f.keep_next) for k, fs in d.flows.items() for f in fs]
        return ((self.title, self.carried, self.first_slot, round(self.shift, 3), self.record_after, self.unnumbered, lines(self))
                == (other.title, other.carried, other.first_slot, round(other.shift, 3), other.record_after, other.unnumbered,
                    lines(other)))

    def changed_restyles(self, other: Decor) -> set[int]:
        """The paragraphs another layout of the parts sets otherwise (restyled, or no longer)."""
        return {k for k in self.restyles.keys() | other.restyles.keys()
                if (k in self.restyles and self.restyles[k].key()) != (k in other.restyles and other.restyles[k].key())}

    def keep_slots(self, old: Decor) -> None:
        """Take the slots page view gave the same paragraphs of an earlier layout."""
        for k, flows in self.flows.items():
            for flow, before in zip(flows, old.flows.get(k, []), strict=False):
                flow.slot = before.slot

    def unnumbered_at(self, text_pages: int) -> set[int]:
        """The pages without a number when page view's text fills `text_pages` (print's, moved with the text)."""
        return {p if p <= self.body_pages else p + text_pages - self.body_pages for p in self.unnumbered}

    def record_at(self, text_pages: int) -> int:
        """The page the 版记 is painted on when page view's text fills `text_pages` (0: none)."""
        return text_pages + self.record_after if self.record_page else 0


def refit(flows: list[Flow], end: int, per_page: int) -> None:
    """The blank lines above the 署名 for text ending at grid slot `end`, as plan.fit_closing gives them.

    Typing that moves the text's end changes them at once (cheap: a few numbers); when the 落款 fits
    with none of them, the text's last paragraph has to go on with it: that waits for the parts to be
    laid out again (page_view.refresh_parts), as anything else print decides on the whole document.
    """
    ends = [i for i, flow in enumerate(flows) if flow.closing]
    if not ends or not end % per_page:
        return
    first = ends[0]
    others = sum(f.before + f.count for i, f in enumerate(flows[:ends[-1] + 1]) if i != first) + flows[first].count
    for before in (CLOSING_BEFORE, 1, 0):
        if others + before <= per_page - end % per_page:
            flows[first].before = before
            return


CLOSING_BEFORE = 2  # plan.closing: two blank lines above the 署名 (or a date without one)


class _Traced(GongwenPages):
    """Print's layout of the 公文, noting which top-level paragraph is which and the paragraphs it adds."""

    def __init__(self, model: Document, available: list[str], overrides: dict[str, list[str]] | None,
                 *found: object) -> None:
        self.added: list[int] = []  # id() of each top-level paragraph, in order
        self.first_lines: list[int] = []  # … and the index of its first line in self.lines
        self.carried = -1  # the one print moved to the next page with the 落款 (index in added)
        self.flowed: list[tuple[int, Flow]] = []  # (index in added of the anchor, paragraph)
        self.restyle_at: dict[int, sp.Restyled] = {}  # index in added -> how a restyled paragraph was set
        self._flowing = False
        self._styles: list[str] = []
        super().__init__(model, available, overrides, *found)  # type: ignore[arg-type]

    def _add(self, p: Paragraph, role: lb.Role | None = None, before: int = 0, left: float = 0.0,
             right: float = 0.0) -> None:
        self.added.append(id(p))
        self.first_lines.append(len(self.lines))
        super()._add(p, role, before, left, right)

    def _fit_closing(self, items: list, tail: int = 0) -> list:  # type: ignore[type-arg]
        before = list(self.slots)
        fitted = super()._fit_closing(items, tail)
        moved = next((i for i, (a, b) in enumerate(zip(before, self.slots, strict=False)) if a != b), None)
        if moved is not None and moved in self.first_lines:
            self.carried = self.first_lines.index(moved)
        return fitted

    def _flow(self, items: list) -> None:  # type: ignore[type-arg]
        self._styles = [item.style for item in items]
        self._flowing = True
        try:
            super()._flow(items)
        finally:
            self._flowing = False

    def _place(self, layout: QTextLayout, text: str, role: lb.Role, break_before: bool, before: int = 0,
               left: float = 0.0, right: float = 0.0) -> None:
        start = len(self.lines)
        super()._place(layout, text, role, break_before, before, left, right)
        index = len(self.added) - 1
        if not self._flowing and self.added and self.added[-1] in self.restyled and index not in self.restyle_at:
            self.restyle_at[index] = sp.Restyled(role, before, left, right, break_before)
        if self._flowing:
            closing = self._styles.pop(0) in plan.CLOSING_STYLES if self._styles else False
            flow = Flow(layout, len(self.lines) - start, before, break_before, role.keep_next, left, closing=closing)
            self.flowed.append((len(self.added) - 1, flow))


def has_parts(doc: QTextDocument) -> bool:
    """Whether the document holds 公文 parts (cheap: its properties only)."""
    return from_properties(state_of(doc).properties) is not None


def decor_of(doc: QTextDocument, available: list[str], overrides: dict[str, list[str]] | None) -> Decor | None:
    """Print's layout of the document's 公文 parts for page view; None when it has none."""
    if not has_parts(doc):
        return None
    from editor.gui.document.bridge import to_model  # as gongwen_pages.paged: that package uses this one

    model = to_model(doc)
    found = parts_of(model)
    if found is None:
        return None
    pages = _Traced(model, available, overrides, *found)
    blocks = _top_blocks(doc)

    def block(i: int) -> int:
        return blocks[i] if 0 <= i < len(blocks) else (blocks[-1] if blocks else 0)

    decor = Decor(rows=pages.rows, rules=pages.rules, unnumbered=set(pages.unnumbered),
                  first_slot=pages.first_slot, shift=pages.first_page_shift, record_page=pages.record_page)
    if pages.title_key in pages.added:
        decor.title = block(pages.added.index(pages.title_key))
    if pages.carried >= 0:
        decor.carried = block(pages.carried)
    for anchor, flow in pages.flowed:
        decor.flows.setdefault(block(anchor), []).append(flow)
    decor.restyles = {block(i): restyle for i, restyle in pages.restyle_at.items()}
    last = pages.slots[-1] if pages.slots else pages.first_slot
    decor.body_pages = last // pages.lines_per_page + 1
    if pages.record_page:
        decor.record_after = pages.record_page - decor.body_pages
    return decor


def _top_blocks(doc: QTextDocument) -> list[int]:
    """The numbers of the paragraphs outside tables: print's top-level paragraphs, in order."""
    found, block = [], doc.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is None:
            found.append(block.blockNumber())
        block = block.next()
    return found


def paint_page(painter: QPainter, decor: Decor, page: int, record_page: int, left_mm: float, top_mm: float,
               pitch: float, per_page: int, foot: float | None = None) -> None:
    """Paint one page's parts in paper px at 100 % (the painter scales and moves to the sheet).

    `foot`: where the sheet is cut off, as between pages (its bottom margin hidden). A rule print puts
    in that margin (a 信函's lower red double line, 20 mm from the page's bottom edge) is painted right
    above the cut, at the foot of the page, rather than not at all.
    """
    painter.save()
    painter.setPen(Qt.GlobalColor.black)
    source = decor.record_page if page == record_page and record_page else (1 if page == 1 else 0)
    for row in decor.rows.get(source, []):
        row.layout.draw(painter, row.origin)
    left, top = left_mm * PX_PER_MM, top_mm * PX_PER_MM
    for flows in decor.flows.values():
        for flow in flows:
            for i in range(flow.count):
                slot = flow.slot + i
                if slot // per_page + 1 != page:
                    continue
                line = flow.layout.lineAt(i)
                shift = decor.shift if page == 1 else 0.0
                y = top + shift + (slot % per_page) * pitch + (pitch - line.height()) / 2 - line.y()
                line.draw(painter, QPointF(left + flow.left, y))
    painter.setPen(Qt.PenStyle.NoPen)
    rules = decor.rules.get(source, [])
    hidden = [r for r in rules if foot is not None and r.y + r.thick > foot]
    lift = max((r.y + r.thick for r in hidden), default=0.0) - (foot or 0.0) + FOOT_GAP
    for rule in rules:
        painter.setBrush(rule.color)
        painter.drawRect(QRectF(rule.x, rule.y - (lift if rule in hidden else 0.0), rule.width, rule.thick))
    painter.restore()


FOOT_GAP = 6.0  # px at 100 %: a rule moved up from a hidden bottom margin ends this far above the cut
