"""Remove identical and near-identical documents and repeated paragraphs before counting (MINING.md)."""
from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from dataclasses import dataclass, field

from editor.core.corpus.shingles import COMMON_SHINGLE, Bloom, CandidateIndex, packed, shingle_set
from editor.core.corpus.structure import Document

__all__ = ["COMMON_SHINGLE", "DocumentIndex", "ParagraphIndex", "Print", "Prints", "content_key", "dedupe_documents",
           "dedupe_paragraphs", "dedupe_passages", "fingerprints"]

_NOISE = re.compile(r"[\s\W_\d]+")
NEAR_DUPLICATE = 0.8
# Long documents are compared on a consistent sample of their shingles (1 in _SAMPLE), a huge file
# (a 20 M-character "document") on a sparser one, so memory stays bounded.
_SAMPLE = 4
MIN_PARAGRAPH = 30  # shorter paragraphs (headings, stock lines) are what we want to count
NEAR_PARAGRAPH = 0.6
_SENTENCE = re.compile(r"(?<=[。！？!?；;])")


def content_key(text: str) -> str:
    """Text with punctuation, digits and spaces dropped: copies differ in those first."""
    return _NOISE.sub("", text)


def _digest(key: str) -> int:
    """A 64-bit identity of a text, the same in every run."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


# A text's identity and shingles, made where the file was split (worker processes) or when needed.
Print = tuple[int, "array[int]"]
Prints = dict[int, "Print | None"]  # by id() of a Document or Paragraph


def document_print(doc: Document) -> Print | None:
    """A document's identity and (sampled) shingles for dedupe_documents; None when it holds no text."""
    key = content_key(doc.text())
    if not key:
        return None
    step = 1 if len(key) <= 2000 else _SAMPLE if len(key) <= 400_000 else 4 * _SAMPLE
    return _digest(key), packed(shingle_set(key, step))


def paragraph_print(text: str) -> Print | None:
    """A long paragraph's identity and shingles for dedupe_paragraphs; None for a short one (not compared)."""
    key = content_key(text)
    return (_digest(key), packed(shingle_set(key))) if len(key) >= MIN_PARAGRAPH else None


def _one_sentence(text: str) -> bool:
    """Whether a paragraph holds a single sentence."""
    return sum(1 for s in _SENTENCE.split(text.strip()) if content_key(s)) <= 1


def fingerprints(docs: list[Document]) -> list[tuple[Print | None, list[Print | None]]]:
    """Every document's print and its paragraphs' ones (made in the worker that split the file)."""
    return [(document_print(d), [paragraph_print(p.text) for p in d.paragraphs]) for d in docs]


@dataclass
class DocumentIndex:
    """What document de-duplication has kept so far; a later run adds new documents to it.

    Document j is the j-th one kept: its shingles (an exact array), their number and whether it is
    still kept (a longer copy found later replaces it).
    """

    exact: set[int] = field(default_factory=set)
    shingles: list[array[int]] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    alive: list[bool] = field(default_factory=list)
    index: CandidateIndex = field(default_factory=CandidateIndex)
    replaced_earlier: bool = False  # a document of an earlier run gave way to a longer copy in this one


def dedupe_documents(docs: list[Document], state: DocumentIndex | None = None,
                     prints: Prints | None = None) -> list[Document]:
    """Drop identical documents and near-copies: ≥ 80 % of the smaller one's shingles are in the other.

    Containment, not Jaccard: a copy with a paragraph cut or added (75 % Jaccard) is still a copy,
    and the longer of the two is kept. state: the documents kept by an earlier run (added to);
    prints: the documents' prints when already made (fingerprints).
    """
    state = state if state is not None else DocumentIndex()
    base = len(state.sizes)
    kept: list[Document | None] = []
    for doc in docs:
        made = prints[id(doc)] if prints is not None and id(doc) in prints else document_print(doc)
        if made is None:
            continue
        digest, shingles = made
        if digest in state.exact:
            continue
        state.exact.add(digest)
        sh = set(shingles)
        # Candidates come from the less common shingles (a copy shares the document's own words; a
        # stock phrase's shingles are in every document and would make this quadratic), and are then
        # measured on all of them.
        replace = -1
        duplicate = False
        for j in state.index.candidates(sh, 5):
            if not state.alive[j] or not sh or not state.sizes[j]:
                continue
            if len(sh.intersection(state.shingles[j])) / min(len(sh), state.sizes[j]) >= NEAR_DUPLICATE:
                if len(sh) > state.sizes[j]:
                    replace = j
                else:
                    duplicate = True
                break
        if duplicate:
            continue
        if replace >= 0:
            # The new one holds the old one: keep the longer text.
            state.alive[replace] = False
            state.shingles[replace] = array("I")
            if replace < base:
                state.replaced_earlier = True
            else:
                kept[replace - base] = None
        state.index.add(len(state.sizes), sh)
        state.shingles.append(shingles)
        state.sizes.append(len(sh))
        state.alive.append(True)
        kept.append(doc)
    return [d for d in kept if d is not None]


@dataclass
class ParagraphIndex:
    """What paragraph de-duplication has seen so far: long paragraphs, each document's shingles (a Bloom filter)."""

    seen: set[int] = field(default_factory=set)
    blooms: list[Bloom] = field(default_factory=list)
    index: CandidateIndex = field(default_factory=CandidateIndex)

    def copied(self, sh: set[int]) -> bool:
        """Whether one earlier document holds NEAR_PARAGRAPH of these shingles.

        The candidates are the documents that share the paragraph's less common shingles (a pasted
        passage brings its own words along); the best few are checked against all shingles.
        """
        return self.holders(sh) > 0

    def holders(self, sh: set[int]) -> int:
        """How many earlier documents (of the best three candidates) hold NEAR_PARAGRAPH of these shingles."""
        need = NEAR_PARAGRAPH * len(sh)
        return sum(1 for d in self.index.candidates(sh, 3) if self.blooms[d].holds_at_least(sh, need))


def dedupe_paragraphs(docs: list[Document], state: ParagraphIndex | None = None,
                      prints: Prints | None = None) -> ParagraphIndex:
    """Drop long paragraphs already seen in an earlier document, or mostly so (copied passages count once).

    "Mostly": 60 % of the paragraph's 8-character shingles are in one earlier document's paragraphs
    (a pasted paragraph renumbered or lightly edited: 1.全面发动兴热潮。… / 一是全面发动宣传。…).
    A paragraph of one sentence is a copy when one earlier document holds it, and a stock sentence
    when two or more do (新的一年，我们将…作出新的更大贡献 ends every summary of an office): it is
    then counted again, from its third document on.
    state: what an earlier run saw (added to), returned; prints: the paragraphs' prints when already made.
    """
    state = state if state is not None else ParagraphIndex()
    for doc in docs:
        keep = []
        mine: set[int] = set()
        for p in doc.paragraphs:
            made = prints[id(p)] if prints is not None and id(p) in prints else paragraph_print(p.text)
            if made is not None:
                digest, shingles = made
                sh = set(shingles)
                if _one_sentence(p.text):
                    mine |= sh  # dropped or not, later documents see that this one holds it too
                    if sh and state.holders(sh) == 1:
                        continue
                elif digest in state.seen or (sh and state.copied(sh)):
                    continue
                state.seen.add(digest)
                mine |= sh
            keep.append(p)
        state.index.add(len(state.blooms), mine)
        state.blooms.append(Bloom(mine))
        doc.paragraphs = keep
    return state


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


def dedupe_passages(docs: list[Document], seen: set[int] | None = None) -> set[int]:
    """Drop copied passages: three or more sentences seen side by side, in this order, in an earlier document.

    A stock sentence recurs alone (现在，我代表国务院，向大会报告政府工作，请予审议); a passage pasted
    from another document brings its neighbours with it, and would make every sentence of it look stock.
    seen: the pairs of neighbouring long sentences an earlier run saw (added to); returned.
    """
    seen = seen if seen is not None else set()  # pairs of neighbouring long sentences, as two CRCs
    crc = zlib.crc32
    for doc in docs:
        new: list[int] = []
        for p in doc.paragraphs:
            if p.heading:
                continue
            parts = [s for s in _SENTENCE.split(p.text) if s]
            # A pair of long sentences already seen side by side, in the same order, elsewhere.
            codes = [crc(k.encode()) if len(k) >= MIN_PASSAGE_SENTENCE else -1 for k in map(content_key, parts)]
            pairs = [a << 32 | b if a >= 0 and b >= 0 else -1 for a, b in zip(codes, codes[1:])]
            linked = [pair >= 0 and pair in seen for pair in pairs]
            copied = [False] * len(parts)
            for i, run in enumerate(_in_runs(linked, PASSAGE - 1)):
                if run:
                    copied[i] = copied[i + 1] = True
            if any(copied):
                p.text = "".join(s for s, c in zip(parts, copied) if not c)
            new.extend(pair for pair in pairs if pair >= 0)
        seen.update(new)
    for doc in docs:
        doc.paragraphs = [p for p in doc.paragraphs if p.heading or p.text.strip()]
    return seen
