"""The map step over a corpus: in one process per core, with each document's counts kept for the next run.

A document's counts depend on nothing but the document (after corpus-wide cleaning) and the mining
code, so they are stored under a hash of both in an SQLite file beside the bank. Re-mining after
adding documents maps only the new or changed ones; the reduce step then merges stored and new
counts in corpus order, so the result is the same as a full mine. A damaged or unreadable cache is
set aside and rebuilt, never an error: it only saves time.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing as mp
import os
import pickle
import sqlite3
import threading
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.mining.counting import DocCounts, map_document

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document

log = logging.getLogger(__name__)

# From this many documents (to map) on, the map step runs in one process per core.
PARALLEL_DOCS = 200
# Documents handed to a worker at a time, and stored per transaction.
_CHUNK = 4
_BATCH = 200


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code a document's counts depend on: a changed miner never reuses old counts."""
    import jieba

    h = hashlib.sha1(f"yuku-map-1 jieba {getattr(jieba, '__version__', '?')}".encode())
    root = Path(__file__).resolve().parent.parent
    files = [*sorted((root / "mining").glob("*.py")), *sorted((root / "corpus").glob("*.py")),
             root / "model" / "phrases.py"]
    for f in files:
        try:
            h.update(f.read_bytes())
        except OSError:  # a frozen build without sources: its version names its code
            from editor import __version__

            h.update(f"{f.name} {__version__}".encode())
    return h.hexdigest()


def doc_key(doc: Document) -> str:
    """A hash of everything the map step reads from a document (its surface pair is restored, not stored)."""
    h = hashlib.sha1(code_version().encode())
    h.update(repr((doc.title, doc.traditional, doc.surface is not None)).encode("utf-8", "surrogatepass"))
    for p in doc.paragraphs:
        h.update(repr((p.text, p.level, p.heading, p.body, p.section)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def encode(counts: DocCounts) -> bytes:
    """A document's counts as stored (without its position, name and surface, restored from the document)."""
    data = (counts.found, counts.grams, counts.sections, counts.words)
    return zlib.compress(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), 1)


def decode(blob: bytes, index: int, doc: Document) -> DocCounts:
    """Stored counts back into a document's DocCounts."""
    found, grams, sections, words = pickle.loads(zlib.decompress(blob))
    return DocCounts(index, doc.name, doc.traditional, doc.surface, found, grams, sections, words)


def _map_encoded(item: tuple[int, Document]) -> bytes:
    return encode(map_document(*item))


def _map_plain(item: tuple[int, Document]) -> DocCounts:
    return map_document(*item)


class MapCache:
    """Each document's map output under its key, in an SQLite file; every failure just means no cache."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None
        for attempt in range(2):
            try:
                self.conn = sqlite3.connect(str(path), timeout=5, check_same_thread=False)
                self.conn.execute("CREATE TABLE IF NOT EXISTS maps (key TEXT PRIMARY KEY, counts BLOB NOT NULL)")
                self.conn.execute("SELECT count(*) FROM maps").fetchone()
                return
            except sqlite3.Error as exc:
                self.close()
                log.warning("mining cache %s unusable (%s); %s", path, exc,
                            "starting a new one" if attempt == 0 else "mining without it")
                if attempt == 0:
                    self._discard()

    @classmethod
    def beside(cls, bank_path: Path) -> MapCache:
        """The cache that goes with a bank file."""
        return cls(bank_path.with_name(bank_path.name + ".mapcache"))

    def _discard(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot remove the mining cache %s: %s", self.path, exc)

    def _fail(self, exc: Exception) -> None:
        """Stop using a cache that failed mid-run, and remove it so the next run starts clean."""
        log.warning("mining cache %s failed (%s); it is rebuilt on the next run", self.path, exc)
        self.close()
        self._discard()

    def keys(self) -> set[str]:
        """Keys held."""
        if self.conn is None:
            return set()
        try:
            return {k for (k,) in self.conn.execute("SELECT key FROM maps")}
        except sqlite3.Error as exc:
            self._fail(exc)
            return set()

    def get(self, key: str) -> bytes | None:
        """The stored counts of a key, or None."""
        if self.conn is None:
            return None
        try:
            row = self.conn.execute("SELECT counts FROM maps WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        return bytes(row[0]) if row else None

    def put(self, items: list[tuple[str, bytes]]) -> None:
        """Store counts (one transaction)."""
        if self.conn is None or not items:
            return
        try:
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO maps (key, counts) VALUES (?, ?)", items)
        except sqlite3.Error as exc:
            self._fail(exc)

    def keep_only(self, keys: set[str]) -> None:
        """Forget documents no longer in the corpus, so the cache stays the corpus's size."""
        if self.conn is None:
            return
        try:
            with self.conn:
                stale = [(k,) for k in self.keys() - keys]
                self.conn.executemany("DELETE FROM maps WHERE key = ?", stale)
        except sqlite3.Error as exc:
            self._fail(exc)

    def close(self) -> None:
        """Close the file."""
        if self.conn is not None:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
            self.conn = None


def _pool_context() -> mp.context.BaseContext | None:
    """How to start one worker per core, None on one core.

    Fork from the main thread; from another thread (the GUI's worker) spawn, since forking a
    threaded process is unsafe.
    """
    if (os.cpu_count() or 1) < 2:
        return None
    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.current_thread() is threading.main_thread():
        return mp.get_context("fork")
    return mp.get_context("spawn") if "spawn" in methods else None


def map_documents(docs: list[Document], cache: MapCache | None = None) -> Iterator[DocCounts]:
    """Every document's counts, in corpus order: stored ones read back, the others mapped (in parallel).

    Newly mapped counts are stored as they arrive; when the run completes, counts of documents no
    longer in the corpus are dropped.
    """
    keys = [doc_key(d) for d in docs] if cache is not None else []
    held = cache.keys() if cache is not None else set()
    todo = [(i, d) for i, d in enumerate(docs) if cache is None or keys[i] not in held]
    context = _pool_context() if len(todo) >= PARALLEL_DOCS else None
    if context is not None and context.get_start_method() == "fork":
        from editor.core.mining.lexicon import _jb

        _jb()  # load jieba once, before forking
    pool = context.Pool(os.cpu_count()) if context is not None else None
    try:
        if cache is None:
            made: Iterator[DocCounts] | Iterator[bytes] = (
                pool.imap(_map_plain, todo, chunksize=_CHUNK) if pool else map(_map_plain, todo))
            yield from made  # type: ignore[misc]
            return
        fresh = pool.imap(_map_encoded, todo, chunksize=_CHUNK) if pool else map(_map_encoded, todo)
        pending: list[tuple[str, bytes]] = []
        for i, doc in enumerate(docs):
            blob = cache.get(keys[i]) if keys[i] in held else None
            if blob is None:
                blob = next(fresh) if keys[i] not in held else _map_encoded((i, doc))
                pending.append((keys[i], blob))
                if len(pending) >= _BATCH:
                    cache.put(pending)
                    pending = []
            try:
                yield decode(blob, i, doc)
            except Exception as exc:  # a damaged entry: map the document again
                log.warning("mining cache entry unreadable (%s); mapping the document again", exc)
                yield map_document(i, doc)
        cache.put(pending)
        cache.keep_only(set(keys))
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
