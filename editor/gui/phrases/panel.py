"""The phrase sidebar: search box, tree by section then kind, and a preview of the selection."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QSplitter, QTreeView, QVBoxLayout, QWidget

from editor.core.bank.phrase_index import PhraseIndex
from editor.core.bank.store import PhraseBank
from editor.core.model.phrases import Phrase
from editor.gui.phrases.delegate import PhraseDelegate
from editor.gui.phrases.filter_box import PhraseFilterBox
from editor.gui.phrases.model import NODE_ROLE, PHRASE_ROLE, PhraseTreeModel, section_label
from editor.gui.phrases.preview import PhrasePreview

log = logging.getLogger(__name__)
__all__ = ["PHRASE_ROLE", "PhrasePanel", "section_label"]


class PhrasePanel(QWidget):
    """Filter box, phrase tree and preview; emits phraseActivated on double-click or Enter."""

    phraseActivated = Signal(str)
    escapePressed = Signal()  # the user leaves the panel for the document
    bankChanged = Signal()  # the panel reloaded the bank

    def __init__(self, bank: PhraseBank | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bank = bank
        self.index: PhraseIndex | None = None
        self.convert: Callable[[str], str] | None = None
        self.menu_actions: list[QAction | None] = []  # filled by phrase_actions; None is a separator
        self.filter = PhraseFilterBox(self)
        self.tree = QTreeView(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setAccessibleName(self.tr("短语库"))
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.model = PhraseTreeModel(self)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(PhraseDelegate(self.tree))
        self.preview = PhrasePreview(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(splitter)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.intoTree.connect(self.focus_first_phrase)
        self.filter.escaped.connect(self.escapePressed)
        # doubleClicked plus our own Enter handling: `activated` would also fire on single click
        # on platforms whose style activates items that way, inserting phrases by surprise.
        self.tree.doubleClicked.connect(self.activate)
        self.tree.installEventFilter(self)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._expand)
        self._pair_job: Iterator[int] | None = None
        self._pair_timer = QTimer(self)
        self._pair_timer.setInterval(0)
        self._pair_timer.timeout.connect(self._build_pairs_step)
        self.refresh()

    # -- loading and filtering -----------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the bank (after imports and edits), keeping the query and the selection."""
        current = self.current_phrase()
        phrases: list[Phrase] = []
        if self.bank is not None:
            try:
                phrases = self.bank.search(include_hidden=True)
            except Exception:
                log.exception("could not read the phrase bank")
        self.index = PhraseIndex(phrases)
        self.model.set_index(self.index)
        # Pair postings make two-character queries instant on a big bank; build them between
        # events, a few milliseconds at a time, so the window stays responsive meanwhile.
        self._pair_job = self.index.pair_builder()
        self._pair_timer.start()
        if current is not None:
            self.select_phrase(current.id)
        self.bankChanged.emit()

    def set_flags(self, phrase_id: int | None, favourite: bool | None = None, hidden: bool | None = None) -> None:
        """Show a favourite or hidden change at once, without reloading the whole bank."""
        pos = self.index.position_of(phrase_id) if self.index is not None else None
        if pos is None or self.index is None:
            self.refresh()
            return
        self.index.set_flags(pos, favourite=favourite, hidden=hidden)
        self.model.set_query(self.model.query)
        self.select_phrase(phrase_id)

    def _build_pairs_step(self) -> None:
        if self._pair_job is not None:
            try:
                next(self._pair_job)
            except StopIteration:
                self._pair_job = None
        if self._pair_job is None:
            self._pair_timer.stop()

    def pairs_ready(self) -> bool:
        """Whether the background pair postings are built (benchmarks wait for it)."""
        return self._pair_job is None

    def _filter_changed(self, text: str) -> None:
        self.model.set_query(text)
        # A reset forgets the current row without a currentChanged: the preview must not keep
        # showing a phrase the search has just hidden.
        self.preview.show_phrase(self.tree.currentIndex().data(PHRASE_ROLE), self.convert)

    def _expand(self) -> None:
        # With a query every match is in view; without one, sections open on their kinds.
        self.tree.expandToDepth(1 if self.model.query.strip() else 0)

    def set_script(self, convert: Callable[[str], str] | None) -> None:
        """Show phrases in the document's script (convert), or as stored (None)."""
        self.convert = convert
        self.model.set_converter(convert)
        self.preview.show_phrase(self.preview.phrase, convert)

    def set_context_section(self, section: str | None) -> None:
        """Put the section the cursor is in first, opened."""
        self.model.set_context_section(section)
        row = self.model.section_row(section) if section else -1
        if row >= 0:
            self.tree.expand(self.model.index(row, 0))

    # -- selection -----------------------------------------------------------------------------

    def current_phrase(self) -> Phrase | None:
        """The selected phrase."""
        return self.tree.currentIndex().data(PHRASE_ROLE)

    def select_phrase(self, phrase_id: int | None) -> bool:
        """Make the phrase with this id current, if it is listed."""
        for s in range(self.model.rowCount()):
            sec = self.model.index(s, 0)
            for k in range(self.model.rowCount(sec)):
                kind = self.model.index(k, 0, sec)
                for r in range(self.model.rowCount(kind)):
                    idx = self.model.index(r, 0, kind)
                    phrase = idx.data(PHRASE_ROLE)
                    if phrase is not None and phrase.id == phrase_id:
                        self.tree.setCurrentIndex(idx)
                        return True
        return False

    def first_phrase_index(self) -> QModelIndex:
        """The first phrase listed (the context section's best when there is one)."""
        for s in range(self.model.rowCount()):
            sec = self.model.index(s, 0)
            for k in range(self.model.rowCount(sec)):
                idx = self.model.index(0, 0, self.model.index(k, 0, sec))
                if idx.data(PHRASE_ROLE) is not None:
                    return idx
        return QModelIndex()

    def focus_first_phrase(self) -> None:
        """Move the keyboard into the tree, on the first match."""
        idx = self.first_phrase_index()
        if idx.isValid():
            self.tree.scrollTo(idx)
            self.tree.setCurrentIndex(idx)
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        """Put the keyboard in the search box, its text selected for a new query."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.preview.show_phrase(current.data(PHRASE_ROLE), self.convert)

    # -- activation ----------------------------------------------------------------------------

    def activate(self, index: QModelIndex) -> None:
        """Insert a phrase; on a "more" row list more; on a group node open or close it."""
        node = index.data(NODE_ROLE)
        if node == "phrase":
            self.phraseActivated.emit(index.data(PHRASE_ROLE).text)
        elif node == "more":
            row = index.row()
            self.model.show_more(index.data(Qt.ItemDataRole.UserRole + 5))
            self.tree.setCurrentIndex(self.model.index(row, 0, index.parent()))
        elif index.isValid():
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Return on a phrase inserts it; Esc goes back to the document."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activate(self.tree.currentIndex())
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.escapePressed.emit()
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, pos: QPoint) -> None:
        idx = self.tree.indexAt(pos)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
        self.build_menu().exec(self.tree.viewport().mapToGlobal(pos))

    def build_menu(self) -> QMenu:
        """The context menu (actions from phrase_actions; they act on the current phrase)."""
        menu = QMenu(self)
        for act in self.menu_actions:
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        return menu
