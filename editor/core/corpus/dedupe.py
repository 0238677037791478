"""Remove identical and near-identical documents and repeated paragraphs before counting (MINING.md)."""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain

from editor.core.corpus.structure import Document

_NOISE = re.compile(r"[\s\W_\d]+")
SHINGLE = 8
NEAR_DUPLICATE = 0.8
# Only shingles whose hash falls in 1/_SAMPLE of the space are compared: a consistent sample,
# so two copies of a document keep the same shingles, at a fraction of the cost.
_SAMPLE = 4
MIN_PARAGRAPH = 30  # shorter paragraphs (headings, stock lines) are what we want to count
NEAR_PARAGRAPH = 0.6


def content_key(text: str) -> str:
    """Text with punctuation, digits and spaces dropped: copies differ in those first."""
    return _NOISE.sub("", text)


def _shingles(key: str) -> set[int]:
    # Which shingles are sampled depends on the text alone (the code of the first character), so
    # the result is the same in every process; hash() (salted per process) only names them.
    # Short texts keep every shingle: a sample of a few dozen would make the estimate noisy.
    # Huge texts sample more sparsely so memory stays bounded (a 20 M-character file, one "document").
    step = 1 if len(key) <= 2000 else _SAMPLE if len(key) <= 400_000 else 4 * _SAMPLE
    return {hash(key[i:i + SHINGLE]) for i in range(max(1, len(key) - SHINGLE + 1)) if ord(key[i]) % step == 0}


def dedupe_documents(docs: list[Document]) -> list[Document]:
    """Drop identical documents and near-copies: ≥ 80 % of the smaller one's shingles are in the other.

    Containment, not Jaccard: a copy with a paragraph cut or added (75 % Jaccard) is still a copy,
    and the longer of the two is kept.
    """
    kept: list[Document | None] = []
    kept_sets: list[set[int]] = []
    exact: set[str] = set()
    index: dict[int, list[int]] = defaultdict(list)
    for doc in docs:
        key = content_key(doc.text())
        if not key:
            continue
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
        if digest in exact:
            continue
        exact.add(digest)
        sh = _shingles(key)
        # Counted in C (Counter over the chained postings), in the same first-seen order as a loop.
        candidates = Counter(chain.from_iterable(index.get(h, ()) for h in sh))
        replace = -1
        duplicate = False
        for j, shared in candidates.items():
            if kept[j] is None or not sh or not kept_sets[j]:
                continue
            if shared / min(len(sh), len(kept_sets[j])) >= NEAR_DUPLICATE:
                if len(sh) > len(kept_sets[j]):
                    replace = j
                else:
                    duplicate = True
                break
        if duplicate:
            continue
        if replace >= 0:
            kept[replace] = None  # the new one holds the old one: keep the longer text
        n = len(kept)
        kept.append(doc)
        kept_sets.append(sh)
        for h in sh:
            index[h].append(n)
    return [d for d in kept if d is not None]


def dedupe_paragraphs(docs: list[Document]) -> None:
    """Drop long paragraphs already seen in an earlier document, or mostly so (copied passages count once).

    "Mostly": 60 % of the paragraph's 8-character shingles are in one earlier document's paragraph
    (a pasted paragraph renumbered or lightly edited: 1.全面发动兴热潮。… / 一是全面发动宣传。…).
    """
    seen: set[str] = set()
    # shingle → the documents it was seen in, as the bits of an int: counting a paragraph's shingles
    # over every earlier document is then a few big-int operations a shingle, not a loop over
    # documents (a stock shingle is in most of them, which made the count quadratic).
    index: dict[int, int] = {}
    for n, doc in enumerate(docs):
        keep = []
        mine: set[int] = set()
        for p in doc.paragraphs:
            key = content_key(p.text)
            if len(key) >= MIN_PARAGRAPH:
                if key in seen:
                    continue
                sh = {hash(key[i:i + SHINGLE]) for i in range(len(key) - SHINGLE + 1)}
                if sh and _any_at_least(_bit_counts(index.get(h, 0) for h in sh), _need(len(sh))):
                    continue
                seen.add(key)
                mine |= sh
            keep.append(p)
        bit = 1 << n
        for h in mine:
            index[h] = index.get(h, 0) | bit
        doc.paragraphs = keep


def _need(size: int) -> int:
    """The fewest shingles c of a paragraph of `size` that make it a copy (c >= NEAR_PARAGRAPH * size)."""
    c = max(0, int(NEAR_PARAGRAPH * size) - 1)
    while c < NEAR_PARAGRAPH * size:
        c += 1
    return c


def _bit_counts(masks: Iterable[int]) -> list[int]:
    """Add up document bit-masks: planes[i] holds bit i of each document's count (a ripple-carry adder)."""
    planes: list[int] = []
    for x in masks:
        i = 0
        while x:
            if i == len(planes):
                planes.append(x)
                break
            p = planes[i]
            planes[i] = p ^ x
            x &= p
            i += 1
    return planes


def _any_at_least(planes: list[int], need: int) -> bool:
    """True when some document's count (bit-sliced in planes) is at least need (≥ 1)."""
    if need.bit_length() > len(planes):
        return False
    greater, equal = 0, -1  # documents whose count is already above need / equal to it so far
    for i in reversed(range(len(planes))):
        p = planes[i]
        if need >> i & 1:
            equal &= p
        else:
            greater |= equal & p
            equal &= ~p
    return bool(greater | equal)


_SENTENCE = re.compile(r"(?<=[。！？!?；;])")
MIN_PASSAGE_SENTENCE = 15
PASSAGE = 3  # stock sentences come in pairs (指导思想 + 基本原则); a pasted passage is longer


def _in_runs(flags: list[bool], length: int) -> list[bool]:
    """Which flags belong to a run of at least `length` consecutive True values."""
    out = [False] * len(flags)
    start = 0
    for i in range(len(flags) + 1):
        if i == len(flags) or not flags[i]:
            if i - start >= length:
                out[start:i] = [True] * (i - start)
            start = i + 1
    return out


def dedupe_passages(docs: list[Document]) -> None:
    """Drop copied passages: three or more sentences seen side by side, in this order, in an earlier document.

    A stock sentence recurs alone (现在，我代表国务院，向大会报告政府工作，请予审议); a passage pasted
    from another document brings its neighbours with it, and would make every sentence of it look stock.
    """
    seen: set[tuple[str, str]] = set()  # pairs of neighbouring sentences
    for doc in docs:
        new: list[tuple[str, str]] = []
        for p in doc.paragraphs:
            if p.heading:
                continue
            parts = [s for s in _SENTENCE.split(p.text) if s]
            keys = [content_key(s) for s in parts]
            pairs = list(zip(keys, keys[1:]))
            # A pair of long sentences already seen side by side, in the same order, elsewhere.
            linked = [len(a) >= MIN_PASSAGE_SENTENCE and len(b) >= MIN_PASSAGE_SENTENCE and (a, b) in seen
                      for a, b in pairs]
            copied = [False] * len(keys)
            for i, run in enumerate(_in_runs(linked, PASSAGE - 1)):
                if run:
                    copied[i] = copied[i + 1] = True
            if any(copied):
                p.text = "".join(s for s, c in zip(parts, copied) if not c)
            new.extend(pairs)
        seen.update(new)
    for doc in docs:
        doc.paragraphs = [p for p in doc.paragraphs if p.heading or p.text.strip()]
