"""Fixtures of the output tests: the real window with a text draft opened in it."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def open_draft(window, tmp_path) -> Callable[[str], object]:
    """Open a .txt draft with this text in the window, as File ▸ Open does; returns the window."""
    def open_text(text: str) -> object:
        src = tmp_path / "通知.txt"
        src.write_text(text, encoding="utf-8")
        assert window.session.open_path(src)
        return window

    return open_text


@pytest.fixture
def print_to_file(monkeypatch, tmp_path) -> Path:
    """File ▸ 打印 prints to this PDF file: the print dialog is accepted at once, the printer writes PDF."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from editor.gui.output import print_actions

    printed = tmp_path / "printed.pdf"
    real_printer = print_actions.PrintActions._printer

    def to_file(self: print_actions.PrintActions) -> QPrinter:
        printer = real_printer(self)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(print_actions.PrintActions, "_printer", to_file)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return printed
