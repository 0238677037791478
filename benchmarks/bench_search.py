"""Search: a keystroke in the phrase panel's filter box until its model is updated, 100,000-phrase bank."""
from __future__ import annotations

import time
from pathlib import Path

from benchmarks import data
from benchmarks.harness import Row, p95, summary

NAME = "search"
SIZE = {"full": 100_000, "tiny": 2_000}
# What people type: short section words (huge result sets), longer terms, a miss, then erasing.
QUERIES = {"full": ["安全", "乡村振兴", "推进", "工作", "加强领导", "xx"], "tiny": ["安全", "工作"]}


def _panel_parts(panel: object) -> tuple[object, object]:
    """The filter line edit and the model its view shows, whatever the panel calls them."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    line = getattr(panel, "filter", None)
    if not isinstance(line, QLineEdit):
        line = panel.findChild(QLineEdit)  # type: ignore[attr-defined]
    view = panel.findChild(QAbstractItemView)  # type: ignore[attr-defined]
    if line is None or view is None:
        raise RuntimeError("PhrasePanel has no QLineEdit filter or item view")
    return line, view


def _keystrokes(queries: list[str]) -> list[tuple[str, str]]:
    """(action, text) pairs: type each query a character at a time, then backspace it away."""
    strokes: list[tuple[str, str]] = []
    for q in queries:
        strokes += [("type", ch) for ch in q]
        strokes += [("back", "")] * len(q)
    return strokes


def _baseline(texts: list[str], queries: list[str]) -> list[float]:
    """The floor: a plain Python substring scan of every phrase text for each prefix typed."""
    samples = []
    for q in queries:
        for i in range(len(q), 0, -1):
            prefix = q[:i]
            for probe in (prefix, q[: i - 1] or prefix):
                start = time.perf_counter()
                hits = [t for t in texts if probe in t]
                samples.append((time.perf_counter() - start) * 1000)
                del hits
    return samples


def run(size: str, work: Path) -> list[Row]:
    """Type queries into the real PhrasePanel over a synthetic bank; p95 of keystroke → last model signal."""
    from PySide6.QtCore import Qt

    from benchmarks.qt_kit import ModelClock, PaintClock, app, press, settle, type_text
    from editor.gui.phrases.panel import PhrasePanel

    application = app()
    count = SIZE[size]
    bank = data.build_bank(work / "bank.db", count)
    texts = [p.text for p in data.phrases(count)]
    build_start = time.perf_counter()
    panel = PhrasePanel(bank)  # type: ignore[arg-type]
    panel.resize(360, 800)
    panel.show()
    application.processEvents()
    build_s = time.perf_counter() - build_start
    # The panel builds its two-character postings in idle slices right after loading; a user
    # types after that second or so, so measure keystrokes once it is ready (time reported).
    ready = getattr(panel, "pairs_ready", lambda: True)
    settle(0.01, 10.0, lambda: 0.0 if ready() else time.perf_counter())
    index_ready_s = time.perf_counter() - build_start
    line, view = _panel_parts(panel)
    line.setFocus()
    model_clock = ModelClock(view.model())  # type: ignore[attr-defined]
    paint_clock = PaintClock(view.viewport())  # type: ignore[attr-defined]
    to_model: list[float] = []
    to_paint: list[float] = []
    per_query: list[tuple[str, float]] = []  # (filter text after the keystroke, ms): which queries are slow
    missed = 0
    for action, text in _keystrokes(QUERIES[size]):
        before = model_clock.count
        start = time.perf_counter()
        if action == "type":
            type_text(line, text)
        else:
            press(line, Qt.Key.Key_Backspace)
        # A debounced panel updates later: pump until the model has been quiet for 60 ms (max 2 s).
        settle(0.06, 2.0, lambda: model_clock.last)
        if model_clock.count == before:
            missed += 1
            continue
        to_model.append((model_clock.last - start) * 1000)
        per_query.append((line.text(), round(to_model[-1], 1)))  # type: ignore[attr-defined]
        # The settle wait above is idle time, not latency: add only the paint itself to the model time.
        paint_start = time.perf_counter()
        view.viewport().repaint()  # type: ignore[attr-defined]
        to_paint.append(to_model[-1] + (time.perf_counter() - paint_start) * 1000)
    base = _baseline(texts, QUERIES[size])
    panel.close()
    panel.deleteLater()
    application.processEvents()
    bank.close()  # type: ignore[attr-defined]
    if not to_model:
        raise RuntimeError("the panel's model never changed while typing in the filter")
    details = {"phrases": count, "keystroke_to_model_ms": summary(to_model), "keystroke_to_paint_ms": summary(to_paint),
               "baseline_scan_ms": summary(base), "keystrokes_without_model_change": missed,
               "panel_build_s": round(build_s, 3), "index_ready_s": round(index_ready_s, 3),
               "index_ready": bool(ready()), "paint_events": paint_clock.count,
               "slowest_keystrokes": sorted(per_query, key=lambda q: -q[1])[:8]}
    return [Row(NAME, "search", f"filter keystroke → model updated, {count:,}-phrase bank, p95", p95(to_model), "ms",
                p95(base), "Python substring scan", "value", 16, details=details)]
