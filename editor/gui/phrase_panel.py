"""The phrase sidebar: the bank grouped by section type, with a filter box."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from editor.core.bank import PhraseBank
from editor.core.phrases import SECTIONS, Phrase
from editor.gui.document_editor import PHRASE_MIME

PHRASE_ROLE = Qt.ItemDataRole.UserRole + 1


def section_label(section: str) -> str:
    """The section's name for people."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        "title": QCoreApplication.translate("phrase_panel", "标题"),
        "opening": QCoreApplication.translate("phrase_panel", "开头"),
        "situation": QCoreApplication.translate("phrase_panel", "形势"),
        "measures": QCoreApplication.translate("phrase_panel", "措施"),
        "problems": QCoreApplication.translate("phrase_panel", "问题"),
        "next_steps": QCoreApplication.translate("phrase_panel", "下一步"),
        "closing": QCoreApplication.translate("phrase_panel", "结尾"),
        "general": QCoreApplication.translate("phrase_panel", "通用"),
    }
    return labels.get(section, section)


class PhraseModel(QStandardItemModel):
    """Section nodes with phrase leaves; drags carry the phrase text."""

    def mimeTypes(self) -> list[str]:
        """Formats a drag offers."""
        return [PHRASE_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex] | list[QPersistentModelIndex]) -> QMimeData:
        """Phrase text for the dragged rows."""
        data = QMimeData()
        texts = [i.data(PHRASE_ROLE).text for i in indexes if i.data(PHRASE_ROLE)]
        if texts:
            joined = "".join(texts)
            data.setData(PHRASE_MIME, joined.encode("utf-8"))
            data.setText(joined)
        return data


class PhrasePanel(QWidget):
    """Filter box above a tree of phrases; emits phraseActivated on double-click or Enter."""

    phraseActivated = Signal(str)

    def __init__(self, bank: PhraseBank | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bank = bank
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("搜索短语…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("搜索短语"))
        self.tree = QTreeView(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setAccessibleName(self.tr("短语库"))
        self.tree.setUniformRowHeights(True)
        self.model = PhraseModel(self)
        self.tree.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.filter.textChanged.connect(self.refresh)
        # doubleClicked plus our own Enter handling: `activated` would also fire on single click
        # on platforms whose style activates items that way, inserting phrases by surprise.
        self.tree.doubleClicked.connect(self._activate)
        self.tree.installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        """Reload the tree from the bank with the current filter."""
        self.model.clear()
        if self.bank is None:
            return
        query = self.filter.text().strip()
        by_section: dict[str, list[Phrase]] = {s: [] for s in SECTIONS}
        for p in self.bank.search(query):
            by_section.setdefault(p.section, []).append(p)
        root = self.model.invisibleRootItem()
        for section, items in by_section.items():
            if not items:
                continue
            node = QStandardItem(f"{section_label(section)} ({len(items)})")
            node.setEditable(False)
            node.setDragEnabled(False)
            for p in items:
                leaf = QStandardItem(p.text)
                leaf.setEditable(False)
                leaf.setData(p, PHRASE_ROLE)
                leaf.setToolTip(p.example)
                node.appendRow(leaf)
            root.appendRow(node)
        if query:
            self.tree.expandAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Return on a phrase inserts it."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
                self._activate(self.tree.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _activate(self, index: QModelIndex) -> None:
        phrase = index.data(PHRASE_ROLE)
        if phrase is not None:
            self.phraseActivated.emit(phrase.text)
