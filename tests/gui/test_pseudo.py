"""Pseudo-translation lengthens every Yuku string; no button or label may be clipped by it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from editor.build_translations import build
from editor.core.bank.store import PhraseBank
from editor.core.resources import resource_path
from editor.core.settings import Settings
from editor.gui.i18n import install_translators, remove_translators
from editor.gui.pseudo_translation import lengthen
from editor.gui.window.main_window import MainWindow


@pytest.fixture(params=[("zh_CN", True), ("en", True), ("en", False), ("zh_TW", False)], ids=str)
def language(request, qapp):
    build(resource_path("i18n"))
    before = QLocale()
    lang, pseudo = request.param
    install_translators(qapp, lang, pseudo=pseudo)
    yield lang, pseudo
    remove_translators(qapp)
    QLocale.setDefault(before)


def test_lengthen_keeps_placeholders_and_markup():
    assert lengthen("打开(&O)").startswith("［打开(&O)")
    assert len(lengthen("字数 %1")) > len("字数 %1") * 1.4
    assert "%1" in lengthen("字数 %1")
    assert lengthen("<b>x</b>") == "<b>x</b>"


def test_pseudo_translator_lengthens_yuku_strings_only(qapp):
    install_translators(qapp, "zh_CN", pseudo=True)
    try:
        assert QCoreApplication.translate("StandardActions", "文件(&F)").startswith("［文件(&F)～")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        remove_translators(qapp)


def clipped(root: QWidget) -> list[str]:
    """Visible buttons and labels narrower than their text needs."""
    bad = []
    for w in [*root.findChildren(QAbstractButton), *root.findChildren(QLabel)]:
        if not w.isVisible() or not w.text():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            if w.height() < w.heightForWidth(w.width()):
                bad.append(f"{type(w).__name__} {w.text()!r}: {w.height()} < {w.heightForWidth(w.width())}")
            continue
        need = w.sizeHint().width() if isinstance(w, QAbstractButton) else w.minimumSizeHint().width()
        text_width = w.fontMetrics().horizontalAdvance(w.text().replace("&", ""))
        if w.width() < need or w.width() < text_width:
            bad.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < {max(need, text_width)}")
    return bad


def _settle(qtbot, widget):
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()


def test_no_clipped_widgets(language, qtbot, tmp_path):
    bank = PhraseBank(tmp_path / "bank.db")
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    _settle(qtbot, w)
    # The window fits the available screen when shown, and the offscreen screen is only 800 px wide:
    # judge the lengthened strings at the desktop size the layout is made for.
    qtbot.wait(20)
    w.resize(1200, 800)
    QApplication.processEvents()
    w.status_widgets.update_count()
    QApplication.processEvents()
    assert not clipped(w.statusBar()), clipped(w.statusBar())

    w.actions_by_name["find"].trigger()
    _settle(qtbot, w.standard.find_dialog)
    assert not clipped(w.standard.find_dialog), clipped(w.standard.find_dialog)

    from editor.gui.window.preferences_dialog import PreferencesDialog

    prefs = PreferencesDialog(w.settings, w)
    qtbot.addWidget(prefs)
    _settle(qtbot, prefs)
    assert not clipped(prefs), clipped(prefs)
    if language[1]:
        assert "～" in prefs.windowTitle()
    prefs.reject()
    w.standard.find_dialog.close()
    bank.close()


def test_clipping_check_catches_a_squeezed_button(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    box = QWidget()
    qtbot.addWidget(box)
    layout = QHBoxLayout(box)
    button = QPushButton(lengthen("全部替换"), box)
    button.setFixedWidth(30)
    layout.addWidget(button)
    _settle(qtbot, box)
    assert clipped(box)
