"""The phrase bank: one SQLite file (WAL) with search, the user's own edits and the stored corpus."""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from editor.core.bank.schema import backup_path, make_backup, open_checked
from editor.core.corpus.normalize import phrase_key, search_form
from editor.core.model.phrases import Phrase

log = logging.getLogger(__name__)

_COLUMNS = "id, text, section, kind, score, count, doc_count, example, source, user, favourite, hidden, locked"
# Rows the user has touched in any way: re-mining must leave them (and their flags) alone.
_USER_WORK = "(user = 1 OR favourite = 1 OR hidden = 1 OR locked = 1 OR deleted = 1)"


def _row_to_phrase(row: tuple) -> Phrase:
    pid, text, section, kind, score, count, doc_count, example, source, user, fav, hidden, locked = row
    return Phrase(text, section, kind, score, count, doc_count, example, source, pid,
                  bool(user), bool(fav), bool(hidden), bool(locked))


class PhraseBank:
    """A phrase bank in one SQLite file; safe to share between the GUI thread and one worker."""

    recovered_from_backup: str | None

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._dirty = False  # user edits since the last backup
        self.conn, self.recovered_from_backup, needs_keys = open_checked(self.path)
        # True when this file was written by the first Yuku (schema 1, no stored corpus).
        self.migrated_from_v1 = needs_keys
        if needs_keys:
            self._fill_keys()
        if not backup_path(self.path).exists() and self.count_all() > 0:
            self.backup()

    # -- housekeeping ---------------------------------------------------------------------------
    def close(self) -> None:
        """Back up user edits made in this session, then close."""
        with self._lock:
            if self._dirty:
                self.backup()
            self.conn.close()

    def backup(self) -> None:
        """Write the last-good copy next to the bank (Connection.backup, which includes the WAL)."""
        with self._lock:
            try:
                make_backup(self.conn, self.path)
                self._dirty = False
            except (sqlite3.Error, OSError) as exc:
                log.warning("could not back up the bank %s: %s", self.path, exc)

    def _fill_keys(self) -> None:
        """Compute key and search columns for rows migrated from an older schema."""
        with self._transaction() as c:
            rows = c.execute("SELECT id, text FROM phrases").fetchall()
            c.executemany("UPDATE phrases SET key = ?, search = ? WHERE id = ?",
                          [(phrase_key(t), search_form(t), pid) for pid, t in rows])

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: all or nothing, even when the process is killed midway."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _edit(self, sql: str, args: tuple) -> None:
        with self._transaction() as c:
            c.execute(sql, args)
        self._dirty = True

    # -- reading --------------------------------------------------------------------------------
    def count(self) -> int:
        """Number of visible entries."""
        with self._lock:
            return int(self.conn.execute(
                "SELECT count(*) FROM phrases WHERE hidden = 0 AND deleted = 0").fetchone()[0])

    def count_all(self) -> int:
        """Number of entries including hidden ones (not deleted)."""
        with self._lock:
            return int(self.conn.execute("SELECT count(*) FROM phrases WHERE deleted = 0").fetchone()[0])

    def search(self, query: str = "", section: str | None = None, kind: str | None = None,
               limit: int | None = None, include_hidden: bool = False) -> list[Phrase]:
        """Entries whose text holds query (either script, any length), favourites first, then by score."""
        sql = f"SELECT {_COLUMNS} FROM phrases WHERE deleted = 0"
        args: list[object] = []
        if not include_hidden:
            sql += " AND hidden = 0"
        q = search_form(query.strip()) if query else ""
        if q:
            # instr on a plain column, not FTS5 trigram or LIKE: 1-2 character queries must work
            # and user input may hold % and _ (HAZARDS.md on search).
            sql += " AND instr(search, ?) > 0"
            args.append(q)
        if section:
            sql += " AND section = ?"
            args.append(section)
        if kind:
            sql += " AND kind = ?"
            args.append(kind)
        if limit:
            sql += " ORDER BY favourite DESC, score DESC, id LIMIT ?"
            args.append(int(limit))
        with self._lock:
            rows = self.conn.execute(sql, args).fetchall()
        if not limit:
            # Sorting in Python beats an index walk that visits the table in random order: the
            # phrase panel loads every visible row at once (100,000 of them must take well under 1 s).
            rows.sort(key=lambda r: (-r[10], -r[4], r[0]))
        return [_row_to_phrase(r) for r in rows]

    def get(self, phrase_id: int) -> Phrase | None:
        """One entry by id (hidden ones too), or None."""
        with self._lock:
            row = self.conn.execute(f"SELECT {_COLUMNS} FROM phrases WHERE id = ? AND deleted = 0",
                                    (phrase_id,)).fetchone()
        return _row_to_phrase(row) if row else None

    # -- the user's own work --------------------------------------------------------------------
    def add_user_phrase(self, text: str, section: str = "general", kind: str = "collocation",
                        example: str = "") -> Phrase:
        """Add the user's own phrase (reviving it if it was deleted); returns the stored entry."""
        text = text.strip()
        if not text:
            raise ValueError("empty phrase")
        key = phrase_key(text)
        with self._transaction() as c:
            row = c.execute("SELECT id FROM phrases WHERE key = ? ORDER BY deleted, id LIMIT 1",
                            (key,)).fetchone()
            if row:
                c.execute("UPDATE phrases SET text = ?, search = ?, section = ?, kind = ?, user = 1,"
                          " deleted = 0, hidden = 0, example = CASE WHEN ? = '' THEN example ELSE ? END"
                          " WHERE id = ?", (text, search_form(text), section, kind, example, example, row[0]))
                pid = int(row[0])
            else:
                cur = c.execute(
                    "INSERT INTO phrases (text, key, search, section, kind, score, count, doc_count,"
                    " example, source, user) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, '', 1)",
                    (text, key, search_form(text), section, kind, example))
                pid = int(cur.lastrowid or 0)
        self._dirty = True
        found = self.get(pid)
        assert found is not None
        return found

    def update_phrase(self, phrase_id: int, *, text: str | None = None, section: str | None = None,
                      kind: str | None = None) -> None:
        """Edit an entry; it becomes the user's and re-mining never overwrites it."""
        with self._transaction() as c:
            row = c.execute("SELECT text, key, origin, user FROM phrases WHERE id = ?", (phrase_id,)).fetchone()
            if row is None:
                raise KeyError(phrase_id)
            old_text, old_key, origin, user = row
            # Remember the mined key this came from, so re-mining does not bring the original back.
            origin = origin or (old_key if not user else "")
            new_text = text.strip() if text is not None and text.strip() else old_text
            c.execute("UPDATE phrases SET text = ?, key = ?, search = ?, section = COALESCE(?, section),"
                      " kind = COALESCE(?, kind), user = 1, origin = ? WHERE id = ?",
                      (new_text, phrase_key(new_text), search_form(new_text), section, kind, origin, phrase_id))
        self._dirty = True

    def set_favourite(self, phrase_id: int, on: bool) -> None:
        """Mark or unmark a favourite (favourites sort first and survive re-mining)."""
        self._edit("UPDATE phrases SET favourite = ? WHERE id = ?", (int(on), phrase_id))

    def set_hidden(self, phrase_id: int, on: bool) -> None:
        """Hide or show an entry (hidden entries stay hidden after re-mining)."""
        self._edit("UPDATE phrases SET hidden = ? WHERE id = ?", (int(on), phrase_id))

    def set_locked(self, phrase_id: int, on: bool) -> None:
        """Lock an entry: re-mining changes nothing about it."""
        self._edit("UPDATE phrases SET locked = ? WHERE id = ?", (int(on), phrase_id))

    def delete_phrase(self, phrase_id: int) -> None:
        """Delete an entry; a tombstone keeps a mined phrase from coming back on re-mining."""
        self._edit("UPDATE phrases SET deleted = 1, favourite = 0, locked = 0 WHERE id = ?", (phrase_id,))

    def export_user_phrases(self) -> list[dict]:
        """The user's own, edited, favourite, hidden, locked and deleted entries, JSON-ready."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT text, section, kind, example, user, favourite, hidden, locked, deleted, origin"
                f" FROM phrases WHERE {_USER_WORK} ORDER BY id").fetchall()
        keys = ("text", "section", "kind", "example", "user", "favourite", "hidden", "locked", "deleted")
        out = []
        for r in rows:
            item: dict[str, object] = {k: (bool(v) if k in keys[4:] else v) for k, v in zip(keys, r[:9])}
            if r[9]:
                item["origin"] = r[9]
            out.append(item)
        return out

    def import_user_phrases(self, items: list[dict]) -> int:
        """Merge entries from export_user_phrases (same text: flags are combined); returns how many."""
        n = 0
        with self._transaction() as c:
            for item in items:
                text = str(item.get("text", "")).strip() if isinstance(item, dict) else ""
                if not text:
                    continue
                key = phrase_key(text)
                flags = [int(bool(item.get(f))) for f in ("user", "favourite", "hidden", "locked", "deleted")]
                section = str(item.get("section") or "general")
                kind = str(item.get("kind") or "collocation")
                row = c.execute("SELECT id FROM phrases WHERE key = ? LIMIT 1", (key,)).fetchone()
                if row:
                    c.execute("UPDATE phrases SET text = ?, search = ?, section = ?, kind = ?,"
                              " user = max(user, ?), favourite = max(favourite, ?), hidden = max(hidden, ?),"
                              " locked = max(locked, ?), deleted = ? WHERE id = ?",
                              (text, search_form(text), section, kind, *flags, row[0]))
                else:
                    c.execute("INSERT INTO phrases (text, key, search, section, kind, score, count, doc_count,"
                              " example, user, favourite, hidden, locked, deleted, origin)"
                              " VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?)",
                              (text, key, search_form(text), section, kind, str(item.get("example") or ""),
                               *flags, str(item.get("origin") or "")))
                n += 1
        self._dirty = True
        return n

    # -- mining ---------------------------------------------------------------------------------
    def replace_mined(self, phrases: Iterable[Phrase]) -> int:
        """Replace the mined entries in one transaction, keeping the user's work; returns how many stored."""
        with self._transaction() as c:
            n = self._replace_mined_in(c, phrases)
        self.backup()
        return n

    def _replace_mined_in(self, c: sqlite3.Connection, phrases: Iterable[Phrase]) -> int:
        """The body of replace_mined, for callers that already hold a transaction."""
        c.execute(f"DELETE FROM phrases WHERE NOT {_USER_WORK}")
        kept: dict[str, tuple[int, int]] = {}  # key -> (id, locked or user)
        blocked: set[str] = set()
        for pid, key, origin, user, locked, deleted in c.execute(
                "SELECT id, key, origin, user, locked, deleted FROM phrases"):
            if origin:
                blocked.add(origin)
            if deleted:
                blocked.add(key)
            else:
                kept[key] = (pid, int(user or locked))
        n = 0
        seen: set[str] = set()
        for p in phrases:
            key = phrase_key(p.text)
            if not key or key in seen or key in blocked:
                continue
            seen.add(key)
            if key in kept:
                pid, frozen = kept[key]
                if not frozen:  # a favourite or hidden mined phrase: fresh statistics, same flags
                    c.execute("UPDATE phrases SET score = ?, count = ?, doc_count = ?, example = ?, source = ?,"
                              " section = ?, kind = ? WHERE id = ?",
                              (p.score, p.count, p.doc_count, p.example, p.source, p.section, p.kind, pid))
                n += 1
                continue
            c.execute("INSERT INTO phrases (text, key, search, section, kind, score, count, doc_count, example,"
                      " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (p.text, key, search_form(p.text), p.section, p.kind, p.score, p.count, p.doc_count,
                       p.example, p.source))
            n += 1
        return n

    # -- facts about the bank -------------------------------------------------------------------
    def get_meta(self, name: str) -> str | None:
        """A value stored about the bank (e.g. which shipped bank it follows), or None."""
        with self._lock:
            row = self.conn.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_meta(self, name: str, value: str) -> None:
        """Store a value about the bank."""
        self._edit("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, value))

    # -- the stored corpus ----------------------------------------------------------------------
    def corpus_documents(self) -> list[tuple[str, str]]:
        """The corpus the bank was mined from: (name, text) in the order it was added."""
        with self._lock:
            return [(r[0], r[1]) for r in self.conn.execute("SELECT name, text FROM documents ORDER BY id")]

    def corpus_documents_with_digest(self) -> list[tuple[str, str, str]]:
        """The stored corpus as (digest, name, text)."""
        with self._lock:
            return [(r[0], r[1], r[2]) for r in
                    self.conn.execute("SELECT digest, name, text FROM documents ORDER BY id")]

    def commit_mining(self, documents: Iterable[tuple[str, str, str]], phrases: Iterable[Phrase],
                      replace_corpus: bool = False) -> int:
        """Store new corpus documents (digest, name, text) and the re-mined phrases in ONE transaction."""
        with self._transaction() as c:
            if replace_corpus:
                c.execute("DELETE FROM documents")
            c.executemany("INSERT OR IGNORE INTO documents (digest, name, text) VALUES (?, ?, ?)", documents)
            n = self._replace_mined_in(c, phrases)
        self.backup()
        return n
