"""Normalisation for counting and search: t2s, width folding, blanks and number slots (MINING.md)."""
from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any

from editor.core.model.phrases import BLANK

_converter: Any = None
_back: Any = None
_lock = threading.Lock()

# Every placeholder the corpus uses for a blank (blanks.py plus ×× / 〇〇 / 某 + unit words).
PLACEHOLDER = re.compile(r"_{1,}|＿+|(?<![A-Za-z])(?:X{2,}|x{2,3}|ＸＸ+)(?![A-Za-z])|×{2,}|某某|〇〇")
# Numbers of any kind (Arabic, full-width, with decimals or percent) become one slot when counting.
NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?")
# A blank together with its neighbouring blanks/numbers collapses into one ___.
_BLANK_RUN = re.compile(r"(?:___\s*){2,}")
PUNCT = re.compile(r"[\s，、,。.;；:：!！?？“”\"‘’'《》〈〉（）()【】\[\]…—·\-]")


def t2s(text: str) -> str:
    """Traditional → simplified with OpenCC (length-preserving, so offsets map back)."""
    global _converter
    if _converter is None:
        with _lock:
            if _converter is None:
                import opencc

                _converter = opencc.OpenCC("t2s")
    return str(_converter.convert(text)) if text else text


_WIDTH_TABLE = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)}


def s2t(text: str) -> str:
    """Simplified → traditional (OpenCC s2t), to show a phrase in the script it was written in."""
    global _back
    if _back is None:
        with _lock:
            if _back is None:
                import opencc

                _back = opencc.OpenCC("s2t")
    return str(_back.convert(text)) if text else text


def is_traditional(text: str, simplified: str) -> bool:
    """True when OpenCC t2s changed more than 2 % of the characters: the text was traditional."""
    if len(text) != len(simplified):
        return text != simplified
    changed = sum(1 for a, b in zip(text, simplified) if a != b)
    return changed > 0.02 * max(1, len(text))


def fold_width(text: str) -> str:
    """Full-width ASCII letters and digits → half-width; punctuation kept (it is Chinese usage)."""
    return text.translate(_WIDTH_TABLE)


def blanks_to_slot(text: str) -> str:
    """Every placeholder (___ __ _ XX XXX xxx 某某 …) → the one blank ___."""
    return _BLANK_RUN.sub(BLANK, PLACEHOLDER.sub(BLANK, text))


def search_form(text: str) -> str:
    """What search compares: simplified, width-folded, lower case (either script finds either)."""
    return fold_width(t2s(text)).lower()


def counting_key(text: str) -> str:
    """phrase_key for text already in simplified script and half-width (the miner's hot path)."""
    return PUNCT.sub("", blanks_to_slot(text))


def phrase_key(text: str) -> str:
    """Identity of a phrase across re-mining: t2s, blanks unified, punctuation and spaces dropped."""
    s = blanks_to_slot(fold_width(t2s(unicodedata.normalize("NFC", text))))
    return PUNCT.sub("", s)


_ASCII_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})
_CJK_NEAR_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff_）”])[,;:!?()]|[,;:!?()](?=[\u4e00-\u9fff_（“])")


def chinese_punctuation(text: str) -> str:
    """ASCII , ; : ! ? ( ) next to Chinese text → their full-width forms (how a drafter writes them)."""
    return _CJK_NEAR_PUNCT.sub(lambda m: m.group().translate(_ASCII_PUNCT), text)


_QUOTE_MARKS = "“”‘’"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def excerpt(example: str, text: str, size: int = 300) -> str:
    """At most size characters of an example, holding the text: from a clause's start before it when it lies further on.

    An example is a whole sentence, and a report's sentence runs to many hundreds of characters; cut
    at its first 300 it often lost the very phrase it was meant to show (…确保实现“十五五”良好开局).
    """
    if len(example) <= size:
        return example
    at, length = example.find(text), len(text)
    if at < 0:  # written otherwise there (marks, a blank, half-width punctuation): found by its longest run
        anchor = max(_HAN_RUN.findall(text), key=len, default="")
        found = example.find(anchor) if anchor else -1
        if found < 0:
            return example[:size]
        at, length = max(0, found - text.find(anchor)), length + 4  # room for marks the text lacks
    if at + length <= size:
        return example[:size]
    start = max(0, at - 60)
    cut = max(example.rfind(c, start, at) for c in "，。；：、,;:")
    start = cut + 1 if cut >= start else start
    return "…" + example[start:start + size - 1] if start > 0 else example[:size]


def with_quote_marks(text: str, example: str) -> str:
    """The text as its example writes it, quotation marks included (坚决做到“两个维护”), when they pair up.

    Candidates are counted without quotation marks; a drafter inserting one should not have to put the
    marks back. Unchanged when the example does not hold the text or its marks do not pair.
    """
    if not text or BLANK in text or not any(q in example for q in _QUOTE_MARKS):
        return text
    pattern = f"[{_QUOTE_MARKS}]?".join(re.escape(c) for c in text)
    m = re.search(pattern, example)
    if m is None:
        return text
    start, end = m.start(), m.end()
    found = example[start:end]
    if found.count("“") > found.count("”") and example[end:end + 1] == "”":
        end += 1  # …“两个维护 → …“两个维护”
    if found.count("”") > found.count("“") and start > 0 and example[start - 1] == "“":
        start -= 1
    found = example[start:end]
    if found.count("“") != found.count("”") or found.count("‘") != found.count("’") or found == text:
        return text
    # A mark around the whole text (“疫情就是命令，防控就是责任”) belongs to the sentence, not the phrase.
    if found[0] in "“‘" and found[-1] in "”’" and found[1:-1].replace("“", "").replace("”", "") == text:
        return text
    return found
