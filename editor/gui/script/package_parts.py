"""Whole-document conversion reaches the parts of a Word file the editor does not show.

Headers, footers, footnotes, endnotes, comments and embedded chunks live in the source package that
saving patches the body into, text boxes and other content shown as a placeholder in its kept items;
the user cannot see them here, so leaving them unconverted would be a silent wrong result. Each
whole-document conversion of a DOCX is recorded as a step (config and protected terms) in a
root-frame property: setting it is an undo command that joins the conversion's edit block, so Ctrl+Z
and Ctrl+Y take it away and back with the text. Whenever the recorded steps change, the source
package and kept items are rebuilt from those as loaded with every step applied by `yuku convert`'s
code (core/formats/docx/convert_parts.py), so a save writes exactly what the steps say — nothing
after an undo.
"""
from __future__ import annotations

import json
import logging
import uuid

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

from editor.core.errors import YukuError
from editor.core.model.document import KeptItem
from editor.gui.document.docx_state import DocxState, state_of

log = logging.getLogger(__name__)
STEPS = QTextFormat.Property.UserProperty + 0x5971  # root frame property: JSON {"doc": token, "steps": [...]}
_CACHE = 4  # rebuilt packages kept, by steps: undo and redo of a recent step rebuild nothing


def _raw(qdoc: QTextDocument) -> str | None:
    fmt = qdoc.rootFrame().frameFormat()
    value = fmt.property(STEPS) if fmt.hasProperty(STEPS) else None
    return value if isinstance(value, str) else None


class PackageConversions(QObject):
    """Keeps a DOCX's unseen parts converted as the recorded whole-document conversions say."""

    def __init__(self, qdoc: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qdoc = qdoc
        self._state: DocxState | None = None
        self._original: bytes | None = None
        self._kept: dict[str, KeptItem] = {}  # the kept items as loaded
        self._token = ""
        self._seen: str | None = None
        self._built: dict[str, tuple[bytes, dict[str, KeptItem]]] = {}
        qdoc.contentsChanged.connect(self._check)

    def _adopt(self) -> DocxState:
        """Follow the document's state: another file opened starts from its package as loaded."""
        state = state_of(self.qdoc)
        if state is not self._state:
            self._state, self._original, self._kept = state, state.source, dict(state.kept)
            self._token = uuid.uuid4().hex  # steps recorded for an earlier file never apply to this one
            self._seen = _raw(self.qdoc)
            self._built = {}
        return state

    def steps(self) -> list[tuple[str, list[str]]]:
        """The conversions recorded for the current file, oldest first ([config, protected terms])."""
        self._adopt()
        raw = _raw(self.qdoc)
        try:
            mark = json.loads(raw) if raw else None
        except ValueError:
            mark = None
        if not isinstance(mark, dict) or mark.get("doc") != self._token:
            return []
        steps = mark.get("steps")
        if not isinstance(steps, list):
            return []
        return [(str(step[0]), [str(t) for t in step[1]]) for step in steps
                if isinstance(step, list) and len(step) == 2 and isinstance(step[1], list)]

    def _package(self, steps: list[tuple[str, list[str]]]) -> tuple[bytes, dict[str, KeptItem]] | None:
        """The package and the kept items as loaded with these conversions applied (kept: those changed)."""
        from editor.core.formats.docx.convert_parts import convert_for_editor

        if self._original is None:
            return None
        key = json.dumps(steps, ensure_ascii=False)
        if key not in self._built:
            data, kept = self._original, dict(self._kept)
            changed: dict[str, KeptItem] = {}
            for config, terms in steps:
                data, now = convert_for_editor(data, kept, config, terms)
                kept.update(now)
                changed.update(now)
            while len(self._built) >= _CACHE:
                self._built.pop(next(iter(self._built)))
            self._built[key] = (data, changed)
        return self._built[key]

    def _apply(self, state: DocxState, built: tuple[bytes, dict[str, KeptItem]]) -> None:
        """Put a rebuilt package and kept items in the state; items added since loading stay as they are."""
        data, changed = built
        state.source = data
        state.kept = {k: changed.get(k, self._kept.get(k, item)) for k, item in state.kept.items()}

    def record(self, cursor: QTextCursor, config: str, protected: tuple[str, ...], join: bool) -> bool:
        """Record a whole-document conversion; True when it changes a part outside the body.

        join: the step joins the edit block before it (the conversion's own); else it is an undo
        step of its own. A plain-text document, or a package whose other parts the config leaves
        as they are, records nothing.
        """
        state = self._adopt()
        if self._original is None:
            return False
        steps = [*self.steps(), (config, list(protected))]
        try:
            built = self._package(steps)
        except (YukuError, ValueError, OSError) as exc:  # a part the body's reader never needed is damaged
            log.warning("parts outside the body not converted: %s", exc)  # they stay as they were
            return False
        if built is None or (built[0] == state.source and all(
                state.kept.get(k) == item for k, item in built[1].items())):
            return False
        if join:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        try:
            fmt = self.qdoc.rootFrame().frameFormat()
            fmt.setProperty(STEPS, json.dumps({"doc": self._token, "steps": steps}, ensure_ascii=False))
            self.qdoc.rootFrame().setFrameFormat(fmt)
        finally:
            cursor.endEditBlock()
        self._check()
        return True

    def _check(self) -> None:
        """After any change: when undo or redo moved the recorded steps, rebuild the package."""
        state = self._adopt()
        raw = _raw(self.qdoc)
        if raw == self._seen:
            return  # every keystroke comes here: only moved steps need work
        self._seen = raw
        try:
            built = self._package(self.steps())
        except (YukuError, ValueError, OSError) as exc:
            log.warning("parts outside the body not converted: %s", exc)
            return
        if built is not None:
            self._apply(state, built)
