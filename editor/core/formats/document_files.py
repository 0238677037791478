"""Read and write documents by file type, as the format registry (registry.py) says."""
from __future__ import annotations

from pathlib import Path

from editor.core.errors import YukuError

# The Word writer and reader, for callers that need the bytes or a DOCX read without the suffix lookup.
from editor.core.formats.docx.files import docx_bytes, read_docx_file
from editor.core.formats.file_format import WriteOptions
from editor.core.formats.registry import PLAIN_STYLE_ID, export_style, format_for, suffix_list
from editor.core.model.document import Document

__all__ = ["docx_bytes", "read_docx_file", "read_document", "write_document"]


def read_document(path: str | Path) -> Document:
    """Read a document; raises YukuError with one clear sentence on bad input."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise YukuError(p, "文件不存在，请检查路径 / the file does not exist") from None
    except OSError as exc:
        raise YukuError(p, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
    fmt = format_for(p, opening=True)
    if fmt is None:
        raise YukuError(p, f"不支持的文件类型，请选择 {suffix_list()} 文件 / unsupported file type")
    if size == 0 and p.suffix.lower() == ".docx":
        return Document()  # Explorer's 新建 → Word 文档 makes 0 bytes; Word opens that as a blank document
    return fmt.read(p)


def write_document(doc: Document, path: str | Path, style: str = PLAIN_STYLE_ID,
                   fonts_available: list[str] | None = None,
                   font_fallbacks: dict[str, list[str]] | None = None) -> None:
    """Write a document atomically according to its suffix (Word in the given export style, or text)."""
    p = Path(path)
    fmt = format_for(p)
    if fmt is None:
        raise YukuError(p, f"不支持的文件类型，请另存为 {suffix_list()} / unsupported file type")
    chosen = export_style(style)
    if chosen is None:
        raise YukuError("", f"未知的导出样式 {style} / unknown export style {style}")
    fmt.write(doc, p, WriteOptions(chosen, fonts_available, font_fallbacks))
