"""editor.core must work without Qt: import every module with PySide6 made unimportable."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap

import editor.core


def test_every_core_module_imports_without_pyside6():
    names = [m.name for m in pkgutil.walk_packages(editor.core.__path__, "editor.core.")]
    assert len(names) >= 8
    code = textwrap.dedent(f"""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
                    raise ImportError("PySide6 is blocked in this test")
        sys.meta_path.insert(0, Block())
        for name in {names!r}:
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 got imported"
        print("ok", len({names!r}))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok")


def test_the_blocker_really_blocks():
    code = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("blocked")
        sys.meta_path.insert(0, Block())
        import editor.gui.app
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode != 0
    assert "blocked" in out.stderr
