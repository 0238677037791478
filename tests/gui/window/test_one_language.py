"""Messages from the core are bilingual for the CLI; a Chinese window shows them in Chinese only."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale


@pytest.fixture
def bank(make_bank):
    return make_bank([])


@pytest.fixture
def locale():
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_a_chinese_window_says_why_a_file_cannot_open_in_chinese_only(make_window, tmp_path, no_blocking_dialogs,
                                                                      locale):
    locale("zh_CN")
    bad = tmp_path / "报告.docx"
    bad.write_bytes(b"this is not a zip file at all")
    window = make_window()
    assert not window.session.open_path(bad)
    title, text = no_blocking_dialogs.shown[-1]
    assert "报告.docx" in text  # names the file
    assert text.startswith(str(bad))
    reason = text[len(str(bad)):]
    assert "不是 Word" in reason
    assert not any("a" <= c.lower() <= "z" for c in reason.replace("docx", "").replace("Word", "").replace("txt", ""))


def test_an_english_window_keeps_the_english_half(make_window, tmp_path, no_blocking_dialogs, locale):
    locale("en_US")
    bad = tmp_path / "报告.docx"
    bad.write_bytes(b"this is not a zip file at all")
    window = make_window()
    assert not window.session.open_path(bad)
    assert " / " in no_blocking_dialogs.shown[-1][1]


def test_progress_labels_lose_their_english_halves(locale):
    from editor.gui.i18n import one_language

    locale("zh_TW")
    assert one_language("挖掘短语 / mining phrases（约剩 2 秒 / about 2 s left）") == "挖掘短语（约剩 2 秒）"
    assert one_language("/home/a b/总结.txt: 文件是空的 / the file is empty") == "/home/a b/总结.txt: 文件是空的"
