"""The document pane: a rich-text editor that takes phrases from the bank."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, overload

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QInputMethodEvent,
    QKeyEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

PHRASE_MIME = "application/x-yuku-phrase"
OWN_RICH_MIME = "application/x-yuku-rich"  # marks a copy from a Yuku document: its formats are ours, kept on paste
# What a paste from elsewhere (a web page, another program) keeps: emphasis and links; fonts, sizes and
# colours give way to the paragraph's own (official writing never wants 28 pt red Arial).
FOREIGN_LOOKS = (QTextFormat.Property.FontFamilies, QTextFormat.Property.FontFamily,
                 QTextFormat.Property.FontPointSize, QTextFormat.Property.FontPixelSize,
                 QTextFormat.Property.FontSizeAdjustment, QTextFormat.Property.ForegroundBrush,
                 QTextFormat.Property.BackgroundBrush, QTextFormat.Property.FontLetterSpacing,
                 QTextFormat.Property.FontWordSpacing, QTextFormat.Property.TextVerticalAlignment)
# A web page's paragraph spacing, shading and <h1>…<h4> levels are its own too: the paragraphs come in as
# body text (bold kept) and take Yuku's heading styles only when the writer gives them (Ctrl+1…4).
FOREIGN_SPACING = (QTextFormat.Property.BlockTopMargin, QTextFormat.Property.BlockBottomMargin,
                   QTextFormat.Property.BackgroundBrush, QTextFormat.Property.LineHeight,
                   QTextFormat.Property.LineHeightType, QTextFormat.Property.HeadingLevel)
CONTEXT_DELAY_MS = 120
SCRIPT_SAMPLE = 3000  # characters judged at the start of a long document, and again at the cursor  # recompute section and script once typing pauses, not on every key


class BlockLines(Sequence[str]):
    """A document's paragraphs as a sequence of strings, read only where they are looked at."""

    def __init__(self, doc: QTextDocument, start: int = 0, stop: int | None = None) -> None:
        self.doc = doc
        self.start = start
        self.stop = doc.blockCount() if stop is None else stop

    def __len__(self) -> int:
        return max(self.stop - self.start, 0)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> BlockLines: ...

    def __getitem__(self, index: int | slice) -> str | BlockLines:
        if isinstance(index, slice):
            first, last, step = index.indices(len(self))
            if step != 1:
                raise ValueError("BlockLines slices have a step of 1")
            return BlockLines(self.doc, self.start + first, self.start + max(last, first))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.doc.findBlockByNumber(self.start + index).text()

    def __iter__(self) -> Iterator[str]:
        block = self.doc.findBlockByNumber(self.start)
        for _ in range(len(self)):
            yield block.text()
            block = block.next()


def _text_between(doc: QTextDocument, start: int, end: int) -> str:
    """The document's plain text from start to end (paragraphs end in newlines, as in toPlainText)."""
    cursor = QTextCursor(doc)
    cursor.setPosition(max(start, 0))
    cursor.setPosition(max(end, start, 0), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


class KeyHandler(Protocol):
    """What the editor asks of the suggestion popup."""

    def handle_key(self, event: QKeyEvent) -> bool:
        """True when the key was for the popup."""
        ...

    def text_typed(self) -> None:
        """The writer typed (keys or an input method commit)."""
        ...

    def dismiss(self) -> None:
        """Hide the popup."""
        ...


def foreign_fragment(html: str) -> QTextDocumentFragment:
    """Rich text from elsewhere with its fonts, sizes and colours taken off (bold, italic, links stay)."""
    doc = QTextDocument()
    doc.setHtml(html)
    cursor = QTextCursor(doc)
    # Collect first: changing a format splits and merges fragments under a live iterator.
    blocks: list[tuple[int, QTextBlockFormat]] = []
    spans: list[tuple[int, int, QTextCharFormat]] = []
    block = doc.begin()
    while block.isValid():
        bfmt = block.blockFormat()
        for prop in FOREIGN_SPACING:
            bfmt.clearProperty(prop)
        blocks.append((block.position(), bfmt))
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if not fmt.isImageFormat():
                clean = QTextCharFormat(fmt)
                for prop in FOREIGN_LOOKS:
                    clean.clearProperty(prop)
                spans.append((frag.position(), frag.position() + frag.length(), clean))
            it += 1
        block = block.next()
    cursor.beginEditBlock()
    for pos, bfmt in blocks:
        cursor.setPosition(pos)
        cursor.setBlockFormat(bfmt)
    for lo, hi, clean in spans:
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(clean)
    cursor.endEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    return QTextDocumentFragment(cursor)


def script_converter(script: str) -> Callable[[str], str] | None:
    """The conversion that puts a phrase into a document of this script (None: leave it).

    A document with nothing to tell (empty, or no characters of either script) is written in the
    interface's script: a bundled phrase first seen in traditional (我們一起加油) goes into a new
    simplified draft in simplified, and into a zh_TW user's draft in traditional.
    """
    if script == "none":
        script = "traditional" if QLocale().script() == QLocale.Script.TraditionalChineseScript else "simplified"
    if script == "traditional":
        from editor.core.script.converter import convert_text

        return lambda text: convert_text(text, "s2t")
    if script == "simplified":
        from editor.core.script.converter import to_simplified

        return to_simplified
    return None


class DocumentEditor(QTextEdit):
    """Rich-text pane with QTextDocument's undo stack; phrases go in as one undo step each.

    It also tells the panel where the writer is: sectionChanged (the section id the cursor is
    in, "" for none) and scriptChanged ("simplified", "traditional", "mixed" or "none").
    """

    phraseInserted = Signal(str)
    statusMessage = Signal(str)  # a short note for the window's status bar
    sectionChanged = Signal(str)
    scriptChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setAccessibleName(self.tr("正文"))
        font = QFont()
        font.setFamilies(["FangSong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", "serif"])
        font.setPointSize(14)
        self.document().setDefaultFont(font)
        self.setTabChangesFocus(False)
        self.suggester: KeyHandler | None = None
        # Enter at the end of a paragraph (paragraph styles: body after a heading, auto-format).
        self.enter_handler: Callable[[QKeyEvent], bool] | None = None
        self.blank_navigation = True  # Tab / Shift+Tab jump between blanks
        # Keys the window's actions own (Ctrl+B, Ctrl+E …): the text widget must not claim them first
        # (on X11 Qt's text control takes Ctrl+U for "delete line" and Ctrl+E for "end of line").
        self.window_keys: set[int] = set()
        self.filling_blanks = False  # Tab has gone to a blank in this document (see blank_fields)
        self.section = ""
        self.script = "none"
        self._script_revision = -1
        self._context_timer = QTimer(self)
        self._context_timer.setSingleShot(True)
        self._context_timer.setInterval(CONTEXT_DELAY_MS)
        self._context_timer.timeout.connect(self.update_context)
        self.cursorPositionChanged.connect(self._schedule_context)
        self.textChanged.connect(self._schedule_context)

    # -- where the writer is -------------------------------------------------------------------

    def _schedule_context(self) -> None:
        # Qt emits these while the widget is being destroyed too; the timer may be gone by then.
        if shiboken6.isValid(self._context_timer):
            self._context_timer.start()

    def update_context(self) -> None:
        """Recompute the cursor's section and the document's script; signal changes."""
        from editor.core.corpus.section_cues import section_at

        self._context_timer.stop()
        # The paragraphs are read where the section search looks: the whole text of a 1 MB document
        # (toPlainText) took 5 ms a keystroke.
        section = section_at(BlockLines(self.document()), self.textCursor().blockNumber()) or ""
        self._update_script()
        if section != self.section:
            self.section = section
            self.sectionChanged.emit(section)

    def _update_script(self) -> None:
        """Judge the document's script again if the text changed; signal a change."""
        from editor.core.script.converter import detect_script

        doc = self.document()
        revision = doc.revision()
        if revision == self._script_revision:  # the script only changes with the text
            return
        self._script_revision = revision
        # Detection costs ~1 ms per 1,000 characters: a long document is judged by its
        # start and the text around the cursor, which is what the writer is working on.
        length = doc.characterCount() - 1
        if length > SCRIPT_SAMPLE * 2:
            pos = self.textCursor().position()
            text = _text_between(doc, 0, SCRIPT_SAMPLE) + _text_between(
                doc, max(SCRIPT_SAMPLE, pos - SCRIPT_SAMPLE // 2), min(pos + SCRIPT_SAMPLE // 2, length))
        else:
            text = doc.toPlainText()
        script = detect_script(text)
        if script != self.script:
            self.script = script
            self.scriptChanged.emit(script)

    def convert_for_document(self, text: str) -> str:
        """Text in the document's script (a simplified phrase in a traditional document, …)."""
        if self._context_timer.isActive():
            self._update_script()  # the section follows when typing pauses
        convert = script_converter(self.script)
        return convert(text) if convert else text

    # -- phrases -------------------------------------------------------------------------------

    def insert_phrase(self, text: str, cursor: QTextCursor | None = None) -> None:
        """Insert a phrase at the cursor (or the given cursor) as a single undo step.

        When the phrase holds a blank (___), the first one is selected so typing fills it.
        """
        from editor.gui.document.blank_fields import blank_spans_in

        cur = cursor or self.textCursor()
        prepared = self.prepare_phrase(text)
        cur.beginEditBlock()
        start = cur.selectionStart()
        cur.insertText(prepared)
        cur.endEditBlock()
        spans = blank_spans_in(self.document(), start, cur.position())
        if spans:
            cur.setPosition(spans[0][0])
            cur.setPosition(spans[0][1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self.phraseInserted.emit(text)

    def prepare_phrase(self, text: str) -> str:
        """A phrase adapted before insertion: in the document's script."""
        return self.convert_for_document(text)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        """Accept phrases from the panel as well as ordinary text."""
        return source.hasFormat(PHRASE_MIME) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A dropped or pasted phrase goes in through insert_phrase (one undo step); foreign rich text is tidied.

        On a drop Qt has already put the text cursor where the drop indicator was.
        """
        if source.hasFormat(PHRASE_MIME):
            text = bytes(source.data(PHRASE_MIME).data()).decode("utf-8")
            self.insert_phrase(text)
            return
        if source.hasHtml() and not source.hasFormat(OWN_RICH_MIME) and self.acceptRichText():
            cursor = self.textCursor()
            cursor.beginEditBlock()
            cursor.insertFragment(foreign_fragment(source.html()))
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)

    def createMimeDataFromSelection(self) -> QMimeData:
        """A copy marked as Yuku's own, so pasting it back keeps all its formats."""
        source = super().createMimeDataFromSelection()
        # Qt's own copy object lists fixed formats only: a marker set on it would not be seen.
        data = QMimeData()
        data.setText(source.text())
        if source.hasHtml():
            data.setHtml(source.html())
        data.setData(OWN_RICH_MIME, b"1")
        return data

    # -- keys ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Leave the window's formatting keys to the window (Qt's text control would take some of them)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.keyCombination().toCombined() in self.window_keys:
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The suggestion popup first; then Enter's paragraph styles; Tab / Shift+Tab between blanks; typing.

        Enter always ends the paragraph: the popup only closes on it (ARCHITECTURE.md keyboard contract).
        """
        if self.suggester is not None and self.suggester.handle_key(event):
            return
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.enter_handler is not None
                and self.enter_handler(event)):
            return
        if self.blank_navigation and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            from editor.gui.document.blank_fields import tab_key

            backwards = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if tab_key(self, backwards):
                return
        super().keyPressEvent(event)
        if self.suggester is not None:
            if event.text() and event.text().isprintable():
                self.suggester.text_typed()
            elif event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
                self.suggester.dismiss()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Text committed by an input method counts as typing for suggestions.

        While the input method composes (preedit only) the popup steps aside: the candidate
        window is where the writer looks, and the clause is about to change anyway.
        """
        super().inputMethodEvent(event)
        if self.suggester is None:
            return
        if event.commitString():
            self.suggester.text_typed()
        elif event.preeditString():
            self.suggester.dismiss()

    # -- misc ----------------------------------------------------------------------------------

    def plain_text(self) -> str:
        """The document as plain text (paragraph separators become newlines)."""
        return self.document().toPlainText()

    def go_to_start(self) -> None:
        """Put the cursor at the start of the document."""
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
