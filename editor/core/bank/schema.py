"""The phrase bank's SQLite file: schema version, migrations, integrity check and last-good backup."""
from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from pathlib import Path

from editor.core.errors import YukuError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

# Version 2: `key` (script- and blank-insensitive identity used across re-mining), `search`
# (t2s text for either-script search), `deleted` (tombstone so a deleted mined phrase stays
# deleted), `origin` (the mined key an edited phrase came from), and the stored corpus.
_CREATE_V2 = """
CREATE TABLE IF NOT EXISTS phrases (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    search TEXT NOT NULL DEFAULT '',
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
    locked INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS phrases_key ON phrases(key);
CREATE INDEX IF NOT EXISTS phrases_rank ON phrases(favourite DESC, score DESC, id);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    text TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

class NewerSchemaError(Exception):
    """The bank was written by a newer Yuku; opening it could lose data."""


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Version 1 had a UNIQUE text column and no keys: rebuild without UNIQUE, fill the new columns."""
    have = _columns(conn, "phrases")
    conn.execute("ALTER TABLE phrases RENAME TO phrases_v1")
    _create(conn)
    old = [c for c in ("id", "text", "section", "kind", "score", "count", "doc_count", "example",
                       "source", "user", "favourite", "hidden", "locked") if c in have]
    cols = ", ".join(old)
    conn.execute(f"INSERT INTO phrases ({cols}) SELECT {cols} FROM phrases_v1")
    conn.execute("DROP TABLE phrases_v1")


def _create(conn: sqlite3.Connection) -> None:
    """Create every missing table and index (statement by statement: executescript would commit)."""
    for statement in _CREATE_V2.split(";"):
        if statement.strip():
            conn.execute(statement)


def ensure_schema(conn: sqlite3.Connection) -> bool:
    """Create or migrate the schema in one transaction; True when old rows need their keys filled."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(f"bank schema {version} is newer than {SCHEMA_VERSION}")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    needs_keys = False
    conn.execute("BEGIN IMMEDIATE")
    try:
        if "phrases" in tables and version < 2:
            _migrate_1_to_2(conn)
            needs_keys = True
        _create(conn)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return needs_keys


def backup_path(path: Path) -> Path:
    """Where the last good copy of a bank is kept."""
    return path.with_name(path.name + ".bak")


def make_backup(conn: sqlite3.Connection, path: Path) -> None:
    """Copy the live bank with Connection.backup (a file copy would miss rows still in the WAL)."""
    target = backup_path(path)
    tmp = target.with_name(target.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    dst = sqlite3.connect(str(tmp))
    try:
        conn.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # the copy is one self-contained file
    finally:
        dst.close()
    os.replace(tmp, target)


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE … COMMIT) so that a mining run
    # is exactly one transaction. check_same_thread=False: the GUI mines in a worker thread and
    # PhraseBank serialises access with its own lock.
    conn = sqlite3.connect(str(path), timeout=15, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=15000")
    return conn


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Damage, as opposed to a lock held by another process or a folder we cannot open."""
    text = str(exc).lower()
    return not any(w in text for w in ("locked", "busy", "unable to open", "readonly", "read-only",
                                       "disk i/o", "permission"))


def _open_healthy(path: Path) -> tuple[sqlite3.Connection, bool]:
    """Open, check integrity, switch to WAL and bring the schema up to date; raises on damage."""
    conn = _connect(path)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {result[0] if result else '?'}")
        conn.execute("PRAGMA journal_mode=WAL")
        needs_keys = ensure_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn, needs_keys


def _set_aside(path: Path) -> Path:
    """Move a damaged bank (and its WAL and shm files) out of the way; returns its new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            os.replace(src, Path(str(aside) + suffix))
    return aside


def _restore_backup(path: Path) -> bool:
    """Rebuild path from the backup with Connection.backup; False when there is no good backup."""
    bak = backup_path(path)
    if not bak.exists():
        return False
    try:
        src = sqlite3.connect(f"file:{bak}?mode=ro", uri=True)
        try:
            if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False
            dst = sqlite3.connect(str(path))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        log.warning("backup %s unusable: %s", bak, exc)
        with contextlib.suppress(OSError):
            path.unlink()
        return False
    return True


def open_checked(path: Path) -> tuple[sqlite3.Connection, str | None, bool]:
    """Open a bank; on damage restore the last backup. Returns (conn, message for the user, needs_keys)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise YukuError(path.parent, f"无法创建语库文件夹（{exc.strerror}）/ cannot create the bank folder") from None
    try:
        conn, needs_keys = _open_healthy(path)
        return conn, None, needs_keys
    except NewerSchemaError:
        raise YukuError(path, "语库由更新版本的语库创建，请升级软件 / the bank was made by a newer Yuku, "
                              "please upgrade") from None
    except sqlite3.DatabaseError as exc:
        if not _is_damage(exc):
            raise YukuError(path, f"无法打开语库（{exc}），请检查权限或关闭其他正在使用它的程序 / "
                                  "cannot open the bank") from None
        log.error("bank %s is damaged: %s", path, exc)
    aside = _set_aside(path)
    if _restore_backup(path):
        message = (f"语库文件已损坏，已从上次的备份恢复；损坏的文件保存为 {aside.name} / "
                   "The phrase bank was damaged and has been restored from the last backup.")
    else:
        message = (f"语库文件已损坏且没有可用的备份，已新建语库；损坏的文件保存为 {aside.name} / "
                   "The phrase bank was damaged and no backup was usable; a new bank was created.")
    conn, needs_keys = _open_healthy(path)
    return conn, message, needs_keys
