"""`yuku check FILE [--type TYPE] [--json] [--fix OUT]`: the 公文 standards checks, with certain fixes."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from editor.core.errors import YukuError
from editor.core.gongwen.check.rules import Finding
from editor.core.gongwen.source import Source

TEXT_IN = (".txt", ".md")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    from editor.core.gongwen.types import TYPES

    p.add_argument("file", metavar="FILE", help=".txt/.md draft (front matter allowed) or .docx")
    p.add_argument("--type", choices=list(TYPES), default=None, dest="doc_type",
                   help="公文文种（默认取要素中的类型或标题末尾）/ the 公文 type (default: front matter or title)")
    p.add_argument("--json", action="store_true", help="print the findings as a JSON array")
    p.add_argument("--fix", metavar="OUT", default=None, help="write the file with every certain fix applied to OUT")


def run(args: argparse.Namespace) -> int:
    """Check; exit 0 when clean, 1 with findings, 2 on bad input."""
    from editor.core.gongwen.check.runner import run_checks

    src = Path(args.file)
    source, raw = _read(src)
    findings = run_checks(source, args.doc_type)
    if args.json:
        print(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            where = f"{src}:{f.line}" if f.line else str(src)
            fix = f" → 「{f.fix}」" if f.fix is not None else ""
            print(f"{where}: {f.severity} {f.rule} [{f.source}] {f.message}：「{f.excerpt}」{fix}")
        if not findings:
            print(f"{src}: 未发现问题 / no findings", file=sys.stderr)
    if args.fix:
        _write_fixes(src, Path(args.fix), raw, findings)
    return 1 if findings else 0


def _read(src: Path) -> tuple[Source, str | bytes]:
    """The file as a Source, and its text (drafts) or bytes (DOCX) for --fix."""
    from editor.core.gongwen.front_matter import FrontMatterError
    from editor.core.gongwen.source import from_text

    suffix = src.suffix.lower()
    if suffix in TEXT_IN:
        from editor.core.formats.document_files import read_document
        from editor.core.formats.encoding import decode_bytes

        read_document(src)  # existence, size and permission checks with their messages
        text = decode_bytes(src.read_bytes()).text
        try:
            return from_text(text), text
        except FrontMatterError as exc:
            raise YukuError(src, str(exc)) from None
    if suffix == ".docx":
        from editor.core.formats.docx.safety import open_docx
        from editor.core.gongwen.docx_source import from_docx

        data = open_docx(src).data
        try:
            return from_docx(src, data), data
        except Exception as exc:  # python-docx on a package our checks let through
            raise YukuError(src, f"文件已损坏，无法读取（{exc.__class__.__name__}）；请用 Word 打开修复后另存 "
                                 "/ the file is damaged") from None
    raise YukuError(src, "不支持的文件类型，请给出 .txt、.md 或 .docx 文件 / input must be .txt, .md or .docx")


def _write_fixes(src: Path, dst: Path, raw: str | bytes, findings: list[Finding]) -> None:
    """Write the certain fixes to dst (never over the input)."""
    from editor.core.atomic import atomic_write_bytes, atomic_write_text

    if dst.exists() and src.resolve() == dst.resolve():
        raise YukuError(dst, "修正结果不能覆盖原文件，请换个文件名 / --fix OUT must differ from the input")
    if dst.suffix.lower() != src.suffix.lower():
        raise YukuError(dst, f"修正结果应与原文件同类型（{src.suffix}） / --fix OUT must have the input's type")
    try:
        if isinstance(raw, str):
            from editor.core.gongwen.check.runner import apply_fixes

            text, count = apply_fixes(raw, findings)
            atomic_write_text(dst, text)
        else:
            from editor.core.gongwen.docx_source import apply_fixes as fix_docx

            data, count = fix_docx(raw, findings)
            atomic_write_bytes(dst, data)
    except OSError as exc:
        raise YukuError(dst, f"无法写入（{exc.strerror or exc}），请换个位置 / cannot write the file", 1) from None
    certain = sum(1 for f in findings if f.fix is not None)
    print(f"yuku: {dst}: 已修正 {count} 处（共 {certain} 处可确定修正）/ {count} fixes written", file=sys.stderr)
