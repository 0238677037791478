"""`yuku mine PATH... [--bank FILE] [--json]`: read a corpus into the bank and re-mine."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from editor.core.errors import YukuError


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="corpus files or folders (.txt any encoding, .docx)")
    p.add_argument("--bank", help="bank file (default: the user's bank)")
    p.add_argument("--only", action="store_true",
                   help="mine only these paths (forget the corpus stored in the bank)")
    p.add_argument("--json", action="store_true", help="print a JSON summary")


def run(args: argparse.Namespace) -> int:
    """Mine and store; bad files are named on stderr and skipped."""
    from editor.core.bank.store import PhraseBank
    from editor.core.mining.pipeline import mine_into_bank
    from editor.core.paths import user_dirs

    paths = [Path(p) for p in args.paths]
    for p in paths:
        if not p.exists():
            raise YukuError(p, "文件或文件夹不存在，请检查路径 / no such file or folder")
    bank_path = Path(args.bank) if args.bank else user_dirs().ensure().bank
    if bank_path.is_dir():
        raise YukuError(bank_path, "这是一个文件夹，请给出语库文件名 / this is a folder, give a bank file name")
    bank = PhraseBank(bank_path)
    try:
        if bank.recovered_from_backup:
            print(f"yuku: {bank_path}: {bank.recovered_from_backup}", file=sys.stderr)
        report = mine_into_bank(paths, bank, include_bank_corpus=not args.only)
    finally:
        bank.close()
    for path, reason in report.skipped:
        print(f"yuku: {path}: 已跳过，{reason}", file=sys.stderr)
    # With --json the unsure encodings are in the report; without it, tell the reader here.
    for path, encoding, confidence in ([] if args.json else report.low_confidence):
        print(f"yuku: {path}: 按 {encoding} 读取，但编码识别把握不大（{confidence:.0%}），请检查挖掘结果 / "
              "encoding guessed with low confidence", file=sys.stderr)
    if report.files == 0 and not report.documents:
        raise YukuError(args.paths[0], "没有可读取的 .txt 或 .docx 文件 / no readable .txt or .docx file")
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print(f"{report.documents} 篇文档，{report.phrases} 条短语 / {report.documents} documents, "
              f"{report.phrases} phrases")
    return 0
