"""From a draft (front matter and text) to the official DOCX with its 公文 parts laid out."""
from __future__ import annotations

from collections.abc import Iterable

from editor.core.gongwen import layout, types
from editor.core.gongwen.parts import KEYS, Parts
from editor.core.gongwen.source import Source, from_text
from editor.core.gongwen.types import DocType
from editor.core.model.document import Document


def resolve(parts: Parts, title: str, name: str | None) -> DocType | None:
    """The type: --type, else the parts' 类型, else the title's last words."""
    for candidate in (name, parts.doc_type):
        if candidate:
            return types.get(candidate)
    return types.from_title(title)


def missing(parts: Parts, doc_type: DocType, source: Source | None = None) -> list[str]:
    """The parts the type needs that are neither given nor written in the text."""
    written = set()
    if source is not None:
        if source.role("main"):
            written.add("主送")
        if source.role("signature"):
            written.add("发文机关署名")
        if source.role("date"):
            written.add("成文日期")
        if source.role("docnum"):
            written.add("发文字号")
    return [k for k in dict.fromkeys(doc_type.required) if not parts.get(k) and k not in written]


def has_layout(parts: Parts) -> bool:
    """Whether the parts give anything the layout adds around the body."""
    return any(parts.get(k) for k in KEYS if k != "类型")


def without_layout(doc: Document) -> Document:
    """A document without the paragraphs an earlier layout added (an exported DOCX opened again)."""
    import copy

    from editor.core.model.document import Paragraph

    out = copy.copy(doc)
    out.blocks = [b for b in doc.blocks if not (isinstance(b, Paragraph) and 'w:val="Gw' in b.extra)]
    for i, block in enumerate(out.blocks):
        if isinstance(block, Paragraph) and block.style == "title" and any(
                "\n" in r.text or "\u2028" in r.text for r in block.runs):
            # The layout broke a long title between words (title_lines): the draft's title is one line again.
            block = copy.deepcopy(block)
            for run in block.runs:
                run.text = run.text.replace("\n", "").replace("\u2028", "")
            block.runs = [r for r in block.runs if r.text or r.kept]
            out.blocks[i] = block
    return out


def export_bytes(doc: Document, parts: Parts, type_name: str | None = None,
                 overrides: dict[str, list[str]] | None = None, available: Iterable[str] | None = None,
                 notes: list[str] | None = None) -> bytes:
    """The official DOCX of a document and its parts (the editor's 导出为公文格式); warnings go into `notes`."""
    doc = without_layout(doc)
    doc_type = resolve(parts, title_of(doc), type_name)
    names = list(available) if available is not None else None
    return official_docx(official_body(doc, overrides, names), parts, doc_type, names, overrides, notes)


def official_body(doc: Document, overrides: dict[str, list[str]] | None = None,
                  available: Iterable[str] | None = None) -> bytes:
    """The body alone in the official style (the page, title, headings and text): what the layout opens."""
    from editor.core.formats.docx.files import docx_bytes
    from editor.core.formats.registry import OFFICIAL_STYLE_ID, export_style

    style = export_style(OFFICIAL_STYLE_ID)
    assert style is not None  # registered by the formats package
    return docx_bytes(doc, style, list(available) if available is not None else None, overrides)


def official_docx(body: bytes, parts: Parts, doc_type: DocType | None,
                  available: Iterable[str] | None = None, overrides: dict[str, list[str]] | None = None,
                  notes: list[str] | None = None) -> bytes:
    """The official body DOCX with the parts laid out around it (and stored in it); warnings go into `notes`."""
    return layout.apply(body, parts, doc_type, available, overrides, notes)


def draft_parts(text: str) -> tuple[Parts, str, Source]:
    """A draft's parts, its body text, and the draft read for checking (raises FrontMatterError)."""
    from editor.core.gongwen import front_matter

    fm = front_matter.split(text)
    return fm.parts, fm.body, from_text(text)


def title_of(doc: Document) -> str:
    """The first non-empty paragraph text of a document."""
    return next((t for t in (line.strip() for line in doc.plain_text().split("\n")) if t), "")
