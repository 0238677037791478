"""Word/WPS formatting keys: 加粗/倾斜/下划线, the four alignments, 清除格式 and 粘贴为纯文本.

Each change is one undo step and lives in the QTextDocument's formats, which the DOCX bridge maps to
Run.bold/italic/underline and Paragraph.align (so it is saved, printed and shown in page view).
With no selection B/I/U change the typing format, as in Word.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QGuiApplication,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QToolBar

from editor.gui.document.docx_state import KEPT_KEY, KEPT_LABEL, KEPT_OBJECT, WRAP
from editor.gui.document.editor import DocumentEditor
from editor.gui.document.paragraph_styles import BY_ID, block_style, style_char_format
from editor.gui.window.host import WindowHost

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
# Properties 清除格式 keeps: what a run *is* (a kept Word object, a content control, a link), not how it looks.
KEEP_PROPERTIES = (KEPT_KEY, KEPT_LABEL, WRAP, int(QTextFormat.Property.AnchorHref),
                   int(QTextFormat.Property.IsAnchor), int(QTextFormat.Property.AnchorName))


def clean_char_format(old: QTextCharFormat, style_id: str) -> QTextCharFormat:
    """The paragraph style's own character format, keeping only what the run is (link, kept object)."""
    fmt = style_char_format(BY_ID[style_id])
    for key in KEEP_PROPERTIES:
        if old.hasProperty(key):
            fmt.setProperty(key, old.property(key))
    return fmt


def clear_formatting(cursor: QTextCursor) -> None:
    """Give the selected text its paragraph style's look again (fonts, sizes, colours, B/I/U), one undo step.

    Kept Word objects (pictures, fields shown as placeholders) are left as they are.
    """
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    # Collect first: changing a format splits and merges fragments under a live iterator.
    spans: list[tuple[int, int, QTextCharFormat]] = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() <= end:
        style_id = block_style(block)
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            lo, hi = max(frag.position(), start), min(frag.position() + frag.length(), end)
            cf = frag.charFormat()
            if lo < hi and cf.objectType() != KEPT_OBJECT:
                spans.append((lo, hi, clean_char_format(cf, style_id)))
            it += 1
        block = block.next()
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    for lo, hi, fmt in spans:
        edit.setPosition(lo)
        edit.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        edit.setCharFormat(fmt)
    edit.endEditBlock()


class FormatActions(QObject):
    """The formatting actions (格式 menu, 格式 toolbar, shortcuts) with checked states following the cursor."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.widget)
        self.editor: DocumentEditor = host.editor
        make = host.action_factory.make
        self.bold = make("format_bold", self.tr("加粗(&B)"), self.set_bold, "Ctrl+B", "format-text-bold", True)
        self.italic = make("format_italic", self.tr("倾斜(&I)"), self.set_italic, "Ctrl+I", "format-text-italic",
                           True)
        self.underline = make("format_underline", self.tr("下划线(&U)"), self.set_underline, "Ctrl+U",
                              "format-text-underline", True)
        self.clear = make("format_clear", self.tr("清除格式(&C)"), self.clear_format, "Ctrl+Space", "edit-clear")
        self.group = QActionGroup(self)
        self.alignments: dict[str, tuple[QAction, Qt.AlignmentFlag]] = {}
        for name, text, key, flag, icon in (
                ("align_left", self.tr("左对齐(&L)"), "Ctrl+L", LEFT, "format-justify-left"),
                ("align_center", self.tr("居中(&E)"), "Ctrl+E", Qt.AlignmentFlag.AlignHCenter, "format-justify-center"),
                ("align_right", self.tr("右对齐(&R)"), "Ctrl+R", Qt.AlignmentFlag.AlignRight, "format-justify-right"),
                ("align_justify", self.tr("两端对齐(&J)"), "Ctrl+J", Qt.AlignmentFlag.AlignJustify,
                 "format-justify-fill")):
            act = make(name, text, self._aligner(flag), key, icon, True)
            self.group.addAction(act)
            self.alignments[name] = (act, flag)
        self.paste_plain = make("paste_plain", self.tr("粘贴为纯文本(&M)"), self.paste_as_plain_text, "Ctrl+Shift+V",
                                "edit-paste-plain")
        self._build_menus(host)
        for act in self.all_actions():
            self.editor.window_keys.update(seq[0].toCombined() for seq in act.shortcuts()  # type: ignore[index]
                                           if seq.count())
        self.editor.currentCharFormatChanged.connect(lambda _fmt: self.sync())
        self.editor.cursorPositionChanged.connect(self.sync)
        self.sync()

    def _build_menus(self, host: WindowHost) -> None:
        fmt_menu = host.menu("format")
        fmt_menu.insertSeparator(fmt_menu.actions()[0] if fmt_menu.actions() else None)  # type: ignore[arg-type]
        first = fmt_menu.actions()[0]
        char_actions = [self.bold, self.italic, self.underline, self.clear]
        fmt_menu.insertActions(first, char_actions)
        fmt_menu.insertSeparator(first)
        fmt_menu.insertActions(first, [a for a, _ in self.alignments.values()])
        edit_menu = host.menu("edit")
        paste = host.action_factory.get("paste")
        after = edit_menu.actions()[edit_menu.actions().index(paste) + 1]
        edit_menu.insertAction(after, self.paste_plain)
        bar = host.widget.findChild(QToolBar, "format_toolbar")
        if bar is not None:
            bar.addSeparator()
            bar.addActions([self.bold, self.italic, self.underline])
            bar.addSeparator()
            bar.addActions([a for a, _ in self.alignments.values()])

    def all_actions(self) -> list[QAction]:
        """Every formatting action."""
        return [self.bold, self.italic, self.underline, self.clear, *(a for a, _ in self.alignments.values()),
                self.paste_plain]

    # -- character formats ---------------------------------------------------------------------

    def _merge(self, fmt: QTextCharFormat) -> None:
        """Onto the selection as one undo step, or onto the typing format when nothing is selected."""
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        self.editor.mergeCurrentCharFormat(fmt)
        cursor.endEditBlock()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_bold(self, on: bool) -> None:
        """加粗 on or off (Ctrl+B)."""
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(fmt)

    def set_italic(self, on: bool) -> None:
        """倾斜 on or off (Ctrl+I)."""
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self._merge(fmt)

    def set_underline(self, on: bool) -> None:
        """下划线 on or off (Ctrl+U)."""
        fmt = QTextCharFormat()
        fmt.setFontUnderline(on)
        self._merge(fmt)

    def clear_format(self) -> None:
        """清除格式 (Ctrl+Space): the selection, or the typing format, back to the paragraph style's look."""
        cursor = self.editor.textCursor()
        style_id = block_style(cursor.block())
        if cursor.hasSelection():
            clear_formatting(cursor)
        else:
            self.editor.setCurrentCharFormat(clean_char_format(self.editor.currentCharFormat(), style_id))
        self.sync()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- paragraphs ----------------------------------------------------------------------------

    def _aligner(self, flag: Qt.AlignmentFlag) -> Callable[[], None]:
        return lambda *_: self.set_alignment(flag)

    def set_alignment(self, flag: Qt.AlignmentFlag) -> None:
        """Align every paragraph the selection touches (one undo step)."""
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        self.editor.setAlignment(flag)
        cursor.endEditBlock()
        self.sync()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- paste ---------------------------------------------------------------------------------

    def paste_as_plain_text(self) -> None:
        """粘贴为纯文本 (Ctrl+Shift+V): the clipboard's text only, in the format where it goes; one undo step."""
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text() if clipboard is not None else ""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and not focus.isReadOnly():  # the phrase search box, a dialog's field
            focus.insert(next((line for line in text.splitlines() if line.strip()), ""))
            return
        if not text or self.editor.isReadOnly():
            return
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(text.replace("\r\n", "\n").replace("\r", "\n"))
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- state ---------------------------------------------------------------------------------

    def sync(self) -> None:
        """Check B/I/U and the alignment the cursor is in."""
        fmt = self.editor.currentCharFormat()
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold.value)
        self.italic.setChecked(fmt.fontItalic())
        self.underline.setChecked(fmt.fontUnderline())
        align = self.editor.alignment()
        for act, flag in self.alignments.values():
            horizontal = flag & ~Qt.AlignmentFlag.AlignAbsolute
            act.setChecked(bool(align & horizontal) if horizontal != Qt.AlignmentFlag.AlignLeft
                           else not align & (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignRight
                                             | Qt.AlignmentFlag.AlignJustify))


def install(host: WindowHost) -> FormatActions:
    """Add the formatting actions to the window."""
    return FormatActions(host)
