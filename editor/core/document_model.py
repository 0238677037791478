"""A neutral document model between the editor (QTextDocument) and files (TXT, DOCX)."""
from __future__ import annotations

from dataclasses import dataclass, field

# Paragraph roles. Headings 1-4 follow the official numbering 一、 （一） 1. （1）.
STYLES = ("title", "heading1", "heading2", "heading3", "heading4", "body")
ALIGNMENTS = ("left", "center", "right", "justify")


@dataclass
class Run:
    """A stretch of text with one character format; None means 'inherit'."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    font: str | None = None
    size: float | None = None  # points
    color: str | None = None  # "RRGGBB"


@dataclass
class Paragraph:
    """One paragraph: its role, layout and runs."""

    runs: list[Run] = field(default_factory=list)
    style: str = "body"
    align: str | None = None
    first_line_indent: float | None = None  # points
    left_indent: float | None = None  # points
    line_spacing: float | None = None  # multiple of single spacing
    list_kind: str | None = None  # "bullet" or "number"
    page_break_before: bool = False

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(r.text for r in self.runs)


@dataclass
class Table:
    """A table: rows of cells, each cell a list of paragraphs."""

    rows: list[list[list[Paragraph]]] = field(default_factory=list)


Block = Paragraph | Table


@dataclass
class Document:
    """A whole document: blocks in order, plus what a file held that the editor cannot show."""

    blocks: list[Block] = field(default_factory=list)
    # Human-readable names of content kept aside or lost (images, footnotes, comments …).
    unsupported: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Top-level paragraphs (tables excluded)."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def plain_text(self) -> str:
        """All text, one line per paragraph; table cells separated by tabs."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                for row in block.rows:
                    lines.append("\t".join("\n".join(p.text for p in cell) for cell in row))
        return "\n".join(lines)

    @classmethod
    def from_plain_text(cls, text: str) -> Document:
        """One body paragraph per line."""
        return cls([Paragraph([Run(line)] if line else []) for line in text.split("\n")])
