"""The preview under the phrase tree: the phrase, its example sentence and where it came from."""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from editor.core.model.phrases import Phrase
from editor.gui.phrases.model import kind_label, section_label


class PhrasePreview(QLabel):
    """Rich-text label showing the selected phrase in the document's script."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(80)
        self.setAccessibleName(self.tr("短语预览"))
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setMargin(6)
        self.phrase: Phrase | None = None
        self.show_phrase(None)

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
