"""Corpus files → mined phrases → bank, with progress and cancellation hooks for the GUI."""
from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.bank.store import PhraseBank
from editor.core.corpus.reader import read_corpus_files
from editor.core.errors import YukuError
from editor.core.mining.miner import MiningCancelled

if TYPE_CHECKING:
    from editor.core.mining.count_cache import CountCache

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

# Share of the progress bar each stage takes (reading is quick, mining is most of the work).
_READ, _MINE, _STORE = 15, 80, 5
TOTAL = _READ + _MINE + _STORE


@dataclass
class MineReport:
    """What a mining run did."""

    documents: int = 0  # distinct documents mined (after splitting and de-duplication)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason 中文 / English)
    phrases: int = 0
    cancelled: bool = False
    files: int = 0  # files read in this run
    low_confidence: list[tuple[str, str, float]] = field(default_factory=list)  # (path, encoding, conf)

    def as_json(self) -> dict[str, object]:
        """JSON summary for `yuku mine --json`."""
        return {"documents": self.documents, "files": self.files, "phrases": self.phrases,
                "cancelled": self.cancelled,
                "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
                "low_confidence": [{"path": p, "encoding": e, "confidence": round(c, 2)}
                                   for p, e, c in self.low_confidence]}


def _scaled(progress: Progress | None, start: int, width: int) -> Progress | None:
    """Map a stage's own (done, total) onto its share of the overall bar."""
    if progress is None:
        return None

    def report(done: int, total: int, stage: str) -> None:
        progress(start + (width * done // total if total else 0), TOTAL, stage)

    return report


def eta_text(elapsed: float, done: int, total: int) -> str:
    """"约剩 40 秒 / about 40 s left" from the time so far and the share done; "" while too early to say."""
    if total <= 0 or done <= 0 or done >= total or elapsed < 1.0 or done / total < 0.05:
        return ""
    left = elapsed * (total - done) / done
    if left < 60:
        secs = max(1, round(left))
        return f"约剩 {secs} 秒 / about {secs} s left"
    mins = round(left / 60)
    return f"约剩 {mins} 分钟 / about {mins} min left"


def _with_eta(progress: Progress | None, clock: Callable[[], float] = time.monotonic) -> Progress | None:
    """Add the estimated time left to every stage text (the GUI's progress dialog shows it)."""
    if progress is None:
        return None
    start = clock()

    def report(done: int, total: int, stage: str) -> None:
        eta = eta_text(clock() - start, done, total)
        progress(done, total, f"{stage}（{eta}）" if eta else stage)

    return report


def _open_cache(bank_path: Path) -> CountCache | None:
    """The bank's per-document count cache (a re-mine then maps only new documents); None for a bank in memory."""
    from editor.core.mining.count_cache import CountCache, cache_path

    if str(bank_path) in ("", ":memory:") or not Path(bank_path).parent.is_dir():
        return None
    return CountCache(cache_path(Path(bank_path)))


def mine_into_bank(paths: list[Path], bank: PhraseBank, progress: Progress | None = None,
                   cancelled: Cancelled | None = None, include_bank_corpus: bool = True,
                   encodings: Mapping[str, str] | None = None) -> MineReport:
    """Read paths into the bank's corpus and re-mine it all; the bank is unchanged when cancelled.

    encodings: {file path: codec} the user chose for files decode_bytes was unsure about.
    """
    from editor.core.mining.miner import mine_corpus

    is_cancelled: Cancelled = cancelled or (lambda: False)
    progress = _with_eta(progress)
    read = read_corpus_files([Path(p) for p in paths], _scaled(progress, 0, _READ), is_cancelled, encodings)
    report = MineReport(skipped=list(read.skipped), files=len(read.files))
    report.low_confidence = [(f.name, f.encoding, f.confidence) for f in read.files if f.confidence < 0.6]
    if is_cancelled():
        report.cancelled = True
        return report
    new_docs = [(f.digest, f.name, f.text) for f in read.files]
    corpus: list[tuple[str, str]] = []
    seen: set[str] = set()
    stored = bank.corpus_documents_with_digest() if include_bank_corpus else []
    for digest, name, text in [*stored, *new_docs]:
        if digest not in seen:
            seen.add(digest)
            corpus.append((name, text))
    cache = _open_cache(bank.path)
    try:
        result = mine_corpus(corpus, _scaled(progress, _READ, _MINE), is_cancelled, cache)
    except MiningCancelled:
        report.cancelled = True
        return report
    finally:
        if cache is not None:
            cache.close()
    if is_cancelled():
        report.cancelled = True
        return report
    if progress:
        progress(_READ + _MINE, TOTAL, "保存语库 / saving the bank")
    try:
        report.phrases = bank.commit_mining(new_docs, result.phrases, replace_corpus=not include_bank_corpus)
    except sqlite3.Error as exc:
        # Full disk, read-only folder, a lock held too long: the transaction rolled back, the bank
        # is as it was; say so in one sentence.
        raise YukuError(bank.path, f"无法写入语库（{exc}），语库保持不变；请检查磁盘空间和权限 / "
                                   "cannot write the bank; it is unchanged", exit_code=1) from None
    report.documents = result.documents
    if progress:
        progress(TOTAL, TOTAL, "完成 / done")
    return report
