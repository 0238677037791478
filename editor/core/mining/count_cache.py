"""Each document's counts (the map step's output) kept beside the bank, so a re-mine maps only new documents.

Mining is map-reduce shaped: a document's counts depend on that document alone (after the corpus-wide
steps that cut copies and footers out of it), and the reduce step only adds them up. So a document
whose structured text is unchanged since the last run needs no mapping: its counts are read back and
merged with the new documents' ones, giving exactly the bank a full re-mine would give.

The cache is derived data: one SQLite file next to the bank (`bank.db.counts`). Any trouble with it
(damaged, locked, unwritable disk) turns it off for the run, and mining goes on without it.
"""
from __future__ import annotations

import copyreg
import gzip
import hashlib
import io
import logging
import pickle
import sqlite3
import sys
import zlib
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core.mining.counting import Counts

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.counting import DocCounts

log = logging.getLogger(__name__)
FORMAT = 1


@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of the miner's sources: counts made by other code are never reused."""
    import editor

    core = Path(__file__).resolve().parents[1]
    h = hashlib.sha1(f"counts {FORMAT} {editor.__version__}".encode())
    if getattr(sys, "frozen", False):  # no sources in a bundle: the bundle itself names the code
        exe = Path(sys.executable)
        h.update(f"{exe.stat().st_size} {exe.stat().st_mtime_ns}".encode())
    for folder in (core / "mining", core / "corpus"):
        for path in sorted(folder.glob("*.py")):
            h.update(path.name.encode("utf-8"))
            h.update(hashlib.sha1(path.read_bytes()).digest())
    return h.hexdigest()


def document_key(doc: Document) -> str:
    """Identity of a structured document's countable content (its name and file text are not counted)."""
    h = hashlib.sha1(code_version().encode())
    h.update(f"{doc.title}\x00{doc.traditional}\x00{doc.surface is not None}".encode())
    for p in doc.paragraphs:
        h.update(f"\x01{p.text}\x00{p.level}\x00{p.heading}\x00{p.body}\x00{p.section}".encode())
    return h.hexdigest()


def _counter(items: dict[Any, int]) -> Counter[Any]:
    """A Counter holding items, made without Counter.__init__ (a Python-level update, slow by the 100,000)."""
    made: Counter[Any] = Counter.__new__(Counter)
    dict.update(made, items)
    return made


def _dumps(counts: Counts) -> bytes:
    """Merged counts, pickled and compressed as a stream (only the compressed bytes are ever held whole).

    Their Counters are rebuilt by _counter: loading them is then mostly C.
    """
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1) as stream:
        pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = {**copyreg.dispatch_table, Counter: lambda c: (_counter, (dict(c),))}
        pickler.dump(counts)
    return out.getvalue()


def cache_path(bank_path: Path) -> Path:
    """Where a bank's count cache lives."""
    return bank_path.with_name(bank_path.name + ".counts")


class CountCache:
    """Per-document counts by document_key, in SQLite; off (every call a no-op) after any error."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None
        self.pending: list[tuple[str, bytes]] = []
        try:
            self.conn = sqlite3.connect(str(path), timeout=5)
            self.conn.execute("CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
            # The last run's merged counts and the keys of the documents they hold, in corpus order.
            self.conn.execute("CREATE TABLE IF NOT EXISTS merged (id INTEGER PRIMARY KEY CHECK (id = 1), "
                              "keys TEXT NOT NULL, data BLOB NOT NULL)")
            self.conn.commit()
        except sqlite3.Error as exc:
            self._off(exc)

    def _off(self, exc: Exception) -> None:
        log.warning("count cache %s not used: %s", self.path, exc)
        if self.conn is not None:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
        self.conn = None
        self.pending = []

    def keys(self) -> set[str]:
        """Keys of every stored document."""
        if self.conn is None:
            return set()
        try:
            return {k for (k,) in self.conn.execute("SELECT key FROM counts")}
        except sqlite3.Error as exc:
            self._off(exc)
            return set()

    def get(self, key: str) -> DocCounts | None:
        """The counts stored under key, or None."""
        if self.conn is None:
            return None
        try:
            row = self.conn.execute("SELECT data FROM counts WHERE key = ?", (key,)).fetchone()
            return pickle.loads(zlib.decompress(row[0])) if row else None
        except (sqlite3.Error, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as exc:
            self._off(exc)
            return None

    def put(self, key: str, counts: DocCounts) -> None:
        """Keep counts under key (written by commit)."""
        if self.conn is not None:
            self.pending.append((key, zlib.compress(pickle.dumps(counts, protocol=pickle.HIGHEST_PROTOCOL), 1)))

    def commit(self, keep: Iterable[str]) -> None:
        """Write what was put and forget documents no longer in the corpus."""
        if self.conn is None:
            return
        keep = set(keep)
        try:
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO counts (key, data) VALUES (?, ?)", self.pending)
                stale = [(k,) for (k,) in self.conn.execute("SELECT key FROM counts") if k not in keep]
                self.conn.executemany("DELETE FROM counts WHERE key = ?", stale)
            self.pending = []
        except sqlite3.Error as exc:
            self._off(exc)

    def merged(self, keys: list[str]) -> tuple[int, Counts] | None:
        """The last run's merged counts when its documents are the first of these: (how many, counts).

        Documents added at the end of a corpus (the usual re-mine) then need only their own counts
        added to these; anything else (a document changed, removed or moved) is a full reduce.
        """
        if self.conn is None:
            return None
        try:
            row = self.conn.execute("SELECT keys, data FROM merged WHERE id = 1").fetchone()
            if row is None:
                return None
            held = row[0].split("\n") if row[0] else []
            if not held or held != keys[:len(held)]:
                return None
            try:
                # Read as a stream: the whole pickle never sits in memory beside the counts it makes.
                with gzip.GzipFile(fileobj=io.BytesIO(row[1]), mode="rb") as stream:
                    counts = pickle.load(stream)
                if not isinstance(counts, Counts):
                    raise TypeError(f"not merged counts: {type(counts).__name__}")
                return len(held), counts
            except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError,
                    ValueError) as exc:
                log.warning("merged counts in %s unreadable (%s): reducing every document", self.path, exc)
                with self.conn:
                    self.conn.execute("DELETE FROM merged")
                return None
        except sqlite3.Error as exc:
            self._off(exc)
            return None

    def keep_merged(self, keys: list[str], counts: Counts) -> None:
        """Keep a run's merged counts (before ranking reads them) with the keys of their documents."""
        if self.conn is None:
            return
        data = _dumps(counts)
        try:
            with self.conn:
                self.conn.execute("INSERT OR REPLACE INTO merged (id, keys, data) VALUES (1, ?, ?)",
                                  ("\n".join(keys), data))
        except sqlite3.Error as exc:
            self._off(exc)

    def close(self) -> None:
        """Close the file."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
