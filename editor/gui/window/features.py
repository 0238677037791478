"""The feature modules every main window installs, in order; each is `install(host) -> object`.

A new feature is one module with an install function (see WindowHost in host.py) plus one line
here. Order matters where features share a menu or a veto list: the document's lock (held by the
session) is checked before any feature asks the user about a save.
"""
from __future__ import annotations

from collections.abc import Callable

from editor.gui.document import autosave, blank_fields, docx_warnings, outline_dialog
from editor.gui.gongwen import actions as gongwen_actions
from editor.gui.output import export_actions, page_view
from editor.gui.phrases import actions as phrase_actions
from editor.gui.phrases import suggestions
from editor.gui.script import actions as script_actions
from editor.gui.window import format_actions, menu_focus
from editor.gui.window.host import WindowHost

Install = Callable[[WindowHost], object]

FEATURES: list[Install] = [
    format_actions.install,
    autosave.install,
    page_view.install,
    docx_warnings.install,
    export_actions.install,
    phrase_actions.install,
    blank_fields.install,
    suggestions.install,
    outline_dialog.install,
    script_actions.install,
    gongwen_actions.install,
    menu_focus.install,  # last: it watches every menu the others added
]
