"""Word (.docx) as a file format: reading a file through the safety checks and writing one in an export style."""
from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.formats.file_format import ExportStyle, FileFormat, WriteOptions
from editor.core.formats.plain_style import PLAIN_STYLE
from editor.core.model.document import Document
from editor.core.translatable import QT_TRANSLATE_NOOP

# Word's other package types go through the DOCX reader, which names what they are.
OPEN_ONLY_SUFFIXES = (".docm", ".dotx", ".dotm", ".doc")
# zlib level 3 deflates a 1.6 MB body in half the time of the default 6, for a ~25 % larger file.
ZIP_LEVEL = 3


def read_docx_file(path: Path) -> Document:
    """A DOCX through the safety checks; anything unexpected still becomes one sentence."""
    from editor.core.formats.docx import custom_props
    from editor.core.formats.docx.read import read_docx
    from editor.core.formats.docx.safety import open_docx

    try:
        pkg = open_docx(path)
        doc = read_docx(pkg)
        doc.properties = custom_props.read(pkg.data)
        return doc
    except YukuError:
        raise
    except (MemoryError, RecursionError):
        raise YukuError(path, "文件结构过深或过大，无法安全打开 / the file is too deeply nested or too large") from None
    except Exception as exc:
        raise YukuError(path, f"文件已损坏，无法读取（{exc.__class__.__name__}）；请用 Word 打开修复后另存 "
                              "/ the file is damaged") from None


def write_docx_file(doc: Document, path: Path, options: WriteOptions) -> None:
    """The document as Word in the options' export style, written atomically."""
    from editor.core.formats.docx import custom_props

    data = docx_bytes(doc, options.style, options.fonts_available, options.font_fallbacks)
    # Yuku's properties (the 公文要素) go in the same bytes; an unchanged set leaves them as they were.
    atomic_write_bytes(path, custom_props.merged(data, doc.properties))


def docx_bytes(doc: Document, style: ExportStyle = PLAIN_STYLE, fonts_available: list[str] | None = None,
               font_fallbacks: dict[str, list[str]] | None = None) -> bytes:
    """The DOCX file for a document: the source package with a new body when the style keeps it."""
    from editor.core.formats.docx import styles as ds
    from editor.core.formats.docx.write import BodyContext, document_xml

    if style.keeps_source and doc.source is not None:
        return rewrite_source(doc)
    doc = style.prepare(doc)
    preset = style.preset(doc, fonts_available, font_fallbacks)
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


def convert_docx_file(src: Path, dst: Path, config: str, terms: list[str]) -> dict[str, object]:
    """`yuku convert` of a Word file: its text converted in place, every other part as it was."""
    from editor.core.formats.docx.convert import convert_docx

    result = convert_docx(src, dst, config, terms)
    return {"paragraphs": result.paragraphs, "changed_nodes": result.changed_nodes, "parts": result.parts}


DOCX_FORMAT = FileFormat("docx", QT_TRANSLATE_NOOP("FileFormats", "Word 文档"), (".docx",), read_docx_file, write_docx_file,
                         open_only=OPEN_ONLY_SUFFIXES, styled=True, convert=convert_docx_file)
