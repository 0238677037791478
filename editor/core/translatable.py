"""Marking core strings for translation without Qt: the GUI translates them where it shows them."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return text unchanged; pyside6-lupdate reads the call by name and files text under context.

    Core never imports Qt (a test enforces it), yet registry labels such as a file format's name
    must reach the .ts files: `python -m editor.build_translations --update` finds them here.
    """
    return text
