"""Find and replace, with 简繁-insensitive matching."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextEdit

from editor.gui.document.find_replace import FindReplaceDialog, find_all, fold


@pytest.fixture
def dialog(qtbot):
    editor = QTextEdit()
    qtbot.addWidget(editor)
    dlg = FindReplaceDialog(editor)
    qtbot.addWidget(dlg)
    return dlg


def test_fold_keeps_length_and_matches_scripts():
    text = "經濟發展，頭髮ABC"
    folded = fold(text, True, True)
    assert len(folded) == len(text)
    assert folded == "经济发展，头发abc"
    assert fold(text, False, False) == text


def test_find_all_non_overlapping():
    assert find_all("aaaa", "aa") == [0, 2]
    assert find_all("abc", "") == []


def test_simplified_query_finds_traditional_text(dialog):
    dialog.editor.setPlainText("一、總體情況\n經濟發展穩中向好")
    dialog.find_edit.setText("经济发展")
    assert dialog.find_text()
    assert dialog.editor.textCursor().selectedText() == "經濟發展"


def test_traditional_query_finds_simplified_and_wraps(dialog):
    dialog.editor.setPlainText("发展甲发展")
    dialog.find_edit.setText("發展")
    assert dialog.find_text()
    assert dialog.editor.textCursor().selectionStart() == 0
    assert dialog.find_text()
    assert dialog.editor.textCursor().selectionStart() == 3
    assert dialog.find_text()  # wraps around
    assert dialog.editor.textCursor().selectionStart() == 0
    assert dialog.find_text(backward=True)
    assert dialog.editor.textCursor().selectionStart() == 3


def test_script_matching_can_be_turned_off(dialog):
    dialog.editor.setPlainText("經濟")
    dialog.script.setChecked(False)
    dialog.find_edit.setText("经济")
    assert not dialog.find_text()
    assert "经济" in dialog.status.text()


def test_case_sensitivity(dialog):
    dialog.editor.setPlainText("GDP gdp")
    dialog.find_edit.setText("gdp")
    dialog.case.setChecked(True)
    dialog.replace_edit.setText("x")
    assert dialog.replace_all() == 1
    assert dialog.editor.toPlainText() == "GDP x"


def test_replace_all_mixed_scripts_one_undo(dialog):
    dialog.editor.setPlainText("發展和发展，再發展")
    dialog.find_edit.setText("发展")
    dialog.replace_edit.setText("高质量发展")
    assert dialog.replace_all() == 3
    assert dialog.editor.toPlainText() == "高质量发展和高质量发展，再高质量发展"
    assert "3" in dialog.status.text()
    dialog.editor.undo()
    assert dialog.editor.toPlainText() == "發展和发展，再發展"


def test_replace_one_replaces_current_match_then_moves_on(dialog):
    dialog.editor.setPlainText("後来 后来")
    dialog.find_edit.setText("后来")
    dialog.replace_edit.setText("此后")
    assert dialog.find_text()
    dialog.replace_one()
    assert dialog.editor.toPlainText() == "此后 后来"
    assert dialog.editor.textCursor().selectedText() == "后来"


def test_find_in_second_paragraph_positions_map(dialog):
    dialog.editor.setPlainText("第一段\n第二段有關鍵詞")
    dialog.find_edit.setText("关键词")
    assert dialog.find_text()
    assert dialog.editor.textCursor().selectedText() == "關鍵詞"
