"""Re-mining from the last run's merged counts: appended documents are the only ones reduced, same phrases."""
from __future__ import annotations

import sqlite3

import pytest

from editor.core.mining import count_cache, mapreduce
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
    real = mapreduce.StreamFold.close

    def spy(self):
        if self.reduced is not None:
            sizes.append(self.reduced)
            self.reduced = None  # closed twice: counted once
        real(self)

    monkeypatch.setattr(mapreduce.StreamFold, "close", spy)
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


def test_a_few_added_documents_are_appended_to_the_merged_counts_not_written_again(corpus, full, tmp_path,
                                                                                   monkeypatch):
    path = tmp_path / "bank.db.counts"
    mine(corpus[:-6], path)
    with sqlite3.connect(path) as conn:
        (kept,) = conn.execute("SELECT data FROM merged").fetchone()
    expected = mine_corpus(corpus[:-3]).phrases
    sizes = reduced(monkeypatch)
    assert mine(corpus[:-3], path) == expected
    assert mine(corpus, path) == full
    with sqlite3.connect(path) as conn:
        (data,) = conn.execute("SELECT data FROM merged").fetchone()
        base, keys = conn.execute("SELECT base, keys FROM appended").fetchone()
    assert data == kept  # the merged counts of the first run were not written again…
    assert len(keys.split("\n")) >= 6  # …the documents added since are listed after them
    assert base > 20
    # The second re-mine folded the first one's documents again (from their own counts) and its own.
    assert sizes[0] <= 3
    assert sizes[1] <= 6
    assert sizes[1] > sizes[0]


def test_many_added_documents_mean_writing_the_merged_counts_again(corpus, full, tmp_path, monkeypatch):
    monkeypatch.setattr(count_cache, "APPENDED", 2)
    path = tmp_path / "bank.db.counts"
    mine(corpus[:-6], path)
    assert mine(corpus, path) == full
    with sqlite3.connect(path) as conn:
        (keys,) = conn.execute("SELECT keys FROM merged").fetchone()
        assert conn.execute("SELECT COUNT(*) FROM appended").fetchone() == (0,)
    sizes = reduced(monkeypatch)
    assert mine(corpus, path) == full
    assert sizes == [0]
    assert len(keys.split("\n")) > 20
