"""Chinese word count: 字数 without punctuation and spaces, 字符数 with them."""
from __future__ import annotations

import pytest

from editor.core.wordcount import count_text, is_cjk


def test_chinese_sentence_excludes_punctuation():
    wc = count_text("今年以来，我们坚持稳中求进。")
    assert wc.words == 12
    assert wc.cjk == 12
    assert wc.punctuation == 2
    assert wc.chars_with_spaces == 14
    assert wc.chars_no_spaces == 14


def test_latin_words_and_numbers_count_once_each():
    wc = count_text("GDP 增长 3.5%，don't stop 2024")
    assert wc.latin_words == 5  # GDP, 3.5, don't, stop, 2024
    assert wc.cjk == 2
    assert wc.words == 7
    assert wc.punctuation == 2  # % and ，
    assert wc.chars_with_spaces == len("GDP 增长 3.5%，don't stop 2024")
    assert wc.chars_no_spaces == wc.chars_with_spaces - 4


def test_full_width_letters_and_ideographic_space():
    wc = count_text("ＧＤＰ\u3000增长")
    assert wc.latin_words == 1
    assert wc.words == 3
    assert wc.chars_with_spaces == 6
    assert wc.chars_no_spaces == 5


def test_line_breaks_are_not_characters_and_paragraphs_counted():
    wc = count_text("一、总体情况\n\n\u2029二、主要做法")
    assert wc.chars_with_spaces == 12
    assert wc.paragraphs == 2
    assert wc.words == 10


def test_empty_text():
    wc = count_text("")
    assert (wc.words, wc.chars_with_spaces, wc.paragraphs) == (0, 0, 0)


@pytest.mark.parametrize(("ch", "expected"), [("字", True), ("〇", True), ("𠀀", True), ("A", False), ("，", False)])
def test_is_cjk(ch, expected):
    assert is_cjk(ch) is expected
