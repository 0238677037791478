"""The 简繁转换 feature through the real window: menu actions, script label, protected terms dialog."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from editor.core.script.converter import CONFIGS
from editor.core.script.protected_terms import load_terms, save_terms
from editor.core.settings import Settings
from editor.gui.script import actions as script_actions
from editor.gui.script import convert as script_convert
from editor.gui.script.actions import ScriptActions
from tests.gui.helpers import commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank()  # an empty bank: building the bundled one is slow


def set_text(window, text):
    window.editor.setPlainText(text)
    window.editor.document().clearUndoRedoStacks()


def test_menu_has_every_config_and_the_dialog(window):
    menu = window.feature(ScriptActions).menu
    assert menu.menuAction() in window.menus["tools"].actions()
    texts = [a.text() for a in menu.actions()]
    for cid, label in CONFIGS:
        assert window.actions_by_name[f"convert_{cid}"].text() == label
        assert label in texts
    assert "简→繁(台湾用语)" in texts
    assert "protected_terms" in window.actions_by_name
    assert "简→繁" in window.actions_by_name["convert_default"].text()


def test_whole_document_one_undo_step(window):
    set_text(window, "关于头发发展的通知\n各单位：")
    window.actions_by_name["convert_s2t"].trigger()
    assert window.editor.plain_text() == "關於頭髮發展的通知\n各單位："
    assert window.editor.document().isModified()
    window.actions_by_name["undo"].trigger()
    assert window.editor.plain_text() == "关于头发发展的通知\n各单位："
    assert not window.editor.document().isUndoAvailable()


def test_selection_only_and_reselected(window):
    set_text(window, "头发头发头发")
    cur = window.editor.textCursor()
    cur.setPosition(2)
    cur.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cur)
    window.actions_by_name["convert_s2t"].trigger()
    assert window.editor.plain_text() == "头发頭髮头发"
    assert window.editor.textCursor().selectedText() == "頭髮"


def test_typed_text_keeps_bold_through_conversion(window):
    set_text(window, "")
    commit_text(window.editor, "我的")
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    window.editor.setCurrentCharFormat(bold)
    commit_text(window.editor, "头")
    window.editor.setCurrentCharFormat(QTextCharFormat())
    commit_text(window.editor, "发")
    window.actions_by_name["convert_s2t"].trigger()
    assert window.editor.plain_text() == "我的頭髮"
    cur = QTextCursor(window.editor.document())
    cur.setPosition(3)
    assert cur.charFormat().fontWeight() == QFont.Weight.Bold
    cur.setPosition(4)
    assert cur.charFormat().fontWeight() != QFont.Weight.Bold


def test_default_direction_follows_the_setting(window):
    window.settings.set("default_conversion", "t2s")
    set_text(window, "頭髮")
    window.actions_by_name["convert_default"].trigger()
    assert window.editor.plain_text() == "头发"
    window.settings.set("default_conversion", "no-such")
    assert window.feature(ScriptActions).default_config() == "s2t"


def test_protected_terms_from_settings(window):
    save_terms(["余小明"], window.settings)
    set_text(window, "余小明说余下的头发")
    window.actions_by_name["convert_s2t"].trigger()
    assert window.editor.plain_text() == "余小明說餘下的頭髮"


def test_script_label(window, qtbot):
    label = window.feature(ScriptActions).label
    set_text(window, "这是简体中文，发展经济")
    qtbot.waitUntil(lambda: label.text() == "简", timeout=3000)
    window.actions_by_name["convert_s2t"].trigger()
    qtbot.waitUntil(lambda: label.text() == "繁", timeout=3000)
    assert window.feature(ScriptActions).current_script == "traditional"
    commit_text(window.editor, "这是简体中文，发展经济")
    qtbot.waitUntil(lambda: label.text() == "混合", timeout=3000)
    set_text(window, "abc")
    qtbot.waitUntil(lambda: label.text() == "", timeout=3000)


def test_long_document_runs_in_slices_read_only_with_progress(window, qtbot, monkeypatch):
    monkeypatch.setattr(script_convert, "SYNC_LIMIT", 100)
    monkeypatch.setattr(script_actions, "SYNC_LIMIT", 100)
    monkeypatch.setattr(script_convert, "SLICE_MS", 0)
    set_text(window, "\n".join(["关于头发发展的通知"] * 40))
    assert window.feature(ScriptActions).convert("s2t") is False  # still running
    job = window.feature(ScriptActions).job
    assert window.editor.isReadOnly()
    assert window.feature(ScriptActions).progress_dialog is not None
    assert window.feature(ScriptActions).convert("t2s") is False  # one conversion at a time
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert not window.editor.isReadOnly()
    assert window.editor.plain_text() == "\n".join(["關於頭髮發展的通知"] * 40)
    window.editor.document().undo()
    assert window.editor.plain_text() == "\n".join(["关于头发发展的通知"] * 40)


def test_cancel_leaves_the_document_unchanged(window, qtbot, monkeypatch):
    monkeypatch.setattr(script_convert, "SYNC_LIMIT", 100)
    monkeypatch.setattr(script_actions, "SYNC_LIMIT", 100)
    monkeypatch.setattr(script_convert, "SLICE_MS", 0)
    original = "\n".join(["关于头发发展的通知"] * 40)
    set_text(window, original)
    from PySide6.QtWidgets import QPushButton

    actions = window.feature(ScriptActions)
    actions.convert("s2t")
    job = actions.job
    clicked = []

    def cancel_midway(done: int, _total: int) -> None:
        # Click 取消 from the progress signal itself: a loaded machine could otherwise finish every
        # slice between two polls of the test and leave nothing to cancel.
        if done >= 2 and not clicked:
            clicked.append(done)
            actions.progress_dialog.findChild(QPushButton).click()  # the dialog's 取消 button

    job.progress.connect(cancel_midway)
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert clicked, "the job finished before it could be cancelled"
    assert window.editor.plain_text() == original
    assert not window.editor.isReadOnly()


def test_protected_terms_dialog(window, qtbot, monkeypatch):
    from editor.gui.script.protected_terms_dialog import ProtectedTermsDialog

    set_text(window, "余小明同志、范冰主任讲话")
    dialog = ProtectedTermsDialog(window.settings, window.editor.plain_text(), window)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("于谦\n")
    dialog.suggest_button.click()
    assert dialog.terms() == ["于谦", "余小明", "范冰"]
    dialog.accept()
    assert load_terms(Settings()) == ["于谦", "余小明", "范冰"]
    # The menu action opens it (exec patched so the test never waits).
    opened = []
    monkeypatch.setattr(ProtectedTermsDialog, "exec", lambda self: opened.append(self.terms()) or 0)
    window.actions_by_name["protected_terms"].trigger()
    assert opened == [["于谦", "余小明", "范冰"]]
