"""Re-mining from the last run's merged counts: appended documents are the only ones reduced, same phrases."""
from __future__ import annotations

import sqlite3

import pytest

from editor.core.mining import mapreduce
from editor.core.mining.count_cache import CountCache
from editor.core.mining.miner import mine_corpus
from editor.core.resources import seed_corpus_dir
from tests.mining_corpus_gen import generate_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Generated reports (copies and site furniture among them) and bundled documents, as (name, text)."""
    made = generate_corpus(tmp_path_factory.mktemp("gen") / "c", n_reports=14, chars_per_report=2500, seed=7)
    files = [*made.files, *sorted(seed_corpus_dir().rglob("*.txt"))[:20]]
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture(scope="module")
def full(corpus):
    """Phrases of a full mine without any cache."""
    return mine_corpus(corpus).phrases


def reduced(monkeypatch) -> list[int]:
    """How many documents each run folded into its counts (spied)."""
    sizes: list[int] = []
    real = mapreduce.StreamFold.finish

    def spy(self, docs):
        counts = real(self, docs)
        sizes.append(len(docs) - self.first)
        return counts

    monkeypatch.setattr(mapreduce.StreamFold, "finish", spy)
    return sizes


def mine(corpus, path):
    cache = CountCache(path)
    try:
        return mine_corpus(corpus, cache=cache).phrases
    finally:
        cache.close()


def test_documents_added_at_the_end_are_the_only_ones_reduced(corpus, full, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.counts"
    assert mine(corpus[:-6], path) == mine_corpus(corpus[:-6]).phrases
    sizes = reduced(monkeypatch)
    again = mine(corpus, path)
    assert len(full) > 50
    assert again == full  # the same phrases in the same order, scores, examples and sources
    assert sizes
    assert sizes[0] <= 6


def test_mining_the_same_corpus_again_reduces_nothing(corpus, full, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.counts"
    mine(corpus, path)
    sizes = reduced(monkeypatch)
    assert mine(corpus, path) == full
    assert sizes == [0]


def test_a_changed_document_in_the_middle_means_a_full_reduce(corpus, full, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.counts"
    changed = list(corpus)
    name, text = changed[3]
    changed[3] = (name, text.replace("工作", "事情", 3) + "\n另外补充一段说明文字，用来改变这份文件的内容。")
    mine(changed, path)
    sizes = reduced(monkeypatch)
    assert mine(corpus, path) == full
    assert sizes[0] > 20  # every document added up again (their counts still from the cache)


def test_damaged_merged_counts_are_replaced_by_a_full_reduce(corpus, full, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.counts"
    mine(corpus[:-6], path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE merged SET data = x'00ff00ff'")
    sizes = reduced(monkeypatch)
    assert mine(corpus, path) == full
    assert mine(corpus, path) == full
    assert sizes[0] > 20  # the damaged counts were not used…
    assert sizes[1] == 0  # …and the run stored good ones again
