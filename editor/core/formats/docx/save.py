"""Save a document opened from a DOCX into its own package: patched parts, every other byte kept.

Unedited, the source file comes back byte for byte. Edited, only word/document.xml changes, plus
styles/numbering/relationships when the editor introduced a role style, a list or a link the
package lacks. The parts are patched with lxml and the zip copied entry by entry (untouched entries
as their compressed bytes): python-docx's package layer, which makes new packages (files.docx_bytes),
would parse and serialise every XML part again here, and then no part would stay byte-identical.

A file opened for editing leaves its parsed main part here (keep_parsed): a save borrows that tree,
writes copies of the edited blocks into it, serialises it and puts the original children back, so
saving after an edit does not parse document.xml again.
"""
from __future__ import annotations

import gc
import posixpath
import struct
import threading
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

from lxml import etree

from editor.core.formats.docx import styles as ds
from editor.core.formats.docx.patch import Patcher
from editor.core.formats.docx.patch_xml import set_children
from editor.core.formats.docx.read_props import list_kinds, paragraph_roles
from editor.core.formats.docx.safety import (
    CT_NS,
    MAX_MEMBER_BYTES,
    PKG_REL_NS,
    DocxPackage,
    open_docx,
    xml_parser,
)
from editor.core.formats.docx.structure import W
from editor.core.model.document import Document, body_signature, untouched

# Deflate level of the parts a save rewrites (the others are copied compressed as they were): level 1
# takes 8 % off a save of a 1 MB document against level 3, for a ~15 % larger main part.
ZIP_LEVEL = 1
# (CRC, size) of a styles part -> (style id -> role, role -> style id): the same file saved again
_STYLE_INFO: dict[tuple[int, int], tuple[dict[str, str], dict[str, str]]] = {}
# (source bytes, their main part as read.py parsed it) for the files opened last, the newest last.
KEPT_PARSES = 2
_TREES: list[tuple[bytes, Any]] = []
_TREE_LOCK = threading.Lock()


def save_into_source(doc: Document) -> bytes:
    """The source package with the document's edits patched in (the source itself when unedited)."""
    # As on open (read.read_docx): a save makes thousands of objects in no reference cycle, and the
    # cyclic collector would only rescan them, and the whole model, while they are made.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _save_into_source(doc)
    finally:
        if enabled:
            gc.enable()


def _save_into_source(doc: Document) -> bytes:
    assert doc.source is not None
    clean = {id(b): untouched(b) for b in doc.blocks}
    if doc.base is not None and all(clean.values()) and doc.base == body_signature(doc):
        return doc.source  # nothing edited: the file as it was, byte for byte, without opening it
    pkg = open_docx(Path("source.docx"), data=doc.source, scanned=True)
    main = pkg.main_part
    root = _borrow_tree(doc.source)
    if root is None:
        return _save_into(doc, pkg, _parse(pkg, main).getroot(), clean)
    body = root.find(W + "body")
    kept = list(body) if body is not None else []
    try:
        return _save_into(doc, pkg, root, clean)
    finally:  # the borrowed tree back as it was read: only the body's list of children changed
        if body is not None:
            set_children(body, kept)
        _TREE_LOCK.release()


def keep_parsed(source: bytes, root: Any) -> None:
    """Keep the main part the reader parsed, so saves of that file need not parse it again."""
    with _TREE_LOCK:
        _TREES[:] = [h for h in _TREES if h[0] != source][-(KEPT_PARSES - 1):] + [(source, root)]


def _borrow_tree(source: bytes) -> Any:
    """The kept parse of source's main part, locked until the save gives it back (None: parse anew)."""
    if not _TREE_LOCK.acquire(blocking=False):
        return None  # another save (autosave in a thread …) has it
    # The same bytes object, or the same file read again (a byte comparison, as fast as memcmp).
    held = next((h for h in _TREES if h[0] is source), None) or next((h for h in _TREES if h[0] == source), None)
    if held is not None:
        return held[1]
    _TREE_LOCK.release()
    return None


def _save_into(doc: Document, pkg: DocxPackage, root: Any, clean: dict[int, bool]) -> bytes:
    assert doc.source is not None
    tree = root.getroottree()
    main = pkg.main_part
    body = root.find(W + "body")
    if body is None:
        raise pkg.fail("文件缺少正文（w:body），不是完整的 Word 文档 / no document body")
    targets = {typ.rsplit("/", 1)[-1]: target for typ, target, ext in pkg.rels(main).values()
               if not ext and target in pkg.names}
    styles: list[Any] = []  # parsed on first need

    def style_tree() -> Any:
        if not styles:
            styles.append(_parse(pkg, targets["styles"]) if "styles" in targets else None)
        return styles[0]

    def style_info() -> tuple[dict[str, str], dict[str, str]]:
        name = targets.get("styles")
        key = (pkg.zf.getinfo(name).CRC, pkg.zf.getinfo(name).file_size) if name else None
        info = _STYLE_INFO.get(key) if key else None
        if info is None:  # one parse gives both; a document saved again and again reuses them
            tree = style_tree()
            info = (paragraph_roles(pkg, name, tree.getroot() if tree is not None else None), _style_ids(tree))
            if key:
                _STYLE_INFO[key] = info
                while len(_STYLE_INFO) > 8:
                    del _STYLE_INFO[next(iter(_STYLE_INFO))]
        return info

    def numbering_info() -> tuple[dict[str, dict[str, str]], int]:
        numbering = targets.get("numbering")
        taken = [int(n.get(W + "numId", "0")) for n in _parse(pkg, numbering).getroot().iter(W + "num")
                 if n.get(W + "numId", "").isdigit()] if numbering else []
        return list_kinds(pkg, numbering), max([9000, *taken]) + 1

    patcher = Patcher(root.nsmap, doc.kept, style_info, numbering_info)
    patcher.clean_ids = clean
    new = patcher.children(list(body), doc.blocks, "", in_cell=False)
    if not patcher.changed and len(new) == len(body) and all(a is b for a, b in zip(new, body)):
        return doc.source  # nothing edited: the file as it was, byte for byte
    set_children(body, new)
    replaced: dict[str, bytes] = {main: _bytes(tree)}
    added: list[tuple[str, str, str]] = []  # (part name, relationship type, content type)
    missing = [role for role in sorted(patcher.roles_used)
               if role not in _style_ids(style_tree(), only_found=True)] if patcher.roles_used else []
    style_tree_ = styles[0] if styles else None
    if missing and style_tree_ is not None:
        for role in missing:
            style_tree_.getroot().append(ds.role_style(role, ds.plain_preset()))
        replaced[targets["styles"]] = _bytes(style_tree_)
    elif missing:
        name = _free_name(pkg, main, "styles.xml")
        replaced[name] = ds.xml_bytes(ds.styles_part(ds.plain_preset()))
        added.append((name, ds.REL_TYPES["styles"], ds.PART_TYPES["word/styles.xml"]))
    numbering = targets.get("numbering")
    if patcher.nums:
        if numbering:
            num_tree = _parse(pkg, numbering)
            _merge_numbering(num_tree.getroot(), patcher.nums)
            replaced[numbering] = _bytes(num_tree)
        else:
            name = _free_name(pkg, main, "numbering.xml")
            replaced[name] = ds.xml_bytes(ds.numbering_part(patcher.nums))
            added.append((name, ds.REL_TYPES["numbering"], ds.PART_TYPES["word/numbering.xml"]))
    if added or patcher.links:
        _relate(pkg, main, added, patcher.links, replaced)
    return _zip(pkg, replaced)


def _parse(pkg: DocxPackage, name: str) -> Any:
    """A part as an lxml tree, comments kept (the checks of open_docx already refused any DTD)."""
    return etree.ElementTree(etree.fromstring(pkg.read(name), xml_parser(remove_blank_text=False)))


def _bytes(tree: Any) -> bytes:
    info = tree.docinfo
    return etree.tostring(tree, xml_declaration=True, encoding=info.encoding or "UTF-8",
                          standalone=True if info.standalone is None else info.standalone)


def _style_ids(styles: Any, only_found: bool = False) -> dict[str, str]:
    """Role -> the file's own style id (Chinese Word calls "heading 1" "1"); ours where it has none."""
    ids = {} if only_found else {role: sid for role, (sid, _n, _l) in ds.ROLE_STYLES.items()}
    if styles is None:
        return ids
    names = {}
    for st in styles.getroot().iter(W + "style"):
        nm = st.find(W + "name")
        if nm is not None and st.get(W + "type") == "paragraph":
            names[nm.get(W + "val", "").lower()] = st.get(W + "styleId", "")
    for role, (_sid, name, _lvl) in ds.ROLE_STYLES.items():
        if name.lower() in names:
            ids[role] = names[name.lower()]
    return ids


def _merge_numbering(root: Any, nums: dict[int, str]) -> None:
    """Our list definitions into a source numbering part (abstractNums before the first w:num)."""
    have = {a.get(W + "abstractNumId") for a in root.iter(W + "abstractNum")}
    first_num = root.find(W + "num")
    for el in [*ds.abstract_nums(), *ds.nums(nums)]:
        if el.tag == W + "abstractNum":
            if el.get(W + "abstractNumId") in have:
                continue
            if first_num is not None:
                first_num.addprevious(el)
                continue
        root.append(el)


def _free_name(pkg: DocxPackage, main: str, base: str) -> str:
    folder = posixpath.dirname(main)
    name = posixpath.join(folder, base)
    n = 1
    while name in pkg.names:
        n += 1
        name = posixpath.join(folder, base.replace(".xml", f"{n}.xml"))
    return name


def _relate(pkg: DocxPackage, main: str, added: list[tuple[str, str, str]], links: dict[str, str],
            replaced: dict[str, bytes]) -> None:
    """Relationships and content types for new parts and external links."""
    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    rels = _parse(pkg, rels_name) if rels_name in pkg.names else etree.ElementTree(
        etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS}))
    used = {r.get("Id") for r in rels.getroot()}
    for name, rel_type, _ct in added:
        n = 1
        while f"rIdYuku{n}" in used:
            n += 1
        used.add(f"rIdYuku{n}")
        etree.SubElement(rels.getroot(), f"{{{PKG_REL_NS}}}Relationship", Id=f"rIdYuku{n}", Type=rel_type,
                         Target=posixpath.relpath(name, folder or "."))
    for url, rid in links.items():
        etree.SubElement(rels.getroot(), f"{{{PKG_REL_NS}}}Relationship", Id=rid, Type=f"{ds.REL}/hyperlink",
                         Target=url, TargetMode="External")
    replaced[rels_name] = _bytes(rels)
    if added:
        types = _parse(pkg, "[Content_Types].xml")
        for name, _rel, ct in added:
            etree.SubElement(types.getroot(), f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=ct)
        replaced["[Content_Types].xml"] = _bytes(types)


def _zip(pkg: DocxPackage, replaced: dict[str, bytes]) -> bytes:
    """The package with replaced parts; every other entry copied with its own bytes and settings."""
    buf = BytesIO()
    written: set[str] = set()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as out:
        for info in pkg.zf.infolist():
            if info.filename in written:
                continue
            written.add(info.filename)
            data = replaced.pop(info.filename, None)
            if data is None and _copy_compressed(pkg, info, out):
                continue
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            out.writestr(entry, data if data is not None else pkg.read(info.filename), compresslevel=ZIP_LEVEL)
        for name, data in replaced.items():
            out.writestr(name, data)
    return buf.getvalue()


def _copy_compressed(pkg: DocxPackage, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> bool:
    """Copy an untouched entry's compressed bytes as they are: no inflating and deflating again.

    Works on zipfile's own bookkeeping (fp, filelist, NameToInfo, start_dir), as its writestr does;
    entries it cannot copy plainly (encrypted, zip64, unusual compression) return False.
    """
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or \
            max(info.file_size, info.compress_size, info.header_offset) >= zipfile.ZIP64_LIMIT or \
            info.file_size > MAX_MEMBER_BYTES:
        return False
    data = pkg.data
    start = info.header_offset
    if data[start:start + 4] != b"PK\x03\x04":
        return False
    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
    start += 30 + name_len + extra_len
    raw = data[start:start + info.compress_size]
    if len(raw) != info.compress_size:
        return False
    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = info.compress_type
    entry.external_attr = info.external_attr
    entry.flag_bits = info.flag_bits & ~0x08  # sizes and CRC go in the local header: no data descriptor
    entry.CRC, entry.compress_size, entry.file_size = info.CRC, info.compress_size, info.file_size
    entry.header_offset = out.fp.tell()  # type: ignore[union-attr]
    out.fp.write(entry.FileHeader(False))  # type: ignore[union-attr]
    out.fp.write(raw)  # type: ignore[union-attr]
    out.filelist.append(entry)
    out.NameToInfo[entry.filename] = entry
    out.start_dir = out.fp.tell()  # type: ignore[attr-defined, union-attr]
    return True
