"""Which elements of a Word body are blocks, and how tables nest rows and cells.

The reader and the patching writer walk the XML with these same rules, so a block's origin path
("3", "3/0", "5/1,2/0") finds the same element on save that it came from on open.
"""
from __future__ import annotations

from typing import Any

from editor.core.formats.docx.styles import W_NS

W = f"{{{W_NS}}}"
M_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC_NS = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
# Breaks that are not line breaks: kept as they are and shown as a placeholder.
BREAK_LABELS = {"page": "分页符", "column": "分栏符"}
# Children of a body, cell or content control that show nothing: written back where they were.
_INVISIBLE = frozenset(W + n for n in (
    "sectPr", "tcPr", "trPr", "tblPr", "tblGrid", "tblPrEx", "sdtPr", "sdtEndPr", "customXmlPr",
    "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
    "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd"))
# Property elements come first in their parent whatever the editor inserts.
LEADING = frozenset(W + n for n in ("tcPr", "trPr", "tblPr", "tblGrid", "sdtPr", "sdtEndPr", "customXmlPr"))


def is_block(el: Any) -> bool:
    """Whether a child of a body, cell or content control is shown as one or more blocks."""
    return isinstance(el.tag, str) and el.tag not in _INVISIBLE


def block_content(el: Any) -> Any:
    """The element whose children are the blocks of a w:sdt or w:customXml (None for others)."""
    if el.tag == W + "sdt":
        return el.find(W + "sdtContent")
    if el.tag == W + "customXml":
        return el
    return None


def _wrapped(parent: Any, tag: str) -> list[Any]:
    """The children of parent with this tag, looking through content controls and custom XML."""
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            content = block_content(child)
            if content is not None:
                out.extend(_wrapped(content, tag))
    return out


def table_rows(tbl: Any) -> list[list[Any]]:
    """A table's rows as lists of w:tc, rows and cells wrapped in content controls included."""
    return [_wrapped(tr, W + "tc") for tr in _wrapped(tbl, W + "tr")]
