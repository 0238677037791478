"""Find and replace over the document pane, optionally treating simplified and traditional script alike."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QTextCursor
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


@lru_cache(maxsize=65536)
def _fold_char(ch: str, script: bool, case: bool) -> str:
    """One character in its matching form; always one character so positions stay 1:1."""
    out = ch
    if script and ord(ch) > 0x2E7F:
        from editor.core.script.converter import to_simplified

        # Character by character, not by phrase: both sides are folded the same way, and single
        # characters never change length, so a match maps straight back onto the document.
        simple = to_simplified(ch)
        out = simple if len(simple) == 1 else ch
    if case:
        low = out.casefold()
        out = low if len(low) == 1 else out.lower() if len(out.lower()) == 1 else out
    return out


def fold(text: str, script_insensitive: bool, case_insensitive: bool) -> str:
    """Text folded for matching (same length as text)."""
    if not script_insensitive and not case_insensitive:
        return text
    return "".join(_fold_char(ch, script_insensitive, case_insensitive) for ch in text)


def find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of non-overlapping matches of needle in haystack."""
    found: list[int] = []
    if not needle:
        return found
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + len(needle))
    return found


class FindReplaceDialog(QDialog):
    """Non-modal find/replace over a QTextEdit; 简繁 matching finds 發展 when asked for 发展."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle(self.tr("查找和替换"))
        self._cache: tuple[int, bool, bool, str] | None = None
        self.find_edit = QLineEdit(self)
        self.find_edit.setAccessibleName(self.tr("查找内容"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setAccessibleName(self.tr("替换为"))
        self.case = QCheckBox(self.tr("区分大小写(&C)"), self)
        self.script = QCheckBox(self.tr("简繁通配(&J)"), self)
        self.script.setToolTip(self.tr("查找“发展”时也找到“發展”，反之亦然"))
        self.script.setChecked(True)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("查找结果"))
        self.find_next_button = QPushButton(self.tr("查找下一个"), self)
        self.find_prev_button = QPushButton(self.tr("查找上一个"), self)
        self.replace_button = QPushButton(self.tr("替换"), self)
        self.replace_all_button = QPushButton(self.tr("全部替换"), self)
        self.find_next_button.setDefault(True)
        grid = QGridLayout(self)
        find_label = QLabel(self.tr("查找(&N)："), self)
        find_label.setBuddy(self.find_edit)
        replace_label = QLabel(self.tr("替换为(&P)："), self)
        replace_label.setBuddy(self.replace_edit)
        grid.addWidget(find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.find_next_button, 0, 2)
        grid.addWidget(replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 2)
        grid.addWidget(self.case, 2, 1)
        grid.addWidget(self.find_prev_button, 2, 2)
        grid.addWidget(self.script, 3, 1)
        grid.addWidget(self.replace_all_button, 3, 2)
        grid.addWidget(self.status, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.find_next_button.clicked.connect(lambda: self.find_text(backward=False))
        self.find_prev_button.clicked.connect(lambda: self.find_text(backward=True))
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)

    # -- matching ---------------------------------------------------------------------------------

    def _folded_document(self) -> str:
        """The document's raw text folded; raw text offsets are document positions."""
        doc = self.editor.document()
        key = (doc.revision(), self.script.isChecked(), not self.case.isChecked())
        if self._cache is None or self._cache[:3] != key:
            self._cache = (*key, fold(doc.toRawText(), key[1], key[2]))
        return self._cache[3]

    def _needle(self) -> str:
        return fold(self.find_edit.text(), self.script.isChecked(), not self.case.isChecked())

    def _select(self, start: int, length: int) -> None:
        cur = QTextCursor(self.editor.document())
        cur.setPosition(start)
        cur.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cur)

    def find_text(self, backward: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around once."""
        needle = self._needle()
        if not needle:
            return False
        hay = self._folded_document()
        cur = self.editor.textCursor()
        if backward:
            i = hay.rfind(needle, 0, max(0, cur.selectionStart()))
            if i < 0:
                i = hay.rfind(needle)
        else:
            i = hay.find(needle, cur.selectionEnd())
            if i < 0:
                i = hay.find(needle)
        if i < 0:
            self.status.setText(self.tr("找不到“%1”").replace("%1", self.find_edit.text()))
            return False
        self.status.clear()
        self._select(i, len(needle))
        return True

    def _selection_matches(self) -> bool:
        cur = self.editor.textCursor()
        if not cur.hasSelection():
            return False
        hay = self._folded_document()
        start, end = cur.selectionStart(), cur.selectionEnd()
        return hay[start:end] == self._needle()

    def replace_one(self) -> None:
        """Replace the current match and find the next."""
        if self._selection_matches():
            self.editor.textCursor().insertText(self.replace_edit.text())
        self.find_text()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns the count."""
        needle = self._needle()
        if not needle:
            return 0
        starts = find_all(self._folded_document(), needle)
        doc = self.editor.document()
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        # From the end backwards, so earlier offsets stay valid as lengths change.
        for start in reversed(starts):
            cur = QTextCursor(doc)
            cur.setPosition(start)
            cur.setPosition(start + len(needle), QTextCursor.MoveMode.KeepAnchor)
            cur.insertText(self.replace_edit.text())
        edit.endEditBlock()
        self.status.setText(self.tr("已替换 %n 处", "", len(starts)))
        return len(starts)
