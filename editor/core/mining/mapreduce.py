"""The map and reduce steps over a corpus: documents mapped in worker processes, their counts folded in order.

Workers map contiguous chunks of documents (forked workers already hold the documents and are sent
only a chunk's number) and send back each document's counts as the cache keeps them (pickled and
compressed: cheap to send, written to the cache as they are); documents the cache holds are read
back by the workers too. The main process folds the counts in corpus order, which keeps the reduce
exact (an entry's example and source come from the first document that has it). A combiner in the
workers (each chunk folded where it was mapped, the partials merged) was measured and dropped: on
stock-heavy text the chunks share most of their keys, so building, sending and merging the partials
cost more CPU than the fold they saved.
"""
from __future__ import annotations

import math
import multiprocessing as mp
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from editor.core.mining.control import check_cancelled
from editor.core.mining.counting import Counts, DocCounts, map_document, reduce_counts

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.count_cache import CountCache

Progress = Callable[[int, int, str], None]
# (index of the chunk's first document, [(document, its cache key or "", whether the cache holds it)], cache file)
Chunk = tuple[int, list[tuple["Document", str, bool]], str]
# A chunk's documents: few enough chunks that adding the partials up stays cheap, enough that both
# cores stay busy to the end and progress and cancelling are not held up for long.
CHUNKS_PER_CORE, MAX_CHUNK = 16, 8

# From this many characters to map on, the map step runs in one process per core: forked from the
# main thread, spawned (each worker loading jieba itself) from another thread.
FORK_CHARS = 200_000
SPAWN_CHARS = 2_000_000


def pool_context(chars: int) -> mp.context.BaseContext | None:
    """How the map step starts one worker per core for documents of `chars` characters; None: in this process.

    Forked workers inherit the loaded dictionaries, so they pay from a few hundred thousand characters
    on (40 added reports). Forking is only safe from the main thread: a run from another thread (the
    GUI's mining worker) spawns fresh workers instead, which load jieba themselves (a second or two),
    so only for a larger corpus.
    """
    if (os.cpu_count() or 1) < 2 or chars < FORK_CHARS:
        return None
    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.current_thread() is threading.main_thread():
        return mp.get_context("fork")
    return mp.get_context("spawn") if "spawn" in methods and chars >= SPAWN_CHARS else None


def count_chunk(chunk: Chunk) -> list[tuple[bytes, bool]]:
    """A chunk's documents' counts in order, as doc_counts_blob makes them, each with whether it was newly mapped."""
    from editor.core.mining.count_cache import doc_counts_blob, read_cached_blob

    start, items, cache_file = chunk
    out: list[tuple[bytes, bool]] = []
    for offset, (doc, key, known) in enumerate(items):
        blob = read_cached_blob(cache_file, key) if known else None
        if blob is None:
            # Compressed only for the cache: without one, compressing would cost more than sending.
            blob = doc_counts_blob(map_document(start + offset, doc), compress=bool(cache_file))
            out.append((blob, True))
        else:
            out.append((blob, False))
    return out


# The chunks, set before workers are forked: they inherit them and are sent only a chunk's number.
_FORKED: list[Chunk] = []


def _count_forked(chunk: Chunk | int) -> list[tuple[bytes, bool]]:
    return count_chunk(_FORKED[chunk] if isinstance(chunk, int) else chunk)


def chunks(docs: list[Document], keys: list[str], first: int, known: set[str], cache_file: str) -> list[Chunk]:
    """docs[first:] in contiguous chunks, each document with its cache key and whether the cache holds it."""
    n = len(docs) - first
    workers = max(1, os.cpu_count() or 1)
    size = max(1, min(MAX_CHUNK, math.ceil(n / (CHUNKS_PER_CORE * workers))))
    out: list[Chunk] = []
    for start in range(first, len(docs), size):
        items = [(docs[i], keys[i] if keys else "", bool(keys) and keys[i] in known)
                 for i in range(start, min(len(docs), start + size))]
        out.append((start, items, cache_file))
    return out


def windowed(pool: Any, fn: Callable[[Any], Any], tasks: list[Any], ahead: int = 4) -> Iterator[Any]:
    """pool.imap with back-pressure: at most `ahead` tasks a worker in flight.

    imap hands out every task at once, and when the main process folds more slowly than the
    workers map, their finished results pile up in memory (hundreds of MB at 20 M characters).
    """
    pending: deque[Any] = deque()
    upcoming = iter(tasks)
    for task in islice(upcoming, ahead * (os.cpu_count() or 1)):
        pending.append(pool.apply_async(fn, (task,)))
    while pending:
        result = pending.popleft().get()
        for task in islice(upcoming, 1):
            pending.append(pool.apply_async(fn, (task,)))
        yield result


def _in_process(work: list[Chunk], cache_file: str) -> Iterator[tuple[DocCounts, bytes | None]]:
    """The chunks' counts mapped here (a small corpus), pickled only for the cache."""
    from editor.core.mining.count_cache import doc_counts_blob, read_cached

    for start, items, _ in work:
        for offset, (doc, key, known) in enumerate(items):
            counts = read_cached(cache_file, key) if known else None
            if counts is not None:
                yield counts, None
            else:
                counts = map_document(start + offset, doc)
                yield counts, doc_counts_blob(counts) if key else None


def _in_workers(work: list[Chunk], context: Any, compressed: bool) -> Iterator[tuple[DocCounts, bytes | None]]:
    """The chunks' counts mapped in one worker process per core."""
    from editor.core.mining.count_cache import load_blob

    tasks: list[Chunk | int] = list(work)
    if context.get_start_method() == "fork":
        from editor.core.mining.lexicon import _jb

        _jb()  # load jieba once, before forking
        _FORKED[:] = work  # the documents are not pickled: the workers have them already
        tasks = list(range(len(work)))
    try:
        with context.Pool(os.cpu_count()) as pool:
            for results in windowed(pool, _count_forked, tasks):
                for blob, fresh in results:
                    yield load_blob(blob, compressed or not fresh), blob if fresh else None
    finally:
        _FORKED.clear()


def fold_corpus(docs: list[Document], cache: CountCache | None, keys: list[str], first: int,
                into: Counts | None, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Counts:
    """Every document's counts from docs[first] on, folded in corpus order into `into` (the earlier ones' counts).

    Documents the cache holds are read back, the others mapped (and their counts cached); from a
    few hundred thousand characters on, in one worker process per core.
    """
    known = cache.keys() if cache is not None else set()
    cache_file = str(cache.path) if cache is not None else ""
    work = chunks(docs, keys if cache is not None else [], first, known, cache_file)
    check_cancelled(cancelled)
    context = pool_context(sum(len(p.text) for _, items, _ in work for d, _, k in items if not k
                               for p in d.paragraphs))
    stream = _in_process(work, cache_file) if context is None else _in_workers(work, context, bool(cache_file))
    fresh: list[tuple[str, bytes]] = []
    total = len(docs)

    def ordered() -> Iterator[DocCounts]:
        for i, (counts, blob) in enumerate(stream, first):
            doc = docs[i]
            # The document's name and file text are the document's, not its counts': a renamed or
            # re-read file reuses its counts.
            counts.name, counts.surface, counts.index = doc.name, doc.surface, i
            if blob is not None and cache is not None:
                fresh.append((keys[i], blob))
                if len(fresh) >= 32:  # written as they come: nothing piles up in memory
                    cache.put_many(fresh)
                    fresh.clear()
            if i % 5 == 0:
                check_cancelled(cancelled)
                if progress:
                    progress(i, total * 2, "挖掘短语 / mining phrases")
            yield counts

    from editor.core.mining.count_cache import close_readers

    try:
        counts = reduce_counts(ordered(), into)
    finally:
        close_readers()  # the in-process path's reads (workers close theirs when they end)
    if cache is not None:
        cache.put_many(fresh)
        cache.commit(keys)
    return counts
