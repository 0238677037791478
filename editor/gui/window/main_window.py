"""The main window: chrome only — document pane, phrase dock, menus, toolbars and status bar.

Files are the DocumentSession's business; features plug in through the WindowHost seam
(editor/gui/window/host.py) and are listed in editor/gui/window/features.py.
"""
from __future__ import annotations

import logging
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QStatusBar, QToolBar

from editor.core.bank.store import PhraseBank
from editor.core.settings import Settings
from editor.gui.document.editor import DocumentEditor
from editor.gui.document.paragraph_styles import ParagraphStyles
from editor.gui.document.session import DocumentSession
from editor.gui.i18n import one_language, plain_label
from editor.gui.output.print_actions import PrintActions
from editor.gui.phrases.panel import PhrasePanel
from editor.gui.window.actions import ActionFactory
from editor.gui.window.features import FEATURES
from editor.gui.window.host import WindowHost, can_ask_user
from editor.gui.window.standard_actions import StandardActions
from editor.gui.window.status_widgets import StatusWidgets
from editor.gui.window.view_actions import ViewActions

log = logging.getLogger(__name__)
T = TypeVar("T")


class MainWindow(QMainWindow):
    """Yuku's editor window; it implements WindowHost for the features in features.FEATURES."""

    settingsChanged = Signal(object)  # list of the settings keys the user changed in Preferences

    def __init__(self, settings: Settings | None = None, bank: PhraseBank | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.editor = DocumentEditor(self)
        # Breathing room around the text on screen (printing uses the page layout's margins instead).
        # Qt records a margin change as an edit (modified, one undo step): the empty document must
        # start unmodified with nothing to undo.
        self.editor.document().setDocumentMargin(18)
        self.editor.document().clearUndoRedoStacks()
        self.editor.document().setModified(False)
        self.setCentralWidget(self.editor)
        self.session = DocumentSession(self.editor, self.settings, self)
        self.session.problem.connect(self.show_error)
        self.session.message.connect(self.show_message)
        self.session.pathChanged.connect(lambda _path: self._update_title())
        self.bank = bank if bank is not None else self._open_bank()
        self.phrase_panel = PhrasePanel(self.bank, self)
        self.phrase_dock = QDockWidget(self.tr("短语库"), self)
        self.phrase_dock.setObjectName("phrase_dock")
        self.phrase_dock.setWidget(self.phrase_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.phrase_dock)
        self.phrase_panel.phraseActivated.connect(self._insert_from_panel)
        self.action_factory = ActionFactory(self)
        self.standard = StandardActions(self, self.action_factory, self.session, self.editor)
        self.menus: dict[str, QMenu] = self.standard.menus
        self.recent_menu, self.toolbar = self.standard.recent_menu, self.standard.toolbar
        self.status_widgets = StatusWidgets(self.editor, self.statusBar())
        self.statusBar().setAccessibleName(self.tr("状态栏"))
        self._build_builtin_features()
        self.editor.document().modificationChanged.connect(self.setWindowModified)
        self._features: list[object] = [install(self) for install in FEATURES]
        self._finish_actions()
        self.resize(1200, 800)
        self.view_actions.restore_layout()
        self._update_title()
        self.editor.go_to_start()

    # -- WindowHost -----------------------------------------------------------------------------

    @property
    def widget(self) -> QMainWindow:
        """The window itself, as a dialog parent."""
        return self

    @property
    def actions_by_name(self) -> dict[str, QAction]:
        """Every action by object name."""
        return self.action_factory.by_name

    @property
    def base_point_size(self) -> float:
        """The document's text size at 100 % zoom."""
        return self.view_actions.base_point_size

    def menu(self, name: str) -> QMenu:
        """A top-level menu by name."""
        return self.menus[name]

    def status_bar(self) -> QStatusBar:
        """The status bar."""
        return self.statusBar()

    def may_ask_user(self) -> bool:
        """Whether a modal question may be shown."""
        return can_ask_user()

    def new_window(self) -> WindowHost:
        """A new, shown window over the same settings and bank, deleted when closed."""
        window = MainWindow(settings=self.settings, bank=self.bank)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def feature(self, kind: type[T]) -> T:
        """The installed feature object of that class."""
        for obj in self._features:
            if isinstance(obj, kind):
                return obj
        raise LookupError(kind.__name__)

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        """A short note in the status bar."""
        self.statusBar().showMessage(one_language(text), timeout_ms)

    def show_error(self, title: str, text: str) -> None:
        """Tell the user about a problem in one sentence."""
        log.warning("%s: %s", title, text)
        QMessageBox.warning(self, title, one_language(text))

    # -- construction -------------------------------------------------------------------------

    def _open_bank(self) -> PhraseBank | None:
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
        QTimer.singleShot(0, self, lambda: self.show_error(title, text))

    def _build_builtin_features(self) -> None:
        """Paragraph styles, view (zoom, full screen, focus), print, word count and preferences."""
        file_menu, view_menu = self.menus["file"], self.menus["view"]
        view_menu.addAction(self.phrase_dock.toggleViewAction())
        self.phrase_dock.toggleViewAction().setText(self.tr("短语库面板(&P)"))
        self.phrase_dock.toggleViewAction().setShortcut(QKeySequence("F9"))
        self.paragraph_styles = ParagraphStyles(self.editor, self, self.action_factory,
                                                lambda: bool(self.settings.get("auto_format_headings")))
        self.paragraph_styles.message.connect(self.show_message)
        self.menus["format"].addActions(list(self.paragraph_styles.actions.values()))
        self.format_toolbar = QToolBar(self.tr("格式"), self)
        self.format_toolbar.setObjectName("format_toolbar")
        self.format_toolbar.addWidget(self.paragraph_styles.combo)
        self.addToolBar(self.format_toolbar)

        self.view_actions = ViewActions(self, self.editor, self.settings, self.action_factory)
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
        quit_ = self.action_factory.get("quit")
        printing = [self.print_actions.print_action, self.print_actions.preview_action,
                    self.print_actions.pdf_action]
        file_menu.insertActions(quit_, printing)
        file_menu.insertSeparator(quit_)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.action_factory.get("find"), self.print_actions.print_action])

        prefs = self.action_factory.make("preferences", self.tr("首选项(&P)…"), self.show_preferences,
                                  QKeySequence.StandardKey.Preferences, "preferences-system")
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        count = self.action_factory.make("word_count", self.tr("字数统计(&W)…"), self.status_widgets.show_details,
                                  "Ctrl+Shift+G")
        self.menus["tools"].addActions([count, prefs])

    def _finish_actions(self) -> None:
        """After the features: drop our PDF item if an export feature brings one; shortcut tooltips."""
        others = [a for a in self.menus["file"].actions() if a is not self.print_actions.pdf_action
                  and "pdf" in (a.objectName() + a.text()).lower()]
        self.print_actions.pdf_action.setVisible(not others)
        # Tooltips name the shortcut, so toolbar users learn the keyboard way.
        for act in self.action_factory.by_name.values():
            if act.text() and not act.shortcut().isEmpty():
                act.setToolTip(self.tr("%1（%2）").replace("%1", plain_label(act.text())).replace(
                    "%2", act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    def _update_title(self) -> None:
        path = self.session.path
        self.setWindowTitle(f"{path.name if path else self.tr('未命名')}[*] — 语库 Yuku")

    def _insert_from_panel(self, text: str) -> None:
        self.editor.insert_phrase(text)
        self.editor.setFocus()

    # -- other actions ------------------------------------------------------------------------

    def show_preferences(self) -> bool:
        """Open the Preferences dialog; True when the user saved changes."""
        from editor.gui.window.preferences_dialog import PreferencesDialog

        self.preferences_dialog = PreferencesDialog(self.settings, self)
        self.preferences_dialog.settingsChanged.connect(self.apply_settings)
        return bool(self.preferences_dialog.exec())

    def apply_settings(self, keys: list[str]) -> None:
        """React to changed preferences (theme now, language after a restart); emits settingsChanged."""
        from editor.gui.window.preferences_dialog import apply_changed_settings

        apply_changed_settings(self, keys)
        self.settingsChanged.emit(keys)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask to save before closing."""
        if self.session.close_document():
            try:
                self.view_actions.save_layout()
            except OSError as exc:  # a full disk must not keep the window from closing
                log.warning("could not save the window layout: %s", exc)
            event.accept()
        else:
            event.ignore()
