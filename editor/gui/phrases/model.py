"""The phrase tree model: section → kind → phrase, over the in-memory PhraseIndex.

Nodes are identified by integers (internalId), never Python objects, so indexes stay valid
across filtering. A kind node's id is fixed by its section; a phrase's id is fixed by its group:
reordering sections for the cursor's context only moves section rows.
"""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from editor.core.bank.phrase_index import Group, PhraseIndex
from editor.core.model.phrases import SECTION_LABELS, SECTIONS, Phrase, phrase_kind
from editor.gui.document.editor import PHRASE_MIME

PHRASE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Phrase of a leaf
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2  # (start, end) of the query in the shown text
NODE_ROLE = Qt.ItemDataRole.UserRole + 3  # "section", "kind", "phrase" or "more"
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 4  # the phrase as shown (the document's script)
KEY_ROLE = Qt.ItemDataRole.UserRole + 5  # section id, (section, kind) or the phrase position

ROWS_PER_GROUP = 200  # leaves listed per kind before a "more" row; more on request
# While searching every kind is open, and the view lays out each listed row through Python calls
# (~15 µs a row): about 300 listed rows keep a keystroke within a frame on a 100,000-phrase bank.
SEARCH_ROW_BUDGET = 300
SEARCH_ROWS_MIN = 8
_KIND_BASE = 1  # kind node ids: 1 + section number
_LEAF_BASE = 1000  # leaf ids: 1000 + group number
AnyIndex = QModelIndex | QPersistentModelIndex
# Built once: the view asks for flags twice per row, and OR-ing Python enums costs ~1 µs each.
_NODE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_PHRASE_FLAGS = _NODE_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, PHRASE_ROLE, MATCH_ROLE,
                    NODE_ROLE, SHOWN_ROLE, KEY_ROLE})


def section_label(section: str) -> str:
    """The section's name for people."""
    label = SECTION_LABELS.get(section)
    return QCoreApplication.translate("phrase_model", label) if label else section


def kind_label(kind: str) -> str:
    """The kind's name for people (the phrase-kind registry's label, translated)."""
    registered = phrase_kind(kind)
    return QCoreApplication.translate("phrase_model", registered.label) if registered else kind


def counted(label: str, n: int) -> str:
    """A node label with its count: 措施 (12)."""
    return QCoreApplication.translate("phrase_model", "%1 (%2)").replace("%1", label).replace("%2", str(n))


class PhraseTreeModel(QAbstractItemModel):
    """Phrases grouped by section then kind, filtered by a query, context section first."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.index_data: PhraseIndex = PhraseIndex([], normalise=lambda s: s)
        self.query = ""
        self.context_section: str | None = None
        self.show_hidden = False
        self.shown: dict[int, str] = {}  # phrase position → text in the document's script
        self.converter: object | None = None  # callable (text) -> text for the document's script
        self._all_sections: list[str] = list(SECTIONS)
        self._groups: list[Group] = []
        self._group_no: dict[Group, int] = {}
        self._sections: list[str] = []  # shown, in display order
        self._kinds: dict[str, list[str]] = {}  # shown kinds per section
        self._rows: dict[Group, list[int]] = {}
        self._caps: dict[Group, int] = {}
        self._default_cap = ROWS_PER_GROUP

    # -- feeding -------------------------------------------------------------------------------

    def set_index(self, index: PhraseIndex) -> None:
        """Show a freshly loaded bank."""
        self.index_data = index
        self._all_sections = list(SECTIONS) + sorted({g[0] for g in index.groups} - set(SECTIONS))
        self._groups = list(index.groups)
        self._group_no = {g: n for n, g in enumerate(self._groups)}
        self.shown.clear()
        self._apply()

    def set_query(self, query: str) -> None:
        """Filter by a substring (either script)."""
        self.query = query
        self._apply()

    def set_show_hidden(self, on: bool) -> None:
        """List hidden phrases too (to unhide them)."""
        self.show_hidden = on
        self._apply()

    def set_converter(self, converter: object | None) -> None:
        """Show phrases through converter (the document's script); None shows them as stored."""
        self.converter = converter
        self.shown.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))
            self.layoutChanged.emit()

    def set_context_section(self, section: str | None) -> None:
        """Put this section first (the cursor is in it); the others keep their order."""
        if section == self.context_section:
            return
        self.context_section = section
        old = list(self._sections)
        self.layoutAboutToBeChanged.emit()
        self._sections = self._ordered(self._sections)
        for pidx in self.persistentIndexList():
            if pidx.isValid() and pidx.internalId() == 0:
                new_row = self._sections.index(old[pidx.row()])
                self.changePersistentIndex(pidx, self.createIndex(new_row, 0, 0))
        self.layoutChanged.emit()

    def show_more(self, group: Group) -> None:
        """List more of a group's matches (its "more" row was activated)."""
        rows = self._rows.get(group, [])
        cap = self._caps.get(group, self._default_cap)
        if cap >= len(rows):
            return
        parent = self._kind_index(group)
        new_cap = min(len(rows), cap + ROWS_PER_GROUP * 5)
        more_left = new_cap < len(rows)
        # The "more" row sits at row cap; it becomes the first new phrase.
        last = new_cap - 1 + (1 if more_left else 0)
        if last >= cap + 1:
            self.beginInsertRows(parent, cap + 1, last)
            self._caps[group] = new_cap
            self.endInsertRows()
        else:
            self._caps[group] = new_cap
        self.dataChanged.emit(self.index(cap, 0, parent), self.index(cap, 0, parent))

    def _ordered(self, sections: list[str]) -> list[str]:
        base = sorted(sections, key=self._all_sections.index)
        if self.context_section in base:
            base.remove(self.context_section)
            base.insert(0, self.context_section)
        return base

    def _apply(self) -> None:
        self.beginResetModel()
        self._rows = self.index_data.filter(self.query, include_hidden=self.show_hidden)
        self._caps = {}
        # Searching opens every kind: share a row budget among the groups that matched.
        self._default_cap = (max(SEARCH_ROWS_MIN, SEARCH_ROW_BUDGET // max(1, len(self._rows)))
                             if self.query.strip() else ROWS_PER_GROUP)
        kinds: dict[str, list[str]] = {}
        for section, kind in self._rows:  # already in SECTIONS × KINDS order
            kinds.setdefault(section, []).append(kind)
        self._kinds = kinds
        self._sections = self._ordered(list(kinds))
        self.endResetModel()

    # -- lookups -------------------------------------------------------------------------------

    def groups_shown(self) -> dict[Group, list[int]]:
        """Matches per group (all of them, listed or not)."""
        return self._rows

    def section_count(self, section: str) -> int:
        """Matches in a section."""
        return sum(len(self._rows[(section, k)]) for k in self._kinds.get(section, []))

    def _kind_index(self, group: Group) -> QModelIndex:
        section, kind = group
        return self.createIndex(self._kinds[section].index(kind), 0, _KIND_BASE + self._all_sections.index(section))

    def section_row(self, section: str) -> int:
        """The row of a section node, or -1 when it has no matches."""
        return self._sections.index(section) if section in self._sections else -1

    def phrase_at(self, index: AnyIndex) -> Phrase | None:
        """The phrase of a leaf index."""
        pos = self._position(index)
        return self.index_data.phrases[pos] if pos is not None else None

    def _group_of(self, index: AnyIndex) -> Group | None:
        iid = index.internalId()
        return self._groups[iid - _LEAF_BASE] if iid >= _LEAF_BASE else None

    def _position(self, index: AnyIndex) -> int | None:
        group = self._group_of(index)
        if group is None:
            return None
        rows = self._rows.get(group, [])
        if index.row() >= min(len(rows), self._caps.get(group, self._default_cap)):
            return None  # the "more" row
        return rows[index.row()]

    def shown_text(self, pos: int) -> str:
        """A phrase in the document's script (cached: conversion happens only for rows painted)."""
        text = self.shown.get(pos)
        if text is None:
            raw = self.index_data.phrases[pos].text
            text = self.converter(raw) if callable(self.converter) else raw
            self.shown[pos] = text
        return text

    # -- QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Child index by row."""
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._sections) else QModelIndex()
        pid = parent.internalId()
        if pid == 0:
            section = self._sections[parent.row()]
            if row >= len(self._kinds.get(section, [])):
                return QModelIndex()
            return self.createIndex(row, 0, _KIND_BASE + self._all_sections.index(section))
        if pid < _LEAF_BASE:
            section = self._all_sections[pid - _KIND_BASE]
            group = (section, self._kinds[section][parent.row()])
            return self.createIndex(row, 0, _LEAF_BASE + self._group_no[group])
        return QModelIndex()

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Parent index."""
        if not child.isValid():
            return QModelIndex()
        iid = child.internalId()
        if iid == 0:
            return QModelIndex()
        if iid < _LEAF_BASE:
            section = self._all_sections[iid - _KIND_BASE]
            return self.createIndex(self._sections.index(section), 0, 0)
        return self._kind_index(self._groups[iid - _LEAF_BASE])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Children of a node; a group lists up to its cap, plus a "more" row."""
        if not parent.isValid():
            return len(self._sections)
        pid = parent.internalId()
        if pid == 0:
            return len(self._kinds.get(self._sections[parent.row()], []))
        if pid < _LEAF_BASE:
            section = self._all_sections[pid - _KIND_BASE]
            group = (section, self._kinds[section][parent.row()])
            n = len(self._rows.get(group, []))
            cap = self._caps.get(group, self._default_cap)
            return n if n <= cap else cap + 1
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One column."""
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        """Leaves have none (saves the view a rowCount per leaf)."""
        return not parent.isValid() or parent.internalId() < _LEAF_BASE

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Phrases can be dragged; group nodes cannot."""
        iid = index.internalId()
        if iid >= _LEAF_BASE:
            group = self._groups[iid - _LEAF_BASE]
            if index.row() < min(len(self._rows.get(group, ())), self._caps.get(group, self._default_cap)):
                return _PHRASE_FLAGS
        return _NODE_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Labels, phrases, match spans."""
        # The delegate and view ask for a dozen roles per painted row; most are answered here.
        if role not in _ROLES or not index.isValid():
            return None
        iid = index.internalId()
        if iid == 0:
            section = self._sections[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return counted(section_label(section), self.section_count(section))
            return {NODE_ROLE: "section", KEY_ROLE: section}.get(role)
        if iid < _LEAF_BASE:
            section = self._all_sections[iid - _KIND_BASE]
            kind = self._kinds[section][index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return counted(kind_label(kind), len(self._rows[(section, kind)]))
            return {NODE_ROLE: "kind", KEY_ROLE: (section, kind)}.get(role)
        pos = self._position(index)
        if pos is None:
            group = self._group_of(index)
            left = len(self._rows.get(group, [])) - self._caps.get(group, self._default_cap)  # type: ignore[arg-type]
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("phrase_model", "…还有 %1 条，按回车显示更多").replace("%1", str(left))
            return {NODE_ROLE: "more", KEY_ROLE: group}.get(role)
        if role in (Qt.ItemDataRole.DisplayRole, SHOWN_ROLE):
            return self.shown_text(pos)
        if role == PHRASE_ROLE:
            return self.index_data.phrases[pos]
        if role == MATCH_ROLE:
            return self.index_data.match_span(pos, self.query, self.shown_text(pos))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.index_data.phrases[pos].example or None
        if role == NODE_ROLE:
            return "phrase"
        if role == KEY_ROLE:
            return pos
        return None

    def mimeTypes(self) -> list[str]:
        """Formats a drag offers."""
        return [PHRASE_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex] | list[QPersistentModelIndex]) -> QMimeData:  # type: ignore[override]
        """The dragged phrases, as stored (the editor converts them to the document's script)."""
        data = QMimeData()
        texts = [p.text for p in (self.phrase_at(i) for i in indexes) if p is not None]
        if texts:
            joined = "".join(texts)
            data.setData(PHRASE_MIME, joined.encode("utf-8"))
            data.setText(joined)
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        """A phrase is copied out, never moved."""
        return Qt.DropAction.CopyAction
