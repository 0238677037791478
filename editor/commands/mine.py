"""`yuku mine PATH... [--bank FILE] [--json]`: read a corpus into the bank and re-mine."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from editor.core.errors import YukuError


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="corpus files or folders")
    p.add_argument("--bank", help="bank file (default: the user's bank)")
    p.add_argument("--json", action="store_true", help="print a JSON summary")


def run(args: argparse.Namespace) -> int:
    """Mine and store."""
    from editor.core.bank import PhraseBank
    from editor.core.mining import mine_texts, read_corpus
    from editor.core.paths import user_dirs

    paths = [Path(p) for p in args.paths]
    for p in paths:
        if not p.exists():
            raise YukuError(p, "文件或文件夹不存在，请检查路径 / no such file or folder")
    bank = PhraseBank(Path(args.bank) if args.bank else user_dirs().ensure().bank)
    try:
        texts = read_corpus(paths)
        n = bank.replace_mined(mine_texts(texts))
    finally:
        bank.close()
    if args.json:
        print(json.dumps({"documents": len(texts), "phrases": n}, ensure_ascii=False))
    else:
        print(f"{len(texts)} 个文件，{n} 条短语 / {len(texts)} files, {n} phrases")
    return 0
