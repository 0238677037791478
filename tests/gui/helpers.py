"""Helpers for GUI tests."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def commit_text(widget: QWidget, text: str) -> None:
    """Type Chinese text the way an input method does: one committed string per call.

    QTest.keyClicks aborts on non-ASCII characters (an assert in qasciikey.cpp), and real users
    enter Chinese through an input method anyway.
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def drop_at(viewport: QWidget, pos: QPoint, mime: QMimeData) -> None:
    """Drag enter, move and drop at pos, as Qt delivers them (pytest-qt cannot drive a drag)."""
    buttons, mods, action = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPointF(pos), action, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(QPointF(pos), action, mime, buttons, mods))
    drop = QDropEvent(QPointF(pos), action, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def act(window: QWidget, name: str) -> None:
    """Trigger one of the main window's named actions, as a menu click or shortcut does."""
    window.actions_by_name[name].trigger()  # type: ignore[attr-defined]


def close_preview_when_painted(seen: list, look: Callable[[QWidget], object] | None = None) -> None:
    """Wait for the modal print preview, let it paint, note what it shows, close it like a user.

    `seen` gets (window title, page count, what `look` returned from the preview widget, or None).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog):
            QTimer.singleShot(20, step)
            return
        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()  # paints through the printer now, as scrolling the preview would
        QApplication.processEvents()
        seen.append((dialog.windowTitle(), widget.pageCount(), look(widget) if look else None))
        dialog.close()
    QTimer.singleShot(0, step)


def libreoffice_reference(window: QWidget, no_blocking_dialogs: object, tmp_path: Path) -> Path:
    """LibreOffice's PDF of the official DOCX that File ▸ 导出为公文格式 writes (skips without LibreOffice)."""
    import subprocess

    from tests.conftest import libreoffice_or_skip

    exe = libreoffice_or_skip()
    docx = tmp_path / "ref.docx"
    no_blocking_dialogs.answers["save"] = str(docx)  # type: ignore[attr-defined]
    window.actions_by_name["export_official"].trigger()  # type: ignore[attr-defined]
    subprocess.run([exe, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    return tmp_path / "ref.pdf"
