"""A real editor process killed with SIGKILL: its draft is listed, offered and its lock taken over."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtWidgets import QApplication

from editor.core.bank.store import PhraseBank
from editor.core.recovery import RecoveryStore
from editor.core.settings import Settings
from editor.gui.document import autosave
from editor.gui.document import lock as document_lock
from editor.gui.window.main_window import MainWindow

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

# The editor as `yuku` runs it (offscreen here), with text put in through the editor widget.
EDITOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    from editor.core.bank.store import PhraseBank
    from editor.core.settings import Settings
    from editor.gui.app import create_app
    from editor.gui.window.main_window import MainWindow
    app = create_app()
    window = MainWindow(settings=Settings(), bank=PhraseBank(Path(sys.argv[1])))
    window.show()
    if len(sys.argv) > 3:
        assert window.session.open_path(sys.argv[3])
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(sys.argv[2])
    print("ready", flush=True)
    app.exec()
""")


def run_and_kill(tmp_path, text, path=None, wait=2.5):
    """Start the editor with YUKU_AUTOSAVE_SECONDS=1, let one interval pass, SIGKILL it."""
    args = [sys.executable, "-c", EDITOR, str(tmp_path / "bank.db"), text] + ([str(path)] if path else [])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "YUKU_AUTOSAVE_SECONDS": "1"}
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(wait)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return proc.pid


def recover_list():
    out = subprocess.run([sys.executable, "-m", "editor", "recover", "--list", "--json"], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_untitled_text_survives_sigkill(tmp_path):
    pid = run_and_kill(tmp_path, "杀掉之前写的草稿")
    (draft,) = recover_list()
    assert draft["text"] == "杀掉之前写的草稿"
    assert draft["source"] == ""
    assert draft["pid"] == pid
    assert [d.text for d in RecoveryStore().recoverable()] == ["杀掉之前写的草稿"]


def test_killed_editor_lock_is_taken_over_and_draft_offered_on_open(tmp_path, qtbot, no_blocking_dialogs):
    from PySide6.QtWidgets import QMessageBox

    doc = tmp_path / "报告.txt"
    doc.write_text("原文\n", encoding="utf-8")
    run_and_kill(tmp_path, "崩溃前新加的", path=doc)
    (draft,) = recover_list()
    assert draft["source"] == str(doc.resolve())
    assert draft["text"].startswith("原文")
    assert draft["text"].endswith("崩溃前新加的")
    assert doc.read_text(encoding="utf-8") == "原文\n"  # the draft never touched the file

    assert document_lock.lock_path(doc).exists()  # the killed editor left its lock behind
    QApplication.instance().setProperty(autosave.OFFERED_PROPERTY, True)  # start-up offer already made
    bank = PhraseBank(tmp_path / "bank2.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    assert w.session.open_path(doc)  # the dead editor's lock does not block
    qtbot.waitUntil(lambda: w.editor.toPlainText().endswith("崩溃前新加的"), timeout=3000)
    assert w.editor.document().isModified()
    w.editor.document().setModified(False)
    bank.close()
