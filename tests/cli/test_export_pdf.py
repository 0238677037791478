"""`yuku export IN OUT.pdf --style official|plain`: the DOCX's page, laid out by LibreOffice."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from editor.cli import main
from tests.conftest import libreoffice_or_skip
from tests.docx_fixtures import rich_word_file
from tests.pdf_pages import body_lines, page_count, page_number, page_size

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

PARA = "各单位要高度重视，认真组织，确保各项工作落到实处，按时完成任务目标。"
DRAFT = "\n".join(["关于做好年度工作的通知", "一、总体要求", *[PARA * 3] * 20])


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_official_pdf_from_a_draft(draft, tmp_path):
    libreoffice_or_skip()
    out = tmp_path / "out.pdf"
    assert main(["export", str(draft), str(out), "--style", "official"]) == 0
    assert [round(v) for v in page_size(out)] == [595, 842]
    assert page_count(out) >= 2
    full = body_lines(out, 2)
    assert len(full) == 22
    assert max(len(t) for _x, t in full) == 28
    assert page_number(out, 1).text == "—1—"
    assert page_number(out, 2).text == "—2—"
    assert page_number(out, 1).x0 > page_number(out, 2).x0 + 300  # odd right, even left


def test_plain_pdf_from_a_draft_and_from_a_docx(draft, tmp_path):
    libreoffice_or_skip()
    out = tmp_path / "plain.pdf"
    assert main(["export", str(draft), str(out), "--style", "plain"]) == 0
    assert abs(min(x for x, _t in body_lines(out, 1)) - 90) < 3
    assert page_number(out, 1) is None
    word = rich_word_file(tmp_path / "rich.docx")
    out2 = tmp_path / "rich.pdf"
    assert main(["export", str(word), str(out2), "--style", "plain"]) == 0
    text = "".join(t for _x, t in body_lines(out2, 1))
    assert "关于做好年度工作的通知" in text
    assert "页眉文字" in text  # the Word file's own header: its package is laid out, not a copy


def test_without_libreoffice_one_sentence_and_exit_1(draft, tmp_path):
    env = {"YUKU_SOFFICE": ""}
    out = subprocess.run([sys.executable, "-m", "editor", "export", str(draft), str(tmp_path / "o.pdf")],
                         capture_output=True, text=True, timeout=120, env={**os.environ, **env})
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1
    assert "LibreOffice" in out.stderr
    assert not (tmp_path / "o.pdf").exists()


def test_local_fonts_option_names_substitutes(draft, tmp_path):
    import zipfile

    from editor.core import fonts
    from editor.core.formats.pdf_export import installed_font_families

    have = installed_font_families()
    sub = fonts.resolve("fangsong", have)
    if sub == fonts.standard("fangsong"):
        pytest.skip("仿宋_GB2312 is installed here")
    out = tmp_path / "local.docx"
    assert main(["export", str(draft), str(out), "--style", "official", "--local-fonts"]) == 0
    with zipfile.ZipFile(out) as zf:
        assert f'w:eastAsia="{sub}"' in zf.read("word/styles.xml").decode("utf-8")
