"""Themes: dark and light palettes, following the system; SVG icons drawn in the text colour."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication

from editor.gui.window.icons import bundled_icon, has_bundled_icon, icon
from editor.gui.window.theme import apply_theme, is_dark, system_is_dark


def _ink(pixmap) -> QColor:
    """The most opaque pixel's colour: the icon's stroke."""
    img = pixmap.toImage()
    best = QColor(0, 0, 0, 0)
    for y in range(img.height()):
        for x in range(img.width()):
            c = img.pixelColor(x, y)
            if c.alpha() > best.alpha():
                best = c
    return best


def test_dark_and_light_switch_and_icons_follow(qapp):
    try:
        assert apply_theme(qapp, "dark") is True
        assert is_dark(qapp.palette())
        dark_ink = _ink(bundled_icon("document-save").pixmap(QSize(24, 24)))
        assert dark_ink.lightness() > 128
        assert apply_theme(qapp, "light") is False
        assert not is_dark(qapp.palette())
        light_ink = _ink(bundled_icon("document-save").pixmap(QSize(24, 24)))
        assert light_ink.lightness() < 128
    finally:
        apply_theme(qapp, "light")


def test_system_choice_follows_color_scheme(qapp):
    assert apply_theme(qapp, "system") is system_is_dark()
    apply_theme(qapp, "light")


def test_icons_are_vector_and_sharp_on_high_dpi(qapp):
    ic = bundled_icon("edit-find")
    pm = ic.pixmap(QSize(24, 24), 2.0)
    assert pm.devicePixelRatio() == 2.0
    assert pm.width() == 48
    assert _ink(pm).alpha() > 200


def test_every_toolbar_icon_has_an_svg(qapp):
    for name in ("document-new", "document-open", "document-save", "edit-undo", "edit-redo", "edit-find",
                 "document-print", "zoom-in", "zoom-out", "view-fullscreen", "preferences-system"):
        assert has_bundled_icon(name), name
        assert not icon(name).isNull(), name
    assert QGuiApplication.instance() is qapp
