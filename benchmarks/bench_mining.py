"""Mining: mine_into_bank over 1.5 M characters of long reports, time and peak memory of the process."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks import data
from benchmarks.harness import Row, bench_env, check_ok, median, require, run_process

NAME = "mining"
SIZE = {"full": 1_500_000, "tiny": 30_000}


def make_corpus(folder: Path, chars: int) -> tuple[list[Path], int, str]:
    """The miner's own scaled-corpus generator when present (duplicates, site furniture, names), else ours."""
    try:
        from tests.mining_corpus_gen import generate_corpus
    except ImportError:
        files, total = data.write_corpus(folder, chars)
        return files, total, "benchmarks.data.write_corpus"
    # 90 long reports of ~16,700 characters plus ~10 % copies make the 1.5 M characters of the issue.
    n_reports = max(2, round(chars / 16_700 / 1.1))
    made = generate_corpus(folder, n_reports=n_reports, chars_per_report=16_700 if chars >= 1_000_000 else 7_000)
    return list(made.files), int(made.characters), "tests.mining_corpus_gen.generate_corpus"


def run(size: str, work: Path) -> list[Row]:
    """One mining process (it is the slow one), against reading and splitting the same corpus."""
    require("editor.core.mining.pipeline", "mine_into_bank")
    folder = work / "corpus"
    files, chars, generator = make_corpus(folder, SIZE[size])
    env = bench_env(work / "home")
    base = [check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "read_corpus", str(folder)], env),
                     "reading the corpus") for _ in range(3 if size == "full" else 1)]
    result = check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "mine", str(folder),
                                   str(work / "bank.db")], env, timeout=1800), "mining")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    base_s = median([b.seconds for b in base])
    base_mb = median([b.peak_rss_mb or 0.0 for b in base])
    rate = chars / result.seconds
    details = {"generator": generator, "files": len(files), "chars": chars, "chars_per_s": round(rate), "mine_into_bank_s": report["seconds"],
               "phrases": report["phrases"], "process_s": round(result.seconds, 3)}
    return [
        Row(NAME, "mining", f"{chars / 1e6:.2f} M chars, {len(files)} reports, whole process", result.seconds, "s",
            base_s, "read + split", "value", 30, note=f"{rate:,.0f} chars/s", details=details),
        Row(NAME, "mining memory", "peak RSS of the mining process", result.peak_rss_mb, "MB", base_mb,
            "read + split", "value", 1024, details={"phrases": report["phrases"]}),
    ]
