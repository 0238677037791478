"""The preview under the phrase tree: the phrase, its example sentence and where it came from.

A read-only text view, not a label: a word-wrapped QLabel asks for the width of its longest
line, so every selection resized the dock (260 → 335 → 425 px) and reflowed the document, and
text longer than its pane was clipped. The view wraps to the width it is given and scrolls.
"""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from editor.core.model.phrases import Phrase
from editor.gui.phrases.model import kind_label, section_label


class PhrasePreview(QTextBrowser):
    """Read-only rich text showing the selected phrase in the document's script; wraps and scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # Whatever it shows, it asks for no width of its own: the dock keeps the width it has.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(0, 80)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Window)  # reads as a note, not an input box
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.document().setDocumentMargin(6)
        self.setAccessibleName(self.tr("短语预览"))
        self.phrase: Phrase | None = None
        self._html = ""
        self.show_phrase(None)

    def sizeHint(self) -> QSize:
        """A fixed hint: content never changes what the preview asks for."""
        return QSize(120, 160)

    def text(self) -> str:
        """The rich text shown (as set, before Qt rewrites it)."""
        return self._html

    def setText(self, text: str) -> None:
        """Show rich text (or plain text: the hint) from the top."""
        self._html = text
        self.setHtml(text)

    def show_phrase(self, phrase: Phrase | None, convert: Callable[[str], str] | None = None) -> None:
        """Show a phrase (None: a hint); convert puts text into the document's script."""
        self.phrase = phrase
        if phrase is None:
            self.setText(self.tr("选中短语可在此预览；双击、回车或拖入正文即可插入。"))
            return
        conv = convert or (lambda s: s)
        text = conv(phrase.text)
        parts = [f"<p><b>{html.escape(text)}</b></p>"]
        meta = (self.tr("%1 · %2 · 出现 %3 次，见于 %4 篇文档")
                .replace("%1", section_label(phrase.section)).replace("%2", kind_label(phrase.kind))
                .replace("%3", str(phrase.count)).replace("%4", str(phrase.doc_count)))
        if phrase.user:
            meta = self.tr("%1 · 我的短语").replace("%1", meta)
        parts.append(f"<p style='color:gray'>{html.escape(meta)}</p>")
        if phrase.example:
            example = html.escape(conv(phrase.example))
            shown = html.escape(text)
            if shown and shown in example:
                example = example.replace(shown, f"<b>{shown}</b>", 1)
            label = html.escape(self.tr("例句："))
            parts.append(f"<p>{label}{example}</p>")
        if phrase.source:
            source = html.escape(self.tr("出处：%1").replace("%1", phrase.source))
            parts.append(f"<p style='color:gray'>{source}</p>")
        self.setText("".join(parts))
