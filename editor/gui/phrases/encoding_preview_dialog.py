"""Ask which encoding a corpus file is in when detection is unsure, with a live preview."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.formats.encoding import Decoded, decode_bytes, normalise_label

LOW_CONFIDENCE = 0.6  # the pipeline's own threshold for reporting a doubtful encoding
PREVIEW_BYTES = 4000
# Offered encodings with their names for people; GBK/GB2312 decode as gb18030, Big5 as cp950.
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK / GB2312（简体）"),
    ("cp950", "Big5（繁体）"),
    ("big5hkscs", "Big5-HKSCS（香港繁体）"),
    ("utf-16", "UTF-16"),
)


def needs_choice(path: Path, limit: int = 256 * 1024) -> tuple[bytes, Decoded] | None:
    """The bytes and the guess when a small .txt file's encoding is doubtful; None otherwise."""
    if path.suffix.lower() != ".txt":
        return None
    try:
        if path.stat().st_size > limit:  # long text is detected reliably
            return None
        data = path.read_bytes()
    except OSError:
        return None  # the importer names unreadable files itself
    decoded = decode_bytes(data)
    return (data, decoded) if decoded.confidence < LOW_CONFIDENCE else None


def preview(data: bytes, encoding: str) -> str:
    """The start of the file decoded one way (bad bytes shown as �)."""
    return data[:PREVIEW_BYTES].decode(encoding, errors="replace")


class EncodingPreviewDialog(QDialog):
    """File name, encoding choice and the text as it reads in that encoding."""

    SKIP = 2  # done() code for "skip this file"

    def __init__(self, parent: QWidget | None, path: Path, data: bytes, guess: Decoded) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(self.tr("选择文本编码"))
        self.setMinimumSize(520, 360)
        note = QLabel(self.tr("无法可靠判断 %1 的编码（猜测为 %2）。请选择能正确显示文字的编码：")
                      .replace("%1", path.name).replace("%2", guess.encoding), self)
        note.setWordWrap(True)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("文本编码"))
        guessed = normalise_label(guess.encoding)
        codes = [c for c, _ in ENCODINGS]
        if guessed not in codes:
            self.combo.addItem(guessed, guessed)
        for code, label in ENCODINGS:
            self.combo.addItem(label, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(guessed)))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("预览"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("使用此编码"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消导入"))
        skip = QPushButton(self.tr("跳过此文件"), self)
        buttons.addButton(skip, QDialogButtonBox.ButtonRole.ActionRole)
        skip.clicked.connect(lambda: self.done(self.SKIP))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.combo)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.combo.currentIndexChanged.connect(self._update)
        self._update()

    def encoding(self) -> str:
        """The chosen codec name."""
        return str(self.combo.currentData())

    def _update(self) -> None:
        self.text.setPlainText(preview(self.data, self.encoding()))


def ask_encoding(parent: QWidget | None, path: Path, data: bytes, guess: Decoded) -> str | None:
    """The encoding the user picked; "" to skip the file; None to cancel the whole import."""
    dialog = EncodingPreviewDialog(parent, path, data, guess)
    result = dialog.exec()
    if result == QDialog.DialogCode.Accepted:
        return dialog.encoding()
    if result == EncodingPreviewDialog.SKIP:
        return ""
    return None
