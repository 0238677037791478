"""The window's own menus: File (new, open, recent, save), Edit, Help and the main toolbar."""
from __future__ import annotations

from PySide6.QtCore import QFileInfo, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar

from editor.gui.document.editor import DocumentEditor
from editor.gui.document.find_replace import FindReplaceDialog
from editor.gui.document.session import DocumentSession
from editor.gui.window.actions import ActionFactory

MENUS = ("file", "edit", "format", "tools", "view", "help")




class StandardActions(QObject):
    """Builds the menu bar and the File/Edit/Help actions every window has."""

    def __init__(self, window: QMainWindow, actions: ActionFactory, session: DocumentSession,
                 editor: DocumentEditor) -> None:
        super().__init__(window)
        self.session = session
        KS = QKeySequence.StandardKey
        titles = {"file": self.tr("文件(&F)"), "edit": self.tr("编辑(&E)"), "format": self.tr("格式(&O)"),
                  "tools": self.tr("工具(&T)"), "view": self.tr("视图(&V)"), "help": self.tr("帮助(&H)")}
        self.menus: dict[str, QMenu] = {name: window.menuBar().addMenu(titles[name]) for name in MENUS}
        file_menu, edit_menu = self.menus["file"], self.menus["edit"]
        make = actions.make
        new = make("new", self.tr("新建(&N)"), session.new_document, KS.New, "document-new")
        open_ = make("open", self.tr("打开(&O)…"), session.open_dialog, KS.Open, "document-open")
        save = make("save", self.tr("保存(&S)"), session.save, KS.Save, "document-save")
        save_as = make("save_as", self.tr("另存为(&A)…"), session.save_as, KS.SaveAs, "document-save-as")
        quit_ = make("quit", self.tr("退出(&Q)"), window.close, KS.Quit)
        self.recent_menu = QMenu(self.tr("最近打开(&R)"), window)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu.addActions([new, open_])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([save, save_as])
        self.export_separator = file_menu.addSeparator()  # export features go after it
        file_menu.addAction(quit_)

        undo = make("undo", self.tr("撤销(&U)"), editor.undo, KS.Undo, "edit-undo")
        # WPS and Word users press Ctrl+Y; Linux desktops' own Redo is only Ctrl+Shift+Z.
        redo = make("redo", self.tr("重做(&R)"), editor.redo, [KS.Redo, "Ctrl+Y", "Ctrl+Shift+Z"], "edit-redo")
        cut = make("cut", self.tr("剪切(&T)"), editor.cut, KS.Cut, "edit-cut")
        copy = make("copy", self.tr("复制(&C)"), editor.copy, KS.Copy, "edit-copy")
        paste = make("paste", self.tr("粘贴(&P)"), editor.paste, KS.Paste, "edit-paste")
        find = make("find", self.tr("查找和替换(&F)…"), self.show_find, [KS.Find, KS.Replace], "edit-find")
        self.editor, self.window = editor, window
        self.find_dialog: FindReplaceDialog | None = None
        select_all = make("select_all", self.tr("全选(&L)"), editor.selectAll, KS.SelectAll)
        for act in (undo, redo, cut, copy):
            act.setEnabled(False)
        editor.undoAvailable.connect(undo.setEnabled)
        editor.redoAvailable.connect(redo.setEnabled)
        editor.copyAvailable.connect(cut.setEnabled)
        editor.copyAvailable.connect(copy.setEnabled)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addActions([cut, copy, paste])
        edit_menu.addSeparator()
        edit_menu.addActions([find, select_all])

        self.menus["help"].addAction(make("about", self.tr("关于语库(&A)"), self.show_about, None, "help-about"))

        self.toolbar = QToolBar(self.tr("常用"), window)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([new, open_, save])
        self.toolbar.addSeparator()
        self.toolbar.addActions([undo, redo])
        window.addToolBar(self.toolbar)

    def show_find(self) -> None:
        """Open the find/replace dialog, seeded with the selection."""
        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self.editor, self.window)
        sel = self.editor.textCursor().selectedText()
        if sel:
            self.find_dialog.find_edit.setText(sel)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.find_edit.setFocus()

    def show_about(self) -> None:
        """About box."""
        from editor import __version__

        QMessageBox.about(self.window, self.tr("关于语库"), self.tr(
            "语库 Yuku %1\n公文写作编辑器：从真实文档中挖掘的常用语库、简繁转换、Word 公文格式导出。")
            .replace("%1", __version__))

    def fill_recent_menu(self) -> None:
        """List the recent files (shown each time the menu opens, so it is never stale)."""
        self.recent_menu.clear()
        recent = self.session.recent_files()
        for i, path in enumerate(recent, 1):
            act = self.recent_menu.addAction(f"&{i % 10} {QFileInfo(path).fileName()}")
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.session.open_recent(p))
        if not recent:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("清除列表(&C)"), self.session.clear_recent_files)
