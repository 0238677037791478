"""Official heading numbering: 一、 （一） 1. （1） and 一是…, shared by mining, export and the editor."""
from __future__ import annotations

import re

_CN_NUM = "一二三四五六七八九十百零〇两"
# level -> pattern matched at the start of a stripped line
HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^[{_CN_NUM}]+[、，,．.]")),
    (2, re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    (3, re.compile(r"^[0-9０-９]{1,2}[.．、](?![0-9０-９])")),
    (4, re.compile(r"^[（(][0-9０-９]{1,2}[）)]")),
)
ENUM_CLAUSE = re.compile(rf"^(?:其?[{_CN_NUM}]是|首先|其次|再次|最后)")


def heading_level(line: str) -> int | None:
    """The official heading level (1-4) a line's numbering marks, or None for body text."""
    s = line.strip().lstrip("\u3000")
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(s):
            return level
    return None


def strip_numbering(line: str) -> str:
    """The heading text without its numbering (一、高度重视 → 高度重视)."""
    s = line.strip().lstrip("\u3000")
    for _, pattern in HEADING_PATTERNS:
        m = pattern.match(s)
        if m:
            return s[m.end():].strip()
    return s
