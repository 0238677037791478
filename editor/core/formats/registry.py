"""The registries: which file formats Yuku opens and saves, and which export styles it writes.

A new format (say .odt) is one module defining a FileFormat plus one line in FILE_FORMATS; a new
export style is one module defining an ExportStyle plus one line in EXPORT_STYLES. The CLI, the
Open/Save dialogs and Preferences all read these lists.
"""
from __future__ import annotations

from pathlib import Path

from editor.core.formats.docx.files import DOCX_FORMAT
from editor.core.formats.file_format import ExportStyle, FileFormat
from editor.core.formats.official_style import OFFICIAL_STYLE
from editor.core.formats.plain_style import PLAIN_STYLE
from editor.core.formats.text_file import TEXT_FORMAT

# Order is the order of the Open/Save filters: the native format first.
FILE_FORMATS: tuple[FileFormat, ...] = (DOCX_FORMAT, TEXT_FORMAT)
# A file without a suffix is read and written as text.
NO_SUFFIX_FORMAT = TEXT_FORMAT

EXPORT_STYLES: tuple[ExportStyle, ...] = (OFFICIAL_STYLE, PLAIN_STYLE)
DEFAULT_EXPORT_STYLE = OFFICIAL_STYLE.id
PLAIN_STYLE_ID = PLAIN_STYLE.id  # what Save writes: the document as it is
OFFICIAL_STYLE_ID = OFFICIAL_STYLE.id


def format_for(path: Path, opening: bool = False) -> FileFormat | None:
    """The format a path's suffix names (opening: also the suffixes read only to explain them)."""
    suffix = path.suffix.lower()
    if not suffix:
        return NO_SUFFIX_FORMAT
    for fmt in FILE_FORMATS:
        if suffix in fmt.suffixes or (opening and suffix in fmt.open_only):
            return fmt
    return None


def format_by_id(format_id: str) -> FileFormat:
    """A registered format by its id (KeyError when there is none)."""
    for fmt in FILE_FORMATS:
        if fmt.id == format_id:
            return fmt
    raise KeyError(format_id)


def suffixes() -> list[str]:
    """Every suffix Yuku saves, in registry order (".docx", ".txt", ".md")."""
    return [s for fmt in FILE_FORMATS for s in fmt.suffixes]


def suffix_list(sep: str = "、") -> str:
    """The saved suffixes for a sentence telling the user what to choose."""
    return sep.join(suffixes())


def export_style(style_id: str) -> ExportStyle | None:
    """A registered export style by id, or None."""
    return next((s for s in EXPORT_STYLES if s.id == style_id), None)


def export_style_ids() -> list[str]:
    """The ids of every export style, for the CLI's choices."""
    return [s.id for s in EXPORT_STYLES]
