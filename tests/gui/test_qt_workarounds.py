"""The PySide6 None-refcount guard keeps long sessions alive."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})


def test_many_void_calls_survive_after_importing_the_gui():
    out = _run("""
        import editor.gui
        from PySide6.QtCore import QObject
        o = QObject()
        for _ in range(200_000):
            o.setObjectName("x")
        print("alive")
    """)
    assert out.returncode == 0, out.stderr[-500:]
    assert "alive" in out.stdout


def test_guard_is_needed_on_this_binding_or_harmless():
    # Either the binding leaks (the guard must have acted) or it does not (nothing to do).
    out = _run("""
        import sys
        from PySide6.QtCore import QObject
        o = QObject()
        before = sys.getrefcount(None)
        for _ in range(100):
            o.setObjectName("x")
        leaks = sys.getrefcount(None) < before
        import editor.gui
        print("leaks" if leaks else "clean", sys.getrefcount(None) > 1 << 39)
    """)
    assert out.returncode == 0, out.stderr[-500:]
    kind, pinned = out.stdout.split()
    assert pinned == ("True" if kind == "leaks" else "False")
