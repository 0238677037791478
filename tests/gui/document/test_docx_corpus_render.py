"""LibreOffice renders real Word files the same after they went through the editor and were patched.

Unedited saves are the source file byte for byte (test_docx_corpus.py), so here every block is
marked edited: each paragraph, table and content control is rebuilt by the patching writer, the
hardest case for the look. Every openable file of the corpus (SAMPLE_STEP = 1; about 2 minutes on
two cores, raise it to sample if CI needs the time) is rendered before and after: the same page
count and under 1 % of pixels different on each of the first three pages, for at least 95 % of them.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from editor.core.errors import YukuError
from editor.core.formats.document_files import read_document
from editor.core.formats.docx.files import docx_bytes
from editor.core.formats.registry import PLAIN_STYLE_ID, export_style
from editor.core.model.document import Paragraph, Table
from editor.gui.document.bridge import load_model, to_model
from tests.conftest import libreoffice_or_skip
from tests.gui.document.test_docx_corpus import FILES

PLAIN = export_style(PLAIN_STYLE_ID)  # what File ▸ Save writes
SAMPLE_STEP = 1
PAGES = 3
DPI = 40
SHADE = 48  # grey levels two pixels may differ by and still count as the same


def _touch(blocks: list[Paragraph] | list[Paragraph | Table]) -> None:
    """Mark every block edited, so saving rebuilds it through the patching writer."""
    for block in blocks:
        block.base = None
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    _touch(cell)


def _pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields = data.split(maxsplit=4)  # P5 width height maxval pixels
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[len(data) - width * height:]


def _pages(pdf: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-l", str(PAGES), str(pdf), str(out)],
                   check=True, capture_output=True, timeout=120)
    return sorted(out.parent.glob(out.name + "*.pgm"))


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    return next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), -1)


def _differ(a: Path, b: Path) -> float:
    wa, ha, pa = _pgm(a)
    wb, hb, pb = _pgm(b)
    if (wa, ha) != (wb, hb):
        return 1.0
    if pa == pb:
        return 0.0
    return sum(1 for x, y in zip(pa, pb) if abs(x - y) > SHADE) / len(pa)


def _same_render(before: Path, after: Path, work: Path) -> str:
    """"" when two PDFs look the same, else why not."""
    if _page_count(before) != _page_count(after):
        return f"pages {_page_count(before)} -> {_page_count(after)}"
    pa, pb = _pages(before, work / "a"), _pages(after, work / "b")
    if len(pa) != len(pb):
        return "rendered pages differ"
    for n, (a, b) in enumerate(zip(pa, pb), 1):
        share = _differ(a, b)
        if share >= 0.01:
            return f"page {n}: {share:.1%} of pixels differ"
    return ""


@pytest.mark.libreoffice
@pytest.mark.slow
def test_patched_saves_render_like_the_originals(qtbot, tmp_path):
    soffice = libreoffice_or_skip()
    for tool in ("pdftoppm", "pdfinfo"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} (poppler-utils) not installed")
    src_dir, out_dir = tmp_path / "src", tmp_path / "out"
    src_dir.mkdir()
    out_dir.mkdir()
    names = []
    for i, path in enumerate(FILES[::SAMPLE_STEP]):
        try:
            doc = read_document(path)
        except YukuError:
            continue
        qdoc = QTextDocument()
        load_model(qdoc, doc)
        model = to_model(qdoc)
        _touch(model.blocks)
        name = f"f{i:03d}.docx"
        shutil.copy(path, src_dir / name)
        (out_dir / name).write_bytes(docx_bytes(model, PLAIN))
        names.append(name)
    assert len(names) >= 70 // SAMPLE_STEP
    profile = f"file://{tmp_path / 'lo-profile'}"
    for folder in (src_dir, out_dir):
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder), *[str(folder / n) for n in names]],
                       capture_output=True, timeout=1500, check=False)
    failures = {}
    compared = 0
    for name in names:
        before, after = (src_dir / name).with_suffix(".pdf"), (out_dir / name).with_suffix(".pdf")
        if not before.exists():
            continue  # LibreOffice cannot render the original either
        compared += 1
        work = tmp_path / "pages" / name
        work.mkdir(parents=True)
        why = _same_render(before, after, work) if after.exists() else "no render of the saved file"
        if why:
            failures[name] = why
    print(f"compared {compared}, differ {len(failures)}: {failures}")
    assert compared >= 60 // SAMPLE_STEP
    assert len(failures) <= 0.05 * compared, failures
