"""Install the 公文 features: 文档 → 公文要素 (dock), 工具 → 公文检查, File → 新建公文 for each type."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.gongwen import front_matter, profile, types
from editor.core.gongwen.export import export_bytes, has_layout
from editor.core.gongwen.parts import PROPERTY_PREFIX, Parts, from_properties, to_properties
from editor.gui.document.bridge import set_properties, state_of
from editor.gui.gongwen.check_dialog import CheckDialog
from editor.gui.gongwen.parts_form import PartsForm
from editor.gui.window.host import WindowHost


class GongwenActions(QObject):
    """The window's 公文 parts, their form and dialogs."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.widget)
        self.host = host
        window = host.widget
        self.window = window
        self.form = PartsForm(window)
        self.form.profileRequested.connect(self.fill_from_profile)
        self._syncing = False
        self.form.changed.connect(self._form_changed)
        self.dock = QDockWidget(self.tr("公文要素"), window)
        self.dock.setObjectName("gongwen_dock")
        self.dock.setWidget(self.form)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.parts_action = self.dock.toggleViewAction()
        self.parts_action.setText(self.tr("公文要素(&Y)"))
        self.parts_action.setObjectName("gongwen_parts")
        self._auto_shown = False  # the dock was opened by a loaded 公文, not by the user
        self.parts_action.triggered.connect(self._user_toggled)
        host.action_factory.register(self.parts_action)
        self.check_action = host.action_factory.make("gongwen_check", self.tr("公文检查(&G)…"),
                                                     lambda _=False: self.show_check())
        self.new_menu = QMenu(self.tr("新建公文(&K)"), window)
        self.new_actions: dict[str, QAction] = {}
        for name in types.TYPES:
            act = QAction(name, window)
            act.setObjectName(f"gongwen_new_{name}")
            act.triggered.connect(lambda _=False, n=name: self.new_of_type(n))
            self.new_menu.addAction(act)
            self.new_actions[name] = act
        self.check_dialog: CheckDialog | None = None
        self.lacking: list[str] = []
        self.document_menu: QMenu | None = None

    def _user_toggled(self) -> None:
        self._auto_shown = False

    def parts(self) -> Parts:
        """The parts in the form."""
        return self.form.parts()

    def fill_from_profile(self) -> None:
        """Fill the form's empty parts from the unit profile (Preferences)."""
        self.form.set_parts(profile.fill(self.form.parts(), self.host.settings.get))

    def show_check(self) -> None:
        """Open (or raise) the 公文检查 dialog, freshly checked."""
        if self.check_dialog is None:
            self.check_dialog = CheckDialog(self.host, self.form)
        self.check_dialog.refresh()
        self.check_dialog.show()
        self.check_dialog.raise_()

    def new_of_type(self, name: str) -> None:
        """A new document from the type's outline, its parts in the form (blanks ___ to fill)."""
        from editor.core.formats.draft_text import draft_to_document

        fm = front_matter.split(types.outline(name))
        session = self.host.session
        previous = session.template_chooser
        session.template_chooser = lambda: draft_to_document(fm.body)
        try:
            modified = session.is_modified()
            session.new_document()
        finally:
            session.template_chooser = previous
        if modified and session.is_modified():
            return  # the user kept the document they had
        self._set_form(profile.fill(fm.parts, self.host.settings.get))
        self.dock.show()

    def _show(self, parts: Parts) -> None:
        """Show parts in the form without taking it for the user's edit."""
        self._syncing = True
        try:
            self.form.set_parts(parts)
        finally:
            self._syncing = False

    def _set_form(self, parts: Parts) -> None:
        """Show parts in the form as the document's own (loading is not an edit)."""
        self._show(parts)
        self._store(parts)

    def _store(self, parts: Parts) -> None:
        """The document's 公文 properties become these parts; its other properties stay."""
        qdoc = self.host.session.document()
        others = {k: v for k, v in state_of(qdoc).properties.items() if not k.startswith(PROPERTY_PREFIX)}
        set_properties(qdoc, {**others, **to_properties(parts)})

    def _form_changed(self) -> None:
        """The user edited a part: the document holds it (drafts and saves keep it) and has changes."""
        if self._syncing:
            return
        self._store(self.form.parts())
        self.host.session.mark_changed()

    def document_loaded(self) -> None:
        """New, Open or a recovered draft: the form shows the document's parts, opening if there are any.

        A DOCX keeps them as custom properties and a text draft as front matter (formats read them).
        """
        parts = from_properties(state_of(self.host.session.document()).properties)
        self._show(parts or Parts())
        if parts is not None:
            if not self.dock.isVisible():
                self.dock.show()
                self._auto_shown = True
        elif self._auto_shown:
            # Opened for the last 公文, not by the user: a document without parts does not keep it open.
            self.dock.hide()
            self._auto_shown = False

    def official_bytes(self, available: list[str] | None = None, notes: list[str] | None = None) -> bytes | None:
        """The official DOCX with the form's parts laid out (None when the form holds no part); warnings to `notes`."""
        parts = self.form.parts()
        if not has_layout(parts) and not parts.doc_type:
            return None
        from editor.gui.document.bridge import to_model

        fallbacks = self.host.settings.get("font_fallbacks")
        return export_bytes(to_model(self.host.session.document()), parts, None,
                            fallbacks if isinstance(fallbacks, dict) else None, available, notes)

    def write_official(self, path: Path, notes: list[str] | None = None) -> bool | None:
        """Export with the parts laid out; None when the form holds no part (the plain official export).

        What the layout warns about (layout.ALONE) goes into `notes`.
        """
        parts = self.form.parts()
        if not has_layout(parts) and not parts.doc_type:
            return None
        from editor.gui.document.bridge import to_model

        fallbacks = self.host.settings.get("font_fallbacks")
        try:
            data = export_bytes(to_model(self.host.session.document()), parts, None,
                                fallbacks if isinstance(fallbacks, dict) else None, None, notes)
            atomic_write_bytes(path, data)
        except (YukuError, OSError) as exc:
            self.host.show_error(self.tr("导出失败"), str(exc))
            return False
        self.lacking = self.missing_parts()
        if self.lacking:
            self.host.show_message(self.tr("已导出 %1；缺少公文要素：%2")
                                   .replace("%1", path.name).replace("%2", "、".join(self.lacking)), 10000)
        return True

    def missing_parts(self) -> list[str]:
        """The parts the document's type needs that neither the form nor the text gives."""
        from editor.core.gongwen.export import missing, resolve
        from editor.core.gongwen.source import from_editor

        parts = self.form.parts()
        text = self.host.session.document().toPlainText()
        title = next((t.strip() for t in text.split("\n") if t.strip()), "")
        doc_type = resolve(parts, title, None)
        return missing(parts, doc_type, from_editor(text, parts)) if doc_type else []


def install(host: WindowHost) -> GongwenActions:
    """Feature entry point (window/features.py): 文档 menu, 工具 → 公文检查, File → 新建公文, the dock."""
    actions = GongwenActions(host)
    window = host.widget
    # 文档 is a menu of its own, between 格式 and 工具 (the window has no document menu to share).
    # A literal context: lupdate reads window.tr(...) as the context "window", which no class has.
    actions.document_menu = QMenu(QCoreApplication.translate("GongwenActions", "文档(&D)"), window)
    actions.document_menu.setObjectName("document_menu")
    window.menuBar().insertMenu(host.menu("tools").menuAction(), actions.document_menu)
    actions.document_menu.addAction(actions.parts_action)
    tools = host.menu("tools")
    if tools.actions():
        tools.insertAction(tools.actions()[0], actions.check_action)
    else:
        tools.addAction(actions.check_action)
    file_menu = host.menu("file")
    if len(file_menu.actions()) > 1:
        file_menu.insertMenu(file_menu.actions()[1], actions.new_menu)  # right after 新建
    else:
        file_menu.addMenu(actions.new_menu)
    session = host.session
    session.loaded.connect(actions.document_loaded)
    return actions
