"""Golden files: every XML part Yuku writes, pretty-printed, compared part by part (timestamps ignored).

After an intended change of the output, regenerate with YUKU_UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from editor.core.formats.document_files import write_document
from editor.core.formats.draft_text import draft_to_document
from tests import DATA_ROOT
from tests.core.formats.docx.test_roundtrip import rich_model

GOLDEN = DATA_ROOT / "docx" / "golden"
DRAFT = "关于做好2024年工作的讲话\n\n同志们：\n一、总体情况\n今年以来，我们坚持“稳中求进”，完成___项任务。\n（一）加强领导\n1.明确责任\n（1）细化分工\n谢谢大家！\n"
# Like novelWriter's DOCX_IGNORE: what changes on every run.
IGNORE = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def pretty_parts(path: Path) -> dict[str, str]:
    """Each XML part, pretty-printed, keyed by its name."""
    out = {}
    parser = etree.XMLParser(remove_blank_text=True)
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if not name.endswith((".xml", ".rels")):
                continue
            root = etree.fromstring(zf.read(name), parser)
            text = etree.tostring(root, pretty_print=True, encoding="unicode")
            out[name] = IGNORE.sub(r"\1\2", text)
    return out


CASES = {
    "official_draft": lambda p: write_document(draft_to_document(DRAFT), p, style="official"),
    "plain_rich": lambda p: write_document(rich_model(), p, style="plain"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_xml_matches_golden(case, tmp_path):
    out = tmp_path / f"{case}.docx"
    CASES[case](out)
    parts = pretty_parts(out)
    folder = GOLDEN / case
    if os.environ.get("YUKU_UPDATE_GOLDEN") == "1":
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in parts.items():
            target = folder / (name.replace("/", "__") + ".xml")
            target.write_text(text, encoding="utf-8")
    expected = {f.name: f.read_text(encoding="utf-8") for f in folder.glob("*.xml")}
    assert sorted(expected) == sorted(n.replace("/", "__") + ".xml" for n in parts)
    for name, text in parts.items():
        assert text == expected[name.replace("/", "__") + ".xml"], name
