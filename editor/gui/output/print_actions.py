"""File menu: print, print preview and (unless the export feature provides it) export to PDF."""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QTextEdit

from editor.gui.window.host import WindowHost

# GB/T 9704 page: A4 with 37/35 mm top/bottom and 28/26 mm left/right margins.
PAGE_MARGINS_MM = QMarginsF(28, 37, 26, 35)


def printable_copy(document: QTextDocument, base_point_size: float) -> QTextDocument:
    """A copy of the document at 100 % (zoom is a view setting and must not reach paper)."""
    copy = document.clone()
    font = copy.defaultFont()
    font.setPointSizeF(base_point_size)
    copy.setDefaultFont(font)
    copy.setDocumentMargin(0)  # the page layout's margins apply on paper; the screen margin must not add
    return copy


def setup_printer(printer: QPrinter) -> None:
    """A4 portrait with the official-document margins."""
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter))


def print_to(document: QTextDocument, printer: QPrinter, base_point_size: float) -> None:
    """Print (or write PDF) through printer."""
    printable_copy(document, base_point_size).print_(printer)


def write_pdf(document: QTextDocument, path: Path, base_point_size: float) -> None:
    """Write the document as a PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    setup_printer(printer)
    print_to(document, printer, base_point_size)


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
        setup_printer(printer)
        return printer

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
        print_to(source, printer, self.base_point_size)
        return True

    def preview(self) -> None:
        """Show the pages as they will print."""
        # QPrintPreviewDialog keeps a bare pointer to its printer and paints through it: the printer
        # must outlive the dialog (HAZARDS.md). Hold it here, and destroy the dialog before letting
        # the printer go, instead of leaving the dialog to the window's children.
        printer = self.preview_printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.window)
        self.preview_dialog = dialog
        dialog.setWindowTitle(self.tr("打印预览"))
        dialog.paintRequested.connect(self._paint_preview)
        try:
            dialog.exec()
        finally:
            self.preview_dialog = None
            shiboken6.delete(dialog)
            self.preview_printer = None

    def _paint_preview(self, printer: QPrinter) -> None:
        self.preview_pages_painted += 1
        print_to(self.editor.document(), printer, self.base_point_size)

    def export_pdf(self) -> bool:
        """Ask for a file name and write a PDF of the document as it prints."""
        window = self.window
        current = self.host.session.path
        start = str(Path(current).with_suffix(".pdf")) if current else str(Path.home() / (self.tr("未命名") + ".pdf"))
        path, _ = QFileDialog.getSaveFileName(window, self.tr("导出为 PDF"), start, self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".pdf")
        write_pdf(self.editor.document(), target, self.base_point_size)
        if not target.exists() or target.stat().st_size == 0:
            self.host.show_error(self.tr("导出失败"), self.tr("%1：无法写入 PDF。请换个位置再试。")
                              .replace("%1", str(target)))
            return False
        self.host.show_message(self.tr("已导出 %1").replace("%1", target.name))
        return True
