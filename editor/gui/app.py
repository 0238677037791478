"""Create the QApplication, install translations and open the main window."""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from editor import APP_NAME, __version__
from editor.core.resources import resource_path


def ensure_platform() -> None:
    """Use the offscreen platform when there is no display (CI, ssh, self-test)."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


def ui_language(setting: str) -> str:
    """The UI language: the setting if given, else the system locale (Chinese first)."""
    if setting:
        return setting
    name = QLocale.system().name()  # e.g. zh_CN, zh_TW, en_US
    if name.startswith(("zh_TW", "zh_HK", "zh_MO")) or "Hant" in QLocale.system().bcp47Name():
        return "zh_TW"
    if name.startswith("zh"):
        return "zh_CN"
    return "en" if name.startswith("en") else "zh_CN"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Yuku's .qm for the language (source strings are zh_CN, so zh_CN needs none)."""
    translators: list[QTranslator] = []
    if language == "zh_CN":
        return translators
    qm = resource_path("i18n", f"yuku_{language}.qm")
    translator = QTranslator(app)
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        translators.append(translator)
    return translators


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
    icon = resource_path("icons", "yuku.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(files: list[str]) -> int:
    """Run the editor until the user quits."""
    from editor.core.settings import Settings
    from editor.gui.main_window import MainWindow

    app = create_app()
    settings = Settings()
    app._yuku_translators = install_translators(app, ui_language(settings.get("ui_language")))  # type: ignore[attr-defined]
    window = MainWindow(settings=settings)
    window.show()
    for f in files[:1]:
        window.open_path(f)
    return app.exec()
