"""Converting the whole document converts its 公文要素 too, and one Ctrl+Z undoes both."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor.gui.document.bridge import state_of
from editor.gui.gongwen.actions import GongwenActions


@pytest.fixture
def bank(make_bank):
    return make_bank()


def fill(window, text="关于开展安全检查的通知\n各单位要认真组织。"):
    window.editor.setPlainText(text)
    window.editor.document().clearUndoRedoStacks()
    form = window.feature(GongwenActions).form
    form.set_value("类型", "通知")
    form.set_value("主送", "各区县人民政府，市政府各部门")
    form.set_value("发文机关署名", "江苏省人民政府办公厅")
    return form


def props(window):
    return {k.split(".")[-1]: v for k, v in state_of(window.editor.document()).properties.items()}


def test_conversion_converts_parts_and_ctrl_z_undoes_both(window):
    form = fill(window)
    window.actions_by_name["convert_s2t"].trigger()
    assert window.editor.plain_text().startswith("關於開展安全檢查的通知")
    assert form.value("主送") == "各區縣人民政府，市政府各部門"
    assert props(window)["发文机关署名"] == "江蘇省人民政府辦公廳"
    assert props(window)["类型"] == "通知"  # the type names a known type; it is not converted
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.plain_text().startswith("关于开展安全检查的通知")
    assert form.value("主送") == "各区县人民政府，市政府各部门"
    assert props(window)["发文机关署名"] == "江苏省人民政府办公厅"
    assert not window.editor.document().isUndoAvailable()  # one step undid text and parts
    QTest.keyClick(window.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.plain_text().startswith("關於")
    assert form.value("主送") == "各區縣人民政府，市政府各部門"


def test_parts_alone_still_convert_as_their_own_step(window):
    form = fill(window, "ABC")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.textCursor().insertText("d")  # the user's last typing must not merge with it
    window.actions_by_name["convert_s2t"].trigger()
    assert form.value("主送") == "各區縣人民政府，市政府各部門"
    window.actions_by_name["undo"].trigger()
    assert form.value("主送") == "各区县人民政府，市政府各部门"
    assert window.editor.plain_text() == "ABCd"


def test_form_edit_after_conversion_survives_its_undo(window):
    form = fill(window)
    window.actions_by_name["convert_s2t"].trigger()
    form.set_value("主送", "各市人民政府")
    window.actions_by_name["undo"].trigger()
    assert window.editor.plain_text().startswith("关于")
    assert form.value("主送") == "各市人民政府"  # typed after the conversion: the user's newer text
    assert props(window)["发文机关署名"] == "江苏省人民政府办公厅"


def test_selection_conversion_leaves_parts(window):
    form = fill(window)
    cur = window.editor.textCursor()
    cur.setPosition(0)
    cur.setPosition(2, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cur)
    window.actions_by_name["convert_s2t"].trigger()
    assert form.value("主送") == "各区县人民政府，市政府各部门"


def test_opening_another_document_does_not_replay_parts(window, tmp_path):
    fill(window)
    window.actions_by_name["convert_s2t"].trigger()
    path = tmp_path / "other.txt"
    path.write_text("---\n主送: 各县人民政府\n---\n另一份文件\n", encoding="utf-8")
    window.session.document().setModified(False)
    assert window.session.open_path(path)
    assert props(window).get("主送") == "各县人民政府"


def test_taiwan_phrases_keep_the_red_head_word_and_the_number_brackets(window):
    form = fill(window)
    form.set_value("发文机关标志", "江城市某某局文件\n江城市财政局文件")
    form.set_value("发文字号", "江某发〔2026〕3号")
    window.actions_by_name["convert_s2twp"].trigger()
    assert props(window)["发文机关标志"] == "江城市某某局文件\n江城市財政局文件"  # not 檔案
    assert props(window)["发文字号"] == "江某發〔2026〕3號"
    assert props(window)["类型"] == "通知"


def test_taiwan_phrases_keep_a_red_head_line_of_the_body(window):
    window.editor.setPlainText("江城市某某局文件\n认真学习上级文件")  # a 公文 laid out as Word, reopened
    window.actions_by_name["convert_s2twp"].trigger()
    assert window.editor.plain_text() == "江城市某某局文件\n認真學習上級檔案"
