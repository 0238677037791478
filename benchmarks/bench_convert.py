"""Conversion: `yuku convert` of an 8 MB text file against bare OpenCC on the same file, whole processes."""
from __future__ import annotations

import sys
from pathlib import Path

from benchmarks import data
from benchmarks.bench_startup import yuku_command
from benchmarks.harness import (
    Row,
    bench_env,
    check_ok,
    interleave,
    median,
    require,
    run_process,
    size_text,
    summary,
)

NAME = "convert"
SIZE = {"full": 8 << 20, "tiny": 64 << 10}


def run(size: str, work: Path) -> list[Row]:
    """Median wall time of each process over interleaved runs; outputs must be byte-identical."""
    require("editor.commands.convert", "run")
    runs = 5 if size == "full" else 1
    src = work / "in.txt"
    src.write_text(data.document_text(SIZE[size], seed=8), encoding="utf-8")
    chars = len(src.read_text(encoding="utf-8"))
    env = bench_env(work / "home")
    out_bare, out_yuku = work / "bare.txt", work / "yuku.txt"
    bare = [sys.executable, "-m", "benchmarks.probes", "opencc", str(src), str(out_bare), "s2t"]
    yuku = [*yuku_command(), "convert", str(src), str(out_yuku), "--config", "s2t"]
    peaks: dict[str, list[float]] = {"bare": [], "yuku": []}

    def timed(cmd: list[str], key: str) -> float:
        result = check_ok(run_process(cmd, env), f"{key} conversion")
        peaks[key].append(result.peak_rss_mb or 0.0)
        return result.seconds

    base, subject = interleave(runs, lambda: timed(bare, "bare"), lambda: timed(yuku, "yuku"))
    identical = out_bare.read_bytes() == out_yuku.read_bytes()
    details = {"bytes": src.stat().st_size, "chars": chars, "yuku_s": summary(subject), "bare_opencc_s": summary(base),
               "identical_output": identical, "peak_rss_mb": {k: median(v) for k, v in peaks.items()}}
    return [Row(NAME, "conversion", f"`yuku convert` s2t, {size_text(src.stat().st_size)} text, median",
                median(subject), "s", median(base), "bare OpenCC", "ratio", 2,
                note="" if identical else "OUTPUT DIFFERS from bare OpenCC", details=details)]
