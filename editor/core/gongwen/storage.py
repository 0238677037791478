"""The parts kept in the DOCX as custom document properties (docProps/custom.xml), so they survive a round trip.

Each part is one property named `Yuku.公文.<standard name>` (lists one item a line): Word shows them under
File → Properties → Custom, and other tools leave them alone.
"""
from __future__ import annotations

import zipfile
from io import BytesIO

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from editor.core.gongwen.parts import KEYS, LIST_KEYS, Parts

PREFIX = "Yuku.公文."
CUSTOM_URI = "/docProps/custom.xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def custom_xml(parts: Parts) -> bytes:
    """The custom-properties part holding the parts."""
    root = etree.Element(f"{{{NS}}}Properties", nsmap={None: NS, "vt": VT})
    pid = 2  # property ids start at 2 (the standard reserves 0 and 1)
    for key in KEYS:
        value = parts.get(key)
        if not value:
            continue
        text = "\n".join(value) if isinstance(value, list) else value
        prop = etree.SubElement(root, f"{{{NS}}}property", fmtid=FMTID, pid=str(pid), name=PREFIX + key)
        etree.SubElement(prop, f"{{{VT}}}lpwstr").text = text
        pid += 1
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write(document: object, parts: Parts) -> None:
    """Add (or replace) the custom-properties part of a python-docx Document."""
    package = document.part.package  # type: ignore[attr-defined]
    blob = custom_xml(parts)
    for rel in list(package.rels.values()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            rel.target_part._blob = blob
            return
    part = Part(PackURI(CUSTOM_URI), CT_CUSTOM, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read(data: bytes) -> Parts | None:
    """The parts stored in a DOCX, or None when it holds none (a DOCX Yuku did not lay out)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            info = zf.getinfo(CUSTOM_URI.lstrip("/"))
            if info.file_size > 1_000_000:
                return None
            raw = zf.read(info)
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError:
        return None
    parts = Parts()
    found = False
    for prop in root.iter(f"{{{NS}}}property"):
        name = prop.get("name", "")
        if not name.startswith(PREFIX) or name[len(PREFIX):] not in KEYS:
            continue
        key = name[len(PREFIX):]
        text = "".join(prop.itertext())
        if key in LIST_KEYS:
            setattr(parts, KEYS[key], [ln for ln in text.split("\n") if ln.strip()])
        else:
            parts.set(key, text)
        found = True
    return parts if found else None


def with_parts(data: bytes, parts: Parts) -> bytes:
    """A saved DOCX with the parts put in its custom properties, every other zip entry copied as it was."""
    rels_name, types_name, custom_name = "_rels/.rels", "[Content_Types].xml", CUSTOM_URI.lstrip("/")
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        rels = etree.fromstring(src.read(rels_name), _PARSER)
        types = etree.fromstring(src.read(types_name), _PARSER)
        rel_ns, type_ns = rels.nsmap[None], types.nsmap[None]
        if not any(r.get("Type") == RT.CUSTOM_PROPERTIES for r in rels):
            ids = {r.get("Id") for r in rels}
            rid = next(f"rIdYuku{i}" for i in range(1, len(ids) + 2) if f"rIdYuku{i}" not in ids)
            etree.SubElement(rels, f"{{{rel_ns}}}Relationship", Id=rid, Type=RT.CUSTOM_PROPERTIES,
                             Target=custom_name)
        if not any(t.get("PartName") == CUSTOM_URI for t in types):
            etree.SubElement(types, f"{{{type_ns}}}Override", PartName=CUSTOM_URI, ContentType=CT_CUSTOM)
        for info in src.infolist():
            if info.filename == rels_name:
                dst.writestr(info, etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True))
            elif info.filename == types_name:
                dst.writestr(info, etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True))
            elif info.filename != custom_name:
                dst.writestr(info, src.read(info))
        dst.writestr(custom_name, custom_xml(parts))
    return out.getvalue()
