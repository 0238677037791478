"""Script conversion of a .docx file in place of its text only, leaving every other byte's meaning alone.

Each paragraph (w:p, and DrawingML a:p in text boxes and diagrams) is converted as a whole and the
result mapped back onto its text nodes, so phrases split across runs still convert as phrases.
Only text nodes (w:t, a:t) change: font names (黑体), style names, numbering, images, field codes
and every part without body text are copied unchanged.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.formats.docx.safety import MAX_MEMBER_BYTES, xml_parser
from editor.core.script.converter import check_config
from editor.core.script.run_mapping import convert_runs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Strict OOXML (ISO/IEC 29500 strict) names the same elements in other namespaces: converted alike,
# and written back in its own namespaces, so a strict file stays strict.
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
A_STRICT = "http://purl.oclc.org/ooxml/drawingml/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PARAGRAPHS = frozenset({f"{{{ns}}}p" for ns in (W, A, W_STRICT, A_STRICT)})
# w:delText is text too: deleted tracked-change text converts with the rest, so rejecting
# the change leaves the document in one script.
TEXTS = frozenset({f"{{{ns}}}t" for ns in (W, A, W_STRICT, A_STRICT)}
                  | {f"{{{ns}}}delText" for ns in (W, W_STRICT)})
# Elements that end a phrase inside a paragraph: text on either side is converted apart.
BREAKS = frozenset({f"{{{ns}}}{n}" for ns in (W, W_STRICT)
                    for n in ("tab", "br", "cr", "ptab", "sym", "noBreakHyphen")}
                   | {f"{{{A}}}br", f"{{{A_STRICT}}}br"})

# Content types of the parts that carry document text.
_TEXT_CONTENT_TYPES = re.compile(
    r"wordprocessingml\.(document\.main|template\.main|header|footer|footnotes|endnotes|comments)\+xml$"
    r"|document\.macroEnabled\.main\+xml$|template\.macroEnabledTemplate\.main\+xml$"
    r"|drawingml\.diagramData\+xml$|drawingml\.chart\+xml$")
_TEXT_PART_NAMES = re.compile(
    r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")



@dataclass
class DocxConvertResult:
    """What a conversion did."""

    parts: list[str]
    paragraphs: int
    changed_nodes: int


def _read_zip(path: Path) -> zipfile.ZipFile:
    """Open the Word package as a zip through the budget the editor uses too (docx/safety.py)."""
    from editor.core.formats.docx.safety import open_zip

    zf, _data = open_zip(path)
    _check_package(zf, path)
    return zf


_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _check_package(zf: zipfile.ZipFile, path: Path) -> None:
    """Refuse, like Word, a package whose main part is missing or whose relationships point nowhere."""
    import posixpath

    from lxml import etree

    names = set(zf.namelist())
    main = "word/document.xml"
    for rels_name in sorted(n for n in names if n.endswith(".rels")):
        try:
            rels = etree.fromstring(zf.read(rels_name), xml_parser())
        except Exception:
            raise YukuError(path, f"文件中的 {rels_name} 已损坏，请用 Word 打开修复后另存 / a part is damaged") from None
        # _rels/.rels describes the package root; word/_rels/x.xml.rels the part word/x.xml.
        base = posixpath.dirname(posixpath.dirname(rels_name))
        for rel in rels.iter(_REL):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or target.startswith("#") or "://" in target:
                continue  # external links, and Word's own "#_top" bookmarks links
            part = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(base, target))
            if rels_name == "_rels/.rels" and (rel.get("Type") or "").endswith("/officeDocument"):
                main = part
            if part not in names and rels_name == "_rels/.rels" and part != main:
                continue  # a missing thumbnail or properties part: Word opens such files, so do we
            if part not in names:
                what = "缺少正文部件" if part == main else "文件引用了不存在的部件"
                raise YukuError(path, f"{what} {part}，文件不完整，请用 Word 打开修复后另存"
                                      " / the package refers to a missing part")
    if main not in names:
        raise YukuError(path, f"缺少正文部件 {main}，文件不完整，请用 Word 打开修复后另存 / the main part is missing")


def text_parts(zf: zipfile.ZipFile) -> list[str]:
    """Names of the parts holding document text: by content type, else by the usual names."""
    names = set(zf.namelist())
    found: list[str] = []
    try:
        from lxml import etree

        types = etree.fromstring(zf.read("[Content_Types].xml"), xml_parser())
        for el in types:
            part = (el.get("PartName") or "").lstrip("/")
            if part in names and _TEXT_CONTENT_TYPES.search(el.get("ContentType") or ""):
                found.append(part)
    except (KeyError, ValueError, SyntaxError):
        pass
    for name in zf.namelist():
        if _TEXT_PART_NAMES.match(name) and name not in found:
            found.append(name)
    return found




def _segments(p: Any) -> Iterator[list[Any]]:
    """Text nodes of one paragraph, grouped between breaks; nested paragraphs (text boxes) excluded."""
    current: list[Any] = []

    def walk(el: Any) -> Iterator[list[Any]]:
        nonlocal current
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in PARAGRAPHS:
                continue  # comments/PIs, and nested paragraphs that get their own turn
            if tag in TEXTS:
                current.append(child)
            elif tag in BREAKS:
                if current:
                    yield current
                current = []
            else:
                yield from walk(child)

    yield from walk(p)
    if current:
        yield current


def convert_tree(root: Any, config: str, protected: Iterable[str] = ()) -> tuple[int, int]:
    """Convert every paragraph under root in place; returns (paragraphs, text nodes changed)."""
    terms = tuple(protected)
    paragraphs = changed = 0
    for p in root.iter(*PARAGRAPHS):
        paragraphs += 1
        for nodes in _segments(p):
            texts = [n.text or "" for n in nodes]
            new = convert_runs(texts, config, terms)
            for node, old, text in zip(nodes, texts, new):
                if text != old:
                    node.text = text
                    changed += 1
                    if not node.tag.startswith(f"{{{A}") and text != text.strip() and node.get(XML_SPACE) is None:
                        node.set(XML_SPACE, "preserve")  # Word drops edge spaces otherwise
    return paragraphs, changed


def _convert_part(data: bytes, name: str, path: Path, config: str,
                  protected: Iterable[str]) -> tuple[bytes | None, int, int]:
    """Converted bytes of one XML part (None when nothing changed)."""
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise YukuError(path, f"文件中的 {name} 含有 DTD，Word 不会打开这种文件，已拒绝 / a part carries a DTD")
    try:
        tree = etree.ElementTree(etree.fromstring(data, xml_parser()))
    except etree.XMLSyntaxError as exc:
        raise YukuError(path, f"文件中的 {name} {_xml_problem(str(exc.msg))}，请用 Word 打开修复后另存"
                              " / a part of the .docx is damaged") from None
    paragraphs, changed = convert_tree(tree.getroot(), config, protected)
    if not changed:
        return None, paragraphs, 0
    info = tree.docinfo
    out = etree.tostring(tree, xml_declaration=True, encoding=info.encoding or "UTF-8",
                         standalone=info.standalone)
    return out, paragraphs, changed


def _xml_problem(message: str) -> str:
    """A sentence for a parser error, without the parser's own jargon."""
    low = message.lower()
    if "depth" in low:
        return "嵌套层数过多（XML 结构异常）"
    if "too long" in low or "resource limit" in low or "huge" in low:
        return "含有过长的文字段（XML 结构异常）"
    return "XML 格式已损坏"


def convert_docx_bytes(path: Path, config: str, protected: Iterable[str] = ()) -> tuple[bytes, DocxConvertResult]:
    """The converted .docx as bytes; path is only read (and named in errors).

    Raises YukuError when the package holds text but no paragraph was found to convert (a reader
    that does not know the file's markup must not report success having converted nothing).
    """
    from editor.core.formats.docx import custom_props

    check_config(config)
    result = DocxConvertResult([], 0, 0)
    with _read_zip(path) as zf:
        data = convert_zip(zf, path, config, tuple(protected), result)
        data = custom_props.converted(data, config, tuple(protected), result.parts)  # the stored 公文要素
        has_text = result.paragraphs == 0 and _has_text(zf)
    if has_text:
        raise YukuError(path, "文件中有文字，但找不到可以转换的段落（不认识的文档结构），未做转换；请在 Word 中另存为"
                              "标准 .docx 后再试 / the file has text but no paragraph could be converted", exit_code=1)
    return data, result


def convert_zip(zf: zipfile.ZipFile, path: Path, config: str, terms: tuple[str, ...],
                result: DocxConvertResult, inside: str = "", skip: str = "") -> bytes:
    """Every text part (and every altChunk: an embedded document, HTML or plain text) converted, but skip."""
    parts = [p for p in text_parts(zf) if p != skip]
    chunks = _alt_chunks(zf)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in zf.infolist():
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise YukuError(path, f"文件中的 {info.filename} 已损坏（{exc}），请用 Word 打开修复后另存"
                                      " / a part of the .docx is damaged") from None
            except Exception as exc:  # zlib.error and friends: damaged deflate data
                raise YukuError(path, f"文件中的 {info.filename} 无法解压（{exc.__class__.__name__}），文件已损坏"
                                      " / a part of the .docx is damaged") from None
            new: bytes | None = None
            if info.filename in chunks:  # before parts: an embedded document claims a main-part type
                new = _convert_chunk(data, path, config, terms, result, inside + info.filename + "!")
            elif info.filename in parts:
                if info.file_size > MAX_MEMBER_BYTES:
                    raise YukuError(path, f"{info.filename} 过大，已拒绝 / a part is too large")
                new, paragraphs, changed = _convert_part(data, info.filename, path, config, terms)
                result.paragraphs += paragraphs
                result.changed_nodes += changed
            if new is not None and new != data:
                data = new
                result.parts.append(inside + info.filename)
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.comment = info.comment
            copy.extra = info.extra
            out.writestr(copy, data)
    return buf.getvalue()


def _alt_chunks(zf: zipfile.ZipFile) -> set[str]:
    """Parts that altChunk relationships point at (content Word imports when it opens the file)."""
    import posixpath

    from lxml import etree

    found = set()
    for rels_name in (n for n in zf.namelist() if n.endswith(".rels")):
        base = posixpath.dirname(posixpath.dirname(rels_name))
        try:
            rels = etree.fromstring(zf.read(rels_name), xml_parser())
        except Exception:
            continue  # _check_package already refused damaged relationships
        for rel in rels.iter(_REL):
            target = rel.get("Target") or ""
            if (rel.get("Type") or "").endswith("/aFChunk") and rel.get("TargetMode") != "External":
                found.add(posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                             else posixpath.join(base, target)))
    return found


def _convert_chunk(data: bytes, path: Path, config: str, terms: tuple[str, ...], result: DocxConvertResult,
                   inside: str) -> bytes | None:
    """An altChunk's bytes converted: a Word package recursively, HTML or text as text; else None."""
    from editor.core.formats.encoding import decode_bytes
    from editor.core.script.converter import convert_text

    if data.startswith(b"PK\x03\x04"):
        from editor.core.formats.docx.safety import open_zip

        zf, _ = open_zip(path, data)
        with zf:
            return convert_zip(zf, path, config, terms, result, inside)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # RTF with binary objects, images …: not text
    if data[:4096].lstrip().lower().startswith((b"mime-version:", b"content-type:")):
        mht = _convert_mht(data, config, terms, result)
        if mht is not None:
            return mht
    decoded = decode_bytes(data)
    if data.lstrip().startswith(b"{\\rtf"):
        return None  # RTF escapes its CJK text (\\u, \\'xx): converting the source would not reach it
    text = convert_text(decoded.text, config, terms)
    if text == decoded.text:
        return None
    result.paragraphs += text.count("\n") + 1
    try:
        return text.encode(decoded.encoding)
    except (LookupError, UnicodeEncodeError):
        return None


def _convert_mht(data: bytes, config: str, terms: tuple[str, ...], result: DocxConvertResult) -> bytes | None:
    """A web archive whose text parts are quoted-printable or base64 (as Word writes MHT): each converted.

    None when no part is encoded that way: the archive's raw text is then converted as plain text.
    """
    import base64
    import email
    import quopri
    from email.generator import BytesGenerator
    from email.policy import compat32

    from editor.core.script.converter import convert_text

    msg = email.message_from_bytes(data)
    changed = encoded = False
    for part in msg.walk():
        cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        if part.get_content_maintype() != "text" or cte not in ("quoted-printable", "base64"):
            continue
        encoded = True
        raw = part.get_payload(decode=True)
        charset = part.get_content_charset() or "utf-8"
        try:
            text = raw.decode(charset) if isinstance(raw, bytes) else ""
        except (LookupError, UnicodeDecodeError):
            continue
        new = convert_text(text, config, terms)
        if new == text:
            continue
        # Characters the part's charset lacks (GB2312 has no traditional ones) as character references in HTML.
        body = new.encode(charset, errors="xmlcharrefreplace" if part.get_content_subtype() == "html" else "strict") \
            if _encodable(new, charset, part.get_content_subtype()) else None
        if body is None:
            continue
        part.set_payload(quopri.encodestring(body).decode("ascii") if cte == "quoted-printable"
                         else base64.encodebytes(body).decode("ascii"))
        result.paragraphs += new.count("\n") + 1
        changed = True
    if not encoded:
        return None
    if not changed:
        return data
    out = io.BytesIO()
    linesep = "\r\n" if b"\r\n" in data[:4096] else "\n"
    BytesGenerator(out, mangle_from_=False, policy=compat32.clone(linesep=linesep)).flatten(msg)
    return out.getvalue()


def _encodable(text: str, charset: str, subtype: str) -> bool:
    if subtype == "html":
        return True
    try:
        text.encode(charset)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def _has_text(zf: zipfile.ZipFile) -> bool:
    """Whether any text part holds characters outside markup (a document with something to convert)."""
    from lxml import etree

    for name in text_parts(zf):
        try:
            root = etree.fromstring(zf.read(name), xml_parser())
        except Exception:
            continue
        if any(t.strip() for t in root.itertext()):
            return True
    return False


def convert_docx(src: str | Path, dst: str | Path, config: str,
                 protected: Iterable[str] = ()) -> DocxConvertResult:
    """Convert the text of src with an OpenCC config and write dst atomically (src may equal dst)."""
    data, result = convert_docx_bytes(Path(src), config, protected)
    atomic_write_bytes(dst, data)
    return result


def paragraph_texts(path: str | Path, part: str = "word/document.xml") -> list[str]:
    """Plain text of every paragraph of one part (tests and previews), text boxes as their own paragraphs."""
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read(part), xml_parser())
    texts: list[str] = []
    for p in root.iter(*PARAGRAPHS):
        texts.append("\t".join("".join(n.text or "" for n in seg) for seg in _segments(p)))
    return texts
