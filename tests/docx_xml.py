"""XML helpers for tests comparing a Word file's paragraphs before and after a save."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORPUS = Path(__file__).resolve().parent / "data" / "docx-corpus"


def body_of(data: bytes) -> Any:
    """The w:body of a package's main part."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml")).find(W + "body")


def paragraph_with(data: bytes, text: str) -> Any:
    """The first w:p (anywhere in the body) whose text holds text."""
    for p in body_of(data).iter(W + "p"):
        if text in "".join(p.itertext()):
            return p
    raise AssertionError(f"no paragraph holds {text!r}")


def xml(el: Any) -> bytes:
    """An element's canonical XML (namespace declarations and attribute order do not matter)."""
    return etree.tostring(el, method="c14n")


def children_xml(p: Any) -> list[bytes]:
    """The canonical XML of each child of a paragraph."""
    return [xml(c) for c in p]
