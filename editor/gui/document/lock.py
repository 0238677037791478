"""Document locks: one editor window per file, in this process or any other instance.

A QLockFile per document lives in the user data dir (keyed by a hash of the full path, so no
lock files litter the user's folders and read-only folders work). setStaleLockTime(0) makes a
lock count only while its process lives: a lock left by a killed editor is taken over. When
another window holds the file, Yuku refuses to open it and says who holds it — two windows
saving the same file would silently overwrite each other's work.
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication

from editor.core.paths import user_dirs

if TYPE_CHECKING:
    from editor.gui.document.session import DocumentSession

log = logging.getLogger(__name__)


def lock_folder() -> Path:
    """Where lock files live."""
    return user_dirs().data / "locks"


def lock_path(path: str | os.PathLike[str], folder: Path | None = None) -> Path:
    """The lock file guarding one document (its resolved full path, hashed)."""
    key = os.path.normcase(str(Path(path).expanduser().resolve()))  # one lock however the path is spelt
    return (folder or lock_folder()) / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.lock"


class LockHeld(Exception):
    """Another live editor holds the document."""

    def __init__(self, pid: int, host: str, app: str) -> None:
        super().__init__(f"locked by pid {pid} on {host} ({app})")
        self.pid, self.host, self.app = pid, host, app


def try_lock(path: str | os.PathLike[str], folder: Path | None = None) -> QLockFile | None:
    """Lock a document: the held QLockFile, or None when locking is impossible here (no lock, go on).

    Raises LockHeld when another live process, or another window of this one, holds it.
    """
    target = lock_path(path, folder)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("cannot create lock folder %s: %s", target.parent, exc)
        return None
    lock = QLockFile(str(target))
    lock.setStaleLockTime(0)  # stale means "its process is gone", never "old"
    if lock.tryLock(0):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        # A read-only data dir must not stop anyone from editing; it only loses the guard.
        log.warning("cannot lock %s (%s); opening without a lock", path, lock.error())
        return None
    pid, host, app = _holder(lock)
    if not pid and not _unreadable_for_a_while(target):
        raise LockHeld(0, "", "")  # another editor is writing this lock right now
    # Qt takes a lock as stale when its process is gone, or when it names no one at all (power
    # lost while it was written): such a lock is taken over.
    if lock.removeStaleLockFile() and lock.tryLock(0):
        return lock
    raise LockHeld(*_holder(lock))


def _holder(lock: QLockFile) -> tuple[int, str, str]:
    """(pid, host, app) written in a lock file; pid 0 when it cannot be read."""
    info = lock.getLockInfo()
    if isinstance(info, tuple) and len(info) == 3:
        return int(info[0]), str(info[1]), str(info[2])
    return 0, "", ""


def _unreadable_for_a_while(target: Path, seconds: float = 5.0) -> bool:
    """True for a lock file old enough not to be one another editor is writing this very moment."""
    try:
        return time.time() - target.stat().st_mtime > seconds
    except OSError:
        return False


class DocumentLock(QObject):
    """Holds the lock of a session's document and vetoes opening or saving a file held elsewhere."""

    def __init__(self, session: DocumentSession, folder: Path | None = None) -> None:
        super().__init__(session)
        self.session = session
        self.folder = folder
        self.held_path: Path | None = None
        self._held: QLockFile | None = None
        self._pending: dict[Path, QLockFile] = {}
        session.before_open.append(self.check_open)
        session.before_save.append(self.check_save)
        session.opened.connect(self._adopt)
        session.saved.connect(self._adopt)
        session.closed.connect(self._on_closed)

    def check_open(self, path: Path) -> bool:
        """before_open hook: take the lock, or tell who holds the file and refuse."""
        return self._claim(path, opening=True)

    def check_save(self, path: Path) -> bool:
        """before_save hook: never save over a file another window is editing."""
        return self._claim(path, opening=False)

    def acquire(self, path: Path) -> bool:
        """Lock path for this window now (restoring a draft of a file that no longer exists)."""
        if not self._claim(path, opening=True):
            return False
        self._adopt(str(path))
        return True

    def _claim(self, path: Path, opening: bool) -> bool:
        resolved = Path(path).expanduser().resolve()
        if resolved == self.held_path or resolved in self._pending:
            return True
        try:
            lock = try_lock(resolved, self.folder)
        except LockHeld as held:
            self._tell(resolved, held, opening)
            return False
        if lock is not None:
            self._pending[resolved] = lock
            # Open or save may still fail after the hooks; a lock nobody adopts is dropped then.
            QTimer.singleShot(0, self._drop_pending)
        return True

    def _adopt(self, path: str) -> None:
        resolved = Path(path).resolve()
        lock = self._pending.pop(resolved, None)
        if lock is None:
            return
        if resolved != self.held_path:
            self.release()
        self._held, self.held_path = lock, resolved

    def _drop_pending(self) -> None:
        if QApplication.activeModalWidget() is not None:
            # A later hook is asking the user something (a nested event loop): the open or save
            # is still under way, so its lock must stay until it has finished.
            QTimer.singleShot(200, self._drop_pending)
            return
        for lock in self._pending.values():
            lock.unlock()
        self._pending.clear()

    def _on_closed(self, path: str) -> None:
        if not path or self.held_path is None or Path(path).resolve() == self.held_path:
            self.release()

    def release(self) -> None:
        """Give up the lock of the current document."""
        if self._held is not None:
            self._held.unlock()
        self._held, self.held_path = None, None

    def _tell(self, path: Path, held: LockHeld, opening: bool) -> None:
        if not held.pid:
            text = self.tr("「%1」正被另一个语库程序打开，请稍候再试。")
        elif held.pid == os.getpid() and opening:
            text = self.tr("「%1」已在本程序的另一个窗口中打开。请切换到那个窗口继续编辑，或先在那里关闭它。")
        elif held.pid == os.getpid():
            text = self.tr("「%1」已在本程序的另一个窗口中打开，不能保存到这里；请另存为其他文件名，或先在那里关闭它。")
        elif opening:
            text = self.tr("「%1」正由另一个语库程序编辑（进程 %2，计算机 %3）。为免两处修改互相覆盖，"
                           "本次不打开；请到那个窗口继续编辑，或先在那里关闭它。")
        else:
            text = self.tr("「%1」正由另一个语库程序编辑（进程 %2，计算机 %3），不能保存到这里；"
                           "请另存为其他文件名，或先在那里关闭它。")
        text = (text.replace("%1", str(path)).replace("%2", str(held.pid))
                .replace("%3", held.host or "?"))
        self.session.report(self.tr("文件已被占用"), text)
