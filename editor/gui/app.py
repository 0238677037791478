"""Create the QApplication, install translations and open the main window."""
from __future__ import annotations

import os
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from editor import APP_NAME, __version__
from editor.core.resources import resource_path
from editor.core.settings import Settings
from editor.gui.i18n import install_translators, ui_language

__all__ = ["create_app", "ensure_platform", "install_translators", "run_app", "setup_ui", "ui_language"]


def ensure_platform() -> None:
    """Use the offscreen platform when there is no display (CI, ssh, self-test)."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_app(argv: list[str] | None = None) -> QApplication:
    """The application object (reused when one exists, as in tests)."""
    ensure_platform()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("语库 Yuku")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Yuku")
    # The .desktop file's name: Wayland and GNOME match the window to its launcher icon by it.
    app.setDesktopFileName("io.github.yuku.Yuku")
    icon = resource_path("icons", "yuku.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def setup_ui(app: QApplication, settings: Settings) -> str:
    """Translations and theme from the settings; returns the UI language in use."""
    from editor.gui.window.theme import apply_theme, follow_system

    language = ui_language(settings.get("ui_language"))
    install_translators(app, language)
    apply_theme(app, settings.get("theme"))
    follow_system(app, lambda: settings.get("theme"))
    return language


def run_app(files: list[str]) -> int:
    """Run the editor until the user quits."""
    from editor.core.settings import Settings
    from editor.gui.i18n import prepare_system_locale
    from editor.gui.window.main_window import MainWindow

    settings = Settings()
    prepare_system_locale(settings.get("ui_language"))  # before Qt reads the system locale
    app = create_app()
    setup_ui(app, settings)
    window = MainWindow(settings=settings)
    window.show()
    for f in files[:1]:
        window.session.open_path(f)
    freeze_startup_heap()
    return app.exec()


def freeze_startup_heap() -> None:
    """Exclude what start-up built (Qt wrappers, the bank's index, dictionaries) from cyclic GC.

    Those objects live until exit, yet every full collection would walk all of them again: while
    typing (a pause each time) and several times at exit (~110 ms measured). Frozen objects are
    still freed by reference counting; one caught in a reference cycle stays until exit, which
    start-up objects do anyway. Objects made later are collected as before.
    """
    import gc

    gc.freeze()
