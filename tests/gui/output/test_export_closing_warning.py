"""The editor's exports warn, as `yuku export` does, when the 落款 will stand alone on a page (layout.ALONE)."""
from __future__ import annotations

import shutil

import pytest

from editor.core.gongwen.layout import ALONE
from editor.gui.output.export_actions import ExportActions

HEAD = ("---\n类型: 通知\n发文机关标志: 江城市人民政府办公室文件\n主送: 各区人民政府\n"
        "发文机关署名: 江城市人民政府办公室\n成文日期: 2026年12月7日\n---\n关于开展安全生产大检查的通知\n")
LONG = "各单位要高度重视，加强组织领导，明确责任分工，细化工作措施，确保检查取得实效，" * 20 + "切实保障安全。"


def draft(n: int) -> str:
    """The notice with n one-line paragraphs before a last paragraph of about 29 lines."""
    return HEAD + "".join(f"第{i:02d}项工作已经按照要求全面完成并报送。\n" for i in range(n)) + LONG + "\n"


def alone_in_cli(tmp_path, n: int, capsys) -> bool:
    """Whether `yuku export` warns for draft(n)."""
    from editor.cli import main

    src = tmp_path / f"cli{n}.txt"
    src.write_text(draft(n), encoding="utf-8")
    assert main(["export", str(src), str(tmp_path / f"cli{n}.docx")]) == 0
    return ALONE in capsys.readouterr().err


@pytest.fixture
def cases(tmp_path, capsys) -> tuple[int, int]:
    """A length the CLI warns for and one it does not."""
    warned = {n: alone_in_cli(tmp_path, n, capsys) for n in range(0, 23)}
    alone = next(n for n, w in warned.items() if w)
    fine = next(n for n, w in warned.items() if not w)
    return alone, fine


def test_official_and_pdf_exports_warn_in_the_status_bar_as_the_cli_does(open_draft, qtbot, tmp_path, no_blocking_dialogs,
                                                                       cases, monkeypatch):
    alone, fine = cases
    shown: list[tuple[str, str]] = []
    for n, expected in ((alone, True), (fine, False)):
        window = open_draft(draft(n))
        actions = window.feature(ExportActions)
        no_blocking_dialogs.answers["save"] = str(tmp_path / f"gui{n}.docx")
        window.actions_by_name["export_official"].trigger()
        assert (tmp_path / f"gui{n}.docx").exists()
        status = window.statusBar().currentMessage()
        assert ("落款（署名、成文日期）将单独成页" in status) is expected, (n, status)
        assert ("落款" in actions.last_note) is expected
        # PDF: with LibreOffice (the laid-out DOCX converted) and without it (Yuku's own layout) alike.
        for soffice in (True, False):
            if soffice and shutil.which("soffice") is None:
                continue
            with monkeypatch.context() as patch:
                if not soffice:
                    patch.setattr("editor.core.formats.pdf_export.find_soffice", lambda: None)
                no_blocking_dialogs.answers["save"] = str(tmp_path / f"gui{n}{soffice}.pdf")
                window.actions_by_name["export_pdf"].trigger()
            assert (tmp_path / f"gui{n}{soffice}.pdf").exists()
            assert ("将单独成页" in window.statusBar().currentMessage()) is expected, (n, soffice)
        shown.extend(no_blocking_dialogs.shown)
    assert not shown  # a status bar message, never a dialog
