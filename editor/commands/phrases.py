"""`yuku phrases [--bank F] [--section S] [--kind K] [--query Q] [--limit N] [--json]`."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from editor.core.errors import YukuError
from editor.core.model.phrases import KINDS, PHRASE_KINDS, SECTION_LABELS, SECTIONS

# The sidebar's names work too (措施, 下一步 …; 搭配, 四字语 …), in either script.
SECTION_NAMES = {label: section for section, label in SECTION_LABELS.items()}
KIND_NAMES = {k.label: k.id for k in PHRASE_KINDS} | {"成语": "idiom"}  # the kind's earlier name


def _named(ids: tuple[str, ...], names: dict[str, str], what: str) -> Callable[[str], str]:
    def pick(value: str) -> str:
        found = value if value in ids else names.get(value)
        if found is None:
            from editor.core.script.converter import convert_text

            found = names.get(convert_text(value, "t2s"))  # 結尾, 成語: the labels are simplified
        if found is None:
            raise argparse.ArgumentTypeError(
                f"没有“{value}”这个{what}；可用：{'、'.join(ids)}，或{'、'.join(names)} "
                f"/ no such {'section' if what == '部分' else 'kind'}")
        return found
    return pick


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    p.add_argument("--bank", help="bank file (default: the user's bank)")
    p.add_argument("--section", type=_named(SECTIONS, SECTION_NAMES, "部分"),
                   help=f"{', '.join(SECTIONS)} (or 开头, 措施, 下一步 …)")
    p.add_argument("--kind", type=_named(KINDS, KIND_NAMES, "类型"), help=f"{', '.join(KINDS)} (or 搭配, 四字语 …)")
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
