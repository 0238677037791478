"""Blank marks."""
from __future__ import annotations

from editor.core.model.blanks import find_blanks


def test_finds_each_mark():
    text = "现将___年工作总结如下，XX县某某同志在〇〇会上，__与＿＿，xxx，××"
    assert [b.text for b in find_blanks(text)] == ["___", "XX", "某某", "〇〇", "__", "＿＿", "xxx", "××"]


def test_latin_words_are_not_blanks():
    assert find_blanks("Windows XXL Linux exxon") == []
