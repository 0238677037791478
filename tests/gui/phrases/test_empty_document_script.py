"""A phrase first seen in traditional goes into an empty document in the interface's script."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from editor.core.model.phrases import Phrase
from tests.gui.helpers import commit_text


@pytest.fixture
def bank(make_bank):
    return make_bank([Phrase("我們一起加油", "closing", "collocation", 5.0, 2, 2, "我們一起加油！", "心得")])


# Each test sets the interface's locale; the conftest's qt_default_locale puts it back afterwards.


def test_an_empty_document_takes_simplified_phrases_under_a_simplified_interface(make_window):
    QLocale.setDefault(QLocale("zh_CN"))
    window = make_window()
    assert window.editor.convert_for_document("我們一起加油") == "我们一起加油"
    window.editor.setFocus()
    commit_text(window.editor, "2023")  # still nothing to tell the script by
    assert window.editor.convert_for_document("我們一起加油") == "我们一起加油"


def test_an_empty_document_takes_traditional_phrases_under_a_zh_tw_interface(make_window):
    QLocale.setDefault(QLocale("zh_TW"))
    window = make_window()
    assert window.editor.convert_for_document("我们一起加油") == "我們一起加油"


def test_the_sidebar_shows_an_empty_documents_script(make_window):
    QLocale.setDefault(QLocale("zh_CN"))
    window = make_window()
    assert window.phrase_panel.convert is not None
    assert window.phrase_panel.convert("我們一起加油") == "我们一起加油"
