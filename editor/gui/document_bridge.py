"""Move documents between QTextDocument and the core document model."""
from __future__ import annotations

from PySide6.QtGui import QTextDocument

from editor.core.document_model import Document


def to_model(qdoc: QTextDocument) -> Document:
    """The editor's content as a core Document."""
    return Document.from_plain_text(qdoc.toPlainText())


def load_model(qdoc: QTextDocument, doc: Document) -> None:
    """Replace the editor's content with a core Document (not undoable, like opening a file)."""
    qdoc.setPlainText(doc.plain_text())
