"""The document session: which file the window edits, and New, Open, Save, Save As and recent files.

A QObject with no widgets of its own: the window hands it the document view and shows what it
reports (problem, message). Features hook in through before_open / before_save (a veto each)
and the opened / saved / closed signals; the session also owns the document's lock.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.core.errors import YukuError
from editor.core.model.document import Document
from editor.core.settings import Settings
from editor.gui.document.file_filters import file_dialog_filter, open_dialog_filter, suffix_for_filter
from editor.gui.document.lock import DocumentLock
from editor.gui.document.property_history import PropertyHistory

log = logging.getLogger(__name__)
# What users call the encodings a text file is read in.
_ENCODING_NAMES = {"gb18030": "GBK", "cp950": "Big5", "big5": "Big5", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
                   "utf-16-be": "UTF-16", "utf-8-sig": "UTF-8", "utf-32": "UTF-32"}




class DocumentView(Protocol):
    """What the session needs of the document pane (DocumentEditor is one)."""

    def document(self) -> QTextDocument:
        """The text document being edited."""
        ...

    def clear(self) -> None:
        """Empty the pane."""
        ...

    def go_to_start(self) -> None:
        """Put the cursor at the top and show it."""
        ...

    def plain_text(self) -> str:
        """The document's text (a new file's proposed name comes from its title)."""
        ...


class DocumentSession(QObject):
    """Owns the current file: its path, its lock, saving, opening and the recent-files list.

    Seams for features:
    - before_open / before_save: callables (path) -> bool; any False vetoes the open or save.
    - opened(path), saved(path), closed(path or ""): after the fact.
    - loaded(): the document's content was replaced (New, Open, a recovered draft) or undo/redo put
      back its 公文要素 (property_history); features that show part of the document outside the text
      (the 公文要素 form) read it again.
    - changed(): a change outside the text (mark_changed), so autosave writes a draft.
    - pathChanged(path or None): the window title follows it.
    - template_chooser: callable () -> Document | None offering a starting document on New.
    """

    opened = Signal(str)
    saved = Signal(str)
    closed = Signal(str)
    loaded = Signal()
    changed = Signal()
    pathChanged = Signal(object)
    problem = Signal(str, str)  # title, one sentence for the user
    message = Signal(str, int)  # status-bar note, timeout in ms

    def __init__(self, view: DocumentView, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.settings = settings
        self.dialog_parent = parent
        self.path: Path | None = None
        self._plain_ok: Path | None = None  # a text file the user agreed may drop the formatting
        self.before_open: list[Callable[[Path], bool]] = []
        self.before_save: list[Callable[[Path], bool]] = []
        self.template_chooser: Callable[[], Document | None] | None = None
        self.lock = DocumentLock(self)
        # Undo and redo of a conversion put its 公文要素 back too: the features re-read them.
        self.property_history = PropertyHistory(self.document(), self)
        self.property_history.restored.connect(self.loaded)

    # -- state ----------------------------------------------------------------------------------

    def document(self) -> QTextDocument:
        """The edited QTextDocument."""
        return self.view.document()

    def is_modified(self) -> bool:
        """Whether there are unsaved changes."""
        return self.document().isModified()

    def set_path(self, path: Path | None) -> None:
        """Point the session at a file without reading or writing it (a restored draft)."""
        self.path = path
        self.pathChanged.emit(path)

    def mark_changed(self) -> None:
        """Something the document holds outside its text changed: it now has unsaved changes."""
        self.document().setModified(True)
        self.changed.emit()

    def content_replaced(self) -> None:
        """The content was put in from elsewhere (a recovered draft): tell the features that show it."""
        self.loaded.emit()

    def report(self, title: str, text: str) -> None:
        """Tell the user about a problem (the window shows it)."""
        self.problem.emit(title, text)

    # -- files ----------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask before discarding changes; True when it is fine to go on."""
        if not self.is_modified():
            return True
        name = self.path.name if self.path is not None else self.tr("未命名")
        answer = QMessageBox.warning(
            self.dialog_parent, self.tr("保存更改"), self.tr("「%1」已修改。是否保存更改？").replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        """Start an empty document (or one from the template chooser)."""
        if not self.maybe_save():
            return
        template = self.template_chooser() if self.template_chooser else None
        if self.template_chooser and template is None:
            return  # the user cancelled the template dialog
        self.closed.emit(str(self.path or ""))
        self.view.clear()
        if template is not None:
            from editor.gui.document.bridge import load_model

            load_model(self.document(), template)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.set_path(None)
        self.loaded.emit()
        self.view.go_to_start()

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        if not self.maybe_save():
            return
        # Start where the current document is, like Word and WPS.
        start = str(self.path.parent) if self.path is not None else ""
        path, _ = QFileDialog.getOpenFileName(self.dialog_parent, self.tr("打开"), start, open_dialog_filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a file into the editor; errors are told in one sentence."""
        from editor.core.formats.document_files import read_document
        from editor.gui.document.bridge import load_model

        p = Path(path)
        if not all(check(p) for check in self.before_open):
            return False
        try:
            doc = read_document(p)
        except YukuError as exc:
            self.report(self.tr("无法打开文件"), str(exc))
            return False
        self.closed.emit(str(self.path or ""))
        load_model(self.document(), doc)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.path = p.resolve()
        self.loaded.emit()
        self.opened.emit(str(self.path))
        self._remember_recent(self.path)
        self.pathChanged.emit(self.path)
        self.view.go_to_start()
        self.message.emit(self.tr("已打开 %1").replace("%1", p.name), 5000)
        return True

    def save(self) -> bool:
        """Save to the current file, or ask for one."""
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        from editor.gui.document.save_name import proposed_file_name

        start = str(self.path or Path.home() / proposed_file_name(self.view.plain_text(), self.tr("未命名")))
        path, selected = QFileDialog.getSaveFileName(self.dialog_parent, self.tr("另存为"), start,
                                                     file_dialog_filter())
        if not path:
            return False
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(suffix_for_filter(selected))
        return self.save_to(p)

    def save_to(self, path: Path) -> bool:
        """Write the document to path atomically; on failure the file on disk is unchanged."""
        from editor.core.formats.document_files import write_document
        from editor.core.formats.registry import format_for, suffix_list
        from editor.gui.document.bridge import to_model

        if format_for(path) is None:  # say so before any question about the text (blanks …)
            self.report(self.tr("保存失败"), self.tr("%1：不支持这种文件类型，请另存为 %2。")
                        .replace("%1", str(path)).replace("%2", suffix_list()))
            return False
        if not all(check(path) for check in self.before_save):
            return False
        model = to_model(self.document())
        if not self._plain_text_accepted(model, path):
            return False
        widened = self._widened_encoding(model, path)
        try:
            write_document(model, path)
        except YukuError as exc:
            self.report(self.tr("保存失败"), str(exc))
            return False
        except OSError as exc:
            self.report(self.tr("保存失败"), self.tr("%1：保存失败（%2），原文件未改动。请换个位置另存。")
                        .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return False
        self.path = path.resolve()
        self.document().setModified(False)
        self._remember_recent(self.path)
        self.pathChanged.emit(self.path)
        self.saved.emit(str(self.path))
        if widened:
            from editor.gui.document.docx_state import state_of

            state_of(self.document()).encoding = None  # the file is UTF-8 now
            self.message.emit(self.tr("已保存 %1。原 %2 编码容不下新写入的字符，已改存为 UTF-8。")
                              .replace("%1", path.name).replace("%2", _ENCODING_NAMES.get(widened, widened.upper())), 15000)
        else:
            self.message.emit(self.tr("已保存 %1").replace("%1", path.name), 5000)
        return True

    def _plain_text_accepted(self, model: Document, path: Path) -> bool:
        """Ask before a text file drops the document's headings and formats (once per file, as Word does)."""
        from editor.core.formats.text_file import loses_formatting
        from editor.gui.window.host import can_ask_user

        if path.suffix.lower() not in (".txt", ".md") or self._plain_ok == path.resolve() or not can_ask_user():
            return True
        if not loses_formatting(model):
            return True
        answer = QMessageBox.question(
            self.dialog_parent, self.tr("保存为纯文本"),
            self.tr("「%1」是纯文本文件：标题样式、字体格式和表格不会保存在其中，只保存文字。"
                    "要保留格式，请另存为 Word 文档（.docx）。仍要保存为纯文本吗？").replace("%1", path.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Save:
            return False
        self._plain_ok = path.resolve()
        return True

    @staticmethod
    def _widened_encoding(model: Document, path: Path) -> str:
        """The text file's own encoding when this save must write UTF-8 instead ("" when it need not)."""
        from editor.core.formats.text_file import saved_encoding

        if not model.encoding or path.suffix.lower() not in (".txt", ".md"):
            return ""
        return model.encoding if saved_encoding(model) != model.encoding else ""

    def close_document(self) -> bool:
        """Ask to save, then let go of the file (the window is closing); False when the user cancels."""
        if not self.maybe_save():
            return False
        self.closed.emit(str(self.path or ""))
        return True

    # -- recent files ---------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Recently opened or saved files, newest first."""
        return list(self.settings.get("recent_files"))

    def clear_recent_files(self) -> None:
        """Forget the recent-files list."""
        self.settings.set("recent_files", [])

    def open_recent(self, path: str) -> None:
        """Open a file from the recent list, asking first about unsaved changes."""
        if self.maybe_save():
            self.open_path(path)

    def _remember_recent(self, path: Path) -> None:
        """Add to recent files; a settings write that fails (full disk) must not undo a good save."""
        try:
            self.settings.add_recent_file(str(path))
        except OSError as exc:
            log.warning("could not update recent files: %s", exc)
