"""Compact shingle sets for de-duplication at archive scale: stable 32-bit hashes, arrays and Bloom filters.

A Python set of shingle hashes costs about 60 bytes a shingle; 20 M characters of text hold some
15 M shingles, so de-duplication kept gigabytes. Here a document's shingles are an array of 32-bit
CRCs (4 bytes each, exact) or a Bloom filter (2 bytes each, 1–2 % false positives), and the index
that finds a copy's candidate sources holds only a fixed quarter of the shingles. The hashes are
CRC32, the same in every process and every run, so the indexes can be kept beside the bank.
"""
from __future__ import annotations

import zlib
from array import array
from collections import Counter
from itertools import chain

SHINGLE = 8
# A shingle seen in this many documents is a stock phrase's: it names no source, so candidates for
# a copy's source are not looked up through it (that would make de-duplication quadratic). A copy
# shares its source's own wording, which is in few documents: 8 keeps the lists short (32, measured on
# 11 M characters of stock-heavy reports, spent a third of de-duplication walking them).
COMMON_SHINGLE = 8
# Which shingles the candidate index holds: those whose hash is 0 modulo this (a consistent sample:
# a copy holds the same ones as its source).
INDEX_SAMPLE = 4


def shingle_set(key: str, step: int = 1) -> set[int]:
    """CRC32 of every 8-character window of key (of those whose first character's code is 0 mod step).

    Which windows are sampled depends on the text alone, so copies keep the same ones.
    """
    crc = zlib.crc32
    n = max(1, len(key) - SHINGLE + 1)
    if step == 1:
        return {crc(key[i:i + SHINGLE].encode()) for i in range(n)}
    return {crc(key[i:i + SHINGLE].encode()) for i in range(n) if ord(key[i]) % step == 0}


_BIT = tuple(1 << i for i in range(8))


class Bloom:
    """A Bloom filter of a set of 32-bit hashes (16 bits and two probes a member: about 1.4 % false positives)."""

    __slots__ = ("bits", "mask", "size")

    def __init__(self, members: set[int]) -> None:
        m = 64
        while m < 16 * len(members):
            m *= 2
        self.mask = m - 1
        self.size = len(members)
        bits = bytearray(m >> 3)
        mask, bit = self.mask, _BIT
        for h in members:
            a = h & mask  # the low and the high half of the hash: two independent probes
            bits[a >> 3] |= bit[a & 7]
            a = ((h >> 16) | (h << 16)) & mask
            bits[a >> 3] |= bit[a & 7]
        self.bits = bytes(bits)

    def holds_at_least(self, hashes: set[int], need: float) -> bool:
        """Whether at least `need` of hashes are (probably) members; stops as soon as the answer is known."""
        bits, mask = self.bits, self.mask
        allowed = len(hashes) - need  # misses that still leave enough
        if allowed < 0:
            return False
        misses = 0
        for h in hashes:
            a, b = h & mask, ((h >> 16) | (h << 16)) & mask
            if not (bits[a >> 3] >> (a & 7) & 1 and bits[b >> 3] >> (b & 7) & 1):
                misses += 1
                if misses > allowed:
                    return False
        return True


class CandidateIndex:
    """Sampled shingle → the first COMMON_SHINGLE documents holding it: who might be a text's source."""

    def __init__(self) -> None:
        self.docs: dict[int, list[int]] = {}

    def add(self, doc: int, hashes: set[int]) -> None:
        """Record a document's shingles (its sampled ones)."""
        docs = self.docs
        for h in hashes:
            if h % INDEX_SAMPLE:
                continue
            held = docs.get(h)
            if held is None:
                docs[h] = [doc]
            elif len(held) < COMMON_SHINGLE:
                held.append(doc)

    def candidates(self, hashes: set[int], best: int) -> list[int]:
        """The `best` documents sharing most of the text's less common sampled shingles, most first."""
        docs = self.docs
        lists = [held for held in map(docs.get, [h for h in hashes if not h % INDEX_SAMPLE])
                 if held is not None and len(held) < COMMON_SHINGLE]
        return [d for d, _ in Counter(chain.from_iterable(lists)).most_common(best)]


def packed(hashes: set[int]) -> array[int]:
    """A shingle set as an array of 32-bit values (4 bytes each)."""
    return array("I", hashes)
