"""Feature: 工具 → 简繁转换 (every OpenCC config, document or selection), script label, protected terms."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QProgressDialog

from editor.core.script.converter import CONFIG_IDS, CONFIGS, config_label, detect_script
from editor.core.script.official import converted_part_properties
from editor.core.script.protected_terms import load_terms
from editor.gui.document.docx_state import state_of
from editor.gui.document.property_history import record_change
from editor.gui.script.convert import SYNC_LIMIT, DocumentConversion
from editor.gui.script.package_parts import PackageConversions
from editor.gui.window.host import WindowHost

SCRIPT_DELAY_MS = 500  # detect the script after a pause in typing, not on every keystroke
SAMPLE_CHARS = 200_000  # longer documents are judged by their beginning and end


def install(host: WindowHost) -> ScriptActions:
    """Add the conversion menu, the status-bar script label and the protected-terms dialog."""
    return ScriptActions(host)


class ScriptActions(QObject):
    """Owns the 简繁转换 submenu, the running conversion and the script label of one window."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.widget)
        self.host = host
        self.window = window = host.widget
        self.editor = host.editor
        self.job: DocumentConversion | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._range: tuple[int, int] | None = None
        self._cursor_pos = 0
        self.current_script = "none"
        self.package = PackageConversions(self.editor.document(), self)
        self.menu = QMenu(self.tr("简繁转换(&J)"), window)
        self.menu.setObjectName("script_menu")
        host.menu("tools").addMenu(self.menu)
        self.default_action = self._add("convert_default", "", self.convert_default)
        self.default_action.setShortcut("Ctrl+Alt+J")
        self.menu.addSeparator()
        for cid, label in CONFIGS:
            act = self._add(f"convert_{cid}", QCoreApplication.translate("ScriptConfigs", label),
                            lambda _=False, c=cid: self.convert(c))
            act.setToolTip(cid)
        self.menu.addSeparator()
        self._add("protected_terms", self.tr("保护词(&P)…"), self.edit_protected_terms)
        self.menu.aboutToShow.connect(self._update_default_text)
        self._update_default_text()

        self.label = QLabel(window)
        self.label.setObjectName("script_label")
        self.label.setAccessibleName(self.tr("文档文字"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(36)
        host.status_bar().addPermanentWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCRIPT_DELAY_MS)
        self._timer.timeout.connect(self.update_script_label)
        self.editor.textChanged.connect(self._timer.start)
        self.update_script_label()

    def _add(self, name: str, text: str, slot: Callable[..., object]) -> QAction:
        act = self.host.action_factory.make(name, text, slot)
        self.menu.addAction(act)
        return act

    def default_config(self) -> str:
        """The configured default direction (s2t when the setting is not a known config)."""
        cfg = str(self.host.settings.get("default_conversion"))
        return cfg if cfg in CONFIG_IDS else "s2t"

    def _update_default_text(self) -> None:
        label = QCoreApplication.translate("ScriptConfigs", config_label(self.default_config()))
        self.default_action.setText(self.tr("按默认方向转换（%1）(&D)").replace("%1", label))

    # -- conversion ---------------------------------------------------------------------------

    def convert_default(self) -> bool:
        """Convert with the default direction."""
        return self.convert(self.default_config())

    def convert(self, config: str, selection_only: bool | None = None) -> bool:
        """Convert the selection (if any, or if asked) or else the whole document; one undo step.

        Returns True when the conversion finished now; a long one runs on with a progress dialog
        and the editor read-only, and finishes later (see finished()).
        """
        if self.job is not None and self.job.running:
            return False
        cur = self.editor.textCursor()
        use_selection = cur.hasSelection() if selection_only is None else selection_only
        start = end = -1
        if use_selection and cur.hasSelection():
            start, end = cur.selectionStart(), cur.selectionEnd()
        self._range = (start, end) if start >= 0 else None
        self._cursor_pos = cur.position()
        protected = load_terms(self.host.settings)
        job = DocumentConversion(self.editor.document(), config, protected, start, end, self)
        self.job = job
        job.finished.connect(lambda ok, j=job: self._finished(j, ok))
        if job.characters() > SYNC_LIMIT:
            self.editor.setReadOnly(True)
            dialog = QProgressDialog(self.tr("正在转换为%1…").replace("%1", config_label(config)),
                                     self.tr("取消"), 0, job.total, self.window)
            dialog.setWindowTitle(self.tr("简繁转换"))
            dialog.setMinimumWidth(24 * dialog.fontMetrics().height())  # room for the title bar's text
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(job.cancel)
            job.progress.connect(lambda done, _total: dialog.setValue(done))
            self.progress_dialog = dialog
        job.start()
        return not job.running

    def _finished(self, job: DocumentConversion, ok: bool) -> None:
        self.editor.setReadOnly(False)
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        cur = self.editor.textCursor()
        size = max(0, self.editor.document().characterCount() - 1)
        if ok and self._range is not None:
            # Select what was converted; its end moved if the conversion changed lengths.
            cur.setPosition(min(self._range[0], size))
            cur.setPosition(min(job.range_end(), size), QTextCursor.MoveMode.KeepAnchor)
        else:
            cur.setPosition(min(self._cursor_pos, size))
        self.editor.setTextCursor(cur)
        label = config_label(job.config)
        parts_changed = ok and self._range is None and self._convert_parts(job)
        # Headers, footers and notes: not shown here, converted with the whole document all the same.
        package_changed = ok and self._range is None and self.package.record(
            QTextCursor(self.editor.document()), job.config, job.protected,
            join=bool(job.changed_runs or parts_changed))
        if ok:
            changed = job.changed_runs or parts_changed or package_changed
            msg = self.tr("已转换：%1").replace("%1", label) if changed else self.tr("没有需要转换的文字")
        else:
            msg = self.tr("已取消转换，文档未改动")
        self.host.show_message(msg)
        self.update_script_label()

    def _convert_parts(self, job: DocumentConversion) -> bool:
        """Convert the 公文要素 with the whole document, in the same undo step; True if any changed."""
        qdoc = self.editor.document()
        protected = job.protected
        changed = converted_part_properties(state_of(qdoc).properties, job.config, protected)
        if not changed:
            return False
        record_change(QTextCursor(qdoc), changed, join=job.changed_runs > 0)
        self.host.session.content_replaced()  # the form shows the converted parts
        return True

    # -- script label -------------------------------------------------------------------------

    def update_script_label(self) -> None:
        """Show whether the document is written in simplified, traditional or mixed script."""
        self._timer.stop()
        text = self.editor.document().toPlainText()
        if len(text) > SAMPLE_CHARS:
            text = text[: SAMPLE_CHARS // 2] + text[-SAMPLE_CHARS // 2:]
        self.current_script = detect_script(text)
        names = {"simplified": (self.tr("简"), self.tr("文档文字：简体")),
                 "traditional": (self.tr("繁"), self.tr("文档文字：繁体")),
                 "mixed": (self.tr("混合"), self.tr("文档文字：简繁混合")),
                 "none": ("", "")}
        short, tip = names.get(self.current_script, ("", ""))
        self.label.setText(short)
        self.label.setToolTip(tip)

    # -- protected terms ----------------------------------------------------------------------

    def edit_protected_terms(self) -> None:
        """Open the protected-terms dialog."""
        from editor.gui.script.protected_terms_dialog import ProtectedTermsDialog

        dialog = ProtectedTermsDialog(self.host.settings, self.editor.document().toPlainText(),
                                      self.window)
        dialog.exec()
