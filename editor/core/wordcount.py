"""Count words the way Chinese writers do: 字数 (characters, no punctuation or spaces) and 字符数."""
from __future__ import annotations

from dataclasses import dataclass

# Paragraph and line separators are layout, not characters anyone counts (Word and WPS agree).
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c")


@dataclass(frozen=True)
class WordCount:
    """The counts shown in the status bar and the word-count dialog."""

    words: int  # 字数: CJK characters + Latin words and numbers, no punctuation or spaces
    cjk: int  # Chinese (and other CJK) characters
    latin_words: int  # runs of letters/digits outside CJK, e.g. "GDP", "2024", "3.5"
    punctuation: int  # punctuation and symbols, full- or half-width
    chars_with_spaces: int  # 字符数（含标点和空格）
    chars_no_spaces: int  # 字符数（不含空格）
    paragraphs: int  # non-empty paragraphs


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (or kana/hangul), each of which counts as one 字."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x20000 <= code <= 0x3134F  # extensions B-G
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or code == 0x3007  # 〇, used in dates (二〇二四年)
    )


def _is_word_char(ch: str) -> bool:
    # isalnum() is also true for full-width Ａ１, so "ＧＤＰ" counts like "GDP".
    return ch.isalnum() and not is_cjk(ch)


def _joins_word(prev: str, ch: str, nxt: str) -> bool:
    """A '.', ',', apostrophe or hyphen between two word characters belongs to the word (3.5, don't)."""
    return ch in ".,'’-" and _is_word_char(prev) and _is_word_char(nxt)


def count_text(text: str) -> WordCount:
    """Count text as WPS/Word's Chinese word count does."""
    cjk = latin = punct = spaces = breaks = 0
    in_word = False
    n = len(text)
    for i, ch in enumerate(text):
        if ch in _LINE_BREAKS:
            breaks += 1
            in_word = False
        elif is_cjk(ch):
            cjk += 1
            in_word = False
        elif _is_word_char(ch):
            if not in_word:
                latin += 1
            in_word = True
        elif in_word and 0 < i < n - 1 and _joins_word(text[i - 1], ch, text[i + 1]):
            continue  # still inside the word: not punctuation
        elif ch.isspace():
            spaces += 1
            in_word = False
        else:
            # Everything else (。，、“”《》—…% and other symbols) is punctuation: not a 字.
            punct += 1
            in_word = False
    with_spaces = n - breaks
    paragraphs = sum(1 for line in text.splitlines() if line.strip())
    return WordCount(
        words=cjk + latin,
        cjk=cjk,
        latin_words=latin,
        punctuation=punct,
        chars_with_spaces=with_spaces,
        chars_no_spaces=with_spaces - spaces,
        paragraphs=paragraphs,
    )
