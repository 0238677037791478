"""Qt's own dialogs speak the UI language: labels, and the dates in the file dialog (real processes)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from editor.gui.i18n import install_translators, remove_translators

SCRIPT = r"""
import json, sys
import editor.gui.qt_workarounds  # noqa: F401
from editor.gui.i18n import install_translators, prepare_system_locale

language = prepare_system_locale(sys.argv[2])  # what run_app does before the QApplication exists
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLabel
from editor.gui.document.file_filters import file_dialog_filter

app = QApplication([])
install_translators(app, language, pseudo=False)
dialog = QFileDialog(None, "打开", sys.argv[1], file_dialog_filter())
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # offscreen has no native one; check Qt's own
model = dialog.findChild(QFileSystemModel)
dialog.show()
# The file system model fills in on a thread: wait for the dates themselves (a loaded machine is slow).
import time
deadline = time.monotonic() + 60
def dates_now():
    root = model.index(sys.argv[1])
    return [d for d in (model.index(r, 3, root).data() for r in range(model.rowCount(root))) if d]
while not dates_now() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
dates = dates_now()
labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
root = model.index(sys.argv[1])
types = {model.index(r, 0, root).data(): model.index(r, 2, root).data() for r in range(model.rowCount(root))}
print(json.dumps({"language": language, "labels": labels, "dates": dates, "types": types}, ensure_ascii=False))
"""


def run(tmp_path: Path, setting: str, lang_env: str) -> dict:
    import docx

    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    docx.Document().save(str(folder / "工作总结.docx"))
    (folder / "材料").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env.update(LANG=lang_env, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(folder), setting], env=env, capture_output=True,
                         text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the system locale comes from LANG on Linux")
@pytest.mark.parametrize(("setting", "lang_env", "expected", "folder"), [
    ("", "C.UTF-8", {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："}, "文件夹"),  # the report's case
    ("zh_CN", "en_US.UTF-8", {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："}, "文件夹"),
    ("zh_TW", "C.UTF-8", {"尋找於(&L)：", "檔名(&N)：", "檔案型態(&T)："}, "資料夾"),
])
def test_file_dialog_is_chinese_with_chinese_dates(tmp_path, setting, lang_env, expected, folder):
    state = run(tmp_path, setting, lang_env)
    assert set(state["labels"]) == expected, state["labels"]
    assert not any(re.search(r"[A-Za-z]{2,}", label) for label in state["labels"])
    assert state["types"].get("材料") == folder, state["types"]  # the Type column, not "Folder"
    assert len(state["dates"]) == 2
    assert re.fullmatch(r"2\d{3}/\d{1,2}/\d{1,2} (?:上午|下午)?\d{1,2}:\d{2}", state["dates"][0]), state["dates"]


def test_english_ui_keeps_english_dialogs(tmp_path):
    state = run(tmp_path, "en", "C.UTF-8")
    assert "&Look in:" in state["labels"] or "Look in:" in state["labels"]


@pytest.mark.parametrize(("language", "look_in", "file_type"), [
    ("zh_CN", "查找范围(&L)：", "文件类型(&T)："),
    ("zh_TW", "尋找於(&L)：", "檔案型態(&T)："),
])
def test_qt_strings_with_new_mnemonics_are_translated(qapp, language, look_in, file_type):
    try:
        install_translators(qapp, language, pseudo=False)
        tr = QCoreApplication.translate
        assert tr("QFileDialog", "&Look in:") == look_in
        assert tr("QFileDialog", "Files of &type:") == file_type
        # What the catalogue knows is left to it; Yuku's own and unknown strings are untouched.
        assert tr("QFileDialog", "Look in:") == look_in.replace("(&L)", "")
        assert tr("StandardActions", "文件(&F)") in ("文件(&F)", "檔案(&F)")
        assert tr("QFileDialog", "&Unknown string") == "&Unknown string"
    finally:
        remove_translators(qapp)
