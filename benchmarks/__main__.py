"""`python -m benchmarks [--tiny] [--only NAME,…] [--json OUT]`: run, print the table, write JSON."""
from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

from benchmarks.harness import Row, machine_info, machine_line, table
from benchmarks.registry import BENCHMARKS, run_benchmark

RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks; exit 0 even when targets are missed (the table says so)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--tiny", action="store_true", help="tiny inputs: checks the harness, not the speed")
    parser.add_argument("--only", default="", help=f"comma-separated names from: {', '.join(BENCHMARKS)}")
    parser.add_argument("--json", type=Path, help="where to write the JSON (default benchmarks/results/)")
    parser.add_argument("--table-from", type=Path, metavar="JSON", help="print the table of an earlier run and exit")
    args = parser.parse_args(argv)
    if args.table_from:
        print_saved(args.table_from)
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    size = "tiny" if args.tiny else "full"
    machine = machine_info()
    started = datetime.datetime.now(datetime.timezone.utc)
    rows = []
    for name in names:
        print(f"… {name} ({size})", file=sys.stderr, flush=True)
        result = run_benchmark(name, size)
        rows.extend(result)
        for row in result:
            print(f"   {row.what}: {row.status if row.status != 'ok' else row.value} {row.unit}",
                  file=sys.stderr, flush=True)
    out = args.json or RESULTS / f"bench-{size}-{started:%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"started": started.isoformat(timespec="seconds"), "size": size, "machine": machine,
               "rows": [r.as_json() for r in rows]}
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(rows))
    print(f"\nMachine: {machine_line(machine)}")
    print(f"JSON: {out}")
    return 0


def print_saved(path: Path) -> None:
    """The table and machine line of a saved run (for the README)."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    fields = set(Row.__dataclass_fields__)
    rows = [Row(**{k: v for k, v in r.items() if k in fields}) for r in payload["rows"]]
    print(table(rows))
    print(f"\nRun {payload['started']} ({payload['size']}). Machine: {machine_line(payload['machine'])}")


if __name__ == "__main__":
    raise SystemExit(main())
