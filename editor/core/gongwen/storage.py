"""The parts kept in the DOCX as custom document properties (docProps/custom.xml), so they survive a round trip.

Each part is one property named `Yuku.公文.<standard name>` (lists one item a line): Word shows them under
File → Properties → Custom, and other tools leave them alone. The editor carries them as
Document.properties, which the Word writer stores the same way (formats/docx/custom_props.py).
"""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from editor.core.formats.docx import custom_props
from editor.core.gongwen.parts import Parts, from_properties, to_properties


def custom_xml(parts: Parts) -> bytes:
    """The custom-properties part holding the parts."""
    return custom_props.part_xml(to_properties(parts))


def write(document: object, parts: Parts) -> None:
    """Add (or replace) the custom-properties part of a python-docx Document."""
    package = document.part.package  # type: ignore[attr-defined]
    blob = custom_xml(parts)
    for rel in list(package.rels.values()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            rel.target_part._blob = blob
            return
    part = Part(PackURI("/" + custom_props.DEFAULT_NAME), custom_props.CT_CUSTOM, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read(data: bytes) -> Parts | None:
    """The parts stored in a DOCX, or None when it holds none (a DOCX Yuku did not lay out)."""
    return from_properties(custom_props.read(data))
