"""Read a corpus from files and folders (.txt in any encoding, .docx); bad files are skipped and named."""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.formats.encoding import Decoded, decode_bytes

SUFFIXES = (".txt", ".docx")
# Word files we cannot mine are still listed from folders, so that the user hears they were skipped.
WORD_OTHER = (".doc", ".docm", ".dotx", ".dotm", ".wps", ".rtf")
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass
class CorpusFile:
    """One file's text, as read."""

    name: str
    text: str
    encoding: str = "utf-8"
    confidence: float = 1.0

    @property
    def digest(self) -> str:
        """Identity of the content, whatever the encoding it came in."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


@dataclass
class CorpusRead:
    """What reading produced: the files and those skipped with a reason."""

    files: list[CorpusFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


class SkipFile(Exception):
    """A file cannot be used; the message says why, in Chinese and English."""


def clean_text(text: str) -> str:
    """NFC, one kind of line break, no NULs or stray BOMs: the same text from every encoding."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def _read_txt(path: Path, encoding: str | None = None) -> CorpusFile:
    data = path.read_bytes()
    if not data.strip():
        raise SkipFile("文件是空的 / the file is empty")
    if data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0") or data[:5] == b"%PDF-":
        raise SkipFile("不是纯文本文件 / not a plain-text file")
    if encoding:  # the user chose it in the preview: trust it, but a wrong choice is still caught below
        try:
            decoded = Decoded(data.decode(encoding, errors="replace"), encoding, 1.0)
        except LookupError:
            raise SkipFile(f"未知的编码 {encoding} / unknown encoding") from None
    else:
        decoded = decode_bytes(data)
    text = clean_text(decoded.text)
    bad = text.count("\ufffd") + sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\t")
    if bad > max(5, len(text[:20000]) // 50):
        raise SkipFile("无法识别文本编码或文件已损坏 / cannot tell the encoding, or the file is damaged")
    return CorpusFile(str(path), text, decoded.encoding, decoded.confidence)


def _read_docx(path: Path) -> CorpusFile:
    """Word files go through the project's defensive DOCX reader (docx_safety: zip budget, DTD, XXE…)."""
    from editor.core.errors import YukuError
    from editor.core.formats.docx.files import read_docx_file

    try:
        document = read_docx_file(path)
    except YukuError as exc:
        raise SkipFile(exc.message) from None
    return CorpusFile(str(path), clean_text(document.plain_text()))


def read_file(path: Path, encoding: str | None = None) -> CorpusFile:
    """Read one corpus file; raises SkipFile with a reason."""
    suffix = path.suffix.lower()
    if suffix in WORD_OTHER:
        raise SkipFile(f"{suffix} 文件不能直接读取，请在 Word 中另存为 .docx 后再导入 / save it as .docx first")
    if suffix not in SUFFIXES:
        raise SkipFile("不支持的文件类型（只读 .txt 和 .docx）/ unsupported file type")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SkipFile("文件过大（超过 64 MB）/ the file is too large")
        result = _read_docx(path) if suffix == ".docx" else _read_txt(path, encoding)
    except OSError as exc:
        raise SkipFile(f"无法读取（{exc.strerror or exc}）/ cannot read the file") from None
    if not result.text.strip():
        raise SkipFile("文件中没有文字 / the file holds no text")
    return result


def list_files(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders (recursively, sorted, hidden and Office lock files left out) into files."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if (f.is_file() and f.suffix.lower() in SUFFIXES + WORD_OTHER
                        and not f.name.startswith((".", "~$"))
                        and not any(part.startswith(".") for part in f.relative_to(path).parts)):
                    files.append(f)
        elif path.exists():
            files.append(path)
        else:
            missing.append((str(path), "文件或文件夹不存在 / no such file or folder"))
    return files, missing


def read_corpus_files(paths: list[Path], progress: Callable[[int, int, str], None] | None = None,
                      cancelled: Callable[[], bool] | None = None,
                      encodings: Mapping[str, str] | None = None) -> CorpusRead:
    """Read every usable file under paths; never raises for a bad file."""
    files, skipped = list_files(paths)
    out = CorpusRead(skipped=skipped)
    for i, f in enumerate(files):
        if cancelled and cancelled():
            break
        if progress:
            progress(i, len(files), f"读取 {f.name} / reading")
        try:
            out.files.append(read_file(f, (encodings or {}).get(str(f))))
        except SkipFile as exc:
            out.skipped.append((str(f), str(exc)))
    return out
