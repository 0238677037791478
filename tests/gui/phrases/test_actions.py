"""The bank's actions: favourite, hide, edit, delete, add the selection, import/export the user's phrases."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QMessageBox

from editor.core.bank.store import PhraseBank
from editor.core.model.phrases import Phrase
from editor.core.settings import Settings
from editor.gui.phrases import actions as phrase_actions
from editor.gui.phrases.panel import PhrasePanel
from editor.gui.window.main_window import MainWindow
from tests.gui.helpers import act
from tests.gui.phrases.test_panel import find_leaf, leaves


@pytest.fixture
def bank(make_bank):
    return make_bank([
        Phrase("高度重视，加强领导", "measures", "heading", 9),
        Phrase("压实责任", "measures", "collocation", 8),
        Phrase("同志们", "closing", "collocation", 5),
    ])


def select(window, text):
    window.phrase_panel.tree.setCurrentIndex(find_leaf(window.phrase_panel.model, text))


def answer_dialog(monkeypatch, text=None, section=None, kind=None, accept=True):
    """Drive PhraseDialog: fill it the way a user would, then accept or cancel."""
    seen = []

    def run(dialog):
        seen.append(dialog.values())
        if text is not None:
            dialog.text_edit.setText(text)
        if section is not None:
            dialog.section_box.setCurrentIndex(dialog.section_box.findData(section))
        if kind is not None:
            dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(kind))
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(phrase_actions.PhraseDialog, "exec", run)
    return seen


def test_favourite_comes_first_and_is_starred(window, bank):
    select(window, "压实责任")
    act(window, "phrase_favourite")
    model = window.phrase_panel.model
    measures = model.index(0, 0)
    assert bank.search("压实责任")[0].favourite
    first_kind = model.index(0, 0, measures)
    assert model.index(0, 0, first_kind).data() in ("高度重视，加强领导", "压实责任")
    assert bank.search()[0].text == "压实责任"
    assert window.phrase_panel.current_phrase().text == "压实责任"  # selection kept across reload
    assert window.phrase_panel.current_phrase().favourite
    act(window, "phrase_favourite")
    assert not bank.search("压实责任")[0].favourite


def test_hide_removes_and_show_hidden_brings_back(window, bank):
    select(window, "同志们")
    act(window, "phrase_hide")
    assert "同志们" not in [t for _, t in leaves(window.phrase_panel.model)]
    act(window, "phrase_show_hidden")  # checkable: now on
    assert window.actions_by_name["phrase_show_hidden"].isChecked()
    assert "同志们" in [t for _, t in leaves(window.phrase_panel.model)]
    select(window, "同志们")
    act(window, "phrase_hide")  # unhide
    assert not bank.search("同志们", include_hidden=True)[0].hidden
    act(window, "phrase_show_hidden")  # off again: the phrase stays listed, it is no longer hidden
    assert "同志们" in [t for _, t in leaves(window.phrase_panel.model)]
    window.phrase_panel.refresh()  # and a reload agrees with the in-place change
    assert "同志们" in [t for _, t in leaves(window.phrase_panel.model)]


def test_edit_changes_text_section_and_kind_and_marks_it_mine(window, bank, monkeypatch):
    seen = answer_dialog(monkeypatch, text="压紧压实责任", section="next_steps", kind="template")
    select(window, "压实责任")
    act(window, "phrase_edit")
    assert seen == [("压实责任", "measures", "collocation")]
    p = bank.search("压紧压实责任")[0]
    assert (p.section, p.kind, p.user) == ("next_steps", "template", True)
    assert ("下一步 (1)", "压紧压实责任") in leaves(window.phrase_panel.model)


def test_edit_cancelled_changes_nothing(window, bank, monkeypatch):
    answer_dialog(monkeypatch, text="改了", accept=False)
    select(window, "压实责任")
    act(window, "phrase_edit")
    assert bank.search("改了") == []


def test_delete_asks_then_deletes(window, bank, no_blocking_dialogs):
    select(window, "同志们")
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.No
    act(window, "phrase_delete")
    assert bank.search("同志们")
    no_blocking_dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    act(window, "phrase_delete")
    assert bank.search("同志们") == []
    assert "同志们" not in [t for _, t in leaves(window.phrase_panel.model)]


def test_add_selection_to_bank_with_section_and_kind(window, bank, monkeypatch):
    window.editor.setPlainText("标题\n二、存在问题\n学习不够深入")
    cur = window.editor.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.End)
    cur.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cur)
    window.editor.update_context()
    seen = answer_dialog(monkeypatch, kind="collocation")
    act(window, "phrase_add_selection")
    assert seen == [("学习不够深入", "problems", "collocation")]  # section suggested from the cursor
    p = bank.search("学习不够深入")[0]
    assert (p.section, p.user) == ("problems", True)
    assert window.phrase_panel.current_phrase().text == "学习不够深入"
    window.phrase_panel.tree.viewport().grab()  # the user mark paints


def test_user_phrases_survive_re_mining(window, bank, monkeypatch):
    window.editor.setPlainText("我的常用语")
    window.editor.selectAll()
    answer_dialog(monkeypatch)
    act(window, "phrase_add_selection")
    bank.replace_mined([Phrase("新挖掘的短语", "general", "collocation", 1)])
    window.phrase_panel.refresh()
    texts = [t for _, t in leaves(window.phrase_panel.model)]
    assert "我的常用语" in texts
    assert "新挖掘的短语" in texts


def test_export_then_import_user_phrases(window, bank, tmp_path, no_blocking_dialogs, monkeypatch):
    window.editor.setPlainText("我的常用语")
    window.editor.selectAll()
    answer_dialog(monkeypatch, section="closing")
    act(window, "phrase_add_selection")
    target = tmp_path / "我的短语.json"
    no_blocking_dialogs.answers["save"] = str(target)
    act(window, "phrase_export")
    items = json.loads(target.read_text(encoding="utf-8"))
    assert {"text": "我的常用语", "section": "closing"}.items() <= next(i for i in items if i["text"] == "我的常用语").items()
    other = PhraseBank(tmp_path / "other.db")
    w2 = MainWindow(settings=Settings(), bank=other)
    no_blocking_dialogs.answers["open"] = str(target)
    w2.actions_by_name["phrase_import"].trigger()
    assert ("结尾 (1)", "我的常用语") in leaves(w2.phrase_panel.model)
    w2.close()
    other.close()


def test_import_bad_json_names_the_file(window, tmp_path, no_blocking_dialogs):
    bad = tmp_path / "坏文件.json"
    bad.write_text("{not json", encoding="utf-8")
    no_blocking_dialogs.answers["open"] = str(bad)
    act(window, "phrase_import")
    title, text = no_blocking_dialogs.shown[-1]
    assert "坏文件.json" in text
    bad.write_text('{"text": "不是列表"}', encoding="utf-8")
    act(window, "phrase_import")
    assert "坏文件.json" in no_blocking_dialogs.shown[-1][1]


def test_context_menu_offers_the_actions(window, monkeypatch):
    shown = []
    build = PhrasePanel.build_menu

    def build_and_patch(panel):
        # QMenu.exec patched on the class has no effect in PySide6 6.12 (HAZARDS.md); on the instance it does.
        menu = build(panel)
        menu.exec = lambda pos: shown.append([x.text() for x in menu.actions()])
        return menu

    monkeypatch.setattr(PhrasePanel, "build_menu", build_and_patch)
    select(window, "同志们")
    rect = window.phrase_panel.tree.visualRect(window.phrase_panel.tree.currentIndex())
    window.phrase_panel.tree.customContextMenuRequested.emit(rect.center() if rect.isValid() else QPoint(1, 1))
    assert shown
    names = " ".join(shown[0])
    for word in ("插入", "收藏", "编辑", "隐藏", "删除"):
        assert word in names
