"""`yuku export IN OUT [--style official|plain] [--type TYPE]`: a text draft to DOCX, or a DOCX to text."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.core.errors import YukuError

TEXT_IN = (".txt", ".md")
DOCX = ".docx"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    p.add_argument("input", metavar="IN", help=".txt/.md draft (first line the title) or .docx")
    p.add_argument("output", metavar="OUT", help=".docx, or .txt to get the text of a DOCX")
    p.add_argument("--style", choices=("official", "plain"), default=None,
                   help="official: GB/T 9704 公文格式; plain: as written (default: the export_style setting)")
    from editor.core.gongwen.types import TYPES

    p.add_argument("--type", choices=list(TYPES), default=None, dest="doc_type",
                   help="公文文种，按其版式排版 / the 公文 type whose layout to apply")


def load_input(path: Path, gongwen: dict[str, object] | None = None):
    """The input as a document model: drafts get their title and headings recognised.

    A draft's front matter (the 公文要素) is taken off the text and put in gongwen["text"] when given.
    """
    from editor.core.formats.document_files import read_document
    from editor.core.formats.draft_text import draft_to_document
    from editor.core.formats.encoding import decode_bytes

    suffix = path.suffix.lower()
    if suffix in TEXT_IN:
        doc = read_document(path)  # existence, size and permission checks with their messages
        del doc
        text = decode_bytes(path.read_bytes()).text
        if gongwen is not None:
            from editor.core.gongwen.cli_support import body_of

            gongwen["text"] = text
            text = body_of(path, text)
        return draft_to_document(text)
    if suffix == DOCX:
        return read_document(path)
    if suffix in (".doc", ".docm", ".dotx", ".dotm"):
        return read_document(path)  # names the problem (old .doc, macros, template)
    raise YukuError(path, "不支持的输入类型，请给出 .txt、.md 或 .docx 文件 / input must be .txt, .md or .docx")


def run(args: argparse.Namespace) -> int:
    """Export; remaining blanks (___) are listed on stderr but do not stop the export."""
    from editor.core.formats.document_files import write_document
    from editor.core.model.blanks import find_blanks
    from editor.core.settings import Settings

    src, dst = Path(args.input), Path(args.output)
    out_suffix = dst.suffix.lower()
    if out_suffix not in (DOCX, ".txt", ".md"):
        raise YukuError(dst, "不支持的输出类型，请给出 .docx 或 .txt 文件名 / output must be .docx or .txt")
    if src.exists() and dst.exists() and src.resolve() == dst.resolve():
        raise YukuError(dst, "输出文件不能与输入文件相同，请换个文件名 / output must differ from input")
    if not dst.parent.exists():
        raise YukuError(dst, "输出文件夹不存在，请先建立 / the output folder does not exist")
    settings = Settings()
    style = args.style or settings.get("export_style")
    if style not in ("official", "plain"):
        style = "official"
    gongwen: dict[str, object] = {}
    doc = load_input(src, gongwen)
    blanks = find_blanks(doc.plain_text())
    if blanks and out_suffix == DOCX:
        shown = "、".join(b.text for b in blanks[:5])
        print(f"yuku: {src}: 提醒：还有 {len(blanks)} 处空白未填（{shown}）/ warning: {len(blanks)} blanks remain",
              file=sys.stderr)
    dropped = doc.kept_labels() if style == "official" and out_suffix == DOCX else []
    if out_suffix != DOCX and doc.kept_labels():
        dropped = doc.kept_labels()
    if dropped:
        print(f"yuku: {src}: 提醒：导出结果不含 {'、'.join(dropped)} / warning: left out: {', '.join(dropped)}",
              file=sys.stderr)
    fallbacks = settings.get("font_fallbacks")
    if out_suffix != DOCX and src.suffix.lower() == DOCX:
        from editor.core.gongwen.cli_support import export_draft

        if export_draft(src, dst, doc):
            return 0
    if style == "official" and out_suffix == DOCX:
        from editor.core.gongwen.cli_support import export_official

        if export_official(src, dst, doc, gongwen, args.doc_type, fallbacks if isinstance(fallbacks, dict) else None):
            return 0
    try:
        write_document(doc, dst, style=style, font_fallbacks=fallbacks if isinstance(fallbacks, dict) else None)
    except OSError as exc:
        raise YukuError(dst, f"无法写入（{exc.strerror or exc}），请换个位置 / cannot write the file", 1) from None
    return 0
