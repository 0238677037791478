"""Before a save overwrites a Word file, say what the editor could not keep and offer Save As."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from editor.core.formats.registry import format_for
from editor.gui.document.bridge import clear_state, state_of, to_model
from editor.gui.window.host import WindowHost


class DocxWarnings(QObject):
    """The before_save hook and the state reset on New/Open."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.widget)
        self.host = host
        self.window = host.widget
        self.acknowledged: set[str] = set()  # files whose losses the user accepted once
        host.session.before_save.append(self.check)
        host.session.closed.connect(self._closed)

    def _closed(self, _path: str) -> None:
        # New and Open start afresh: the old file's parts must not leak into the next document.
        clear_state(self.host.editor.document())
        self.acknowledged.clear()

    def losses(self, path: Path) -> list[str]:
        """What saving to path would lose, for the user to read."""
        qdoc = self.host.editor.document()
        fmt = format_for(path)
        if fmt is not None and not fmt.styled:  # text keeps no Word parts at all
            labels = to_model(qdoc).kept_labels() if state_of(qdoc).kept else []
            return labels
        current = self.host.session.path
        overwriting = current is not None and path.exists() and Path(current) == path.resolve()
        return list(state_of(qdoc).unsupported) if overwriting else []

    def check(self, path: Path) -> bool:
        """True to go on with the save; False when the user cancels or chooses Save As instead."""
        lost = self.losses(path)
        key = str(path.resolve()) if path.exists() else str(path)
        if not lost or key in self.acknowledged:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("保存会丢失部分内容"),
                          self.tr("“%1”中有语库无法保留的内容：\n%2\n\n覆盖原文件后这些内容将丢失。"
                                  "可以另存为新文件，保留原文件不变。")
                          .replace("%1", path.name).replace("%2", "、".join(lost)),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("仍然保存"))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("另存为…"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        answer = QMessageBox.StandardButton(box.exec())
        if answer == QMessageBox.StandardButton.Save:
            self.acknowledged.add(key)
            return True
        if answer == QMessageBox.StandardButton.Yes:
            self.acknowledged.add(key)  # the Save As target is a new file: no second question
            self.host.session.save_as()
            self.acknowledged.discard(key)
        return False


def install(host: WindowHost) -> DocxWarnings:
    """Feature entry point (window/features.py)."""
    return DocxWarnings(host)
