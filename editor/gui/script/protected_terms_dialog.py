"""Dialog for the protected-terms list: names and words that script conversion leaves untouched."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.script.protected_terms import (
    RISKY_SURNAMES,
    format_terms,
    load_terms,
    parse_terms,
    risky_names,
    save_terms,
)
from editor.core.settings import Settings


class ProtectedTermsDialog(QDialog):
    """Edit the protected terms, one per line; can suggest names found in the document."""

    def __init__(self, settings: Settings, document_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document_text = document_text
        self.setWindowTitle(self.tr("简繁转换保护词"))
        self.resize(420, 420)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr(
            "转换时保持原样的人名、地名和术语，每行一个。\n"
            "姓氏 %1 单独转换会出错（如 余小明→餘小明），请把含这些姓氏的人名加进来。")
            .replace("%1", " ".join(RISKY_SURNAMES)), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("保护词列表"))
        self.editor.setPlainText(format_terms(load_terms(settings)))
        layout.addWidget(self.editor)
        self.suggest_button = QPushButton(self.tr("从文档中查找可能的人名(&F)"), self)
        self.suggest_button.setEnabled(bool(document_text))
        self.suggest_button.clicked.connect(self.add_suggestions)
        layout.addWidget(self.suggest_button)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def terms(self) -> list[str]:
        """The terms as currently typed."""
        return parse_terms(self.editor.toPlainText())

    def add_suggestions(self) -> None:
        """Append names from the document that start with a risky surname and are not listed yet."""
        found = risky_names(self.document_text, self.terms())
        if found:
            self.editor.setPlainText(format_terms([*self.terms(), *found]))
        self.status.setText(self.tr("找到 %1 个可能的人名，请检查后保存。").replace("%1", str(len(found))))

    def accept(self) -> None:
        """Save the list, then close."""
        save_terms(self.terms(), self.settings)
        super().accept()
