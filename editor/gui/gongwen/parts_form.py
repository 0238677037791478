"""文档 → 公文要素: a side form editing the parts of the document (版头, 主送, 落款, 版记 …)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.core.gongwen.parts import KEYS, LIST_KEYS, Parts
from editor.core.gongwen.types import TYPES

# Multi-line fields: one organ, name or attachment a line.
MULTILINE = LIST_KEYS - {"签发人"}
HINTS = {"发文字号": "江政办发〔2024〕12号", "成文日期": "2024年5月30日", "印发日期": "2024年5月31日",
         "签发人": "张三、李四", "附注": "（联系人：___，电话：___）", "密级": "机密★1年", "紧急程度": "特急"}


class PartsForm(QWidget):
    """The parts, one field each under the standard's name; `changed` on every edit."""

    changed = Signal()
    profileRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        inner = QWidget(self)
        form = QFormLayout(inner)
        for key in KEYS:
            field: QLineEdit | QPlainTextEdit | QComboBox
            if key == "类型":
                field = QComboBox(inner)
                field.addItem(self.tr("（按标题判断）"), "")
                for name in TYPES:
                    field.addItem(name, name)
                field.currentIndexChanged.connect(lambda _=0: self.changed.emit())
            elif key in MULTILINE:
                field = QPlainTextEdit(inner)
                field.setFixedHeight(field.fontMetrics().lineSpacing() * 3 + 12)
                field.setPlaceholderText(self.tr("一行一项"))
                field.textChanged.connect(self.changed.emit)
            else:
                field = QLineEdit(inner)
                field.setPlaceholderText(HINTS.get(key, ""))
                field.textChanged.connect(lambda _="": self.changed.emit())
            field.setObjectName(f"part_{key}")
            field.setAccessibleName(key)
            self.fields[key] = field
            form.addRow(key, field)  # the standard's own names: they stay Chinese in every language
        self.profile_button = QPushButton(self.tr("用单位信息填空(&U)"), inner)
        self.profile_button.clicked.connect(lambda _=False: self.profileRequested.emit())
        form.addRow(self.profile_button)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def parts(self) -> Parts:
        """The parts as the form holds them."""
        parts = Parts()
        for key, field in self.fields.items():
            if isinstance(field, QComboBox):
                parts.doc_type = str(field.currentData() or "")
            else:
                text = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
                if text.strip():
                    parts.set(key, text)
        return parts

    def set_parts(self, parts: Parts) -> None:
        """Show the parts (replacing what the form held)."""
        for key, field in self.fields.items():
            value = parts.get(key)
            if isinstance(field, QComboBox):
                index = field.findData(parts.doc_type)
                if index < 0 and parts.doc_type:
                    # A type the layouts do not know (批复, 公告 …) is still the document's: shown and kept.
                    field.addItem(parts.doc_type, parts.doc_type)
                    index = field.count() - 1
                field.setCurrentIndex(max(index, 0))
            elif isinstance(field, QPlainTextEdit):
                field.setPlainText("\n".join(value) if isinstance(value, list) else str(value))
            else:
                field.setText(parts.text_of(key))

    def set_value(self, key: str, text: str) -> None:
        """One part's text as written (a list part one item a line)."""
        field = self.fields[key]
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(text)
        elif isinstance(field, QLineEdit):
            field.setText(text)
        else:
            index = field.findData(text)
            if index < 0 and text:
                field.addItem(text, text)
                index = field.count() - 1
            field.setCurrentIndex(max(index, 0))

    def value(self, key: str) -> str:
        """One part's text as the field holds it."""
        field = self.fields[key]
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        if isinstance(field, QLineEdit):
            return field.text()
        return str(field.currentData() or "")
