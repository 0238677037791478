"""Import a corpus from the GUI: mining in a worker thread, a progress dialog that can cancel."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from editor.gui.i18n import one_language
from editor.gui.window.host import WindowHost

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    """Translate in this module's context."""
    return QCoreApplication.translate("corpus_import", text)


class MiningWorker(QObject):
    """Mines paths into the bank file from its own thread, on its own connection.

    SQLite connections cannot cross threads, so the worker opens a second PhraseBank on the
    same file; the GUI's bank sees the result once the transaction commits.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)  # a MineReport, or the exception that stopped the run

    def __init__(self, bank_path: Path, paths: list[Path], encodings: dict[str, str] | None = None) -> None:
        super().__init__()
        self.bank_path = bank_path
        self.paths = paths
        self.encodings = encodings or {}
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop at its next check; the bank stays as it was."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        """Mine; always emits finished."""
        from editor.core.bank.store import PhraseBank
        from editor.core.mining.pipeline import mine_into_bank

        try:
            bank = PhraseBank(self.bank_path)
            try:
                report = mine_into_bank(self.paths, bank, progress=self.progressed.emit,
                                        cancelled=self._cancel.is_set, encodings=self.encodings)
            finally:
                bank.close()
        except Exception as exc:
            log.exception("corpus import failed")
            self.finished.emit(exc)
            return
        self.finished.emit(report)


class CorpusImport(QObject):
    """One import: progress dialog, worker thread, panel refresh and a summary at the end."""

    done = Signal(object)  # the MineReport (or exception)

    def __init__(self, host: WindowHost, paths: list[Path], encodings: dict[str, str] | None = None) -> None:
        super().__init__(host.widget)
        self.host = host
        self.window = window = host.widget
        self.paths = paths
        self.encodings = encodings or {}
        self.result: object | None = None
        self.summary = ""
        bank = host.phrase_panel.bank
        assert bank is not None  # PhraseActions starts no import without a bank
        self.worker = MiningWorker(Path(bank.path), paths, self.encodings)
        self.worker_thread = QThread(self)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.worker.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog(tr("正在读取语料…"), tr("取消"), 0, 100, window)
        self.dialog.setWindowTitle(tr("导入语料"))
        # Wide enough for its title beside the window buttons (it was cut to "导入语料... Yuku").
        self.dialog.setMinimumWidth(24 * self.dialog.fontMetrics().height())
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        """Show the progress dialog and start mining."""
        self.dialog.show()
        self.worker_thread.start()

    def cancel(self) -> None:
        """Stop the run (from the dialog's Cancel button)."""
        self.dialog.setLabelText(tr("正在取消…"))
        self.worker.cancel()

    def is_running(self) -> bool:
        """Whether the worker is still at it."""
        return self.worker_thread.isRunning()

    def _progress(self, done: int, total: int, stage: str) -> None:
        if self.worker._cancel.is_set():
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(one_language(stage))

    def _finished(self, result: object) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.dialog.close()
        self.result = result
        if isinstance(result, Exception):
            self.summary = tr("导入失败：%1").replace("%1", str(result))
            self.host.show_error(tr("导入语料"), self.summary)
        elif getattr(result, "cancelled", False):
            self.summary = tr("已取消导入，短语库未改动。")
            self.host.show_message(self.summary)
        else:
            self.host.phrase_panel.refresh()
            self.summary = (tr("导入完成：%1 篇文档，短语库现有 %2 条短语。")
                            .replace("%1", str(getattr(result, "documents", 0)))
                            .replace("%2", str(getattr(result, "phrases", 0))))
            skipped = getattr(result, "skipped", [])
            if skipped:
                lines = [tr("%1：%2").replace("%1", Path(p).name).replace("%2", one_language(r))
                         for p, r in skipped[:10]]
                QMessageBox.information(self.window, tr("导入语料"), tr("%1\n以下文件已跳过：\n%2")
                                        .replace("%1", self.summary).replace("%2", "\n".join(lines)))
            self.host.show_message(self.summary)
        self.done.emit(result)


def resolve_encodings(window: QWidget, paths: list[Path]) -> tuple[list[Path], dict[str, str]] | None:
    """Ask about every doubtful .txt file: the paths to mine and {file: chosen codec}.

    None when the user cancelled the import; a skipped file is left out of the paths.
    """
    from editor.core.corpus.reader import list_files
    from editor.gui.phrases.encoding_preview_dialog import ask_encoding, needs_choice

    files, _missing = list_files(paths)
    doubtful = [(f, found) for f in files if (found := needs_choice(f)) is not None]
    encodings: dict[str, str] = {}
    skipped: set[Path] = set()
    for f, (data, guess) in doubtful:
        choice = ask_encoding(window, f, data, guess)
        if choice is None:
            return None
        if choice == "":
            skipped.add(f)
        else:
            encodings[str(f)] = choice
    if not skipped:
        return paths, encodings
    # Expand folders into their files so a skipped one can be left out.
    return [f for f in files if f not in skipped], encodings


def start_corpus_import(host: WindowHost, paths: list[Path]) -> CorpusImport | None:
    """Check encodings, then mine paths into the window's bank in the background."""
    resolved = resolve_encodings(host.widget, paths)
    if resolved is None:
        host.show_message(tr("已取消导入。"))
        return None
    to_mine, encodings = resolved
    job = CorpusImport(host, to_mine, encodings)
    job.start()
    return job
