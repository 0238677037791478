"""Install the 公文 features: 文档 → 公文要素 (dock), 工具 → 公文检查, File → 新建公文 for each type."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDockWidget, QMenu

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.gongwen import front_matter, profile, storage, types
from editor.core.gongwen.export import export_bytes, has_layout
from editor.core.gongwen.parts import Parts
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
        self.dock = QDockWidget(self.tr("公文要素"), window)
        self.dock.setObjectName("gongwen_dock")
        self.dock.setWidget(self.form)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.parts_action = self.dock.toggleViewAction()
        self.parts_action.setText(self.tr("公文要素(&Y)"))
        self.parts_action.setObjectName("gongwen_parts")
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
        self.form.set_parts(profile.fill(fm.parts, self.host.settings.get))
        self.dock.show()

    def document_opened(self, path: str) -> None:
        """A DOCX Yuku laid out, or a draft with front matter, brings its parts into the form.

        A draft's front matter leaves the text for the form (one step nobody can undo into a half
        block); saving the draft writes it back in front (document_saved).
        """
        parts = None
        if path.lower().endswith(".docx"):
            try:
                parts = storage.read(Path(path).read_bytes())
            except OSError:
                parts = None
        elif path.lower().endswith((".txt", ".md")):
            parts = self._take_front_matter()
        self.form.set_parts(parts or Parts())
        if parts is not None:
            self.dock.show()

    def _take_front_matter(self) -> Parts | None:
        """Move a leading `---` block of the editor's text into parts (None when there is none)."""
        qdoc = self.host.session.document()
        text = qdoc.toPlainText()
        try:
            fm = front_matter.split(text)
        except front_matter.FrontMatterError:
            return None  # an unclosed block stays text: the checker names it
        if fm.body_line == 1:
            return None
        cursor = QTextCursor(qdoc)
        cursor.setPosition(0)
        block = qdoc.findBlockByNumber(fm.body_line - 1)
        cursor.setPosition(block.position() if block.isValid() else qdoc.characterCount() - 1,
                           QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        qdoc.clearUndoRedoStacks()
        qdoc.setModified(False)
        return fm.parts

    def document_saved(self, path: str) -> None:
        """The form's parts go with the saved file: front matter of a draft, custom properties of a DOCX."""
        parts = self.form.parts()
        if parts.is_empty() or not path.lower().endswith((".txt", ".md", ".docx")):
            return
        from editor.core.atomic import atomic_write_bytes, atomic_write_text

        p = Path(path)
        try:
            if p.suffix.lower() == ".docx":
                data = p.read_bytes()
                if storage.read(data) != parts:
                    atomic_write_bytes(p, storage.with_parts(data, parts))
            else:
                atomic_write_text(p, front_matter.write(parts, p.read_text(encoding="utf-8")))
        except OSError as exc:
            self.host.show_error(self.tr("保存失败"), self.tr(
                "%1：正文已保存，但公文要素未能写入（%2）。请换个位置另存。")
                .replace("%1", str(p)).replace("%2", exc.strerror or str(exc)))

    def official_bytes(self, available: list[str] | None = None) -> bytes | None:
        """The official DOCX with the form's parts laid out (None when the form holds no part)."""
        parts = self.form.parts()
        if not has_layout(parts) and not parts.doc_type:
            return None
        from editor.gui.document.bridge import to_model

        fallbacks = self.host.settings.get("font_fallbacks")
        return export_bytes(to_model(self.host.session.document()), parts, None,
                            fallbacks if isinstance(fallbacks, dict) else None, available)

    def write_official(self, path: Path) -> bool | None:
        """Export with the parts laid out; None when the form holds no part (the plain official export)."""
        parts = self.form.parts()
        if not has_layout(parts) and not parts.doc_type:
            return None
        from editor.gui.document.bridge import to_model

        fallbacks = self.host.settings.get("font_fallbacks")
        try:
            data = export_bytes(to_model(self.host.session.document()), parts, None,
                                fallbacks if isinstance(fallbacks, dict) else None)
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
    actions.document_menu = QMenu(window.tr("文档(&D)"), window)
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
    session.opened.connect(actions.document_opened)
    session.saved.connect(actions.document_saved)
    session.closed.connect(lambda _p: actions.form.set_parts(Parts()))
    return actions
