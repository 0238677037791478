"""Paragraph styles through the real actions, shortcuts and toolbar combo."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor

from editor.gui.document.paragraph_styles import STYLE_PROPERTY, STYLES, block_style


@pytest.fixture
def bank(make_bank):
    return make_bank()  # an empty bank: building the bundled one is slow


def _put_cursor_in_block(window, n):
    cur = QTextCursor(window.editor.document().findBlockByNumber(n))
    window.editor.setTextCursor(cur)


def test_heading_action_sets_level_property_and_format_in_one_undo_step(window):
    window.editor.setPlainText("关于2024年工作的总结\n一、总体情况\n今年以来")
    _put_cursor_in_block(window, 1)
    window.actions_by_name["style_heading1"].trigger()
    block = window.editor.document().findBlockByNumber(1)
    assert block.blockFormat().headingLevel() == 1
    assert block.blockFormat().property(STYLE_PROPERTY) == "heading1"
    assert block_style(block) == "heading1"
    fmt = QTextCursor(block).charFormat()
    cur = QTextCursor(block)
    cur.movePosition(QTextCursor.MoveOperation.Right)
    assert cur.charFormat().fontWeight() == QFont.Weight.Bold
    assert cur.charFormat().intProperty(fmt.Property.FontSizeAdjustment) == 1
    assert window.paragraph_styles.combo.currentData() == "heading1"
    assert window.actions_by_name["style_heading1"].isChecked()
    window.editor.undo()
    assert window.editor.document().findBlockByNumber(1).blockFormat().headingLevel() == 0
    assert window.editor.plain_text() == "关于2024年工作的总结\n一、总体情况\n今年以来"


def test_title_is_centered_and_told_apart_from_body(window):
    window.editor.setPlainText("标题文字\n正文")
    _put_cursor_in_block(window, 0)
    window.actions_by_name["style_title"].trigger()
    block = window.editor.document().firstBlock()
    assert block.blockFormat().headingLevel() == 0
    assert block_style(block) == "title"
    assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    assert block_style(block.next()) == "body"
    # Back to body: centring and the property go away.
    window.actions_by_name["style_body"].trigger()
    block = window.editor.document().firstBlock()
    assert block_style(block) == "body"
    assert not block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


def test_selection_across_paragraphs_styles_each(window):
    window.editor.setPlainText("（一）甲\n（二）乙\n丙")
    cur = QTextCursor(window.editor.document())
    cur.setPosition(2)
    cur.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cur)
    window.actions_by_name["style_heading2"].trigger()
    levels = [window.editor.document().findBlockByNumber(i).blockFormat().headingLevel() for i in range(3)]
    assert levels == [2, 2, 0]


def test_combo_applies_style_and_follows_cursor(window):
    window.editor.setPlainText("甲\n乙")
    _put_cursor_in_block(window, 1)
    combo = window.paragraph_styles.combo
    combo.activated.emit(combo.findData("heading3"))
    assert window.editor.document().findBlockByNumber(1).blockFormat().headingLevel() == 3
    _put_cursor_in_block(window, 0)
    assert combo.currentData() == "body"
    _put_cursor_in_block(window, 1)
    assert combo.currentData() == "heading3"
    assert combo.accessibleName()


def test_shortcuts_are_distinct_and_keyboard_reachable(window, qtbot):
    keys = [window.actions_by_name[f"style_{s.id}"].shortcut().toString() for s in STYLES]
    assert len(set(keys)) == len(keys)
    window.editor.setPlainText("甲")
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document().firstBlock().blockFormat().headingLevel() == 2
    qtbot.keyClick(window.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document().firstBlock().blockFormat().headingLevel() == 0
