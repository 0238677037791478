"""UI language: system locale or setting, Yuku's .qm and Qt's own translations, complete .ts files."""
from __future__ import annotations

import pytest
from lxml import etree
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from editor.build_translations import build
from editor.core.bank.store import PhraseBank
from editor.core.resources import resource_path
from editor.core.settings import Settings
from editor.gui.i18n import install_translators, plain_label, remove_translators, system_language, ui_language
from editor.gui.window.main_window import MainWindow


@pytest.fixture
def translators(qapp):
    """Build the .qm files and leave the application untranslated afterwards."""
    build(resource_path("i18n"))
    before = QLocale()
    yield qapp
    remove_translators(qapp)
    QLocale.setDefault(before)


@pytest.mark.parametrize(("locale", "expected"), [
    ("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"),
    ("en_US", "en"), ("en_GB", "en"), ("de_DE", "zh_CN"),
])
def test_system_language_is_chinese_first(locale, expected):
    assert system_language(QLocale(locale)) == expected


def test_setting_overrides_system():
    assert ui_language("en") == "en"
    assert ui_language("zh_TW") == "zh_TW"
    assert ui_language("") == system_language()
    assert ui_language("klingon") == system_language()


def test_english_translates_yuku_and_qt(translators):
    installed = install_translators(translators, "en", pseudo=False)
    assert len(installed) == 2
    assert QCoreApplication.translate("StandardActions", "文件(&F)") == "&File"
    assert QCoreApplication.translate("FindReplaceDialog", "已替换 %n 处", "", 2) == "Replaced 2 occurrences"
    assert QCoreApplication.translate("FindReplaceDialog", "已替换 %n 处", "", 1) == "Replaced 1 occurrence"
    assert QLocale().language() == QLocale.Language.English


def test_traditional_chinese_uses_taiwan_terms(translators):
    install_translators(translators, "zh_TW", pseudo=False)
    assert QCoreApplication.translate("StandardActions", "文件(&F)") == "檔案(&F)"
    assert QCoreApplication.translate("StandardActions", "保存(&S)") == "儲存(&S)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_simplified_chinese_gets_qt_dialog_translations(translators):
    installed = install_translators(translators, "zh_CN", pseudo=False)
    assert len(installed) == 2  # qtbase and its mnemonic fallback only: Yuku's source strings are zh_CN
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_main_window_in_english(translators, qtbot, tmp_path):
    install_translators(translators, "en", pseudo=False)
    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "F&ormat"]
    # Every menu title in English, the 公文 feature's 文档 menu too (it once kept its Chinese title).
    assert not [t for t in titles if any("\u4e00" <= c <= "\u9fff" for c in t)], titles
    assert w.actions_by_name["style_heading1"].text() == "Heading &1"
    assert w.paragraph_styles.combo.itemText(0) == "Title"
    bank.close()


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_every_string_translated(lang):
    tree = etree.parse(str(resource_path("i18n", f"yuku_{lang}.ts")))
    unfinished = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if name and (tr is None or tr.get("type") == "unfinished"):
                unfinished.append(f"{name}: {msg.findtext('source')}")
    assert not unfinished, f"run scripts/fill_translations.py: {unfinished[:10]}"


def test_plain_label():
    assert plain_label("查找(&N)：") == "查找"
    assert plain_label("Interface &language:") == "Interface language"
    assert plain_label("打开(&O)…") == "打开"


def test_every_action_and_input_has_a_name(qtbot, tmp_path):
    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    for name, act in w.actions_by_name.items():
        assert act.text(), name
    from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTextEdit

    for cls in (QLineEdit, QTextEdit, QComboBox, QAbstractItemView):
        for widget in w.findChildren(cls):
            if widget.isVisibleTo(w) and not isinstance(widget.parent(), QComboBox):
                assert widget.accessibleName(), f"{cls.__name__} {widget.objectName()} has no accessible name"
    assert QApplication.instance() is not None
    bank.close()


def test_menu_mnemonics_unique_in_each_menu(qtbot, tmp_path):
    """Every menu can be driven by Alt+letter: no two visible items in a menu share a mnemonic."""
    import re

    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    clashes = []

    def walk(menu, path):
        seen: dict[str, str] = {}
        for act in menu.actions():
            if act.isSeparator() or not act.isVisible():
                continue
            m = re.search(r"&(\w)", act.text())
            if m:
                key = m.group(1).lower()
                if key in seen:
                    clashes.append(f"{path}: {seen[key]} / {act.text()}")
                seen[key] = act.text()
            if act.menu():
                walk(act.menu(), f"{path} > {act.text()}")

    for top in w.menuBar().actions():
        walk(top.menu(), top.text())
    assert not clashes
    for name in ("style_title", "style_heading1", "style_body", "zoom_in", "full_screen", "focus_mode",
                 "print", "preferences"):
        assert "&" in w.actions_by_name[name].text(), name
    bank.close()
