"""Where a long official title breaks: between words, in lines of balanced length (GB/T 9704-2012 §7.3.1).

"回行时要做到词意完整，排列对称": a title too long for one line is broken at a word boundary (jieba's
words, never inside one), its lines as even as the words allow. The official DOCX carries the breaks
as line breaks (w:br) in the title; print and page view break it at the same places.
"""
from __future__ import annotations

import functools
import math
import threading
from typing import Any

TITLE_CHARS = 20  # 22 pt characters (0.25 pt closer) on the 441 pt text line: 20 fit, 21 do not
# Marks a line may not start with, and marks it may not end with.
_CLOSING = set("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
_OPENING = set("（《「『【〔〈“‘([{")
_lock = threading.Lock()
_jieba: Any = None


def _width(ch: str) -> float:
    """A character's width in title characters: Latin letters, digits and spaces take half."""
    return 0.5 if ord(ch) < 0x2000 else 1.0


def _words(text: str) -> list[str]:
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import jieba

                jieba.setLogLevel(60)
                _jieba = jieba
    return list(_jieba.cut(text, HMM=False))


@functools.lru_cache(maxsize=256)
def title_breaks(text: str, chars: float = TITLE_CHARS) -> tuple[int, ...]:
    """The positions in `text` where its lines start after the first (empty: it fits on one line).

    As few lines as the width allows, each ending at a word boundary where no closing mark starts the
    next line, no opening mark ends one and no number is parted from its unit, their widths as even as possible (least squares).
    """
    total = sum(map(_width, text))
    if total <= chars or "\n" in text or "\u2028" in text:
        return ()
    ends, pos = [0], 0
    for word in _words(text):
        pos += len(word)
        ends.append(pos)
    # A number keeps its unit (2024年, 12项): no break right after a digit or Latin letter either.
    cuts = [p for p in ends[1:-1] if text[p] not in _CLOSING and text[p - 1] not in _OPENING
            and not (text[p - 1].isascii() and text[p - 1].isalnum())]
    points = [0, *cuts, len(text)]
    widths = [0.0]
    for a, b in zip(points, points[1:], strict=False):
        widths.append(widths[-1] + sum(map(_width, text[a:b])))
    for lines in range(math.ceil(total / chars), len(points)):
        found = _balanced(points, widths, lines, chars, total / lines)
        if found is not None:
            return found
    return ()  # no boundary lets the lines fit: leave the breaking to the layout


def _balanced(points: list[int], widths: list[float], lines: int, chars: float,
              target: float) -> tuple[int, ...] | None:
    """Break at `lines - 1` of the points, every line at most `chars` wide, nearest `target` each."""
    n = len(points) - 1
    # best[k][i]: (cost, breaks) of k lines ending at point i.
    best: list[dict[int, tuple[float, tuple[int, ...]]]] = [{0: (0.0, ())}]
    for k in range(1, lines + 1):
        row: dict[int, tuple[float, tuple[int, ...]]] = {}
        for i in range(1, n + 1):
            for j, (cost, breaks) in best[k - 1].items():
                width = widths[i] - widths[j]
                if j >= i or width > chars + 1e-9:
                    continue
                value = cost + (width - target) ** 2
                if i not in row or value < row[i][0]:
                    row[i] = (value, (*breaks, points[j]) if j else breaks)
        best.append(row)
    final = best[lines].get(n)
    return final[1] if final is not None else None
