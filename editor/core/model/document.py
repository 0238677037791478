"""A neutral document model between the editor (QTextDocument) and files (TXT, DOCX)."""
from __future__ import annotations

import marshal
import zlib
from dataclasses import dataclass, field
from operator import attrgetter

# Paragraph roles. Headings 1-4 follow the official numbering 一、 （一） 1. （1）.
STYLES = ("title", "heading1", "heading2", "heading3", "heading4", "body")
ALIGNMENTS = ("left", "center", "right", "justify")
# Stands in the text for content the editor cannot show but keeps (an image, a footnote mark …).
OBJECT_CHAR = "\ufffc"
# A line break inside a paragraph (Shift+Enter in the editor, w:br in Word).
LINE_BREAK = "\u2028"


@dataclass(slots=True)
class Run:
    """A stretch of text with one character format; None means 'inherit'."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    font: str | None = None
    size: float | None = None  # points
    color: str | None = None  # "RRGGBB"
    kept: str | None = None  # key into Document.kept when text is OBJECT_CHAR
    link: str | None = None  # hyperlink: "#anchor" or "rId:<id>" of the source package
    extra: str = ""  # the source run's whole w:rPr as XML: saving patches only what changed
    wrap: str | None = None  # key into Document.kept: the inline content control (w:sdt …) around it


@dataclass(slots=True)
class Paragraph:
    """One paragraph: its role, layout and runs."""

    runs: list[Run] = field(default_factory=list)
    style: str = "body"
    align: str | None = None
    first_line_indent: float | None = None  # points
    left_indent: float | None = None  # points
    right_indent: float | None = None  # points
    line_spacing: float | None = None  # multiple of single spacing
    line_height: float | None = None  # exact line pitch in points (wins over line_spacing)
    space_before: float | None = None  # points
    space_after: float | None = None  # points
    list_kind: str | None = None  # "bullet" or "number"
    list_level: int = 0
    list_id: int | None = None  # paragraphs of one list share it (numbering restarts per list)
    page_break_before: bool = False
    kept_block: str | None = None  # key into Document.kept: a whole block kept as it was
    extra: str = ""  # the source paragraph's whole w:pPr as XML: saving patches only what changed
    # Where the block came from in the source body ("3", "3/0" inside a content control,
    # "5/1,2/0" in a table cell) and its signature() when read: a save writes a block whose
    # signature still matches back as the very element it came from.
    origin: str | None = None
    base: int | None = None

    @property
    def text(self) -> str:
        """The paragraph's plain text (kept objects left out, line breaks as newlines)."""
        return "".join(r.text for r in self.runs if r.kept is None).replace(LINE_BREAK, "\n")


@dataclass(slots=True)
class Table:
    """A table: rows of cells (one per Word w:tc), each cell a list of paragraphs, on a grid of columns.

    A cell covers `spans[r][c]` grid columns (w:gridSpan) and `down[r][c]` rows (w:vMerge): n from
    the row a merged cell starts in, 0 in each row under it (that cell is hidden, its w:tc kept).
    Empty lists mean one column and one row per cell; `widths` empty means equal columns.
    """

    rows: list[list[list[Paragraph]]] = field(default_factory=list)
    extra: str = ""  # raw w:tblPr of the source table
    origin: str | None = None  # as Paragraph.origin
    base: int | None = None
    widths: list[float] = field(default_factory=list)  # grid column widths in points (w:tblGrid)
    spans: list[list[int]] = field(default_factory=list)
    down: list[list[int]] = field(default_factory=list)

    def span(self, r: int, c: int) -> tuple[int, int]:
        """How many grid columns and rows cell c of row r covers (rows: 0 under a merged cell)."""
        cols = self.spans[r][c] if r < len(self.spans) and c < len(self.spans[r]) else 1
        rows = self.down[r][c] if r < len(self.down) and c < len(self.down[r]) else 1
        return max(cols, 1), max(rows, 0)

    def grid_columns(self) -> int:
        """The number of grid columns: the grid's own, or the widest row's."""
        widest = max((sum(self.span(r, c)[0] for c in range(len(row))) for r, row in enumerate(self.rows)), default=0)
        return max(len(self.widths), widest)


Block = Paragraph | Table


# attrgetter builds these tuples in C: the signature of every block is taken on open and on save.
_RUN_KEY = attrgetter("text", "bold", "italic", "underline", "font", "size", "color", "kept", "link", "extra", "wrap")
_PARAGRAPH_KEY = attrgetter("style", "align", "first_line_indent", "left_indent", "right_indent", "line_spacing",
                            "line_height", "space_before", "space_after", "list_kind", "list_level", "list_id",
                            "page_break_before", "kept_block", "extra")


def _paragraph_key(p: Paragraph) -> tuple:
    return (_PARAGRAPH_KEY(p), tuple(map(_RUN_KEY, p.runs)))


def signature(block: Block) -> int:
    """A checksum of everything a block shows (not where it came from), stable across processes."""
    if isinstance(block, Paragraph):
        key: tuple = _paragraph_key(block)
    else:
        key = (block.extra, tuple(tuple(tuple(_paragraph_key(p) for p in cell) for cell in row)
                                  for row in block.rows),
               tuple(block.widths), tuple(map(tuple, block.spans)), tuple(map(tuple, block.down)))
    # marshal: a stable byte form of plain tuples, three times faster than repr on a long document.
    return zlib.crc32(marshal.dumps(key, 0))  # version 0: no object sharing or interning marks


def body_signature(doc: Document) -> int:
    """A checksum of which blocks a document holds, in order, and how each was when read."""
    return zlib.crc32(marshal.dumps(tuple((b.origin, b.base) for b in doc.blocks), 0))


def untouched(block: Block) -> bool:
    """Whether a block is as it was read from its source element (so that element can be kept)."""
    return block.origin is not None and block.base is not None and block.base == signature(block)


@dataclass(slots=True)
class KeptItem:
    """Content the editor shows as a placeholder and writes back unchanged."""

    xml: str  # the element as it was in the source document.xml
    label: str  # what the placeholder says ("图片", "脚注" …); "" for invisible markers
    block: bool = False  # a whole block (w:sdt, nested table …) rather than something inside a run


@dataclass(slots=True)
class Document:
    """A whole document: blocks in order, plus what a file held that the editor cannot show."""

    blocks: list[Block] = field(default_factory=list)
    # Human-readable names of content that will be lost on save (tracked changes accepted …).
    unsupported: list[str] = field(default_factory=list)
    kept: dict[str, KeptItem] = field(default_factory=dict)
    # The DOCX this document came from: saving rewrites only its body and keeps every other part.
    source: bytes | None = None
    default_font: str | None = None
    default_size: float | None = None
    # body_signature() when read from source: equal at save (and every block untouched), the
    # source file is the saved file.
    base: int | None = None
    # The document's own named properties (the 公文要素 as "Yuku.公文.<name>"): drafts keep them,
    # and a save writes them with the text (custom properties of a DOCX, front matter of a draft).
    properties: dict[str, str] = field(default_factory=dict)
    # The encoding a text file was read in (None: UTF-8): saving writes it back in the same one.
    encoding: str | None = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Top-level paragraphs (tables excluded)."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def kept_labels(self) -> list[str]:
        """Distinct labels of visible content kept aside (images, footnotes …), in order."""
        seen: list[str] = []
        for item in self.kept.values():
            if item.label and item.label not in seen:
                seen.append(item.label)
        return seen

    def plain_text(self) -> str:
        """All text, one line per paragraph; table cells separated by tabs."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                if block.kept_block is None:
                    lines.append(block.text)
            else:
                for row in block.rows:
                    lines.append("\t".join("\n".join(p.text for p in cell) for cell in row))
        return "\n".join(lines)

    @classmethod
    def from_plain_text(cls, text: str) -> Document:
        """One body paragraph per line."""
        return cls([Paragraph([Run(line)] if line else []) for line in text.split("\n")])
