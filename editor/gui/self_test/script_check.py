"""`yuku --self-test` check: convert the document in the real window, formats and undo included."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editor.gui.window.host import WindowHost

SAMPLE = "余小明同志的头发发展。"
PROTECTED = "余小明"
EXPECTED = "余小明同志的頭髮發展。"


def self_test_checks(window: WindowHost, tmp: Path) -> list[tuple[str, Callable[[], bool]]]:
    """One check, "convert": s2t through the menu action on a paragraph whose phrase spans a bold run."""

    def convert() -> bool:
        from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

        from editor.core.script.converter import convert_text
        from editor.core.script.protected_terms import load_terms, save_terms

        editor = window.editor
        doc = editor.document()
        settings = window.settings
        saved_terms = load_terms(settings)
        save_terms([*saved_terms, PROTECTED], settings)
        try:
            cur = QTextCursor(doc)
            cur.movePosition(QTextCursor.MoveOperation.End)
            cur.beginEditBlock()
            if doc.characterCount() > 1:
                cur.insertBlock()
            start = cur.position()
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            plain = QTextCharFormat()
            # 头|发: the phrase 头发 is split by a bold run, as Word does it.
            cur.insertText(SAMPLE[:6], plain)
            cur.insertText(SAMPLE[6], bold)
            cur.insertText(SAMPLE[7:], plain)
            cur.endEditBlock()
            before = doc.toPlainText()
            editor.setTextCursor(QTextCursor(doc))  # no selection: the whole document
            window.action_factory.get("convert_s2t").trigger()
            after = doc.toPlainText()
            ok = after == convert_text(before, "s2t", [PROTECTED]) and after.endswith(EXPECTED)
            check = QTextCursor(doc)
            check.setPosition(start + 7)  # the format of the character before this position: 頭
            ok = ok and check.charFormat().fontWeight() == QFont.Weight.Bold
            check.setPosition(start + 8)
            ok = ok and check.charFormat().fontWeight() != QFont.Weight.Bold
            doc.undo()  # one step back to the text before conversion
            ok = ok and doc.toPlainText() == before
            doc.undo()  # and remove the sample paragraph again
            return bool(ok)
        finally:
            save_terms(saved_terms, settings)

    return [("convert", convert)]
