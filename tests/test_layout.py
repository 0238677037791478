"""The layout rules of editor/: small packages with a docstring each, modules under 400 lines."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULES = 15
MAX_LINES = 400


def packages() -> list[Path]:
    return sorted(p.parent for p in (ROOT / "editor").rglob("__init__.py") if "__pycache__" not in p.parts)


def test_every_package_is_small_and_says_what_it_owns():
    for pkg in packages():
        modules = [p for p in pkg.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= MAX_MODULES, f"{pkg.relative_to(ROOT)} holds {len(modules)} modules"
        doc = ast.get_docstring(ast.parse((pkg / "__init__.py").read_text(encoding="utf-8")))
        assert len(doc or "") > 40, f"{pkg.relative_to(ROOT)}/__init__.py needs a one-paragraph docstring"


def test_no_module_over_the_line_limit():
    long = {}
    for path in (ROOT / "editor").rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long[path.relative_to(ROOT).as_posix()] = lines
    assert not long, long
