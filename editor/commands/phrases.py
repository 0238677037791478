"""`yuku phrases [--bank F] [--section S] [--kind K] [--query Q] [--limit N] [--json]`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from editor.core.errors import YukuError
from editor.core.model.phrases import KINDS, SECTIONS


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    p.add_argument("--bank", help="bank file (default: the user's bank)")
    p.add_argument("--section", choices=SECTIONS)
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--query", default="", help="substring to look for (either script)")
    p.add_argument("--limit", type=int, default=0, help="at most N phrases (0 = all)")
    p.add_argument("--json", action="store_true", help="print a JSON array")


def run(args: argparse.Namespace) -> int:
    """List phrases."""
    from editor.core.bank.default import open_bank

    if args.bank and not Path(args.bank).exists():
        raise YukuError(args.bank, "语库文件不存在；先用 yuku mine 建立 / no such bank, create it with yuku mine")
    bank = open_bank(args.bank)
    if bank.recovered_from_backup:
        print(f"yuku: {bank.path}: {bank.recovered_from_backup}", file=sys.stderr)
    try:
        found = bank.search(args.query, args.section, args.kind, args.limit or None)
    finally:
        bank.close()
    if args.json:
        print(json.dumps([p.as_json() for p in found], ensure_ascii=False))
    else:
        for p in found:
            print(f"{p.text}\t{p.section}\t{p.kind}\t{p.doc_count}")
    return 0
