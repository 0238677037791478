"""Each document's counts (the map step's output) kept beside the bank, so a re-mine maps only new documents.

Mining is map-reduce shaped: a document's counts depend on that document alone (after the corpus-wide
steps that cut copies and footers out of it), and the reduce step only adds them up. So a document
whose structured text is unchanged since the last run needs no mapping: its counts are read back and
merged with the new documents' ones, giving exactly the bank a full re-mine would give.

The cache is derived data: one SQLite file next to the bank (`bank.db.counts`). Any trouble with it
(damaged, locked, unwritable disk) turns it off for the run, and mining goes on without it.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import logging
import pickle
import sqlite3
import sys
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.mining.blobs import PartsReader, PartsWriter, dumps_counts, load_blob, loads_counts
from editor.core.mining.counting import Counts

if TYPE_CHECKING:
    from editor.core.corpus.archive import Archive
    from editor.core.corpus.structure import Document
    from editor.core.mining.counting import DocCounts

log = logging.getLogger(__name__)
FORMAT = 1
# Documents a re-mine folds from their own counts after the kept merged counts before those are written
# again (folding one from its counts takes some 10 ms; writing all merged counts, seconds).
APPENDED = 120


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


_READERS: dict[str, sqlite3.Connection] = {}


def read_cached_blob(cache_file: str, key: str) -> bytes | None:
    """A document's cached counts as stored, read in any process (a worker opens the file once); None on trouble."""
    try:
        conn = _READERS.get(cache_file)
        if conn is None:
            conn = _READERS[cache_file] = sqlite3.connect(cache_file, timeout=30, check_same_thread=False)
        row = conn.execute("SELECT data FROM counts WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None
    except sqlite3.Error as exc:
        log.warning("cached counts %s not read: %s", key[:12], exc)
        return None


def close_readers() -> None:
    """Close the connections read_cached_blob opened in this process."""
    while _READERS:
        _, conn = _READERS.popitem()
        conn.close()


def read_cached(cache_file: str, key: str) -> DocCounts | None:
    """A document's cached counts, or None (not there, or unreadable: it is mapped again)."""
    blob = read_cached_blob(cache_file, key)
    try:
        return load_blob(blob) if blob is not None else None
    except (zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as exc:
        log.warning("cached counts %s unreadable: %s", key[:12], exc)
        return None


def cache_path(bank_path: Path) -> Path:
    """Where a bank's count cache lives."""
    return bank_path.with_name(bank_path.name + ".counts")


class CountCache:
    """Per-document counts by document_key, in SQLite; off (every call a no-op) after any error."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None
        try:
            self.conn = sqlite3.connect(str(path), timeout=30)
            # Workers read documents' counts while this connection writes new ones.
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
            # The last run's merged counts and the keys of the documents they hold, in corpus order.
            self.conn.execute("CREATE TABLE IF NOT EXISTS merged (id INTEGER PRIMARY KEY CHECK (id = 1), "
                              "keys TEXT NOT NULL, data BLOB NOT NULL)")
            # Documents folded after those (their counts are in `counts`): a re-mine adds a few to the
            # list rather than writing all merged counts again; `base` is how many `merged` holds.
            self.conn.execute("CREATE TABLE IF NOT EXISTS appended (id INTEGER PRIMARY KEY CHECK (id = 1), "
                              "base INTEGER NOT NULL, keys TEXT NOT NULL)")
            # The filter's verdicts on candidate texts (ranking.acceptable), by the code that gave them.
            self.conn.execute("CREATE TABLE IF NOT EXISTS verdicts (id INTEGER PRIMARY KEY CHECK (id = 1), "
                              "code TEXT NOT NULL, data BLOB NOT NULL)")
            # The last run's structured archive (corpus.archive) and the files it holds, in order; its
            # compressed bytes are the parts of generation `gen` (archive_parts), written and read as a
            # stream, each part in a transaction of its own (so other writers never wait long), the
            # new generation named in one last step.
            self.conn.execute("DROP TABLE IF EXISTS archive")  # the archive as one blob (before parts)
            self.conn.execute("CREATE TABLE IF NOT EXISTS kept_archive (id INTEGER PRIMARY KEY CHECK (id = 1), "
                              "code TEXT NOT NULL, files TEXT NOT NULL, gen INTEGER NOT NULL)")
            self.conn.execute("CREATE TABLE IF NOT EXISTS archive_parts (gen INTEGER NOT NULL, seq INTEGER NOT NULL, "
                              "data BLOB NOT NULL, PRIMARY KEY (gen, seq))")
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

    def keys(self) -> set[str]:
        """Keys of every stored document."""
        if self.conn is None:
            return set()
        try:
            return {k for (k,) in self.conn.execute("SELECT key FROM counts")}
        except sqlite3.Error as exc:
            self._off(exc)
            return set()

    def put_many(self, items: list[tuple[str, bytes]]) -> None:
        """Keep documents' counts (doc_counts_blob) under their keys, written now: nothing piles up in memory."""
        if self.conn is None:
            return
        try:
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO counts (key, data) VALUES (?, ?)", items)
        except sqlite3.Error as exc:
            self._off(exc)

    def commit(self, keep: Iterable[str]) -> None:
        """Forget documents no longer in the corpus."""
        if self.conn is None:
            return
        keep = set(keep)
        try:
            with self.conn:
                stale = [(k,) for (k,) in self.conn.execute("SELECT key FROM counts") if k not in keep]
                self.conn.executemany("DELETE FROM counts WHERE key = ?", stale)
        except sqlite3.Error as exc:
            self._off(exc)

    def held(self, keys: list[str]) -> tuple[int, int]:
        """How many of these documents open the corpus the last run folded: (in its merged counts, those and appended).

        Nothing is unpickled; (0, 0) when the merged counts' documents do not open the corpus.
        """
        if self.conn is None:
            return 0, 0
        try:
            row = self.conn.execute("SELECT keys FROM merged WHERE id = 1").fetchone()
            more = self.conn.execute("SELECT base, keys FROM appended WHERE id = 1").fetchone()
        except sqlite3.Error as exc:
            self._off(exc)
            return 0, 0
        held = row[0].split("\n") if row and row[0] else []
        if not held or held != keys[:len(held)]:
            return 0, 0
        n = len(held)
        for key in more[1].split("\n") if more and more[0] == len(held) and more[1] else ():
            if n >= len(keys) or keys[n] != key:
                break
            n += 1
        return len(held), n

    def merged(self, keys: list[str]) -> tuple[int, Counts] | None:
        """The last run's merged counts when its documents are the first of these: (how many, counts).

        Documents added at the end of a corpus (the usual re-mine) then need only their own counts
        added to these; anything else (a document changed, removed or moved) is a full reduce.
        """
        if self.held(keys)[0] == 0:
            return None
        got = self.kept_merged()
        return (len(got[0]), got[1]) if got is not None and got[0] == keys[:len(got[0])] else None

    def kept_merged(self) -> tuple[list[str], Counts] | None:
        """The last run's merged counts and the keys of their documents, whatever the corpus now; None if none."""
        if self.conn is None:
            return None
        try:
            row = self.conn.execute("SELECT keys, data FROM merged WHERE id = 1").fetchone()
            if row is None or not row[0]:
                return None
            try:
                # Read as a stream: the whole pickle never sits in memory beside the counts it makes.
                with gzip.GzipFile(fileobj=io.BytesIO(row[1]), mode="rb") as stream:
                    counts = loads_counts(stream)
                return row[0].split("\n"), counts
            except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError,
                    ValueError) as exc:
                log.warning("merged counts in %s unreadable (%s): reducing every document", self.path, exc)
                with self.conn:
                    self.conn.execute("DELETE FROM merged")
                return None
        except sqlite3.Error as exc:
            self._off(exc)
            return None

    def keep_merged(self, keys: list[str], counts: Counts, base: int = 0) -> None:
        """Keep a run's merged counts (before ranking reads them) with the keys of their documents.

        base: how many documents the kept merged counts this run started from hold; when few documents
        follow them, only their keys are kept (appended: a re-mine folds them from their own counts).
        """
        if self.conn is None:
            return
        try:
            if base and len(keys) - base <= APPENDED:
                with self.conn:
                    self.conn.execute("INSERT OR REPLACE INTO appended (id, base, keys) VALUES (1, ?, ?)",
                                      (base, "\n".join(keys[base:])))
                return
            data = dumps_counts(counts)
            with self.conn:
                self.conn.execute("INSERT OR REPLACE INTO merged (id, keys, data) VALUES (1, ?, ?)",
                                  ("\n".join(keys), data))
                self.conn.execute("DELETE FROM appended")
        except sqlite3.Error as exc:
            self._off(exc)

    def archived(self, files: list[str]) -> int:
        """How many of these files open the last run's structured archive (made by this code); nothing is unpickled."""
        if self.conn is None:
            return 0
        try:
            row = self.conn.execute("SELECT code, files FROM kept_archive WHERE id = 1").fetchone()
        except sqlite3.Error as exc:
            self._off(exc)
            return 0
        if row is None or row[0] != code_version() or not row[1]:
            return 0
        held = row[1].split("\n")
        return len(held) if held == files[:len(held)] else 0

    def archive(self, files: list[str]) -> Archive | None:
        """The last run's structured archive when its files are the first of these (made by this code), else None."""
        if self.conn is None:
            return None
        from editor.core.corpus.archive import load

        try:
            row = self.conn.execute("SELECT code, files, gen FROM kept_archive WHERE id = 1").fetchone()
            if row is None or row[0] != code_version():
                return None
            held = row[1].split("\n") if row[1] else []
            if not held or held != files[:len(held)]:
                return None
            parts = self.conn.execute("SELECT data FROM archive_parts WHERE gen = ? ORDER BY seq", (row[2],))
            archive = load(PartsReader(parts))
        except sqlite3.Error as exc:
            self._off(exc)
            return None
        return archive if archive is not None and archive.files == held else None

    def keep_archive(self, archive: Archive) -> None:
        """Keep a run's structured archive (see corpus.archive), its bytes written in parts as they are made."""
        if self.conn is None:
            return
        from editor.core.corpus.archive import dump

        try:
            (gen,) = self.conn.execute("SELECT coalesce(max(gen), 0) + 1 FROM archive_parts").fetchone()
            parts = PartsWriter(self.conn, gen)
            dump(archive, parts)
            parts.flush()
            with self.conn:  # the new generation is the archive now; the old one (and any left half-written) goes
                self.conn.execute("INSERT OR REPLACE INTO kept_archive (id, code, files, gen) VALUES (1, ?, ?, ?)",
                                  (code_version(), "\n".join(archive.files), gen))
                self.conn.execute("DELETE FROM archive_parts WHERE gen != ?", (gen,))
        except sqlite3.Error as exc:
            self._off(exc)

    def verdicts(self) -> dict[str, bool]:
        """The filter's verdicts kept by earlier runs of this code: {"kind, frame, text" key: acceptable}."""
        if self.conn is None:
            return {}
        try:
            row = self.conn.execute("SELECT code, data FROM verdicts WHERE id = 1").fetchone()
            if row is None or row[0] != code_version():
                return {}
            found = pickle.loads(zlib.decompress(row[1]))
            return found if isinstance(found, dict) else {}
        except (sqlite3.Error, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as exc:
            log.warning("kept verdicts in %s unreadable (%s): judging every candidate", self.path, exc)
            return {}

    def keep_verdicts(self, verdicts: dict[str, bool]) -> None:
        """Keep the filter's verdicts for the next run."""
        if self.conn is None:
            return
        data = zlib.compress(pickle.dumps(verdicts, protocol=pickle.HIGHEST_PROTOCOL), 1)
        try:
            with self.conn:
                self.conn.execute("INSERT OR REPLACE INTO verdicts (id, code, data) VALUES (1, ?, ?)",
                                  (code_version(), data))
        except sqlite3.Error as exc:
            self._off(exc)

    def close(self) -> None:
        """Close the file."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def keep_state(path: Path, archive: Archive | None, keys: list[str], counts: Counts | None, base: int = 0) -> None:
    """Keep a run's archive (when given) and merged counts on a connection of its own (it may run in a forked child)."""
    cache = CountCache(path)
    try:
        if archive is not None:
            cache.keep_archive(archive)
        if counts is not None:
            cache.keep_merged(keys, counts, base)
    finally:
        cache.close()
