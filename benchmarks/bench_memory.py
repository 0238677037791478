"""Memory: peak RSS of a process holding the real window, a 1 MB document and a 100,000-phrase bank."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks import data
from benchmarks.harness import Row, bench_env, check_ok, interleave, median, run_process, size_text

NAME = "memory"
SIZE = {"full": (1 << 20, 100_000), "tiny": (32 << 10, 1_000)}


def run(size: str, work: Path) -> list[Row]:
    """Median peak RSS of the real window process against a bare window holding the same text."""
    doc_bytes, phrases = SIZE[size]
    doc = work / "doc.txt"
    doc.write_text(data.document_text(doc_bytes), encoding="utf-8")
    bank = data.build_bank(work / "bank.db", phrases)
    bank.close()  # type: ignore[attr-defined]
    env = bench_env(work / "home")
    runs = 3 if size == "full" else 1
    reports: list[dict] = []

    def real() -> float:
        result = check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "real_window",
                                       str(work / "bank.db"), str(doc)], env), "real window")
        reports.append(json.loads(result.stdout.strip().splitlines()[-1]))
        return result.peak_rss_mb or 0.0

    def bare() -> float:
        result = check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "bare_window", str(doc)], env),
                          "bare window")
        return result.peak_rss_mb or 0.0

    base, subject = interleave(runs, bare, real)
    details = {"doc_bytes": doc.stat().st_size, "phrases": phrases, "real_mb": subject, "bare_mb": base,
               "window": reports[-1]}
    return [Row(NAME, "memory", f"peak RSS, real window + {size_text(doc.stat().st_size)} document + "
                f"{phrases:,}-phrase bank", median(subject), "MB", median(base), "bare window, same text",
                "value", 400, details=details)]
