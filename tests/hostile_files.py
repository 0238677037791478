"""Builders for hostile and broken inputs, and a tiny full disk for fault-injection tests."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tiny_tmpfs(folder: Path, size: str = "64k") -> Iterator[Path]:
    """Mount a tiny tmpfs at folder (root only); skip the test where mounting is not allowed."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root on Linux")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill_disk(folder: Path) -> Path:
    """Fill the file system holding folder to the last byte; returns the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as f:
        chunk = b"\0" * 4096
        with contextlib.suppress(OSError):
            while True:
                f.write(chunk)
        with contextlib.suppress(OSError):
            while True:
                f.write(b"\0")
    return filler


def make_read_only(folder: Path) -> None:
    """Make a tmpfs mount read-only (EROFS binds root too, unlike chmod)."""
    done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")


# -- hostile inputs beyond tests/docx_fixtures.hostile_files (the DOCX engineer's set) --------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_document_xml(path: Path, xml: bytes) -> Path:
    """A valid small DOCX whose word/document.xml is replaced by xml."""
    import zipfile

    from tests.docx_fixtures import build_docx, para, run

    good = build_docx(path.with_name(path.stem + ".base.docx"), para(run("正文")))
    with zipfile.ZipFile(good) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    good.unlink()
    members["word/document.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def huge_text_node(path: Path, mb: int = 11) -> Path:
    """One w:t holding more than 10 MB of text (lxml's limit without huge_tree)."""
    body = ("字" * (mb * 1024 * 1024 // 3 + 1000)).encode("utf-8")
    xml = (f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
           + body + b"</w:t></w:r></w:p></w:body></w:document>")
    return _with_document_xml(path, xml)


def doctype_only(path: Path) -> Path:
    """A harmless-looking <!DOCTYPE> with no entities: Word refuses it, so must Yuku."""
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r>'
           "<w:t>有文档类型声明</w:t></w:r></w:p></w:body></w:document>").encode()
    return _with_document_xml(path, xml)


def zip_bomb_400mb(path: Path) -> Path:
    """HAZARDS.md's case: a small .docx whose image inflates to 400 MB (python-docx would use ~830 MB)."""
    import zipfile

    from tests.docx_fixtures import build_docx, drawing, para, run

    # The picture is really used by the text, so a naive reader loads it (an unused part it skips).
    build_docx(path, para(run("正文"), drawing("rIdBomb")), rels=[("rIdBomb", "image", "media/image1.png", None)])
    chunk = b"\0" * (4 << 20)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as zf, \
            zf.open("word/media/image1.png", "w", force_zip64=True) as fh:
        for _ in range(100):
            fh.write(chunk)
    return path


def encoded_corpus(folder: Path) -> dict[str, tuple[Path, str]]:
    """Corpus text in the encodings people actually have: name -> (file, a phrase it must yield)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = ("一、高度重视，加强组织领导\n各单位要坚持人民至上、生命至上，切实把安全生产工作抓紧抓实抓细。\n"
            "二、下一步工作打算\n我们将继续深化改革，推动各项工作再上新台阶。\n")
    out = {}
    for name, codec in (("gbk", "gb18030"), ("utf8_bom", "utf-8-sig"), ("utf16", "utf-16")):
        p = folder / f"{name}.txt"
        p.write_bytes(text.encode(codec))
        out[name] = (p, "高度重视")
    big5 = folder / "big5.txt"
    big5.write_bytes(("一、高度重視，加強組織領導\n各單位要堅持人民至上、生命至上，切實把安全生產工作抓緊抓實抓細。\n"
                      "二、下一步工作打算\n我們將繼續深化改革，推動各項工作再上新臺階。\n").encode("cp950"))
    out["big5"] = (big5, "高度重")
    return out
