"""Plain-text drafts into the document model, headings recognised from their numbering."""
from __future__ import annotations

from editor.core.model.document import Document, Paragraph, Run
from editor.core.model.headings import heading_level

_INDENT = " \t\u3000"
TITLE_MAX_CHARS = 60


def draft_to_document(text: str) -> Document:
    """A draft: the first non-empty line is the title, numbered lines are headings 1-4.

    Leading spaces (the typist's 　　 indentation) are dropped: the layout indents paragraphs.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if text.endswith("\n"):
        text = text[:-1]  # the final newline ends the last line, it does not start another
    lines = text.split("\n") if text else []
    doc = Document([Paragraph([Run(s)] if (s := line.lstrip(_INDENT).rstrip()) else []) for line in lines])
    return recognise_roles(doc)


def recognise_roles(doc: Document) -> Document:
    """Give body paragraphs their roles in place: title first (unless one is styled so), then headings by numbering."""
    title_done = any(isinstance(b, Paragraph) and b.style == "title" for b in doc.blocks)
    for block in doc.blocks:
        if not isinstance(block, Paragraph) or block.kept_block is not None:
            continue
        text = block.text.strip()
        if not text:
            continue
        level = heading_level(text)
        if not title_done:
            title_done = True
            if level is None and len(text) <= TITLE_MAX_CHARS and block.style == "body":
                block.style = "title"
                continue
        if level is not None and block.style == "body":
            block.style = f"heading{level}"
    return doc
