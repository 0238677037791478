"""Start-up: the whole `yuku --self-test` process against a bare PySide6 window process."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from benchmarks.harness import (
    ProcessResult,
    Row,
    bench_env,
    check_ok,
    interleave,
    median,
    run_process,
    summary,
)

NAME = "startup"


def yuku_command() -> list[str]:
    """The installed `yuku` script next to this Python, else `python -m editor`."""
    script = Path(sys.executable).with_name("yuku")
    if script.exists():
        return [str(script)]
    found = shutil.which("yuku")
    return [found] if found else [sys.executable, "-m", "editor"]


def _self_test_json(result: ProcessResult) -> dict:
    for line in reversed(result.stdout.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"yuku --self-test printed no JSON: {result.stderr.strip()[-300:]}")


def run(size: str, work: Path) -> list[Row]:
    """Median wall time of both processes over interleaved runs (bank already created: a second start)."""
    runs = 9 if size == "full" else 1
    env = bench_env(work / "home")
    bare = [sys.executable, "-m", "benchmarks.probes", "bare_window"]
    yuku = [*yuku_command(), "--self-test"]
    # First start mines the seed corpus into a new bank; users pay that once, so it is measured apart.
    first = run_process(yuku, env)
    check_ok(run_process(bare, env), "bare window")
    reports: list[dict] = []
    failures: list[str] = []

    def time_yuku() -> float:
        result = run_process(yuku, env)
        report = _self_test_json(result)
        reports.append(report)
        if result.returncode != 0:
            failures.extend(k for k, v in report.get("checks", {}).items() if not v)
        return result.seconds

    base, subject = interleave(runs, lambda: check_ok(run_process(bare, env), "bare window").seconds, time_yuku)
    timings: dict[str, list[float]] = {}
    for report in reports:
        for key, ms in report.get("timings_ms", {}).items():
            timings.setdefault(key, []).append(ms)
    details = {"self_test_s": summary(subject), "bare_window_s": summary(base), "first_start_s": round(first.seconds, 3),
               "self_test_timings_ms_median": {k: median(v) for k, v in timings.items()},
               "failed_checks": sorted(set(failures))}
    note = f"self-test checks failing: {', '.join(sorted(set(failures)))}" if failures else ""
    return [
        Row(NAME, "start-up", "`yuku --self-test` process vs bare window process, median", median(subject), "s",
            median(base), "bare window", "ratio", 4, note=note, details=details),
        Row(NAME, "start-up (absolute goal)", "`yuku --self-test` process, median", median(subject), "s",
            median(base), "bare window", "value", 0.5, details={"first_start_s": round(first.seconds, 3)}),
        # No target in the issue, but users feel it once: the first start mines the seed corpus.
        Row(NAME, "first start", "`yuku --self-test` with no bank yet (creates it), one run", first.seconds, "s",
            median(base), "bare window"),
    ]
