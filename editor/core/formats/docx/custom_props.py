"""Yuku's own document properties (Document.properties) as custom properties of a DOCX (docProps/custom.xml).

Only names starting with "Yuku." are Yuku's: reading takes just those, and writing replaces just those,
so the custom properties another program put there stay as they were.
"""
from __future__ import annotations

import zipfile
from io import BytesIO
from posixpath import join, normpath

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

OWN_PREFIX = "Yuku."
DEFAULT_NAME = "docProps/custom.xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id Word gives user-defined properties
MAX_PART = 1_000_000  # a properties part larger than this is not ours to read
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
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
        rels = etree.fromstring(zf.read(_RELS), _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return None
    for rel in rels:
        if rel.get("Type") == RT.CUSTOM_PROPERTIES and rel.get("TargetMode") != "External":
            return normpath(join("", rel.get("Target", "").lstrip("/")))
    return None


def read(data: bytes) -> dict[str, str]:
    """Yuku's properties in a DOCX, in the order stored ({} for a file without any, or a damaged part)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            name = _part_name(zf)
            if name is None:
                return {}
            info = zf.getinfo(name)
            if info.file_size > MAX_PART:
                return {}
            root = etree.fromstring(zf.read(info), _PARSER)
    except (KeyError, zipfile.BadZipFile, OSError, etree.XMLSyntaxError):
        return {}
    out: dict[str, str] = {}
    for prop in root.iter(f"{{{NS}}}property"):
        name = prop.get("name", "")
        if name.startswith(OWN_PREFIX):
            out[name] = "".join(prop.itertext())
    return out


def _existing_root(zf: zipfile.ZipFile, name: str) -> etree._Element | None:
    """The custom-properties part's root to keep other programs' properties in; None when missing or damaged."""
    try:
        info = zf.getinfo(name)
        if info.file_size > MAX_PART:
            return None
        root = etree.fromstring(zf.read(info), _PARSER)
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None  # damaged: nothing in it could be read, so a fresh part replaces it
    return root if root.tag == f"{{{NS}}}Properties" else None


def merged(data: bytes, properties: dict[str, str]) -> bytes:
    """The DOCX with Yuku's properties replaced by these; the same bytes when they are already so."""
    if read(data) == properties:
        return data
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        name = _part_name(src)
        replaced: dict[str, bytes] = {}
        if name is None:
            name = DEFAULT_NAME
            rels = etree.fromstring(src.read(_RELS), _PARSER)
            rel_ns = rels.nsmap.get(None, "http://schemas.openxmlformats.org/package/2006/relationships")
            ids = {r.get("Id") for r in rels}
            rid = next(f"rIdYuku{i}" for i in range(1, len(ids) + 2) if f"rIdYuku{i}" not in ids)
            etree.SubElement(rels, f"{{{rel_ns}}}Relationship", Id=rid, Type=RT.CUSTOM_PROPERTIES, Target=name)
            replaced[_RELS] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        replaced[name] = part_xml(properties, _existing_root(src, name))
        types = etree.fromstring(src.read(_TYPES), _PARSER)
        if not any(t.get("PartName") == "/" + name for t in types):
            type_ns = types.nsmap.get(None, "http://schemas.openxmlformats.org/package/2006/content-types")
            etree.SubElement(types, f"{{{type_ns}}}Override", PartName="/" + name, ContentType=CT_CUSTOM)
            replaced[_TYPES] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        for info in src.infolist():
            blob = replaced.pop(info.filename) if info.filename in replaced else src.read(info)
            dst.writestr(info, blob)
        for missing, blob in replaced.items():  # the part the rels name but the zip lacked
            dst.writestr(missing, blob)
    return out.getvalue()
