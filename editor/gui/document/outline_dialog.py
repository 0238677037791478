"""File → New from an outline: pick a document type mined from the corpus, or a blank document."""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.model.document import Document
from editor.core.model.outline import DocType, build_document, corpus_texts, empty_document, learn_types
from editor.core.resources import seed_corpus_dir
from editor.gui.window.host import WindowHost

log = logging.getLogger(__name__)


def document_types(bank: object | None) -> list[DocType]:
    """Types learnt from the bank's stored corpus (or the seed corpus), built-ins as the fallback."""
    texts: list[str] = []
    try:
        if bank is not None and hasattr(bank, "corpus_documents"):
            texts = [text for _name, text in bank.corpus_documents()]
        if not texts:
            texts = corpus_texts([seed_corpus_dir()])
        return learn_types(texts)
    except Exception:
        log.exception("could not learn document types from the corpus")
        return learn_types([])


class OutlineDialog(QDialog):
    """A list of document types with a preview of each one's skeleton."""

    def __init__(self, parent: QWidget | None, types: list[DocType]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建文档"))
        self.setMinimumSize(560, 360)
        self.types = types
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("文档类型"))
        blank = QListWidgetItem(self.tr("空白文档"))
        blank.setData(Qt.ItemDataRole.UserRole, None)
        self.list.addItem(blank)
        for t in types:
            label = t.name if not t.seen else self.tr("%1（语料中 %2 篇）").replace("%1", t.name).replace("%2", str(t.seen))
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, t.name)
            self.list.addItem(item)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("提纲预览"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(self._update_preview)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def choose(self, name: str | None) -> bool:
        """Select a type by name (None: the blank document)."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)
                return True
        return False

    def chosen_type(self) -> DocType | None:
        """The selected type; None for the blank document."""
        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((t for t in self.types if t.name == name), None)

    def document(self) -> Document:
        """The starting document for the selection."""
        chosen = self.chosen_type()
        return build_document(chosen) if chosen else empty_document()

    def _update_preview(self, _row: int) -> None:
        self.preview.setPlainText(self.document().plain_text() or self.tr("（空白文档）"))


class TemplateChooser:
    """The session's template_chooser: learns the types once, then asks on every File → New."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self._types: list[DocType] | None = None
        self.last_dialog: OutlineDialog | None = None

    def types(self) -> list[DocType]:
        """The document types (learnt on first use)."""
        if self._types is None:
            self._types = document_types(self.host.bank)
        return self._types

    def __call__(self) -> Document | None:
        """A starting document, or None when the user cancelled."""
        dialog = OutlineDialog(self.host.widget, self.types())
        self.last_dialog = dialog
        # Offscreen (tests, self-test) nobody can answer: the default, a blank document, is taken.
        if self.host.may_ask_user() and dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.document()


def install(host: WindowHost) -> TemplateChooser:
    """Offer document types on File → New."""
    chooser = TemplateChooser(host)
    host.session.template_chooser = chooser
    return chooser
