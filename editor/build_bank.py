"""`python -m editor.build_bank`: mine the bundled corpus into resources/bank/default.json (build step).

make run and make package run it, and so does the PyInstaller spec, so that the shipped default bank
always matches the miner and the corpus it ships with; a first start then copies it instead of mining.
With --check it only says whether the shipped file is current (exit 1 when it is not).
"""
from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    """Build (or check) the shipped default bank."""
    from editor.core.bank.prebuilt import build, fingerprint, prebuilt_path

    ap = argparse.ArgumentParser(description="build the shipped default phrase bank")
    ap.add_argument("--check", action="store_true", help="only check that it is current")
    ap.add_argument("--force", action="store_true", help="rebuild even when current")
    args = ap.parse_args(argv)
    path = prebuilt_path()
    try:
        current = json.loads(path.read_text(encoding="utf-8")).get("fingerprint") == fingerprint()
    except (OSError, ValueError, AttributeError):
        current = False
    if args.check:
        print(f"{path}: {'current' if current else 'STALE, run python -m editor.build_bank'}")
        return 0 if current else 1
    if current and not args.force:
        return 0
    n = build(path)
    print(f"{path}: {n} phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
