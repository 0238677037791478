"""Cancelling a mining run, and showing a phrase in the script its document was written in."""
from __future__ import annotations

import gc
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

log = logging.getLogger(__name__)


class MiningCancelled(Exception):
    """Raised inside the miner when the cancel hook turns true."""


def check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    """Raise MiningCancelled when the hook says so."""
    if cancelled and cancelled():
        raise MiningCancelled()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a mining run (back as it was afterwards).

    Mining makes millions of small objects (documents, counts, the kept state it reads back) and no
    cycles worth collecting; with the collector on, each burst of them set off full collections
    that walked every live object, jieba's dictionary included: 70 % of the time to read the merged
    counts back at 11 M characters. Forked workers inherit the setting.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def surface_form(text: str, pair: tuple[str, str] | None) -> str:
    """The original characters of a simplified text, found at the same offset in its file; else s2t."""
    from editor.core.corpus.normalize import s2t

    # A scan per phrase is cheap in a report-sized file; in a huge one, s2t is close enough.
    if pair is not None and len(pair[0]) <= 300_000:
        at = pair[0].find(text)
        if at >= 0:
            return pair[1][at:at + len(text)]
    return s2t(text)




def in_background(work: Callable[[], None], fork: bool = True) -> Callable[[], None]:
    """Run work in a forked child while this process goes on; returns the call that waits for the child.

    For writing what a run keeps for the next one (pickling and compressing the merged counts and the
    archive took a core for seconds at archive scale) while the main process ranks. The child sees the
    state as it was at the fork. Only from the main thread of a system that forks; otherwise (or when
    not `fork`) the work is done here and now. Trouble in the child is logged: what it writes is
    derived data, and the next run does without it.
    """
    if not fork or not hasattr(os, "fork") or threading.current_thread() is not threading.main_thread():
        work()
        return lambda: None
    pid = os.fork()
    if pid == 0:  # the child: do the work and leave without running the parent's exit handlers
        code = 1
        try:
            work()
            code = 0
        except BaseException as exc:  # anything: the child must end here
            log.warning("keeping the mining state failed: %s", exc)
        finally:
            os._exit(code)

    def wait() -> None:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            log.warning("keeping the mining state failed in process %d (status %d)", pid, status)

    return wait


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
