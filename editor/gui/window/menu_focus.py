"""The menu bar never swallows typing: closing a menu or typing text hands the keyboard back to the text.

Qt leaves the menu bar holding the keyboard after Esc closes a menu opened with the mouse, or after
Alt is pressed alone. Typed Chinese then vanishes, and the next Enter opens 编辑 with 撤销 highlighted,
so a second Enter undoes a paragraph. Word and WPS return to the document in both cases.
"""
from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from editor.gui.window.host import WindowHost


def _mnemonic(text: str) -> str:
    """The letter after & in a menu title ("" if none)."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if 0 <= at < len(text) - 1 else ""


class MenuFocusGuard(QObject):
    """Watches one window's menu bar and gives the keyboard back to where the user was typing."""

    def __init__(self, bar: QMenuBar, window: QWidget, text: QWidget) -> None:
        super().__init__(bar)
        self.bar, self.window, self.text = bar, window, text
        self.last: QWidget | None = None
        self.since_close = QElapsedTimer()  # a menu just closed: the bar taking the keyboard now is Qt's Esc habit
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        bar.installEventFilter(self)
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                menu.aboutToHide.connect(self._menu_closed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is self.bar and old is not None and old is not self.bar and self.window.isAncestorOf(old):
            self.last = old

    def _menu_closed(self) -> None:
        # After the popup is gone (a triggered action has run): if the bar kept the keyboard, leave it.
        self.since_close.start()
        QTimer.singleShot(0, self._leave_if_held)

    def _leave_if_held(self) -> None:
        if self.bar.hasFocus() and QApplication.activePopupWidget() is None:
            self._give_back()

    def _give_back(self) -> QWidget | None:
        target = self.last if self.last is not None and self.last.isVisible() else None
        if target is None and self.text.isVisible():
            target = self.text
        if target is not None:
            target.setFocus()
        return target

    def _mnemonics(self) -> set[str]:
        return {m for a in self.bar.actions() if a.isVisible() and (m := _mnemonic(a.text()))}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Text typed while the bar holds the keyboard goes to the text, unless it opens a menu (Alt+F, then F)."""
        if (watched is self.bar and event.type() == QEvent.Type.FocusIn and self.since_close.isValid()
                and self.since_close.elapsed() < 500):
            QTimer.singleShot(0, self._leave_if_held)  # the window was inactive when the menu closed
        elif watched is self.bar and self.bar.hasFocus():
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                text = event.text()
                if text and text.isprintable() and text.lower() not in self._mnemonics():
                    target = self._give_back()
                    if target is not None:
                        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), text,
                                         event.isAutoRepeat(), event.count())
                        QApplication.sendEvent(target, copy)
                        return True
            elif event.type() == QEvent.Type.InputMethod:
                target = self._give_back()
                if target is not None:
                    QApplication.sendEvent(target, event)
                    return True
        return super().eventFilter(watched, event)


def install(host: WindowHost) -> MenuFocusGuard:
    """Guard the host window's menu bar."""
    window = host.widget
    return MenuFocusGuard(window.menuBar(), window, host.editor)
