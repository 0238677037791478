"""Yuku's Qt interface: widgets, item models, actions and dialogs."""
from editor.gui.qt_workarounds import keep_singletons_alive

# Before any widget exists: PySide6 6.12 leaks references to None on void calls (see the module).
keep_singletons_alive()
