"""The search box above the phrase tree: filters as you type, arrows and Enter lead into the tree.

One Esc returns to the document (ARCHITECTURE.md keyboard contract). The query stays, so the
list the writer found is still there when they come back; the clear button or Ctrl+Shift+F (which
selects the query) starts a new one.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class PhraseFilterBox(QLineEdit):
    """A line edit that hands Down/Enter to the tree and Esc back to the document."""

    intoTree = Signal()
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("搜索短语（简繁皆可）…"))
        self.setClearButtonEnabled(True)
        self.setAccessibleName(self.tr("搜索短语"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down, Enter: go to the first match; Esc: back to the document at once."""
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.intoTree.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)
