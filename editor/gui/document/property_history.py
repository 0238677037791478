"""Changes to the document's own properties (the 公文要素) that undo and redo with a text edit.

Script conversion changes the text and the 公文要素 together, so one Ctrl+Z must undo both. PySide6 does
not expose QAbstractUndoItem, but a change of the root frame's format is an undo command of its own that
joins the open edit block. record_change() leaves such a mark, holding the properties before and after;
PropertyHistory watches the mark and, when undo or redo moves it, puts the matching properties back.
Typing into the form itself stays outside the text's undo, as document properties are in Word.
"""
from __future__ import annotations

import json
import uuid

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

from editor.gui.document.docx_state import DocxState, set_properties, state_of

MARK = QTextFormat.Property.UserProperty + 0x5970  # root frame property: the last recorded change (JSON)


def _raw(qdoc: QTextDocument) -> str | None:
    value = qdoc.rootFrame().frameFormat().property(MARK)
    return value if isinstance(value, str) else None


def _mark(qdoc: QTextDocument) -> dict[str, object] | None:
    value = _raw(qdoc)
    if value is None:
        return None
    try:
        mark = json.loads(value)
    except ValueError:
        return None
    return mark if isinstance(mark, dict) else None


def record_change(cursor: QTextCursor, after: dict[str, str], join: bool = True) -> None:
    """Set these properties as part of the last edit block (join) or as an undo step of their own."""
    qdoc = cursor.document()
    now = dict(state_of(qdoc).properties)
    before = {k: now.get(k, "") for k in after}
    previous = _mark(qdoc)
    mark = {"id": uuid.uuid4().hex, "prev": previous.get("id") if previous else None,
            "before": before, "after": dict(after)}
    set_properties(qdoc, {**now, **after})  # first: a new document gets its state object now
    if join:
        cursor.joinPreviousEditBlock()
    else:
        cursor.beginEditBlock()
    try:
        fmt = qdoc.rootFrame().frameFormat()
        fmt.setProperty(MARK, json.dumps(mark, ensure_ascii=False))
        qdoc.rootFrame().setFrameFormat(fmt)
    finally:
        cursor.endEditBlock()


class PropertyHistory(QObject):
    """Follows undo and redo across recorded property changes; emits restored() after each."""

    restored = Signal()

    def __init__(self, qdoc: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qdoc = qdoc
        self._seen: dict[str, object] | None = None
        self._seen_raw: str | None = None
        self._state: DocxState | None = None
        self.reset()
        qdoc.contentsChanged.connect(self._check)

    def reset(self) -> None:
        """Take the current mark as the starting point (after a load, or a recorded change)."""
        self._seen_raw = _raw(self.qdoc)
        self._seen = _mark(self.qdoc)
        self._state = state_of(self.qdoc)

    def _check(self) -> None:
        if _raw(self.qdoc) == self._seen_raw:
            return  # every keystroke comes here: only a moved mark needs parsing
        mark = _mark(self.qdoc)
        seen = self._seen
        state = state_of(self.qdoc)
        if state is not self._state:
            # Another document was loaded (or a recorded change landed): nothing to put back.
            self.reset()
            return
        values: object = None
        expected: object = None
        if seen is not None and seen.get("prev") == (mark or {}).get("id"):
            values, expected = seen.get("before"), seen.get("after")  # undo of the change seen last
        elif mark is not None and mark.get("prev") == (seen or {}).get("id"):
            values, expected = mark.get("after"), mark.get("before")  # redo of it
        self._seen, self._seen_raw = mark, _raw(self.qdoc)
        if isinstance(values, dict) and isinstance(expected, dict):
            self._apply(state, {str(k): str(v) for k, v in values.items()}, expected)

    def _apply(self, state: DocxState, values: dict[str, str], expected: dict[object, object]) -> None:
        props = dict(state.properties)
        for key, value in values.items():
            if props.get(key, "") != expected.get(key, ""):
                continue  # typed into the form since: the user's newer text stays
            if value:
                props[key] = value
            else:
                props.pop(key, None)
        if props == state.properties:
            return  # the mark of a change just recorded: its parts are already in place
        set_properties(self.qdoc, props)
        self._state = state_of(self.qdoc)
        self.restored.emit()
