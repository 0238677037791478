"""格式 menu keys as in Word/WPS: B/I/U, alignment, 清除格式, 粘贴为纯文本, Ctrl+Y redo — by real key presses."""
from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar

from tests.gui.helpers import act, commit_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def select(editor, start: int, end: int) -> None:
    cur = editor.textCursor()
    cur.setPosition(start)
    cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cur)


def char_at(editor, pos: int):
    cur = QTextCursor(editor.document())
    cur.setPosition(pos + 1)  # the format of the character before the position
    return cur.charFormat()


def key(window, k, mods=CTRL) -> None:
    window.editor.setFocus()
    QTest.keyClick(window.editor, k, mods)


def test_ctrl_b_i_u_toggle_the_selection_each_one_undo_step(window, tmp_path):
    ed = window.editor
    commit_text(ed, "加强组织领导")
    select(ed, 2, 4)
    key(window, Qt.Key.Key_B)
    key(window, Qt.Key.Key_I)
    key(window, Qt.Key.Key_U)
    fmt = char_at(ed, 2)
    assert fmt.fontWeight() >= QFont.Weight.Bold.value
    assert fmt.fontItalic()
    assert fmt.fontUnderline()
    assert char_at(ed, 0).fontWeight() < QFont.Weight.DemiBold.value  # outside the selection: untouched
    assert char_at(ed, 4).fontUnderline() is False
    assert window.actions_by_name["format_bold"].isChecked()
    # Saved to Word as direct run formatting.
    target = tmp_path / "biu.docx"
    assert window.session.save_to(target)
    runs = docx.Document(str(target)).paragraphs[0].runs
    emphasised = [r for r in runs if r.text == "组织"]
    assert emphasised
    assert emphasised[0].bold
    assert emphasised[0].italic
    assert emphasised[0].underline
    assert all(not r.bold for r in runs if r.text != "组织")
    # Each key is one undo step: Ctrl+Z three times takes off U, I, B in turn.
    key(window, Qt.Key.Key_Z)
    assert not char_at(ed, 2).fontUnderline()
    assert char_at(ed, 2).fontItalic()
    key(window, Qt.Key.Key_Z)
    assert not char_at(ed, 2).fontItalic()
    assert char_at(ed, 2).fontWeight() >= QFont.Weight.Bold.value
    key(window, Qt.Key.Key_Z)
    assert char_at(ed, 2).fontWeight() < QFont.Weight.DemiBold.value
    assert ed.toPlainText() == "加强组织领导"
    # Ctrl+B again on the bold text turns it off.
    key(window, Qt.Key.Key_Y)  # Ctrl+Y redoes, as in WPS
    assert char_at(ed, 2).fontWeight() >= QFont.Weight.Bold.value
    select(ed, 2, 4)
    key(window, Qt.Key.Key_B)
    assert char_at(ed, 2).fontWeight() < QFont.Weight.DemiBold.value


def test_ctrl_b_without_selection_sets_the_typing_format(window):
    ed = window.editor
    commit_text(ed, "普通")
    key(window, Qt.Key.Key_B)
    assert window.actions_by_name["format_bold"].isChecked()
    commit_text(ed, "加粗")
    key(window, Qt.Key.Key_B)
    commit_text(ed, "又普通")
    assert char_at(ed, 0).fontWeight() < QFont.Weight.DemiBold.value
    assert char_at(ed, 2).fontWeight() >= QFont.Weight.Bold.value
    assert char_at(ed, 3).fontWeight() >= QFont.Weight.Bold.value
    assert char_at(ed, 4).fontWeight() < QFont.Weight.DemiBold.value
    assert not window.actions_by_name["format_bold"].isChecked()


@pytest.mark.parametrize(("k", "name", "flag", "word"), [
    (Qt.Key.Key_E, "align_center", Qt.AlignmentFlag.AlignHCenter, 1),
    (Qt.Key.Key_R, "align_right", Qt.AlignmentFlag.AlignRight, 2),
    (Qt.Key.Key_J, "align_justify", Qt.AlignmentFlag.AlignJustify, 3),
])
def test_alignment_keys_align_the_paragraphs_and_save(window, tmp_path, k, name, flag, word):
    ed = window.editor
    commit_text(ed, "第一段")
    QTest.keyClick(ed, Qt.Key.Key_Return)
    commit_text(ed, "第二段")
    QTest.keyClick(ed, Qt.Key.Key_Return)
    commit_text(ed, "第三段")
    select(ed, 1, 5)  # from the first paragraph into the second
    key(window, k)
    blocks = [ed.document().findBlockByNumber(i).blockFormat().alignment() for i in range(3)]
    assert blocks[0] & flag
    assert blocks[1] & flag
    assert not blocks[2] & flag
    assert window.actions_by_name[name].isChecked()
    assert not window.actions_by_name["align_left"].isChecked()
    target = tmp_path / "align.docx"
    assert window.session.save_to(target)
    paras = docx.Document(str(target)).paragraphs
    assert [p.alignment for p in paras[:2]] == [word, word]
    assert paras[2].alignment in (None, 0)
    key(window, Qt.Key.Key_Z)  # one undo step for both paragraphs
    assert not any(ed.document().findBlockByNumber(i).blockFormat().alignment() & flag for i in range(3))
    key(window, Qt.Key.Key_Y)
    select(ed, 1, 1)
    key(window, Qt.Key.Key_L)
    assert not ed.document().firstBlock().blockFormat().alignment() & flag
    assert window.actions_by_name["align_left"].isChecked()


def test_centre_on_x11_style_bindings_is_not_taken_by_the_text_widget(window):
    """Ctrl+E / Ctrl+U are 'end of line' / 'delete line' for Qt's text control on some desktops."""
    ed = window.editor
    for name in ("format_bold", "format_underline", "align_center", "paste_plain", "format_clear"):
        seq = window.actions_by_name[name].shortcut()
        assert seq[0].toCombined() in ed.window_keys


def test_clear_format_removes_pasted_web_looks_but_keeps_links(window, tmp_path):
    ed = window.editor
    ed.setAcceptRichText(True)
    mime = QMimeData()
    mime.setHtml('<p>前文<span style="font-family:Arial;font-size:28pt;color:#ff0000;font-weight:bold">'
                 '红色大字</span><a href="https://example.org/">链接</a></p>')
    # Ordinary paste of a web page already drops its fonts, sizes and colours (bold stays).
    ed.insertFromMimeData(mime)
    text = ed.toPlainText()
    start = text.index("红")
    fmt = char_at(ed, start)
    assert not fmt.hasProperty(fmt.Property.FontPointSize)
    assert fmt.foreground().style() == Qt.BrushStyle.NoBrush
    assert not fmt.hasProperty(fmt.Property.FontFamilies)
    assert fmt.fontWeight() >= QFont.Weight.Bold.value
    # 清除格式 (Ctrl+Space) takes the bold off too: the paragraph style's look, the link kept.
    ed.selectAll()
    key(window, Qt.Key.Key_Space)
    fmt = char_at(ed, start)
    assert fmt.fontWeight() < QFont.Weight.DemiBold.value
    link = char_at(ed, text.index("链"))
    assert link.isAnchor()
    assert link.anchorHref() == "https://example.org/"
    target = tmp_path / "clean.docx"
    assert window.session.save_to(target)
    runs = docx.Document(str(target)).paragraphs[0].runs
    assert all(not r.bold and r.font.size is None and r.font.color.rgb is None for r in runs)
    key(window, Qt.Key.Key_Z)  # one undo step
    assert char_at(ed, start).fontWeight() >= QFont.Weight.Bold.value


def test_clear_format_of_foreign_rich_text_pasted_before_the_tidy(window):
    """Formatting already in a document (28 pt red Arial typed in by Qt) goes with 清除格式."""
    from PySide6.QtGui import QColor, QTextCharFormat

    ed = window.editor
    fmt = QTextCharFormat()
    fmt.setFontFamilies(["Arial"])
    fmt.setFontPointSize(28)
    fmt.setForeground(QColor("red"))
    ed.textCursor().insertText("红色大字", fmt)
    ed.selectAll()
    act(window, "format_clear")
    out = char_at(ed, 1)
    assert out.fontPointSize() == 0
    assert out.foreground().style() == Qt.BrushStyle.NoBrush
    assert "Arial" not in out.fontFamilies()


def test_own_copy_keeps_its_formats_on_paste(window):
    ed = window.editor
    commit_text(ed, "甲乙")
    fmt = ed.currentCharFormat()
    select(ed, 0, 2)
    fmt.setFontPointSize(22)
    ed.mergeCurrentCharFormat(fmt)
    mime = ed.createMimeDataFromSelection()
    cur = ed.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.End)
    ed.setTextCursor(cur)
    ed.insertFromMimeData(mime)
    assert ed.toPlainText() == "甲乙甲乙"
    assert char_at(ed, 3).fontPointSize() == 22


def test_paste_as_plain_text_takes_the_paragraph_format(window, qtbot):
    ed = window.editor
    commit_text(ed, "一、总体情况")
    act(window, "style_heading1")
    mime = QMimeData()
    mime.setHtml('<span style="font-family:Arial;font-size:28pt;color:#ff0000">红色</span>')
    mime.setText("红色\n第二行")
    QGuiApplication.clipboard().setMimeData(mime)
    key(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert ed.toPlainText() == "一、总体情况红色\n第二行"
    heading = char_at(ed, 0)
    pasted = char_at(ed, ed.toPlainText().index("红"))
    assert pasted.fontFamilies() == heading.fontFamilies()
    assert pasted.fontPointSize() == heading.fontPointSize()
    assert pasted.foreground().style() == Qt.BrushStyle.NoBrush
    key(window, Qt.Key.Key_Z)  # one undo step
    assert ed.toPlainText() == "一、总体情况"
    assert window.actions_by_name["paste_plain"] in window.menu("edit").actions()


def test_ctrl_y_and_ctrl_shift_z_both_redo(window):
    ed = window.editor
    commit_text(ed, "文字")
    redo = window.actions_by_name["redo"]
    keys = {s.toString() for s in redo.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys
    key(window, Qt.Key.Key_Z)
    assert ed.toPlainText() == ""
    key(window, Qt.Key.Key_Y)
    assert ed.toPlainText() == "文字"
    key(window, Qt.Key.Key_Z)
    key(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert ed.toPlainText() == "文字"


def test_toolbar_buttons_follow_the_cursor(window):
    ed = window.editor
    bar = window.findChild(QToolBar, "format_toolbar")
    names = {a.objectName() for a in bar.actions()}
    assert {"format_bold", "format_italic", "format_underline", "align_left", "align_center",
            "align_right", "align_justify"} <= names
    assert all(not window.actions_by_name[n].icon().isNull() for n in names if n)
    commit_text(ed, "甲")
    key(window, Qt.Key.Key_I)
    commit_text(ed, "乙")
    key(window, Qt.Key.Key_E)
    cur = ed.textCursor()
    cur.setPosition(1)
    ed.setTextCursor(cur)
    assert not window.actions_by_name["format_italic"].isChecked()
    cur.setPosition(2)
    ed.setTextCursor(cur)
    assert window.actions_by_name["format_italic"].isChecked()
    assert window.actions_by_name["align_center"].isChecked()
    fmt_menu = window.menu("format").actions()
    assert window.actions_by_name["format_bold"] in fmt_menu
    assert window.actions_by_name["style_body"] in fmt_menu


def test_paste_as_plain_text_in_the_search_box_goes_there(window):
    ed = window.editor
    commit_text(ed, "正文")
    QGuiApplication.clipboard().setText("领导\n第二行")
    panel = window.phrase_panel
    window.phrase_dock.show()
    panel.focus_search()
    QTest.keyClick(panel.filter, Qt.Key.Key_V, CTRL_SHIFT)
    assert panel.filter.text() == "领导"
    assert ed.toPlainText() == "正文"


def test_pasted_web_headings_come_in_as_body_text(window, tmp_path):
    ed = window.editor
    mime = QMimeData()
    mime.setHtml("<h2>网页标题</h2><p>正文段落</p>")
    ed.insertFromMimeData(mime)
    first = ed.document().firstBlock()
    assert first.text() == "网页标题"
    assert first.blockFormat().headingLevel() == 0
    assert char_at(ed, 0).fontWeight() >= QFont.Weight.Bold.value  # its emphasis stays
    target = tmp_path / "web.docx"
    assert window.session.save_to(target)
    assert docx.Document(str(target)).paragraphs[0].style.name not in ("Heading 2", "heading 2")


def test_pasted_web_lists_and_tables_stay_lists_and_tables(window):
    ed = window.editor
    mime = QMimeData()
    mime.setHtml('<ul><li><span style="color:#f00;font-size:30pt">第一项</span></li><li>第二项</li></ul>'
                 '<table border="1"><tr><td>甲</td><td><span style="font-family:Arial">乙</span></td></tr></table>')
    ed.insertFromMimeData(mime)
    doc = ed.document()
    first = doc.findBlock(ed.toPlainText().index("第一项"))
    assert first.textList() is not None
    assert first.textList().count() == 2
    cur = QTextCursor(doc)
    cur.setPosition(ed.toPlainText().index("乙"))
    assert cur.currentTable() is not None
    cell = char_at(ed, ed.toPlainText().index("乙"))
    assert not cell.hasProperty(cell.Property.FontFamilies)
    item = char_at(ed, ed.toPlainText().index("第一项"))
    assert not item.hasProperty(item.Property.FontPointSize)
