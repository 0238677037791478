"""Script conversion of what the editor does not show of a Word file: headers, footers, notes, text boxes.

For the editor's whole-document conversion: converted with docx/convert.py's code, as `yuku convert`
converts them.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from editor.core.formats.docx.safety import xml_parser
from editor.core.model.document import KeptItem

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


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


def convert_for_editor(data: bytes, kept: dict[str, KeptItem], config: str,
                       protected: Iterable[str] = ()) -> tuple[bytes, dict[str, KeptItem]]:
    """A source package and its kept content converted for the editor's whole-document conversion.

    The editor converts the text it shows; this converts the rest as `yuku convert` would: every
    text part but the body (headers, footers, notes …), the kept items' XML (what a placeholder
    writes back), and when one of those changes the body too, whose text boxes and other kept content
    saving copies from it where a paragraph is untouched, so the body written from either agrees. Returns the package (data itself when no part changes) and the kept
    items whose XML changed.
    """
    from lxml import etree

    from editor.core.formats.docx.convert import DocxConvertResult, convert_tree, convert_zip
    from editor.core.formats.docx.read_inline import InlineReader
    from editor.core.formats.docx.safety import open_zip
    from editor.core.model.document import Document
    from editor.core.script.converter import check_config

    check_config(config)
    terms = tuple(protected)
    path = Path("source.docx")
    zf, _ = open_zip(path, data)
    with zf:
        main = main_part(zf)
        nsmap = _root_nsmap(zf, main)
        # Kept XML leaves out the root's namespace declarations: a wrapper makes them again (as patch.py
        # does), and the reader's raw() strips them from the converted element as it did on reading.
        wrap = etree.tostring(etree.Element("wrap", nsmap=nsmap), encoding="unicode")
        opening, closing = wrap[:-2] + ">", "</wrap>"
        reader = InlineReader(Document(), nsmap)
        changed: dict[str, KeptItem] = {}
        for key, item in kept.items():
            if "<" not in item.xml or ":p" not in item.xml:
                continue  # no paragraph inside (an image, a bookmark …): nothing to convert
            try:
                wrapper = etree.fromstring((opening + item.xml + closing).encode("utf-8"), xml_parser())
            except etree.XMLSyntaxError:
                continue
            if convert_tree(wrapper, config, terms)[1]:
                changed[key] = replace(item, xml="".join(reader.raw(el) for el in wrapper))
        # The body's own paragraphs the editor converted; its source matters only where kept content
        # that converts is copied from it, and converting a long body again would freeze the window.
        result = DocxConvertResult([], 0, 0)
        out = convert_zip(zf, path, config, terms, result, skip="" if changed else main)
    if not result.parts:
        out = data  # nothing changed: the same bytes, so the caller can tell
    return out, changed


def _root_nsmap(zf: zipfile.ZipFile, name: str) -> dict[str | None, str]:
    """The namespace declarations of a part's root element (read up to its start tag only)."""
    from io import BytesIO

    from lxml import etree

    try:
        for _event, el in etree.iterparse(BytesIO(zf.read(name)), events=("start",), resolve_entities=False,
                                          no_network=True):
            return dict(el.nsmap)
    except (KeyError, etree.XMLSyntaxError):
        pass
    return {}
