"""Mining at an office archive's scale (issue 18): time and peak memory, and re-mining after adding 50.

The corpus is generated from the project's scaled-corpus generator (long reports with stock phrases,
names, site furniture and copies): 20 M characters (about 4,000 documents) in the full run. The
baseline, in the same run, is a process that reads the same files and segments them with jieba.
Targets: ≤ 120 s and ≤ 1.5 GB for the whole corpus, ≤ 10 s to re-mine after adding 50 documents
(the re-mine reuses what the first mine kept beside its bank: the structured archive with the
de-duplication indexes, each document's counts, the merged counts and the filter's verdicts, so only
the added files are structured, mapped and reduced; ranking still runs over every candidate).
Peak memory is the main process's (VmHWM); from 200,000 characters on, splitting the files and the
map step also run in one forked worker per core, whose memory is not included.

`python -m benchmarks --only mining` runs it at full size; YUKU_BENCH_MINING_CHARS=4000000 sets
another size (a mid-size point on a busy machine; the row says which size it measured).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from benchmarks import data
from benchmarks.harness import Row, bench_env, check_ok, median, require, run_process

NAME = "mining"
SIZE = {"full": 20_000_000, "tiny": 30_000}
REPORT_CHARS = {"full": 5_000, "tiny": 3_000}
ADDED = 50


def make_corpus(folder: Path, chars: int, per_report: int, seed: int = 0) -> tuple[list[Path], int, str]:
    """The miner's own scaled-corpus generator when present (duplicates, site furniture, names), else ours."""
    try:
        from tests.mining_corpus_gen import generate_corpus
    except ImportError:
        files, total = data.write_corpus(folder, chars)
        return files, total, "benchmarks.data.write_corpus"
    n_reports = max(2, round(chars / per_report / 1.1))  # the generator adds about 10 % copies
    made = generate_corpus(folder, n_reports=n_reports, chars_per_report=per_report, seed=seed)
    return list(made.files), int(made.characters), "tests.mining_corpus_gen.generate_corpus"


def run(size: str, work: Path) -> list[Row]:
    """Mine the archive in one process, against reading and segmenting it; then add 50 documents."""
    require("editor.core.mining.pipeline", "mine_into_bank")
    folder = work / "corpus"
    target = int(os.environ.get("YUKU_BENCH_MINING_CHARS", "0") or 0) or SIZE[size]
    files, chars, generator = make_corpus(folder, target, REPORT_CHARS[size])
    more, _, _ = make_corpus(work / "more", ADDED * REPORT_CHARS[size] * 1.1, REPORT_CHARS[size], seed=1)
    env = bench_env(work / "home")
    base = [check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "read_segment", str(folder)], env,
                                 timeout=3600), "reading and segmenting the corpus")
            for _ in range(1)]
    result = check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "mine", str(folder),
                                   str(work / "bank.db")], env, timeout=7200), "mining")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    again = check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "mine_more", str(folder),
                                  str(work / "more"), str(work / "bank2.db")], env, timeout=7200),
                     "re-mining after adding documents")
    added = json.loads(again.stdout.strip().splitlines()[-1])
    base_s = median([b.seconds for b in base])
    base_mb = median([b.peak_rss_mb or 0.0 for b in base])
    rate = chars / result.seconds
    details = {"generator": generator, "files": len(files), "chars": chars, "chars_per_s": round(rate),
               "mine_into_bank_s": report["seconds"], "phrases": report["phrases"],
               "process_s": round(result.seconds, 3)}
    return [
        Row(NAME, "mining", f"{chars / 1e6:.2f} M chars, {len(files)} files, whole process", result.seconds, "s",
            base_s, "read + jieba segment", "value", 120, note=f"{rate:,.0f} chars/s", details=details),
        Row(NAME, "mining memory", "peak RSS of the mining process", result.peak_rss_mb, "MB", base_mb,
            "read + jieba segment", "value", 1536, details={"phrases": report["phrases"]}),
        Row(NAME, "re-mining", f"after adding {len(more)} files to the mined corpus (mine_into_bank)",
            added["seconds"], "s", base_s, "read + jieba segment", "value", 10,
            note="structures, maps and reduces only the added files (archive, counts and verdicts kept "
                 "beside the bank); ranking and filtering still run over every candidate",
            details={"phrases": added["phrases"], "full_mine_s": report["seconds"]}),
    ]
