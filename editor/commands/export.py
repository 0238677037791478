"""`yuku export IN OUT [--style official|plain] [--type TYPE]`: a text draft to DOCX or PDF, or a DOCX to text or PDF."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.core.errors import YukuError
from editor.core.model.document import Document

PDF = ".pdf"  # the style's DOCX laid out by LibreOffice (core/formats/pdf_export.py)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    from editor.core.formats.registry import EXPORT_STYLES, export_style_ids

    p.add_argument("input", metavar="IN", help=".txt/.md draft (first line the title) or .docx")
    p.add_argument("output", metavar="OUT", help=".docx, .pdf (needs LibreOffice), or .txt to get the text of a DOCX")
    p.add_argument("--local-fonts", action="store_true",
                   help="official style: name this machine's substitutes for missing 公文 fonts (keeps the hierarchy)")
    p.add_argument("--style", choices=export_style_ids(), default=None,
                   help="; ".join(s.help for s in EXPORT_STYLES) + " (default: the export_style setting)")
    from editor.core.gongwen.types import TYPES

    p.add_argument("--type", choices=list(TYPES), default=None, dest="doc_type",
                   help="公文文种，按其版式排版 / the 公文 type whose layout to apply")


def load_input(path: Path, gongwen: dict[str, object] | None = None) -> Document:
    """The input as a document model: drafts get their title and headings recognised.

    A draft's front matter (the 公文要素) is taken off the text and put in gongwen["text"] when given.
    """
    from editor.core.formats.document_files import read_document
    from editor.core.formats.draft_text import draft_to_document
    from editor.core.formats.encoding import decode_bytes
    from editor.core.formats.registry import format_for, suffix_list

    fmt = format_for(path, opening=True)
    if fmt is None or not path.suffix:
        raise YukuError(path, f"不支持的输入类型，请给出 {suffix_list()} 文件 / input must be one of {suffix_list(', ')}")
    if fmt.is_text:
        doc = read_document(path)  # existence, size and permission checks with their messages
        del doc
        text = decode_bytes(path.read_bytes()).text
        if gongwen is not None:
            from editor.core.gongwen.cli_support import body_of

            gongwen["text"] = text
            text = body_of(path, text)
        return draft_to_document(text)
    return read_document(path)  # Word's other types: the reader names the problem (old .doc, macros)


def run(args: argparse.Namespace) -> int:
    """Export; remaining blanks (___) are listed on stderr but do not stop the export."""
    from editor.core.formats.document_files import write_document
    from editor.core.formats.registry import DEFAULT_EXPORT_STYLE, export_style, format_for, suffix_list
    from editor.core.model.blanks import find_blanks
    from editor.core.settings import Settings

    src, dst = Path(args.input), Path(args.output)
    is_pdf = dst.suffix.lower() == PDF
    out_format = format_for(dst) if dst.suffix and not is_pdf else None
    if out_format is None and not is_pdf:
        raise YukuError(dst, f"不支持的输出类型，请给出 {suffix_list()} 或 .pdf 文件名 / "
                             f"output must be one of {suffix_list(', ')}, .pdf")
    if src.exists() and dst.exists() and src.resolve() == dst.resolve():
        raise YukuError(dst, "输出文件不能与输入文件相同，请换个文件名 / output must differ from input")
    if not dst.parent.exists():
        raise YukuError(dst, "输出文件夹不存在，请先建立 / the output folder does not exist")
    settings = Settings()
    style = export_style(args.style or settings.get("export_style")) or export_style(DEFAULT_EXPORT_STYLE)
    assert style is not None  # the default is registered
    gongwen: dict[str, object] = {}
    doc = load_input(src, gongwen)
    blanks = find_blanks(doc.plain_text())
    styled = is_pdf or (out_format is not None and out_format.styled)
    if blanks and styled:
        shown = "、".join(b.text for b in blanks[:5])
        print(f"yuku: {src}: 提醒：还有 {len(blanks)} 处空白未填（{shown}）/ warning: {len(blanks)} blanks remain",
              file=sys.stderr)
    # Word parts the editor keeps survive only a Word file written in a style that keeps the source.
    dropped = doc.kept_labels() if not (styled and style.keeps_source) else []
    if dropped:
        print(f"yuku: {src}: 提醒：导出结果不含 {'、'.join(dropped)} / warning: left out: {', '.join(dropped)}",
              file=sys.stderr)
    fallbacks = settings.get("font_fallbacks")
    if is_pdf:
        from editor.core.formats.pdf_export import export_pdf

        export_pdf(doc, dst, style.id, font_fallbacks=fallbacks if isinstance(fallbacks, dict) else None)
        return 0
    from editor.core.formats.pdf_export import installed_font_families
    from editor.core.gongwen import cli_support

    assert out_format is not None  # only a PDF has no registered format
    if not out_format.styled and src.suffix.lower() == ".docx" and cli_support.export_draft(src, dst, doc):
        return 0  # a laid-out DOCX back to a draft: its parts as front matter
    if style.id == "official" and dst.suffix.lower() == ".docx" and cli_support.export_official(
            src, dst, doc, gongwen, args.doc_type, fallbacks if isinstance(fallbacks, dict) else None):
        return 0  # the 公文要素 laid out around the body
    local = installed_font_families() if args.local_fonts else None
    try:
        write_document(doc, dst, style=style.id, fonts_available=local,
                       font_fallbacks=fallbacks if isinstance(fallbacks, dict) else None)
    except OSError as exc:
        raise YukuError(dst, f"无法写入（{exc.strerror or exc}），请换个位置 / cannot write the file", 1) from None
    return 0
