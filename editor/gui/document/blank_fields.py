"""Blanks (___, XX, 某某 …) as fields: shown marked, reached by Tab / Shift+Tab, warned about on save.

Tab works like a form's Tab in Word or WPS: it goes to the next blank, and after the last one
wraps to the first, saying so in the status bar. Once Tab has gone to a blank in a document, the
writer is filling a form: when every blank is filled, Tab says so in the status bar and types
nothing. In a document where Tab never went to a blank it types a tab, as in Word.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QTextEdit, QWidget

from editor.core.model.blanks import find_blanks

if TYPE_CHECKING:
    from editor.gui.document.editor import DocumentEditor
    from editor.gui.window.host import WindowHost

FIELD_BACKGROUND = QColor(255, 236, 179)
FIELD_BORDER = QColor(214, 160, 0)
REPORT_LIMIT = 12  # blanks listed by name in the warning; the rest are counted


def _u16(text: str) -> int:
    """Length in UTF-16 units: Qt's positions count a rare character (𠮷) as two."""
    return len(text.encode("utf-16-le")) // 2


def block_spans(text: str) -> list[tuple[int, int]]:
    """Blanks in one paragraph as (start, end) in Qt positions within the paragraph."""
    spans = []
    for blank in find_blanks(text):
        start = _u16(text[:blank.start])
        spans.append((start, start + _u16(blank.text)))
    return spans


def blank_spans_in(doc: QTextDocument, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Blanks wholly between document positions start and end, in order."""
    stop = doc.characterCount() if end is None else end
    spans: list[tuple[int, int]] = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() <= stop:
        base = block.position()
        spans.extend((base + s, base + e) for s, e in block_spans(block.text())
                     if base + s >= start and base + e <= stop)
        block = block.next()
    return spans


def next_blank(editor: QTextEdit | QPlainTextEdit, backwards: bool = False) -> tuple[tuple[int, int], bool] | None:
    """The next (or previous) blank's span and whether reaching it wraps round; None when there is none."""
    spans = blank_spans_in(editor.document())
    if not spans:
        return None
    cur = editor.textCursor()
    if backwards:
        before = [s for s in spans if s[1] <= cur.selectionStart()]
        return (before[-1], False) if before else (spans[-1], True)
    after = [s for s in spans if s[0] >= cur.selectionEnd()]
    return (after[0], False) if after else (spans[0], True)


def select_blank(editor: QTextEdit | QPlainTextEdit, backwards: bool = False) -> bool:
    """Select the next (or previous) blank, wrapping around; False when there is none."""
    found = next_blank(editor, backwards)
    if found is None:
        return False
    (start, end), _ = found
    cur = editor.textCursor()
    cur.setPosition(start)
    cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cur)
    editor.ensureCursorVisible()
    return True


def tab_key(editor: DocumentEditor, backwards: bool) -> bool:
    """Tab / Shift+Tab in the document: True when it went to a blank or told that none is left.

    False lets the editor type a tab (a document where Tab never went to a blank).
    """
    found = next_blank(editor, backwards)
    note = ""
    if found is None:
        if not getattr(editor, "filling_blanks", False):
            return False
        note = QCoreApplication.translate("blank_fields", "空白已全部填写，没有下一处了")
    else:
        select_blank(editor, backwards)
        editor.filling_blanks = True
        if found[1] and backwards:
            note = QCoreApplication.translate("blank_fields", "已回到最后一处空白")
        elif found[1]:
            note = QCoreApplication.translate("blank_fields", "已回到第一处空白")
    if note:
        editor.statusMessage.emit(note)
    return True


class BlankHighlighter(QSyntaxHighlighter):
    """Paints blanks like form fields (display only: nothing of it is saved)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.field_format = QTextCharFormat()
        self.field_format.setBackground(FIELD_BACKGROUND)
        self.field_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        self.field_format.setUnderlineColor(FIELD_BORDER)
        self.field_format.setToolTip(QCoreApplication.translate("blank_fields", "待填写：按 Tab 跳到下一处"))

    def highlightBlock(self, text: str) -> None:
        """Mark every blank in the paragraph."""
        for start, end in block_spans(text):
            self.setFormat(start, end - start, self.field_format)


def blanks_report(text: str) -> list[str]:
    """One line per blank: its paragraph number and the words around it."""
    lines: list[str] = []
    for n, para in enumerate(text.split("\n"), 1):
        for blank in find_blanks(para):
            around = para[max(0, blank.start - 8):blank.end + 8].strip()
            lines.append(QCoreApplication.translate("blank_fields", "第 %1 段：%2")
                         .replace("%1", str(n)).replace("%2", around))
    return lines


def build_blanks_warning(parent: QWidget | None, path: Path, report: list[str]) -> QMessageBox:
    """The warning shown before saving a document that still has blanks."""
    tr = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("blank_fields", "文档中还有空白"))
    box.setText(tr("blank_fields", "%1 中还有 %2 处空白未填写。仍要保存吗？")
                .replace("%1", path.name).replace("%2", str(len(report))))
    shown = report[:REPORT_LIMIT]
    if len(report) > REPORT_LIMIT:
        shown.append(tr("blank_fields", "……另有 %1 处").replace("%1", str(len(report) - REPORT_LIMIT)))
    box.setInformativeText("\n".join(shown))
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Save).setText(tr("blank_fields", "仍然保存"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("blank_fields", "返回填写"))
    return box


class BlanksOnSave:
    """A before_save hook: warn about remaining blanks; the user may save anyway."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.enabled = True
        self.last_report: list[str] = []
        self.highlighter = BlankHighlighter(host.editor.document())

    def __call__(self, path: Path) -> bool:
        """False (veto the save) only when the user chose to go back and fill the blanks."""
        if not self.enabled or not self.host.may_ask_user():
            return True
        self.last_report = blanks_report(self.host.editor.plain_text())
        if not self.last_report:
            return True
        box = build_blanks_warning(self.host.widget, Path(path), self.last_report)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Cancel:
            # Back to the first blank, so Tab takes the writer through the rest.
            editor = self.host.editor
            editor.moveCursor(QTextCursor.MoveOperation.Start)
            select_blank(editor)
            return False
        return True


def install(host: WindowHost) -> BlanksOnSave:
    """Mark blanks in the document and check for them before saving."""
    check = BlanksOnSave(host)
    host.session.before_save.append(check)
    editor = host.editor
    editor.statusMessage.connect(host.show_message)

    def new_document(_path: str) -> None:
        editor.filling_blanks = False  # another document: Tab types a tab until it finds a blank

    host.session.closed.connect(new_document)
    return check
