"""Cancelling a mining run, and showing a phrase in the script its document was written in."""
from __future__ import annotations

from collections.abc import Callable


class MiningCancelled(Exception):
    """Raised inside the miner when the cancel hook turns true."""


def check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    """Raise MiningCancelled when the hook says so."""
    if cancelled and cancelled():
        raise MiningCancelled()


def surface_form(text: str, pair: tuple[str, str] | None) -> str:
    """The original characters of a simplified text, found at the same offset in its file; else s2t."""
    from editor.core.corpus.normalize import s2t

    # A scan per phrase is cheap in a report-sized file; in a huge one, s2t is close enough.
    if pair is not None and len(pair[0]) <= 300_000:
        at = pair[0].find(text)
        if at >= 0:
            return pair[1][at:at + len(text)]
    return s2t(text)


