"""Child processes the benchmarks time and weigh: `python -m benchmarks.probes NAME ARGS…`.

Each probe does one thing and exits; the parent measures wall time and peak RSS (os.wait4).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def bare_window(text_file: str | None = None) -> int:
    """The start-up baseline: a bare PySide6 window with a text pane and a dock, shown, then exit."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDockWidget, QListWidget, QMainWindow, QTextEdit

    from benchmarks.qt_kit import pin_none

    pin_none()  # as in the subject processes, so both pay the same
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    editor = QTextEdit(window)
    window.setCentralWidget(editor)
    dock = QDockWidget("dock", window)
    dock.setWidget(QListWidget(dock))
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    if text_file:
        editor.setPlainText(Path(text_file).read_text(encoding="utf-8"))
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    return 0


def real_window(bank_path: str, doc_path: str) -> int:
    """The memory subject: the real MainWindow with a big bank in the panel and a document open."""
    from benchmarks.qt_kit import pin_none
    from editor.core.bank.store import PhraseBank
    from editor.core.settings import Settings
    from editor.gui.app import create_app
    from editor.gui.window.main_window import MainWindow

    pin_none()  # without it the 100,000-row panel aborts the process (PySide6 6.12 None refcount bug)
    app = create_app()
    start = time.perf_counter()
    bank = PhraseBank(bank_path)
    window = MainWindow(settings=Settings(Path(bank_path).with_name("settings.json")), bank=bank)
    window.show()
    app.processEvents()
    opened = window.session.open_path(doc_path)
    app.processEvents()
    rows = window.phrase_panel.tree.model().rowCount() if hasattr(window.phrase_panel, "tree") else -1
    print(json.dumps({"opened": opened, "chars": window.editor.document().characterCount(), "bank": bank.count(),
                      "top_rows": rows, "seconds": round(time.perf_counter() - start, 3)}))
    window.editor.document().setModified(False)
    window.close()
    return 0 if opened else 1


def read_corpus(folder: str) -> int:
    """The mining baseline: read and decode every file and split it into sentences (a miner's floor)."""
    import re

    split = re.compile(r"[。；！？\n]")
    chars = sentences = 0
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        chars += len(text)
        sentences += sum(1 for s in split.split(text) if s)
    print(json.dumps({"chars": chars, "sentences": sentences}))
    return 0


def read_segment(folder: str) -> int:
    """The mining baseline of issue 18: read every file and segment it into words with jieba."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    chars = words = 0
    for path in sorted(Path(folder).rglob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        chars += len(text)
        words += sum(1 for _ in jieba.cut(text, HMM=False))
    print(json.dumps({"chars": chars, "words": words}))
    return 0


def mine_more(folder: str, more: str, bank_path: str) -> int:
    """Re-mining after adding documents: the bank already holds folder's corpus; time adding `more`."""
    from editor.core.bank.store import PhraseBank
    from editor.core.mining import pipeline

    bank = PhraseBank(bank_path)
    pipeline.mine_into_bank([Path(folder)], bank, include_bank_corpus=False)
    start = time.perf_counter()
    pipeline.mine_into_bank([Path(more)], bank)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": round(seconds, 3), "phrases": bank.count()}))
    bank.close()
    return 0


def mine(folder: str, bank_path: str) -> int:
    """The mining subject: editor.core.mining.pipeline.mine_into_bank over a folder into a fresh bank."""
    from editor.core.bank.store import PhraseBank
    from editor.core.mining import pipeline

    bank = PhraseBank(bank_path)
    start = time.perf_counter()
    result = pipeline.mine_into_bank([Path(folder)], bank, lambda *a, **k: None, lambda: False)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": round(seconds, 3), "phrases": bank.count(), "result": repr(result)[:200]}))
    bank.close()
    return 0


def opencc_file(src: str, dst: str, config: str) -> int:
    """The conversion baseline: bare OpenCC on a whole UTF-8 file."""
    import opencc

    converter = opencc.OpenCC(config)
    text = Path(src).read_text(encoding="utf-8")
    Path(dst).write_text(converter.convert(text), encoding="utf-8")
    return 0


PROBES = {"bare_window": bare_window, "real_window": real_window, "read_corpus": read_corpus, "mine": mine,
          "opencc": opencc_file, "read_segment": read_segment, "mine_more": mine_more}

if __name__ == "__main__":
    raise SystemExit(PROBES[sys.argv[1]](*sys.argv[2:]))
