"""Script conversion of the parts of a Word package beside its body: headers, footers, notes, comments.

For the editor, which does not show them: converted with docx/convert.py's code, as `yuku convert`
converts them.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from editor.core.formats.docx.safety import xml_parser

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def convert_outside_body(data: bytes, config: str, protected: Iterable[str] = ()) -> tuple[bytes, list[str]]:
    """A package with every text part converted but its main part (headers, footers, notes …).

    What the editor does not show and so cannot convert itself: its conversion of the whole document
    applies this to the source package it saves into. Returns the bytes and the parts changed.
    """
    from editor.core.formats.docx.convert import DocxConvertResult, convert_zip
    from editor.core.formats.docx.safety import open_zip
    from editor.core.script.converter import check_config

    check_config(config)
    path = Path("source.docx")
    result = DocxConvertResult([], 0, 0)
    zf, _ = open_zip(path, data)
    with zf:
        out = convert_zip(zf, path, config, tuple(protected), result, skip=main_part(zf))
    return out, result.parts


def main_part(zf: zipfile.ZipFile) -> str:
    """The main document part's zip name, from the package relationships (word/document.xml by default)."""
    import posixpath

    from lxml import etree

    try:
        rels = etree.fromstring(zf.read("_rels/.rels"), xml_parser())
    except (KeyError, etree.XMLSyntaxError):
        return "word/document.xml"
    for rel in rels.iter(_REL):
        if (rel.get("Type") or "").endswith("/officeDocument"):
            return posixpath.normpath((rel.get("Target") or "").lstrip("/"))
    return "word/document.xml"
