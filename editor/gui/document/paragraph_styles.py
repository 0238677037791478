"""Paragraph styles (标题, 一至四级标题, 正文): a toolbar combo, Format-menu actions and shortcuts.

Enter follows Word's "style for following paragraph": at the end of a title or heading it starts a
body paragraph. With the auto_format_headings setting, Enter after a short numbered line
(一、 （一） 1. （1） without a sentence end) first makes that line the heading its numbering marks;
the auto-format is an undo step of its own, so one Ctrl+Z takes it back and keeps the new paragraph.

How a style is stored in the QTextDocument (the DOCX bridge maps it to Word's styles):
- QTextBlockFormat.headingLevel(): 1..4 for heading1..heading4, 0 for body and title;
- the block property STYLE_PROPERTY holds the core style id ("title", "heading1".."heading4",
  "body", as in editor.core.model.document.STYLES), so a title is told apart from body text.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QKeyEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QComboBox, QWidget

from editor.core.model.headings import heading_level, strip_numbering

if TYPE_CHECKING:
    from editor.gui.document.editor import DocumentEditor
    from editor.gui.window.actions import ActionFactory

# Block property holding the core style id. A fixed number so files and other modules agree.
STYLE_PROPERTY = int(QTextFormat.Property.UserProperty) + 0x5955  # 0x5955 = "YU"


@dataclass(frozen=True)
class ParagraphStyle:
    """How one style looks in the editor: size relative to body text, weight, fonts, alignment."""

    id: str
    heading_level: int
    size_adjustment: int  # QTextCharFormat.fontSizeAdjustment: relative, so zoom scales headings too
    bold: bool
    families: tuple[str, ...]
    shortcut: str
    centered: bool = False


# Families follow GB/T 9704: title 小标宋, heading1 黑体, heading2 楷体, heading3-4 and body 仿宋.
_FANGSONG = ("FangSong", "仿宋", "仿宋_GB2312", "Noto Serif CJK SC", "serif")
STYLES: tuple[ParagraphStyle, ...] = (
    ParagraphStyle("title", 0, 2, True, ("方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", "serif"),
                   "Ctrl+Shift+T", centered=True),
    ParagraphStyle("heading1", 1, 1, True, ("SimHei", "黑体", "Noto Sans CJK SC", "sans-serif"), "Ctrl+1"),
    ParagraphStyle("heading2", 2, 1, False, ("KaiTi", "楷体", "楷体_GB2312", "AR PL UKai CN", "serif"), "Ctrl+2"),
    ParagraphStyle("heading3", 3, 0, True, _FANGSONG, "Ctrl+3"),
    ParagraphStyle("heading4", 4, 0, False, _FANGSONG, "Ctrl+4"),
    ParagraphStyle("body", 0, 0, False, _FANGSONG, "Ctrl+0"),
)
BY_ID = {s.id: s for s in STYLES}

# Auto-format: a heading is one short line. 30 characters is a little over one line of the
# official page (28); a numbered line that ends like a sentence is body text that opens with a number.
AUTO_HEADING_MAX_CHARS = 30
SENTENCE_END = "。！？；：，、…!?;:,."  # none may end a heading
SENTENCE_BREAK = "。！？；!?;"  # none may occur in one: "1.加强领导。各单位要…" is a paragraph


def style_label(style_id: str) -> str:
    """The style's name for people."""
    labels = {
        "title": QCoreApplication.translate("paragraph_styles", "标题"),
        "heading1": QCoreApplication.translate("paragraph_styles", "一级标题"),
        "heading2": QCoreApplication.translate("paragraph_styles", "二级标题"),
        "heading3": QCoreApplication.translate("paragraph_styles", "三级标题"),
        "heading4": QCoreApplication.translate("paragraph_styles", "四级标题"),
        "body": QCoreApplication.translate("paragraph_styles", "正文"),
    }
    return labels.get(style_id, style_id)


def style_menu_text(style_id: str) -> str:
    """The style's menu item, with its keyboard mnemonic."""
    texts = {
        "title": QCoreApplication.translate("paragraph_styles", "标题(&T)"),
        "heading1": QCoreApplication.translate("paragraph_styles", "一级标题(&1)"),
        "heading2": QCoreApplication.translate("paragraph_styles", "二级标题(&2)"),
        "heading3": QCoreApplication.translate("paragraph_styles", "三级标题(&3)"),
        "heading4": QCoreApplication.translate("paragraph_styles", "四级标题(&4)"),
        "body": QCoreApplication.translate("paragraph_styles", "正文(&0)"),
    }
    return texts.get(style_id, style_id)


def block_style(block: QTextBlock) -> str:
    """The style id of a block (blocks from plain text are body; a bare headingLevel is honoured)."""
    fmt = block.blockFormat()
    value = fmt.property(STYLE_PROPERTY)
    if isinstance(value, str) and value in BY_ID:
        return value
    level = fmt.headingLevel()
    return f"heading{level}" if 1 <= level <= 4 else "body"


def auto_heading_style(text: str) -> str | None:
    """The heading style a typed line's numbering asks for (一、… → heading1), or None for body text."""
    line = text.strip().lstrip("\u3000")
    if not line or len(line) > AUTO_HEADING_MAX_CHARS or line[-1] in SENTENCE_END:
        return None
    if any(ch in SENTENCE_BREAK for ch in line):
        return None
    level = heading_level(line)
    if level is None or not strip_numbering(line):
        return None
    return f"heading{level}"


def body_formats() -> tuple[QTextBlockFormat, QTextCharFormat]:
    """A fresh body paragraph: none of the previous paragraph's style, raw Word extras or kept parts."""
    bfmt = QTextBlockFormat()
    bfmt.setHeadingLevel(0)
    bfmt.setProperty(STYLE_PROPERTY, "body")
    return bfmt, style_char_format(BY_ID["body"])


def style_char_format(style: ParagraphStyle) -> QTextCharFormat:
    """The character format a paragraph style gives its text (清除格式 goes back to it)."""
    fmt = QTextCharFormat()
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, style.size_adjustment)
    fmt.setFontWeight(QFont.Weight.Bold if style.bold else QFont.Weight.Normal)
    fmt.setFontFamilies(list(style.families))
    return fmt


def apply_style(cursor: QTextCursor, style_id: str) -> None:
    """Give every paragraph touched by the cursor's selection the style, as one undo step."""
    style = BY_ID[style_id]
    doc = cursor.document()
    start = doc.findBlock(cursor.selectionStart())
    end = doc.findBlock(cursor.selectionEnd())
    edit = QTextCursor(cursor)
    edit.beginEditBlock()
    block = start
    while block.isValid():
        bc = QTextCursor(block)
        bfmt = block.blockFormat()
        bfmt.setHeadingLevel(style.heading_level)
        bfmt.setProperty(STYLE_PROPERTY, style.id)
        if style.centered:
            bfmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif bfmt.alignment() & Qt.AlignmentFlag.AlignHCenter:
            bfmt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        bc.setBlockFormat(bfmt)
        cfmt = style_char_format(style)
        bc.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        bc.mergeCharFormat(cfmt)
        bc.mergeBlockCharFormat(cfmt)  # text typed into an empty paragraph takes the style too
        if block == end:
            break
        block = block.next()
    edit.endEditBlock()


class ParagraphStyles(QObject):
    """The style actions (Format menu, shortcuts) and the toolbar combo, kept in step with the cursor.

    It also decides what Enter does to styles (the editor asks new_paragraph first); message
    carries a status-bar note when a line was auto-formatted.
    """

    message = Signal(str)

    def __init__(self, editor: DocumentEditor, parent: QWidget, factory: ActionFactory,
                 auto_headings: Callable[[], bool] = lambda: True) -> None:
        super().__init__(parent)
        self.editor = editor
        self.auto_headings = auto_headings
        editor.enter_handler = self.new_paragraph
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for style in STYLES:
            act = factory.make(f"style_{style.id}", style_menu_text(style.id),
                               lambda _=False, s=style.id: self.apply(s), style.shortcut, checkable=True)
            act.setData(style.id)
            self.group.addAction(act)
            self.actions[style.id] = act
        self.combo = QComboBox(parent)
        self.combo.setObjectName("paragraph_style_combo")
        self.combo.setAccessibleName(self.tr("段落样式"))
        self.combo.setToolTip(self.tr("段落样式"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for style in STYLES:
            self.combo.addItem(style_label(style.id), style.id)
        self.combo.activated.connect(lambda i: self.apply(self.combo.itemData(i)))
        editor.cursorPositionChanged.connect(self.sync)
        self.sync()

    def apply(self, style_id: str) -> None:
        """Apply a style to the current paragraph(s) and return focus to the text."""
        apply_style(self.editor.textCursor(), style_id)
        self.sync()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def sync(self) -> None:
        """Show the current paragraph's style in the combo and the checked action."""
        style_id = block_style(self.editor.textCursor().block())
        self.actions[style_id].setChecked(True)
        index = self.combo.findData(style_id)
        if index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)

    def new_paragraph(self, event: QKeyEvent) -> bool:
        """Enter at the end of a paragraph: body text after a heading, auto-format a numbered line.

        False leaves the key to Qt: in the middle of a paragraph Enter splits it and both halves
        keep its style, as in Word; Shift+Enter stays a line break.
        """
        if event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):
            return False
        cur = self.editor.textCursor()
        block = cur.block()
        if cur.hasSelection() or cur.position() != block.position() + block.length() - 1:
            return False
        style = block_style(block)
        # Never in a table cell or a list item: "1.…" there is a row or an item, not a heading.
        plain_paragraph = cur.currentTable() is None and block.textList() is None
        auto = auto_heading_style(block.text()) \
            if style == "body" and plain_paragraph and self.auto_headings() else None
        if style == "body" and auto is None:
            return False
        cur.beginEditBlock()
        cur.insertBlock(*body_formats())
        cur.endEditBlock()
        self.editor.setTextCursor(cur)
        if auto is not None:
            # Its own undo step, after the new paragraph: Ctrl+Z undoes the format, not the Enter.
            apply_style(QTextCursor(block), auto)
            self.message.emit(self.tr("已自动设为%1（Ctrl+Z 撤销；可在首选项中关闭）")
                              .replace("%1", style_label(auto)))
        self.sync()
        self.editor.ensureCursorVisible()
        return True
