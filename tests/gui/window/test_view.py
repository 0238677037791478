"""View actions: zoom, full screen, focus mode, remembered layout; printing to PDF."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog


@pytest.fixture
def bank(make_bank):
    return make_bank()  # an empty bank: building the bundled one is slow


def test_zoom_scales_text_and_is_remembered(make_window):
    w = make_window()
    base = w.editor.document().defaultFont().pointSizeF()
    w.actions_by_name["zoom_in"].trigger()
    w.actions_by_name["zoom_in"].trigger()
    assert w.editor.document().defaultFont().pointSizeF() == pytest.approx(base * 1.2)
    assert w.status_widgets.zoom_label.text() == "120%"
    assert w.settings.get("zoom") == 2
    w.actions_by_name["zoom_out"].trigger()
    assert w.settings.get("zoom") == 1
    w2 = make_window()
    assert w2.editor.document().defaultFont().pointSizeF() == pytest.approx(base * 1.1)
    w2.actions_by_name["zoom_reset"].trigger()
    assert w2.editor.document().defaultFont().pointSizeF() == pytest.approx(base)
    assert not w2.editor.document().isModified()


def test_zoom_has_limits(make_window):
    w = make_window()
    for _ in range(30):
        w.actions_by_name["zoom_out"].trigger()
    assert w.view_actions.zoom_percent() == 50
    assert not w.actions_by_name["zoom_out"].isEnabled()


def test_focus_mode_hides_panels_and_toolbars_and_restores(make_window, qtbot):
    w = make_window()
    assert w.phrase_dock.isVisible()
    assert w.toolbar.isVisible()
    w.actions_by_name["focus_mode"].trigger()
    assert not w.phrase_dock.isVisible()
    assert not w.toolbar.isVisible()
    assert not w.format_toolbar.isVisible()
    assert not w.statusBar().isVisible()
    assert w.menuBar().isVisible()  # every action stays reachable
    w.editor.setPlainText("甲")
    w.activateWindow()
    w.editor.setFocus()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w.editor, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert w.editor.document().firstBlock().blockFormat().headingLevel() == 1
    w.actions_by_name["focus_mode"].trigger()
    assert w.phrase_dock.isVisible()
    assert w.toolbar.isVisible()
    assert w.statusBar().isVisible()


def test_full_screen_toggles(make_window, qtbot):
    w = make_window()
    w.actions_by_name["full_screen"].trigger()
    qtbot.waitUntil(w.isFullScreen)
    w.actions_by_name["full_screen"].trigger()
    qtbot.waitUntil(lambda: not w.isFullScreen())


def test_geometry_and_panel_layout_remembered(make_window):
    w = make_window()
    w.resize(700, 500)
    w.phrase_dock.hide()
    assert w.close()
    assert w.settings.get("window_geometry")
    assert w.settings.get("window_state")
    w2 = make_window()
    assert not w2.phrase_dock.isVisible()
    assert (w2.width(), w2.height()) == (700, 500)


def test_focus_mode_not_saved_as_layout(make_window):
    w = make_window()
    w.actions_by_name["focus_mode"].trigger()
    assert w.close()
    w2 = make_window()
    assert w2.phrase_dock.isVisible()
    assert w2.toolbar.isVisible()


def test_export_pdf_writes_pages_at_100_percent(make_window, tmp_path, no_blocking_dialogs):
    w = make_window()
    w.editor.setPlainText("一、总体情况\n今年以来，我们坚持稳中求进。")
    w.actions_by_name["zoom_in"].trigger()
    target = tmp_path / "稿.pdf"
    no_blocking_dialogs.answers["save"] = str(target)
    w.actions_by_name["print_pdf"].trigger()
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Type /Page" in data or b"/Type/Page" in data


def test_print_uses_dialog_and_prints(make_window, tmp_path, monkeypatch):
    w = make_window()
    w.editor.setPlainText("打印内容")
    printed = []

    def fake_exec(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printed.append(printer)
        return 1

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    w.actions_by_name["print"].trigger()
    assert printed
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 0)
    assert w.print_actions.print_dialog() is False


def test_no_two_actions_share_a_shortcut(make_window):
    from PySide6.QtGui import QAction

    w = make_window()
    owners: dict[str, str] = {}
    clashes = []
    for act in w.findChildren(QAction):
        for seq in act.shortcuts():
            key = seq.toString()
            if key and owners.setdefault(key, act.objectName() or act.text()) != (act.objectName() or act.text()):
                clashes.append(f"{key}: {owners[key]} / {act.objectName() or act.text()}")
    assert not clashes


def test_recent_files_menu_reopens_and_clears(make_window, tmp_path):
    first, second = tmp_path / "甲.txt", tmp_path / "乙.txt"
    first.write_text("甲稿", encoding="utf-8")
    second.write_text("乙稿", encoding="utf-8")
    w = make_window()
    assert w.session.open_path(first)
    assert w.session.open_path(second)
    w.recent_menu.aboutToShow.emit()
    items = [a for a in w.recent_menu.actions() if a.toolTip().endswith(".txt")]
    assert [a.text() for a in items] == ["&1 乙.txt", "&2 甲.txt"]
    items[1].trigger()
    assert w.editor.plain_text() == "甲稿"
    w.recent_menu.aboutToShow.emit()
    clear = [a for a in w.recent_menu.actions() if "清除" in a.text()]
    clear[0].trigger()
    assert w.settings.get("recent_files") == []


def test_tooltips_name_the_shortcut(make_window):
    w = make_window()
    assert w.actions_by_name["save"].toolTip() == "保存（Ctrl+S）"
    assert w.actions_by_name["find"].toolTip().startswith("查找和替换（")


def test_focus_mode_centres_a_text_column(make_window, qtbot):
    w = make_window()
    w.resize(1200, 700)
    w.actions_by_name["focus_mode"].trigger()
    qtbot.waitUntil(lambda: w.editor.viewportMargins().left() > 0)
    margins = w.editor.viewportMargins()
    assert margins.left() == margins.right()
    w.actions_by_name["focus_mode"].trigger()
    assert w.editor.viewportMargins().left() == 0
