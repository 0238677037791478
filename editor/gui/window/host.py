"""WindowHost: what a feature module is given of the main window (and may use), typed.

A feature module exports `install(host: WindowHost) -> object`: it makes its actions with
host.action_factory.make(...), puts them in host.menu("file" | "edit" | "format" | "tools" | "view" |
"help"), hooks the document through host.session (before_open / before_save vetoes, the opened /
saved / closed signals, lock, path) and returns the object that owns its state. The window keeps
that object; other code finds it with host.feature(Class). Features never touch private members
of the window, and they are listed, typed, in editor/gui/window/features.py.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QStatusBar

if TYPE_CHECKING:
    from editor.core.bank.store import PhraseBank
    from editor.core.settings import Settings
    from editor.gui.document.editor import DocumentEditor
    from editor.gui.document.session import DocumentSession
    from editor.gui.phrases.panel import PhrasePanel
    from editor.gui.window.actions import ActionFactory

T = TypeVar("T")


def can_ask_user() -> bool:
    """False on the offscreen platform (tests, self-test): nobody is there to answer a dialog."""
    return QGuiApplication.platformName() != "offscreen"


class WindowHost(Protocol):
    """The main window as features see it.

    - widget: the QMainWindow, as the parent of a feature's dialogs and helper objects.
    - editor / session / settings / bank / phrase_panel / phrase_dock: the parts of the window.
    - action_factory: the one action factory (make, register, get, by_name).
    - menu(name), status_bar(): where actions and status widgets go.
    - show_message(text, ms) / show_error(title, text): tell the user.
    - may_ask_user(): whether a modal question may be shown now.
    - settingsChanged(keys): Preferences saved these settings keys.
    - base_point_size: the document's unzoomed text size (printing and PDF).
    - new_window(): another main window over the same settings and bank.
    - feature(Class): the object an installed feature returned.
    """

    @property
    def widget(self) -> QMainWindow:
        """The window itself, as a dialog parent."""
        ...

    @property
    def editor(self) -> DocumentEditor:
        """The document pane."""
        ...

    @property
    def session(self) -> DocumentSession:
        """The current file: open, save, path, lock and the before/after hooks."""
        ...

    @property
    def settings(self) -> Settings:
        """The user's settings."""
        ...

    @property
    def bank(self) -> PhraseBank | None:
        """The phrase bank (None when it could not be opened)."""
        ...

    @property
    def phrase_panel(self) -> PhrasePanel:
        """The sidebar listing the bank's phrases."""
        ...

    @property
    def phrase_dock(self) -> QDockWidget:
        """The dock holding the phrase panel."""
        ...

    @property
    def action_factory(self) -> ActionFactory:
        """The action factory and index."""
        ...

    @property
    def settingsChanged(self) -> SignalInstance:
        """Emitted with the list of settings keys Preferences changed."""
        ...

    @property
    def base_point_size(self) -> float:
        """The document's text size at 100 % zoom."""
        ...

    def menu(self, name: str) -> QMenu:
        """A top-level menu: file, edit, format, tools, view or help."""
        ...

    def status_bar(self) -> QStatusBar:
        """The status bar, for a feature's permanent widget."""
        ...

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        """A short note in the status bar (0: until replaced)."""
        ...

    def show_error(self, title: str, text: str) -> None:
        """Tell the user about a problem in one sentence."""
        ...

    def may_ask_user(self) -> bool:
        """Whether a modal question may be shown (not on the offscreen platform)."""
        ...

    def new_window(self) -> WindowHost:
        """A new, shown main window sharing this one's settings and bank."""
        ...

    def feature(self, kind: type[T]) -> T:
        """The installed feature object of that class (LookupError when none was installed)."""
        ...
