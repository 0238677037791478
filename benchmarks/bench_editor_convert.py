"""In-editor conversion: s2t of a 1 MB document with mixed formatting; total time and longest stall."""
from __future__ import annotations

import contextlib
import os
import random
import sys
import time
from pathlib import Path

from benchmarks import data
from benchmarks.harness import Row, require, size_text

NAME = "editor_convert"
SIZE = {"full": 1 << 20, "tiny": 16 << 10}
TICK_MS = 10


def fill_mixed(document: object, text: str, seed: int = 11) -> int:
    """Put text into a QTextDocument as paragraphs of short runs in varied formats; returns runs."""
    from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor

    rng = random.Random(seed)
    formats = [QTextCharFormat() for _ in range(5)]
    formats[1].setFontWeight(QFont.Weight.Bold)
    formats[2].setFontItalic(True)
    formats[3].setForeground(QColor(200, 0, 0))
    formats[4].setFontUnderline(True)
    formats[4].setFontPointSize(16)
    cursor = QTextCursor(document)  # type: ignore[call-overload]
    cursor.beginEditBlock()
    runs = 0
    for n, para in enumerate(text.split("\n")):
        if n:
            cursor.insertBlock()
        i = 0
        while i < len(para):
            # Runs of 2-12 characters: Word splits runs anywhere, across phrases too.
            step = rng.randint(2, 12)
            cursor.insertText(para[i:i + step], formats[runs % len(formats)])
            runs += 1
            i += step
    cursor.endEditBlock()
    return runs


def _longest_gap(seconds: float) -> float:
    """Run the event loop for a while with a 10 ms timer; the longest gap between its ticks in ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    ticks.append(time.perf_counter())
    return max((b - a) * 1000 for a, b in zip(ticks, ticks[1:]))


def run(size: str, work: Path) -> list[Row]:
    """Convert the real editor's document through DocumentConversion while a 10 ms timer watches."""
    script_convert = require("editor.gui.script.convert", "DocumentConversion")
    import opencc
    from PySide6.QtCore import QEventLoop, QTimer

    from benchmarks.qt_kit import app
    from editor.core.settings import Settings
    from editor.gui.window.main_window import MainWindow

    application = app()
    text = data.document_text(SIZE[size], seed=9)
    bank = data.build_bank(work / "bank.db", 200)
    window = MainWindow(settings=Settings(work / "settings.json"), bank=bank)
    window.resize(1200, 800)
    window.show()
    document = window.editor.document()
    fill_start = time.perf_counter()
    runs = fill_mixed(document, text)
    fill_s = time.perf_counter() - fill_start
    idle_before = _longest_gap(0.5)  # lets Qt finish laying out the new document, which stalls by itself
    idle_ms = _longest_gap(0.3)  # the baseline: the same window and document, doing nothing
    source = document.toPlainText()
    converter = opencc.OpenCC("s2t")  # dictionaries loaded outside the clock: Yuku caches its converters too
    base_start = time.perf_counter()
    expected = converter.convert(source)
    base_s = time.perf_counter() - base_start

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    # The user's first conversion of a session loads OpenCC's dictionaries: measure that, every run.
    cold = False
    with contextlib.suppress(ImportError):
        from editor.core.script import converter as script

        cache = getattr(script, "_make_converter", None)
        if hasattr(cache, "cache_clear"):
            cache.cache_clear()
            cold = True
    if os.environ.get("YUKU_BENCH_WARM_CONVERTER"):  # for profiling: is the first stall the dictionary load?
        script.converter("s2t")
        cold = False
    loop = QEventLoop()
    done: list[float] = []
    # Through the real menu action when it is there (progress dialog, read-only editor, protected terms).
    action = getattr(window, "actions_by_name", {}).get("convert_s2t")
    from editor.gui.script.actions import ScriptActions

    try:
        script_actions: ScriptActions | None = window.feature(ScriptActions)
    except (AttributeError, LookupError):
        script_actions = None
    via = "the 简繁转换 menu action" if action is not None and script_actions is not None else "DocumentConversion"

    def finished(_ok: bool) -> None:
        done.append(time.perf_counter())
        loop.quit()
    # An exception in a timer slice reaches sys.excepthook, not us: stop waiting and report it.
    errors: list[BaseException] = []
    saved_hook = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        errors.append(exc)
        saved_hook(kind, exc, tb)  # type: ignore[arg-type]
        loop.quit()

    sys.excepthook = hook
    timer.start()
    start = time.perf_counter()
    ticks.append(start)
    try:
        if action is not None and via != "DocumentConversion":
            action.trigger()
            assert script_actions is not None
            job = script_actions.job
            if job is None or not job.running:
                done.append(time.perf_counter())  # small documents convert before trigger() returns
            else:
                job.finished.connect(finished)
        else:
            job = script_convert.DocumentConversion(document, "s2t")
            job.finished.connect(finished)
            job.start()
        if not done and not errors:
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()
    finally:
        sys.excepthook = saved_hook
        timer.stop()
    if errors:
        if job is not None:
            job.cancel()
        raise RuntimeError(f"the conversion failed: {errors[0].__class__.__name__}: {errors[0]}")
    if not done:
        raise RuntimeError("the conversion did not finish within 120 s")
    total_s = done[0] - start
    # Stalls: gaps between ticks, and from the last tick to the end (a sync tail blocks too).
    marks = [*ticks, done[0]]
    gaps = [(b - a) * 1000 for a, b in zip(marks, marks[1:])]
    stall_ms = max(gaps)
    converted = document.toPlainText()
    correct = converted == expected
    document.setModified(False)
    window.close()
    window.deleteLater()
    application.processEvents()
    bank.close()  # type: ignore[attr-defined]
    details = {"text_bytes": len(text.encode("utf-8")), "chars": len(source), "runs": runs,
               "fill_s": round(fill_s, 3), "total_s": round(total_s, 3), "longest_stall_ms": round(stall_ms, 1),
               "ticks": len(ticks), "gaps_over_50ms_at": [(i, round(g)) for i, g in enumerate(gaps) if g > 50][:20], "bare_opencc_s": round(base_s, 4), "same_text_as_bare_opencc": correct,
               "changed_runs": job.changed_runs if job is not None else None, "via": via, "converter_cold": cold,
               "idle_longest_gap_ms": round(idle_ms, 1), "settling_longest_gap_ms": round(idle_before, 1)}
    note = "" if correct else "TEXT DIFFERS from bare OpenCC"
    application.processEvents()  # let the finished conversion close its progress dialog
    label = f"{size_text(len(text.encode('utf-8')))}, {runs:,} formatted runs"
    return [
        Row(NAME, "in-editor conversion", f"s2t of the document, {label}", total_s, "s", base_s,
            "bare OpenCC on its text", "value", 1, note=note, details=details),
        Row(NAME, "in-editor conversion stall", "longest event-loop gap during it (10 ms timer)", stall_ms,
            "ms", idle_ms, "idle, same document", "value", 100),
    ]
