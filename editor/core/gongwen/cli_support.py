"""What `yuku export` and `yuku check` share about 公文: reading drafts and DOCX files, exporting with parts."""
from __future__ import annotations

import sys
from pathlib import Path

from editor.core.atomic import atomic_write_bytes
from editor.core.errors import YukuError
from editor.core.gongwen import front_matter, storage
from editor.core.gongwen.export import has_layout, missing, resolve
from editor.core.gongwen.source import from_text
from editor.core.model.document import Document


def body_of(path: Path, text: str) -> str:
    """A draft's text without its front matter; a block never closed is bad input."""
    try:
        return front_matter.split(text).body
    except front_matter.FrontMatterError as exc:
        raise YukuError(path, str(exc)) from None


def official_bytes(src: Path, doc: Document, gongwen: dict[str, object], type_name: str | None,
                   overrides: dict[str, list[str]] | None, available: list[str] | None = None) -> bytes | None:
    """The official DOCX with the 公文 parts when the draft has any or a type is given, else None.

    Required parts the type lacks are named on stderr; the export still happens. `available` names
    this machine's fonts (a PDF is read where it is made); None writes the standard font names.
    """
    from editor.core.gongwen.export import official_body, official_docx, title_of, without_layout
    from editor.core.gongwen.parts import Parts

    text = gongwen.get("text")
    if isinstance(text, str):
        fm = front_matter.split(text)
        parts, source = fm.parts, from_text(text)
    else:
        parts = (storage.read(src.read_bytes()) if src.suffix.lower() == ".docx" else None) or Parts()
        source = None
    doc_type = resolve(parts, title_of(doc), type_name)
    if not has_layout(parts) and type_name is None and not parts.doc_type:
        return None
    if type_name and not parts.doc_type:
        parts.doc_type = type_name
    if doc_type is not None:
        lacking = missing(parts, doc_type, source)
        if lacking:
            print(f"yuku: {src}: 提醒：{doc_type.name}缺少{'、'.join(lacking)} / warning: the {doc_type.name} lacks "
                  f"{len(lacking)} required part(s)", file=sys.stderr)
    body = official_body(without_layout(doc), overrides, available)  # a laid-out DOCX: its head once
    notes: list[str] = []
    data = official_docx(body, parts, doc_type, available, overrides, notes)
    for note in notes:
        print(f"yuku: {src}: {note}", file=sys.stderr)
    return data


def export_official(src: Path, dst: Path, doc: Document, gongwen: dict[str, object], type_name: str | None,
                    overrides: dict[str, list[str]] | None) -> bool:
    """Write the official DOCX with the 公文 parts; False when there is nothing of a 公文 to add."""
    data = official_bytes(src, doc, gongwen, type_name, overrides)
    if data is None:
        return False
    try:
        atomic_write_bytes(dst, data)
    except OSError as exc:
        raise YukuError(dst, f"无法写入（{exc.strerror or exc}），请换个位置 / cannot write the file", 1) from None
    return True


def export_official_pdf(src: Path, dst: Path, doc: Document, gongwen: dict[str, object], type_name: str | None,
                        overrides: dict[str, list[str]] | None) -> bool:
    """The same page as PDF (LibreOffice lays out the laid-out DOCX); False when there is no 公文 part."""
    from editor.core.formats.pdf_export import convert_docx_to_pdf, installed_font_families

    data = official_bytes(src, doc, gongwen, type_name, overrides, installed_font_families())
    if data is None:
        return False
    convert_docx_to_pdf(data, dst)
    return True


def export_draft(src: Path, dst: Path, doc: Document) -> bool:
    """A DOCX Yuku laid out, back to a draft: its parts as front matter, then the text without the layout.

    Returns False for a DOCX without stored parts (the plain text export does the job).
    """
    from editor.core.atomic import atomic_write_text
    from editor.core.gongwen.export import without_layout

    parts = storage.read(src.read_bytes())
    if parts is None:
        return False
    body = without_layout(doc).plain_text()
    try:
        atomic_write_text(dst, front_matter.write(parts, body) + "\n")
    except OSError as exc:
        raise YukuError(dst, f"无法写入（{exc.strerror or exc}），请换个位置 / cannot write the file", 1) from None
    return True
