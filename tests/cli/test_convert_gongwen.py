"""`yuku convert` of a 公文: front-matter keys, 类型 and fixed words stay standard; a DOCX's stored parts convert."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from editor.cli import main
from editor.core.formats.document_files import read_document, write_document
from editor.core.formats.docx import custom_props
from editor.core.formats.docx.convert import paragraph_texts
from editor.core.gongwen import front_matter
from editor.core.gongwen.parts import to_properties
from editor.core.model.document import Document

DRAFT = """---
类型: 通知
发文机关标志: 江城市某某局文件
发文字号: 江某发〔2026〕3号
主送: 各区县教育局
附件: 1. 关于头发的说明
  2. 发展规划
发文机关署名: 江城市某某局
成文日期: 2026年12月7日
印发机关: 江城市某某局办公室
印发日期: 2026年12月7日
---
关于开展安全检查的通知
各单位要认真组织开展检查。
"""


def yuku(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120)


@pytest.mark.parametrize("config", ["s2t", "s2twp"])
def test_converted_draft_keeps_its_front_matter_and_exports_every_part(tmp_path, config):
    src, dst, out = tmp_path / "draft.txt", tmp_path / "d_t.txt", tmp_path / "out.docx"
    src.write_text(DRAFT, encoding="utf-8")
    done = yuku("convert", str(src), str(dst), "--config", config)
    assert done.returncode == 0, done.stderr
    text = dst.read_text(encoding="utf-8")
    fm = front_matter.split(text)
    assert not fm.unknown  # every key still a standard name
    assert not fm.unkept
    assert list(fm.key_lines) == ["类型", "发文机关标志", "发文字号", "主送", "附件", "发文机关署名", "成文日期",
                                  "印发机关", "印发日期"]
    assert fm.parts.get("类型") == "通知"
    assert fm.parts.get("发文机关标志") == ["江城市某某局文件"]  # 文件, not 檔案 under 台湾用语
    assert fm.parts.get("发文字号") == "江某發〔2026〕3號"  # 〔〕 kept
    assert fm.parts.get("附件") == ["關於頭髮的說明", "發展規劃"]
    assert fm.parts.get("印发机关") == "江城市某某局辦公室"
    assert fm.body.startswith("關於開展安全檢查的通知\n")
    assert text.splitlines()[6] == "  2. 發展規劃"  # the continuation line keeps its indent

    done = yuku("export", str(dst), str(out), "--style", "official")
    assert done.returncode == 0, done.stderr
    assert "缺少" not in done.stderr
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[:3] == ["江城市某某局文件", "江某發〔2026〕3號", "關於開展安全檢查的通知"]
    assert "江城市某某局" in paragraphs  # 署名
    assert any(p.startswith("江城市某某局辦公室\t") for p in paragraphs)  # 印发机关 in the 版记


def test_draft_without_front_matter_converts_whole_and_line_endings_stay(tmp_path):
    src, dst = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_bytes("---\r\n标题: 头发\r\n---\r\n头发\r\n".encode())  # not 公文要素: converted as text
    assert main(["convert", str(src), str(dst), "-c", "s2t"]) == 0
    assert dst.read_bytes() == "---\r\n標題: 頭髮\r\n---\r\n頭髮\r\n".encode()
    src.write_bytes("---\r\n文种: 通知\r\n主送: 各单位\r\n---\r\n头发\r\n".encode())
    assert main(["convert", str(src), str(dst), "-c", "s2t"]) == 0
    assert dst.read_bytes() == "---\r\n文种: 通知\r\n主送: 各單位\r\n---\r\n頭髮\r\n".encode()


def test_converting_back_restores_the_draft(tmp_path):
    src, mid, back = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    src.write_text(DRAFT, encoding="utf-8")
    assert main(["convert", str(src), str(mid), "-c", "s2t"]) == 0
    assert main(["convert", str(mid), str(back), "-c", "t2s"]) == 0
    assert back.read_text(encoding="utf-8") == DRAFT


def official_docx(path: Path) -> Path:
    fm = front_matter.split(DRAFT)
    doc = Document.from_plain_text(fm.body)
    doc.properties = to_properties(fm.parts)
    write_document(doc, path)
    return path


def test_docx_stored_parts_convert_except_the_type(tmp_path):
    src, dst = official_docx(tmp_path / "s.docx"), tmp_path / "t.docx"
    done = yuku("convert", str(src), str(dst), "--config", "s2twp", "--json")
    assert done.returncode == 0, done.stderr
    assert "docProps/custom.xml" in done.stdout
    props = custom_props.read(dst.read_bytes())
    assert props["Yuku.公文.类型"] == "通知"
    assert props["Yuku.公文.发文机关标志"] == "江城市某某局文件"
    assert props["Yuku.公文.发文字号"] == "江某發〔2026〕3號"
    assert props["Yuku.公文.主送"] == "各區縣教育局"
    assert props["Yuku.公文.附件"] == "關於頭髮的說明\n發展規劃"
    assert paragraph_texts(dst)[0] == "關於開展安全檢查的通知"
    reopened = read_document(dst)  # what the editor's form shows
    assert reopened.properties == props
    assert list(props) == list(custom_props.read(src.read_bytes()))  # same properties, same order


def test_docx_without_stored_parts_keeps_its_properties_part(tmp_path):
    src, dst = tmp_path / "s.docx", tmp_path / "t.docx"
    write_document(Document.from_plain_text("头发"), src)
    assert main(["convert", str(src), str(dst), "-c", "s2t"]) == 0
    assert custom_props.read(dst.read_bytes()) == {}
    assert paragraph_texts(dst) == ["頭髮"]


def test_official_docx_red_head_in_the_body_keeps_its_word(tmp_path):
    draft, src, dst = tmp_path / "d.txt", tmp_path / "s.docx", tmp_path / "t.docx"
    draft.write_text(DRAFT, encoding="utf-8")
    assert main(["export", str(draft), str(src), "--style", "official"]) == 0
    assert main(["convert", str(src), str(dst), "-c", "s2twp"]) == 0
    texts = paragraph_texts(dst)
    assert texts[0] == "江城市某某局文件"  # the 版头, laid out in the body
    assert texts[1] == "江某發〔2026〕3號"
