"""PDF in a style's page layout: the DOCX Yuku writes, laid out by LibreOffice, and the page set-up.

Why LibreOffice: the PDF must be the same page as the DOCX (official: A4, 37/35/28/26 mm, 22 lines
of 28 characters, "— 1 —" alternating), and the surest way is to let one layout engine lay out the
very file Yuku writes. Without LibreOffice the command line says so in one sentence; the editor
falls back to its own Qt renderer (editor/gui/output/page_render.py), which uses `page_setup` too.

A PDF is read on the machine that made it, so it names this machine's fonts: the standard 公文
fonts where installed, else their substitutes (fonts.resolve), never a font nobody here has.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editor.core import fonts
from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.formats import official_style as official
from editor.core.model.document import Document

TWIPS_PER_MM = 1440 / 25.4
CONVERT_TIMEOUT_S = 180
NO_LIBREOFFICE = ("需要 LibreOffice 才能按版式导出 PDF：请安装 LibreOffice（soffice），或在语库中用“导出为 PDF” / "
                  "LibreOffice (soffice) is needed to export PDF from the command line")


@dataclass(frozen=True)
class PageSetup:
    """Paper and margins in millimetres, and whether pages carry official "— 1 —" numbers."""

    width: float = 210.0
    height: float = 297.0
    top: float = 25.4
    bottom: float = 25.4
    left: float = 31.75
    right: float = 31.75
    page_numbers: bool = False
    line_pitch_pt: float | None = None  # the official grid: exact line pitch
    char_pt: float | None = None  # the official grid: advance of one CJK character
    footer_mm: float = 0.0  # page bottom edge to the footer's bottom


OFFICIAL_PAGE = PageSetup(official.PAGE_W, official.PAGE_H, official.MARGIN_TOP, official.MARGIN_BOTTOM,
                          official.MARGIN_LEFT, official.MARGIN_RIGHT, page_numbers=True,
                          line_pitch_pt=official.LINE_PITCH_PT, char_pt=official.CHAR_PT,
                          footer_mm=official.MARGIN_BOTTOM - 12)
PLAIN_PAGE = PageSetup()  # styles.plain_preset: A4, 1440/1800 twips margins


def page_setup(doc: Document, style: str) -> PageSetup:
    """The page a document prints on in a style (a Word file's own section in the plain style)."""
    if style == official.OFFICIAL_STYLE.id:
        return OFFICIAL_PAGE
    if doc.source is None:
        return PLAIN_PAGE
    return _section_page(_body_section(doc.source))


# The last package read (by identity) and its page: page view asks again on every relayout.
_last_section: tuple[bytes, dict[str, float | None]] | None = None
_PAGE_FIELDS = {"width": ("pgSz", "w"), "height": ("pgSz", "h"), "top": ("pgMar", "top"),
                "bottom": ("pgMar", "bottom"), "left": ("pgMar", "left"), "right": ("pgMar", "right")}


def _body_section(package: bytes) -> dict[str, float | None]:
    """Paper and margins (mm) in the body's own w:sectPr of a Word package; {} when there is none to read."""
    global _last_section
    if _last_section is not None and _last_section[0] is package:
        return _last_section[1]
    import io
    import zipfile

    from lxml import etree

    from editor.core.formats.docx.safety import xml_parser
    from editor.core.formats.docx.structure import W

    values: dict[str, float | None] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as zf:
            body = etree.fromstring(zf.read("word/document.xml"), xml_parser()).find(W + "body")
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        body = None
    sect = body.find(W + "sectPr") if body is not None else None
    if sect is not None:
        for key, (element, attr) in _PAGE_FIELDS.items():
            el = sect.find(W + element)
            raw = el.get(W + attr) if el is not None else None
            values[key] = int(raw) / TWIPS_PER_MM if raw and raw.lstrip("-").isdigit() else None
    _last_section = (package, values)
    return values


def _section_page(values: dict[str, float | None]) -> PageSetup:
    """Paper and margins from a w:sectPr's values; what it leaves out stays as Word's A4 default."""
    d = PLAIN_PAGE

    def pick(name: str, default: float) -> float:
        v = values.get(name)
        return abs(v) if v else default

    return PageSetup(pick("width", 210.0), pick("height", 297.0), pick("top", d.top), pick("bottom", d.bottom),
                     pick("left", d.left), pick("right", d.right))


def find_soffice() -> str | None:
    """LibreOffice's command, or None (YUKU_SOFFICE overrides; "" there means none)."""
    env = os.environ.get("YUKU_SOFFICE")
    if env is not None:
        return env or None
    return shutil.which("soffice") or shutil.which("libreoffice")


def installed_font_families() -> list[str]:
    """Font families this machine has, from fontconfig (the Qt side asks QFontDatabase instead)."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, ":", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({name.strip() for line in out.stdout.splitlines() for name in line.split(",") if name.strip()})


def pdf_docx_bytes(doc: Document, style: str, available: Iterable[str] | None,
                   font_fallbacks: dict[str, list[str]] | None = None) -> bytes:
    """The DOCX a PDF is made from: the style's, naming fonts this machine has."""
    from editor.core.formats.docx.files import docx_bytes
    from editor.core.formats.registry import export_style

    chosen = export_style(style)
    if chosen is None:
        raise YukuError("", f"未知的导出样式 {style} / unknown export style {style}")
    return docx_bytes(doc, chosen, list(available) if available is not None else None, font_fallbacks)


def convert_docx_to_pdf(docx: bytes, target: Path, soffice: str | None = None) -> None:
    """Lay a DOCX out with LibreOffice and write the PDF atomically to target."""
    exe = soffice or find_soffice()
    if not exe:
        raise YukuError(target, NO_LIBREOFFICE, 1)
    with tempfile.TemporaryDirectory(prefix="yuku-pdf-") as tmp:
        folder = Path(tmp)
        src = folder / "document.docx"
        src.write_bytes(docx)
        # A profile of its own: a running LibreOffice (or another export) must not take the job over.
        profile = (folder / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
               "pdf:writer_pdf_Export", "--outdir", str(folder), str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False,
                           stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise YukuError(target, "LibreOffice 转换超时，请稍后再试 / LibreOffice timed out", 1) from None
        except OSError as exc:
            raise YukuError(target, f"无法启动 LibreOffice（{exc.strerror or exc}）/ cannot start LibreOffice",
                            1) from None
        pdf = folder / "document.pdf"
        if not pdf.exists() or pdf.stat().st_size == 0:
            raise YukuError(target, "LibreOffice 未能生成 PDF，请检查文件后再试 / LibreOffice made no PDF", 1)
        atomic_write_bytes(target, pdf.read_bytes())


def export_pdf(doc: Document, target: Path, style: str, available: Iterable[str] | None = None,
               font_fallbacks: dict[str, list[str]] | None = None) -> None:
    """Write doc as a PDF in a style's layout (LibreOffice); YukuError when that cannot be done."""
    if available is None:
        available = installed_font_families()
    convert_docx_to_pdf(pdf_docx_bytes(doc, style, available, font_fallbacks), target)


def substitutes_note(available: Iterable[str], overrides: dict[str, list[str]] | None = None) -> str:
    """Which substitutes stand in for missing standard fonts ("" when none is missing)."""
    parts = [f"{s.standard}→{s.substitute}" for s in fonts.font_report(available, overrides)
             if not s.installed and s.substitute]
    return "、".join(parts)
