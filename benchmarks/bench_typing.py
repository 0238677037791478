"""Typing: key press → repaint in the real editor holding a 1 MB document, blank-field highlighting on."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import data
from benchmarks.harness import Row, has_module, p95, size_text, summary

if TYPE_CHECKING:
    from benchmarks.qt_kit import PaintClock

NAME = "typing"
# (document bytes, keystrokes, bank phrases): the panel follows the cursor, so the bank is full size too.
SIZE = {"full": (1 << 20, 120, 100_000), "tiny": (16 << 10, 6, 500)}
TYPED = "加强组织领导确保工作落实"


def _strokes(n: int) -> list[tuple[str, str]]:
    """(key, text): characters, with a new paragraph now and then and a correction now and then."""
    out: list[tuple[str, str]] = []
    for i in range(n):
        if i % 20 == 19:
            out.append(("return", "\r"))
        elif i % 13 == 12:
            out.append(("backspace", ""))
        else:
            # Chinese arrives from an input method as a commit; a key event with text covers the rest.
            out.append(("commit" if i % 2 else "char", TYPED[i % len(TYPED)]))
    return out


def _side_by_side(baseline: object, subject: object) -> tuple[PaintClock, PaintClock]:
    """Both windows shown at one size with the cursor mid-document; a paint clock on each viewport."""
    from PySide6.QtWidgets import QApplication

    from benchmarks.qt_kit import PaintClock

    for w in (baseline, subject):
        w.resize(1200, 800)  # type: ignore[attr-defined]
        w.show()  # type: ignore[attr-defined]
        _to_middle(w.editor)  # type: ignore[attr-defined]
    QApplication.processEvents()
    return PaintClock(baseline.editor.viewport()), PaintClock(subject.editor.viewport())  # type: ignore[attr-defined]


def _bare_window(text: str) -> object:
    """A bare PySide6 window with a QTextEdit holding the same text (the baseline)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QListWidget, QMainWindow, QTextEdit

    window = QMainWindow()
    editor = QTextEdit(window)
    window.setCentralWidget(editor)
    dock = QDockWidget("dock", window)
    dock.setWidget(QListWidget(dock))
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    editor.setPlainText(text)
    window.editor = editor  # type: ignore[attr-defined]
    return window


def _to_middle(editor: object) -> None:
    """Cursor at the end of a paragraph in the middle of the document, scrolled into view."""
    from PySide6.QtGui import QTextCursor

    cursor = editor.textCursor()  # type: ignore[attr-defined]
    cursor.setPosition(editor.document().characterCount() // 2)  # type: ignore[attr-defined]
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)  # type: ignore[attr-defined]
    editor.ensureCursorVisible()  # type: ignore[attr-defined]


def _stroke(editor: object, key: str, text: str, clock: object) -> float:
    """Milliseconds from sending one key to the viewport having painted it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from benchmarks.qt_kit import press, type_text

    keys = {"char": Qt.Key.Key_unknown, "return": Qt.Key.Key_Return, "backspace": Qt.Key.Key_Backspace}
    before = clock.count  # type: ignore[attr-defined]
    start = time.perf_counter()
    if key == "commit":
        type_text(editor, text)  # type: ignore[arg-type]
    else:
        press(editor, keys[key], text)  # type: ignore[arg-type]
    QApplication.processEvents()  # delivers the update request: the paint happens here
    if clock.count == before:  # type: ignore[attr-defined]
        editor.viewport().repaint()  # type: ignore[attr-defined]
    return (time.perf_counter() - start) * 1000


def run(size: str, work: Path) -> list[Row]:
    """Alternate the same keystrokes between a bare QTextEdit window and the real one; p95 of each."""
    from benchmarks.qt_kit import app
    from editor.core.settings import Settings
    from editor.gui.window import main_window

    application = app()
    doc_bytes, n, phrases = SIZE[size]
    text = data.document_text(doc_bytes, seed=5)
    doc = work / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    bank = data.build_bank(work / "bank.db", phrases)
    window = main_window.MainWindow(settings=Settings(work / "settings.json"), bank=bank)
    highlighter = "editor.gui.document.blank_fields"
    if has_module(highlighter) and highlighter not in main_window.FEATURES:
        __import__(highlighter, fromlist=["install"]).install(window)
    note = "" if has_module(highlighter) else "blank-field highlighter not landed: measured without it"
    open_start = time.perf_counter()
    if not window.session.open_path(doc):
        raise RuntimeError("the real window could not open the 1 MB document")
    open_s = time.perf_counter() - open_start
    bare = _bare_window(text)
    clocks = _side_by_side(bare, window)
    base: list[float] = []
    subject: list[float] = []
    by_kind: dict[str, list[float]] = {}
    for key, typed in _strokes(n):
        base.append(_stroke(bare.editor, key, typed, clocks[0]))  # type: ignore[attr-defined]
        subject.append(_stroke(window.editor, key, typed, clocks[1]))
        by_kind.setdefault(key, []).append(subject[-1])
    chars = window.editor.document().characterCount()
    switch_row = _switch_row(window, bare)
    paged_row = _page_view_row(window, bare, n, clocks, size, len(text.encode("utf-8")))
    # The periodic autosave runs on the GUI thread between keystrokes: a pause the p95 cannot show.
    autosave_ms: float | None = None
    try:
        from editor.gui.document.autosave import Autosaver

        autosaver: object | None = window.feature(Autosaver)
    except (ImportError, LookupError, AttributeError):
        autosaver = None
    if autosaver is not None and hasattr(autosaver, "autosave"):
        mark = time.perf_counter()
        wrote = autosaver.autosave()
        autosave_ms = (time.perf_counter() - mark) * 1000 if wrote else None
    window.editor.document().setModified(False)
    for w in (window, bare):
        w.close()  # type: ignore[attr-defined]
        w.deleteLater()  # type: ignore[attr-defined]
    application.processEvents()
    bank.close()  # type: ignore[attr-defined]
    details = {"doc_bytes": len(text.encode("utf-8")), "doc_chars": chars, "keystrokes": n, "bank_phrases": phrases, "real_ms": summary(subject),
               "bare_qtextedit_ms": summary(base),
               "real_ms_by_key": {k: summary(v) for k, v in by_kind.items()}, "open_path_s": round(open_s, 3),
               "blank_field_highlighter": has_module(highlighter), "paints": [c.count for c in clocks]}
    rows = [Row(NAME, "typing", f"key press → repaint, {size_text(len(text.encode('utf-8')))} document, p95",
                p95(subject), "ms", p95(base), "bare QTextEdit", "value", 16, note=note, details=details)]
    if paged_row is not None:
        rows.append(paged_row)
    if switch_row is not None:
        rows.append(switch_row)
    if paged_row is not None and paged_row.status == "ok":
        rows.append(_layout_alone_row(text, n))
    if autosave_ms is not None:
        rows.append(Row(NAME, "autosave pause", "one autosave of the typed-in document (GUI thread)", autosave_ms,
                        "ms", p95(base), "bare QTextEdit keystroke p95"))
    return rows


def _first_paint(editor: object, change: Callable[[], object]) -> float:
    """Seconds from a change of layout to the viewport having painted it (the document is shown again)."""
    from PySide6.QtWidgets import QApplication

    start = time.perf_counter()
    change()
    QApplication.processEvents()
    editor.viewport().repaint()  # type: ignore[attr-defined]
    return time.perf_counter() - start


def _switch_row(window: object, bare: object) -> Row | None:
    """视图 → 页面视图 with the cursor mid-document, to the first paint, against the bare QTextEdit laying the same text out again."""
    from PySide6.QtWidgets import QTextEdit

    try:
        from editor.gui.output.page_view import PageView

        view = window.feature(PageView)  # type: ignore[attr-defined]
    except (ImportError, KeyError, LookupError, AttributeError):
        return None
    editor = bare.editor  # type: ignore[attr-defined]

    def rewrap() -> None:  # Qt's own layout of the whole document again (a new width): its visible part first
        editor.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        editor.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)

    on, base, off = [], [], []
    for _ in range(3):
        _to_middle(window.editor)  # type: ignore[attr-defined]
        on.append(_first_paint(window.editor, lambda: view.set_active(True)))  # type: ignore[attr-defined]
        off.append(_first_paint(window.editor, lambda: view.set_active(False)))  # type: ignore[attr-defined]
        base.append(_first_paint(editor, rewrap))
    return Row(NAME, "switch to page view",
               "视图 → 页面视图 on a 1 MB document, cursor mid-document: switch → first paint, median of 3",
               sorted(on)[1] * 1000, "ms", sorted(base)[1] * 1000, "bare QTextEdit re-laying it out", "ratio", 3.0,
               details={"switch_on_ms": [round(v * 1000, 1) for v in on],
                        "switch_off_ms": [round(v * 1000, 1) for v in off],
                        "bare_relayout_ms": [round(v * 1000, 1) for v in base]})


def _page_view_row(window: object, bare: object, n: int, clocks: tuple[object, object], size: str,
                   doc_bytes: int) -> Row | None:
    """The same keystrokes in 视图 → 页面视图 (official grid, A4 pages), against the bare QTextEdit again."""
    from PySide6.QtWidgets import QApplication

    try:
        from editor.gui.output.page_view import PageView

        view = window.feature(PageView)  # type: ignore[attr-defined]
    except (ImportError, KeyError, LookupError, AttributeError):
        view = None
    if view is None:
        return Row(NAME, "typing in page view", "key press → repaint in page view", status="not available: "
                   "editor.gui.output.page_view missing")
    switch = time.perf_counter()
    view.set_active(True)
    switch_s = time.perf_counter() - switch
    _to_middle(window.editor)  # type: ignore[attr-defined]
    QApplication.processEvents()
    base: list[float] = []
    paged: list[float] = []
    # CPU time as well: on a shared, loaded machine the wall-clock p95 mostly measures waiting for a core.
    base_cpu: list[float] = []
    paged_cpu: list[float] = []
    for key, typed in _strokes(n):
        cpu = time.process_time()
        base.append(_stroke(bare.editor, key, typed, clocks[0]))  # type: ignore[attr-defined]
        base_cpu.append((time.process_time() - cpu) * 1000)
        cpu = time.process_time()
        paged.append(_stroke(window.editor, key, typed, clocks[1]))  # type: ignore[attr-defined]
        paged_cpu.append((time.process_time() - cpu) * 1000)
    pages = view.page_count()
    undo_before = window.editor.document().availableUndoSteps()  # type: ignore[attr-defined]
    switch = time.perf_counter()
    view.set_active(False)
    switch_off_s = time.perf_counter() - switch
    return Row(NAME, "typing in page view",
               f"key press → repaint in 页面视图 (official 22×28 grid), {size_text(doc_bytes)} document, p95",
               p95(paged), "ms", p95(base), "bare QTextEdit", "value", 16,
               details={"real_ms": summary(paged), "bare_qtextedit_ms": summary(base),
                        "real_cpu_ms": summary(paged_cpu), "bare_qtextedit_cpu_ms": summary(base_cpu), "pages": pages,
                        "switch_on_s": round(switch_s, 3), "switch_off_s": round(switch_off_s, 3), "size": size,
                        "undo_steps_kept": window.editor.document().availableUndoSteps() == undo_before})  # type: ignore[attr-defined]


def _layout_alone_row(text: str, n: int) -> Row:
    """Page view's document layout alone: two bare QTextEdits, one given SheetLayout, the same keys."""
    from PySide6.QtWidgets import QApplication

    from editor.core.formats import official_style as official
    from editor.core.formats.pdf_export import OFFICIAL_PAGE
    from editor.gui.output import line_breaks as lb
    from editor.gui.output.font_report import installed_families
    from editor.gui.output.sheet_layout import Grid, SheetLayout

    preset = official.official_preset(installed_families(), None)
    roles: dict[str, object] = {}

    def role(style: str) -> lb.Role:
        if style not in roles:
            roles[style] = lb.role_of(preset, style)
        return roles[style]  # type: ignore[return-value]

    plain, paged = _bare_window(text), _bare_window(text)
    doc = paged.editor.document()  # type: ignore[attr-defined]
    install = time.perf_counter()
    doc.setDocumentLayout(SheetLayout(doc, OFFICIAL_PAGE, Grid(role, (preset.line_height or 28.95) * 96 / 72, 22)))
    install_s = time.perf_counter() - install
    clocks = _side_by_side(plain, paged)
    base: list[float] = []
    subject: list[float] = []
    for key, typed in _strokes(n):
        base.append(_stroke(plain.editor, key, typed, clocks[0]))  # type: ignore[attr-defined]
        subject.append(_stroke(paged.editor, key, typed, clocks[1]))  # type: ignore[attr-defined]
    for w in (plain, paged):
        w.editor.document().setModified(False)  # type: ignore[attr-defined]
        w.close()  # type: ignore[attr-defined]
        w.deleteLater()  # type: ignore[attr-defined]
    QApplication.processEvents()
    return Row(NAME, "page view's layout alone",
               "key press → repaint, bare QTextEdit with page view's SheetLayout (official grid), p95",
               p95(subject), "ms", p95(base), "bare QTextEdit, Qt's own layout",
               details={"sheet_layout_ms": summary(subject), "qt_layout_ms": summary(base),
                        "install_s": round(install_s, 3)})
