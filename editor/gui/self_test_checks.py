"""Feature checks run by `yuku --self-test` after the basic ones."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def checks(window: object, tmp: Path) -> list[tuple[str, Callable[[], bool]]]:
    """(name, check) pairs; each check returns True when the feature works."""
    from editor.core.document_files import read_document

    def save_and_reopen() -> bool:
        target = tmp / "self-test.txt"
        if not window.save_to(target):  # type: ignore[attr-defined]
            return False
        return read_document(target).plain_text().strip() == window.editor.plain_text().strip()  # type: ignore[attr-defined]

    return [("save_reopen_txt", save_and_reopen)]
