"""Word (.docx) as a file format: reading a file through the safety checks and writing one in an export style."""
from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.formats.file_format import ExportStyle, FileFormat, WriteOptions
from editor.core.model.document import Document

# Word's other package types go through the DOCX reader, which names what they are.
OPEN_ONLY_SUFFIXES = (".docm", ".dotx", ".dotm", ".doc")
# zlib level 3 deflates a 1.6 MB body in half the time of the default 6, for a ~25 % larger file.
ZIP_LEVEL = 3


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


def write_docx_file(doc: Document, path: Path, options: WriteOptions) -> None:
    """The document as Word in the options' export style, written atomically."""
    atomic_write_bytes(path, docx_bytes(doc, options.style, options.fonts_available, options.font_fallbacks))


def docx_bytes(doc: Document, style: ExportStyle, fonts_available: list[str] | None = None,
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
    """The source package with a new body: every part the editor does not touch is copied as is."""
    from lxml import etree

    from editor.core.formats.docx import styles as ds
    from editor.core.formats.docx.read import ROOT_KEY, SECT_KEY
    from editor.core.formats.docx.safety import open_docx
    from editor.core.formats.docx.write import BodyContext, document_xml

    assert doc.source is not None
    pkg = open_docx(Path("source.docx"), data=doc.source)
    main = pkg.main_part
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    rels_name = f"{folder}_rels/{main.rsplit('/', 1)[-1]}.rels"
    rels = pkg.xml(rels_name) if rels_name in pkg.names else etree.fromstring(ds.rels_xml([]).split("\n", 1)[1])
    types = pkg.xml("[Content_Types].xml")
    by_type = {typ.rsplit("/", 1)[-1]: target for typ, target, ext in pkg.rels(main).values() if not ext}
    replaced: dict[str, bytes] = {}
    rel_ns = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    used_ids = {r.get("Id") for r in rels}

    def add_rel(typ: str, target: str, external: bool = False) -> str:
        """A new relationship of the main part, with an id the file does not use yet."""
        n = 1
        while f"rIdYuku{n}" in used_ids:
            n += 1
        rid = f"rIdYuku{n}"
        used_ids.add(rid)
        el = etree.SubElement(rels, rel_ns + "Relationship", Id=rid, Type=typ, Target=target)
        if external:
            el.set("TargetMode", "External")
        return rid

    def add_part(name: str, xml: str, rel_type: str) -> None:
        """A part the source lacked (styles, numbering), with its relationship and content type."""
        replaced[name] = xml.encode("utf-8")
        add_rel(rel_type, name[len(folder):])
        ct = etree.SubElement(types, "{http://schemas.openxmlformats.org/package/2006/content-types}Override")
        ct.set("PartName", "/" + name)
        ct.set("ContentType", ds.PART_TYPES.get("word/" + name.rsplit("/", 1)[-1], "application/xml"))

    # Headings must use the file's own style ids (Chinese Word calls "heading 1" "1").
    style_ids = {role: sid for role, (sid, _n, _l) in ds.ROLE_STYLES.items()}
    styles_part = by_type.get("styles")
    if styles_part:
        styles = pkg.xml(styles_part)
        w = f"{{{ds.W_NS}}}"
        names = {}
        for st in styles.iter(w + "style"):
            nm = st.find(w + "name")
            if nm is not None and st.get(w + "type") == "paragraph":
                names[nm.get(w + "val", "").lower()] = st.get(w + "styleId", "")
        missing = []
        for role, (_sid, name, _lvl) in ds.ROLE_STYLES.items():
            if name.lower() in names:
                style_ids[role] = names[name.lower()]
            else:
                missing.append(role)
        for role in missing:
            wrapped = f"<x {ds.NS_DECL}>{ds.role_style_xml(role, None)}</x>"
            styles.append(etree.fromstring(wrapped)[0])
        if missing:
            replaced[styles_part] = _xml_bytes(styles)
    else:
        add_part(f"{folder}styles.xml", ds.styles_xml(ds.plain_preset()), ds.REL_TYPES["styles"])

    numbering_part = by_type.get("numbering")
    numbering = pkg.xml(numbering_part) if numbering_part else None
    w = f"{{{ds.W_NS}}}"
    taken = [int(n.get(w + "numId", "0")) for n in numbering.iter(w + "num")] if numbering is not None else []
    ctx = BodyContext(style_ids=style_ids, kept=dict(doc.kept), keep_objects=True, source_links=True,
                      first_num_id=max([9000, *taken]) + 1)
    root_open = doc.kept[ROOT_KEY].xml if ROOT_KEY in doc.kept else None
    section = doc.kept[SECT_KEY].xml if SECT_KEY in doc.kept else ds.plain_preset().section_xml
    replaced[main] = document_xml(doc, ctx, section, root_open).encode("utf-8")
    if ctx.nums:
        if numbering is None:
            add_part(f"{folder}numbering.xml", ds.numbering_xml(ctx.nums), ds.REL_TYPES["numbering"])
        else:
            ours = etree.fromstring(f"<x {ds.NS_DECL}>{ds.abstract_nums_xml()}{ds.nums_xml(ctx.nums)}</x>")
            have_abstract = {a.get(w + "abstractNumId") for a in numbering.iter(w + "abstractNum")}
            first_num = numbering.find(w + "num")
            for el in list(ours):
                if el.tag == w + "abstractNum":
                    if el.get(w + "abstractNumId") in have_abstract:
                        continue
                    if first_num is not None:
                        first_num.addprevious(el)
                    else:
                        numbering.append(el)
                else:
                    numbering.append(el)
            replaced[numbering_part] = _xml_bytes(numbering)  # type: ignore[index]
    for url, rid in ctx.links.items():
        el = etree.SubElement(rels, rel_ns + "Relationship", Id=rid, Type=f"{ds.REL}/hyperlink", Target=url)
        el.set("TargetMode", "External")
    replaced[rels_name] = _xml_bytes(rels)
    replaced["[Content_Types].xml"] = _xml_bytes(types)
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as out:
        written = set()
        for info in pkg.zf.infolist():
            if info.filename in written:
                continue
            written.add(info.filename)
            data = replaced.pop(info.filename, None)
            out.writestr(info.filename, data if data is not None else pkg.read(info.filename))
        for name, data in replaced.items():
            out.writestr(name, data)
    return buf.getvalue()


def _xml_bytes(root: object) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


DOCX_FORMAT = FileFormat("docx", "Word 文档", (".docx",), read_docx_file, write_docx_file,
                         open_only=OPEN_ONLY_SUFFIXES, styled=True)
