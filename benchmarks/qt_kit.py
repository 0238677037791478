"""Qt helpers shared by the in-process GUI benchmarks: the app, key events, paint and signal clocks."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def pin_none() -> None:
    """The application's guard against PySide6 6.12's None refcount leak, for bare baselines too.

    Without it the editor aborts after about 1,200 keystrokes or one 100,000-row model build, so
    nothing could be measured; baselines run it as well so both sides pay the same.
    """
    from editor.gui.qt_workarounds import keep_singletons_alive

    keep_singletons_alive()


def app() -> QApplication:
    """The QApplication (reused under pytest-qt), offscreen unless a display was asked for."""
    from editor.gui.app import create_app

    return create_app()


def type_text(widget: QWidget, text: str) -> None:
    """Commit text the way a Chinese input method does (QTest.keyClicks asserts on non-ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(widget: QWidget, key: Qt.Key, text: str = "") -> None:
    """A key press and release, delivered synchronously like the event loop would."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, text))


class PaintClock(QObject):
    """Counts paint events on a widget and remembers when the last one finished."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        self.last = 0.0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the paint; the paint itself runs after us, so 'last' is refreshed by settle()."""
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class ModelClock(QObject):
    """Remembers when an item model last announced a change (reset, layout, rows, data)."""

    def __init__(self, model: QAbstractItemModel) -> None:
        super().__init__(model)
        self.count = 0
        self.last = 0.0
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged):
            signal.connect(self._tick)

    # No *args: a variadic Python slot on rowsInserted crashed PySide6 6.12 (none_dealloc refcount error).
    @Slot()
    def _tick(self) -> None:
        self.count += 1
        self.last = time.perf_counter()


def settle(quiet_s: float, timeout_s: float, busy: Callable[[], float]) -> None:
    """Pump events until `busy()` (a time of last activity) has been quiet for quiet_s, or timeout_s."""
    application = QApplication.instance()
    start = time.perf_counter()
    while True:
        application.processEvents()
        now = time.perf_counter()
        if now - max(busy(), start) >= quiet_s or now - start >= timeout_s:
            return
        time.sleep(0.0005)
