"""The DOCX round-trip state a QTextDocument carries, and the placeholder drawn for kept content.

Kept content (an image, a text box, a content control …) is one object character in the editor,
drawn as a small grey box that names what it is and its size ("图片 3.2 × 4.1 cm"); it can be
selected and deleted like a character, in one undo step. Its XML waits in the document's state
with the source package and the signatures of the blocks as they were loaded.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from editor.core.model.document import Block, KeptItem, Paragraph, Run, Table, signature, untouched

_USER = int(QTextFormat.Property.UserProperty)
KEPT_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 0x59
KEPT_KEY = _USER + 0x5960  # char property: key into the state's kept items
KEPT_LABEL = _USER + 0x5961  # char property: what the placeholder says
KEPT_BLOCK = _USER + 0x5962  # block property: the block stands for a kept block
EXTRA_P = _USER + 0x5963  # block property: raw paragraph properties
EXTRA_R = _USER + 0x5964  # char property: raw run properties
WRAP = _USER + 0x5966  # char property: key of the inline content control around the text
ORIGIN = _USER + 0x5965  # block / table property: where the block came from in the source body
# Block / char property: the paragraph's or run's format as read, where the editor shows it otherwise
# (a heading run's own bold, a title's own centring): see remember_format.
READ_P = _USER + 0x5967
READ_R = _USER + 0x5968
P_FIELDS = ("style", "align", "first_line_indent", "left_indent", "right_indent", "line_spacing", "line_height",
            "space_before", "space_after", "list_kind", "list_level", "list_id", "page_break_before")
R_FIELDS = ("bold", "italic", "underline", "font", "size", "color", "link")
_LIST_ID = P_FIELDS.index("list_id")
STATE = "yukuDocxState"


def _prop(fmt: QTextFormat, key: int) -> object:
    """A format property, or None when unset.

    PySide6 6.12 returns None from QTextFormat.property(), QObject.property(), textList(),
    currentFrame() … without taking a reference: thousands of such calls free None itself and
    abort the interpreter ("deallocating None"). So ask only for what exists.
    """
    return fmt.property(key) if fmt.hasProperty(key) else None


def _has_dynamic(obj: QObject, name: str) -> bool:
    """Whether a QObject carries a dynamic property (asking for a missing one leaks, see _prop)."""
    return any(bytes(n.data()) == name.encode() for n in obj.dynamicPropertyNames())


@dataclass
class DocxState:
    """What a QTextDocument carries for the DOCX round trip."""

    kept: dict[str, KeptItem] = field(default_factory=dict)
    source: bytes | None = None
    unsupported: list[str] = field(default_factory=list)
    # Origin -> signature of the block as the editor showed it right after loading: a block that
    # still has it is untouched, and saving writes back its source element as it was.
    baseline: dict[str, int] = field(default_factory=dict)
    base: int | None = None  # body_signature of the blocks as loaded (Document.base)
    properties: dict[str, str] = field(default_factory=dict)  # Document.properties (the 公文要素)
    encoding: str | None = None  # Document.encoding (a text file's own encoding)


def state_of(qdoc: QTextDocument) -> DocxState:
    """The document's round-trip state (empty for a new document)."""
    st = qdoc.property(STATE) if _has_dynamic(qdoc, STATE) else None
    return st if isinstance(st, DocxState) else DocxState()


def set_properties(qdoc: QTextDocument, properties: dict[str, str]) -> None:
    """Replace the document's own properties (Document.properties), kept by drafts and saves."""
    st = state_of(qdoc)
    st.properties = dict(properties)
    qdoc.setProperty(STATE, st)  # a new document had no state yet: state_of gave a fresh one


def clear_state(qdoc: QTextDocument) -> None:
    """Forget the source package (New, or another file opened)."""
    qdoc.setProperty(STATE, DocxState())


class KeptObjectHandler(QPyTextObject):
    """Draws kept content as a small grey box with its label; invisible markers take no room.

    QPyTextObject, not QObject + QTextObjectInterface: Qt's registerHandler qobject_casts the handler
    to the interface, which a Python class mixing the two does not answer, so it was silently ignored.
    """

    def _label(self, fmt: QTextFormat) -> str:
        value = _prop(fmt, KEPT_LABEL)
        return value if isinstance(value, str) else ""

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        """Room for the label."""
        label = self._label(fmt)
        if not label:
            return QSizeF(0, 0)
        metrics = QFontMetricsF(doc.defaultFont())
        return QSizeF(metrics.horizontalAdvance(f"〔{label}〕") + 4, metrics.height())

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, pos: int,
                   fmt: QTextFormat) -> None:
        """A rounded grey box with the label."""
        label = self._label(fmt)
        if not label:
            return
        rect = QRectF(rect)
        painter.save()
        painter.setPen(QColor("#888888"))
        painter.setBrush(QColor("#f0f0f0"))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.setFont(doc.defaultFont())
        painter.setPen(QColor("#555555"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"〔{label}〕")
        painter.restore()


def _install_handler(qdoc: QTextDocument) -> None:
    layout = qdoc.documentLayout()
    if _has_dynamic(layout, "yukuKeptHandler"):
        return
    handler = KeptObjectHandler(qdoc)  # parented: lives as long as the document
    layout.registerHandler(KEPT_OBJECT, handler)
    layout.setProperty("yukuKeptHandler", True)
    qdoc.setProperty("yukuKeptHandlerRef", handler)


def _kept_format(key: str, label: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(KEPT_OBJECT)
    fmt.setProperty(KEPT_KEY, key)
    fmt.setProperty(KEPT_LABEL, label)
    fmt.setToolTip(label)
    return fmt


def remember_format(fmt: QTextFormat, key: int, shown: object, read: object, fields: tuple[str, ...]) -> bool:
    """Store in fmt the format read from the file when the editor gives back another one (True if so).

    The editor shows a heading run's explicit bold as the heading's own weight and a title's explicit
    centring as the title's own; read back, both would say "inherit" and a save would drop them from
    an edited paragraph. While the editor still shows the same, restore_format gives back what was read.
    """
    was = [getattr(shown, f) for f in fields]
    own = [getattr(read, f) for f in fields]
    if was == own:
        return False
    fmt.setProperty(key, json.dumps([was, own]))
    return True


def shown_run(run: Run, style: object) -> Run:
    """The run as the editor gives it back (bridge._run) in a paragraph of this style, told without Qt.

    In a bold heading style a run in the style's fonts shows the heading's weight: read back, its
    bold is the style's, whatever the run said; a run in a font of its own keeps the weight shown.
    """
    if style is None or getattr(style, "id", "body") == "body" or not getattr(style, "bold", False):
        return run
    shown = bool(run.font)
    return run if shown == run.bold else replace(run, bold=shown)


def shown_paragraph(p: Paragraph, style: object) -> Paragraph:
    """The paragraph's format as the editor gives it back (bridge._paragraphs), told without Qt.

    A centred role (the title) shows its centring as its own, so an explicit centre reads back as
    none; Qt numbers lists by position, so a list's id never reads back (restore_format ignores it).
    """
    shown = p
    if getattr(style, "centered", False) and p.align == "center":
        shown = replace(shown, align=None)
    if p.list_kind:
        shown = replace(shown, list_id=None)
    return shown


def restore_format(fmt: QTextFormat, key: int, target: object, fields: tuple[str, ...]) -> None:
    """The format as read onto target (a Paragraph or Run) if the editor still shows what it showed then."""
    raw = _prop(fmt, key)
    if not isinstance(raw, str):
        return
    try:
        was, own = json.loads(raw)
    except ValueError:
        return
    now = [getattr(target, f) for f in fields]
    if fields is P_FIELDS:  # Qt numbers lists by position: a list is the same list when kind and level are
        now[_LIST_ID] = was[_LIST_ID]
    if now == was:
        for name, value in zip(fields, own):
            setattr(target, name, value)


def mark_untouched(blocks: list[Block] | list[Paragraph], baseline: dict[str, int]) -> None:
    """Give each block that looks as it did when loaded its signature as base (model.untouched)."""
    for block in blocks:
        if block.origin is None:
            continue
        sig = signature(block)
        block.base = sig if baseline.get(block.origin) == sig else None
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    mark_untouched(cell, baseline)


def baseline(blocks: list[Block] | list[Paragraph], out: dict[str, int]) -> dict[str, int]:
    """Origin -> signature of every block as the editor gives it back right after loading."""
    for block in blocks:
        if block.origin is not None:
            out[block.origin] = signature(block)
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    baseline(cell, out)
    return out


def untouched_origins(blocks: list[Block] | list[Paragraph]) -> set[str]:
    """Origins of the blocks (table cells included) that are as read, but for any edited copy."""
    clean: set[str] = set()
    dirty: set[str] = set()

    def walk(items: list[Block] | list[Paragraph]) -> None:
        for block in items:
            if block.origin is not None:
                (clean if untouched(block) else dirty).add(block.origin)
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        walk(cell)
    walk(blocks)
    return clean - dirty


def qt_filler(blocks: list[Block], i: int) -> bool:
    """An empty block Qt keeps around a table (and in an empty document) that the source lacks."""
    b = blocks[i]
    return isinstance(b, Paragraph) and b.origin is None and not b.runs and not b.extra and \
        b.kept_block is None and (len(blocks) == 1 or (i > 0 and isinstance(blocks[i - 1], Table))
                                  or (i == 0 and isinstance(blocks[1], Table)))


def p_is_style(cf: QTextCharFormat, style_families: list[str]) -> bool:
    """True when a fragment still has its paragraph style's fonts (so its weight is the style's)."""
    fams = cf.fontFamilies() if cf.hasProperty(QTextFormat.Property.FontFamilies) else None
    return bool(fams) and list(fams or []) == style_families


def char_format(run: Run, base: QTextCharFormat) -> QTextCharFormat:
    """A run's format for the editor, on top of its paragraph's base format."""
    cf = QTextCharFormat(base)
    if run.bold:
        cf.setFontWeight(QFont.Weight.Bold)
    if run.italic:
        cf.setFontItalic(True)
    if run.underline:
        cf.setFontUnderline(True)
    if run.font:
        cf.setFontFamilies([run.font])
    if run.size:
        cf.setFontPointSize(run.size)
    if run.color:
        cf.setForeground(QColor("#" + run.color))
    if run.link:
        cf.setAnchor(True)
        cf.setAnchorHref(run.link)
    if run.extra:
        cf.setProperty(EXTRA_R, run.extra)
    if run.wrap:
        cf.setProperty(WRAP, run.wrap)
    return cf

