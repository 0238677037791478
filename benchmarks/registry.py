"""The benchmarks by name, and running one safely (missing features and errors become rows)."""
from __future__ import annotations

import importlib
import os
import shutil
import tempfile
import traceback
from pathlib import Path

from benchmarks.harness import SIZES, NotAvailable, Row

# name -> module with NAME, TITLE and run(size, work_dir) -> list[Row]
BENCHMARKS: dict[str, str] = {
    "startup": "benchmarks.bench_startup",
    "search": "benchmarks.bench_search",
    "typing": "benchmarks.bench_typing",
    "mining": "benchmarks.bench_mining",
    "convert": "benchmarks.bench_convert",
    "editor_convert": "benchmarks.bench_editor_convert",
    "docx": "benchmarks.bench_docx",
    "memory": "benchmarks.bench_memory",
}

TITLES = {"startup": "start-up", "search": "search", "typing": "typing", "mining": "mining",
          "convert": "conversion", "editor_convert": "in-editor conversion", "docx": "DOCX", "memory": "memory"}


def run_benchmark(name: str, size: str = "full") -> list[Row]:
    """Run one benchmark in a fresh temp folder; never raises."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}")
    work = Path(tempfile.mkdtemp(prefix=f"yuku-bench-{name}-"))
    # In-process benchmarks build real windows (autosave, locks, settings): keep them off the user's dirs.
    saved_home = os.environ.get("YUKU_HOME")
    os.environ["YUKU_HOME"] = str(work / "home")
    try:
        module = importlib.import_module(BENCHMARKS[name])
        return module.run(size, work)
    except NotAvailable as exc:
        return [Row(name, TITLES[name], "—", status=f"not available: {exc}")]
    except Exception as exc:
        traceback.print_exc()
        return [Row(name, TITLES[name], "—", status=f"error: {exc.__class__.__name__}: {exc}"[:200])]
    finally:
        if saved_home is None:
            os.environ.pop("YUKU_HOME", None)
        else:
            os.environ["YUKU_HOME"] = saved_home
        shutil.rmtree(work, ignore_errors=True)
