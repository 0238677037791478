"""Open a DOCX package defensively: sniff, check the zip against a budget, parse XML safely.

Every way a hostile or broken file can fail (HAZARDS.md, "Opening DOCX") ends in one YukuError
sentence naming the file; nothing is inflated before its declared size has been checked.
"""
from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import Any

from editor.core.errors import YukuError

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 128 * 1024 * 1024  # one inflated part
MAX_TOTAL_BYTES = 384 * 1024 * 1024  # all inflated parts together
MAX_RATIO = 200  # inflated / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 8 * 1024 * 1024

MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
TEMPLATE_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
OFFICE_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

DAMAGED = "文件已损坏（压缩数据出错），请用 Word 打开修复后另存为 .docx / the file is damaged"


def xml_parser(**options: Any) -> Any:
    """The parser for a package's XML: no DTD, no entities, no network, lxml's depth and size limits.

    Hostile XML fails instead of expanding. `options` adds lxml parser options (remove_comments …).
    """
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **options)


class DocxPackage:
    """A checked DOCX zip held in memory; parts are inflated and parsed on request."""

    def __init__(self, path: Path, data: bytes, zf: zipfile.ZipFile) -> None:
        self.path = path
        self.data = data
        self.zf = zf
        self.names = {i.filename for i in zf.infolist()}
        self.main_part = "word/document.xml"
        self._cache: dict[str, bytes] = {}
        self._rels: dict[str, dict[str, tuple[str, str, bool]]] = {}
        self._no_dtd: set[str] = set()  # parts already scanned for a DTD (open_docx scans every XML part)

    def fail(self, message: str) -> YukuError:
        """An error naming this package's file."""
        return YukuError(self.path, message)

    def read(self, name: str) -> bytes:
        """A part's bytes, never more than the budget allows (declared sizes can lie)."""
        if name in self._cache:
            return self._cache[name]
        try:
            with self.zf.open(name) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
        except KeyError:
            raise self.fail(f"文件缺少内部部件 {name}，文件不完整；请在 Word 中打开并另存 / part missing") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
            raise self.fail(DAMAGED) from None
        if len(data) > MAX_MEMBER_BYTES:
            raise self.fail(_BOMB)
        if name.endswith((".xml", ".rels")):
            self._cache[name] = data  # XML is scanned for a DTD first, then parsed: inflate once
        return data

    def xml(self, name: str, comments: bool = False) -> Any:
        """A part parsed as XML: no DTD, no entities, no network, lxml's depth and size limits."""
        from lxml import etree

        data = self.read(name)
        if name not in self._no_dtd:
            _refuse_doctype(self, name, data)
        try:
            return etree.fromstring(data, xml_parser(remove_comments=not comments))
        except etree.XMLSyntaxError:
            raise self.fail(f"文件内部的 XML（{name}）已损坏，请用 Word 打开修复后另存 / malformed XML") from None

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Relationships of a part: id -> (type, resolved target, external)."""
        if part in self._rels:
            return self._rels[part]
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        out: dict[str, tuple[str, str, bool]] = {}
        for rel in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external and not target.startswith("#"):
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/") \
                    if not target.startswith("/") else target.lstrip("/")
            out[rel.get("Id", "")] = (rel.get("Type", ""), target, external)
        self._rels[part] = out
        return out


_BOMB = ("文件解压后过大（可能是“压缩炸弹”），为安全起见未打开 / the file inflates beyond a safe size, "
         "not opened")


def _refuse_doctype(pkg: DocxPackage, name: str, data: bytes) -> None:
    """Word refuses any part with a DTD; so do we (billion laughs, XXE)."""
    # XML is case-sensitive: only these spellings declare a DTD or an entity.
    wide = data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")  # a UTF-16 part
    # "!" first: a one-byte search is ~50x faster than "<!", and most parts have no "!" at all.
    if (b"!" in data and b"<!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data)) or (wide and (
            "<!DOCTYPE".encode("utf-16-le") in data or "<!DOCTYPE".encode("utf-16-be") in data)):
        raise pkg.fail(f"文件内部部件 {name} 含有 DTD（<!DOCTYPE>），Word 也会拒绝打开；请勿使用来历不明的文件 "
                       "/ the file carries a DTD, which Word refuses")


def sniff(path: Path, head: bytes) -> None:
    """Refuse what is not a zip by its first bytes, with the likely reason."""
    if not head:
        raise YukuError(path, "文件是空的（0 字节），没有可打开的内容 / the file is empty")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise YukuError(path, "这是旧版 .doc 文件或受密码保护的文件；请在 Word 中去掉密码并另存为 .docx 后再打开 "
                              "/ an old .doc, or a password-protected file: save it as .docx without a password")
    if not head.startswith(b"PK\x03\x04"):
        raise YukuError(path, "不是 Word（.docx）文件，可能是改了扩展名的其他文件；文本请用 .txt 打开 "
                              "/ not a Word file (perhaps renamed)")


def read_file(path: Path, limit: int | None = None) -> bytes:
    """A Word file's bytes (at most limit), or YukuError saying why they cannot be had."""
    try:
        if limit is not None and path.stat().st_size > limit:
            raise YukuError(path, f"文件过大（超过 {limit >> 20} MB），请拆分后再打开 / the file is too large")
        return path.read_bytes()
    except FileNotFoundError:
        raise YukuError(path, "文件不存在，请检查路径 / the file does not exist") from None
    except OSError as exc:
        raise YukuError(path, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None


def open_zip(path: str | Path, data: bytes | None = None) -> tuple[zipfile.ZipFile, bytes]:
    """A Word package's zip, checked against the one budget open, convert, export and mining share.

    Sniffs the first bytes, reads the central directory and refuses zip bombs before anything is
    inflated. Raises YukuError with one sentence naming the file.
    """
    p = Path(path)
    if data is None:
        data = read_file(p, MAX_FILE_BYTES)
    if len(data) > MAX_FILE_BYTES:
        raise YukuError(p, f"文件过大（超过 {MAX_FILE_BYTES >> 20} MB），请拆分后再打开 / the file is too large")
    sniff(p, data[:8])
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
        raise YukuError(p, "文件不完整或已损坏（压缩包无法读取），请找回完整的文件 / truncated or damaged zip") from None
    _check_budget(p, infos)
    return zf, data


def open_docx(path: str | Path, data: bytes | None = None, scanned: bool = False) -> DocxPackage:
    """Open and check a DOCX; the result has a safe main part. Raises YukuError otherwise.

    scanned: the bytes passed these checks when the document was opened (a save into its source),
    so no part is inflated to look for a DTD again; parts are still parsed without entities.
    """
    p = Path(path)
    zf, data = open_zip(p, data)
    pkg = DocxPackage(p, data, zf)
    _check_types(pkg)
    if scanned:
        pkg._no_dtd.update(pkg.names)
        return pkg
    for name in pkg.names:
        # Word refuses a DTD in any part, including the ones only copied through on save.
        if name.endswith((".xml", ".rels")):
            _refuse_doctype(pkg, name, pkg.read(name))
            pkg._no_dtd.add(name)  # the bytes are cached: xml() need not scan them again
    _check_relationships(pkg)
    return pkg


def _check_budget(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Zip-bomb guard from the central directory, before anything is inflated."""
    if len(infos) > MAX_MEMBERS:
        raise YukuError(path, _BOMB)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise YukuError(path, _BOMB)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise YukuError(path, _BOMB)


def _check_types(pkg: DocxPackage) -> None:
    """The main part must be a Word document (not a macro document or a template)."""
    if "[Content_Types].xml" not in pkg.names:
        raise pkg.fail("不是 Word 文档（缺少内容类型表），可能是其他软件的压缩包 / not a Word document")
    main = "word/document.xml"
    if "_rels/.rels" in pkg.names:
        for rel in pkg.xml("_rels/.rels").iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type") == OFFICE_DOCUMENT_REL:
                main = rel.get("Target", main).lstrip("/")
    pkg.main_part = main
    content_type = ""
    for el in pkg.xml("[Content_Types].xml"):
        if el.tag == f"{{{CT_NS}}}Override" and el.get("PartName", "").lstrip("/") == main:
            content_type = el.get("ContentType", "")
    if content_type == MACRO_TYPE:
        raise pkg.fail("这是含宏的 Word 文档（.docm），语库不打开宏文档；请在 Word 中另存为 .docx "
                       "/ a macro-enabled document: save it as .docx")
    if content_type in TEMPLATE_TYPES:
        raise pkg.fail("这是 Word 模板（.dotx/.dotm）；请在 Word 中用它新建文档并另存为 .docx "
                       "/ a Word template: save a document made from it as .docx")
    if main not in pkg.names:
        raise pkg.fail("文件缺少正文部分（word/document.xml），不是完整的 Word 文档 / no document body")
    if content_type and content_type != MAIN_TYPE:
        raise pkg.fail(f"不是 Word 文档（内容类型为 {content_type}）；请另存为 .docx / not a Word document")


def _check_relationships(pkg: DocxPackage) -> None:
    """Internal relationships of the main part must point at parts that exist."""
    for _rid, (_type, target, external) in pkg.rels(pkg.main_part).items():
        if external or target.startswith("#"):
            continue  # "#_top" hyperlinks are bookmarks, not parts (python-docx trips here)
        if target not in pkg.names:
            raise pkg.fail(f"文件内部引用了不存在的部件（{target}），文件已损坏；请用 Word 打开修复后另存 "
                           "/ dangling internal reference")
