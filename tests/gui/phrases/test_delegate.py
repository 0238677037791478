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
