"""Mining at an office archive's scale (issue 18): time and peak memory, and re-mining after adding 50.

The corpus is generated from the project's scaled-corpus generator (long reports with stock phrases,
names, site furniture and copies): 20 M characters (about 4,000 documents) in the full run. The
baseline, in the same run, is a process that reads the same files and segments them with jieba.
Targets: ≤ 120 s and ≤ 1.5 GB for the whole corpus, ≤ 10 s to re-mine after adding 50 documents
(the re-mine reuses what the first mine kept beside its bank: the structured archive with the
de-duplication indexes, each document's counts, the merged counts and the filter's verdicts, so only
the added files are structured, mapped and reduced; ranking still runs over every candidate).
From 200,000 characters on, mining runs in several processes (workers that split the files and map
the documents, a process that reduces and ranks, short-lived children that write the kept state), so
peak memory is measured for the whole process tree: the largest sum of their proportional set sizes
(PSS, shared pages divided among the processes sharing them), sampled every 50 ms; the main process's
own peak (VmHWM) is in the row's details.

`python -m benchmarks --only mining` runs it at full size; YUKU_BENCH_MINING_CHARS=4000000 sets
another size (a mid-size point on a busy machine; the row says which size it measured).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import data
from benchmarks.harness import ProcessResult, Row, bench_env, check_ok, median, require, run_process

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


def _tree_pss_mb(pid: int) -> float:
    """The summed PSS of a process and all its descendants (0 for what /proc no longer shows)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup", "rb") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith(b"Pss:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", "rb") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total / 1024


def run_tree(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[ProcessResult, float | None]:
    """run_process, and the peak summed PSS of the process tree (None where /proc has no smaps_rollup)."""
    if not os.path.exists(f"/proc/{os.getpid()}/smaps_rollup"):
        return run_process(cmd, env, timeout), None
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        main = tree = 0.0
        while proc.poll() is None and time.perf_counter() - start < timeout:
            tree = max(tree, _tree_pss_mb(proc.pid))
            try:
                with open(f"/proc/{proc.pid}/status", "rb") as f:
                    main = max(main, next((int(x.split()[1]) / 1024 for x in f if x.startswith(b"VmHWM:")), 0.0))
            except OSError:
                pass
            time.sleep(0.05)
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return ProcessResult(seconds, main or None, int(proc.returncode), out.read().decode("utf-8", "replace"),
                             err.read().decode("utf-8", "replace")), tree


def run(size: str, work: Path) -> list[Row]:
    """Mine the archive in one process, against reading and segmenting it; then add 50 documents."""
    require("editor.core.mining.pipeline", "mine_into_bank")
    folder = work / "corpus"
    target = int(os.environ.get("YUKU_BENCH_MINING_CHARS", "0") or 0) or SIZE[size]
    files, chars, generator = make_corpus(folder, target, REPORT_CHARS[size])
    more, _, _ = make_corpus(work / "more", int(ADDED * REPORT_CHARS[size] * 1.1), REPORT_CHARS[size], seed=1)
    env = bench_env(work / "home")
    base = [check_ok(run_process([sys.executable, "-m", "benchmarks.probes", "read_segment", str(folder)], env,
                                 timeout=3600), "reading and segmenting the corpus")
            for _ in range(1)]
    result, tree_mb = run_tree([sys.executable, "-m", "benchmarks.probes", "mine", str(folder),
                                str(work / "bank.db")], env, timeout=7200)
    check_ok(result, "mining")
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
        Row(NAME, "mining memory", "peak PSS of all the mining processes together" if tree_mb is not None
            else "peak RSS of the mining process", tree_mb if tree_mb is not None else result.peak_rss_mb, "MB",
            base_mb, "read + jieba segment", "value", 1536,
            details={"phrases": report["phrases"], "main_process_peak_rss_mb": result.peak_rss_mb}),
        Row(NAME, "re-mining", f"after adding {len(more)} files to the mined corpus (mine_into_bank)",
            added["seconds"], "s", base_s, "read + jieba segment", "value", 10,
            note="structures and maps only the added files, folds them onto the kept merged counts "
                 "(archive, counts and verdicts kept beside the bank); ranking and filtering still run "
                 "over every candidate",
            details={"phrases": added["phrases"], "full_mine_s": report["seconds"]}),
    ]
