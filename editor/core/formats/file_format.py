"""What a file format and an export style are to Yuku: the records the registry holds."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.model.document import Document

if TYPE_CHECKING:
    from editor.core.formats.docx.styles import Preset


@dataclass(frozen=True)
class ExportStyle:
    """How a document is laid out when written as Word: plain (as written) or official (GB/T 9704).

    label is the Simplified Chinese source text, marked with QT_TRANSLATE_NOOP("ExportStyles", …)
    and translated by the GUI.
    """

    id: str
    label: str
    help: str  # one line for `yuku export --help`
    prepare: Callable[[Document], Document]
    preset: Callable[[Document, list[str] | None, dict[str, list[str]] | None], Preset]
    keeps_source: bool = False  # a Word file opened from disk keeps every part the editor does not touch


@dataclass(frozen=True)
class WriteOptions:
    """What a writer needs besides the document: the export style and the fonts to name."""

    style: ExportStyle
    fonts_available: list[str] | None = None
    font_fallbacks: dict[str, list[str]] | None = None


@dataclass(frozen=True)
class FileFormat:
    """A file type Yuku opens and saves: suffixes, a reader and a writer.

    label is the Simplified Chinese source text for the Open/Save dialogs, marked with
    QT_TRANSLATE_NOOP("FileFormats", …) and translated by the GUI; suffixes[0] is the one Save As adds. open_only lists suffixes the
    reader also takes, only to say clearly what they are (old .doc, macro-enabled files).
    """

    id: str
    label: str
    suffixes: tuple[str, ...]
    read: Callable[[Path], Document]
    write: Callable[[Document, Path, WriteOptions], None]
    open_only: tuple[str, ...] = ()
    styled: bool = False  # whether the export style changes what is written (Word keeps its parts)
    is_text: bool = False  # a plain-text draft: `yuku export` recognises its title and headings
    # `yuku convert`: (src, dst, OpenCC config, protected terms) -> summary for --json; None: not offered
    convert: Callable[[Path, Path, str, list[str]], dict[str, object]] | None = None
