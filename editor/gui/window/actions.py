"""The one action factory: named QActions with shortcuts and icons, indexed by name."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from editor.gui.window.icons import icon as themed_icon

# Some platforms define no key for a standard action (Quit on Windows/offscreen).
FALLBACK_KEYS = {
    QKeySequence.StandardKey.Quit: "Ctrl+Q",
    QKeySequence.StandardKey.Print: "Ctrl+P",
    QKeySequence.StandardKey.Replace: "Ctrl+H",
    QKeySequence.StandardKey.Redo: "Ctrl+Y",
    QKeySequence.StandardKey.SaveAs: "Ctrl+Shift+S",
    QKeySequence.StandardKey.Preferences: "Ctrl+,",
}

Shortcut = QKeySequence | QKeySequence.StandardKey | str
Slot = Callable[..., object]


def key_sequence(shortcut: Shortcut) -> QKeySequence:
    """A shortcut as a key sequence, with Yuku's fallback where the platform defines none."""
    seq = QKeySequence(shortcut)
    if seq.isEmpty() and isinstance(shortcut, QKeySequence.StandardKey):
        seq = QKeySequence(FALLBACK_KEYS.get(shortcut, ""))
    return seq


class ActionFactory:
    """Makes the window's actions and keeps them by object name (tests and menus find them there).

    Every action is added to the owner widget too, so its shortcut works whatever is hidden
    (focus mode hides the menu bar and toolbars).
    """

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.by_name: dict[str, QAction] = {}

    def make(self, name: str, text: str, slot: Slot | None = None,
             shortcut: Shortcut | Sequence[Shortcut] | None = None,
             icon: QStyle.StandardPixmap | str | None = None, checkable: bool = False) -> QAction:
        """A registered action: name is its objectName; slot gets triggered(checked) if it takes it."""
        act = QAction(text, self.owner)
        act.setObjectName(name)
        if isinstance(shortcut, (list, tuple)):
            keys = [key_sequence(s) for s in shortcut]
            # Without repeats: Ctrl+Y is the standard Redo on Windows and added for everyone.
            act.setShortcuts([k for i, k in enumerate(keys) if not k.isEmpty() and k not in keys[:i]])
        elif isinstance(shortcut, (QKeySequence, QKeySequence.StandardKey, str)):
            act.setShortcut(key_sequence(shortcut))
        if isinstance(icon, str):
            act.setIcon(themed_icon(icon))
        elif icon is not None:
            act.setIcon(self.owner.style().standardIcon(icon))
        act.setCheckable(checkable)
        if slot is not None:
            act.triggered.connect(slot)
        self.register(act)
        return act

    def register(self, act: QAction) -> None:
        """Index an action made elsewhere (a dock's toggle) and make its shortcut window-wide."""
        self.by_name[act.objectName()] = act
        self.owner.addAction(act)

    def get(self, name: str) -> QAction:
        """The action of that name (KeyError when no feature made it)."""
        return self.by_name[name]
