"""The map step starts while de-duplication still runs; the reduce step and ranking run in a process of their own."""
from __future__ import annotations

import multiprocessing as mp
import sqlite3

import pytest

from editor.core.corpus import archive
from editor.core.mining import mapreduce
from editor.core.mining.assemble import mine_documents
from editor.core.mining.count_cache import CountCache
from editor.core.mining.miner import MiningCancelled, mine_corpus, structure_corpus
from editor.core.resources import seed_corpus_dir
from tests.mining_corpus_gen import generate_corpus

needs_fork = pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="no fork on this system")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Generated reports (copies and site furniture among them) and bundled documents, as (name, text)."""
    made = generate_corpus(tmp_path_factory.mktemp("gen") / "c", n_reports=16, chars_per_report=2500, seed=11)
    files = [*made.files, *sorted(seed_corpus_dir().rglob("*.txt"))[:14]]
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture(scope="module")
def apart(corpus):
    """Phrases of the corpus structured first, then mapped and reduced (nothing streamed)."""
    return mine_documents(structure_corpus(corpus))


def forking(monkeypatch):
    """Worker processes (and the forked writer) whatever the corpus size, as at archive scale."""
    monkeypatch.setattr(mapreduce, "pool_context", lambda chars: mp.get_context("fork"))


def test_documents_are_mapped_while_later_ones_are_still_de_duplicated(corpus, apart, monkeypatch):
    monkeypatch.setattr(archive, "_BATCH", 4)
    events: list[tuple[str, int]] = []
    real_add, real_paragraphs = mapreduce.StreamFold.add, archive.dedupe_paragraphs

    def add(self, earlier, batch):
        events.append(("map", len(batch)))
        real_add(self, earlier, batch)

    def paragraphs(batch, *args):
        events.append(("dedupe", len(batch)))
        return real_paragraphs(batch, *args)

    monkeypatch.setattr(mapreduce.StreamFold, "add", add)
    monkeypatch.setattr(archive, "dedupe_paragraphs", paragraphs)
    streamed = mine_corpus(corpus).phrases
    assert len(apart) > 50
    assert streamed == apart  # the same phrases, order, scores, examples and sources
    kinds = [kind for kind, _ in events]
    assert kinds.count("map") >= 5
    # Batches go to the map step one by one, each as soon as it is de-duplicated.
    assert kinds[:4] == ["dedupe", "map", "dedupe", "map"]
    assert sum(n for kind, n in events if kind == "map") == len(structure_corpus(corpus))


@needs_fork
def test_in_worker_processes_the_streamed_result_is_the_same(corpus, apart, monkeypatch):
    monkeypatch.setattr(archive, "_BATCH", 4)
    forking(monkeypatch)
    assert mine_corpus(corpus).phrases == apart


def reduced(monkeypatch) -> list[tuple[bool, int]]:
    """(whether a reducing process ran, documents it folded) for each run (spied)."""
    runs: list[tuple[bool, int]] = []
    real_close = mapreduce.StreamFold.close

    def close(self):
        if self.reduced is not None:
            runs.append((self.reducer is not None, self.reduced))
            self.reduced = None  # closed twice: counted once
        real_close(self)

    monkeypatch.setattr(mapreduce.StreamFold, "close", close)
    return runs


def mine(corpus, path):
    cache = CountCache(path)
    try:
        return mine_corpus(corpus, cache=cache).phrases
    finally:
        cache.close()


@needs_fork
def test_a_reducing_process_folds_keeps_and_ranks_and_the_next_run_folds_only_new_files(
        corpus, apart, tmp_path, monkeypatch):
    expected = mine_documents(structure_corpus(corpus[:-5]))
    forking(monkeypatch)
    runs = reduced(monkeypatch)
    path = tmp_path / "bank.db.counts"
    first = mine(corpus[:-5], path)
    again = mine(corpus, path)
    assert first == expected
    assert again == apart
    # Both runs reduced in a process of their own; the second one onto the merged counts the first kept.
    assert [ran for ran, _ in runs] == [True, True]
    assert runs[0][1] > 20
    assert 0 < runs[1][1] <= 5
    # The second run only listed its documents after the merged counts: a third folds them from their own.
    assert mine(corpus, path) == apart
    assert runs[2] == runs[1]


@needs_fork
def test_the_reducer_folds_earlier_documents_again_when_their_merged_counts_are_damaged(
        corpus, apart, tmp_path, monkeypatch):
    forking(monkeypatch)
    path = tmp_path / "bank.db.counts"
    mine(corpus[:-5], path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE merged SET data = x'00ff00ff'")
    runs = reduced(monkeypatch)
    assert mine(corpus, path) == apart
    assert runs[0][0]
    assert runs[0][1] > 20  # every document folded in this run


@needs_fork
def test_cancelling_while_the_reducer_ranks_stops_it(corpus, monkeypatch):
    forking(monkeypatch)
    reducers = []
    real_result = mapreduce.StreamFold.result

    def result(self):
        reducers.append(self.reducer)
        return real_result(self)

    monkeypatch.setattr(mapreduce.StreamFold, "result", result)
    with pytest.raises(MiningCancelled):
        mine_corpus(corpus, cancelled=lambda: bool(reducers))
    assert len(reducers) == 1
    assert not reducers[0].is_alive()


@needs_fork
@pytest.mark.timeout(300)
def test_the_reducer_judges_many_candidates_in_workers_and_ends(corpus, apart, tmp_path, monkeypatch):
    # A pool the reducing process starts is terminated when judging ends; its workers must end then
    # (they once inherited the reducer's SIGTERM handler and waited for ever on the pool's queue).
    from editor.core.mining import assemble

    forking(monkeypatch)
    monkeypatch.setattr(assemble, "JUDGED_APART", 1)
    for _ in range(3):
        assert mine(corpus, tmp_path / f"{_}.counts") == apart


@needs_fork
def test_the_reducer_maps_earlier_documents_whose_counts_are_lost_from_documents_it_asks_for(
        corpus, apart, tmp_path, monkeypatch):
    forking(monkeypatch)
    path = tmp_path / "bank.db.counts"
    mine(corpus[:-5], path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE merged SET data = x'00ff00ff'")
        lost = conn.execute("DELETE FROM counts WHERE rowid IN (SELECT rowid FROM counts LIMIT 3)").rowcount
    assert lost == 3
    runs = reduced(monkeypatch)
    assert mine(corpus, path) == apart
    assert runs[0][0]
    assert runs[0][1] > 20


@needs_fork
def test_a_reducer_that_read_merged_counts_of_another_corpus_folds_every_document(corpus, tmp_path, monkeypatch):
    # The reducer reads the kept merged counts before it knows the corpus; a corpus that no longer
    # opens with their documents (its first file removed) must not start from them.
    forking(monkeypatch)
    path = tmp_path / "bank.db.counts"
    mine(corpus[:-5], path)
    runs = reduced(monkeypatch)
    assert mine(corpus[1:], path) == mine_documents(structure_corpus(corpus[1:]))
    assert runs[0][0]
    assert runs[0][1] > 20


@needs_fork
def test_the_workers_and_the_reducer_are_forked_before_the_files_are_structured(corpus, apart, monkeypatch):
    # Forked later, each kept a copy of the main process's memory as it then was (the archive).
    from editor.core.mining import miner

    forking(monkeypatch)
    folds: list[mapreduce.StreamFold] = []
    real_early, real_split = mapreduce.StreamFold.fork_early, miner.split_files

    def fork_early(self, new_chars):
        folds.append(self)
        return real_early(self, new_chars)

    at_split: list[tuple[bool, bool]] = []

    def split_files(files, cancelled=None, progress=None, prints=None, pool=None, first=0):
        at_split.append((pool is folds[0].pool, folds[0].reducer.is_alive()))
        return real_split(files, cancelled, progress, prints, pool, first)

    monkeypatch.setattr(mapreduce.StreamFold, "fork_early", fork_early)
    monkeypatch.setattr(miner, "split_files", split_files)
    assert mine_corpus(corpus).phrases == apart
    assert at_split == [(True, True)]  # the files were split in the early workers, the reducer waiting


@needs_fork
def test_cancelling_while_the_files_are_structured_stops_the_early_processes(corpus, monkeypatch):
    forking(monkeypatch)
    folds: list[mapreduce.StreamFold] = []
    real_early = mapreduce.StreamFold.fork_early

    started: list[object] = []

    def fork_early(self, new_chars):
        folds.append(self)
        forked = real_early(self, new_chars)
        started.extend([self.reducer, *self.pool._pool])
        return forked

    monkeypatch.setattr(mapreduce.StreamFold, "fork_early", fork_early)
    with pytest.raises(MiningCancelled):
        mine_corpus(corpus, cancelled=lambda: bool(folds))  # cancelled once the processes exist
    assert len(folds) == 1
    assert len(started) >= 3  # the reducer and a worker per core
    assert not any(p.is_alive() for p in started)
