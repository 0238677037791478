"""Feature checks run by `yuku --self-test` after the basic ones."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editor.gui import i18n
from editor.gui.document import autosave
from editor.gui.self_test import docx_check, script_check
from editor.gui.window import icons
from editor.gui.window.host import WindowHost

Check = tuple[str, Callable[[], bool]]


def self_test_checks(window: WindowHost, tmp: Path) -> list[Check]:
    """The basic file check: save the document and read it back."""
    from editor.core.formats.document_files import read_document

    def save_and_reopen() -> bool:
        target = tmp / "self-test.txt"
        if not window.session.save_to(target):
            return False
        return read_document(target).plain_text().strip() == window.editor.plain_text().strip()

    return [("save_reopen_txt", save_and_reopen)]


# Providers of (name, check) pairs; each check returns True when its feature works end to end in
# the real window. A new check is one function plus one line here.
CHECK_PROVIDERS: list[Callable[[WindowHost, Path], list[Check]]] = [
    self_test_checks,
    docx_check.self_test_checks,
    i18n.self_test_checks,
    icons.self_test_checks,
    script_check.self_test_checks,
    autosave.self_test_checks,
]


def checks(window: WindowHost, tmp: Path) -> list[Check]:
    """Every registered check, in order."""
    found: list[Check] = []
    for provider in CHECK_PROVIDERS:
        found.extend(provider(window, tmp))
    return found
