"""A text file opened in the window is saved back in its own encoding (a new user's GBK file became UTF-8)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from tests.gui.helpers import act, commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank([])


def _type_at_end(window, text: str) -> None:
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    commit_text(window.editor, text)


def test_gbk_file_edited_and_saved_stays_gbk(make_window, tmp_path):
    src = tmp_path / "总结.txt"
    src.write_bytes("一、工作总结\n加强组织领导。".encode("gbk"))
    window = make_window()
    assert window.session.open_path(src)
    _type_at_end(window, "压实责任。")
    act(window, "save")
    assert src.read_bytes() == "一、工作总结\n加强组织领导。压实责任。\n".encode("gbk")


def test_big5_file_given_simplified_text_is_saved_as_utf8_and_says_so(make_window, tmp_path):
    src = tmp_path / "總結.txt"
    src.write_bytes("一、工作總結\n".encode("big5"))
    window = make_window()
    messages: list[str] = []
    window.session.message.connect(lambda text, _ms: messages.append(text))
    assert window.session.open_path(src)
    _type_at_end(window, "发展")  # 发 is not in Big5
    act(window, "save")
    assert src.read_text(encoding="utf-8") == "一、工作總結发展\n"
    assert "UTF-8" in messages[-1]
    assert "Big5" in messages[-1]
    # From now on it is a UTF-8 file: a later save does not flip it back.
    _type_at_end(window, "。")
    act(window, "save")
    assert src.read_text(encoding="utf-8") == "一、工作總結发展。\n"
