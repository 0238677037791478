"""Yuku's own document properties (Document.properties) as custom properties of a DOCX (docProps/custom.xml).

Only names starting with "Yuku." are Yuku's: reading takes just those, and writing replaces just those,
so the custom properties another program put there stay as they were.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterable
from io import BytesIO
from posixpath import join, normpath

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from editor.core.formats.docx.safety import xml_parser

OWN_PREFIX = "Yuku."
DEFAULT_NAME = "docProps/custom.xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id Word gives user-defined properties
MAX_PART = 1_000_000  # a properties part larger than this is not ours to read
_RELS, _TYPES = "_rels/.rels", "[Content_Types].xml"


def part_xml(properties: dict[str, str], root: etree._Element | None = None) -> bytes:
    """The custom-properties part: `root`'s foreign properties (if given) followed by ours, ids renumbered."""
    if root is None:
        root = etree.Element(f"{{{NS}}}Properties", nsmap={None: NS, "vt": VT})
    for prop in list(root.iter(f"{{{NS}}}property")):
        if prop.get("name", "").startswith(OWN_PREFIX):
            root.remove(prop)
    for name, text in properties.items():
        prop = etree.SubElement(root, f"{{{NS}}}property", fmtid=FMTID, name=name)
        etree.SubElement(prop, f"{{{VT}}}lpwstr").text = text
    for pid, prop in enumerate(root.iter(f"{{{NS}}}property"), 2):  # the standard reserves 0 and 1
        prop.set("pid", str(pid))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _part_name(zf: zipfile.ZipFile) -> str | None:
    """The custom-properties part's zip name, from the package relationships (None when there is none)."""
    try:
        rels = etree.fromstring(zf.read(_RELS), xml_parser())
    except (KeyError, etree.XMLSyntaxError):
        return None
    for rel in rels:
        if rel.get("Type") == RT.CUSTOM_PROPERTIES and rel.get("TargetMode") != "External":
            return normpath(join("", rel.get("Target", "").lstrip("/")))
    return None


def _root(zf: zipfile.ZipFile, name: str | None) -> etree._Element | None:
    """The custom-properties part parsed; None when there is none, or it is too large or damaged to read."""
    if name is None:
        return None
    try:
        info = zf.getinfo(name)
        if info.file_size > MAX_PART:
            return None
        return etree.fromstring(zf.read(info), xml_parser())
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None


def _own(root: etree._Element | None) -> dict[str, str]:
    """Yuku's properties in a parsed part, in the order stored."""
    if root is None:
        return {}
    return {prop.get("name", ""): "".join(prop.itertext()) for prop in root.iter(f"{{{NS}}}property")
            if prop.get("name", "").startswith(OWN_PREFIX)}


def read(data: bytes) -> dict[str, str]:
    """Yuku's properties in a DOCX, in the order stored ({} for a file without any, or a damaged part)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            return _own(_root(zf, _part_name(zf)))
    except (zipfile.BadZipFile, OSError):
        return {}


def part_name(data: bytes) -> str:
    """The zip name of the DOCX's custom-properties part (where merged() puts it when there is none)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            return _part_name(zf) or DEFAULT_NAME
    except (zipfile.BadZipFile, OSError):
        return DEFAULT_NAME


def converted(data: bytes, config: str, protected: Iterable[str], changed_parts: list[str]) -> bytes:
    """The DOCX with its stored 公文要素 converted as the editor converts them (`yuku convert`).

    Values convert; 类型 keeps its standard name (editor/core/script/official.py). The part's name
    is added to changed_parts when it changes.
    """
    from editor.core.script.official import converted_part_properties

    props = read(data)
    changed = converted_part_properties(props, config, protected)
    if not changed:
        return data
    changed_parts.append(part_name(data))
    return merged(data, {**props, **changed})


def merged(data: bytes, properties: dict[str, str]) -> bytes:
    """The DOCX with Yuku's properties replaced by these; the same bytes when they are already so."""
    with zipfile.ZipFile(BytesIO(data)) as src:
        name = _part_name(src)
        existing = _root(src, name)
        if _own(existing) == properties:
            return data
        if existing is not None and existing.tag != f"{{{NS}}}Properties":
            existing = None  # not a properties part: a fresh one replaces it
        replaced: dict[str, bytes] = {}
        if name is None:
            name = DEFAULT_NAME
            rels = etree.fromstring(src.read(_RELS), xml_parser())
            rel_ns = rels.nsmap.get(None, "http://schemas.openxmlformats.org/package/2006/relationships")
            ids = {r.get("Id") for r in rels}
            rid = next(f"rIdYuku{i}" for i in range(1, len(ids) + 2) if f"rIdYuku{i}" not in ids)
            etree.SubElement(rels, f"{{{rel_ns}}}Relationship", Id=rid, Type=RT.CUSTOM_PROPERTIES, Target=name)
            replaced[_RELS] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        replaced[name] = part_xml(properties, existing)
        types = etree.fromstring(src.read(_TYPES), xml_parser())
        if not any(t.get("PartName") == "/" + name for t in types):
            type_ns = types.nsmap.get(None, "http://schemas.openxmlformats.org/package/2006/content-types")
            etree.SubElement(types, f"{{{type_ns}}}Override", PartName="/" + name, ContentType=CT_CUSTOM)
            replaced[_TYPES] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                blob = replaced.pop(info.filename) if info.filename in replaced else src.read(info)
                dst.writestr(info, blob)
            for missing, blob in replaced.items():  # the part the rels name but the zip lacked
                dst.writestr(missing, blob)
    return out.getvalue()
