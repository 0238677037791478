"""`yuku --self-test`: start the real window, exercise it, print one JSON line, exit 0 or 1."""
from __future__ import annotations

import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.gui.window.main_window import MainWindow


def run_self_test() -> int:
    """Run the checks; print {"ok": bool, "checks": {...}, "timings_ms": {...}}."""
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    checks: dict[str, bool] = {}
    errors: dict[str, str] = {}

    def mark(name: str, start: float) -> float:
        now = time.perf_counter()
        timings[name] = round((now - start) * 1000, 1)
        return now

    def check(name: str, fn: Callable[[], bool]) -> None:
        start = time.perf_counter()
        try:
            checks[name] = bool(fn())
        except Exception as exc:
            checks[name] = False
            errors[name] = f"{exc.__class__.__name__}: {exc}"
            traceback.print_exc(file=sys.stderr)
        mark(name, start)

    from editor.gui.app import create_app, freeze_startup_heap

    app = create_app()
    t = mark("qt_start", t0)
    from editor.core.settings import Settings
    from editor.gui.window.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="yuku-self-test-"))
    window = MainWindow(settings=Settings(tmp / "settings.json"))
    window.show()
    app.processEvents()
    mark("window_shown", t)
    freeze_startup_heap()  # as run_app does once the window is up
    checks["window_visible"] = window.isVisible()
    bank = window.bank
    checks["bank_loaded"] = bank is not None and bank.count() > 0

    def insert_phrase() -> bool:
        if bank is None:
            return False
        phrase = bank.search(limit=1)[0].text
        window.editor.insert_phrase(phrase)
        return phrase in window.editor.plain_text()

    check("phrase_inserted", insert_phrase)
    for name, fn in extra_checks(window, tmp):
        check(name, fn)
    timings["total"] = round((time.perf_counter() - t0) * 1000, 1)
    ok = all(checks.values())
    window.editor.document().setModified(False)
    window.close()
    print(json.dumps({"ok": ok, "checks": checks, "errors": errors, "timings_ms": timings},
                     ensure_ascii=False), flush=True)
    return 0 if ok else 1


def extra_checks(window: MainWindow, tmp: Path) -> list[tuple[str, Callable[[], bool]]]:
    """Checks contributed by features (conversion, DOCX round trip), run after the basics."""
    from editor.gui.self_test import checks as self_test_checks

    return self_test_checks.checks(window, tmp)
