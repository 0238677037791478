"""Script conversion of a QTextDocument that keeps every character's format, as one undo step.

Each paragraph's text is converted whole through core (phrases cross format changes) and the
result is mapped back onto the paragraph's format runs (QTextFragments). Only runs whose text
changes are rewritten, with their own QTextCharFormat. Large documents are converted in slices
from a timer so the event loop never waits long; all slices join one undo step.
"""
from __future__ import annotations

import gc
import re
import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

from editor.core.script.converter import converter
from editor.core.script.run_mapping import convert_runs

OBJECT_CHAR = "\ufffc"  # images and other inline objects: never converted, a phrase boundary
# One timer slice (conversion plus Qt's relayout in endEditBlock) aims at this long, so that with
# painting every pause of the event loop stays under 100 ms. Qt's relayout has a large fixed cost
# per edit block, so slices should not be much shorter either.
SLICE_MS = 45
SYNC_LIMIT = 200_000  # documents (or selections) up to this many characters convert in one go


_KEEP = QTextCursor.MoveMode.KeepAnchor
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class _Run:
    """One format run of a paragraph: its text, format and document position (UTF-16 units)."""

    __slots__ = ("text", "rng", "pos", "length")

    def __init__(self, text: str, rng: object, pos: int, length: int) -> None:
        self.text = text
        self.rng = rng  # the QTextLayout.FormatRange owns the format: keep it alive, copy nothing
        self.pos = pos
        self.length = length

    @property
    def fmt(self) -> QTextCharFormat:
        """The run's character format."""
        return self.rng.format  # type: ignore[attr-defined, no-any-return]


def block_runs(block: QTextBlock, start: int = -1, end: int = -1) -> list[list[_Run]]:
    """The paragraph's format runs as segments between inline objects, clipped to [start, end) if given.

    QTextBlock.textFormats() hands over every run in one call, several times faster than walking
    QTextFragments from Python; positions are in UTF-16 units, so astral characters are mapped.
    """
    text = block.text()
    base = block.position()
    if _ASTRAL.search(text):
        offsets = [0]  # offsets[i] = UTF-16 offset of code point i
        for ch in text:
            offsets.append(offsets[-1] + (2 if ord(ch) > 0xFFFF else 1))
        index = {u: i for i, u in enumerate(offsets)}
    else:
        offsets = index = None  # type: ignore[assignment]
    lo = start - base if start >= 0 else 0
    hi = end - base if start >= 0 else 1 << 62
    segments: list[list[_Run]] = [[]]
    for rng in block.textFormats():
        a, b = max(rng.start, lo), min(rng.start + rng.length, hi)
        if a >= b:
            continue
        i, j = (index.get(a), index.get(b)) if index is not None else (a, b)
        if i is None or j is None:  # a clip inside a surrogate pair: leave that character alone
            continue
        piece = text[i:j]
        if OBJECT_CHAR in piece:  # images and other objects are exactly this character
            segments.append([])
            continue
        segments[-1].append(_Run(piece, rng, base + a, b - a))
    return [seg for seg in segments if seg]


def convert_block(cursor: QTextCursor, block: QTextBlock, config: str, protected: tuple[str, ...],
                  start: int = -1, end: int = -1) -> int:
    """Convert one paragraph in place (inside the caller's edit block); returns runs rewritten."""
    changes: list[tuple[_Run, str]] = []
    for segment in block_runs(block, start, end):
        new = convert_runs([r.text for r in segment], config, protected)
        changes.extend((run, text) for run, text in zip(segment, new) if text != run.text)
    # From the end backwards: earlier positions stay valid while later runs change length.
    for run, text in reversed(changes):
        cursor.setPosition(run.pos)
        cursor.setPosition(run.pos + run.length, _KEEP)
        if text:
            cursor.insertText(text, run.fmt)
        else:
            cursor.removeSelectedText()
    return len(changes)


class DocumentConversion(QObject):
    """Converts a whole document or a range of it; synchronous for small ones, in slices otherwise.

    finished(True) after the last paragraph, finished(False) after cancel() (the partial
    conversion is undone). progress(done, total) counts paragraphs.
    """

    progress = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, document: QTextDocument, config: str, protected: Iterable[str] = (),
                 start: int = -1, end: int = -1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.config = config
        self.protected = tuple(protected)
        self.changed_runs = 0
        self.running = False
        self._cursor = QTextCursor(document)
        self._ranged = start >= 0 and end > start
        # Cursors follow edits, so the range stays right while conversion changes lengths.
        self._end = QTextCursor(document)
        self._end.setPosition(end if self._ranged else max(0, document.characterCount() - 1))
        first = document.findBlock(start) if self._ranged else document.begin()
        self._block = first
        self._start_pos = start
        self._first_block_number = first.blockNumber()
        last = document.findBlock(end) if self._ranged else document.lastBlock()
        self.total = max(1, last.blockNumber() - first.blockNumber() + 1)
        self.done = 0
        self._opened = False
        self._loaded = False
        self._gc_was_enabled = False
        self._finish_ms = SLICE_MS * 0.6  # endEditBlock's cost, re-measured every slice; start careful
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    def characters(self) -> int:
        """How many characters the conversion covers."""
        if self._ranged:
            return self._end.position() - self._start_pos
        return self.document.characterCount()

    def run_sync(self) -> None:
        """Convert everything now (one undo step)."""
        self.running = True
        self._step(deadline=None)

    def start(self) -> None:
        """Convert in timer slices; small jobs finish before this returns."""
        self.running = True
        if self.characters() <= SYNC_LIMIT:
            self._step(deadline=None)
        else:
            # A full garbage collection of a big heap can take 50 ms; conversion makes no cycles,
            # so collect after it rather than in the middle of a slice.
            self._gc_was_enabled = gc.isenabled()
            gc.disable()
            self._timer.start()

    def _stop(self, ok: bool) -> None:
        self.running = False
        if self._gc_was_enabled:
            gc.enable()
            self._gc_was_enabled = False
        self.finished.emit(ok)

    def cancel(self) -> None:
        """Stop and undo what was converted so far."""
        if not self.running:
            return
        self._timer.stop()
        if self._opened:
            self.document.undo()
        self._stop(False)

    def _slice(self) -> None:
        if not self.running:
            return
        if not self._loaded:
            # The dictionaries take 50–80 ms to load the first time and the binding holds the GIL
            # meanwhile: give that its own turn of the event loop rather than adding it to a slice.
            converter(self.config)
            self._loaded = True
            self._timer.start()
            return
        # Leave room for the relayout, measured on the previous slice.
        budget = max(SLICE_MS * 0.2, SLICE_MS - self._finish_ms) / 1000
        self._step(deadline=time.perf_counter() + budget)

    def _step(self, deadline: float | None) -> None:
        cur = self._cursor
        # Join the previous slice only once a slice has really edited: joining an empty first
        # slice would merge the conversion into the user's last typing.
        if self._opened:
            cur.joinPreviousEditBlock()
        else:
            cur.beginEditBlock()
        before = self.changed_runs
        try:
            while self._block.isValid():
                block = self._block
                end = self._end.position()
                if self._ranged and block.position() > end:
                    self._block = QTextBlock()
                    break
                if self._ranged:
                    self.changed_runs += convert_block(cur, block, self.config, self.protected,
                                                       max(self._start_pos, block.position()), end)
                else:
                    self.changed_runs += convert_block(cur, block, self.config, self.protected)
                self._block = block.next()
                self.done += 1
                if deadline is not None and time.perf_counter() >= deadline:
                    break
        finally:
            t_end = time.perf_counter()
            cur.endEditBlock()
            self._finish_ms = (time.perf_counter() - t_end) * 1000
            self._opened = self._opened or self.changed_runs > before
        self.progress.emit(min(self.done, self.total), self.total)
        if self._block.isValid() and not (self._ranged and self._block.position() > self._end.position()):
            self._timer.start()
            return
        self._stop(True)

    def range_end(self) -> int:
        """Where the converted range ends now (it moves when conversion changes lengths)."""
        return self._end.position()


def convert_document(document: QTextDocument, config: str, protected: Iterable[str] = (),
                     start: int = -1, end: int = -1) -> int:
    """Convert a document (or [start, end)) synchronously as one undo step; returns runs rewritten."""
    job = DocumentConversion(document, config, protected, start, end)
    job.run_sync()
    return job.changed_runs
