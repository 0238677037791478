"""gui.script_convert: QTextDocument conversion keeps every character's format, one undo step."""
from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextImageFormat

from editor.core.script.converter import VOCABULARY_CONFIGS
from editor.gui.script import convert as script_convert
from editor.gui.script.convert import DocumentConversion, convert_document
from tests.core.script.test_converter import upstream_cases


def _formats() -> list[QTextCharFormat]:
    fmts = []
    for i in range(4):
        f = QTextCharFormat()
        f.setFontFamilies(["黑体"] if i == 0 else ["仿宋_GB2312"])
        f.setFontWeight(QFont.Weight.Bold if i == 1 else QFont.Weight.Normal)
        f.setFontItalic(i == 2)
        f.setForeground(QColor(["#000000", "#ff0000", "#0000ff", "#008000"][i]))
        f.setFontPointSize(12 + 2 * i)
        fmts.append(f)
    return fmts


def _key(fmt: QTextCharFormat) -> tuple:
    return (tuple(fmt.fontFamilies() or []), fmt.fontWeight(), fmt.fontItalic(), fmt.foreground().color().name(),
            fmt.fontPointSize())


def build(doc: QTextDocument, paragraphs: list[str]) -> None:
    """One block per paragraph, each character its own format (so its own run)."""
    fmts = _formats()
    cur = QTextCursor(doc)
    cur.beginEditBlock()
    for n, text in enumerate(paragraphs):
        if n:
            cur.insertBlock()
        for i, ch in enumerate(text):
            cur.insertText(ch, fmts[i % len(fmts)])
    cur.endEditBlock()
    doc.clearUndoRedoStacks()


def char_formats(doc: QTextDocument) -> list[list[tuple[str, tuple]]]:
    """Per block: (character, format key) of every character."""
    result = []
    block = doc.begin()
    while block.isValid():
        chars = []
        # textFormats() counts UTF-16 units; Python strings count code points.
        units = block.text().encode("utf-16-le")
        for rng in block.textFormats():
            piece = units[2 * rng.start:2 * (rng.start + rng.length)].decode("utf-16-le")
            chars.extend((ch, _key(rng.format)) for ch in piece)
        result.append(chars)
        block = block.next()
    return result


def _by_config() -> dict[str, list[tuple[str, str]]]:
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _, cfg, text, expected in upstream_cases():
        grouped[cfg].append((text, expected))
    return grouped


@pytest.mark.parametrize("config", sorted(_by_config()))
def test_upstream_cases_in_a_formatted_document(qapp, config):
    cases = _by_config()[config]
    doc = QTextDocument()
    build(doc, [t for t, _ in cases])
    before = char_formats(doc)
    convert_document(doc, config)
    after = char_formats(doc)
    assert doc.toPlainText().split("\u2029") == [e for _, e in cases] or \
        doc.toPlainText().split("\n") == [e for _, e in cases]
    for (text, expected), fb, fa in zip(cases, before, after):
        assert "".join(ch for ch, _ in fa) == expected
        if len(text) == len(expected) and config not in VOCABULARY_CONFIGS:
            # Formatting per character unchanged.
            assert [k for _, k in fa] == [k for _, k in fb]
        else:
            # Length changed: every format still comes from the source, in order.
            src_keys = [k for _, k in fb]
            pos = 0
            for _, k in fa:
                while pos < len(src_keys) and src_keys[pos] != k:
                    pos += 1
                assert pos < len(src_keys), (text, expected)
    doc.undo()
    assert doc.toPlainText().split("\n") == [t for t, _ in cases]
    assert char_formats(doc) == before
    assert not doc.isUndoAvailable()


def test_phrase_across_format_change(qapp):
    doc = QTextDocument()
    build(doc, ["头发发展"])
    convert_document(doc, "s2t")
    assert [ch for ch, _ in char_formats(doc)[0]] == list("頭髮發展")
    assert [k for _, k in char_formats(doc)[0]] == [k for k in [_key(f) for f in _formats()]]


def test_selection_only(qapp):
    doc = QTextDocument()
    doc.setPlainText("头发一\n头发二\n头发三")
    start = doc.findBlockByNumber(0).position() + 2
    end = doc.findBlockByNumber(2).position() + 1
    convert_document(doc, "s2t", start=start, end=end)
    assert doc.toPlainText() == "头发一\n頭髮二\n頭发三"


def test_protected_terms(qapp):
    doc = QTextDocument()
    build(doc, ["余小明同志的头发", "余下的"])
    convert_document(doc, "s2t", ["余小明"])
    assert doc.toPlainText() == "余小明同志的頭髮\n餘下的"


def test_images_stay_and_are_phrase_boundaries(qapp):
    doc = QTextDocument()
    cur = QTextCursor(doc)
    cur.insertText("头发")
    image = QTextImageFormat()
    image.setName("data:image/png;base64,iVBORw0KGgo=")
    image.setWidth(10)
    cur.insertImage(image)
    cur.insertText("发展")
    convert_document(doc, "s2t")
    block = doc.begin()
    assert block.text() == "頭髮\ufffc發展"
    it = block.begin()
    kinds = []
    while not it.atEnd():
        kinds.append(it.fragment().charFormat().isImageFormat())
        it += 1
    assert True in kinds


def test_characters_outside_the_bmp(qapp):
    doc = QTextDocument()
    build(doc, ["𠮷头发𠮷发展"])
    convert_document(doc, "s2t")
    assert doc.toPlainText() == "𠮷頭髮𠮷發展"
    assert [k for _, k in char_formats(doc)[0]] == [_key(f) for f in (_formats() * 2)[:6]]


def test_length_changes_keep_neighbours_in_place(qapp):
    doc = QTextDocument()
    build(doc, ["我的U盘坏了"])
    convert_document(doc, "s2twp")
    chars = char_formats(doc)[0]
    assert "".join(ch for ch, _ in chars) == "我的隨身碟壞了"
    keys = [_key(f) for f in _formats()]
    assert chars[0][1] == keys[0]
    assert chars[1][1] == keys[1]
    assert chars[-2][1] == keys[0]  # 壞 was 坏, the fifth character
    assert chars[-1][1] == keys[1]


def test_sliced_conversion_is_one_undo_step_and_cancellable(qtbot, monkeypatch):
    monkeypatch.setattr(script_convert, "SYNC_LIMIT", 10)
    monkeypatch.setattr(script_convert, "SLICE_MS", 0)  # one paragraph per slice
    doc = QTextDocument()
    doc.setPlainText("\n".join(["关于头发发展的通知"] * 50))
    doc.clearUndoRedoStacks()
    job = DocumentConversion(doc, "s2t")
    progress: list[int] = []
    job.progress.connect(lambda done, total: progress.append(done))
    with qtbot.waitSignal(job.finished, timeout=10000) as blocker:
        job.start()
        assert job.running  # it really runs from the event loop
    assert blocker.args == [True]
    assert len(progress) > 1
    assert doc.toPlainText() == "\n".join(["關於頭髮發展的通知"] * 50)
    doc.undo()
    assert doc.toPlainText() == "\n".join(["关于头发发展的通知"] * 50)
    assert not doc.isUndoAvailable()

    job = DocumentConversion(doc, "s2t")
    job.progress.connect(lambda done, total: job.cancel() if done >= 3 else None)
    with qtbot.waitSignal(job.finished, timeout=10000) as blocker:
        job.start()
    assert blocker.args == [False]
    assert doc.toPlainText() == "\n".join(["关于头发发展的通知"] * 50)


def test_first_slice_without_changes_does_not_join_earlier_typing(qtbot, monkeypatch):
    monkeypatch.setattr(script_convert, "SYNC_LIMIT", 10)
    monkeypatch.setattr(script_convert, "SLICE_MS", 0)
    doc = QTextDocument()
    doc.setPlainText("\n".join(["abc"] * 5 + ["头发"] * 5))
    doc.clearUndoRedoStacks()
    cur = QTextCursor(doc)
    cur.insertText("x")  # the user's own edit, its own undo step
    job = DocumentConversion(doc, "s2t")
    with qtbot.waitSignal(job.finished, timeout=10000):
        job.start()
    doc.undo()
    assert doc.toPlainText().startswith("xabc")
    assert doc.toPlainText().endswith("头发")


def test_garbage_collection_is_back_on_after_a_sliced_conversion(qtbot, monkeypatch):
    import gc

    monkeypatch.setattr(script_convert, "SYNC_LIMIT", 10)
    doc = QTextDocument()
    doc.setPlainText("\n".join(["头发"] * 20))
    assert gc.isenabled()
    for cancel in (False, True):
        job = DocumentConversion(doc, "s2t")
        with qtbot.waitSignal(job.finished, timeout=10000):
            job.start()
            assert not gc.isenabled()
            if cancel:
                job.cancel()
        assert gc.isenabled()
