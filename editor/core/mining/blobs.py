"""Counts and the structured archive as bytes: pickled for sending between processes and for the count cache.

A document's counts travel from the map workers as blobs (compressed only when the cache keeps them);
the merged counts are pickled as a stream, a batch of tallies at a time; the archive's compressed
bytes are written to SQLite and read back in parts (PartsWriter, PartsReader), never held whole.
"""
from __future__ import annotations

import copyreg
import gzip
import io
import pickle
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

from editor.core.mining.counting import Counts, DocCounts, Tally


def _counter(items: dict[Any, int]) -> Counter[Any]:
    """A Counter holding items, made without Counter.__init__ (a Python-level update, slow by the 100,000)."""
    made: Counter[Any] = Counter.__new__(Counter)
    dict.update(made, items)
    return made


def dump(obj: object, stream: io.IOBase | None = None) -> bytes:
    """Pickle counts with their Counters as plain dicts (loading them is then mostly C); bytes unless streamed."""
    out = stream if stream is not None else io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, Counter: lambda c: (_counter, (dict(c),))}
    pickler.dump(obj)
    return b"" if stream is not None else out.getvalue()  # type: ignore[attr-defined]


# Tallies pickled a batch at a time: the pickler remembers every object it wrote until its memo is
# cleared, which for all tallies at once cost 130 MB at 11 M characters.
_BATCH = 20_000


def dumps_counts(counts: Counts) -> bytes:
    """Merged counts, pickled and compressed as a stream (only the compressed bytes are ever held whole).

    The corpus-wide counts first (their Counters rebuilt by _counter: loading them is
    then mostly C), then the tallies in batches, then an empty batch.
    """
    out = io.BytesIO()
    tallies = counts.tallies
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1) as stream:
        counts.tallies = {}
        try:
            dump(counts, stream)
        finally:
            counts.tallies = tallies
        pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
        batch: list[tuple[str, Tally]] = []
        for item in tallies.items():
            batch.append(item)
            if len(batch) >= _BATCH:
                pickler.dump(batch)
                pickler.clear_memo()
                batch = []
        pickler.dump(batch)
        if batch:
            pickler.dump([])
    return out.getvalue()


def loads_counts(stream: io.IOBase) -> Counts:
    """The counts dumps_counts wrote (one pickle after another, each read with a fresh memo as it was written)."""
    counts = pickle.load(stream)  # type: ignore[arg-type]
    if not isinstance(counts, Counts):
        raise TypeError(f"not merged counts: {type(counts).__name__}")
    while batch := pickle.load(stream):  # type: ignore[arg-type]
        counts.tallies.update(batch)
    return counts


def doc_counts_blob(counts: DocCounts, compress: bool = True) -> bytes:
    """One document's counts as the cache keeps them, without its name and file text (they are the file's)."""
    name, surface = counts.name, counts.surface
    counts.name, counts.surface = "", None
    try:
        data = pickle.dumps(counts, protocol=pickle.HIGHEST_PROTOCOL)
        return zlib.compress(data, 1) if compress else data
    finally:
        counts.name, counts.surface = name, surface


def load_blob(blob: bytes, compressed: bool = True) -> DocCounts:
    """The counts doc_counts_blob made (without the document's name and file text)."""
    counts: DocCounts = pickle.loads(zlib.decompress(blob) if compressed else blob)
    return counts


class PartsWriter(io.RawIOBase):
    """A binary stream written into archive_parts as generation `gen`, a part per transaction."""

    PART = 1 << 20

    def __init__(self, conn: sqlite3.Connection, gen: int) -> None:
        self.conn, self.gen, self.buffer, self.seq = conn, gen, bytearray(), 0

    def writable(self) -> bool:
        """A stream to write to."""
        return True

    def write(self, data: Any) -> int:
        """Take bytes; a part is stored once 1 MB has come."""
        self.buffer += data
        if len(self.buffer) >= self.PART:
            self.flush()
        return len(data)

    def flush(self) -> None:
        """Store what is buffered as the next part (its own transaction)."""
        if self.buffer:
            with self.conn:
                self.conn.execute("INSERT INTO archive_parts (gen, seq, data) VALUES (?, ?, ?)",
                                  (self.gen, self.seq, bytes(self.buffer)))
            self.seq += 1
            self.buffer.clear()


class PartsReader(io.RawIOBase):
    """The parts of a query's rows read back as one binary stream."""

    def __init__(self, rows: Iterable[tuple[bytes]]) -> None:
        self.rows, self.part, self.at = iter(rows), b"", 0

    def readable(self) -> bool:
        """A stream to read from."""
        return True

    def readinto(self, target: Any) -> int:
        """Fill target from the current part, fetching the next row when it is used up; 0 at the end."""
        while self.at >= len(self.part):
            row = next(self.rows, None)
            if row is None:
                return 0
            self.part, self.at = row[0], 0
        n = min(len(target), len(self.part) - self.at)
        target[:n] = self.part[self.at:self.at + n]
        self.at += n
        return n
