"""The phrase bank: SQLite storage, search and the user's own edits."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from editor.core.phrases import Phrase

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS phrases (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE,
    section TEXT NOT NULL,
    kind TEXT NOT NULL,
    score REAL NOT NULL DEFAULT 0,
    count INTEGER NOT NULL DEFAULT 1,
    doc_count INTEGER NOT NULL DEFAULT 1,
    example TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    user INTEGER NOT NULL DEFAULT 0,
    favourite INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0
);
"""

_COLUMNS = "id, text, section, kind, score, count, doc_count, example, source, user, favourite, hidden, locked"


def _row_to_phrase(row: tuple) -> Phrase:
    pid, text, section, kind, score, count, doc_count, example, source, user, fav, hidden, locked = row
    return Phrase(text, section, kind, score, count, doc_count, example, source, pid,
                  bool(user), bool(fav), bool(hidden), bool(locked))


class PhraseBank:
    """A phrase bank in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path))
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(_SCHEMA)
        self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        """Close the database."""
        self.conn.close()

    def replace_mined(self, phrases: Iterable[Phrase]) -> int:
        """Replace all mined (non-user) entries in one transaction; returns the number stored."""
        n = 0
        with self.conn:
            self.conn.execute("DELETE FROM phrases WHERE user = 0 AND favourite = 0 AND locked = 0")
            for p in phrases:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO phrases (text, section, kind, score, count, doc_count, example, source)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (p.text, p.section, p.kind, p.score, p.count, p.doc_count, p.example, p.source),
                )
                n += cur.rowcount
        return n

    def count(self) -> int:
        """Number of visible entries."""
        return int(self.conn.execute("SELECT count(*) FROM phrases WHERE hidden = 0").fetchone()[0])

    def search(self, query: str = "", section: str | None = None, kind: str | None = None,
               limit: int | None = None) -> list[Phrase]:
        """Visible entries matching a substring query, best first."""
        sql = f"SELECT {_COLUMNS} FROM phrases WHERE hidden = 0"
        args: list[object] = []
        if query:
            # instr, not LIKE: user input may hold % and _ (HAZARDS.md on search).
            sql += " AND instr(text, ?) > 0"
            args.append(query)
        if section:
            sql += " AND section = ?"
            args.append(section)
        if kind:
            sql += " AND kind = ?"
            args.append(kind)
        sql += " ORDER BY favourite DESC, score DESC, id"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [_row_to_phrase(r) for r in self.conn.execute(sql, args)]
