"""Compile the translation sources (resources/i18n/*.ts) into .qm files with pyside6-lrelease."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def lrelease_command() -> list[str] | None:
    """The pyside6-lrelease command next to this Python, or on PATH."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return [str(here)]
    found = shutil.which("pyside6-lrelease")
    return [found] if found else None


def build(folder: Path) -> list[Path]:
    """Build every .ts in folder whose .qm is missing or older; returns the .qm files written."""
    cmd = lrelease_command()
    written: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if cmd is None:
            raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
        subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


if __name__ == "__main__":
    from editor.core.resources import resource_path

    build(resource_path("i18n"))
