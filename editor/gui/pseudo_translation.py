"""A pseudo-translation that lengthens every Yuku string, to find widgets that clip translations."""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTranslator

from editor.build_translations import build_pseudo, lengthen
from editor.core.resources import resource_path

__all__ = ["DEFAULT_SCALE", "SCALE_ENV", "lengthen", "pseudo_translator"]

log = logging.getLogger(__name__)

# How much longer strings get: 1.6 = 60 % longer (vorta's TRANS_SCALE idea). Chinese source strings
# are short, and their English or German translations run two to three times the characters.
DEFAULT_SCALE = 1.6
SCALE_ENV = "YUKU_PSEUDO_SCALE"


def _scale() -> float:
    try:
        return float(os.environ.get(SCALE_ENV, DEFAULT_SCALE))
    except ValueError:
        return DEFAULT_SCALE


def pseudo_translator(language: str, parent: QObject | None = None) -> QTranslator | None:
    """A translator whose every Yuku string is the language's text lengthened; Qt's strings untouched.

    The .qm is compiled on the fly from the .ts sources (a developer tool: it needs pyside6-lrelease).
    """
    out = Path(tempfile.gettempdir()) / f"yuku-pseudo-{os.getpid()}"
    qm = build_pseudo(resource_path("i18n"), language, out, _scale())
    translator = QTranslator(parent)
    if qm is None or not translator.load(str(qm)):
        log.warning("pseudo-translation unavailable (needs pyside6-lrelease and the .ts sources)")
        return None
    return translator
