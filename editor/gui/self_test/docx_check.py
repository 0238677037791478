"""`yuku --self-test` check: save the real window's document as DOCX and open it again."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editor.gui.window.host import WindowHost


def self_test_checks(window: WindowHost, tmp: Path) -> list[tuple[str, Callable[[], bool]]]:
    """One check: DOCX round trip through the window's own save and open."""

    def docx_round_trip() -> bool:
        """Save as DOCX, check it with python-docx, open it again: the same text."""
        import docx

        editor = window.editor
        before = editor.plain_text()
        target = tmp / "self-test.docx"
        if not window.session.save_to(target):
            return False
        paragraphs = docx.Document(str(target)).paragraphs  # a second reader agrees it is Word
        if "\n".join(p.text for p in paragraphs).strip() != before.strip():
            return False
        if not window.session.open_path(target):
            return False
        return editor.plain_text() == before

    return [("docx_round_trip", docx_round_trip)]
