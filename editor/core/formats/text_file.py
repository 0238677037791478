"""Plain text (.txt, .md) as a file format: any encoding in; saved in the encoding it was read in."""
from __future__ import annotations

import codecs
from pathlib import Path

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.formats.encoding import decode_bytes
from editor.core.formats.file_format import FileFormat, WriteOptions
from editor.core.model.document import Document
from editor.core.translatable import QT_TRANSLATE_NOOP

MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_CONVERT_BYTES = 256 * 1024 * 1024  # converting streams no editor model: a larger file is fine


def read_text_file(path: Path) -> Document:
    """A text file in any encoding, line endings made uniform."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise YukuError(path, "文件过大（超过 64 MB），请拆分后再打开 / the file is too large, split it first")
        data = path.read_bytes()
    except OSError as exc:
        raise YukuError(path, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
    decoded = decode_bytes(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    # A GBK or Big5 file is saved back as GBK or Big5: the systems that read it expect them.
    encoding = None if decoded.encoding in ("utf-8", "ascii") else decoded.encoding
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            encoding = codec  # these codecs write the byte order mark back
            break
    # The last line's newline ends that line; it is not an empty paragraph after it (writing adds it
    # back, so open → save keeps the file, and the 公文 layout counts no blank line that is not there).
    if text.endswith("\n"):
        text = text[:-1]
    from editor.core.gongwen import front_matter
    from editor.core.gongwen.parts import to_properties

    try:
        fm = front_matter.split(text)
    except front_matter.FrontMatterError:
        return _with(Document.from_plain_text(text), encoding)  # a block never closed: 公文检查 names it
    if fm.parts.is_empty() or fm.unknown or fm.unkept:
        # Not (only) 公文要素, e.g. a Markdown file's own header, or lines the parts cannot hold
        # (comments, a key given twice): the block stays text, so saving keeps every line of it.
        return _with(Document.from_plain_text(text), encoding)
    # The 公文要素 block leaves the text for the document's properties (the editor's form shows them).
    doc = Document.from_plain_text(fm.body)
    doc.properties = to_properties(fm.parts)
    return _with(doc, encoding)


def _with(doc: Document, encoding: str | None) -> Document:
    doc.encoding = encoding
    return doc


def _file_text(doc: Document) -> str:
    from editor.core.gongwen import front_matter
    from editor.core.gongwen.parts import from_properties

    text = doc.plain_text() + ("\n" if doc.blocks else "")
    parts = from_properties(doc.properties)
    return front_matter.write(parts, text) if parts is not None else text


def loses_formatting(doc: Document) -> bool:
    """Whether a text file would drop something the document shows: styles, character formats, tables, objects."""
    from editor.core.model.document import Paragraph

    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            return True  # a table
        if block.style != "body" or block.align or block.list_kind or block.kept_block:
            return True
        if any(r.bold or r.italic or r.underline or r.color or r.kept or r.link for r in block.runs):
            return True
    return False


def saved_encoding(doc: Document) -> str:
    """The encoding a save writes: the one the file was read in, or UTF-8 when that cannot hold the text."""
    if doc.encoding:
        try:
            _file_text(doc).encode(doc.encoding)
            return doc.encoding
        except (UnicodeEncodeError, LookupError):
            pass
    return "utf-8"


def write_text_file(doc: Document, path: Path, _options: WriteOptions) -> None:
    """The document's text, written atomically in its own encoding (UTF-8 if new); its 公文要素 as front matter."""
    atomic_write_bytes(path, _file_text(doc).encode(saved_encoding(doc)))


def convert_text_file(src: Path, dst: Path, config: str, terms: list[str]) -> dict[str, object]:
    """`yuku convert` of a text file in any encoding, written as UTF-8; the characters written."""
    from editor.core.script.official import convert_draft

    try:
        size = src.stat().st_size
        if size > MAX_CONVERT_BYTES:
            raise YukuError(src, "文件过大（超过 256 MB），请拆分后再转换 / the file is too large, split it first")
        data = src.read_bytes()
    except FileNotFoundError:
        raise YukuError(src, "文件不存在，请检查路径 / the file does not exist") from None
    except IsADirectoryError:
        raise YukuError(src, "这是文件夹，请给出文件 / this is a folder, not a file") from None
    except OSError as exc:
        raise YukuError(src, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YukuError(src, "这不是文本文件（含二进制内容），请选择 .txt 或 .docx / not a text file")
    text = decode_bytes(data).text
    out = convert_draft(text, config, terms)  # a 公文要素 block keeps its keys and 类型, as the editor does
    atomic_write_bytes(dst, out.encode("utf-8"))
    return {"characters": len(out)}


TEXT_FORMAT = FileFormat("text", QT_TRANSLATE_NOOP("FileFormats", "文本文件"), (".txt", ".md"), read_text_file, write_text_file,
                         is_text=True, convert=convert_text_file)
