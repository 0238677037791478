"""Compact shingle sets: stable hashes, a Bloom filter without false negatives, candidates by rarer shingles."""
from __future__ import annotations

import random
import subprocess
import sys

from editor.core.corpus.shingles import COMMON_SHINGLE, INDEX_SAMPLE, Bloom, CandidateIndex, shingle_set


def test_shingles_are_the_same_in_every_process():
    """CRC32, not hash(): the indexes kept beside the bank are read by later runs."""
    text = "坚持以人民为中心的发展思想，统筹推进各项工作"
    here = sorted(shingle_set(text))
    code = f"from editor.core.corpus.shingles import shingle_set; print(sorted(shingle_set({text!r})))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert str(here) == there.strip()
    assert len(here) == len(text) - 7


def test_bloom_holds_every_member_and_few_others():
    rng = random.Random(1)
    members = {rng.getrandbits(32) for _ in range(5000)}
    others = {rng.getrandbits(32) for _ in range(5000)} - members
    bloom = Bloom(members)
    assert bloom.holds_at_least(members, len(members))  # no false negatives
    assert not bloom.holds_at_least(others, 0.05 * len(others))  # false positives stay around 1–2 %
    mixed = set(list(members)[:60]) | set(list(others)[:40])
    assert bloom.holds_at_least(mixed, 60)
    assert not bloom.holds_at_least(mixed, 70)


def test_candidates_come_from_rarer_shingles_most_shared_first():
    index = CandidateIndex()
    sampled = [h * INDEX_SAMPLE for h in range(1, 200)]
    stock = set(sampled[:20])  # in every document: names no source
    for doc in range(COMMON_SHINGLE + 2):
        index.add(doc, stock)
    own_a, own_b = set(sampled[20:60]), set(sampled[60:70])
    index.add(100, own_a | stock)
    index.add(101, own_b | stock)
    assert index.candidates(own_a | own_b | stock, 3) == [100, 101]
    assert index.candidates(stock, 3) == []
    assert index.candidates({h + 1 for h in own_a}, 3) == []  # unsampled shingles are not indexed
