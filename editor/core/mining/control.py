"""Cancelling a mining run, and showing a phrase in the script its document was written in."""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


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


