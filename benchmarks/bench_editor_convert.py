"""In-editor conversion: s2t of a 1 MB document with mixed formatting, total time and longest stall."""
from __future__ import annotations

from pathlib import Path

from benchmarks.harness import Row, require

NAME = "editor_convert"


def run(size: str, work: Path) -> list[Row]:
    """Placeholder until editor/gui/script_convert.py lands."""
    require("editor.gui.script_convert")
    raise NotImplementedError
