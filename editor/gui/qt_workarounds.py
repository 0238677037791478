"""Work-arounds for bugs in the Qt binding that Yuku runs on."""
from __future__ import annotations

import sys

_pinned = False


def keep_singletons_alive() -> None:
    """Guard against PySide6 6.12 dropping a reference to None on every void call (CPython < 3.12).

    An editing session makes hundreds of thousands of such calls (setPosition, insertText,
    model updates…); without this the interpreter aborts with "none_dealloc: deallocating None".
    The probe below only acts when the running binding really leaks, so fixed releases are untouched.
    None, True and False are immortal in practice, so a huge reference count is harmless.
    """
    global _pinned
    if _pinned or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    if sys.getrefcount(None) < before:
        import ctypes

        # ob_refcnt is the first field of every PyObject. Signal arguments lose references to
        # True and False the same way, so they get the same treatment.
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    _pinned = True
