"""Read and write documents by file type (.txt now; .docx through docx_io)."""
from __future__ import annotations

from pathlib import Path

from editor.core.atomic import atomic_write_text
from editor.core.document_model import Document
from editor.core.encoding import decode_bytes
from editor.core.errors import YukuError

TEXT_SUFFIXES = (".txt", ".md")
MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_document(path: str | Path) -> Document:
    """Read a document; raises YukuError with one clear sentence on bad input."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise YukuError(p, "文件不存在，请检查路径 / the file does not exist") from None
    except OSError as exc:
        raise YukuError(p, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
    if p.suffix.lower() in TEXT_SUFFIXES or p.suffix == "":
        if size > MAX_TEXT_BYTES:
            raise YukuError(p, "文件过大（超过 64 MB），请拆分后再打开 / the file is too large, split it first")
        text = decode_bytes(p.read_bytes()).text.replace("\r\n", "\n").replace("\r", "\n")
        return Document.from_plain_text(text)
    raise YukuError(p, "不支持的文件类型，请选择 .docx 或 .txt 文件 / unsupported file type")


def write_document(doc: Document, path: str | Path) -> None:
    """Write a document atomically according to its suffix."""
    p = Path(path)
    if p.suffix.lower() in TEXT_SUFFIXES or p.suffix == "":
        atomic_write_text(p, doc.plain_text() + ("\n" if doc.blocks else ""))
        return
    raise YukuError(p, "不支持的文件类型，请另存为 .docx 或 .txt / unsupported file type")
