"""A pseudo-translation that lengthens every Yuku string, to find widgets that clip translations."""
from __future__ import annotations

import math
import os

from PySide6.QtCore import QObject, QTranslator

# How much longer strings get: 1.5 = half as long again (vorta's TRANS_SCALE idea). Chinese source
# strings are short, and English or German ones run two to three times the characters.
DEFAULT_SCALE = 1.6
SCALE_ENV = "YUKU_PSEUDO_SCALE"
PAD = "～"


def lengthen(text: str, scale: float = DEFAULT_SCALE) -> str:
    """Text wrapped in brackets and padded to about scale times its length (placeholders kept)."""
    if not text or text.startswith("<"):
        return text  # rich text: padding would break the markup
    extra = max(1, math.ceil(len(text) * (scale - 1)))
    return f"［{text}{PAD * extra}］"


class PseudoTranslator(QTranslator):
    """Ask the real translators first, then lengthen the answer; Qt's own strings stay as they are."""

    def __init__(self, translators: list[QTranslator], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators = translators
        try:
            self.scale = float(os.environ.get(SCALE_ENV, DEFAULT_SCALE))
        except ValueError:
            self.scale = DEFAULT_SCALE

    def isEmpty(self) -> bool:
        """Never empty, or Qt would skip it."""
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The lengthened translation of source (None lets the next translator answer)."""
        # Qt's contexts (QShortcut, QDialogButtonBox …) are skipped: key names must stay parseable.
        # None, not "": Qt moves on to the next translator only for a null string.
        if context.startswith("Q"):
            return None
        text = source
        for translator in reversed(self._translators):
            found = translator.translate(context, source, disambiguation, n)
            if found:
                text = found
                break
        return lengthen(text, self.scale)
