"""The main window: document pane, phrase dock, menus, toolbar and status bar."""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QFileInfo, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
)

from editor.core.errors import YukuError
from editor.core.settings import Settings
from editor.gui.document.editor import DocumentEditor
from editor.gui.document.paragraph_styles import ParagraphStyles
from editor.gui.i18n import plain_label
from editor.gui.output.print_actions import PrintActions
from editor.gui.phrases.panel import PhrasePanel
from editor.gui.window.icons import icon as themed_icon
from editor.gui.window.status_widgets import StatusWidgets
from editor.gui.window.view_actions import ViewActions

log = logging.getLogger(__name__)

# Feature modules, each with install(window): they add their actions to the menus below.
FEATURES: list[str] = [
    "editor.gui.document.lock",
    "editor.gui.document.autosave",
    "editor.gui.document.docx_warnings",
    "editor.gui.output.export_actions",
    "editor.gui.phrases.actions",
    "editor.gui.document.blank_fields",
    "editor.gui.phrases.suggestions",
    "editor.gui.document.outline_dialog",
    "editor.gui.script.actions",
    "editor.gui.gongwen.actions",
]

_FALLBACK_KEYS = {
    QKeySequence.StandardKey.Quit: "Ctrl+Q",
    QKeySequence.StandardKey.Replace: "Ctrl+H",
    QKeySequence.StandardKey.Redo: "Ctrl+Y",
    QKeySequence.StandardKey.SaveAs: "Ctrl+Shift+S",
    QKeySequence.StandardKey.Preferences: "Ctrl+,",
}

# Marked for lupdate here, translated where used through self.tr(str(FILE_FILTER)).
FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Word 文档 (*.docx);;文本文件 (*.txt);;所有文件 (*)")


class MainWindow(QMainWindow):
    """Yuku's editor window.

    Feature modules plug in through FEATURES and these seams, not by editing this class:
    - before_open / before_save: callables (path) -> bool; any False vetoes the open or save
      (locks, warnings about blanks or unsupported content).
    - documentOpened(path), documentSaved(path), documentClosed(path or ""): after the fact.
    - settingsChanged(keys): Preferences saved these settings keys (autosave interval, …).
    - template_chooser: callable () -> core Document | None offering a starting document on New.
    """

    documentOpened = Signal(str)
    documentSaved = Signal(str)
    documentClosed = Signal(str)
    settingsChanged = Signal(object)  # list of the settings keys the user changed in Preferences

    def __init__(self, settings: Settings | None = None, bank: object | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.document_path: Path | None = None
        self.before_open: list[Callable[[Path], bool]] = []
        self.before_save: list[Callable[[Path], bool]] = []
        self.template_chooser: Callable[[], object | None] | None = None
        self.editor = DocumentEditor(self)
        # Breathing room around the text on screen (printing uses the page layout's margins instead).
        # Qt records a margin change as an edit (modified, one undo step): the empty document must
        # start unmodified with nothing to undo.
        self.editor.document().setDocumentMargin(18)
        self.editor.document().clearUndoRedoStacks()
        self.editor.document().setModified(False)
        self.setCentralWidget(self.editor)
        self.bank = bank if bank is not None else self._open_bank()
        self.phrase_panel = PhrasePanel(self.bank, self)  # type: ignore[arg-type]
        self.phrase_dock = QDockWidget(self.tr("短语库"), self)
        self.phrase_dock.setObjectName("phrase_dock")
        self.phrase_dock.setWidget(self.phrase_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.phrase_dock)
        self.phrase_panel.phraseActivated.connect(self._insert_from_panel)
        self.menus: dict[str, QMenu] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._build_status_bar()
        self._build_builtin_features()
        self.editor.document().modificationChanged.connect(self.setWindowModified)
        for name in FEATURES:
            importlib.import_module(name).install(self)
        self._finish_actions()
        self.resize(1200, 800)
        self.restore_layout()
        self._update_title()
        self.editor.go_to_start()

    # -- construction -------------------------------------------------------------------------

    def _open_bank(self) -> object | None:
        from editor.core.bank.default import open_bank

        try:
            bank = open_bank()
        except Exception as exc:
            log.exception("could not open the phrase bank")
            self._tell_later(self.tr("短语库"), self.tr(
                "无法打开短语库（%1）。编辑器照常可用；请检查用户数据文件夹的权限或空间后重启。")
                .replace("%1", str(exc)))
            return None
        note = getattr(bank, "recovered_from_backup", None)
        if note:
            self._tell_later(self.tr("短语库已修复"), str(note))
        return bank

    def _tell_later(self, title: str, text: str) -> None:
        """Show a message once the window is up (start-up must not block on a dialog)."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, lambda: self.show_error(title, text))

    def _remember_recent(self, path: Path) -> None:
        """Add to recent files; a settings write that fails (full disk) must not undo a good save."""
        try:
            self.settings.add_recent_file(str(path))
        except OSError as exc:
            log.warning("could not update recent files: %s", exc)

    def _action(self, name: str, text: str, slot,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon: QStyle.StandardPixmap | str | None = None) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            seq = QKeySequence(shortcut)
            if seq.isEmpty() and isinstance(shortcut, QKeySequence.StandardKey):
                # Some platforms define no key for a standard action (Quit on Windows/offscreen).
                seq = QKeySequence(_FALLBACK_KEYS.get(shortcut, ""))
            act.setShortcut(seq)
        if isinstance(icon, str):
            act.setIcon(themed_icon(icon))
        elif icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        act.triggered.connect(slot)
        self._register(act)
        return act

    def _register(self, act: QAction) -> None:
        """Index an action by name and make its shortcut work whatever is hidden (focus mode)."""
        self.actions_by_name[act.objectName()] = act
        self.addAction(act)

    def _build_actions(self) -> None:
        KS = QKeySequence.StandardKey
        ed = self.editor
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        format_menu = self.menuBar().addMenu(self.tr("格式(&O)"))
        tools_menu = self.menuBar().addMenu(self.tr("工具(&T)"))
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.menus = {"file": file_menu, "edit": edit_menu, "format": format_menu, "tools": tools_menu,
                      "view": view_menu, "help": help_menu}

        new = self._action("new", self.tr("新建(&N)"), self.new_document, KS.New, "document-new")
        open_ = self._action("open", self.tr("打开(&O)…"), self.open_dialog, KS.Open, "document-open")
        save = self._action("save", self.tr("保存(&S)"), self.save, KS.Save, "document-save")
        save_as = self._action("save_as", self.tr("另存为(&A)…"), self.save_as, KS.SaveAs, "document-save-as")
        quit_ = self._action("quit", self.tr("退出(&Q)"), self.close, KS.Quit)
        self.recent_menu = QMenu(self.tr("最近打开(&R)"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([new, open_])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([save, save_as])
        self.file_export_separator = file_menu.addSeparator()
        file_menu.addAction(quit_)

        undo = self._action("undo", self.tr("撤销(&U)"), ed.undo, KS.Undo, "edit-undo")
        redo = self._action("redo", self.tr("重做(&R)"), ed.redo, KS.Redo, "edit-redo")
        cut = self._action("cut", self.tr("剪切(&T)"), ed.cut, KS.Cut, "edit-cut")
        copy = self._action("copy", self.tr("复制(&C)"), ed.copy, KS.Copy, "edit-copy")
        paste = self._action("paste", self.tr("粘贴(&P)"), ed.paste, KS.Paste, "edit-paste")
        find = self._action("find", self.tr("查找和替换(&F)…"), self.show_find, KS.Find, "edit-find")
        replace_sc = QKeySequence(KS.Replace)
        find.setShortcuts([QKeySequence(KS.Find), replace_sc if not replace_sc.isEmpty()
                           else QKeySequence(_FALLBACK_KEYS[KS.Replace])])
        select_all = self._action("select_all", self.tr("全选(&L)"), ed.selectAll, KS.SelectAll)
        undo.setEnabled(False)
        redo.setEnabled(False)
        cut.setEnabled(False)
        copy.setEnabled(False)
        ed.undoAvailable.connect(undo.setEnabled)
        ed.redoAvailable.connect(redo.setEnabled)
        ed.copyAvailable.connect(cut.setEnabled)
        ed.copyAvailable.connect(copy.setEnabled)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addActions([cut, copy, paste])
        edit_menu.addSeparator()
        edit_menu.addActions([find, select_all])

        view_menu.addAction(self.phrase_dock.toggleViewAction())
        self.phrase_dock.toggleViewAction().setText(self.tr("短语库面板(&P)"))
        self.phrase_dock.toggleViewAction().setShortcut(QKeySequence("F9"))
        about = self._action("about", self.tr("关于语库(&A)"), self.show_about, None, "help-about")
        help_menu.addAction(about)

        self.toolbar = QToolBar(self.tr("常用"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([new, open_, save])
        self.toolbar.addSeparator()
        self.toolbar.addActions([undo, redo])
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        self.status_widgets = StatusWidgets(self.editor, self.statusBar())
        self.position_label = self.status_widgets.position_label
        self.count_label = self.status_widgets.count_label
        self.statusBar().setAccessibleName(self.tr("状态栏"))

    def _build_builtin_features(self) -> None:
        """Paragraph styles, view (zoom, full screen, focus), print and preferences."""
        file_menu, view_menu = self.menus["file"], self.menus["view"]
        self.paragraph_styles = ParagraphStyles(self.editor, self,
                                                lambda: bool(self.settings.get("auto_format_headings")))
        self.paragraph_styles.message.connect(self.show_message)
        self.menus["format"].addActions(list(self.paragraph_styles.actions.values()))
        self.format_toolbar = QToolBar(self.tr("格式"), self)
        self.format_toolbar.setObjectName("format_toolbar")
        self.format_toolbar.addWidget(self.paragraph_styles.combo)
        self.addToolBar(self.format_toolbar)

        self.view_actions = ViewActions(self, self.editor, self.settings)
        self.status_widgets.set_zoom(self.view_actions.zoom_percent())
        for act in self.view_actions.actions[:3]:
            act.triggered.connect(lambda *_: self.status_widgets.set_zoom(self.view_actions.zoom_percent()))
        view_menu.addSeparator()
        self.toolbar.toggleViewAction().setText(self.tr("常用工具栏(&T)"))
        self.format_toolbar.toggleViewAction().setText(self.tr("格式工具栏(&R)"))
        for bar in (self.toolbar, self.format_toolbar):
            view_menu.addAction(bar.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addActions(self.view_actions.actions[:3])
        view_menu.addSeparator()
        view_menu.addActions(self.view_actions.actions[3:])

        self.print_actions = PrintActions(self, self.editor, self.view_actions.base_point_size)
        quit_ = self.actions_by_name["quit"]
        printing = [self.print_actions.print_action, self.print_actions.preview_action,
                    self.print_actions.pdf_action]
        file_menu.insertActions(quit_, printing)
        file_menu.insertSeparator(quit_)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.actions_by_name["find"], self.print_actions.print_action])

        prefs = self._action("preferences", self.tr("首选项(&P)…"), self.show_preferences,
                             QKeySequence.StandardKey.Preferences, "preferences-system")
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        count = self._action("word_count", self.tr("字数统计(&W)…"), self.status_widgets.show_details,
                             "Ctrl+Shift+G")
        self.menus["tools"].addActions([count, prefs])
        for act in [*self.paragraph_styles.actions.values(), *self.view_actions.actions, *printing]:
            self._register(act)

    def _finish_actions(self) -> None:
        """After the features: drop our PDF item if an export feature brings one; shortcut tooltips."""
        others = [a for a in self.menus["file"].actions() if a is not self.print_actions.pdf_action
                  and "pdf" in (a.objectName() + a.text()).lower()]
        self.print_actions.pdf_action.setVisible(not others)
        # Tooltips name the shortcut, so toolbar users learn the keyboard way.
        for act in self.actions_by_name.values():
            if act.text() and not act.shortcut().isEmpty():
                act.setToolTip(self.tr("%1（%2）").replace("%1", plain_label(act.text())).replace(
                    "%2", act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    def _update_title(self) -> None:
        name = self.document_path.name if self.document_path else self.tr("未命名")
        self.setWindowTitle(f"{name}[*] — 语库 Yuku")

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        """A short note in the status bar."""
        self.statusBar().showMessage(text, timeout_ms)

    # -- phrases ------------------------------------------------------------------------------

    def _insert_from_panel(self, text: str) -> None:
        self.editor.insert_phrase(text)
        self.editor.setFocus()

    # -- files --------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask before discarding changes; True when it is fine to go on."""
        if not self.editor.document().isModified():
            return True
        answer = QMessageBox.warning(
            self, self.tr("保存更改"), self.tr("文档已修改。是否保存更改？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        """Start an empty document."""
        if not self.maybe_save():
            return
        template = self.template_chooser() if self.template_chooser else None
        if self.template_chooser and template is None:
            return  # the user cancelled the template dialog
        self.documentClosed.emit(str(self.document_path or ""))
        self.editor.clear()
        if template is not None:
            from editor.gui.document.bridge import load_model

            load_model(self.editor.document(), template)  # type: ignore[arg-type]
        self.editor.document().clearUndoRedoStacks()
        self.document_path = None
        self.editor.document().setModified(False)
        self._update_title()
        self.editor.go_to_start()

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开"), "", self.tr(str(FILE_FILTER)))
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
            self.show_error(self.tr("无法打开文件"), str(exc))
            return False
        self.documentClosed.emit(str(self.document_path or ""))
        load_model(self.editor.document(), doc)
        self.editor.document().clearUndoRedoStacks()
        self.editor.document().setModified(False)
        self.document_path = p.resolve()
        self.documentOpened.emit(str(self.document_path))
        self._remember_recent(self.document_path)
        self._update_title()
        self.editor.go_to_start()
        self.show_message(self.tr("已打开 %1").replace("%1", p.name))
        return True

    def save(self) -> bool:
        """Save to the current file, or ask for one."""
        if self.document_path is None:
            return self.save_as()
        return self.save_to(self.document_path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        from editor.gui.document.save_name import proposed_file_name

        start = str(self.document_path
                    or Path.home() / proposed_file_name(self.editor.plain_text(), self.tr("未命名")))
        path, selected = QFileDialog.getSaveFileName(self, self.tr("另存为"), start, self.tr(str(FILE_FILTER)))
        if not path:
            return False
        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(".txt" if "txt" in selected else ".docx")
        return self.save_to(p)

    def save_to(self, path: Path) -> bool:
        """Write the document to path atomically; on failure the file on disk is unchanged."""
        from editor.core.formats.document_files import write_document
        from editor.gui.document.bridge import to_model

        if not all(check(path) for check in self.before_save):
            return False
        try:
            write_document(to_model(self.editor.document()), path)
        except YukuError as exc:
            self.show_error(self.tr("保存失败"), str(exc))
            return False
        except OSError as exc:
            self.show_error(self.tr("保存失败"), self.tr("%1：保存失败（%2），原文件未改动。请换个位置另存。")
                            .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return False
        self.document_path = path.resolve()
        self.editor.document().setModified(False)
        self._remember_recent(self.document_path)
        self._update_title()
        self.documentSaved.emit(str(self.document_path))
        self.show_message(self.tr("已保存 %1").replace("%1", path.name))
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("recent_files")
        for i, path in enumerate(recent, 1):
            act = self.recent_menu.addAction(f"&{i % 10} {QFileInfo(path).fileName()}")
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if not recent:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("清除列表(&C)"), lambda: self.settings.set("recent_files", []))

    def _open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    def show_error(self, title: str, text: str) -> None:
        """Tell the user about a problem in one sentence."""
        log.warning("%s: %s", title, text)
        QMessageBox.warning(self, title, text)

    # -- other actions ------------------------------------------------------------------------

    def show_find(self) -> None:
        """Open the find/replace dialog, seeded with the selection."""
        from editor.gui.document.find_replace import FindReplaceDialog

        if not hasattr(self, "find_dialog"):
            self.find_dialog = FindReplaceDialog(self.editor, self)
        sel = self.editor.textCursor().selectedText()
        if sel:
            self.find_dialog.find_edit.setText(sel)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.find_edit.setFocus()

    def show_about(self) -> None:
        """About box."""
        from editor import __version__

        QMessageBox.about(self, self.tr("关于语库"), self.tr(
            "语库 Yuku %1\n公文写作编辑器：从真实文档中挖掘的常用语库、简繁转换、Word 公文格式导出。")
            .replace("%1", __version__))

    def show_preferences(self) -> bool:
        """Open the Preferences dialog; True when the user saved changes."""
        from editor.gui.window.preferences_dialog import show_preferences

        return show_preferences(self)

    def apply_settings(self, keys: list[str]) -> None:
        """React to changed preferences (theme now, language after a restart); emits settingsChanged."""
        from editor.gui.window.preferences_dialog import apply_changed_settings

        apply_changed_settings(self, keys)
        self.settingsChanged.emit(keys)

    def restore_layout(self) -> None:
        """Put the window back where the user left it: geometry, docks and toolbars."""
        self.view_actions.restore_layout()

    def save_layout(self) -> None:
        """Remember geometry and dock/toolbar layout."""
        self.view_actions.save_layout()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask to save before closing."""
        if self.maybe_save():
            self.documentClosed.emit(str(self.document_path or ""))
            try:
                self.save_layout()
            except OSError as exc:  # a full disk must not keep the window from closing
                log.warning("could not save the window layout: %s", exc)
            event.accept()
        else:
            event.ignore()
