"""Feature module: the phrase bank's actions — context, script, user edits, import and export."""
from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)

from editor.core.bank.store import PhraseBank
from editor.core.model.phrases import DEFAULT_KIND, KINDS, SECTIONS, Phrase
from editor.gui.document.editor import script_converter
from editor.gui.phrases.model import kind_label, section_label
from editor.gui.window.host import WindowHost

log = logging.getLogger(__name__)
JSON_FILTER = "JSON (*.json)"


def tr(text: str) -> str:
    """Translate in this module's context."""
    return QCoreApplication.translate("phrase_actions", text)


class PhraseDialog(QDialog):
    """Text, section and kind of a phrase, for adding the selection or editing an entry."""

    def __init__(self, parent: QWidget | None, title: str, text: str = "", section: str = "general",
                 kind: str = DEFAULT_KIND) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text_edit = QLineEdit(text, self)
        self.text_edit.setAccessibleName(tr("短语"))
        self.section_box = QComboBox(self)
        for s in SECTIONS:
            self.section_box.addItem(section_label(s), s)
        self.section_box.setCurrentIndex(max(0, self.section_box.findData(section)))
        self.kind_box = QComboBox(self)
        for k in KINDS:
            self.kind_box.addItem(kind_label(k), k)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        form = QFormLayout(self)
        form.addRow(tr("短语(&T)："), self.text_edit)
        form.addRow(tr("所属部分(&S)："), self.section_box)
        form.addRow(tr("类型(&K)："), self.kind_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        """(text, section, kind) as entered."""
        return (self.text_edit.text().strip(), self.section_box.currentData(), self.kind_box.currentData())


class PhraseActions:
    """The bank's actions in the Tools menu and the panel's context menu."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.window = host.widget
        w: QWidget = host.widget
        self.panel = host.phrase_panel
        self.corpus_import: object | None = None  # the running or last corpus import
        self.editor = host.editor

        def make(name: str, text: str, slot: Callable[..., object], shortcut: str | None = None) -> QAction:
            return host.action_factory.make(name, text, slot, shortcut)

        self.search = make("phrase_search", tr("搜索短语(&S)"), self.focus_search, "Ctrl+Shift+F")
        self.add_selection = make("phrase_add_selection", tr("将选中内容加入短语库(&A)…"), self.add_selected_text,
                                  "Ctrl+Shift+B")
        self.insert = make("phrase_insert", tr("插入(&I)"), self.insert_current)
        self.favourite = make("phrase_favourite", tr("收藏 / 取消收藏(&F)"), self.toggle_favourite)
        self.edit = make("phrase_edit", tr("编辑(&E)…"), self.edit_current)
        self.hide = make("phrase_hide", tr("隐藏 / 取消隐藏(&H)"), self.toggle_hidden)
        self.delete = make("phrase_delete", tr("删除(&D)"), self.delete_current)
        self.show_hidden = make("phrase_show_hidden", tr("显示已隐藏的短语(&N)"), self.set_show_hidden)
        self.show_hidden.setCheckable(True)
        self.export_user = make("phrase_export", tr("导出我的短语(&X)…"), self.export_phrases)
        self.import_user = make("phrase_import", tr("导入我的短语(&M)…"), self.import_phrases)
        self.import_files = make("corpus_import_files", tr("导入语料文件(&C)…"), self.import_corpus_files)
        self.import_folder = make("corpus_import_folder", tr("导入语料文件夹(&O)…"), self.import_corpus_folder)
        self.panel.menu_actions = [self.insert, None, self.favourite, self.edit, self.hide, self.delete, None,
                                   self.add_selection, self.show_hidden]
        self.panel.tree.addActions([self.favourite, self.edit, self.hide, self.delete])
        # Keys that act on the selected phrase only while the tree has the focus.
        self.delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.edit.setShortcut(QKeySequence("F2"))
        for act in (self.favourite, self.edit, self.hide, self.delete):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu = QMenu(tr("短语库(&B)"), w)
        menu.addActions([self.search, self.add_selection])
        menu.addSeparator()
        menu.addActions([self.import_files, self.import_folder])
        menu.addSeparator()
        menu.addActions([self.import_user, self.export_user, self.show_hidden])
        host.menu("tools").addMenu(menu)
        self.menu = menu
        self.editor.sectionChanged.connect(lambda s: self.panel.set_context_section(s or None))
        self.editor.scriptChanged.connect(lambda s: self.panel.set_script(script_converter(s)))
        self.panel.set_script(script_converter(self.editor.script))  # a new, empty document: the UI's script
        self.panel.escapePressed.connect(lambda: self.editor.setFocus())

    # -- helpers -------------------------------------------------------------------------------

    @property
    def bank(self) -> PhraseBank | None:
        """The window's bank (None when it could not be opened)."""
        return self.panel.bank

    def _current(self) -> tuple[PhraseBank, Phrase, int] | None:
        """The bank, the selected phrase and its id; None without a bank or a stored phrase."""
        phrase, bank = self.panel.current_phrase(), self.bank
        if phrase is None or phrase.id is None or bank is None:
            return None
        return bank, phrase, phrase.id

    def _changed(self, message: str) -> None:
        self.panel.refresh()
        self.host.show_message(message)

    def _error(self, title: str, text: str) -> None:
        self.host.show_error(title, text)

    # -- slots ---------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Show the panel and put the keyboard in its search box."""
        self.host.phrase_dock.show()
        self.panel.focus_search()

    def insert_current(self) -> None:
        """Insert the selected phrase."""
        self.panel.activate(self.panel.tree.currentIndex())

    def add_selected_text(self) -> Phrase | None:
        """Add the document's selected text to the bank, with a section type and kind."""
        if self.bank is None:
            return None
        text = self.editor.textCursor().selectedText().replace("\u2029", " ").strip()
        section = self.editor.section or "general"
        dialog = PhraseDialog(self.window, tr("加入短语库"), text, section)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        text, section, kind = dialog.values()
        if not text:
            self._error(tr("加入短语库"), tr("短语不能为空。"))
            return None
        phrase = self.bank.add_user_phrase(text, section, kind)
        self._changed(tr("已加入短语库：%1").replace("%1", text))
        self.panel.select_phrase(phrase.id)
        return phrase

    def toggle_favourite(self) -> None:
        """Mark or unmark the selected phrase as a favourite."""
        current = self._current()
        if current is not None:
            bank, phrase, pid = current
            on = not phrase.favourite
            bank.set_favourite(pid, on)
            self.panel.set_flags(pid, favourite=on)
            self.host.show_message(tr("已收藏") if on else tr("已取消收藏"))

    def toggle_hidden(self) -> None:
        """Hide the selected phrase (or show it again)."""
        current = self._current()
        if current is not None:
            bank, phrase, pid = current
            on = not phrase.hidden
            bank.set_hidden(pid, on)
            self.panel.set_flags(pid, hidden=on)
            self.host.show_message(tr("已隐藏；可在“显示已隐藏的短语”中恢复") if on else tr("已取消隐藏"))

    def edit_current(self) -> None:
        """Edit the selected phrase's text, section and kind; it becomes the user's own."""
        current = self._current()
        if current is None:
            return
        bank, phrase, pid = current
        dialog = PhraseDialog(self.window, tr("编辑短语"), phrase.text, phrase.section, phrase.kind)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text, section, kind = dialog.values()
        bank.update_phrase(pid, text=text or None, section=section, kind=kind)
        self._changed(tr("已修改短语"))
        self.panel.select_phrase(pid)

    def delete_current(self) -> None:
        """Delete the selected phrase after asking."""
        current = self._current()
        if current is None:
            return
        bank, phrase, pid = current
        answer = QMessageBox.question(self.window, tr("删除短语"),
                                      tr("从短语库删除“%1”？重新挖掘也不会再加回。").replace("%1", phrase.text))
        if answer == QMessageBox.StandardButton.Yes:
            bank.delete_phrase(pid)
            self._changed(tr("已删除短语"))

    def set_show_hidden(self, on: bool) -> None:
        """List hidden phrases too, so they can be unhidden."""
        self.panel.model.set_show_hidden(bool(on))

    def export_phrases(self) -> bool:
        """Write the user's phrases and edits to a JSON file."""
        from editor.core.atomic import atomic_write_text

        if self.bank is None:
            return False
        path, _ = QFileDialog.getSaveFileName(self.window, tr("导出我的短语"), tr("我的短语.json"), JSON_FILTER)
        if not path:
            return False
        items = self.bank.export_user_phrases()
        try:
            atomic_write_text(Path(path), json.dumps(items, ensure_ascii=False, indent=1))
        except OSError as exc:
            self._error(tr("导出失败"), tr("%1：无法写入（%2）。").replace("%1", path)
                        .replace("%2", exc.strerror or str(exc)))
            return False
        self.host.show_message(tr("已导出 %1 条到 %2").replace("%1", str(len(items)))
                                 .replace("%2", Path(path).name))
        return True

    def import_phrases(self) -> int:
        """Merge the user's phrases from a JSON file written by export."""
        if self.bank is None:
            return 0
        path, _ = QFileDialog.getOpenFileName(self.window, tr("导入我的短语"), "", JSON_FILTER)
        if not path:
            return 0
        try:
            items = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError):
            self._error(tr("导入失败"), tr("%1：不是语库导出的短语文件（JSON），请选择“导出我的短语”生成的文件。")
                        .replace("%1", Path(path).name))
            return 0
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            self._error(tr("导入失败"), tr("%1：文件内容不是短语列表，请选择“导出我的短语”生成的文件。")
                        .replace("%1", Path(path).name))
            return 0
        n = int(self.bank.import_user_phrases(items))
        self._changed(tr("已导入 %1 条短语").replace("%1", str(n)))
        return n

    def import_corpus_files(self) -> None:
        """Choose corpus files (.txt, .docx) and mine them into the bank."""
        paths, _ = QFileDialog.getOpenFileNames(self.window, tr("导入语料文件"), "",
                                                tr("语料 (*.txt *.docx);;所有文件 (*)"))
        if paths:
            self.start_import([Path(p) for p in paths])

    def import_corpus_folder(self) -> None:
        """Choose a folder of corpus files and mine it into the bank."""
        path = QFileDialog.getExistingDirectory(self.window, tr("导入语料文件夹"))
        if path:
            self.start_import([Path(path)])

    def start_import(self, paths: list[Path]) -> object | None:
        """Run a corpus import with progress and cancel; the panel refreshes when it is done."""
        from editor.gui.phrases.corpus_import import start_corpus_import

        if self.bank is None:
            self._error(tr("导入语料"), tr("短语库未能打开，无法导入语料。"))
            return None
        self.corpus_import = start_corpus_import(self.host, paths)
        return self.corpus_import


def install(host: WindowHost) -> PhraseActions:
    """Add the phrase bank's actions and connect the panel to the document."""
    return PhraseActions(host)
