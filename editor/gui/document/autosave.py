"""Autosave and crash recovery: drafts go to the recovery store on a timer and on focus loss.

Like novelWriter's _autoSaveDocument, the timer slot is small and only writes when the document
changed since the last autosave. Drafts are keyed by the document's full path (or an untitled
key), never written over the user's file, and removed after an explicit save or discard. On
start the drafts a crashed or killed editor left behind are offered back (recovery_dialog).

A draft holds Yuku's document model (bridge.to_model) as JSON, plus the DOCX package it came
from, never QTextDocument HTML: HTML keeps no paragraph role, raw Word properties or kept-object
reference, and a recovered DOCX would lose its images at the next save (HAZARDS.md).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QTextDocument, QWindow
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.core.model.document import Document
from editor.core.recovery import (
    MODEL_FORMAT,
    Draft,
    RecoveryStore,
    baseline_from_json,
    document_from_json,
    document_to_json,
    key_for_path,
    new_untitled_key,
)
from editor.gui.document.bridge import load_model, state_of, to_model
from editor.gui.document.recovery_dialog import RecoveryDialog, local_time, restore_drafts
from editor.gui.window.host import WindowHost

log = logging.getLogger(__name__)

RICH_FORMAT = MODEL_FORMAT
OFFERED_PROPERTY = "yuku_recovery_offered"
# A timed draft waits for a pause in typing (a 1 MB document takes 0.1–0.2 s to write, felt as a
# hitch mid-word), but never longer than MAX_DEFER_SECONDS past its turn.
IDLE_SECONDS = 1.0
MAX_DEFER_SECONDS = 30.0
RETRY_MS = 400


def _now() -> float:
    return time.monotonic()


class Autosaver(QObject):
    """Keeps one window's unsaved changes in the recovery store."""

    def __init__(self, host: WindowHost, store: RecoveryStore | None = None) -> None:
        super().__init__(host.widget)
        self.host = host
        self.window = host.widget
        self.store = store or RecoveryStore()
        self.key = self._key_for_current()
        self.dialog: RecoveryDialog | None = None
        self._dirty = False
        self._restoring = False
        self._error_shown = False
        self._doc: QTextDocument | None = None
        self._watch_document()
        self._last_change = 0.0
        self._due_since: float | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("autosave_timer")
        self.timer.timeout.connect(self._tick)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self._tick)
        self.apply_interval()
        self.timer.start()
        host.session.opened.connect(self._on_opened)
        host.session.saved.connect(self._on_saved)
        host.session.closed.connect(self._on_closed)
        host.session.changed.connect(self._mark_dirty)  # the 公文要素 form: not text, still the user's
        host.settingsChanged.connect(self._on_settings_changed)  # Preferences: a new interval applies at once
        self._had_focus = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Signals, not an event filter: no Python override runs while Qt tears windows down.
            app.applicationStateChanged.connect(self._on_app_state)
            app.focusWindowChanged.connect(self._on_focus_window)

    # -- settings and state ---------------------------------------------------------------------

    def apply_interval(self) -> None:
        """Take the interval from the settings (YUKU_AUTOSAVE_SECONDS overrides; at least 1 s)."""
        try:
            seconds = max(1, int(self.host.settings.get("autosave_seconds")))
        except (TypeError, ValueError):
            seconds = 30
        if self.timer.interval() != seconds * 1000:
            self.timer.setInterval(seconds * 1000)

    def _on_settings_changed(self, keys: object) -> None:
        if isinstance(keys, (list, tuple, set)) and "autosave_seconds" in keys:
            self.apply_interval()

    def _key_for_current(self) -> str:
        path = self.host.session.path
        return key_for_path(path) if path else new_untitled_key()

    def _watch_document(self) -> None:
        """Follow the editor's document, also when a feature swaps in a new QTextDocument."""
        doc = self.host.editor.document()
        if doc is self._doc:
            return
        if self._doc is not None:
            self._doc.contentsChanged.disconnect(self._mark_dirty)
            self._doc.modificationChanged.disconnect(self._on_modification_changed)
        self._doc = doc
        doc.contentsChanged.connect(self._mark_dirty)
        doc.modificationChanged.connect(self._on_modification_changed)
        self._dirty = doc.isModified()

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._last_change = _now()

    # -- writing drafts -------------------------------------------------------------------------

    def _tick(self) -> None:
        now = _now()
        if self._dirty and now - self._last_change < IDLE_SECONDS:
            if self._due_since is None:
                self._due_since = now
            if now - self._due_since < MAX_DEFER_SECONDS:
                self.retry.start()  # the user is typing: write in the next pause
                return
        self._due_since = None
        self.retry.stop()
        self.autosave()
        self.apply_interval()  # a changed preference applies from the next interval on

    def autosave(self) -> bool:
        """Write the draft if the document changed since the last autosave; True if written."""
        self._watch_document()
        doc = self.host.editor.document()
        if not doc.isModified() or not self._dirty:
            return False
        path = self.host.session.path
        model = to_model(doc)
        try:
            self.store.save(self.key, source=str(path) if path else "",
                            title=path.name if path else self.tr("未命名"),
                            text=doc.toPlainText(), rich=document_to_json(model, state_of(doc).baseline),
                            rich_format=RICH_FORMAT,
                            package=model.source)
        except OSError as exc:
            self._report_failure(exc)
            return False
        self._dirty = False
        self._error_shown = False
        return True

    def _report_failure(self, exc: OSError) -> None:
        log.warning("autosave failed: %s", exc)
        text = (self.tr("自动保存失败（%1）：草稿未能写入 %2。请检查磁盘空间和权限，并尽快手动保存。")
                .replace("%1", exc.strerror or str(exc)).replace("%2", str(self.store.folder)))
        self.host.show_message(text, 0)
        if not self._error_shown:  # once until it works again: a dialog every 30 s helps nobody
            self._error_shown = True
            self.host.show_error(self.tr("自动保存失败"), text)

    def discard_draft(self) -> None:
        """Delete the current document's draft (it was saved, or the changes were discarded)."""
        try:
            self.store.remove(self.key)
        except OSError as exc:
            log.warning("could not remove draft %s: %s", self.key, exc)

    # -- window signals -------------------------------------------------------------------------

    def _on_modification_changed(self, modified: bool) -> None:
        if not modified and not self._restoring:
            self.discard_draft()  # saved, or undone back to what is on disk

    def _on_saved(self, path: str) -> None:
        self.discard_draft()
        self.key = key_for_path(path)
        self.discard_draft()
        self._dirty = False

    def _on_closed(self, path: str) -> None:
        # The window only closes a document after a save or an explicit discard (maybe_save).
        self.discard_draft()
        self.key = new_untitled_key()
        self._dirty = False

    def _on_opened(self, path: str) -> None:
        self.key = key_for_path(path)
        self._dirty = False
        app = QApplication.instance()
        if self._restoring or app is None or not app.property(OFFERED_PROPERTY):
            return  # at start-up the recovery dialog offers this file's draft with the others
        draft = self.store.get(self.key)
        if draft is not None and draft.key in {d.key for d in self.store.recoverable()}:
            QTimer.singleShot(0, lambda: self._offer_for_opened(draft))

    def _offer_for_opened(self, draft: Draft) -> None:
        answer = QMessageBox.question(
            self.window, self.tr("恢复草稿"),
            self.tr("「%1」有一份自动保存的草稿（保存于 %2），其中的改动尚未保存到文件。是否恢复？")
            .replace("%1", draft.source).replace("%2", local_time(draft.saved_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Discard:
            self.store.remove(draft.key)
        elif self.host.session.path and key_for_path(self.host.session.path) == draft.key:
            self.apply_draft(draft)

    def _on_focus_window(self, focus: QWindow | None) -> None:
        """Autosave when this window loses focus (another window or program comes forward)."""
        if not _alive(self.window):
            return
        mine = self.window.windowHandle()
        # A dialog of this window (a progress dialog, Find) taking focus is not the user leaving:
        # autosaving a large document then would stall the very work the dialog shows.
        ours = focus is not None and focus.transientParent() is mine
        if self._had_focus and focus is not mine and not ours:
            self.autosave()
        if not ours:
            self._had_focus = mine is not None and focus is mine

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and _alive(self.window):
            self.autosave()

    # -- recovery -------------------------------------------------------------------------------

    def offer_recovery(self) -> RecoveryDialog | None:
        """Show the drafts a crashed or killed editor left (once per application); the dialog or None."""
        app = QApplication.instance()
        if app is not None:
            if app.property(OFFERED_PROPERTY):
                return None
            app.setProperty(OFFERED_PROPERTY, True)
        try:
            drafts = self.store.recoverable()
        except OSError as exc:
            log.warning("cannot read the recovery store: %s", exc)
            return None
        if not drafts:
            return None
        self.dialog = RecoveryDialog(drafts, self.window)
        self.dialog.restoreRequested.connect(lambda chosen: restore_drafts(self.host, chosen, _restore))
        self.dialog.discardRequested.connect(lambda chosen: [self.store.remove(d.key) for d in chosen])
        self.dialog.open()  # window-modal, but never blocks the event loop (self-test, scripts)
        return self.dialog

    def apply_draft(self, draft: Draft) -> None:
        """Put a draft's content into the document as unsaved changes and take the draft over."""
        doc = self.host.editor.document()
        self._restoring = True
        try:
            model = self._model_of(draft)
            if model is not None:
                load_model(doc, model)
                # Which blocks were untouched is measured against the file as opened, not the draft.
                state_of(doc).baseline = baseline_from_json(draft.rich)
            if doc.toPlainText() != draft.text:
                doc.setPlainText(draft.text)  # the plain text is the authority if the rich form disagrees
            doc.clearUndoRedoStacks()
            doc.setModified(True)
        finally:
            self._restoring = False
        self._lay_out_pages()
        self.host.session.content_replaced()  # the 公文要素 form shows the draft's
        path = self.host.session.path
        old_key = draft.key
        # An untitled draft keeps its own key, so it is rewritten in place, never duplicated.
        self.key = key_for_path(path) if path else (draft.key if not draft.source else new_untitled_key())
        self._dirty = True
        if self.autosave() and old_key != self.key:
            self.store.remove(old_key)  # now kept under this document's own key

    def _lay_out_pages(self) -> None:
        """With View ▸ 页面视图 on, the restored content goes on its pages too."""
        from editor.gui.output.page_view import PageView

        try:
            view = self.host.feature(PageView)
        except LookupError:
            return
        view.document_replaced()

    def _model_of(self, draft: Draft) -> Document | None:
        """The draft's document model with its source package; None for text-only (or old HTML) drafts."""
        if draft.rich_format != MODEL_FORMAT or not draft.rich:
            return None
        package = self.store.package(draft)
        try:
            model = document_from_json(draft.rich, package)
        except ValueError as exc:
            log.warning("draft %s: %s; restoring its text only", draft.id, exc)
            return None
        if draft.package and package is None:
            self.host.show_message(self.tr("草稿所属的原 Word 文件部件已丢失：图片等内容无法恢复，文字已恢复。"), 0)
        return model

    def restore(self, draft: Draft) -> bool:
        """Restore a draft into this window (opening its file first); False if its file stayed shut."""
        session = self.host.session
        source = Path(draft.source) if draft.source else None
        self._restoring = True
        try:
            if source is not None and source.exists():
                same = session.path is not None and session.path == source.resolve()
                if not same and not session.open_path(source):
                    source = None  # held by another editor or unreadable: keep the text as untitled
            elif source is not None:
                # The file is gone: keep its name so that Save puts the text back where it was.
                if session.lock.acquire(source.absolute()):
                    session.set_path(source.absolute())
                else:
                    source = None
        finally:
            self._restoring = False
        if draft.source and source is None:
            session.set_path(None)
        self.apply_draft(draft)
        self.host.show_message(self.tr("已恢复 %1 的草稿（保存于 %2），请及时保存。")
                               .replace("%1", draft.title).replace("%2", local_time(draft.saved_at)), 0)
        return source is not None or not draft.source


def _alive(obj: object) -> bool:
    """False once Qt has deleted the C++ side (signals can outlive a closed window briefly)."""
    return shiboken6.isValid(obj)


def _restore(host: WindowHost, draft: Draft) -> bool:
    """Restore a draft into a window through its autosaver."""
    return host.feature(Autosaver).restore(draft)


def install(host: WindowHost) -> Autosaver:
    """Feature hook: autosave this window and, once per start, offer drafts left by a crash."""
    saver = Autosaver(host)
    QTimer.singleShot(0, saver.offer_recovery)
    return saver


def self_test_checks(window: WindowHost, tmp: Path) -> list[tuple[str, Callable[[], bool]]]:
    """`yuku --self-test`: a change reaches a draft (in a scratch store, never the user's) and goes away."""
    def draft_round_trip() -> bool:
        saver = window.feature(Autosaver)
        real_store, saver.store = saver.store, RecoveryStore(tmp / "recovery")
        try:
            window.editor.insertPlainText("自检草稿")
            written = saver.autosave()
            drafts = saver.store.drafts()
            ok = written and len(drafts) == 1 and drafts[0].text == window.editor.toPlainText()
            window.editor.undo()  # leave the document as the other checks expect it
            saver.discard_draft()
            return bool(ok) and not saver.store.drafts()
        finally:
            saver.store = real_store

    return [("autosave_draft", draft_round_trip)]
