"""Paragraph styles through the real actions, shortcuts and toolbar combo."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor

from editor.gui.document.paragraph_styles import STYLE_PROPERTY, STYLES, block_style
from tests.gui.helpers import commit_text


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


# -- Enter: Word's "style for following paragraph" ----------------------------------------------


def _char_at(block, offset=0):
    cur = QTextCursor(block)
    cur.setPosition(block.position() + offset + 1)
    return cur.charFormat()


@pytest.mark.parametrize("style_id", ["title", "heading1", "heading2", "heading3", "heading4"])
def test_enter_at_end_of_a_heading_gives_body_text_everywhere(window, qtbot, tmp_path, style_id):
    from editor.core.formats.document_files import read_document

    window.settings.set("auto_format_headings", False)
    commit_text(window.editor, "关于加强管理的通知")
    window.actions_by_name[f"style_{style_id}"].trigger()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    commit_text(window.editor, "各单位要认真落实")
    doc = window.editor.document()
    first, second = doc.firstBlock(), doc.firstBlock().next()
    assert block_style(first) == style_id
    # model, style box and view
    assert block_style(second) == "body"
    assert second.blockFormat().headingLevel() == 0
    assert not second.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    assert window.paragraph_styles.combo.currentData() == "body"
    assert window.actions_by_name["style_body"].isChecked()
    fmt = _char_at(second)
    assert fmt.fontWeight() == QFont.Weight.Normal
    assert fmt.intProperty(fmt.Property.FontSizeAdjustment) == 0
    # the saved file
    path = tmp_path / "out.docx"
    assert window.session.save_to(path)
    saved = read_document(path)
    assert [p.style for p in saved.paragraphs] == [style_id, "body"]
    reopened = window.session.open_path(path)
    assert reopened
    second = window.editor.document().firstBlock().next()
    assert block_style(second) == "body"
    assert _char_at(second).fontWeight() == QFont.Weight.Normal


def test_enter_in_the_middle_of_a_heading_splits_it_into_two_headings(window, qtbot):
    commit_text(window.editor, "一、总体情况")
    window.actions_by_name["style_heading1"].trigger()
    cur = window.editor.textCursor()
    cur.setPosition(3)
    window.editor.setTextCursor(cur)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    doc = window.editor.document()
    assert [block_style(doc.findBlockByNumber(i)) for i in range(2)] == ["heading1", "heading1"]


def test_enter_after_a_heading_is_one_undo_step(window, qtbot):
    commit_text(window.editor, "一、总体情况")
    window.actions_by_name["style_heading1"].trigger()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert window.editor.document().blockCount() == 2
    window.actions_by_name["undo"].trigger()
    assert window.editor.plain_text() == "一、总体情况"
    assert block_style(window.editor.document().firstBlock()) == "heading1"


# -- auto-format headings ----------------------------------------------------------------------


@pytest.mark.parametrize(("line", "style_id"), [
    ("一、总体情况", "heading1"),
    ("四、工作措施", "heading1"),
    ("（一）加强组织领导", "heading2"),
    ("(二)压实工作责任", "heading2"),
    ("1.明确目标任务", "heading3"),
    ("2．细化工作措施", "heading3"),
    ("（1）建立台账", "heading4"),
])
def test_enter_after_a_numbered_short_line_makes_it_a_heading(window, qtbot, line, style_id):
    commit_text(window.editor, line)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    commit_text(window.editor, "各单位要高度重视。")
    doc = window.editor.document()
    assert block_style(doc.firstBlock()) == style_id
    assert block_style(doc.firstBlock().next()) == "body"
    assert window.paragraph_styles.combo.currentData() == "body"
    assert window.editor.plain_text() == line + "\n各单位要高度重视。"
    assert "Ctrl+Z" in window.statusBar().currentMessage()


@pytest.mark.parametrize("line", [
    "一、总体情况。",  # ends like a sentence
    "1.加强组织领导。各单位要把这项工作摆上重要议事日程",  # a heading run into its paragraph
    "一、今年以来我们坚持以人民为中心的发展思想全面推进各项工作取得明显成效",  # too long for a heading
    "1.5亿元资金已经拨付到位",  # a number, not numbering
    "加强组织领导",  # no numbering
    "一、",  # numbering alone
])
def test_lines_that_are_not_headings_stay_body(window, qtbot, line):
    commit_text(window.editor, line)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert block_style(window.editor.document().firstBlock()) == "body"


def test_numbered_lines_in_tables_and_lists_are_not_auto_formatted(window, qtbot):
    from PySide6.QtGui import QTextListFormat

    cur = window.editor.textCursor()
    cur.insertTable(1, 2)
    window.editor.setTextCursor(cur)
    commit_text(window.editor, "1.加强领导")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert window.editor.textCursor().currentTable() is not None
    cell = window.editor.textCursor().currentTable().cellAt(0, 0)
    assert block_style(cell.firstCursorPosition().block()) == "body"

    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    cur = window.editor.textCursor()
    cur.insertList(QTextListFormat.Style.ListDecimal)
    window.editor.setTextCursor(cur)
    commit_text(window.editor, "一、列表项")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    item = window.editor.textCursor().block().previous()
    assert item.text() == "一、列表项"
    assert block_style(item) == "body"


def test_one_undo_takes_back_the_auto_format_and_keeps_the_paragraph(window, qtbot):
    commit_text(window.editor, "（一）加强组织领导")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert block_style(window.editor.document().firstBlock()) == "heading2"
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    doc = window.editor.document()
    assert block_style(doc.firstBlock()) == "body"
    assert _char_at(doc.firstBlock()).fontFamilies() != list(STYLES[2].families)
    assert window.editor.plain_text() == "（一）加强组织领导\n"
    assert window.editor.textCursor().blockNumber() == 1


def test_preference_turns_auto_format_off(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from editor.gui.window.preferences_dialog import PreferencesDialog

    def untick_and_accept(dlg):
        assert dlg.auto_headings.isChecked()
        dlg.auto_headings.setChecked(False)
        dlg.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", untick_and_accept)
    window.actions_by_name["preferences"].trigger()
    assert window.settings.get("auto_format_headings") is False
    commit_text(window.editor, "一、总体情况")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert block_style(window.editor.document().firstBlock()) == "body"
    assert window.editor.plain_text() == "一、总体情况\n"


def test_enter_after_a_heading_of_an_opened_word_file_saves_a_normal_paragraph(window, qtbot, tmp_path):
    import docx

    source = tmp_path / "in.docx"
    d = docx.Document()
    d.add_paragraph("一、总体情况", style="Heading 1")
    d.add_paragraph("今年以来，各项工作稳步推进。")
    d.save(str(source))
    assert window.session.open_path(source)
    first = window.editor.document().firstBlock()
    assert block_style(first) == "heading1"
    cur = QTextCursor(first)
    cur.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cur)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    commit_text(window.editor, "新增的正文段落")
    assert window.paragraph_styles.combo.currentData() == "body"
    out = tmp_path / "out.docx"
    assert window.session.save_to(out)
    saved = docx.Document(str(out))
    styles = [(p.text, p.style.name) for p in saved.paragraphs]
    assert styles[0] == ("一、总体情况", "Heading 1")
    assert styles[1][0] == "新增的正文段落"
    assert not styles[1][1].startswith("Heading")
    assert saved.paragraphs[1].paragraph_format.element.pPr is None or \
        saved.paragraphs[1].paragraph_format.element.pPr.find(docx.oxml.ns.qn("w:outlineLvl")) is None
