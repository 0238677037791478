"""Plain text (.txt, .md) as a file format: any encoding in, UTF-8 out."""
from __future__ import annotations

from pathlib import Path

from editor.core.atomic import atomic_write_text
from editor.core.errors import YukuError
from editor.core.formats.encoding import decode_bytes
from editor.core.formats.file_format import FileFormat, WriteOptions
from editor.core.model.document import Document
from editor.core.translatable import QT_TRANSLATE_NOOP

MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_text_file(path: Path) -> Document:
    """A text file in any encoding, line endings made uniform."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise YukuError(path, "文件过大（超过 64 MB），请拆分后再打开 / the file is too large, split it first")
        data = path.read_bytes()
    except OSError as exc:
        raise YukuError(path, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
    text = decode_bytes(data).text.replace("\r\n", "\n").replace("\r", "\n")
    return Document.from_plain_text(text)


def write_text_file(doc: Document, path: Path, _options: WriteOptions) -> None:
    """The document's text, UTF-8, written atomically."""
    atomic_write_text(path, doc.plain_text() + ("\n" if doc.blocks else ""))


TEXT_FORMAT = FileFormat("text", QT_TRANSLATE_NOOP("FileFormats", "文本文件"), (".txt", ".md"), read_text_file, write_text_file, is_text=True)
