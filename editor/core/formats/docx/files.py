"""Word (.docx) as a file format: reading a file through the safety checks and writing one in an export style."""
from __future__ import annotations

from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from typing import Any

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.formats.file_format import ExportStyle, FileFormat, WriteOptions
from editor.core.formats.plain_style import PLAIN_STYLE
from editor.core.model.document import Document
from editor.core.translatable import QT_TRANSLATE_NOOP

# Word's other package types go through the DOCX reader, which names what they are.
OPEN_ONLY_SUFFIXES = (".docm", ".dotx", ".dotm", ".doc")


def read_docx_file(path: Path, keep_parse: bool = False) -> Document:
    """A DOCX through the safety checks; anything unexpected still becomes one sentence.

    keep_parse: a file opened to be edited keeps its parsed main part for its saves (docx/save.py).
    """
    from editor.core.formats.docx import custom_props
    from editor.core.formats.docx.read import read_docx
    from editor.core.formats.docx.safety import open_docx

    try:
        pkg = open_docx(path)
        doc = read_docx(pkg, keep_parse)
        doc.properties = custom_props.read(pkg.data)
        return doc
    except YukuError:
        raise
    except (MemoryError, RecursionError):
        raise YukuError(path, "文件结构过深或过大，无法安全打开 / the file is too deeply nested or too large") from None
    except Exception as exc:
        raise YukuError(path, f"文件已损坏，无法读取（{exc.__class__.__name__}）；请用 Word 打开修复后另存 "
                              "/ the file is damaged") from None


def open_docx_file(path: Path) -> Document:
    """A DOCX opened to be edited (File ▸ Open, read_document): read_docx_file keeping its parse."""
    return read_docx_file(path, keep_parse=True)


def write_docx_file(doc: Document, path: Path, options: WriteOptions) -> None:
    """The document as Word in the options' export style, written atomically."""
    from zipfile import BadZipFile

    from lxml import etree

    from editor.core.formats.docx import custom_props

    data = docx_bytes(doc, options.style, options.fonts_available, options.font_fallbacks)
    # Yuku's properties (the 公文要素) go in the same bytes; an unchanged set leaves them as they were.
    try:
        data = custom_props.merged(data, doc.properties)
    except (KeyError, BadZipFile, etree.XMLSyntaxError):
        raise YukuError(path, "文件的部件清单（_rels/.rels 或 [Content_Types].xml）已损坏，公文要素无法写入；"
                              "原文件未改动，请用 Word 修复后再存 / the package's part list is damaged") from None
    atomic_write_bytes(path, data)


def docx_bytes(doc: Document, style: ExportStyle = PLAIN_STYLE, fonts_available: list[str] | None = None,
               font_fallbacks: dict[str, list[str]] | None = None) -> bytes:
    """The DOCX file for a document: its source package patched when the style keeps it, else a new one.

    A new package is python-docx's work: its OPC layer makes the parts, relationships, content types
    and core properties; the parts' XML is built as lxml elements (write.py, styles.py). A source
    package is patched instead (docx/save.py): python-docx would serialise every part again.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.opc.parts.coreprops import CorePropertiesPart
    from docx.oxml.coreprops import CT_CoreProperties
    from docx.package import Package

    from editor.core.formats.docx import styles as ds
    from editor.core.formats.docx.write import BodyContext, document_part

    if style.keeps_source and doc.source is not None:
        return rewrite_source(doc)
    doc = style.prepare(doc)
    preset = style.preset(doc, fonts_available, font_fallbacks)
    ctx = BodyContext(kept=dict(doc.kept))
    pkg = Package()

    def part(name: str, content_type: str, root: Any) -> XmlPart:  # root: an lxml element (styles.w_el)
        return XmlPart(PackURI("/" + name), content_type, root, pkg)

    main = part("word/document.xml", ds.PART_TYPES["word/document.xml"],
                document_part(doc, ctx, preset.section() if preset.section else None))
    pkg.relate_to(main, RT.OFFICE_DOCUMENT)
    core = CorePropertiesPart(PackURI("/docProps/core.xml"), ds.PART_TYPES["docProps/core.xml"],
                              CT_CoreProperties.new(), pkg)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props = core.core_properties
    props.author, props.created, props.modified = "语库 Yuku", now, now
    pkg.relate_to(core, RT.CORE_PROPERTIES)
    parts = [("rId1", "styles", "word/styles.xml", ds.styles_part(preset)),
             ("rId2", "settings", "word/settings.xml", ds.settings_part(preset.even_and_odd)),
             ("rId3", "fontTable", "word/fontTable.xml", ds.font_table_part(_fonts_of(preset), preset.alt_fonts))]
    if ctx.nums:
        parts.append(("rId4", "numbering", "word/numbering.xml", ds.numbering_part(ctx.nums)))
    for rid, kind, name, root in parts:
        main.rels.add_relationship(ds.REL_TYPES[kind], part(name, ds.PART_TYPES[name], root), rid)
    for i, (rid, make) in enumerate(preset.footers.items(), 1):
        main.rels.add_relationship(ds.REL_TYPES["footer"], part(f"word/footer{i}.xml", ds.FOOTER_TYPE, make()), rid)
    for url, rid in ctx.links.items():
        main.rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
    buf = BytesIO()
    pkg.save(buf)
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


DOCX_FORMAT = FileFormat("docx", QT_TRANSLATE_NOOP("FileFormats", "Word 文档"), (".docx",), open_docx_file, write_docx_file,
                         open_only=OPEN_ONLY_SUFFIXES, styled=True, convert=convert_docx_file)
