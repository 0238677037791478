"""Paints phrase rows: the query's match highlighted, favourites starred, the user's own marked."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from editor.gui.phrases.model import MATCH_ROLE, PHRASE_ROLE

HIGHLIGHT = QColor(255, 214, 102)  # a marker-pen yellow, readable on light and selected rows
ELLIPSIS = "…"


def elide_around(text: str, span: tuple[int, int] | None, fm: QFontMetrics,
                 width: int) -> tuple[str, tuple[int, int] | None]:
    """Text cut with "…" to fit width, keeping the match in sight; the match's span in the cut text.

    A match far along a long phrase is shown as "…text around the match…" rather than cut away.
    """
    def fits(s: str) -> bool:
        return fm.horizontalAdvance(s) <= width

    if fits(text):
        return text, span
    start = 0
    if span and not fits(text[:span[1]] + ELLIPSIS):
        start = span[0]
        while start > 0 and fits(ELLIPSIS + text[start - 1:span[1]] + ELLIPSIS):
            start -= 1
        start = max(start, 1)
    head = ELLIPSIS if start else ""
    end = len(text)
    while end > start and not fits(head + text[start:end] + ELLIPSIS):
        end -= 1
    shown = head + text[start:end] + ELLIPSIS
    if not span:
        return shown, None
    offset = len(head) - start
    lo, hi = max(span[0] + offset, len(head)), min(span[1] + offset, len(head) + end - start)
    return shown, (lo, hi) if lo < hi else None


def phrase_marks(favourite: bool, user: bool, hidden: bool) -> str:
    """The small marks in front of a phrase: ★ favourite, 我的 for the user's own, 隐 for hidden."""
    marks = []
    if favourite:
        marks.append("★")
    if user:
        marks.append(QCoreApplication.translate("phrase_delegate", "[我的]"))
    if hidden:
        marks.append(QCoreApplication.translate("phrase_delegate", "[已隐藏]"))
    return " ".join(marks) + (" " if marks else "")


class PhraseDelegate(QStyledItemDelegate):
    """Draws the text itself in segments so only the match gets the highlight."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Background and focus by the style, then marks, text and highlight by hand."""
        phrase = index.data(PHRASE_ROLE)
        if phrase is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        fm = opt.fontMetrics
        painter.save()
        painter.setClipRect(rect)
        x = rect.x() + 2
        baseline = rect.y() + (rect.height() + fm.ascent() - fm.descent()) // 2
        marks = phrase_marks(phrase.favourite, phrase.user, phrase.hidden)
        if marks:
            painter.setPen(QColor(200, 140, 0) if not selected else opt.palette.color(group))
            painter.drawText(x, baseline, marks)
            x += fm.horizontalAdvance(marks)
        text, span = elide_around(text, index.data(MATCH_ROLE), fm, rect.right() - x)
        pieces = [(text, False)] if not span else [
            (text[:span[0]], False), (text[span[0]:span[1]], True), (text[span[1]:], False)]
        for piece, hit in pieces:
            if not piece:
                continue
            width = fm.horizontalAdvance(piece)
            if hit:
                painter.fillRect(QRect(x, rect.y() + 1, width, rect.height() - 2), HIGHLIGHT)
                painter.setPen(QColor(0, 0, 0))
            else:
                color = opt.palette.color(group)
                if phrase.hidden and not selected:
                    color = opt.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                painter.setPen(color)
            painter.drawText(x, baseline, piece)
            x += width
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        """A phrase cut short with "…" shows its whole text (and its example) as the tooltip."""
        phrase = index.data(PHRASE_ROLE)
        if event.type() != QEvent.Type.ToolTip or phrase is None:
            return super().helpEvent(event, view, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = view.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
        marks = phrase_marks(phrase.favourite, phrase.user, phrase.hidden)
        room = rect.width() - 2 - opt.fontMetrics.horizontalAdvance(marks)
        text = opt.text
        if opt.fontMetrics.horizontalAdvance(text) <= room:
            return super().helpEvent(event, view, option, index)
        example = index.data(Qt.ItemDataRole.ToolTipRole)
        QToolTip.showText(event.globalPos(), text + (f"\n\n{example}" if example else ""), view)
        return True
