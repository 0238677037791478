"""File menu: export to the official layout (Word), to Word as shown, and to PDF; the font check."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from editor.core.errors import YukuError
from editor.core.formats.registry import OFFICIAL_STYLE_ID, PLAIN_STYLE_ID
from editor.core.model.blanks import find_blanks
from editor.gui.document.bridge import to_model
from editor.gui.window.host import WindowHost

MAX_LISTED_BLANKS = 10


def blank_contexts(text: str, limit: int = MAX_LISTED_BLANKS) -> list[str]:
    """Each remaining blank with a few characters around it, as the user will look for it."""
    out = []
    for blank in find_blanks(text)[:limit]:
        start, end = max(blank.start - 8, 0), min(blank.end + 8, len(text))
        snippet = text[start:end].replace("\n", " ")
        out.append(("…" if start else "") + snippet + ("…" if end < len(text) else ""))
    return out


class ExportActions(QObject):
    """The export actions; each asks for a file name, warns about blanks, writes atomically."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.widget)
        self.host = host
        self.window = host.widget
        self.last_note = ""
        self.layout_notes: list[str] = []  # what the 公文 layout warned about in the last export (layout.ALONE)
        self.official_action = self._make("export_official", self.tr("导出为公文格式(Word)(&G)…"), self.export_official)
        self.docx_action = self._make("export_docx", self.tr("导出为 Word(&W)…"), self.export_docx)
        self.local_fonts_action = self._make("export_official_local_fonts",
                                             self.tr("导出为公文格式(本机字体)(&B)…"), self.export_official_local_fonts)
        self.local_fonts_action.setToolTip(self.tr("缺少的公文字体写成本机的替代字体（如 仿宋_GB2312 → 本机的仿宋），"
                                                   "在本机和没有标准字体的电脑上保留标题、正文、各级标题的字体层次"))
        self.pdf_action = self._make("export_pdf", self.tr("导出为 PDF(&D)…"), self.export_pdf)
        self.fonts_action = self._make("font_report", self.tr("公文字体检查(&Z)…"), self.show_font_report)

    def _make(self, name: str, text: str, slot: Callable[[], object]) -> QAction:
        return self.host.action_factory.make(name, text, lambda _=False: slot())

    # -- helpers --------------------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, default_stem_suffix: str, file_filter: str) -> Path | None:
        current = self.host.session.path
        stem = Path(current).stem if current else self.tr("未命名")
        start = (Path(current).parent if current else Path.home()) / f"{stem}{default_stem_suffix}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(start), file_filter)
        if not path:
            return None
        p = Path(path)
        if p.suffix.lower() != suffix:
            p = p.with_name(p.name + suffix)  # the format is the action's, whatever was typed
        return p

    def confirm_blanks(self) -> bool:
        """Warn when blanks (___) remain; True when there are none or the user goes on."""
        text = self.host.editor.document().toPlainText()
        blanks = find_blanks(text)
        if not blanks:
            return True
        listing = "\n".join(blank_contexts(text))
        more = len(blanks) - MAX_LISTED_BLANKS
        if more > 0:
            listing += "\n" + self.tr("……另有 %1 处").replace("%1", str(more))
        answer = QMessageBox.warning(
            self.window, self.tr("还有空白未填"),
            self.tr("文档中还有 %1 处空白（如 ___）未填写：\n%2\n\n仍要导出吗？")
            .replace("%1", str(len(blanks))).replace("%2", listing),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _write(self, path: Path, style: str, local_fonts: bool = False) -> bool:
        from editor.core.formats.document_files import write_document
        from editor.gui.output.font_report import installed_families

        if style == OFFICIAL_STYLE_ID:
            laid_out = self._official_with_parts(path)
            if laid_out is not None:
                return laid_out
        fallbacks = self.host.settings.get("font_fallbacks")
        try:
            write_document(to_model(self.host.editor.document()), path, style=style,
                           fonts_available=installed_families() if local_fonts else None,
                           font_fallbacks=fallbacks if isinstance(fallbacks, dict) else None)
        except YukuError as exc:
            self.host.show_error(self.tr("导出失败"), str(exc))
            return False
        except OSError as exc:
            self.host.show_error(self.tr("导出失败"),
                                   self.tr("%1：导出失败（%2），已有的文件未改动。请换个位置再试。")
                                   .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return False
        return True

    def _official_parts_docx(self, style: str, available: list[str]) -> bytes | None:
        """The official DOCX with the 公文 feature's parts, for a PDF (None: no parts, or another style)."""
        from editor.gui.gongwen.actions import GongwenActions

        if style != OFFICIAL_STYLE_ID:
            return None
        try:
            gongwen = self.host.feature(GongwenActions)
        except LookupError:
            return None
        return gongwen.official_bytes(available, self.layout_notes)

    def _official_with_parts(self, path: Path) -> bool | None:
        """The 公文要素 laid out around the body when the 公文 feature holds any (None: it holds none)."""
        from editor.gui.gongwen.actions import GongwenActions

        try:
            gongwen = self.host.feature(GongwenActions)
        except LookupError:
            return None
        return gongwen.write_official(path, self.layout_notes)

    def _layout_warnings(self) -> str:
        """What the 公文 layout warned about in this export, in the user's language ("" when nothing)."""
        from editor.core.gongwen.layout import ALONE

        if ALONE not in self.layout_notes:
            return ""
        return self.tr("；提醒：落款（署名、成文日期）将单独成页——正文最后一段无法随落款移到下一页，请缩短或拆分最后一段")

    # -- actions --------------------------------------------------------------------------------

    def export_official(self, path: Path | None = None, local_fonts: bool = False) -> bool:
        """GB/T 9704 layout; headings are recognised from their numbering in plain drafts.

        With local_fonts, missing standard fonts are named by this machine's substitutes.
        """
        if not self.confirm_blanks():
            return False
        title = self.tr("导出为公文格式（本机字体）") if local_fonts else self.tr("导出为公文格式")
        path = path or self._ask_path(title, ".docx", self.tr("-公文"), self.tr("Word 文档 (*.docx)"))
        self.layout_notes = []
        if path is None or not self._write(path, OFFICIAL_STYLE_ID, local_fonts):
            return False
        from editor.gui.output.font_report import report_for

        report = report_for(self.host.settings.get("font_fallbacks"))
        missing = [s.standard for s in report if not s.installed]
        dropped = to_model(self.host.editor.document()).kept_labels()
        note = self.tr("已导出公文格式 %1").replace("%1", path.name)
        if dropped:
            note += self.tr("（公文格式不含：%1）").replace("%1", "、".join(dropped))
        if missing and local_fonts:
            used = "、".join(f"{s.standard}→{s.substitute}" for s in report if not s.installed and s.substitute)
            note += self.tr("；用本机字体代替：%1").replace("%1", used)
        elif missing:
            note += self.tr("；本机缺少字体：%1（可用“导出为公文格式(本机字体)”）").replace("%1", "、".join(missing))
        note += self._layout_warnings()
        self.host.show_message(note, 15000 if self.layout_notes else 10000)
        self.last_note = note
        return True

    def export_official_local_fonts(self, path: Path | None = None) -> bool:
        """The official layout naming this machine's substitutes for the missing standard fonts."""
        return self.export_official(path, local_fonts=True)

    def export_docx(self, path: Path | None = None) -> bool:
        """The document as it looks in the editor, as Word."""
        if not self.confirm_blanks():
            return False
        path = path or self._ask_path(self.tr("导出为 Word"), ".docx", "", self.tr("Word 文档 (*.docx)"))
        if path is None or not self._write(path, PLAIN_STYLE_ID):
            return False
        self.host.show_message(self.tr("已导出 %1").replace("%1", path.name))
        return True

    def export_pdf(self, path: Path | None = None) -> bool:
        """PDF in the export style's layout: LibreOffice lays out the very DOCX, else Qt's renderer."""
        from editor.core.formats.pdf_export import export_pdf, find_soffice
        from editor.gui.output.font_report import installed_families
        from editor.gui.output.print_actions import font_fallbacks, print_style, write_pdf

        if not self.confirm_blanks():
            return False
        path = path or self._ask_path(self.tr("导出为 PDF"), ".pdf", "", self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return False
        style = print_style(self.host.settings)
        qdoc = self.host.editor.document()
        note = self.tr("已导出 %1").replace("%1", path.name)
        self.layout_notes = []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Without LibreOffice the DOCX layout is still made: the 落款 warning is its (Yuku's print decides alike).
            laid_out = self._official_parts_docx(style, installed_families())
            if laid_out is not None and find_soffice():  # the 公文要素 laid out, as the Word export has them
                from editor.core.formats.pdf_export import convert_docx_to_pdf

                convert_docx_to_pdf(laid_out, path)
            elif find_soffice():
                export_pdf(to_model(qdoc), path, style, installed_families(), font_fallbacks(self.host.settings))
            else:
                write_pdf(qdoc, path, self.host.base_point_size, style, font_fallbacks(self.host.settings))
                note += self.tr("（本机未装 LibreOffice，由语库排版：含数字或西文的行可能与 Word 相差一两个字）")
        except YukuError as exc:
            self.host.show_error(self.tr("导出失败"), str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        if not path.exists() or path.stat().st_size == 0:
            self.host.show_error(self.tr("导出失败"),
                                 self.tr("%1：无法写入 PDF。请换个位置再试。").replace("%1", str(path)))
            return False
        note += self._layout_warnings()
        self.last_note = note
        self.host.show_message(note, 15000 if self.layout_notes else 10000)
        return True

    def show_font_report(self) -> None:
        """Which official fonts this machine lacks."""
        from editor.gui.output.font_report import FontReportDialog, report_for

        dialog = FontReportDialog(report_for(self.host.settings.get("font_fallbacks")), self.window)
        dialog.exportLocalRequested.connect(self.local_fonts_action.trigger)
        self.font_dialog = dialog
        dialog.open()


def install(host: WindowHost) -> ExportActions:
    """Feature entry point (window/features.py): the actions go after Save As."""
    actions = ExportActions(host)
    file_menu = host.menu("file")
    items = file_menu.actions()
    save_as = host.action_factory.get("save_as")
    # After Save As comes the export separator; the exports go right after it.
    at = items.index(save_as) + 2 if save_as in items else len(items)
    before = items[at] if at < len(items) else None
    mine = [actions.official_action, actions.local_fonts_action, actions.docx_action, actions.pdf_action,
            actions.fonts_action]
    if before is not None:
        file_menu.insertActions(before, mine)
        file_menu.insertSeparator(before)
    else:
        file_menu.addActions(mine)
    return actions
