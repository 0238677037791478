"""Find and replace bar for the document pane."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)


class FindReplaceDialog(QDialog):
    """Non-modal find/replace over a QTextEdit."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle(self.tr("查找和替换"))
        self.find_edit = QLineEdit(self)
        self.find_edit.setAccessibleName(self.tr("查找内容"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setAccessibleName(self.tr("替换为"))
        self.case = QCheckBox(self.tr("区分大小写"), self)
        self.status = QLabel(self)
        find_next = QPushButton(self.tr("查找下一个"), self)
        find_prev = QPushButton(self.tr("查找上一个"), self)
        replace = QPushButton(self.tr("替换"), self)
        replace_all = QPushButton(self.tr("全部替换"), self)
        find_next.setDefault(True)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("查找(&N)："), self, buddy=self.find_edit), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(find_next, 0, 2)
        grid.addWidget(QLabel(self.tr("替换为(&P)："), self, buddy=self.replace_edit), 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(replace, 1, 2)
        grid.addWidget(self.case, 2, 1)
        grid.addWidget(find_prev, 2, 2)
        grid.addWidget(self.status, 3, 0, 1, 2)
        grid.addWidget(replace_all, 3, 2)
        find_next.clicked.connect(lambda: self.find(backward=False))
        find_prev.clicked.connect(lambda: self.find(backward=True))
        replace.clicked.connect(self.replace_one)
        replace_all.clicked.connect(self.replace_all)

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find(self, backward: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around once."""
        needle = self.find_edit.text()
        if not needle:
            return False
        doc = self.editor.document()
        found = doc.find(needle, self.editor.textCursor(), self._flags(backward))
        if found.isNull():
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, start, self._flags(backward))
        if found.isNull():
            self.status.setText(self.tr("找不到“%1”").replace("%1", needle))
            return False
        self.status.clear()
        self.editor.setTextCursor(found)
        return True

    def replace_one(self) -> None:
        """Replace the current match and find the next."""
        cur = self.editor.textCursor()
        if cur.hasSelection() and self._matches(cur.selectedText()):
            cur.insertText(self.replace_edit.text())
        self.find()

    def _matches(self, text: str) -> bool:
        needle = self.find_edit.text()
        return text == needle if self.case.isChecked() else text.lower() == needle.lower()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns the count."""
        needle = self.find_edit.text()
        if not needle:
            return 0
        doc = self.editor.document()
        count = 0
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        cur = doc.find(needle, QTextCursor(doc), self._flags())
        while not cur.isNull():
            cur.insertText(self.replace_edit.text())
            count += 1
            cur = doc.find(needle, cur, self._flags())
        edit.endEditBlock()
        self.status.setText(self.tr("已替换 %n 处", "", count))
        return count
