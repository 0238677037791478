"""Preferences: autosave, default conversion, export style and fonts, UI language, theme, phrase panel."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.settings import Settings
from editor.gui.document.file_filters import export_styles, style_label
from editor.gui.i18n import LANGUAGE_NAMES, plain_label
from editor.gui.window.host import WindowHost

# The fonts an official document asks for; people without them pick what to print instead.
OFFICIAL_FONTS = ("方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312")


# core.script names the configs in Chinese without Qt; these marks let lupdate collect the names
# so the English and zh_TW interfaces show them translated.
_CONVERSION_NAMES = [
    QT_TRANSLATE_NOOP("conversion", "简→繁"), QT_TRANSLATE_NOOP("conversion", "简→繁(台湾)"),
    QT_TRANSLATE_NOOP("conversion", "简→繁(台湾用语)"), QT_TRANSLATE_NOOP("conversion", "简→繁(香港)"),
    QT_TRANSLATE_NOOP("conversion", "简→繁(香港用语)"), QT_TRANSLATE_NOOP("conversion", "繁→简"),
    QT_TRANSLATE_NOOP("conversion", "繁(台湾)→简"), QT_TRANSLATE_NOOP("conversion", "繁(台湾用语)→简"),
    QT_TRANSLATE_NOOP("conversion", "繁(香港)→简"), QT_TRANSLATE_NOOP("conversion", "繁(香港用语)→简"),
    QT_TRANSLATE_NOOP("conversion", "繁→繁(台湾)"), QT_TRANSLATE_NOOP("conversion", "繁→繁(香港)"),
    QT_TRANSLATE_NOOP("conversion", "繁(台湾)→繁"), QT_TRANSLATE_NOOP("conversion", "繁(香港)→繁"),
    QT_TRANSLATE_NOOP("conversion", "繁→日本新字体"), QT_TRANSLATE_NOOP("conversion", "日本新字体→繁"),
]


def conversion_label(label: str) -> str:
    """A conversion's name in the interface language (core.script's Chinese name translated)."""
    return QCoreApplication.translate("conversion", label)


def conversion_choices() -> list[tuple[str, str]]:
    """(config id, label) for the default-conversion combo; core.script knows the installed ones."""
    try:
        from editor.core.script.converter import CONFIGS
    except ImportError:  # conversion not installed: offer the two everyday directions
        return [("s2t", "简→繁"), ("t2s", "繁→简")]
    return list(CONFIGS)


class PreferencesDialog(QDialog):
    """Edits the settings module's options; emits settingsChanged with the keys that changed."""

    settingsChanged = Signal(object)  # list[str]

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("首选项"))
        layout = QVBoxLayout(self)

        general = QGroupBox(self.tr("界面"), self)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        self.language.addItem(self.tr("跟随系统"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self._label(form, self.tr("界面语言(&L)："), self.language)
        self.language_note = QLabel(self.tr("更改界面语言后需重新启动语库。"), general)
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        self.theme = QComboBox(general)
        for code, label in (("system", self.tr("跟随系统")), ("light", self.tr("浅色")), ("dark", self.tr("深色"))):
            self.theme.addItem(label, code)
        self._label(form, self.tr("主题(&T)："), self.theme)
        layout.addWidget(general)

        editing = QGroupBox(self.tr("编辑"), self)
        form = QFormLayout(editing)
        self.autosave = QSpinBox(editing)
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(self.tr(" 秒"))
        self._label(form, self.tr("自动保存间隔(&A)："), self.autosave)
        self.conversion = QComboBox(editing)
        for cid, label in conversion_choices():
            self.conversion.addItem(f"{conversion_label(label)} ({cid})", cid)
        self._label(form, self.tr("默认简繁转换(&C)："), self.conversion)
        self.double_click = QCheckBox(self.tr("双击短语插入到文档(&D)"), editing)
        self.suggestions = QCheckBox(self.tr("输入时提示短语(&S)"), editing)
        self.auto_headings = QCheckBox(self.tr("回车时将“一、”“（一）”“1.”“（1）”开头的短行设为标题(&H)"), editing)
        self.auto_headings.setObjectName("auto_format_headings")
        form.addRow(self.double_click)
        form.addRow(self.suggestions)
        form.addRow(self.auto_headings)
        layout.addWidget(editing)

        export = QGroupBox(self.tr("导出"), self)
        form = QFormLayout(export)
        self.export_style = QComboBox(export)
        for style in export_styles():
            self.export_style.addItem(style_label(style), style.id)
        self._label(form, self.tr("导出样式(&E)："), self.export_style)
        self.fonts = QTableWidget(len(OFFICIAL_FONTS), 2, export)
        self.fonts.setHorizontalHeaderLabels([self.tr("公文字体"), self.tr("缺少时改用")])
        self.fonts.setAccessibleName(self.tr("替代字体"))
        self.fonts.verticalHeader().hide()
        self.fonts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fonts.setMinimumHeight(self.fonts.verticalHeader().defaultSectionSize() * 5 + 4)
        self._label(form, self.tr("替代字体(&F)："), self.fonts)
        layout.addWidget(export)

        unit = QGroupBox(self.tr("单位信息（填入公文要素）"), self)
        form = QFormLayout(unit)
        self.unit_marks = QLineEdit(unit)
        self.unit_marks.setPlaceholderText(self.tr("江城市人民政府办公室文件（联合行文用；分隔）"))
        self._label(form, self.tr("发文机关标志(&B)："), self.unit_marks)
        self.unit_names = QLineEdit(unit)
        self._label(form, self.tr("发文机关署名(&N)："), self.unit_names)
        self.unit_prefix = QLineEdit(unit)
        self.unit_prefix.setPlaceholderText(self.tr("江政办发"))
        self._label(form, self.tr("发文字号代字(&X)："), self.unit_prefix)
        self.unit_printer = QLineEdit(unit)
        self._label(form, self.tr("印发机关(&I)："), self.unit_printer)
        layout.addWidget(unit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.load(lambda key: settings.get(key))

    def _label(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, field.parentWidget())
        label.setBuddy(field)
        field.setAccessibleName(plain_label(text))
        form.addRow(label, field)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def load(self, get: Callable[[str], Any]) -> None:
        """Fill the widgets from a getter (the settings, or the defaults)."""
        self._select(self.language, get("ui_language"))
        self._select(self.theme, get("theme"))
        self.autosave.setValue(int(get("autosave_seconds")))
        self._select(self.conversion, get("default_conversion"))
        self.double_click.setChecked(bool(get("phrase_insert_on_double_click")))
        self.suggestions.setChecked(bool(get("phrase_suggestions")))
        self.auto_headings.setChecked(bool(get("auto_format_headings")))
        self._select(self.export_style, get("export_style"))
        fallbacks: dict[str, str] = dict(get("font_fallbacks"))
        names = list(OFFICIAL_FONTS) + [n for n in fallbacks if n not in OFFICIAL_FONTS]
        self.fonts.setRowCount(len(names))
        for row, name in enumerate(names):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.fonts.setItem(row, 0, item)
            self.fonts.setItem(row, 1, QTableWidgetItem(fallbacks.get(name, "")))
        self.unit_marks.setText("；".join(get("gongwen_issuer_marks")))
        self.unit_names.setText("；".join(get("gongwen_issuer_names")))
        self.unit_prefix.setText(str(get("gongwen_number_prefix")))
        self.unit_printer.setText(str(get("gongwen_printer")))

    def restore_defaults(self) -> None:
        """Put every widget back to the default value (saved only on OK)."""
        from editor.core.settings import DEFAULTS

        self.load(lambda key: DEFAULTS[key][1])

    def values(self) -> dict[str, object]:
        """The options as the widgets show them."""
        fallbacks = {}
        for row in range(self.fonts.rowCount()):
            name, alt = self.fonts.item(row, 0), self.fonts.item(row, 1)
            if name and alt and alt.text().strip():
                fallbacks[name.text()] = alt.text().strip()
        return {
            "ui_language": self.language.currentData(),
            "theme": self.theme.currentData(),
            "autosave_seconds": self.autosave.value(),
            "default_conversion": self.conversion.currentData(),
            "phrase_insert_on_double_click": self.double_click.isChecked(),
            "phrase_suggestions": self.suggestions.isChecked(),
            "auto_format_headings": self.auto_headings.isChecked(),
            "export_style": self.export_style.currentData(),
            "font_fallbacks": fallbacks,
            "gongwen_issuer_marks": _items(self.unit_marks.text()),
            "gongwen_issuer_names": _items(self.unit_names.text()),
            "gongwen_number_prefix": self.unit_prefix.text().strip(),
            "gongwen_printer": self.unit_printer.text().strip(),
        }

    def accept(self) -> None:
        """Save what changed and tell the window."""
        changed = []
        for key, value in self.values().items():
            if value is not None and value != self.settings.get(key):
                self.settings.set(key, value)
                changed.append(key)
        super().accept()
        if changed:
            self.settingsChanged.emit(changed)


def _items(text: str) -> list[str]:
    """Organ names typed on one line, separated by ；(joint issuance)."""
    return [t.strip() for t in text.replace(";", "；").split("；") if t.strip()]


def apply_changed_settings(window: WindowHost, keys: list[str]) -> None:
    """What changes at once: the theme; the language waits for a restart (the user is told)."""
    if "theme" in keys:
        from editor.gui.window.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, window.settings.get("theme"))
    if "ui_language" in keys:
        window.show_message(
            QCoreApplication.translate("PreferencesDialog", "界面语言将在重新启动语库后更改。"), 10000)
