"""As-you-type suggestions: a small popup offering bank phrases that continue the current clause.

The popup never takes the keyboard focus (a Chinese input method keeps composing into the
document); the editor hands it Tab (accept), Esc (dismiss) and Up/Down (choose). Enter is never the
popup's: it closes it and ends the paragraph, as in Word (the keyboard contract in ARCHITECTURE.md).
"""
from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListWidget, QListWidgetItem, QWidget

from editor.core.bank.phrase_index import PhraseIndex
from editor.gui.document.editor import DocumentEditor
from editor.gui.window.host import WindowHost

CLAUSE_BREAK = re.compile(r"[，。；：！？、,.;:!?\s“”‘’「」『』（）()《》【】]")
MIN_TYPED = 2  # characters of a clause before anything is offered
MAX_ITEMS = 8


def current_clause(editor: DocumentEditor) -> str:
    """The clause the cursor ends: text since the last punctuation in the paragraph."""
    cur = editor.textCursor()
    if cur.hasSelection():
        return ""
    cur.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    return CLAUSE_BREAK.split(cur.selectedText())[-1]


class SuggestionPopup(QListWidget):
    """A focus-less list shown under the cursor."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(self.tr("短语建议"))
        self.setUniformItemSizes(True)
        self.setMinimumWidth(220)


class Suggester(QObject):
    """Watches typing in the editor and offers continuations from the phrase index."""

    def __init__(self, editor: DocumentEditor, index: Callable[[], PhraseIndex | None],
                 enabled: Callable[[], bool] = lambda: True) -> None:
        super().__init__(editor)
        self.editor = editor
        self.index = index
        self.enabled = enabled
        self.popup = SuggestionPopup(editor)
        self.popup.itemClicked.connect(lambda item: self.accept(self.popup.row(item)))
        self.matches: list[tuple[int, int]] = []  # (phrase position, typed characters it continues)
        editor.viewport().installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def is_visible(self) -> bool:
        """Whether suggestions are on offer."""
        return self.popup.isVisible()

    def texts(self) -> list[str]:
        """The offered phrases as shown."""
        return [self.popup.item(i).text() for i in range(self.popup.count())]

    def text_typed(self) -> None:
        """Offer continuations of the clause just typed, or close the popup when there are none."""
        index = self.index()
        if index is None or not self.enabled():
            self.dismiss()
            return
        clause = current_clause(self.editor)
        self.matches = index.continuations(clause, limit=MAX_ITEMS, min_chars=MIN_TYPED) \
            if len(clause) >= MIN_TYPED else []
        if not self.matches:
            self.dismiss()
            return
        self.popup.clear()
        convert = self.editor.convert_for_document
        for pos, _ in self.matches:
            phrase = index.phrases[pos]
            item = QListWidgetItem(convert(phrase.text))
            if phrase.example:
                item.setToolTip(phrase.example)
            self.popup.addItem(item)
        # Filling a form (Tab has gone to a blank), Tab is the form's key: nothing is chosen until
        # ↑/↓ choose, so Tab goes on to the next blank instead of adding a phrase to this one.
        self.popup.setCurrentRow(-1 if getattr(self.editor, "filling_blanks", False) else 0)
        self._place()
        self.popup.show()

    def _place(self) -> None:
        rect = self.editor.cursorRect()
        viewport = self.editor.viewport()
        below = viewport.mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))
        rows = min(self.popup.count(), MAX_ITEMS)
        height = self.popup.sizeHintForRow(0) * rows + 2 * self.popup.frameWidth() + 2
        width = max(self.popup.minimumWidth(), self.popup.sizeHintForColumn(0) + 24)
        self.popup.setGeometry(below.x(), below.y(), width, height)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Leaving the document closes the popup. Qt reports focus changes while windows are
        # being destroyed as well, when the popup may already be gone.
        if shiboken6.isValid(self.popup) and new is not None and new is not self.editor:
            self.dismiss()

    def dismiss(self) -> None:
        """Close the popup; typing carries on."""
        if not shiboken6.isValid(self.popup):
            return
        if self.popup.isVisible():
            self.popup.hide()
        self.matches = []

    def accept(self, row: int | None = None) -> bool:
        """Complete the clause with the chosen phrase as one undo step."""
        index = self.index()
        row = self.popup.currentRow() if row is None else row
        if index is None or not 0 <= row < len(self.matches):
            return False
        pos, typed = self.matches[row]
        whole = self.editor.convert_for_document(index.phrases[pos].text)
        rest = whole[typed:]
        self.dismiss()
        from editor.gui.document.blank_fields import blank_spans_in

        cur = self.editor.textCursor()
        start = cur.position()
        cur.beginEditBlock()
        cur.insertText(rest)
        cur.endEditBlock()
        spans = blank_spans_in(self.editor.document(), start, cur.position())
        if spans:  # a template: go straight to its first blank
            cur.setPosition(spans[0][0])
            cur.setPosition(spans[0][1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cur)
        self.editor.phraseInserted.emit(index.phrases[pos].text)
        return True

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keys meant for the popup while it is open: Tab accepts, Esc closes, arrows choose.

        Enter and Return are not taken: the popup closes and the editor ends the paragraph.
        """
        if not self.popup.isVisible():
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dismiss()
            return False
        if key == Qt.Key.Key_Tab:
            if self.popup.currentRow() < 0:
                self.dismiss()
                return False
            return self.accept()
        if key == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row, n = self.popup.currentRow(), self.popup.count()
            if row < 0:
                row = 0 if key == Qt.Key.Key_Down else n - 1
            else:
                row = (row + (-1 if key == Qt.Key.Key_Up else 1)) % n
            self.popup.setCurrentRow(row)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click in the document moves the cursor elsewhere: close the popup."""
        if event.type() == QEvent.Type.MouseButtonPress:
            self.dismiss()
        return False


def install(host: WindowHost) -> Suggester:
    """Offer phrase continuations while the writer types (setting phrase_suggestions)."""
    panel, settings = host.phrase_panel, host.settings
    suggester = Suggester(host.editor, lambda: panel.index, lambda: bool(settings.get("phrase_suggestions")))
    host.editor.suggester = suggester
    return suggester
