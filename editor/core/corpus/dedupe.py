"""Remove identical and near-identical documents and repeated paragraphs before counting (MINING.md)."""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

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


def _need(size: int, share: float, divide: bool = True) -> int:
    """The fewest shared shingles c that pass c / size >= share (or c >= share * size), as the callers compare."""
    c = max(0, int(share * size) - 1)
    while c < size and (c / size < share if divide else c < share * size):
        c += 1
    return c


def dedupe_documents(docs: list[Document]) -> list[Document]:
    """Drop identical documents and near-copies: ≥ 80 % of the smaller one's shingles are in the other.

    Containment, not Jaccard: a copy with a paragraph cut or added (75 % Jaccard) is still a copy,
    and the longer of the two is kept.
    """
    kept: list[Document | None] = []
    kept_sets: list[set[int]] = []
    exact: set[str] = set()
    index: dict[int, list[int]] = defaultdict(list)  # shingle → documents holding it
    # Each kept document's lowest shingles (by value), enough that a document holding 80 % of its
    # shingles must hold one of them: finds the copies a new document contains (prefix filtering).
    prefixes: dict[int, list[int]] = defaultdict(list)
    for doc in docs:
        key = content_key(doc.text())
        if not key:
            continue
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
        if digest in exact:
            continue
        exact.add(digest)
        sh = _shingles(key)
        match = _first_copy(sh, kept, kept_sets, index, prefixes)
        if match >= 0:
            if len(sh) <= len(kept_sets[match]):
                continue
            kept[match] = None  # the new one holds the old one: keep the longer text
        n = len(kept)
        kept.append(doc)
        kept_sets.append(sh)
        for h in sh:
            index[h].append(n)
        for h in sorted(sh)[:len(sh) - _need(len(sh), NEAR_DUPLICATE) + 1]:
            prefixes[h].append(n)
    return [d for d in kept if d is not None]


def _first_copy(sh: set[int], kept: list[Document | None], kept_sets: list[set[int]],
                index: dict[int, list[int]], prefixes: dict[int, list[int]]) -> int:
    """The kept document that is a near-copy of sh (or holds it), -1 for none.

    Only documents that can reach the threshold are checked: those sharing one of sh's rarest
    shingles (the copies that hold sh) or whose prefix sh holds (the copies sh holds). When several
    qualify, the one met first walking sh's shingles and their documents in order is the one taken.
    """
    if not sh:
        return -1
    rare = sorted(sh, key=lambda h: len(index.get(h, ())))[:len(sh) - _need(len(sh), NEAR_DUPLICATE) + 1]
    candidates = {j for h in rare for j in index.get(h, ())}
    candidates.update(j for h in sh for j in prefixes.get(h, ()))
    passing = [j for j in candidates if kept[j] is not None and kept_sets[j]
               and len(sh & kept_sets[j]) / min(len(sh), len(kept_sets[j])) >= NEAR_DUPLICATE]
    if len(passing) <= 1:
        return passing[0] if passing else -1
    for h in sh:
        holding = [j for j in passing if h in kept_sets[j]]
        if holding:
            return min(holding)
    return -1


def dedupe_paragraphs(docs: list[Document]) -> None:
    """Drop long paragraphs already seen in an earlier document, or mostly so (copied passages count once).

    "Mostly": 60 % of the paragraph's 8-character shingles are in one earlier document's paragraph
    (a pasted paragraph renumbered or lightly edited: 1.全面发动兴热潮。… / 一是全面发动宣传。…).
    """
    seen: set[str] = set()
    index: dict[int, set[int]] = defaultdict(set)  # shingle → documents it was seen in
    for n, doc in enumerate(docs):
        keep = []
        mine: set[int] = set()
        for p in doc.paragraphs:
            key = content_key(p.text)
            if len(key) >= MIN_PARAGRAPH:
                if key in seen:
                    continue
                sh = {hash(key[i:i + SHINGLE]) for i in range(len(key) - SHINGLE + 1)}
                if sh and _mostly_seen(sh, index):
                    continue
                seen.add(key)
                mine |= sh
            keep.append(p)
        for h in mine:
            index[h].add(n)
        doc.paragraphs = keep


def _mostly_seen(sh: set[int], index: dict[int, set[int]]) -> bool:
    """True when one earlier document holds 60 % of the shingles sh.

    Such a document must hold one of sh's rarest shingles, so only those few are looked up: a stock
    shingle that every document holds would make a plain count quadratic in the corpus.
    """
    need = _need(len(sh), NEAR_PARAGRAPH, divide=False)
    rare = sorted(sh, key=lambda h: len(index.get(h, ())))[:len(sh) - need + 1]
    for d in {d for h in rare for d in index.get(h, ())}:
        if sum(1 for h in sh if d in index.get(h, ())) >= need:
            return True
    return False


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
