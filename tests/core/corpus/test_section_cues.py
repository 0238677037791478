"""The section a cursor line sits in, from the headings above it."""
from __future__ import annotations

import pytest

from editor.core.corpus.section_cues import is_heading, section_at, section_for_heading


@pytest.mark.parametrize(("heading", "section"), [
    ("二、存在问题", "problems"),
    ("（三）存在的不足和短板", "problems"),
    ("三、下一步工作打算", "next_steps"),
    ("四、今后工作思路", "next_steps"),
    ("一、主要做法和成效", "measures"),
    ("一、认清形势，始终绷紧疫情防控这根弦", "situation"),
    ("二、存在問題", "problems"),
    ("一、高度重视，加强领导", None),
])
def test_section_for_heading(heading, section):
    assert section_for_heading(heading) == section


DOC = [
    "疫情防控工作总结",          # 0 title
    "今年以来，我们认真落实。",    # 1 opening
    "一、主要做法",              # 2
    "（一）高度重视，加强领导",    # 3 no cue: defers to its parent
    "成立领导小组。",            # 4
    "二、存在问题",              # 5
    "一是思想认识不到位。",        # 6
    "下一步工作打算",            # 7 unnumbered heading
    "继续抓好防控。",            # 8
]


@pytest.mark.parametrize(("line", "section"), [
    (0, "title"), (1, "opening"), (2, "measures"), (4, "measures"), (5, "problems"),
    (6, "problems"), (7, "next_steps"), (8, "next_steps"),
])
def test_section_at(line, section):
    assert section_at(DOC, line) == section


def test_heading_without_cues_is_measures_and_no_headings_is_none():
    assert section_at(["标题", "一、高度重视", "正文。"], 2) == "measures"
    assert section_at(["只有一段正文。", "第二段。"], 1) is None
    assert section_at([], 0) is None


def test_is_heading_rejects_sentences():
    assert is_heading("存在问题")
    assert not is_heading("我们要正视存在问题。")
    assert not is_heading("")
