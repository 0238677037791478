"""The fast near-copy dedupe (counts in C, bit-sliced counts over documents) decides as the plain loops did."""
from __future__ import annotations

import copy
import random
from collections import defaultdict

from editor.core.corpus import dedupe
from editor.core.corpus.normalize import fold_width, t2s
from editor.core.corpus.structure import Document, Paragraph, split_documents
from tests.mining_corpus_gen import generate_corpus


def _plain_dedupe_paragraphs(docs: list[Document]) -> None:
    """The reference: count each earlier document's shingles in a Python loop."""
    seen: set[str] = set()
    index: dict[int, set[int]] = defaultdict(set)
    for n, doc in enumerate(docs):
        keep, mine = [], set()
        for p in doc.paragraphs:
            key = dedupe.content_key(p.text)
            if len(key) >= dedupe.MIN_PARAGRAPH:
                if key in seen:
                    continue
                sh = {hash(key[i:i + dedupe.SHINGLE]) for i in range(len(key) - dedupe.SHINGLE + 1)}
                hits: dict[int, int] = defaultdict(int)
                for h in sh:
                    for d in index.get(h, ()):
                        hits[d] += 1
                if sh and max(hits.values(), default=0) >= dedupe.NEAR_PARAGRAPH * len(sh):
                    continue
                seen.add(key)
                mine |= sh
            keep.append(p)
        for h in mine:
            index[h].add(n)
        doc.paragraphs = keep


def _corpus(tmp_path) -> list[Document]:
    made = generate_corpus(tmp_path / "c", n_reports=24, chars_per_report=2500, seed=3)
    docs = []
    for f in made.files:
        docs.extend(split_documents(f.name, fold_width(t2s(f.read_text(encoding="utf-8")))))
    # Pasted paragraphs, some lightly edited, so the near-copy rule has work to do.
    rng = random.Random(5)
    for doc in docs[12:]:
        donor = rng.choice(docs[:12])
        for p in rng.sample(donor.paragraphs, k=min(3, len(donor.paragraphs))):
            chars = list(p.text)
            for _ in range(rng.choice((0, 2, 8, 30))):
                chars[rng.randrange(len(chars))] = "改"
            doc.paragraphs.append(Paragraph("".join(chars)))
    return docs


def test_paragraph_dedupe_matches_the_plain_count(tmp_path):
    docs = _corpus(tmp_path)
    fast, plain = copy.deepcopy(docs), copy.deepcopy(docs)
    dedupe.dedupe_paragraphs(fast)
    _plain_dedupe_paragraphs(plain)
    kept = [[p.text for p in d.paragraphs] for d in fast]
    assert kept == [[p.text for p in d.paragraphs] for d in plain]
    assert sum(map(len, kept)) < sum(len(d.paragraphs) for d in docs)  # some copies were dropped


def test_bit_counts_count_per_document():
    rng = random.Random(1)
    masks = [rng.getrandbits(40) for _ in range(200)]
    planes = dedupe._bit_counts(masks)
    for d in range(40):
        count = sum(m >> d & 1 for m in masks)
        assert sum((p >> d & 1) << i for i, p in enumerate(planes)) == count
        alone = dedupe._bit_counts([m & (1 << d) for m in masks])  # this document only
        assert dedupe._any_at_least(alone, count)
        assert not dedupe._any_at_least(alone, count + 1)
    best = max(sum(m >> d & 1 for m in masks) for d in range(40))
    assert dedupe._any_at_least(planes, best)
    assert not dedupe._any_at_least(planes, best + 1)
