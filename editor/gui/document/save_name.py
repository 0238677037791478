"""The file name Save As proposes for a new document: its title, as Word does."""
from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 60  # 180 bytes in UTF-8: far inside every file system's 255, with room for " (2)"
SENTENCE_END = re.compile(r"[。！？；!?;]")
# Characters no Windows file name may hold (and "/" none anywhere); full-width ：？ are fine.
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def proposed_file_name(text: str, fallback: str, suffix: str = ".docx") -> str:
    """A file name from the document's first line (its title), safe on Windows, macOS and Linux.

    The first paragraph with text, up to its first sentence end, without characters a file
    name cannot hold; the fallback (未命名) when nothing usable is left.
    """
    pieces = (_clean(piece) for line in text.splitlines() for piece in SENTENCE_END.split(line))
    name = next((piece for piece in pieces if piece), "")
    if len(name) > MAX_NAME_CHARS:
        name = name[:MAX_NAME_CHARS].rstrip(" .")
    if not name or name.split(".")[0].upper() in RESERVED:
        name = fallback if not name else name + "_"
    return name + suffix


def _clean(line: str) -> str:
    """One line as a file name stem: no forbidden, invisible or object characters, spaces tidied."""
    line = re.sub(r"\s", " ", line)  # tabs and ideographic spaces separate words
    kept = "".join(ch for ch in unicodedata.normalize("NFC", line)
                   if unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs") and ch != "\ufffc")
    kept = FORBIDDEN.sub(" ", kept)
    kept = re.sub(r" +", " ", kept)
    return kept.strip(" .")
