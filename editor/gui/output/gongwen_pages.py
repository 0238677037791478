"""Print a 公文 as its official DOCX lays it out: 版头, 主送, 附件说明, 落款, 附注 and 版记 around the body.

The items come from core/gongwen/plan.py, the same the DOCX layout writes; this sets them with
line_breaks (as the body is set) and paints them: the 版头 at the top of page one (the body's rows
there move down by its height), 主送 and the closing parts in the flow on the 22-line grid, the 版记
at the foot of the last page (a blank page before it when the standard asks for one, both unnumbered),
and for a 信函 the 标志 and double red lines of its first page, which carries no page number.
Vertical gaps the DOCX leaves to LibreOffice (under a border, around the 版记's rules) are LibreOffice
7.4's, measured on its PDFs.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument, QTextLayout, QTextOption

from editor.core import fonts
from editor.core.formats.registry import OFFICIAL_STYLE_ID
from editor.core.gongwen import plan
from editor.core.gongwen.export import has_layout, resolve, title_of, without_layout
from editor.core.gongwen.pages import record_breaks
from editor.core.gongwen.parts import Parts, from_properties
from editor.core.gongwen.types import LETTER, STANDARD, DocType
from editor.core.model.document import Document, Paragraph, Table
from editor.gui.output import line_breaks as lb
from editor.gui.output import page_render
from editor.gui.output.font_report import installed_families
from editor.gui.output.page_render import PX_PER_MM, PX_PER_PT, OfficialPages, Pages

RED = QColor(255, 0, 0)
LETTER_MARK_MM = plan.LETTER_MARK_MM  # 信函: 标志 top edge from the page's top edge (§10.1)
LETTER_FOOT_MM = 20.0  # 信函: the lower double line from the page's bottom edge


@dataclass
class Row:
    """A laid-out paragraph painted outside the body's grid, at a place on a page (px of the paper)."""

    layout: QTextLayout
    origin: QPointF


@dataclass
class Rule:
    """A horizontal line on a page: left, top, width and thickness in px of the paper."""

    x: float
    y: float
    width: float
    thick: float
    color: QColor


def parts_of(model: Document) -> tuple[Parts, DocType | None] | None:
    """The document's 公文 parts and type when it has any part the layout puts around the body."""
    parts = from_properties(model.properties)
    if parts is None or (not has_layout(parts) and not parts.doc_type):
        return None
    return parts, resolve(parts, title_of(model), None)


def official_pages(model: Document, available: list[str] | None = None,
                   overrides: dict[str, list[str]] | None = None) -> OfficialPages:
    """The official pages of a document: a 公文 with its parts in their places, else its body alone."""
    found = parts_of(model)
    if found is None:
        return page_render.official_document(model, available, overrides)
    return GongwenPages(model, available if available is not None else installed_families(), overrides, *found)


def paged(source: QTextDocument, style: str, base_point_size: float,
          overrides: dict[str, list[str]] | None = None) -> Pages:
    """The document laid out for printing in a style (page_render.paged), a 公文's parts included."""
    if style != OFFICIAL_STYLE_ID:
        return page_render.paged(source, style, base_point_size, overrides)
    # Imported here, as in page_render.paged: that package uses this one.
    from editor.gui.document.bridge import to_model

    return official_pages(to_model(source), None, overrides)


class GongwenPages(OfficialPages):
    """The official pages of a 公文: the body as OfficialPages sets it, with the parts in their places."""

    def __init__(self, model: Document, available: list[str], overrides: dict[str, list[str]] | None,
                 parts: Parts, doc_type: DocType | None) -> None:
        self.parts = parts
        self.kind = doc_type.layout if doc_type else STANDARD
        self.upward = bool(doc_type and doc_type.upward)
        self.faces = {cls: fonts.resolve(cls, available, overrides)
                      for cls in (plan.XBS, plan.FS, plan.HT, plan.KT, "latin")}
        self.rows: dict[int, list[Row]] = {}  # page -> paragraphs painted off the grid
        self.rules: dict[int, list[Rule]] = {}
        self.unnumbered: set[int] = {1} if self.kind == LETTER else set()
        self.record_page = 0
        self.letter_bottom = 0.0  # px: where a 信函's first-page head ends
        self.title_key = self.end_key = -1
        self.restyled: dict[int, plan.Item] = {}
        self.written: list[tuple[int, str]] = []
        self.tail = 0
        # Each paragraph placed on the grid: its first line, whether it keeps with the next, its text, and
        # how many table rows were set before it (a table's rows never move with the 落款).
        self.starts: list[tuple[int, bool, str, int]] = []
        self.after_table = False
        self.head = plan.head(parts, self.kind, self.upward)
        super().__init__(without_layout(model), available, overrides)

    # -- layout -------------------------------------------------------------------------------------

    def _build(self, doc: Document) -> None:
        top = [b for b in doc.blocks if isinstance(b, Paragraph)]
        if top:
            texts = ["".join(r.text for r in p.runs) for p in top]
            styles = [p.style for p in top]
            self.title_key = id(top[plan.title_index(styles)])
            self.end_key = id(top[plan.end_of_text(texts)])
            last = doc.blocks[-1]
            if isinstance(last, Table) and plan.end_of_text(texts) == len(texts) - 1:
                # Text ending in a table: the DOCX closes it with an empty paragraph, and the 落款 follows (_build).
                self.end_key, self.after_table = -1, True
            restyled = plan.restyles(texts, styles, self.parts)
            self.restyled = {id(top[i]): item for i, item in restyled.items()}
            # A 署名 and date written in the text, with their texts: fitted when the first comes (_add).
            written = [i for i in plan.written_closing(restyled) if i > 0]
            self.written = [(id(top[i]), texts[i]) for i in written]
            self.tail = plan.empty_after(texts, written[-1]) if written else 0
            if self.head.title is not None:  # its space before is the 版头's business (_head)
                self.restyled[self.title_key] = dataclasses.replace(self.head.title, before=0)
        if self.kind == LETTER:
            self._letter_page()
        super()._build(doc)
        if self.after_table:
            self._flow([plan.Item("", (plan.Span(""),))])
            self._flow(self._fit_closing(plan.closing(self.parts, self.kind)))
        if not top:
            self._head()
            self._flow(plan.closing(self.parts, self.kind))
        self._record()

    def _add(self, p: Paragraph, role: lb.Role | None = None, before: int = 0, left: float = 0.0,
             right: float = 0.0) -> None:
        key = id(p)
        if key == self.title_key:
            self._head()
        if self.written and key == self.written[0][0]:
            items = [dataclasses.replace(self.restyled[k], spans=(plan.Span(t),)) for k, t in self.written]
            for (k, _t), fitted in zip(self.written, self._fit_closing(items, self.tail), strict=True):
                self.restyled[k] = fitted
        item = self.restyled.get(key)
        if item is not None:
            base = role or lb.role_of(self.preset, p.style)
            font = base.font
            if item.heiti:
                font = QFont(font)
                font.setFamilies([self.faces[plan.HT], base.latin])
            role = dataclasses.replace(base, font=font, align=_ALIGN[item.align], indent=self._chars(item.first))
            p = dataclasses.replace(p, page_break_before=p.page_break_before or item.page_break)
            before, left, right = round(item.before), self._chars(item.left), self._chars(item.right)
        super()._add(p, role, before, left, right)
        main = plan.main(self.parts) if key == self.title_key else None
        closing = self._fit_closing(plan.closing(self.parts, self.kind)) if key == self.end_key else []
        # The DOCX puts each after its anchor: the closing right after a title that ends the text.
        self._flow(closing + ([main] if main else []) if key == self.end_key == self.title_key
                   else ([main] if main else []) + closing)

    def _place(self, layout: QTextLayout, text: str, role: lb.Role, break_before: bool, before: int = 0,
               left: float = 0.0, right: float = 0.0) -> None:
        self.starts.append((len(self.lines), role.keep_next, text, len(self.table_rows)))
        super()._place(layout, text, role, break_before, before, left, right)

    def _fit_closing(self, items: list[plan.Item], tail: int = 0) -> list[plan.Item]:
        """The closing items fitted under the text's last paragraph, as the DOCX fits them (plan.fit_closing).

        When the text's last paragraph has to go on with the 落款, it moves to the next page whole, with the
        keep-with-next paragraphs (headings) right before it and the empty ones after it: what LibreOffice
        does with the DOCX.
        """
        if not self.slots or not items:
            return items
        per = self.lines_per_page
        chain = len(self.starts) - 1
        while chain > 0 and not self.starts[chain][2].strip():
            chain -= 1  # empty paragraphs after the last words (a draft's final newline): blank lines
        # A table set after the last words: its rows do not move (the DOCX keeps paragraphs with the next).
        in_table = len(self.table_rows) > self.starts[chain][3]
        words = self.slots[self.starts[chain + 1][0] - 1] if chain + 1 < len(self.starts) else self.slots[-1]
        after = self.next_slot()  # below the empty lines, and below a table's borders
        while (chain > 0 and self.starts[chain - 1][1] and self.starts[chain - 1][3] == self.starts[chain][3]
               and self.slots[self.starts[chain - 1][0]] // per == words // per):
            chain -= 1
        first = self.slots[self.starts[chain][0]]
        movable = first // per == words // per and first % per > 0 and not in_table
        lines = [self._set(item, self.text_width - self._chars(item.left) - self._chars(item.right), self.pitch)[1]
                 for item in items]
        lines[-1] += tail  # empty lines after a written date stay on its page (layout._fit_closing)
        room = per - after % per if after // per == words // per else 0
        fitted, carry = plan.fit_closing(items, lines, room, movable)
        if carry:
            shift = (first // per + 1) * per - first
            for i in range(self.starts[chain][0], len(self.slots)):
                self.slots[i] += shift
        return fitted

    def _chars(self, n: float) -> float:
        """The width of n body characters in px, rounded to twips as the DOCX has them."""
        return plan.char_twips(n) / 20 * PX_PER_PT

    def _set(self, item: plan.Item, width: float, pitch: float) -> tuple[QTextLayout, int]:
        """Lay an item's text out `width` px wide on lines `pitch` px apart; the layout and its line count."""
        layout, role = self._prepare(item)
        return layout, lb.break_lines(layout, item.text, role, width, pitch)

    def _prepare(self, item: plan.Item) -> tuple[QTextLayout, lb.Role]:
        """An item's text with its fonts, colours and tab stop, not yet broken into lines; and its role."""
        text = item.text
        first = item.spans[0] if item.spans else plan.Span("")
        role = self._role(first, item)
        layout = QTextLayout(text, role.font)
        option = lb.text_option(role)
        if item.tab is not None:
            # Word measures tab stops from the margin, Qt from where the (first) line starts.
            at = item.tab / 20 * PX_PER_PT - self._chars(item.left) - self._chars(item.first)
            option.setTabs([QTextOption.Tab(at, QTextOption.TabType.RightTab)])
        layout.setTextOption(option)
        ranges: list[QTextLayout.FormatRange] = []
        autospace = len(lb.formats(text, [], role))  # formats() ends with the autospace ranges
        pos = 0
        for span in item.spans:
            run = lb.RunStyle(pos, len(span.text), underline=span.underline)
            found = lb.formats(text, [run], self._role(span, item))
            for fr in found[:len(found) - autospace]:
                if span.red:
                    fr.format.setForeground(RED)
                ranges.append(fr)
            pos += len(span.text)
        layout.setFormats(ranges + lb.formats(text, [], role))
        return layout, role

    def _role(self, span: plan.Span, item: plan.Item) -> lb.Role:
        """The role a span is set in: its font class, size and spacing, the item's alignment and indent."""
        font = QFont()
        font.setFamilies([self.faces[span.face], self.faces["latin"]])
        size = plan.half_points(span.size)
        font.setPointSizeF(size)
        font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
        spacing = span.spacing if span.spacing is not None else (self.preset.char_spacing or 0)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing / 20 * PX_PER_PT)
        return lb.Role(font, self.faces["latin"], False, _ALIGN[item.align], self._chars(item.first), False,
                       size / 5 * PX_PER_PT)

    def _flow(self, items: list[plan.Item]) -> None:
        """Paragraphs on the grid after the last one set (主送, 附件说明, 落款, 附注)."""
        for item in items:
            layout, role = self._prepare(item)
            self._place(layout, item.text, role, item.page_break, round(item.before), self._chars(item.left),
                        self._chars(item.right))

    def _head(self) -> None:
        """Lay out the 版头 at the top of page one; the title and the rows after it move down below it."""
        head = self.head
        rows_before = self.slots[-1] + 1 if self.slots else 0  # paragraphs before the title stay above
        if rows_before >= self.lines_per_page or (not head.items and head.title is None):
            return
        left, y = self.setup.left * PX_PER_MM, self.setup.top * PX_PER_MM + rows_before * self.pitch
        if self.kind == LETTER:  # below the head in the first page's header, where it reaches into the page
            y = max(y, self.letter_bottom)
        for item in head.items:
            y += plan.line_twips(item.before) / 20 * PX_PER_PT
            pitch = item.line_pt * PX_PER_PT if item.line_pt else self.pitch
            x = self._chars(item.left)
            layout, count = self._set(item, self.text_width - x - self._chars(item.right), pitch)
            self.rows.setdefault(1, []).append(Row(layout, QPointF(left + x, y)))
            y += count * pitch
            if item.rule is not None:
                y = self._rule(1, item.rule, y, left, self.text_width)
        if head.title is not None:
            y += plan.line_twips(head.title.before) / 20 * PX_PER_PT
        used = y - self.setup.top * PX_PER_MM
        fit = max(1, int((self.text_height - used) / self.pitch + 1e-3))  # whole lines below the 版头
        self.first_slot = max(rows_before, self.lines_per_page - fit)
        self.first_page_shift = used - self.first_slot * self.pitch
        self.shift_from = len(self.lines)

    def _rule(self, page: int, rule: plan.Rule, y: float, x: float, width: float) -> float:
        """Paint a rule `rule.space` pt under y; returns where the next paragraph starts."""
        y += rule.space * PX_PER_PT
        thick = rule.eighths / 8 * PX_PER_PT
        color = RED if rule.color.upper() == "FF0000" else QColor("#" + rule.color)
        if rule.style == "single":
            self.rules.setdefault(page, []).append(Rule(x, y, width, thick, color))
        else:  # a double line: thick over thin, or thin over thick
            heavy, light, gap = thick * 0.6, thick * 0.2, thick * 0.2
            first, second = (heavy, light) if rule.style.startswith("thick") else (light, heavy)
            self.rules.setdefault(page, []).extend([Rule(x, y, width, first, color),
                                                    Rule(x, y + first + gap, width, second, color)])
        return y + thick + plan.UNDER_RULE_PT * PX_PER_PT

    def _letter_page(self) -> None:
        """信函格式 (§10.1): the 标志 30 mm from the top edge over a double red line, another 20 mm from the bottom."""
        wide = self.text_width + 2 * self._chars(0.45)
        left = self.setup.left * PX_PER_MM - self._chars(0.45)
        mark = plan.letter_mark(self.parts)
        y = LETTER_MARK_MM * PX_PER_MM
        pitch = (mark.line_pt or 0) * PX_PER_PT
        if mark.spans:
            layout, count = self._set(mark, wide, pitch)
            self.rows.setdefault(1, []).append(Row(layout, QPointF(left, y)))
        self.letter_bottom = self._rule(1, mark.rule or plan.Rule(), y + pitch, left, wide)
        foot = plan.letter_foot()
        bottom = (self.setup.height - LETTER_FOOT_MM) * PX_PER_MM
        self._rule(1, foot.rule or plan.Rule(), bottom - (foot.line_pt or 0) * PX_PER_PT, left, wide)

    def _record(self) -> None:
        """The 版记 at the foot of the last page (§7.4), after the page breaks the standard asks for."""
        if not plan.has_record(self.parts, self.kind):
            return
        items = plan.record(self.parts, self.kind)
        left = self.setup.left * PX_PER_MM + (self.text_width - plan.TEXT_W_TW / 20 * PX_PER_PT) / 2
        width = plan.TEXT_W_TW / 20 * PX_PER_PT
        set_items = [self._set(item, width - self._chars(item.left) - self._chars(item.right), self.pitch)
                     if item.line_pt is None else None for item in items]
        need = plan.record_height(items, [s[1] if s else 0 for s in set_items])
        last = self.slots[-1] if self.slots else self.first_slot - 1
        page = max(last, 0) // self.lines_per_page + 1
        used = (last % self.lines_per_page + 1) * self.pitch + (self.first_page_shift if page == 1 else 0)
        breaks = record_breaks(page, used / PX_PER_PT, need, self.kind != LETTER)
        if breaks == 2:
            self.unnumbered |= {page + 1, page + 2}
        page = self.record_page = page + breaks
        self.min_pages = max(self.min_pages, page)
        # Upwards from the bottom of the text block: the last line, the thin rule's row, the 抄送 above it.
        ruled = self.kind != LETTER
        black, thick = QColor(Qt.GlobalColor.black), plan.THICK / 8 * PX_PER_PT
        y = (self.setup.height - self.setup.bottom) * PX_PER_MM
        rules = self.rules.setdefault(page, [])
        if ruled:
            rules.append(Rule(left, y - thick, width, thick, black))
            y -= plan.RECORD_BOTTOM_PT * PX_PER_PT
        for item, laid in zip(reversed(items), reversed(set_items), strict=True):
            if laid is None:  # the thin rule between 抄送 and 印发
                y -= plan.RECORD_RULE_ROW_PT * PX_PER_PT
                rules.append(Rule(left, y + plan.RECORD_THIN_AT_PT * PX_PER_PT, width, thick / 2, black))
                continue
            layout, count = laid
            y -= count * self.pitch
            self.rows.setdefault(page, []).append(Row(layout, QPointF(left + self._chars(item.left), y)))
        if ruled:
            rules.append(Rule(left, y - plan.RECORD_TOP_PT * PX_PER_PT, width, thick, black))

    # -- painting -----------------------------------------------------------------------------------

    def paint_page(self, painter: QPainter, page: int, numbers: bool = True) -> None:
        """Paint one page (1-based): its body lines, the parts on it, its number unless it has none."""
        super().paint_page(painter, page, numbers and page not in self.unnumbered)
        painter.save()
        painter.setPen(Qt.GlobalColor.black)
        for row in self.rows.get(page, []):
            row.layout.draw(painter, row.origin)
        painter.setPen(Qt.PenStyle.NoPen)
        for rule in self.rules.get(page, []):
            painter.setBrush(rule.color)
            painter.drawRect(QRectF(rule.x, rule.y, rule.width, rule.thick))
        painter.restore()


_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight, "both": Qt.AlignmentFlag.AlignJustify}

