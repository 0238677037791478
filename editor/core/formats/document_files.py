"""Read and write documents by file type: .txt/.md as text, .docx as Word (the native format)."""
from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from editor.core.atomic import atomic_write_bytes, atomic_write_text
from editor.core.errors import YukuError
from editor.core.formats.encoding import decode_bytes
from editor.core.model.document import Document

TEXT_SUFFIXES = (".txt", ".md")
# Word's other package types go through the DOCX reader, which names what they are.
DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc")
MAX_TEXT_BYTES = 64 * 1024 * 1024
# zlib level 3 deflates a 1.6 MB body in half the time of the default 6, for a ~25 % larger file.
ZIP_LEVEL = 3


def read_document(path: str | Path) -> Document:
    """Read a document; raises YukuError with one clear sentence on bad input."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise YukuError(p, "文件不存在，请检查路径 / the file does not exist") from None
    except OSError as exc:
        raise YukuError(p, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
    suffix = p.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return read_docx_file(p)
    if suffix in TEXT_SUFFIXES or suffix == "":
        if size > MAX_TEXT_BYTES:
            raise YukuError(p, "文件过大（超过 64 MB），请拆分后再打开 / the file is too large, split it first")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise YukuError(p, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
        text = decode_bytes(data).text.replace("\r\n", "\n").replace("\r", "\n")
        return Document.from_plain_text(text)
    raise YukuError(p, "不支持的文件类型，请选择 .docx 或 .txt 文件 / unsupported file type")


def read_docx_file(path: Path) -> Document:
    """A DOCX through the safety checks; anything unexpected still becomes one sentence."""
    from editor.core.formats.docx.read import read_docx
    from editor.core.formats.docx.safety import open_docx

    try:
        return read_docx(open_docx(path))
    except YukuError:
        raise
    except (MemoryError, RecursionError):
        raise YukuError(path, "文件结构过深或过大，无法安全打开 / the file is too deeply nested or too large") from None
    except Exception as exc:
        raise YukuError(path, f"文件已损坏，无法读取（{exc.__class__.__name__}）；请用 Word 打开修复后另存 "
                              "/ the file is damaged") from None


def write_document(doc: Document, path: str | Path, style: str = "plain",
                   fonts_available: list[str] | None = None,
                   font_fallbacks: dict[str, list[str]] | None = None) -> None:
    """Write a document atomically according to its suffix (.docx in the given style, or text)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        data = docx_bytes(doc, style, fonts_available, font_fallbacks)
        atomic_write_bytes(p, data)
        return
    if suffix in TEXT_SUFFIXES or suffix == "":
        atomic_write_text(p, doc.plain_text() + ("\n" if doc.blocks else ""))
        return
    raise YukuError(p, "不支持的文件类型，请另存为 .docx 或 .txt / unsupported file type")


def docx_bytes(doc: Document, style: str = "plain", fonts_available: list[str] | None = None,
               font_fallbacks: dict[str, list[str]] | None = None) -> bytes:
    """The DOCX file for a document: the source package with a new body when there is one."""
    from editor.core.formats.docx import styles as ds
    from editor.core.formats.docx.write import BodyContext, document_xml
    from editor.core.formats.official_style import official_preset, prepare_official

    if style == "official":
        doc = prepare_official(doc)
        preset = official_preset(fonts_available, font_fallbacks)
    elif style == "plain":
        if doc.source is not None:
            return rewrite_source(doc)
        preset = ds.plain_preset(doc.default_font, doc.default_size)
    else:
        raise YukuError("", f"未知的导出样式 {style}，可选 official 或 plain / unknown style {style}")
    ctx = BodyContext(kept={}, keep_objects=False, source_links=False)
    body = document_xml(doc, ctx, preset.section_xml)
    parts: dict[str, str] = {
        "word/document.xml": body,
        "word/styles.xml": ds.styles_xml(preset),
        "word/settings.xml": ds.settings_xml(preset.even_and_odd),
        "word/fontTable.xml": ds.font_table_xml(_fonts_of(preset), preset.alt_fonts),
        "docProps/core.xml": ds.core_xml(datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")),
    }
    types = {name: ds.PART_TYPES[name] for name in parts}
    rels = [("rId1", ds.REL_TYPES["styles"], "styles.xml"), ("rId2", ds.REL_TYPES["settings"], "settings.xml"),
            ("rId3", ds.REL_TYPES["fontTable"], "fontTable.xml")]
    if ctx.nums:
        parts["word/numbering.xml"] = ds.numbering_xml(ctx.nums)
        types["word/numbering.xml"] = ds.PART_TYPES["word/numbering.xml"]
        rels.append(("rId4", ds.REL_TYPES["numbering"], "numbering.xml"))
    for i, (rid, xml) in enumerate(preset.footers.items(), 1):
        parts[f"word/footer{i}.xml"] = xml
        types[f"word/footer{i}.xml"] = ds.FOOTER_TYPE
        rels.append((rid, ds.REL_TYPES["footer"], f"footer{i}.xml"))
    doc_rels = ds.rels_xml(rels)
    link_rels = "".join(f'<Relationship Id="{rid}" Type="{ds.REL}/hyperlink" Target={ds.attr(url)} '
                        'TargetMode="External"/>' for url, rid in ctx.links.items())
    doc_rels = doc_rels.replace("</Relationships>", link_rels + "</Relationships>")
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as zf:
        zf.writestr("[Content_Types].xml", ds.content_types_xml(types))
        zf.writestr("_rels/.rels", ds.ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, xml in parts.items():
            zf.writestr(name, xml)
    return buf.getvalue()


def _fonts_of(preset: object) -> list[str]:
    """Every font a preset names, for the font table."""
    names: list[str] = []
    styles = [preset.default, *preset.roles.values()]  # type: ignore[attr-defined]
    for st in styles:
        for name in (st.east_asia, st.latin):
            if name and name not in names:
                names.append(name)
    return names


def rewrite_source(doc: Document) -> bytes:
    """The source package with the document's edits patched into its own XML (docx/save.py)."""
    from editor.core.formats.docx.save import save_into_source

    return save_into_source(doc)
