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


def _cjk_by_code(ch: str) -> bool:
    """The CJK ranges written out as numbers: the specification is_cjk's character class must meet."""
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F
            or 0xF900 <= code <= 0xFAFF or 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF or code == 0x3007)


def test_is_cjk_matches_the_ranges_at_every_edge():
    edges = [0x3006, 0x3007, 0x3008, 0x303F, 0x3040, 0x30FF, 0x3100, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF,
             0x4E00, 0x9FFF, 0xA000, 0xABFF, 0xAC00, 0xD7AF, 0xD7B0, 0xF8FF, 0xF900, 0xFAFF, 0xFB00, 0x1FFFF,
             0x20000, 0x3134F, 0x31350]
    for code in edges:
        assert is_cjk(chr(code)) is _cjk_by_code(chr(code)), hex(code)


def _count_by_loop(text: str) -> tuple[int, ...]:
    """The character-by-character count the regular expressions replaced: the specification."""
    is_cjk = _cjk_by_code

    def word_char(ch: str) -> bool:
        return ch.isalnum() and not is_cjk(ch)

    breaks = cjk = latin = punct = spaces = 0
    in_word = False
    n = len(text)
    for i, ch in enumerate(text):
        if ch in "\n\r\u2028\u2029\x0b\x0c":
            breaks += 1
            in_word = False
        elif is_cjk(ch):
            cjk += 1
            in_word = False
        elif word_char(ch):
            if not in_word:
                latin += 1
            in_word = True
        elif in_word and 0 < i < n - 1 and ch in ".,'’-" and word_char(text[i - 1]) and word_char(text[i + 1]):
            continue
        elif ch.isspace():
            spaces += 1
            in_word = False
        else:
            punct += 1
            in_word = False
    return cjk + latin, cjk, latin, punct, n - breaks, n - breaks - spaces


def test_counts_match_the_character_by_character_definition():
    import random

    alphabet = ("字文〇𠀀あア한ＧＤＰ１Aa9_é٣²½ \u3000\t\n\r\u2028\u2029\x0b\x0c\x1c\xa0.,'’-。，、“”%…—_" + "\u0301")
    rng = random.Random(20261123)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        wc = count_text(text)
        got = (wc.words, wc.cjk, wc.latin_words, wc.punctuation, wc.chars_with_spaces, wc.chars_no_spaces)
        assert got == _count_by_loop(text), repr(text)
