"""Long phrases in the sidebar end in "…", and a search match far along stays in sight."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from editor.gui.phrases.delegate import ELLIPSIS, elide_around


def metrics() -> QFontMetrics:
    return QFontMetrics(QFont())


def test_short_text_is_left_alone(qapp):
    fm = metrics()
    assert elide_around("加强领导", (0, 2), fm, 1000) == ("加强领导", (0, 2))


def test_long_text_ends_in_ellipsis_and_fits(qapp):
    fm = metrics()
    text = "坚持以人民为中心的发展思想，扎实推进共同富裕，不断增强人民群众获得感幸福感安全感"
    width = fm.horizontalAdvance("字") * 10
    shown, span = elide_around(text, (0, 2), fm, width)
    assert shown.endswith(ELLIPSIS)
    assert fm.horizontalAdvance(shown) <= width
    assert shown.startswith("坚持")
    assert shown[span[0]:span[1]] == "坚持"


def test_a_match_far_along_is_brought_into_sight(qapp):
    fm = metrics()
    text = "坚持以人民为中心的发展思想，扎实推进共同富裕，不断增强人民群众获得感幸福感安全感"
    start = text.index("幸福感")
    width = fm.horizontalAdvance("字") * 10
    shown, span = elide_around(text, (start, start + 3), fm, width)
    assert shown.startswith(ELLIPSIS)
    assert fm.horizontalAdvance(shown) <= width
    assert span is not None
    assert shown[span[0]:span[1]] == "幸福感"


def test_a_cut_phrase_shows_its_whole_text_on_hover(make_bank, qtbot, monkeypatch):
    """In the real panel, narrowed: the row is cut with "…" and the tooltip holds the whole phrase."""
    from PySide6.QtCore import QEvent, QPoint, Qt
    from PySide6.QtGui import QHelpEvent, QPainter
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip

    from editor.core.model.phrases import Phrase
    from editor.core.settings import Settings
    from editor.gui.phrases.model import PHRASE_ROLE
    from editor.gui.window.main_window import MainWindow

    long_text = "坚持以人民为中心的发展思想扎实推进共同富裕不断增强人民群众获得感幸福感安全感"
    bank = make_bank([Phrase(long_text, "measures", "collocation", 9, 5, 3, example="例句。")])
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.resizeDocks([w.phrase_dock], [160], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    tree = w.phrase_panel.tree
    tree.expandAll()
    model = tree.model()

    def find(parent):
        for r in range(model.rowCount(parent)):
            idx = model.index(r, 0, parent)
            if idx.data(PHRASE_ROLE) is not None:
                return idx
            found = find(idx)
            if found is not None:
                return found
        return None

    index = find(tree.rootIndex())
    assert index is not None
    drawn_texts: list[str] = []
    real = QPainter.drawText

    def record(painter, *args):
        drawn_texts.extend(a for a in args if isinstance(a, str))
        return real(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", record)
    tree.viewport().grab()  # paints every row through the delegate
    monkeypatch.setattr(QPainter, "drawText", real)
    assert any(t.endswith(ELLIPSIS) and t.startswith("坚持") for t in drawn_texts), drawn_texts
    assert long_text not in "".join(drawn_texts)
    shown = []
    monkeypatch.setattr(QToolTip, "showText", staticmethod(lambda pos, text, *a: shown.append(text)))
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(index)
    assert option.rect.right() <= tree.viewport().width()  # the row is as wide as the panel, no wider
    # Painted cut: the row's text, as drawn, ends in "…" and fits.
    fm = option.fontMetrics
    drawn, _span = elide_around(long_text, None, fm, option.rect.width())
    assert drawn.endswith(ELLIPSIS)
    event = QHelpEvent(QEvent.Type.ToolTip, option.rect.center(), tree.viewport().mapToGlobal(QPoint(0, 0)))
    assert tree.itemDelegate().helpEvent(event, tree, option, index)
    assert shown
    assert long_text in shown[0]
    assert "例句。" in shown[0]
