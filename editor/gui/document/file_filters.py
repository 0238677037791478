"""Open/Save dialog filters and export-style names, built from the core registries and translated."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.core.formats import registry
from editor.core.formats.file_format import ExportStyle, FileFormat

# Translation contexts of the registries' labels (resources/i18n/*.ts hold them).
FORMATS_CONTEXT = "FileFormats"
STYLES_CONTEXT = "ExportStyles"


def format_filter(fmt: FileFormat) -> str:
    """One dialog filter: "Word 文档 (*.docx)" in the user's language."""
    patterns = " ".join(f"*{suffix}" for suffix in fmt.suffixes)
    return f"{QCoreApplication.translate(FORMATS_CONTEXT, fmt.label)} ({patterns})"


def file_dialog_filter() -> str:
    """Every registered format, then all files, for the Open and Save As dialogs."""
    every = QCoreApplication.translate("FileFormats", "所有文件")
    return ";;".join([*(format_filter(fmt) for fmt in registry.FILE_FORMATS), f"{every} (*)"])


def open_dialog_filter() -> str:
    """For Open: every format Yuku reads at once first (a .txt must not hide behind Word's filter)."""
    supported = QCoreApplication.translate("FileFormats", "所有支持的文件")
    patterns = " ".join(f"*{suffix}" for fmt in registry.FILE_FORMATS for suffix in fmt.suffixes)
    return f"{supported} ({patterns});;{file_dialog_filter()}"


def suffix_for_filter(selected: str) -> str:
    """The suffix Save As adds when the user typed none: the chosen filter's format, else Word."""
    for fmt in registry.FILE_FORMATS:
        if selected == format_filter(fmt):
            return fmt.suffixes[0]
    return registry.FILE_FORMATS[0].suffixes[0]


def style_label(style: ExportStyle) -> str:
    """An export style's name in the user's language."""
    return QCoreApplication.translate(STYLES_CONTEXT, style.label)


def export_styles() -> tuple[ExportStyle, ...]:
    """The registered export styles, in menu order."""
    return registry.EXPORT_STYLES
