"""What the 公文 layout puts around the body, as plain data: the official DOCX and Yuku's own print share it.

Each part becomes an Item (a paragraph: its text in spans with font class, size and colour, alignment,
indents in characters, space before in lines, an exact line height, a right tab, a rule under it).
layout.py writes the items as DOCX paragraphs; the print renderer (gui/output/gongwen_pages.py) sets and
paints the same items, so a decision (what goes where, in which font) is made once, here.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from editor.core.formats.official_style import CHAR_PT, CHARS, LINE_PITCH_PT
from editor.core.gongwen.parts import Parts
from editor.core.gongwen.source import ATTACH_PAGE, Line, assign_roles
from editor.core.gongwen.types import LETTER, MINUTES, ORDER, STANDARD
from editor.core.model.headings import heading_level

# Font classes (fonts.resolve names them on this machine).
XBS, FS, HT, KT = "xiaobiaosong", "fangsong", "heiti", "kaiti"
BODY, RECORD_PT = 16.0, 14.0
CHAR_TW = 15.75 * 20  # one body character (3号 with the official character spacing), in twips
TEXT_W_TW = round(CHARS * CHAR_TW)  # the text block's width, 28 characters
MARK_MAX_PT = 42.0
MARK_TOP_MM = {STANDARD: 35.0, ORDER: 20.0, MINUTES: 35.0}  # 标志 top edge below the 版心 top (§7.2.4, §10.2)
PT_PER_MM = 72 / 25.4
LETTER_MARK_MM = 30.0  # 信函: 标志 top edge from the page's top edge (§10.1)
TOP_MM = 37.0  # the official page's top margin (天头)
UNDER_RULE_PT = 1.9  # LibreOffice (7.4, measured) leaves this much under a paragraph's bottom border
# The 版记's framed paragraphs as LibreOffice 7.4 lays them out (measured), from the text block's bottom up:
RECORD_BOTTOM_PT = 5.0  # the last line ends 4 pt above the closing rule, which ends the text block
RECORD_RULE_ROW_PT = 34.2  # the paragraph holding the thin rule between 抄送 and 印发 …
RECORD_THIN_AT_PT = 18.4  # … and where in it the rule is
RECORD_TOP_PT = 13.3  # from the top rule down to the first line
THICK = 8  # eighths of a point: the red rule and the 0.35 mm rules of the 版记 (§7.4.1)


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph's text in one font class, size and colour."""

    text: str
    face: str = FS
    size: float = BODY
    red: bool = False
    spacing: int | None = None  # character spacing in twentieths of a point; None: the document's
    underline: bool = False


@dataclass(frozen=True)
class Rule:
    """A line under a paragraph: its DOCX line style, width in eighths of a point, gap above it in points."""

    style: str = "single"
    eighths: int = THICK
    space: int = 11
    color: str = "FF0000"


@dataclass(frozen=True)
class Item:
    """One paragraph the layout adds or restyles (indents in characters, space before in lines)."""

    style: str
    spans: tuple[Span, ...] = ()
    align: str = "left"  # left center right both
    first: float = 0.0
    left: float = 0.0
    right: float = 0.0
    before: float = 0.0
    line_pt: float | None = None  # an exact line height; None: the grid's
    tab: int | None = None  # a right tab stop, twips from the left of the text block
    rule: Rule | None = None
    page_break: bool = False
    heiti: bool = False  # a restyled paragraph whose text takes the 黑体 (a 附件 page's label)
    keep_next: bool = False  # on the page of the paragraph after it (the 落款's parts, plan.fit_closing)

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Head:
    """The 版头: paragraphs before the title, and the title's own layout (None: left as the body has it)."""

    items: tuple[Item, ...]
    title: Item | None


def char_twips(n: float) -> int:
    """A length of n body characters (3号 with the official character spacing), in twips."""
    return round(n * CHAR_PT * 20)


def line_twips(n: float) -> int:
    """A height of n lines of the official grid, in twips."""
    return round(n * LINE_PITCH_PT * 20)


def half_points(size: float) -> float:
    """A font size as the DOCX keeps it (python-docx writes whole half points, cutting off the rest)."""
    return int(size * 2) / 2


def width(text: str) -> float:
    """The width of a text in body characters (Latin letters and digits are half a character)."""
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def mark_size(text: str) -> float:
    """A 发文机关标志 size that fits the text block (the standard leaves it to the issuer, §7.2.4)."""
    return max(16.0, min(MARK_MAX_PT, (TEXT_W_TW / 20 - 4) / max(1.0, width(text))))


def head(parts: Parts, kind: str, upward: bool) -> Head:
    """份号, 密级, 紧急程度, 发文机关标志, 发文字号 (+ 签发人) and the red line, before the title (§7.2)."""
    items: list[Item] = []
    top_lines = 0
    for style, text, face in (("GwCopyNumber", parts.copy_number, FS), ("GwSecrecy", parts.secrecy, HT),
                              ("GwUrgency", parts.urgency, HT)):
        if text:
            items.append(Item(style, (Span(text, face),)))
            top_lines += 1
    if kind == LETTER:
        if parts.doc_number:
            items.append(Item("GwDocNumber", (Span(parts.doc_number),), align="right"))
        before = 2 if parts.doc_number or top_lines else 0
        return Head(tuple(items), Item("Title", align="center", before=before))
    marks = parts.issuer_marks
    for i, mark in enumerate(marks):
        size = mark_size(mark)
        space = 0.0
        if i == 0:
            space = max(0.0, MARK_TOP_MM[kind] * PT_PER_MM - top_lines * LINE_PITCH_PT) / LINE_PITCH_PT
        items.append(Item("GwIssuerMark", (Span(mark, XBS, size, red=True, spacing=0),), align="center",
                          before=space, line_pt=round(size * 1.2, 1)))
    has_number = bool(parts.doc_number or (upward and parts.signers))
    rule = Rule(space=11) if kind != ORDER and marks else None  # 4 mm below the 发文字号 (§7.2.7)
    if has_number and upward and parts.signers:
        items.append(Item("GwDocNumber", (Span(parts.doc_number + "\t"), Span("签发人："),
                                          Span("　".join(parts.signers), KT)),
                          left=1, before=2 if marks else 0, tab=TEXT_W_TW - round(CHAR_TW), rule=rule))
    elif has_number:
        items.append(Item("GwDocNumber", (Span(parts.doc_number),), align="center", before=2 if marks else 0,
                          rule=rule))
    elif marks and kind != ORDER:  # no 发文字号: the red line 4 mm under the 标志
        items.append(Item("GwDocNumber", align="center", before=4 * PT_PER_MM / LINE_PITCH_PT, line_pt=2,
                          rule=Rule(space=1)))
    title = Item("Title", align="center", before=2) if marks or has_number else None
    return Head(tuple(items), title)


def letter_mark(parts: Parts) -> Item:
    """信函格式 (§10.1): the 标志 in the first page's header, 30 mm from the top edge, over a double red line."""
    mark = parts.issuer_marks[0] if parts.issuer_marks else ""
    size = mark_size(mark) if mark else BODY
    spans = (Span(mark, XBS, size, red=True, spacing=0),) if mark else ()
    return Item("GwIssuerMark", spans, align="center", left=-0.45, right=-0.45, line_pt=round(size * 1.2, 1),
                rule=Rule("thickThinSmallGap", 18, 11))  # 4 mm below: thick above thin


def letter_top(parts: Parts) -> float:
    """How far (pt) a 信函's first-page head reaches below the top of the text block: its text starts there."""
    mark = letter_mark(parts)
    rule = mark.rule or Rule()
    bottom = LETTER_MARK_MM * PT_PER_MM + (mark.line_pt or 0) + rule.space + rule.eighths / 8 + UNDER_RULE_PT
    return max(0.0, bottom - TOP_MM * PT_PER_MM)


def letter_foot() -> Item:
    """信函格式: the double red line 20 mm from the bottom edge of the first page, thin above thick."""
    return Item("GwLetterLine", align="center", left=-0.45, right=-0.45, line_pt=2,
                rule=Rule("thinThickSmallGap", 18, 0))


def main(parts: Parts) -> Item | None:
    """主送机关 after the title, flush left, ending in a full-width colon (§7.3.2)."""
    if not parts.main_recipients:
        return None
    return Item("GwMain", (Span(parts.main_recipients.rstrip(":：") + "："),), align="both", before=1)


def title_index(styles: list[str]) -> int:
    """The title paragraph among the body's paragraph styles (the first paragraph when none is a title)."""
    return styles.index("title") if "title" in styles else 0


def end_of_text(texts: list[str]) -> int:
    """The last paragraph of the main text (before the first 附件 page), by index."""
    for i, t in enumerate(texts[1:], 1):
        if ATTACH_PAGE.match(t.strip()):
            return i - 1
    return len(texts) - 1


def closing(parts: Parts, kind: str) -> list[Item]:
    """附件说明, 出席/列席, 署名 and 成文日期 (右空四字), 附注: the paragraphs after the text, in order."""
    items: list[Item] = []
    if parts.attachments:
        many = len(parts.attachments) > 1
        for i, name in enumerate(parts.attachments, 1):
            if i == 1:
                items.append(Item("GwAttachNote", (Span("附件：" + (f"{i}. " if many else "") + name),),
                                  align="both", first=-3, left=5, before=1))
            else:
                items.append(Item("GwAttachNote", (Span(f"{i}. {name}"),), align="both", left=5))
    if kind == MINUTES:
        for label, text in (("出席", parts.present), ("列席", parts.attending)):
            if text:
                items.append(Item("GwAttendance", (Span(f"{label}：", HT), Span(text)), align="both", first=-3,
                                  left=5, before=1 if not items else 0))
    date = parts.date
    names = parts.issuer_names
    right_of_date = 4.0
    for k, name in enumerate(names):
        right = max(0.0, right_of_date + (width(date) - width(name)) / 2) if date else 2.0
        items.append(Item("GwSignature", (Span(name),), align="right", right=right, before=2 if k == 0 else 0))
    if date:
        items.append(Item("GwDate", (Span(date),), align="right", right=right_of_date, before=0 if names else 2))
    if parts.note:
        text = parts.note if parts.note.startswith(("（", "(")) else f"（{parts.note}）"
        items.append(Item("GwNote", (Span(text),), align="both", first=2))
    return items


CLOSING_STYLES = ("GwSignature", "GwDate")


def fit_closing(items: list[Item], lines: list[int], room: int, movable: bool) -> tuple[list[Item], bool]:
    """The closing parts fitted under the text, `room` whole lines being left on its last page.

    §7.3.5.1: the 署名 and 成文日期 (and the seal over them) share a page with the text, never "此页无正文".
    The 附件说明 (or 出席/列席) before them, the 署名 and the date keep together (keep_next). When they do
    not fit with the two blank lines above the 署名, it takes one, then none (§7.3.5.4, "调整行距"); when
    even then they do not fit, the text's last paragraph goes on with them (True), if it can (`movable`,
    pages.End): each item takes `lines[i]` lines.
    """
    ends = [i for i, item in enumerate(items) if item.style in CLOSING_STYLES]
    if not ends:
        return items, False
    first = ends[0]
    kept = [dataclasses.replace(item, keep_next=True) if i < ends[-1] else item for i, item in enumerate(items)]
    others = closing_need(items, lines)
    for before in sorted({items[first].before, 1.0, 0.0}, reverse=True):
        if before <= items[first].before and others + before <= room:
            kept[first] = dataclasses.replace(kept[first], before=before)
            return kept, False
    return kept, movable


def closing_need(items: list[Item], lines: list[int]) -> float:
    """The fewest lines the 落款 group takes (no blank line above the 署名); 0 without a 署名 or date."""
    ends = [i for i, item in enumerate(items) if item.style in CLOSING_STYLES]
    if not ends:
        return 0.0
    return sum(items[i].before + lines[i] for i in range(ends[-1] + 1) if i != ends[0]) + lines[ends[0]]


def restyles(texts: list[str], styles: list[str], parts: Parts) -> dict[int, Item]:
    """Body paragraphs the layout restyles, by index: a 主送 or 落款 written in the text, 附件 pages.

    The items carry only layout (their spans are empty): the paragraph keeps its own text and style; a
    written 署名 or 成文日期's item is named GwSignature or GwDate all the same (plan.fit_closing finds them).
    """
    out: dict[int, Item] = {}
    title = title_index(styles)
    if not parts.main_recipients:
        first = next((i for i in range(title + 1, len(texts)) if texts[i].strip()), None)
        if first is not None:
            t = texts[first].strip()
            if t.endswith(("：", ":")) and len(texts[first]) <= 200 and "。" not in t:
                out[first] = Item("", align="both", before=1)
    if not parts.issuer_names and not parts.date:
        out.update(_written_closing(texts))
    for i, t in enumerate(texts[1:], 1):
        if ATTACH_PAGE.match(t.strip()):
            out[i] = Item("", align="left", page_break=True, heiti=True)  # §7.3.7: 附件 and its number, 黑体
            name = texts[i + 1].strip() if i + 1 < len(texts) else ""
            if (name and len(name) <= ATTACH_TITLE_MAX and not name.endswith(SENTENCE_END)
                    and not ATTACH_PAGE.match(name) and heading_level(name) is None):
                out[i + 1] = Item("", align="center")  # … and the 附件's title centred on the next line
    return out


ATTACH_TITLE_MAX = 60  # a 附件's title: a short line after its label that ends no sentence
SENTENCE_END = ("。", "；", "！", "？", ".", ";")


def written_closing(restyled: dict[int, Item]) -> list[int]:
    """The indices of a 署名 and 成文日期 written in the text, in order (restyles), if any."""
    return sorted(i for i, item in restyled.items() if item.style in CLOSING_STYLES)


def empty_after(texts: list[str], index: int) -> int:
    """How many empty paragraphs follow paragraph `index` before the next words or the end of the main text."""
    n = 0
    for t in texts[index + 1:end_of_text(texts) + 1]:
        if t.strip():
            break
        n += 1
    return n


def _written_closing(texts: list[str]) -> dict[int, Item]:
    """A draft that writes its 署名 and 成文日期 in the text: those lines laid out as the parts would be."""
    kept = [ln for ln in (Line(i, t.strip()) for i, t in enumerate(texts)) if ln.text]
    assign_roles(kept)
    dates = [ln for ln in kept if ln.role == "date"]
    if not dates:
        return {}
    date = dates[0]
    out: dict[int, Item] = {}
    for ln in kept:
        if ln.role == "signature" and ln.number < date.number:
            right = max(0.0, 4 + (width(date.text) - width(ln.text)) / 2)
            out[ln.number] = Item("GwSignature", align="right", right=right,
                                  before=2 if ln.number == date.number - 1 else 0)
        elif ln is date:
            out[ln.number] = Item("GwDate", align="right", right=4)
    return out


def has_record(parts: Parts, kind: str) -> bool:
    """Whether there is a 版记 (抄送, or 印发机关 and 印发日期; a 信函 prints no 印发 line)."""
    return bool(parts.copy_to or record_print(parts, kind))


def record_print(parts: Parts, kind: str) -> bool:
    """Whether the 版记 has its 印发机关 and 印发日期 line."""
    return bool(parts.printer or parts.print_date) and kind != LETTER


def record(parts: Parts, kind: str) -> list[Item]:
    """版记 (§7.4): 抄送, the thin rule, 印发机关 and 印发日期, at the bottom of the last page, in order.

    The thick rules above and below belong to the record as a whole (GwRecord's borders in the DOCX);
    a 信函's 抄送 has none (GwRecordPlain).
    """
    items: list[Item] = []
    hang = 3 * RECORD_PT / 15.75
    has_print = record_print(parts, kind)
    if parts.copy_to:
        items.append(Item("GwRecord" if kind != LETTER else "GwRecordPlain",
                          (Span("抄送：", size=RECORD_PT), Span(parts.copy_to.rstrip("。") + "。", size=RECORD_PT)),
                          align="both", first=-hang, left=1 + hang, right=1))
    if has_print and parts.copy_to:
        items.append(Item("GwRecord", (Span("\t", size=2, underline=True),), line_pt=4, tab=TEXT_W_TW))
    if has_print:
        text = parts.printer + "\t" + (parts.print_date + "印发" if parts.print_date else "")
        items.append(Item("GwRecord", (Span(text, size=RECORD_PT),), first=-hang, left=1 + hang, right=1,
                          tab=TEXT_W_TW - round(2 * CHAR_TW)))
    return items


def record_height(items: list[Item], lines: list[int]) -> float:
    """The 版记's height in points, each item taking the given number of lines (the thin rule's row none)."""
    ruled = any(item.style == "GwRecord" for item in items)
    height = RECORD_BOTTOM_PT + RECORD_TOP_PT if ruled else 0.0
    for item, n in zip(items, lines, strict=True):
        height += RECORD_RULE_ROW_PT if item.line_pt is not None else n * LINE_PITCH_PT
    return height
