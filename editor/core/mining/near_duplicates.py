"""Near-duplicate phrases: two spellings within two edits of each other become one entry with variants."""
from __future__ import annotations


def within_two_edits(a: str, b: str) -> bool:
    """Levenshtein distance ≤ 2 (banded, early exit)."""
    if abs(len(a) - len(b)) > 2 or len(set(a) ^ set(b)) > 4:
        return False  # two edits change at most four distinct characters
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > 2:
            return False
        prev = cur
    return prev[-1] <= 2
