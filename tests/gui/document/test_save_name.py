"""Save As proposes the document's title as the file name, made safe, as Word does."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from editor.gui.document.save_name import MAX_NAME_CHARS, proposed_file_name
from tests.gui.helpers import act, commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank()


@pytest.mark.parametrize(("text", "expected"), [
    ("关于加强安全生产工作的通知\n各单位：", "关于加强安全生产工作的通知.docx"),
    ("\n\u3000\u3000\n  2026年上半年工作总结  \n正文", "2026年上半年工作总结.docx"),
    ("今年以来，我们坚持稳中求进。下半年继续努力", "今年以来，我们坚持稳中求进.docx"),  # up to the sentence end
    ('关于"三重一大"事项/制度的<说明>: 试行?', "关于 三重一大 事项 制度的 说明 试行.docx"),
    ("《意见》：关于某某的请示？", "《意见》：关于某某的请示.docx"),  # full-width ： is a legal name character
    ("a\tb\u200bc\ufffc", "a bc.docx"),
    ("CON", "CON_.docx"),
    ("...", "未命名.docx"),
    ("", "未命名.docx"),
    ("。！", "未命名.docx"),
])
def test_proposed_names(text, expected):
    assert proposed_file_name(text, "未命名") == expected


def test_long_titles_are_cut_and_never_end_in_a_dot_or_space():
    name = proposed_file_name("关" * 100, "未命名")
    assert name == "关" * MAX_NAME_CHARS + ".docx"
    assert len(name.encode("utf-8")) < 255
    cut = proposed_file_name("甲" * (MAX_NAME_CHARS - 1) + " 乙", "未命名")
    assert cut == "甲" * (MAX_NAME_CHARS - 1) + ".docx"


def test_save_as_of_a_new_document_proposes_its_title(window, monkeypatch, tmp_path):
    asked = []

    def dialog(parent, caption, start, *rest, **kwargs):
        asked.append(start)
        return str(tmp_path / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    commit_text(window.editor, "关于做好2026年春节期间安全工作的通知")
    window.editor.textCursor().insertBlock()
    commit_text(window.editor, "各单位：")
    act(window, "save_as")
    assert Path(asked[0]).name == "关于做好2026年春节期间安全工作的通知.docx"
    assert (tmp_path / "关于做好2026年春节期间安全工作的通知.docx").is_file()
    # Saved once, Save As proposes the file it has, whatever the first line says now.
    window.editor.setPlainText("另一个标题")
    act(window, "save_as")
    assert Path(asked[1]).name == "关于做好2026年春节期间安全工作的通知.docx"


def test_save_as_of_an_empty_document_proposes_untitled(window, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, start, *a, **k: (asked.append(start), ("", ""))[1]))
    act(window, "save_as")
    assert Path(asked[0]).name == "未命名.docx"
