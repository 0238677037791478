"""UI language: pick it from the setting or the system locale and install Qt's and Yuku's translators.

Qt's own dialogs (file, print, colour, message boxes) speak the UI language too: Qt's qtbase
catalogue is installed for it, Qt strings the catalogue has not caught up with are filled in
(mnemonic_fallback), and on Linux the dates in Qt's file dialog and the strings of a native GTK
dialog follow it (prepare_system_locale). The file dialogs are the platform's own wherever the
platform has them (Windows, macOS, GNOME/KDE through the platform theme or xdg portal); Yuku never
asks for Qt's widget-based dialog.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor.core.resources import resource_path

log = logging.getLogger(__name__)

# Language codes Yuku ships, with each name written in its own language (so people can find theirs).
# zh_CN is the source language of the .ts files: it needs no .qm of Yuku's own.
LANGUAGE_NAMES: dict[str, str] = {
    "zh_CN": "简体中文",
    "zh_TW": "繁體中文（台灣）",
    "en": "English",
}
SOURCE_LANGUAGE = "zh_CN"
PSEUDO_ENV = "YUKU_PSEUDO_TRANSLATE"

# Translators must outlive the call that installs them (Qt keeps only a pointer).
_installed: list[QTranslator] = []


def system_language(locale: QLocale | None = None) -> str:
    """The shipped language closest to a locale (Chinese first: unknown locales get zh_CN)."""
    loc = locale or QLocale.system()
    name = loc.name()  # e.g. zh_CN, zh_TW, en_US
    if loc.language() == QLocale.Language.Chinese:
        traditional = loc.script() == QLocale.Script.TraditionalChineseScript
        return "zh_TW" if traditional or name.startswith(("zh_TW", "zh_HK", "zh_MO")) else "zh_CN"
    if loc.language() == QLocale.Language.English:
        return "en"
    return SOURCE_LANGUAGE


def ui_language(setting: str) -> str:
    """The UI language: the setting if it names a shipped language, else the system locale."""
    if setting in LANGUAGE_NAMES:
        return setting
    return system_language()


def qt_locale(language: str) -> QLocale:
    """The QLocale used for a UI language (numbers, dates, Qt's own dialogs)."""
    return QLocale("en_US" if language == "en" else language)


def _env_locale(*names: str) -> QLocale:
    """The locale the first set environment variable names (zh_CN.UTF-8@x → zh_CN), C if none is."""
    for name in names:
        value = os.environ.get(name, "")
        if value:
            return QLocale(re.split(r"[.@]", value)[0] or "C")
    return QLocale.c()


def prepare_system_locale(setting: str) -> str:
    """Before the QApplication exists: make Qt's and GTK's dialogs follow a Chinese UI on Linux.

    Qt's file dialog writes dates in the *system* locale, read once from LC_TIME/LANG: under
    LANG=C a date reads "6 12 2026". A GTK file dialog translates itself by LANGUAGE. Both are
    set for this process only, and only when they are not Chinese already; LC_ALL, if the user
    set it, is left alone. Returns the UI language.
    """
    language = setting if setting in LANGUAGE_NAMES else system_language(
        _env_locale("LC_ALL", "LC_MESSAGES", "LANG"))
    if not language.startswith("zh") or not sys.platform.startswith(("linux", "freebsd")):
        return language
    if not os.environ.get("LC_ALL") and _env_locale("LC_TIME", "LANG").language() != QLocale.Language.Chinese:
        os.environ["LC_TIME"] = f"{language}.UTF-8"
    if not os.environ.get("LANGUAGE", "").startswith("zh"):
        os.environ["LANGUAGE"] = f"{language}:zh"
    return language


# Qt 6 moved the file type names ("Folder", "Drive", "%1 File") out of QFileDialog; the Chinese
# catalogues still hold them under the old context, so the dialog's Type column stayed English.
MOVED_CONTEXTS = {"QAbstractFileIconProvider": "QFileDialog"}


class MnemonicFallback(QTranslator):
    """Qt's strings its Chinese catalogue knows in another form or context, translated anyway.

    Qt 6.12's file dialog says "&Look in:" and "Files of &type:", but qtbase_zh_CN/zh_TW only know
    "Look in:" and "Files of type:", so those labels stayed English. Asked last (installed first),
    this looks the string up without its "&" and puts the mnemonic back the Chinese way: 查找范围(&L)：.
    """

    def __init__(self, base: QTranslator, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.base = base

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        """The catalogue's text for the string without its mnemonic, with the mnemonic added.

        None (a null QString) when there is none: Qt takes even "" as a translation.
        """
        if context in MOVED_CONTEXTS:
            text = self.base.translate(MOVED_CONTEXTS[context], source, disambiguation, n)
            return text or None
        if not context.startswith("Q") or "&" not in source:
            return None
        letter = re.search(r"&(\w)", source.replace("&&", ""))
        if letter is None:
            return None
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = self.base.translate(context, plain, disambiguation, n)
        if not text:
            return None
        if "&" in text:
            return text
        colon = text[-1] if text[-1] in "：:" else ""
        return f"{text[:len(text) - len(colon)]}(&{letter.group(1).upper()}){colon}"

    def isEmpty(self) -> bool:
        """Never empty: Qt skips empty translators."""
        return False

    def language(self) -> str:
        """The language of the catalogue it completes."""
        return self.base.language()


def qm_path(language: str) -> str:
    """Where Yuku's compiled translation for a language lives."""
    return str(resource_path("i18n", f"yuku_{language}.qm"))


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall every translator this module installed."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str, pseudo: bool | None = None) -> list[QTranslator]:
    """Install Qt's qtbase translation and Yuku's .qm for the language; returns what was installed.

    With pseudo (default: the YUKU_PSEUDO_TRANSLATE environment variable) a translator that
    lengthens every Yuku string goes on top, to show widgets that clip longer translations.
    """
    remove_translators(app)
    QLocale.setDefault(qt_locale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_name = "qtbase_en" if language == "en" else f"qtbase_{language}"
    qt_translator = QTranslator(app)
    if qt_translator.load(qt_name, qt_dir):
        if language.startswith("zh"):
            _installed.append(MnemonicFallback(qt_translator, app))  # installed first: asked last
        _installed.append(qt_translator)
    else:
        log.info("no Qt translation %s in %s", qt_name, qt_dir)
    if language != SOURCE_LANGUAGE:
        own = QTranslator(app)
        if own.load(qm_path(language)):
            _installed.append(own)
        else:
            log.warning("translation %s missing; run `make translations`", qm_path(language))
    if pseudo is None:
        pseudo = os.environ.get(PSEUDO_ENV, "") not in ("", "0")
    if pseudo:
        from editor.gui.pseudo_translation import pseudo_translator

        stretched = pseudo_translator(language, app)
        if stretched is not None:
            _installed.append(stretched)  # installed last, so Qt asks it first
    for translator in _installed:
        app.installTranslator(translator)
    return list(_installed)


# " / English" after a Chinese sentence of the core's bilingual messages (the CLI prints both).
_ENGLISH_HALF = re.compile(r"\s?/ (?=[A-Za-z])[^\u3000-\u9fff\uff00-\uffef\n]*")


def one_language(text: str) -> str:
    """A core message in the window's language: a Chinese window drops the English halves.

    "这不是 Word 文件 / not a Word file" → "这不是 Word 文件"; "挖掘短语 / mining phrases（约剩 2 秒 /
    about 2 s left）" → "挖掘短语（约剩 2 秒）". An English window keeps both halves.
    """
    if QLocale().language() != QLocale.Language.Chinese or not re.search("[\u4e00-\u9fff]", text):
        return text
    return _ENGLISH_HALF.sub("", text)


def plain_label(text: str) -> str:
    """A label without its mnemonic and colon ("查找(&N)：" → "查找"), for accessible names."""
    import re

    return re.sub(r"\(&.\)|…|\.\.\.", "", text).replace("&", "").rstrip("：: ")


def self_test_checks(window: object, tmp: object) -> list[tuple[str, Callable[[], bool]]]:
    """`yuku --self-test`: the shipped .qm files and Qt's own translations load (checked, not installed)."""

    def yuku_translations() -> bool:
        expected = {"en": "&File", "zh_TW": "檔案(&F)"}
        for lang, text in expected.items():
            translator = QTranslator()
            if not translator.load(qm_path(lang)) or translator.translate("StandardActions", "文件(&F)") != text:
                return False
        return True

    def qt_translations() -> bool:
        translator = QTranslator()
        return translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))

    return [("translations", yuku_translations), ("qt_translations", qt_translations)]
