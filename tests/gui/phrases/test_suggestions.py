"""As-you-type suggestions from the bank, driven by input-method commits like real Chinese typing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from editor.core.bank.store import PhraseBank
from editor.core.model.phrases import Phrase
from editor.core.settings import Settings
from editor.gui.phrases.suggestions import Suggester
from editor.gui.window.main_window import MainWindow
from tests.gui.helpers import commit_text


@pytest.fixture
def window(qtbot, tmp_path):
    bank = PhraseBank(tmp_path / "bank.db")
    bank.replace_mined([
        Phrase("高度重视，加强领导", "measures", "heading", 9),
        Phrase("高度重视安全生产", "measures", "collocation", 5),
        Phrase("在___的正确领导下", "opening", "template", 4),
        Phrase("壓實責任", "measures", "collocation", 3),
        Phrase("加强___建设", "measures", "template", 2),
    ])
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.feature(Suggester).dismiss()
    w.editor.document().setModified(False)
    bank.close()


def test_typing_offers_continuations_best_first(window):
    commit_text(window.editor, "我们要高度")
    assert window.feature(Suggester).is_visible()
    assert window.feature(Suggester).texts() == ["高度重视，加强领导", "高度重视安全生产"]
    assert QApplication.focusWidget() is window.editor  # the popup never takes the keyboard


def test_tab_accepts_as_one_undo_step(window, qtbot):
    commit_text(window.editor, "我们要高度")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.plain_text() == "我们要高度重视，加强领导"
    assert not window.feature(Suggester).is_visible()
    window.actions_by_name["undo"].trigger()
    assert window.editor.plain_text() == "我们要高度"


def test_arrow_then_tab_accepts_the_second(window, qtbot):
    commit_text(window.editor, "高度重")
    qtbot.keyClick(window.editor, Qt.Key.Key_Down)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.plain_text() == "高度重视安全生产"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_never_accepts_it_ends_the_paragraph(window, qtbot, key):
    # The report: 四、工作措施 Enter 加强领导 gave "四、工作措施不力加强领导力量" in one paragraph.
    window.settings.set("auto_format_headings", False)
    commit_text(window.editor, "高度重")
    assert window.feature(Suggester).is_visible()
    qtbot.keyClick(window.editor, key)
    assert not window.feature(Suggester).is_visible()
    commit_text(window.editor, "加强")
    assert window.editor.plain_text() == "高度重\n加强"
    assert window.editor.document().blockCount() == 2


def test_enter_after_arrows_still_ends_the_paragraph(window, qtbot):
    commit_text(window.editor, "高度重")
    qtbot.keyClick(window.editor, Qt.Key.Key_Down)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert window.editor.plain_text() == "高度重\n"


def test_mouse_click_on_a_suggestion_accepts_it(window, qtbot):
    commit_text(window.editor, "高度重")
    popup = window.feature(Suggester).popup
    rect = popup.visualItemRect(popup.item(1))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.plain_text() == "高度重视安全生产"


def test_input_method_composition_is_not_disturbed(window, qtbot):
    commit_text(window.editor, "高度")
    assert window.feature(Suggester).is_visible()
    preedit = QInputMethodEvent("zhong", [])
    QApplication.sendEvent(window.editor, preedit)
    # The composition stays a composition: shown in the paragraph, not committed, focus unmoved.
    block = window.editor.textCursor().block()
    assert block.layout().preeditAreaText() == "zhong"
    assert window.editor.plain_text() == "高度"
    assert QApplication.focusWidget() is window.editor
    assert not window.feature(Suggester).is_visible()  # the popup steps aside for the candidate window
    commit_text(window.editor, "重视")
    assert window.editor.plain_text() == "高度重视"
    assert block.layout().preeditAreaText() == ""
    assert window.feature(Suggester).texts() == ["高度重视，加强领导", "高度重视安全生产"]


def test_escape_dismisses_and_typing_goes_on(window, qtbot):
    commit_text(window.editor, "高度")
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not window.feature(Suggester).is_visible()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # Enter is a new paragraph again
    commit_text(window.editor, "正文")
    assert window.editor.plain_text() == "高度\n正文"


def test_typing_on_narrows_and_closes_when_nothing_fits(window):
    commit_text(window.editor, "高度")
    assert len(window.feature(Suggester).texts()) == 2
    commit_text(window.editor, "重视安")
    assert window.feature(Suggester).texts() == ["高度重视安全生产"]
    commit_text(window.editor, "全检查")
    assert not window.feature(Suggester).is_visible()
    assert window.editor.plain_text() == "高度重视安全检查"


def test_clause_starts_after_punctuation_and_one_char_is_too_few(window):
    commit_text(window.editor, "高度重视，高")
    assert not window.feature(Suggester).is_visible()
    commit_text(window.editor, "度")
    assert window.feature(Suggester).is_visible()


def test_suggestions_follow_the_document_script(window, qtbot):
    commit_text(window.editor, "我們堅持實事求是。壓實")
    window.editor.update_context()
    commit_text(window.editor, "責")
    assert window.feature(Suggester).texts() == ["壓實責任"]
    commit_text(window.editor, "。高度")
    assert window.feature(Suggester).texts()[0] == "高度重視，加強領導"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.plain_text().endswith("高度重視，加強領導")


def test_template_continuation_selects_its_blank(window, qtbot):
    commit_text(window.editor, "要加强")
    assert window.feature(Suggester).texts() == ["加强___建设"]
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.textCursor().selectedText() == "___"
    commit_text(window.editor, "基层组织")
    assert window.editor.plain_text() == "要加强基层组织建设"


def test_only_continuations_are_offered(window):
    commit_text(window.editor, "正确领导下")
    assert not window.feature(Suggester).is_visible()  # phrases that merely end with it are not offered


def test_setting_turns_suggestions_off(window):
    window.settings.set("phrase_suggestions", False)
    commit_text(window.editor, "高度")
    assert not window.feature(Suggester).is_visible()


def test_click_in_document_dismisses(window, qtbot):
    commit_text(window.editor, "高度")
    qtbot.mouseClick(window.editor.viewport(), Qt.MouseButton.LeftButton)
    assert not window.feature(Suggester).is_visible()


def _fill_first_blank(window, qtbot, typed: str) -> None:
    """A form: 关于___的通知 / 一、___; Tab goes to the first blank and the writer types into it."""
    window.editor.setPlainText("关于___的通知\n一、___")
    window.editor.go_to_start()
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.textCursor().selectedText() == "___"
    commit_text(window.editor, typed)


def test_filling_a_blank_tab_goes_to_the_next_blank_not_into_a_phrase(window, qtbot):
    _fill_first_blank(window, qtbot, "高度")
    suggester = window.feature(Suggester)
    assert suggester.is_visible()  # still offered …
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)  # … but Tab is the form's key
    assert window.editor.plain_text() == "关于高度的通知\n一、___"
    assert window.editor.textCursor().selectedText() == "___"  # the next blank
    assert not suggester.is_visible()


def test_filling_a_blank_arrow_then_tab_still_takes_a_phrase(window, qtbot):
    _fill_first_blank(window, qtbot, "高度")
    qtbot.keyClick(window.editor, Qt.Key.Key_Down)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.plain_text() == "关于高度重视，加强领导的通知\n一、___"
