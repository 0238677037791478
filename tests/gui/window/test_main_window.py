"""The main window through its real actions."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.core.model.phrases import Phrase
from editor.core.settings import Settings
from editor.gui.document.editor import PHRASE_MIME
from editor.gui.window.main_window import MainWindow
from tests.gui.helpers import act, commit_text, drop_at


@pytest.fixture
def bank(make_bank):
    return make_bank([
        Phrase("高度重视，加强领导", "measures", "heading", 5, 3, 3),
        Phrase("下一步工作打算", "next_steps", "heading", 4, 2, 2),
        Phrase("同志们", "closing", "collocation", 3, 2, 2),
    ])


def test_window_has_editor_dock_menus_and_focus(window):
    assert window.centralWidget() is window.editor
    assert window.phrase_dock.isVisible()
    assert window.dockWidgetArea(window.phrase_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["文件(&F)", "编辑(&E)"]
    for name in ("new", "open", "save", "save_as", "quit", "undo", "redo", "cut", "copy", "paste",
                 "find", "select_all"):
        assert name in window.actions_by_name
        assert not window.actions_by_name[name].shortcut().isEmpty(), name
    assert QApplication.focusWidget() is window.editor


def leaf(model, section_row, kind_row=0, row=0):
    """The phrase index at section → kind → row."""
    return model.index(row, 0, model.index(kind_row, 0, model.index(section_row, 0)))


def test_panel_groups_bank_by_section(window):
    model = window.phrase_panel.model
    sections = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sections == ["措施 (1)", "下一步 (1)", "结尾 (1)"]
    kinds = [model.index(0, 0, model.index(r, 0)).data() for r in range(model.rowCount())]
    assert kinds == ["小标题 (1)", "小标题 (1)", "搭配 (1)"]
    assert leaf(model, 2).data() == "同志们"


def test_double_click_inserts_phrase_one_undo_step(window, qtbot):
    commit_text(window.editor, "开头")
    panel = window.phrase_panel
    idx = leaf(panel.model, 0)
    panel.tree.doubleClicked.emit(idx)
    assert window.editor.plain_text() == "开头高度重视，加强领导"
    act(window, "undo")
    assert window.editor.plain_text() == "开头"


def test_enter_on_phrase_inserts(window, qtbot):
    panel = window.phrase_panel
    idx = leaf(panel.model, 1)
    panel.tree.setCurrentIndex(idx)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.editor.plain_text() == "下一步工作打算"


def test_drop_from_model_mimedata_inserts_at_drop_point(window, qtbot):
    window.editor.setPlainText("甲乙")
    panel = window.phrase_panel
    idx = leaf(panel.model, 2)
    mime = panel.model.mimeData([idx])
    assert mime.hasFormat(PHRASE_MIME)
    cur = QTextCursor(window.editor.document())
    cur.setPosition(1)
    pos = window.editor.cursorRect(cur).center()
    vp = window.editor.viewport()
    drop_at(vp, pos, mime)
    assert window.editor.plain_text() == "甲同志们乙"


def test_filter_narrows_tree(window, qtbot):
    commit_text(window.phrase_panel.filter, "领")
    model = window.phrase_panel.model
    assert model.rowCount() == 1
    assert leaf(model, 0).data() == "高度重视，加强领导"
    assert model.index(1, 0, model.index(0, 0, model.index(0, 0))).isValid() is False


def test_save_as_open_and_title(window, tmp_path, no_blocking_dialogs):
    target = tmp_path / "稿.txt"
    qtbot_text = "一、总体情况\n今年以来"
    window.editor.insertPlainText(qtbot_text)
    assert window.editor.document().isModified()
    no_blocking_dialogs.answers["save"] = str(target)
    act(window, "save_as")
    assert target.read_text(encoding="utf-8").startswith(qtbot_text)
    assert not window.isWindowModified()
    assert "稿.txt" in window.windowTitle()
    act(window, "new")
    assert window.editor.plain_text() == ""
    no_blocking_dialogs.answers["open"] = str(target)
    act(window, "open")
    assert window.editor.plain_text().startswith(qtbot_text)
    assert str(target.resolve()) in window.settings.get("recent_files")


def test_open_missing_file_reports_one_sentence(window, tmp_path, no_blocking_dialogs):
    assert not window.session.open_path(tmp_path / "nope.txt")
    title, text = no_blocking_dialogs.shown[-1]
    assert "nope.txt" in text
    assert "不存在" in text


def test_close_with_changes_asks(window, no_blocking_dialogs):
    from PySide6.QtWidgets import QMessageBox

    window.editor.insertPlainText("未保存")
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    assert not window.close()
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Discard
    assert window.close()


def test_find_replace_all_is_one_undo(window):
    window.editor.setPlainText("疫情 防控 疫情")
    act(window, "find")
    dlg = window.standard.find_dialog
    dlg.find_edit.setText("疫情")
    dlg.replace_edit.setText("疫情防控")
    assert dlg.replace_all() == 2
    assert window.editor.plain_text() == "疫情防控 防控 疫情防控"
    window.editor.undo()
    assert window.editor.plain_text() == "疫情 防控 疫情"


def test_failing_settings_write_does_not_undo_a_save_or_block_close(window, tmp_path, monkeypatch):
    import errno

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(window.settings, "save", full)
    window.editor.insertPlainText("正文")
    target = tmp_path / "稿.txt"
    assert window.session.save_to(target)
    assert target.read_text(encoding="utf-8").startswith("正文")
    assert not window.isWindowModified()
    assert window.close()


def test_damaged_bank_is_reported_after_start(qtbot, monkeypatch, no_blocking_dialogs):
    import editor.core.bank.default as default_bank

    class Repaired:
        recovered_from_backup = "语库文件已损坏，已从备份恢复"

        def search(self, *a, **k):
            return []

        def count(self):
            return 0

    monkeypatch.setattr(default_bank, "open_bank", lambda *a, **k: Repaired())
    w = MainWindow(settings=Settings())
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: any("备份" in text for _, text in no_blocking_dialogs.shown))
