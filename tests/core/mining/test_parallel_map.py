"""The map step uses every core from the GUI's worker thread too (spawned workers), with the same result."""
from __future__ import annotations

import multiprocessing as mp
import threading

import pytest

from editor.core.mining import mapreduce
from editor.core.mining.miner import mine_corpus
from editor.core.resources import seed_corpus_dir


def in_thread(fn):
    out = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join()
    return out[0]


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="no fork here: spawn everywhere")
def test_workers_fork_from_the_main_thread_and_spawn_from_another():
    assert mapreduce.pool_context(mapreduce.FORK_CHARS - 1) is None  # a small corpus maps in-process
    assert in_thread(lambda: mapreduce.pool_context(mapreduce.SPAWN_CHARS - 1)) is None  # spawning costs more
    main = mapreduce.pool_context(mapreduce.SPAWN_CHARS)
    other = in_thread(lambda: mapreduce.pool_context(mapreduce.SPAWN_CHARS))
    assert main is not None
    assert main.get_start_method() == "fork"
    assert other is not None
    assert other.get_start_method() == "spawn"


def test_mining_from_a_thread_in_worker_processes_gives_the_same_phrases(monkeypatch):
    corpus = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seed_corpus_dir().rglob("*.txt"))[:24]]
    alone = mine_corpus(corpus).phrases  # under FORK_CHARS: mapped in this process
    started = []
    real = mapreduce.pool_context

    def low_threshold(chars):
        context = real(chars + mapreduce.SPAWN_CHARS)
        started.append(context.get_start_method() if context else None)
        return context

    monkeypatch.setattr(mapreduce, "pool_context", low_threshold)
    threaded = in_thread(lambda: mine_corpus(corpus).phrases)
    # Asked before structuring (spawned workers are not started early), for splitting, for the map step.
    assert started == ["spawn", "spawn", "spawn"]
    assert len(alone) > 20
    assert threaded == alone
