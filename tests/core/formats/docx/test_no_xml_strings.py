"""No OOXML is built as text: the writers make lxml elements, and nothing escapes XML by hand (issue #15)."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4] / "editor" / "core"
SCANNED = [ROOT / "formats", ROOT / "gongwen"]
MARKUP = ("<w:", "<Relationship", "<Override", "<Types", "<?xml", "<cp:", "</w:")


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _markup_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip and \
                any(m in node.value for m in MARKUP):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_no_module_writes_ooxml_as_text():
    files = [p for folder in SCANNED for p in folder.rglob("*.py")]
    assert len(files) > 20
    found = [hit for p in files for hit in _markup_strings(p)]
    assert found == []


def test_nothing_escapes_xml_by_hand():
    files = [p for folder in SCANNED for p in folder.rglob("*.py")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for needle in ("&amp;", "&lt;", "&quot;", "saxutils", "quoteattr", "xml_text"):
        assert needle not in text, needle
