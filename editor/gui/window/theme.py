"""Light and dark themes: follow the system's colour scheme unless the user picked one."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def system_is_dark() -> bool:
    """True when the desktop asks for dark colours (Qt 6.5+ colorScheme), or the palette is dark."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return is_dark(QGuiApplication.palette())


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < palette.color(
        QPalette.ColorRole.WindowText).lightness()


def dark_palette() -> QPalette:
    """A dark palette for platforms whose style does not provide one (Fusion on bare X11)."""
    p = QPalette()
    roles = QPalette.ColorRole
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    for role, color in (
        (roles.Window, window), (roles.WindowText, text), (roles.Base, base),
        (roles.AlternateBase, QColor("#26282b")), (roles.ToolTipBase, window), (roles.ToolTipText, text),
        (roles.PlaceholderText, QColor("#8c8f94")), (roles.Text, text), (roles.Button, window),
        (roles.ButtonText, text), (roles.BrightText, QColor("#ff6b68")), (roles.Highlight, QColor("#2f65ca")),
        (roles.HighlightedText, QColor("#ffffff")), (roles.Link, QColor("#6ea2ff")),
        (roles.Light, QColor("#3c3f41")), (roles.Midlight, QColor("#35383b")), (roles.Mid, QColor("#2a2c2f")),
        (roles.Dark, QColor("#161719")), (roles.Shadow, QColor("#000000")),
    ):
        p.setColor(role, color)
    disabled = QColor("#6f737a")
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply_theme(app: QApplication, choice: str = "system") -> bool:
    """Apply "system", "light" or "dark"; returns True when the result is dark."""
    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(choice, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        # Qt 6.8+: ask the platform style to switch (Windows 11, macOS, GNOME/KDE themes).
        hints.setColorScheme(scheme)
    want_dark = choice == "dark" or (choice == "system" and system_is_dark())
    own = app.property("yuku_dark_palette")
    if want_dark and not is_dark(app.palette()):
        # The style cannot draw dark (Fusion/Windows styles on X11): Fusion with our palette can.
        app.setProperty("yuku_original_style", app.style().name())
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setPalette(dark_palette())
        app.setProperty("yuku_dark_palette", True)
    elif not want_dark and own:
        # Undo only what we did: the desktop's own palette (KDE colour schemes …) stays untouched.
        original = app.property("yuku_original_style")
        if original and original != app.style().name():
            app.setStyle(str(original))
        app.setPalette(QPalette())
        app.setProperty("yuku_dark_palette", False)
    return want_dark


def follow_system(app: QApplication, choice_getter: Callable[[], str]) -> None:
    """Re-apply the theme whenever the desktop switches between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda *_: apply_theme(app, choice_getter()))
