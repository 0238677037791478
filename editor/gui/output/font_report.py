"""Which official fonts this machine lacks, and what stands in for them (QFontDatabase side)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.fonts import CLASS_NAMES, CLASS_USES, FontStatus, font_report


def installed_families() -> list[str]:
    """Font families installed here (Qt knows them under every localised name)."""
    return list(QFontDatabase.families())


def report_for(fallbacks: dict[str, list[str]] | None = None) -> list[FontStatus]:
    """The official font report for this machine."""
    return font_report(installed_families(), fallbacks)


class FontReportDialog(QDialog):
    """A table: font class, where the official style uses it, standard font, installed, stand-in."""

    exportLocalRequested = Signal()  # the user chose to export with this machine's substitutes

    def __init__(self, report: list[FontStatus], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("公文字体检查"))
        missing = [s.standard for s in report if not s.installed]
        if missing:
            summary = self.tr("本机缺少 %1 个公文字体：%2。“导出为公文格式”仍写标准字体名，在装有这些字体的电脑上"
                              "按标准显示，在本机（和 WPS、LibreOffice 缺字体时）则全文一种字体。"
                              "要保留字体层次，请用“文件 ▸ 导出为公文格式(本机字体)”：缺少的字体写成下表的替代字体。") \
                .replace("%1", str(len(missing))).replace("%2", "、".join(missing))
        else:
            summary = self.tr("公文所需字体本机都已安装。")
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(report), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("字体"), self.tr("用于"), self.tr("标准字体"),
                                              self.tr("本机"), self.tr("替代字体")])
        for row, st in enumerate(report):
            cells = [CLASS_NAMES.get(st.cls, st.cls), CLASS_USES.get(st.cls, ""), st.standard,
                     self.tr("已安装") if st.installed else self.tr("缺少"),
                     "" if st.installed else (st.substitute or self.tr("（无，系统默认字体）"))]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.export_local = QPushButton(self.tr("用本机字体导出公文格式(&E)…"), self)
        self.export_local.setEnabled(bool(missing))
        buttons.addButton(self.export_local, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_local.clicked.connect(self._export_local)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def _export_local(self) -> None:
        self.accept()
        self.exportLocalRequested.emit()
