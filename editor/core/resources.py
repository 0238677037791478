"""Find files shipped with Yuku (corpus, icons, translations), installed, editable or frozen."""
from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """Folder holding the run-time resources."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        # PyInstaller unpacks data next to the bundle; the spec puts resources at editor/resources.
        return Path(frozen_base) / "editor" / "resources"
    from importlib.resources import files

    return Path(str(files("editor.resources")))


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("corpus")``."""
    return resource_root().joinpath(*parts)


def seed_corpus_dir() -> Path:
    """The bundled seed corpus the default bank is mined from."""
    return resource_path("corpus")
