"""The Preferences dialog reads and writes the settings module and tells the window."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from editor.core.bank.store import PhraseBank
from editor.core.settings import Settings
from editor.gui.window.main_window import MainWindow
from editor.gui.window.preferences_dialog import PreferencesDialog


@pytest.fixture
def window(qtbot, tmp_path):
    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    yield w
    bank.close()


def test_dialog_shows_current_values(qtbot):
    s = Settings()
    s.set("autosave_seconds", 120)
    s.set("ui_language", "en")
    s.set("font_fallbacks", {"仿宋_GB2312": "FangSong"})
    dlg = PreferencesDialog(s)
    qtbot.addWidget(dlg)
    assert dlg.autosave.value() == 120
    assert dlg.language.currentData() == "en"
    assert dlg.values()["font_fallbacks"] == {"仿宋_GB2312": "FangSong"}


def test_ok_saves_and_window_is_told(window, qtbot, monkeypatch):
    seen = []
    window.settingsChanged.connect(seen.append)

    def fill_and_accept(dlg):
        dlg.autosave.setValue(90)
        dlg.language.setCurrentIndex(dlg.language.findData("zh_TW"))
        dlg.export_style.setCurrentIndex(dlg.export_style.findData("plain"))
        dlg.double_click.setChecked(False)
        dlg.fonts.item(0, 1).setText("SimSun")
        dlg.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", fill_and_accept)
    window.actions_by_name["preferences"].trigger()
    s = Settings()  # read back from disk
    assert s.get("autosave_seconds") == 90
    assert s.get("ui_language") == "zh_TW"
    assert s.get("export_style") == "plain"
    assert s.get("phrase_insert_on_double_click") is False
    assert s.get("font_fallbacks") == {"方正小标宋简体": "SimSun"}
    assert seen
    assert set(seen[0]) == {"autosave_seconds", "ui_language", "export_style",
                                     "phrase_insert_on_double_click", "font_fallbacks"}
    assert "重新启动" in window.statusBar().currentMessage()


def test_cancel_changes_nothing(window, monkeypatch):
    def change_and_cancel(dlg):
        dlg.autosave.setValue(600)
        dlg.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PreferencesDialog, "exec", change_and_cancel)
    window.actions_by_name["preferences"].trigger()
    assert Settings().get("autosave_seconds") == 30


def test_theme_applies_at_once(window, monkeypatch, qapp):
    from editor.gui.window.theme import apply_theme, is_dark

    def pick_dark(dlg):
        dlg.theme.setCurrentIndex(dlg.theme.findData("dark"))
        dlg.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", pick_dark)
    try:
        window.actions_by_name["preferences"].trigger()
        assert is_dark(qapp.palette())
    finally:
        apply_theme(qapp, "light")


def test_restore_defaults(qtbot):
    s = Settings()
    s.set("autosave_seconds", 300)
    dlg = PreferencesDialog(s)
    qtbot.addWidget(dlg)
    dlg.restore_defaults()
    assert dlg.autosave.value() == 30
    assert s.get("autosave_seconds") == 300  # only OK saves
