"""The map and reduce steps over a corpus: documents mapped in worker processes, their counts folded in order.

Workers map contiguous chunks of documents (sent as tuples, as de-duplication finishes them: see
StreamFold) and send back each document's counts as the cache keeps them (pickled and compressed:
cheap to send, written to the cache as they are); documents the cache holds are read back by the
workers too. The main process folds the counts in corpus order, which keeps the reduce
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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from editor.core.mining.control import check_cancelled
from editor.core.mining.counting import Counts, DocCounts, map_document, reduce_counts
from editor.core.mining.reducer import Light, Progress, Rank, document, light, reduce_and_rank

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.count_cache import CountCache
    from editor.core.model.phrases import Phrase

# (index of the chunk's first document, [(document, its cache key or "", whether the cache holds it)], cache file)
Chunk = tuple[int, list[tuple["Document | Light", str, bool]], str]
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
    from editor.core.mining.blobs import doc_counts_blob
    from editor.core.mining.count_cache import read_cached_blob

    start, items, cache_file = chunk
    out: list[tuple[bytes, bool]] = []
    for offset, (doc, key, known) in enumerate(items):
        blob = read_cached_blob(cache_file, key) if known else None
        if blob is None:
            # Compressed only for the cache: without one, compressing would cost more than sending.
            blob = doc_counts_blob(map_document(start + offset, document(doc)), compress=bool(cache_file))
            out.append((blob, True))
        else:
            out.append((blob, False))
    return out


class StreamFold:
    """The map and reduce steps fed documents while de-duplication still finishes later ones.

    De-duplication is sequential (each document is compared with the ones before it) and runs in the
    main process; every batch it finishes is sent to the map workers at once, and the counts they
    send back are folded in corpus order between batches, so the sequential step and the map step
    use both cores together. The result is the fold of every document in order, as before: adding
    documents to the last run's merged counts (when they are the documents that open the corpus)
    gives exactly what folding them all again gives.
    """

    # Chunks in flight beyond which the main process stops de-duplicating and folds (memory).
    IN_FLIGHT = 64

    def __init__(self, cache: CountCache | None, chars: int, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, rank: Rank | None = None) -> None:
        """chars: the characters of every file (those of documents the cache holds are taken off at start).

        rank: with forked workers, reduce and then rank with it in a process of their own (reducer.reduce_and_rank).
        """
        self.cache, self.chars, self.progress, self.cancelled = cache, chars, progress, cancelled
        self.rank = rank
        self.separate = rank is not None
        self.reducer: Any = None  # the reducing process, and the pipes to and from it
        self.to_reducer: Any = None
        self.from_reducer: Any = None
        self.reduced: int | None = None  # documents folded in this run (not read from merged counts)
        self.base = 0  # documents the kept merged counts this run started from hold
        self.known = cache.keys() if cache is not None else set()
        self.cache_file = str(cache.path) if cache is not None else ""
        self.docs: list[Document] = []
        self.keys: list[str] = []
        self.first = 0  # documents the last run's merged counts held
        self.counts = Counts()
        self.pending: deque[Any] = deque()  # AsyncResults (or chunks, mapped here) in corpus order
        self.submitted = self.folded = 0  # documents sent to the map step / folded into counts
        self.pool: Any = None
        self.started = False
        self.fresh: list[tuple[str, bytes]] = []

    def _key(self, doc: Document) -> str:
        from editor.core.mining.count_cache import document_key

        return document_key(doc) if self.cache is not None else ""

    def fork_early(self, new_chars: int) -> bool:
        """Start the workers and the reducing process now, while this process holds little but the files' text.

        new_chars: the characters of the files the last run's archive does not hold (those to be mapped).
        A process forked later, from a main process that holds the structured archive, kept a copy of
        every page the main process went on to change or free: at 20 M characters each worker and the
        reducer carried hundreds of MB of the main process's old memory. Forked first, they share only
        the files' text and jieba's dictionary; and a re-mine's reducer reads the last run's merged counts
        while this process is still structuring the added files. False: not now (start decides later).
        """
        context = pool_context(new_chars)
        if context is None or context.get_start_method() != "fork":
            return False
        from editor.core.mining.lexicon import _jb

        _jb()  # loaded once, before forking: the workers and the reducer share its pages
        if self.separate:
            self._fork_reducer(context)
        self.pool = context.Pool(os.cpu_count())
        return True

    def _fork_reducer(self, context: mp.context.BaseContext) -> None:
        inbox, self.to_reducer = context.Pipe(duplex=False)
        self.from_reducer, outbox = context.Pipe(duplex=False)
        maker: Any = context  # (BaseContext's stubs lack Process)
        self.reducer = maker.Process(target=reduce_and_rank, daemon=False,
                                     args=(self.cache_file, self.rank, inbox, outbox, self.to_reducer, self.from_reducer))
        self.reducer.start()
        inbox.close()
        outbox.close()

    def start(self, earlier: list[Document]) -> None:
        """Begin after the documents of earlier runs (their merged counts are read back when kept)."""
        self.started = True
        self.docs = list(earlier)
        self.keys = [self._key(d) for d in earlier]
        merged, held = self.cache.held(self.keys) if self.cache is not None else (0, 0)
        if self.pool is not None:  # forked early (fork_early)
            context: mp.context.BaseContext | None = None
            forked = True
        else:
            context = pool_context(self.chars - sum(len(p.text) for d in earlier[:held] for p in d.paragraphs))
            forked = context is not None and context.get_start_method() == "fork"
        if held and not (forked and self.separate):
            got = self.cache.merged(self.keys[:held]) if self.cache is not None else None
            # Documents appended after the merged counts are folded again from their own counts.
            self.first, self.counts = got if got is not None else (0, Counts())
            self.base = self.first
        else:
            self.first = held  # the reducer reads them back (or folds them again if it cannot)
        self.submitted = self.folded = self.first
        if context is not None:
            if forked:
                from editor.core.mining.lexicon import _jb

                _jb()  # load jieba once, before forking
            self.pool = context.Pool(os.cpu_count())
            if forked and self.separate:
                self._fork_reducer(context)
        if self.reducer is not None:
            # The names and file texts of the documents folded after the merged counts (those are the
            # files', not the counts'; the reducer asks for more should the merged counts prove unreadable).
            named = {i: (d.name, d.surface) for i, d in enumerate(self.docs[merged:self.first], merged)}
            self.to_reducer.send(("start", self.first, self.keys[:self.first], named))
        self._submit()

    def add(self, earlier: list[Document], batch: list[Document]) -> None:
        """Documents finished by de-duplication (earlier: those before them, given with the first batch)."""
        if not self.started:
            self.start(earlier)
        self.docs.extend(batch)
        self.keys.extend(self._key(d) for d in batch)
        self._submit()
        self._fold(block=False)

    def _submit(self) -> None:
        workers = max(1, os.cpu_count() or 1)
        n = len(self.docs) - self.submitted
        size = max(1, min(MAX_CHUNK, math.ceil(n / (CHUNKS_PER_CORE * workers))))
        for start in range(self.submitted, len(self.docs), size):
            items: list[tuple[Document | Light, str, bool]] = []
            for i in range(start, min(len(self.docs), start + size)):
                key = self.keys[i] if self.keys else ""
                known = bool(key) and key in self.known
                # A worker gets what it maps as tuples; one the cache holds, by its key alone.
                doc: Document | Light = self.docs[i] if self.pool is None else (
                    ("", False, []) if known else light(self.docs[i]))
                items.append((doc, key, known))
            chunk: Chunk = (start, items, self.cache_file)
            self.pending.append(chunk if self.pool is None else self.pool.apply_async(count_chunk, (chunk,)))
        self.submitted = len(self.docs)

    def _fold(self, block: bool) -> None:
        """Fold the finished chunks at the head of the queue (all of them when block)."""
        from editor.core.mining.blobs import doc_counts_blob, load_blob
        from editor.core.mining.count_cache import read_cached

        while self.pending:
            head = self.pending[0]
            if self.pool is not None and not block and len(self.pending) <= self.IN_FLIGHT and not head.ready():
                return
            self.pending.popleft()
            check_cancelled(self.cancelled)
            parts: list[DocCounts] = []
            if self.pool is None:  # a small corpus: mapped here, pickled only for the cache
                start, items, _ = head
                for offset, (doc, key, known) in enumerate(items):
                    counts = read_cached(self.cache_file, key) if known else None
                    if counts is None:
                        counts = map_document(start + offset, document(doc))
                        if key:
                            self.fresh.append((key, doc_counts_blob(counts)))
                    parts.append(counts)
            elif self.reducer is not None:  # the blobs go on to the reducer as they are
                sent = []
                for blob, new in head.get():
                    doc = self.docs[self.folded]
                    sent.append((doc.name, doc.surface, blob, bool(self.cache_file) or not new))
                    if new and self.cache is not None:
                        self.fresh.append((self.keys[self.folded], blob))
                    self.folded += 1
                self.to_reducer.send(("counts", sent, len(self.docs)))
                self._hear()
            else:
                for blob, new in head.get():
                    i = self.folded + len(parts)
                    parts.append(load_blob(blob, bool(self.cache_file) or not new))
                    if new and self.cache is not None:
                        self.fresh.append((self.keys[i], blob))
            for counts in parts:
                doc = self.docs[self.folded]
                # The document's name and file text are the document's, not its counts': a renamed or
                # re-read file reuses its counts.
                counts.name, counts.surface, counts.index = doc.name, doc.surface, self.folded
                self.folded += 1
            reduce_counts(parts, self.counts)
            if self.cache is not None and len(self.fresh) >= 32:  # written as they come: nothing piles up
                self.cache.put_many(self.fresh)
                self.fresh.clear()
            if self.progress and self.reducer is None:
                self.progress(self.folded, 2 * max(1, len(self.docs)), "挖掘短语 / mining phrases")

    def _hear(self, wait: float = 0.0) -> Any:
        """Handle what the reducer said (progress); its result once it sends one, else None."""
        while self.from_reducer.poll(wait):
            try:
                said = self.from_reducer.recv()
            except EOFError:
                raise RuntimeError("the reducing process ended without a result") from None
            if said[0] == "error":
                raise RuntimeError(f"the reducing process failed: {said[1]}")
            if said[0] == "done":
                return said
            if said[0] == "need":  # earlier documents it folds again: their names, and those it must map
                _, names, lights = said
                self.to_reducer.send(("docs", {i: (self.docs[i].name, self.docs[i].surface) for i in names},
                                      {i: light(self.docs[i]) for i in lights}))
                continue
            if self.progress:
                self.progress(said[1], said[2], said[3])
            wait = 0.0
        return None

    def result(self) -> list[Phrase]:
        """The ranked phrases the reducer made (waiting for it, passing its progress on; cancelling stops it)."""
        while True:
            check_cancelled(self.cancelled)
            said = self._hear(0.2)
            if said is not None:
                _, phrases, self.reduced = said
                return list(phrases)

    def finish(self, docs: list[Document]) -> Counts:
        """The merged counts of docs, every document of the corpus (those not fed yet are added now).

        With a reducer, the counts are its: they are empty here, and result() gives the phrases.
        """
        if not self.started:
            self.start(docs)  # nothing new was fed: every document is an earlier run's
        if len(docs) < len(self.docs) or any(a is not b for a, b in zip(docs, self.docs)):
            raise RuntimeError("documents fed to the map step differ from the corpus")  # a bug, not bad input
        self.add([], docs[len(self.docs):])
        self._fold(block=True)
        if self.reducer is not None:
            self.to_reducer.send(("end", self.keys if self.cache is not None else []))
        else:
            self.reduced = self.folded - self.first
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        if self.cache is not None:
            self.cache.put_many(self.fresh)
            self.fresh.clear()
            self.cache.commit(self.keys)
        return self.counts

    def close(self) -> None:
        """Stop the workers (at the end, or when cancelled midway)."""
        from editor.core.mining.count_cache import close_readers

        close_readers()  # the in-process path's reads (workers close theirs when they end)
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        if self.reducer is not None:
            if self.reducer.is_alive():
                self.reducer.terminate()  # cancelled, or failed: its result is not wanted
            self.reducer.join()
            self.to_reducer.close()
            self.from_reducer.close()
            self.reducer = None


def fold_corpus(docs: list[Document], cache: CountCache | None = None, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Counts:
    """Every document's counts folded in corpus order (from the last run's merged counts where they fit)."""
    fold = StreamFold(cache, sum(len(p.text) for d in docs for p in d.paragraphs), progress, cancelled)
    try:
        return fold.finish(docs)
    finally:
        fold.close()
