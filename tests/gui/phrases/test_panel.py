"""The phrase panel in the real window: search, insertion by every route, script, context."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.core.bank.store import PhraseBank
from editor.core.model.phrases import Phrase
from editor.core.settings import Settings
from editor.gui.document.editor import PHRASE_MIME
from editor.gui.phrases.model import MATCH_ROLE, NODE_ROLE, PHRASE_ROLE, ROWS_PER_GROUP
from editor.gui.window.main_window import MainWindow
from tests.gui.helpers import commit_text, drop_at

PHRASES = [
    Phrase("高度重视，加强领导", "measures", "heading", 9, 5, 3, example="一、高度重视，加强领导。成立了领导小组。",
           source="总结.txt"),
    Phrase("壓實責任", "measures", "collocation", 8, 4, 3, example="層層壓實責任。", source="總結.txt"),
    Phrase("思想认识不到位", "problems", "collocation", 7, 3, 2),
    Phrase("下一步工作打算", "next_steps", "heading", 6, 3, 2),
    Phrase("同志们", "closing", "collocation", 5, 2, 2),
    Phrase("在___的正确领导下", "opening", "template", 4, 2, 2),
]


@pytest.fixture
def bank(make_bank):
    return make_bank(PHRASES)


def leaves(model):
    """Every phrase listed, in display order: [(section label, shown text)]."""
    out = []
    for s in range(model.rowCount()):
        sec = model.index(s, 0)
        for k in range(model.rowCount(sec)):
            kind = model.index(k, 0, sec)
            for r in range(model.rowCount(kind)):
                idx = model.index(r, 0, kind)
                if idx.data(NODE_ROLE) == "phrase":
                    out.append((sec.data(), idx.data()))
    return out


def find_leaf(model, text):
    for s in range(model.rowCount()):
        sec = model.index(s, 0)
        for k in range(model.rowCount(sec)):
            kind = model.index(k, 0, sec)
            for r in range(model.rowCount(kind)):
                idx = model.index(r, 0, kind)
                if idx.data(PHRASE_ROLE) is not None and idx.data(PHRASE_ROLE).text == text:
                    return idx
    raise AssertionError(f"{text} not listed")


def test_tree_has_sections_then_kinds_with_counts(window):
    model = window.phrase_panel.model
    sections = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sections == ["开头 (1)", "措施 (2)", "问题 (1)", "下一步 (1)", "结尾 (1)"]
    measures = model.index(1, 0)
    assert [model.index(k, 0, measures).data() for k in range(model.rowCount(measures))] == ["小标题 (1)", "搭配 (1)"]


@pytest.mark.parametrize(("query", "expected"), [
    ("领", ["高度重视，加强领导", "在___的正确领导下"]),
    ("領", ["高度重视，加强领导", "在___的正确领导下"]),  # traditional query, simplified phrases
    # Simplified query, phrase stored in traditional: found, and shown in the empty document's
    # script, which is the interface's (simplified here).
    ("责", ["压实责任"]),
    ("压实责任", ["压实责任"]),
    ("不存在", []),
])
def test_search_filters_as_you_type_in_both_scripts(window, query, expected):
    commit_text(window.phrase_panel.filter, query)
    assert sorted(text for _, text in leaves(window.phrase_panel.model)) == sorted(expected)


def test_search_highlights_the_match_and_clearing_restores_all(window):
    panel = window.phrase_panel
    commit_text(panel.filter, "领导")
    idx = find_leaf(panel.model, "高度重视，加强领导")
    assert idx.data(MATCH_ROLE) == (7, 9)
    assert panel.tree.isExpanded(idx.parent())
    panel.tree.viewport().grab()  # paints through the delegate without error
    panel.filter.clear()
    assert len(leaves(panel.model)) == len(PHRASES)
    assert find_leaf(panel.model, "高度重视，加强领导").data(MATCH_ROLE) is None


def test_preview_shows_example_and_source(window):
    panel = window.phrase_panel
    panel.tree.setCurrentIndex(find_leaf(panel.model, "高度重视，加强领导"))
    text = panel.preview.text()
    assert "成立了领导小组" in text
    assert "总结.txt" in text
    assert "<b>高度重视，加强领导</b>" in text


def test_double_click_inserts_at_cursor_as_one_undo_step(window):
    commit_text(window.editor, "甲乙")
    cur = window.editor.textCursor()
    cur.setPosition(1)
    window.editor.setTextCursor(cur)
    window.phrase_panel.tree.doubleClicked.emit(find_leaf(window.phrase_panel.model, "同志们"))
    assert window.editor.plain_text() == "甲同志们乙"
    window.actions_by_name["undo"].trigger()
    assert window.editor.plain_text() == "甲乙"


def test_enter_inserts_and_returns_focus_to_the_document(window, qtbot):
    panel = window.phrase_panel
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(find_leaf(panel.model, "下一步工作打算"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.editor.plain_text() == "下一步工作打算"
    assert QApplication.focusWidget() is window.editor
    window.actions_by_name["undo"].trigger()
    assert window.editor.plain_text() == ""


def test_context_menu_insert_action(window):
    panel = window.phrase_panel
    panel.tree.setCurrentIndex(find_leaf(panel.model, "同志们"))
    window.actions_by_name["phrase_insert"].trigger()
    assert window.editor.plain_text() == "同志们"


def test_drop_from_model_mimedata_lands_where_the_indicator_is(window):
    window.editor.setPlainText("第一段\n第二段")
    panel = window.phrase_panel
    mime = panel.model.mimeData([find_leaf(panel.model, "思想认识不到位")])
    assert mime.hasFormat(PHRASE_MIME)
    cur = QTextCursor(window.editor.document())
    cur.setPosition(6)  # after 第二
    pos = window.editor.cursorRect(cur).center()
    drop_at(window.editor.viewport(), pos, mime)
    assert window.editor.plain_text() == "第一段\n第二思想认识不到位段"
    window.editor.undo()
    assert window.editor.plain_text() == "第一段\n第二段"


def test_phrase_with_blank_selects_it_so_typing_fills_it(window):
    window.phrase_panel.tree.doubleClicked.emit(find_leaf(window.phrase_panel.model, "在___的正确领导下"))
    assert window.editor.textCursor().selectedText() == "___"
    commit_text(window.editor, "县委")
    assert window.editor.plain_text() == "在县委的正确领导下"


def test_traditional_document_gets_traditional_phrases(window):
    commit_text(window.editor, "我們堅持實事求是，認真總結經驗。")
    window.editor.update_context()
    assert window.editor.script == "traditional"
    idx = find_leaf(window.phrase_panel.model, "高度重视，加强领导")
    assert idx.data() == "高度重視，加強領導"  # shown in the document's script
    window.phrase_panel.tree.doubleClicked.emit(idx)
    assert window.editor.plain_text().endswith("高度重視，加強領導")


def test_simplified_document_gets_simplified_phrases(window):
    commit_text(window.editor, "我们坚持实事求是，认真总结经验。")
    window.phrase_panel.tree.doubleClicked.emit(find_leaf(window.phrase_panel.model, "壓實責任"))
    assert window.editor.plain_text().endswith("压实责任")


def test_cursor_section_comes_first_without_hiding_others(window):
    window.editor.setPlainText("工作总结\n一、主要做法\n正文。\n二、存在问题\n一是")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.update_context()
    model = window.phrase_panel.model
    sections = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sections[0] == "问题 (1)"
    assert len(sections) == 5
    assert leaves(model)[0] == ("问题 (1)", "思想认识不到位")
    cur = window.editor.textCursor()
    cur.setPosition(len("工作总结\n一、主要做法\n正"))
    window.editor.setTextCursor(cur)
    window.editor.update_context()
    assert model.index(0, 0).data() == "措施 (2)"


def test_keyboard_only_search_and_insert(window, qtbot):
    window.actions_by_name["phrase_search"].trigger()
    assert QApplication.focusWidget() is window.phrase_panel.filter
    commit_text(window.phrase_panel.filter, "同志")
    qtbot.keyClick(window.phrase_panel.filter, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.phrase_panel.tree
    qtbot.keyClick(window.phrase_panel.tree, Qt.Key.Key_Return)
    assert window.editor.plain_text() == "同志们"
    assert QApplication.focusWidget() is window.editor
    window.actions_by_name["phrase_search"].trigger()
    assert window.phrase_panel.filter.selectedText() == "同志"  # ready for a new query
    qtbot.keyClick(window.phrase_panel.filter, Qt.Key.Key_Escape)  # one Esc: back to the document
    assert QApplication.focusWidget() is window.editor
    assert window.phrase_panel.filter.text() == "同志"  # the list found is kept


@pytest.mark.parametrize("query", ["", "高度"])
def test_one_escape_in_the_search_box_returns_to_the_document(window, qtbot, query):
    commit_text(window.editor, "正文")
    window.actions_by_name["phrase_search"].trigger()
    assert QApplication.focusWidget() is window.phrase_panel.filter
    if query:
        commit_text(window.phrase_panel.filter, query)
    qtbot.keyClick(window.phrase_panel.filter, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.editor
    commit_text(window.editor, "继续")
    assert window.editor.plain_text() == "正文继续"


def test_escape_in_the_tree_returns_to_the_document(window, qtbot):
    window.phrase_panel.focus_first_phrase()
    assert QApplication.focusWidget() is window.phrase_panel.tree
    qtbot.keyClick(window.phrase_panel.tree, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.editor


LONG_EXAMPLE = ("一、高度重视，加强领导。" + "成立了以主要负责同志为组长的领导小组，定期研究部署，层层压实责任，"
                "确保各项工作落到实处。" * 4 + "全年未发生较大事故。")


def test_selecting_phrases_never_changes_the_panel_width_and_examples_wrap(make_bank, qtbot):
    P = Phrase
    bank = make_bank([
        P("高度重视，加强领导", "measures", "heading", 9, 5, 3, example=LONG_EXAMPLE, source="总结.txt"),
        P("压实责任", "measures", "collocation", 8, 4, 3, example="层层压实责任，" + "把任务分解到岗位、落实到人员，" * 5,
          source="关于进一步加强安全生产工作的情况报告（2026年上半年）.docx"),
        P("同志们", "closing", "collocation", 5, 2, 2),
    ], name="long.db")
    window = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.phrase_panel
    panel.tree.expandAll()
    dock_width, editor_width = window.phrase_dock.width(), window.editor.width()
    for text in ["高度重视，加强领导", "压实责任", "同志们", "高度重视，加强领导", "压实责任"]:
        leaf = find_leaf(panel.model, text)
        panel.tree.scrollTo(leaf)
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualRect(leaf).center())
        QApplication.processEvents()
        assert panel.current_phrase().text == text
        assert window.phrase_dock.width() == dock_width
        assert window.editor.width() == editor_width
    # The long example is shown whole: wrapped to the preview's width, the rest reachable by scrolling.
    panel.tree.setCurrentIndex(find_leaf(panel.model, "高度重视，加强领导"))
    QApplication.processEvents()
    preview = panel.preview
    assert "全年未发生较大事故" in preview.toPlainText()
    layout_width = preview.document().size().width()
    assert layout_width <= preview.viewport().width() + 1
    assert preview.horizontalScrollBar().maximum() == 0
    hidden = preview.document().size().height() - preview.viewport().height()
    assert hidden > 0  # far longer than the pane ...
    assert preview.verticalScrollBar().maximum() >= hidden - 1  # ... and all of it reachable
    window.editor.document().setModified(False)


def test_large_group_lists_a_more_row(qtbot, tmp_path):
    b = PhraseBank(tmp_path / "big.db")
    b.replace_mined([Phrase(f"加强第{i}项工作", "measures", "collocation", 1000 - i) for i in range(ROWS_PER_GROUP + 5)])
    w = MainWindow(settings=Settings(), bank=b)
    qtbot.addWidget(w)
    model = w.phrase_panel.model
    group = model.index(0, 0, model.index(0, 0))
    assert group.data() == f"搭配 ({ROWS_PER_GROUP + 5})"
    assert model.rowCount(group) == ROWS_PER_GROUP + 1
    more = model.index(ROWS_PER_GROUP, 0, group)
    assert more.data(NODE_ROLE) == "more"
    assert "5" in more.data()
    w.phrase_panel.activate(more)
    assert model.rowCount(group) == ROWS_PER_GROUP + 5
    assert model.index(ROWS_PER_GROUP + 4, 0, group).data(NODE_ROLE) == "phrase"
    b.close()


def test_pair_postings_build_in_the_background_and_search_still_agrees(window, qtbot, monkeypatch):
    from editor.core.bank import phrase_index

    monkeypatch.setattr(phrase_index, "PAIR_MIN_PHRASES", 1)
    window.phrase_panel.refresh()
    assert not window.phrase_panel.pairs_ready()
    qtbot.waitUntil(window.phrase_panel.pairs_ready, timeout=5000)
    assert window.phrase_panel.index._pairs is not None
    commit_text(window.phrase_panel.filter, "领导")
    assert sorted(t for _, t in leaves(window.phrase_panel.model)) == ["在___的正确领导下", "高度重视，加强领导"]


def test_long_document_script_is_judged_from_samples(window):
    window.editor.setPlainText("我們堅持實事求是，認真總結經驗。\n" * 2000)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.update_context()
    assert window.editor.script == "traditional"
    window.phrase_panel.tree.doubleClicked.emit(find_leaf(window.phrase_panel.model, "同志们"))
    assert window.editor.plain_text().endswith("同志們")


def test_down_then_enter_without_a_query_inserts_the_first_phrase(window, qtbot):
    """With an empty search box the tree shows groups only; ↓ must still land on a phrase, shown."""
    window.actions_by_name["phrase_search"].trigger()
    qtbot.keyClick(window.phrase_panel.filter, Qt.Key.Key_Down)
    tree = window.phrase_panel.tree
    current = tree.currentIndex()
    assert current.data(NODE_ROLE) == "phrase"
    assert tree.visualRect(current).isValid()  # its group is open: the user sees what Enter will insert
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.editor.plain_text() == current.data(PHRASE_ROLE).text


def test_the_preview_forgets_a_phrase_the_search_hides(window, qtbot):
    panel = window.phrase_panel
    commit_text(panel.filter, "同志")
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)
    assert panel.preview.phrase is not None
    assert panel.preview.phrase.text == "同志们"
    panel.filter.clear()
    commit_text(panel.filter, "领导")
    assert panel.preview.phrase is None or "领导" in panel.preview.phrase.text
