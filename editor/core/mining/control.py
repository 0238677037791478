"""Cancelling a mining run, showing a phrase in its document's script, and small helpers for the worker processes."""
from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

# Entries of each clause-level cache of the map step. Stock clauses recur and stay cached; 50,000 to
# 100,000 entries each held some 140 MB in every map worker at 20 M characters for no measurable speed.
CLAUSE_CACHE = 10_000


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




def default_sigterm() -> None:
    """SIGTERM ends this process at once (a pool's workers: they may be forked by the reducing process).

    The reducing process turns SIGTERM into an exit that cleans up its own workers; its workers
    inherited that handler, and one that tried to clean up when its pool terminated it waited for
    ever on a lock of the pool's queue (and the pool for it).
    """
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


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
