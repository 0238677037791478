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
# A shingle seen in this many documents is a stock phrase's: it names no source, so candidates for
# a copy's source are not looked up through it (that would make de-duplication quadratic).
COMMON_SHINGLE = 32


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
        # Candidates come from the less common shingles (a copy shares the document's own words; a
        # stock phrase's shingles are in every document and would make this quadratic), and are then
        # measured on all of them.
        candidates: dict[int, int] = defaultdict(int)
        for h in sh:
            docs_with = index.get(h)
            if docs_with and len(docs_with) < COMMON_SHINGLE:
                for j in docs_with:
                    candidates[j] += 1
        replace = -1
        duplicate = False
        for j in sorted(candidates, key=candidates.__getitem__, reverse=True)[:5]:
            if kept[j] is None or not sh or not kept_sets[j]:
                continue
            if len(sh & kept_sets[j]) / min(len(sh), len(kept_sets[j])) >= NEAR_DUPLICATE:
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
            docs_with = index[h]
            if len(docs_with) < COMMON_SHINGLE:
                docs_with.append(n)
    return [d for d in kept if d is not None]


def dedupe_paragraphs(docs: list[Document]) -> None:
    """Drop long paragraphs already seen in an earlier document, or mostly so (copied passages count once).

    "Mostly": 60 % of the paragraph's 8-character shingles are in one earlier document's paragraph
    (a pasted paragraph renumbered or lightly edited: 1.全面发动兴热潮。… / 一是全面发动宣传。…).
    """
    seen: set[str] = set()
    # shingle → the first documents it was seen in (at most COMMON_SHINGLE: a shingle of a stock phrase
    # is in every document, and walking its list for every paragraph would make the step quadratic)
    index: dict[int, list[int]] = defaultdict(list)
    by_doc: list[set[int]] = []  # each document's shingles, to check a candidate source exactly
    for n, doc in enumerate(docs):
        keep = []
        mine: set[int] = set()
        for p in doc.paragraphs:
            key = content_key(p.text)
            if len(key) >= MIN_PARAGRAPH:
                if key in seen:
                    continue
                sh = {hash(key[i:i + SHINGLE]) for i in range(len(key) - SHINGLE + 1)}
                if sh and _copied(sh, index, by_doc):
                    continue
                seen.add(key)
                mine |= sh
            keep.append(p)
        for h in mine:
            docs_with = index[h]
            if len(docs_with) < COMMON_SHINGLE:
                docs_with.append(n)
        by_doc.append(mine)
        doc.paragraphs = keep



def _copied(sh: set[int], index: dict[int, list[int]], by_doc: list[set[int]]) -> bool:
    """Whether one earlier document holds NEAR_PARAGRAPH of these shingles.

    The candidates are the documents that share the paragraph's less common shingles (a pasted
    passage brings its own words along); the best few are checked against all shingles.
    """
    hits: dict[int, int] = defaultdict(int)
    for h in sh:
        docs_with = index.get(h)
        if docs_with and len(docs_with) < COMMON_SHINGLE:
            for d in docs_with:
                hits[d] += 1
    need = NEAR_PARAGRAPH * len(sh)
    best = sorted(hits, key=hits.__getitem__, reverse=True)[:3]
    return any(len(sh & by_doc[d]) >= need for d in best)


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
