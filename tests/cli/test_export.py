"""`yuku export`: drafts to DOCX (official or plain), DOCX to text, and its one-line errors."""
from __future__ import annotations

import subprocess
import sys

import docx
import pytest

from editor.cli import main
from editor.core.settings import Settings

DRAFT = "关于开展专项检查的通知\n\n一、检查范围\n（一）重点单位\n1.市直部门\n各单位要在___前完成自查。\n"


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_official_export_and_back(draft, tmp_path, capsys):
    out = tmp_path / "out.docx"
    assert main(["export", str(draft), str(out), "--style", "official"]) == 0
    err = capsys.readouterr().err
    assert "1 处空白" in err  # the blank is reported, the export still happens
    d = docx.Document(str(out))
    assert [p.style.name for p in d.paragraphs] == ["Title", "Normal", "Heading 1", "Heading 2", "Heading 3", "Normal"]
    assert round(d.sections[0].left_margin.mm) == 28
    back = tmp_path / "back.txt"
    assert main(["export", str(out), str(back)]) == 0
    assert back.read_text(encoding="utf-8") == DRAFT


def test_plain_style_and_default_from_settings(draft, tmp_path):
    Settings().set("export_style", "plain")
    out = tmp_path / "plain.docx"
    assert main(["export", str(draft), str(out)]) == 0
    d = docx.Document(str(out))
    assert round(d.sections[0].top_margin.mm) == 25  # Word's default page, not the official one
    assert d.paragraphs[2].style.name == "Heading 1"  # headings still recognised


def test_gbk_draft_is_read(tmp_path):
    src = tmp_path / "gbk.txt"
    src.write_bytes("关于加强管理的意见\n一、总体要求\n各部门要高度重视，认真落实各项措施。\n".encode("gb18030"))
    out = tmp_path / "o.docx"
    assert main(["export", str(src), str(out)]) == 0
    assert docx.Document(str(out)).paragraphs[1].text == "一、总体要求"


@pytest.mark.parametrize(("args", "fragment"), [
    (["{tmp}/missing.txt", "{tmp}/o.docx"], "不存在"),
    (["{tmp}/draft.txt", "{tmp}/o.odt"], "不支持的输出类型"),
    (["{tmp}/draft.txt", "{tmp}/draft.txt"], "相同"),
    (["{tmp}/draft.csv", "{tmp}/o.docx"], "不支持的输入类型"),
    (["{tmp}/draft.txt", "{tmp}/nofolder/o.docx"], "输出文件夹不存在"),
])
def test_bad_input_is_one_line(tmp_path, draft, capsys, args, fragment):
    (tmp_path / "draft.csv").write_text("a,b", encoding="utf-8")
    code = main(["export", *[a.format(tmp=tmp_path) for a in args]])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("yuku: ")
    assert fragment in err
    assert err.count("\n") == 1


def test_same_file_in_and_out_is_refused(tmp_path, capsys):
    src = tmp_path / "a.docx"
    assert main(["export", str(tmp_path / "missing.txt"), str(src)]) == 2
    capsys.readouterr()
    (tmp_path / "d.txt").write_text("标题\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "d.txt"), str(src)]) == 0
    assert main(["export", str(src), str(src)]) == 2
    assert "相同" in capsys.readouterr().err


def test_real_process_exit_code_and_stderr(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    proc = subprocess.run([sys.executable, "-m", "editor", "export", str(bad), str(tmp_path / "o.txt")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "旧版 .doc" in proc.stderr


def test_what_the_official_layout_leaves_out_is_named(tmp_path, capsys):
    from tests.docx_fixtures import rich_word_file

    src = rich_word_file(tmp_path / "word.docx")
    assert main(["export", str(src), str(tmp_path / "o.docx"), "--style", "official"]) == 0
    err = capsys.readouterr().err
    assert "脚注、批注、图片" in err
    assert main(["export", str(src), str(tmp_path / "p.docx"), "--style", "plain"]) == 0
    assert capsys.readouterr().err == ""  # plain keeps them
