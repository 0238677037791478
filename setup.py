"""setuptools hook: compile the translations (.ts → .qm) into the build, so wheels ship them.

The metadata lives in pyproject.toml; this file only extends build_py. The .qm files are build
output and never committed. Without pyside6-lrelease the build goes on, with a warning, and the
application falls back to its Chinese source strings.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithTranslations(build_py):
    """build_py that also runs lrelease over resources/i18n/*.ts into the built package."""

    def run(self) -> None:
        """Build as usual, then add the compiled translations."""
        super().run()
        if self.editable_mode:
            return  # editable installs read resources/ in place; `make translations` builds there
        sys.path.insert(0, str(HERE))
        try:
            from editor.build_translations import build, lrelease_command
        finally:
            sys.path.pop(0)
        target = Path(self.build_lib) / "editor" / "resources" / "i18n"
        if lrelease_command() is None:
            warnings.warn("pyside6-lrelease not found: the package is built WITHOUT translations "
                          "(.qm); install PySide6-Essentials in the build environment", stacklevel=1)
            return
        for qm in build(HERE / "resources" / "i18n", out=target, force=True):
            print(f"compiled translation {qm.relative_to(self.build_lib)}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
