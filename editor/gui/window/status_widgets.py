"""Status-bar widgets: cursor position and the Chinese word count (字数 / 字符数)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QTextEdit

from editor.core.wordcount import WordCount, count_text

# Counting a long document on every keystroke would make typing lag: wait for a pause.
COUNT_DELAY_MS = 250


class StatusWidgets(QLabel):
    """Position and counts in the status bar; counts the selection when there is one."""

    def __init__(self, editor: QTextEdit, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.editor = editor
        self.position_label = QLabel(status_bar)
        self.position_label.setAccessibleName(self.tr("光标位置"))
        self.count_label = self  # the word count is this label itself
        self.setAccessibleName(self.tr("字数统计"))
        self.zoom_label = QLabel(status_bar)
        self.zoom_label.setAccessibleName(self.tr("缩放比例"))
        self.last_count: WordCount = count_text("")
        for label in (self.position_label, self, self.zoom_label):
            label.setContentsMargins(8, 0, 8, 0)  # room between the items, which have no separators
        status_bar.addPermanentWidget(self.position_label)
        status_bar.addPermanentWidget(self)
        status_bar.addPermanentWidget(self.zoom_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.update_count)
        editor.textChanged.connect(self._timer.start)
        editor.selectionChanged.connect(self._timer.start)
        editor.cursorPositionChanged.connect(self.update_position)
        self.update_position()
        self.update_count()

    def update_position(self) -> None:
        """Show the paragraph and character the cursor is at."""
        cur = self.editor.textCursor()
        self.position_label.setText(
            self.tr("第 %1 段，第 %2 字").replace("%1", str(cur.blockNumber() + 1))
            .replace("%2", str(cur.positionInBlock() + 1)))

    def update_count(self) -> None:
        """Recount now (the document, or the selection when there is one)."""
        self._timer.stop()
        cur = self.editor.textCursor()
        selected = cur.selectedText() if cur.hasSelection() else ""
        wc = count_text(selected) if selected else count_text(self.editor.document().toPlainText())
        self.last_count = wc
        if selected:
            text = self.tr("选定 %1 字（字符数 %2）")
        else:
            text = self.tr("字数 %1（字符数 %2）")
        self.setText(text.replace("%1", str(wc.words)).replace("%2", str(wc.chars_with_spaces)))
        self.setToolTip(self.details(wc))

    def details(self, wc: WordCount) -> str:
        """Every count, one per line (the tooltip and the word-count dialog)."""
        return (self.tr("字数（不含标点和空格）：%1\n中文字符：%2\n英文单词和数字：%3\n标点符号：%4\n"
                        "字符数（含标点和空格）：%5\n字符数（不含空格）：%6\n段落数：%7")
                .replace("%1", str(wc.words)).replace("%2", str(wc.cjk)).replace("%3", str(wc.latin_words))
                .replace("%4", str(wc.punctuation)).replace("%5", str(wc.chars_with_spaces))
                .replace("%6", str(wc.chars_no_spaces)).replace("%7", str(wc.paragraphs)))

    def show_details(self) -> None:
        """The counts in a dialog: the tooltip cannot be reached from the keyboard."""
        from PySide6.QtWidgets import QMessageBox

        self.update_count()
        title = self.tr("字数统计（选定内容）") if self.editor.textCursor().hasSelection() else self.tr("字数统计")
        QMessageBox.information(self.window(), title, self.details(self.last_count))

    def set_zoom(self, percent: int) -> None:
        """Show the zoom level."""
        self.zoom_label.setText(f"{percent}%")
