"""File menu: print, print preview and (unless the export feature provides it) export to PDF.

All three follow the export style setting: the official style prints the official DOCX's page
(page_render.OfficialPages; a 公文 with its parts, gongwen_pages), the plain style the document as
shown on the plain DOCX's page.
"""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QPdfWriter, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QTextEdit

from editor.core.formats.registry import OFFICIAL_STYLE_ID, PLAIN_STYLE_ID
from editor.core.settings import Settings
from editor.gui.output.gongwen_pages import paged
from editor.gui.window.host import WindowHost


def print_style(settings: Settings) -> str:
    """The layout printing follows: the export style setting ("official" or "plain")."""
    style = settings.get("export_style")
    return style if style in (OFFICIAL_STYLE_ID, PLAIN_STYLE_ID) else OFFICIAL_STYLE_ID


def font_fallbacks(settings: Settings) -> dict[str, list[str]] | None:
    """The user's font fallback chains (Preferences), if any."""
    value = settings.get("font_fallbacks")
    return value if isinstance(value, dict) else None


def print_to(document: QTextDocument, printer: QPrinter, base_point_size: float, style: str = PLAIN_STYLE_ID,
             fallbacks: dict[str, list[str]] | None = None) -> int:
    """Print (or write PDF) through printer in a style's layout; the pages printed."""
    pages = paged(document, style, base_point_size, fallbacks)
    first, last = printer.fromPage(), printer.toPage()
    return pages.paint(printer, first or 1, last or 0)


def write_pdf(document: QTextDocument, path: Path, base_point_size: float, style: str = PLAIN_STYLE_ID,
              fallbacks: dict[str, list[str]] | None = None) -> int:
    """Write the document as a PDF file with Qt's own layout; the pages written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(1200)
    writer.setCreator("Yuku")
    return paged(document, style, base_point_size, fallbacks).paint(writer)


class PrintActions(QObject):
    """Print…, Print preview… and, when no other feature adds one, Export PDF…."""

    def __init__(self, host: WindowHost, editor: QTextEdit, base_point_size: float) -> None:
        super().__init__(host.widget)
        self.host = host
        self.window = host.widget
        self.editor = editor
        self.base_point_size = base_point_size
        make = host.action_factory.make
        self.print_action = make("print", self.tr("打印(&P)…"), self.print_dialog, QKeySequence.StandardKey.Print,
                                 "document-print")
        self.preview_action = make("print_preview", self.tr("打印预览(&V)…"), self.preview, "Ctrl+Shift+P")
        self.pdf_action = make("print_pdf", self.tr("导出为 PDF(&D)…"), self.export_pdf, None, "application-pdf")
        self.preview_printer: QPrinter | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.preview_pages_painted = 0  # paint requests served (the preview really drew the pages)

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the page painters place the margins themselves
        return printer

    def _print(self, source: QTextDocument, printer: QPrinter) -> int:
        settings = self.host.settings
        return print_to(source, printer, self.base_point_size, print_style(settings), font_fallbacks(settings))

    def print_dialog(self) -> bool:
        """Ask for a printer and print; False when cancelled."""
        printer = self._printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("打印文档"))
        if self.editor.textCursor().hasSelection():
            dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        source = self.editor.document()
        if printer.printRange() == QPrinter.PrintRange.Selection:
            source = QTextDocument(self)
            source.setDefaultFont(self.editor.document().defaultFont())
            QTextCursor(source).insertFragment(self.editor.textCursor().selection())
        self._print(source, printer)
        return True

    def preview(self) -> None:
        """Show the pages as they will print."""
        # QPrintPreviewDialog keeps a bare pointer to its printer and paints through it: the printer
        # must outlive the dialog (HAZARDS.md). Hold it here, and destroy the dialog before letting
        # the printer go, instead of leaving the dialog to the window's children.
        printer = self.preview_printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.window)
        self.preview_dialog = dialog
        dialog.setWindowTitle(self.tr("打印预览") if print_style(self.host.settings) == PLAIN_STYLE_ID
                              else self.tr("打印预览（公文格式）"))
        dialog.paintRequested.connect(self._paint_preview)
        try:
            dialog.exec()
        finally:
            self.preview_dialog = None
            shiboken6.delete(dialog)
            self.preview_printer = None

    def _paint_preview(self, printer: QPrinter) -> None:
        self.preview_pages_painted += 1
        self._print(self.editor.document(), printer)

    def export_pdf(self) -> bool:
        """Ask for a file name and write a PDF of the document as it prints."""
        window = self.window
        current = self.host.session.path
        start = str(Path(current).with_suffix(".pdf")) if current else str(Path.home() / (self.tr("未命名") + ".pdf"))
        path, _ = QFileDialog.getSaveFileName(window, self.tr("导出为 PDF"), start, self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".pdf")
        settings = self.host.settings
        write_pdf(self.editor.document(), target, self.base_point_size, print_style(settings),
                  font_fallbacks(settings))
        if not target.exists() or target.stat().st_size == 0:
            self.host.show_error(self.tr("导出失败"), self.tr("%1：无法写入 PDF。请换个位置再试。")
                              .replace("%1", str(target)))
            return False
        self.host.show_message(self.tr("已导出 %1").replace("%1", target.name))
        return True
