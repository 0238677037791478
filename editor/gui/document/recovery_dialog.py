"""The crash-recovery dialog (every draft left behind, what it holds, when it was saved) and restoring the chosen ones."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.recovery import Draft, key_for_path
from editor.gui.window.host import WindowHost

_restored_windows: list[QObject] = []  # windows opened to hold extra drafts, kept alive here


def local_time(saved_at: str) -> str:
    """An ISO timestamp as local wall-clock time, as people read it."""
    try:
        return datetime.fromisoformat(saved_at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return saved_at


class RecoveryDialog(QDialog):
    """Lists drafts with a preview; the checked ones are restored or discarded."""

    restoreRequested = Signal(list)
    discardRequested = Signal(list)

    def __init__(self, drafts: list[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("恢复未保存的草稿"))
        self.drafts = list(drafts)
        intro = QLabel(self.tr("语库上次没有正常退出。以下草稿由自动保存留下，尚未保存到文件。"
                               "勾选要恢复的草稿，恢复后请及时保存。"), self)
        intro.setWordWrap(True)
        self.draft_list = QListWidget(self)
        self.draft_list.setAccessibleName(self.tr("草稿列表"))
        for draft in self.drafts:
            item = QListWidgetItem(self.describe(draft), self.draft_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(self.source_text(draft))
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("草稿内容预览"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.source_label)
        below_layout.addWidget(self.preview, 1)
        split.addWidget(self.draft_list)
        split.addWidget(below)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("恢复所选(&R)"), self)
        self.discard_button = QPushButton(self.tr("放弃所选(&D)"), self)
        self.later_button = QPushButton(self.tr("以后再说(&L)"), self)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_checked)
        self.discard_button.clicked.connect(self.discard_checked)
        self.later_button.clicked.connect(self.reject)
        self.restore_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.draft_list.currentRowChanged.connect(self._show_preview)
        self.draft_list.itemChanged.connect(self._update_buttons)
        self.draft_list.setCurrentRow(0)
        self.resize(640, 480)

    def describe(self, draft: Draft) -> str:
        """One short line per draft: its name, when it was saved and how long it is."""
        return (self.tr("%1（保存于 %2，%3 字）").replace("%1", draft.title or self.tr("未命名"))
                .replace("%2", local_time(draft.saved_at)).replace("%3", str(len(draft.text))))

    def source_text(self, draft: Draft) -> str:
        """Where the draft came from, in full (the list line has only the file name)."""
        where = draft.source or self.tr("未命名文档（从未保存为文件）")
        return self.tr("来源：%1").replace("%1", where)

    def checked(self) -> list[Draft]:
        """The drafts whose boxes are ticked."""
        return [d for i, d in enumerate(self.drafts)
                if self.draft_list.item(i).checkState() == Qt.CheckState.Checked]

    def restore_checked(self) -> None:
        """Ask the window to restore the ticked drafts, then close."""
        chosen = self.checked()
        if chosen:
            self.restoreRequested.emit(chosen)
        self.accept()

    def discard_checked(self) -> None:
        """Delete the ticked drafts after one confirmation."""
        chosen = self.checked()
        if not chosen:
            return
        answer = QMessageBox.question(
            self, self.tr("放弃草稿"),
            self.tr("将永久删除 %1 份草稿，其中的改动无法找回。确定吗？").replace("%1", str(len(chosen))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.discardRequested.emit(chosen)
            self.accept()

    def _show_preview(self, row: int) -> None:
        draft = self.drafts[row] if 0 <= row < len(self.drafts) else None
        self.source_label.setText(self.source_text(draft) if draft else "")
        self.preview.setPlainText(draft.text if draft else "")

    def _update_buttons(self) -> None:
        any_checked = bool(self.checked())
        self.restore_button.setEnabled(any_checked)
        self.discard_button.setEnabled(any_checked)


def _is_pristine(window: WindowHost) -> bool:
    doc = window.editor.document()
    return window.session.path is None and not doc.isModified() and not doc.toPlainText()


def restore_drafts(window: WindowHost, drafts: list[Draft],
                   restore: Callable[[WindowHost, Draft], object]) -> list[WindowHost]:
    """Restore drafts: into this window when it is empty or holds the draft's file, else new windows."""
    used: list[WindowHost] = []
    for draft in drafts:
        target = window
        path = window.session.path
        same_file = bool(draft.source and path is not None
                         and key_for_path(path) == key_for_path(Path(draft.source).resolve())
                         and not window.editor.document().isModified())
        if window in used or not (_is_pristine(window) or same_file):
            target = window.new_window()
            _restored_windows.append(target.widget)
            target.widget.destroyed.connect(lambda _=None, w=target.widget: _forget(w))
        restore(target, draft)
        used.append(target)
    return used


def _forget(window: QObject) -> None:
    if window in _restored_windows:
        _restored_windows.remove(window)
