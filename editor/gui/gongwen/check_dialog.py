"""工具 → 公文检查: the checker's findings with their place; a certain fix is applied as one undo step."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from editor.core.gongwen.check.rules import Finding
from editor.core.gongwen.check.runner import run_checks
from editor.core.gongwen.source import from_editor, part_key
from editor.gui.gongwen.parts_form import PartsForm
from editor.gui.i18n import one_language
from editor.gui.window.host import WindowHost


class CheckDialog(QDialog):
    """A non-modal list of findings: double-click (or 定位) shows the place, 修正 applies a certain fix."""

    def __init__(self, host: WindowHost, form: PartsForm) -> None:
        super().__init__(host.widget)
        self.host = host
        self.form = form
        self.findings: list[Finding] = []
        self.setWindowTitle(self.tr("公文检查"))
        self.resize(900, 440)
        self.summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("gongwen_findings")
        # What a writer reads first: where, what is wrong, the text and its fix; the standard's clause last.
        # The rule's id (date.form) is for the CLI and bug reports: a tooltip, not a column.
        self.tree.setHeaderLabels([self.tr("位置"), self.tr("说明"), self.tr("原文"), self.tr("修正为"),
                                   self.tr("依据")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 130), (2, 140), (3, 120), (4, 170)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.go_to(self._finding(item)))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        buttons = QDialogButtonBox(self)
        self.locate_button = QPushButton(self.tr("定位(&L)"), self)
        self.fix_button = QPushButton(self.tr("修正(&F)"), self)
        self.fix_all_button = QPushButton(self.tr("全部修正(&A)"), self)
        self.recheck_button = QPushButton(self.tr("重新检查(&R)"), self)
        for b in (self.locate_button, self.fix_button, self.fix_all_button, self.recheck_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.locate_button.clicked.connect(lambda _=False: self.go_to(self.current()))
        self.fix_button.clicked.connect(lambda _=False: self.fix_current())
        self.fix_all_button.clicked.connect(lambda _=False: self.fix_all())
        self.recheck_button.clicked.connect(lambda _=False: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    # -- findings ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Check the document and its parts again."""
        parts = self.form.parts()
        text = self.host.session.document().toPlainText()
        self.findings = run_checks(from_editor(text, parts), parts.doc_type or None)
        self.tree.clear()
        for i, f in enumerate(self.findings):
            where = self._place(f)
            message = one_language(f.message)
            item = QTreeWidgetItem([where, message, f.excerpt,
                                    "" if f.fix is None else (f.fix or self.tr("（删去）")), f.source])
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            for col, tip in ((0, f.rule), (1, message), (4, f.source)):
                item.setToolTip(col, tip)
            self.tree.addTopLevelItem(item)
        certain = sum(f.fix is not None for f in self.findings)
        self.summary.setText(self.tr("发现 %1 处问题，其中 %2 处可一键修正。").replace("%1", str(len(self.findings)))
                             .replace("%2", str(certain)) if self.findings else self.tr("未发现问题。"))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def _place(self, f: Finding) -> str:
        if f.line is None:
            return self.tr("全文")
        if f.line < 0:
            return self.tr("公文要素：%1").replace("%1", part_key(f.line) or "")
        return self.tr("第 %1 段").replace("%1", str(f.line))

    def _finding(self, item: QTreeWidgetItem | None) -> Finding | None:
        if item is None:
            return None
        return self.findings[int(item.data(0, Qt.ItemDataRole.UserRole))]

    def current(self) -> Finding | None:
        """The selected finding."""
        return self._finding(self.tree.currentItem())

    def _update_buttons(self) -> None:
        f = self.current()
        self.locate_button.setEnabled(f is not None and f.line is not None)
        self.fix_button.setEnabled(f is not None and f.fix is not None)
        self.fix_all_button.setEnabled(any(x.fix is not None for x in self.findings))

    # -- places and fixes -------------------------------------------------------------------------

    def _range(self, f: Finding) -> tuple[int, int] | None:
        """Document positions of a finding's excerpt, when the text is still as checked."""
        if f.line is None or f.line < 1:
            return None
        block = self.host.session.document().findBlockByNumber(f.line - 1)
        if not block.isValid():
            return None
        text = block.text()
        base = text.find(text.strip().lstrip("\u3000")) if text.strip() else 0
        start = base + f.column
        if text[start:start + len(f.excerpt)] != f.excerpt:
            return None
        return block.position() + start, block.position() + start + len(f.excerpt)

    def go_to(self, f: Finding | None) -> None:
        """Select the finding's excerpt in the editor (or focus its part in the form)."""
        if f is None or f.line is None:
            return
        if f.line < 0:
            key = part_key(f.line)
            if key:
                self.form.fields[key].setFocus()
            return
        found = self._range(f)
        editor = self.host.editor
        cursor = editor.textCursor()
        if found is None:
            block = editor.document().findBlockByNumber(f.line - 1)
            cursor.setPosition(block.position())
        else:
            cursor.setPosition(found[0])
            cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    def _apply(self, fixes: list[Finding]) -> int:
        """Apply fixes to the text as one undo step (parts in the form directly); returns how many."""
        editor = self.host.editor
        ranges: list[tuple[int, int, str] | None] = []
        for f in fixes:
            if f.line is not None and f.line < 0:
                key = part_key(f.line)
                value = self.form.value(key) if key else ""
                if key and f.excerpt in value:
                    self.form.set_value(key, value.replace(f.excerpt, f.fix or "", 1))
                    ranges.append(None)
                continue
            found = self._range(f)
            if found is not None and not any(r and found[0] < r[1] and r[0] < found[1] for r in ranges):
                ranges.append((found[0], found[1], f.fix or ""))
        edits = sorted((r for r in ranges if r), reverse=True)
        if edits:
            cursor = QTextCursor(editor.document())
            cursor.beginEditBlock()
            for start, end, new in edits:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(new)
            cursor.endEditBlock()
        return len(ranges)

    def fix_current(self) -> None:
        """Apply the selected finding's certain fix."""
        f = self.current()
        if f is not None and f.fix is not None:
            self._apply([f])
            self.refresh()

    def fix_all(self) -> None:
        """Apply every certain fix as one undo step (checked again first: the text may have changed)."""
        self.refresh()
        self._apply([f for f in self.findings if f.fix is not None])
        self.refresh()
