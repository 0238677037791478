"""`yuku recover --list [--json]`: the drafts autosave keeps (source, saved_at, text)."""
from __future__ import annotations

import argparse
import json

from editor.core.errors import YukuError

PREVIEW_CHARS = 200


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    p.add_argument("--list", action="store_true", help="list the drafts (the default)")
    p.add_argument("--json", action="store_true", help="print a JSON array: id, source, title, saved_at, text")
    p.add_argument("--full", action="store_true", help="print each draft's whole text, not a preview")
    p.add_argument("--discard", metavar="ID", help="delete one draft (its id from --list)")


def run(args: argparse.Namespace) -> int:
    """List (or discard) drafts."""
    from editor.core.recovery import RecoveryStore

    store = RecoveryStore()
    drafts = store.drafts()
    if args.discard:
        matches = [d for d in drafts if d.id.startswith(args.discard.lower())]
        if len(matches) != 1:
            raise YukuError(args.discard, "没有唯一匹配的草稿编号，请先用 yuku recover --list 查看 / "
                            "no single draft has this id, see yuku recover --list")
        store.remove(matches[0].key)
        print(f"已删除草稿 {matches[0].id[:12]} / draft discarded")
        return 0
    if args.json:
        print(json.dumps([d.to_json() for d in drafts], ensure_ascii=False, indent=2))
        return 0
    if not drafts:
        print("没有自动保存的草稿 / no drafts")
        return 0
    for d in drafts:
        text = d.text if args.full else _preview(d.text)
        print(f"[{d.id[:12]}] {d.source or '（未命名）/ untitled'}")
        print(f"    保存于 / saved at: {d.saved_at}    {len(d.text)} 字 / chars")
        for line in text.splitlines() or [""]:
            print(f"    | {line}")
    return 0


def _preview(text: str) -> str:
    """The start of a draft, marked when cut."""
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
