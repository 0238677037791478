"""The document pane: a rich-text editor that takes phrases from the bank."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

PHRASE_MIME = "application/x-yuku-phrase"


class DocumentEditor(QTextEdit):
    """Rich-text pane with QTextDocument's undo stack; phrases go in as one undo step each."""

    phraseInserted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setAccessibleName(self.tr("正文"))
        font = QFont()
        font.setFamilies(["FangSong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", "serif"])
        font.setPointSize(14)
        self.document().setDefaultFont(font)
        self.setTabChangesFocus(False)

    def insert_phrase(self, text: str, cursor: QTextCursor | None = None) -> None:
        """Insert a phrase at the cursor (or the given cursor) as a single undo step."""
        cur = cursor or self.textCursor()
        cur.beginEditBlock()
        cur.insertText(self.prepare_phrase(text))
        cur.endEditBlock()
        self.setTextCursor(cur)
        self.phraseInserted.emit(text)

    def prepare_phrase(self, text: str) -> str:
        """Hook for adapting a phrase before insertion (e.g. to the document's script)."""
        return text

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        """Accept phrases from the panel as well as ordinary text."""
        return source.hasFormat(PHRASE_MIME) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A dropped or pasted phrase goes in through insert_phrase (one undo step)."""
        if source.hasFormat(PHRASE_MIME):
            text = bytes(source.data(PHRASE_MIME).data()).decode("utf-8")
            self.insert_phrase(text)
            return
        super().insertFromMimeData(source)

    def plain_text(self) -> str:
        """The document as plain text (paragraph separators become newlines)."""
        return self.document().toPlainText()

    def go_to_start(self) -> None:
        """Put the cursor at the start of the document."""
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
