"""The plain export style: the document as written, in the editor's own font and size."""
from __future__ import annotations

from editor.core.formats.docx.styles import Preset, plain_preset
from editor.core.formats.file_format import ExportStyle
from editor.core.model.document import Document
from editor.core.translatable import QT_TRANSLATE_NOOP


def _preset(doc: Document, _available: list[str] | None, _fallbacks: dict[str, list[str]] | None) -> Preset:
    return plain_preset(doc.default_font, doc.default_size)


PLAIN_STYLE = ExportStyle("plain", QT_TRANSLATE_NOOP("ExportStyles", "普通文档"), "plain: as written", prepare=lambda doc: doc, preset=_preset,
                          keeps_source=True)
