"""Without the standard 公文 fonts: export naming this machine's substitutes keeps the font hierarchy."""
from __future__ import annotations

import subprocess
import zipfile

import pytest
from PySide6.QtWidgets import QApplication

from editor.core import fonts
from editor.gui.output.export_actions import ExportActions
from editor.gui.output.font_report import FontReportDialog, installed_families, report_for
from tests.conftest import libreoffice_or_skip

DRAFT = "关于做好年度工作的通知\n各单位：\n一、总体要求\n（一）加强领导\n各单位要高度重视，认真组织。"


def styles_of(path):
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/styles.xml").decode("utf-8")


def pdf_fonts(pdf):
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}


@pytest.fixture
def opened(open_draft):
    return open_draft(DRAFT)


def test_font_check_points_to_the_local_font_export_which_names_substitutes(opened, no_blocking_dialogs, tmp_path):
    report = report_for(None)
    missing = [s for s in report if not s.installed]
    if not missing:
        pytest.skip("this machine has every standard 公文 font")
    opened.actions_by_name["font_report"].trigger()
    dialog = opened.feature(ExportActions).font_dialog
    assert isinstance(dialog, FontReportDialog)
    assert "导出为公文格式(本机字体)" in dialog.summary.text()
    assert dialog.export_local.isEnabled()
    target = tmp_path / "local.docx"
    no_blocking_dialogs.answers["save"] = str(target)
    dialog.export_local.click()  # the dialog's button runs File ▸ 导出为公文格式(本机字体)
    QApplication.processEvents()
    assert target.exists()
    styles = styles_of(target)
    have = installed_families()
    for cls in ("fangsong", "heiti", "kaiti"):
        sub = fonts.resolve(cls, have)
        assert f'w:eastAsia="{sub}"' in styles, cls
        assert f'w:eastAsia="{fonts.standard(cls)}"' not in styles or sub == fonts.standard(cls)
    assert "用本机字体代替" in opened.statusBar().currentMessage()

    standard = tmp_path / "standard.docx"
    no_blocking_dialogs.answers["save"] = str(standard)
    opened.actions_by_name["export_official"].trigger()
    assert f'w:eastAsia="{fonts.standard("fangsong")}"' in styles_of(standard)
    assert "导出为公文格式(本机字体)" in opened.statusBar().currentMessage()

    # Laid out by LibreOffice here: the local file keeps heiti and fangsong apart.
    exe = libreoffice_or_skip()
    for docx in (target, standard):
        subprocess.run([exe, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    def cjk(pdf):
        return {f for f in pdf_fonts(pdf) if "CJK" in f or any(ord(c) > 0x2E80 for c in f)}

    if fonts.resolve("heiti", have) != fonts.resolve("fangsong", have):
        # The standard names fall back to one font; the substitutes keep 黑体 and 仿宋 apart.
        assert len(cjk(tmp_path / "local.pdf")) > len(cjk(tmp_path / "standard.pdf")), (
            cjk(tmp_path / "local.pdf"), cjk(tmp_path / "standard.pdf"))
