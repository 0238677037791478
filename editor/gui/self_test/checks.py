"""Feature checks run by `yuku --self-test` after the basic ones."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

# Modules providing self_test_checks(window, tmp) -> list[(name, check)]; each check returns True
# when its feature works end to end in the real window.
CHECK_MODULES: list[str] = [
    "editor.gui.self_test.checks",
    "editor.gui.self_test.docx_check",
    "editor.gui.i18n",
    "editor.gui.window.icons",
    "editor.gui.self_test.script_check",
    "editor.gui.document.autosave",
]


def self_test_checks(window: object, tmp: Path) -> list[tuple[str, Callable[[], bool]]]:
    """The basic file check: save the document and read it back."""
    from editor.core.formats.document_files import read_document

    def save_and_reopen() -> bool:
        target = tmp / "self-test.txt"
        if not window.save_to(target):  # type: ignore[attr-defined]
            return False
        return read_document(target).plain_text().strip() == window.editor.plain_text().strip()  # type: ignore[attr-defined]

    return [("save_reopen_txt", save_and_reopen)]


def checks(window: object, tmp: Path) -> list[tuple[str, Callable[[], bool]]]:
    """Every registered check, in order."""
    found: list[tuple[str, Callable[[], bool]]] = []
    for name in CHECK_MODULES:
        found.extend(importlib.import_module(name).self_test_checks(window, tmp))
    return found
