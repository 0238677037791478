"""LibreOffice lays out an exported speech: A4, 22 lines a full page, 28 characters a full line."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from editor.cli import main
from tests.conftest import libreoffice_or_skip

PARA = ("今年以来，全市上下坚持以新时代中国特色社会主义思想为指导，认真贯彻落实上级决策部署，"
        "围绕中心、服务大局，扎实推进各项工作，经济社会发展取得了明显成效，人民群众获得感不断增强。")


def speech() -> str:
    lines = ["在全市2024年工作会议上的讲话", "同志们：", "一、过去一年的主要工作"]
    lines += [PARA * 2 for _ in range(14)]
    return "\n".join(lines) + "\n"


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_layout_matches_the_official_grid(tmp_path):
    soffice = libreoffice_or_skip()
    for tool in ("pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} (poppler-utils) not installed")
    draft = tmp_path / "speech.txt"
    draft.write_text(speech(), encoding="utf-8")
    out = tmp_path / "speech.docx"
    assert main(["export", str(draft), str(out), "--style", "official"]) == 0
    profile = f"file://{tmp_path / 'lo-profile'}"
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "speech.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    pages_count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages_count >= 3
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == pages_count
    full_lines = 0
    for number, page in enumerate(pages, 1):
        lines = [ln.strip() for ln in page.splitlines()]
        folio = [ln for ln in lines if re.fullmatch(r"—\s*\d+\s*—", ln)]
        assert folio == [f"—{number}—"] or folio == [f"— {number} —"], folio
        body = [ln for ln in lines if ln and ln not in folio]
        if number < len(pages):
            assert len(body) == 22, (number, len(body))  # every full page holds exactly 22 lines
        for ln in body:
            chars = len(ln.replace(" ", ""))
            assert chars <= 28, ln
            full_lines += chars == 28
        # odd page numbers sit right, even ones left (one character in)
        raw = next(r for r in page.splitlines() if "—" in r and re.search(r"\d", r))
        indent = len(raw) - len(raw.lstrip())
        assert (indent > 10) if number % 2 else (indent < 4), (number, raw)
    assert full_lines >= 40  # 28 characters on every full line of Chinese text
    # and the DOCX gives the draft back unchanged
    back = tmp_path / "back.txt"
    assert main(["export", str(out), str(back)]) == 0
    assert back.read_text(encoding="utf-8") == draft.read_text(encoding="utf-8")


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_renders_a_resaved_word_file_with_everything_kept(tmp_path):
    from editor.core.formats.document_files import read_document, write_document
    from tests.docx_fixtures import rich_word_file

    soffice = libreoffice_or_skip()
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    doc = read_document(rich_word_file(tmp_path / "word.docx"))
    doc.paragraphs[2].runs[0].text = "全年以来，"
    out = tmp_path / "resaved.docx"
    write_document(doc, out)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "resaved.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for needle in ("页眉文字", "脚注内容", "全年以来，成绩显著", "（一）具体措施", "100%"):
        assert needle in text, needle
