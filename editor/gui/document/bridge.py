"""Move documents between QTextDocument and the core document model, formatting included.

Mapping: runs <-> QTextCharFormat (bold, italic, underline, families, point size, colour,
anchor); paragraphs <-> QTextBlockFormat (alignment, indents, line height, margins, page break,
headingLevel and paragraph_styles.STYLE_PROPERTY for the role); lists <-> QTextList; tables <->
QTextTable. Content the editor cannot show (images, footnote marks …) is an object character
drawn as a small labelled box; its XML and the source package wait in the document's state.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextLength,
    QTextListFormat,
    QTextTable,
    QTextTableCell,
    QTextTableFormat,
)

from editor.core.model.document import OBJECT_CHAR, Document, Paragraph, Run, Table, body_signature
from editor.gui.document.docx_state import (
    EXTRA_P,
    EXTRA_R,
    KEPT_BLOCK,
    KEPT_KEY,
    KEPT_OBJECT,
    ORIGIN,
    P_FIELDS,
    R_FIELDS,
    READ_P,
    READ_R,
    STATE,
    WRAP,
    DocxState,
    KeptObjectHandler,
    _has_dynamic,
    _install_handler,
    _kept_format,
    _prop,
    baseline,
    char_format,
    clear_state,
    mark_untouched,
    p_is_style,
    qt_filler,
    remember_format,
    restore_format,
    set_properties,
    shown_paragraph,
    shown_run,
    state_of,
    untouched_origins,
)
from editor.gui.document.paragraph_styles import BY_ID, STYLE_PROPERTY

__all__ = ["KEPT_OBJECT", "DocxState", "KeptObjectHandler", "clear_state", "load_model", "set_properties", "state_of",
           "to_model"]
PX_PER_PT = 96 / 72  # Qt lays text out in logical pixels at 96 dpi
# Page view (output/page_view.py) lays paragraphs out for the page; the document keeps its own layout:
MODEL_FONT = "yukuModelFont"  # document property: the default font under the view's
BLOCK_FORMAT_VIEWS: list[Callable[[QTextBlockFormat], QTextBlockFormat]] = []  # each: view format -> own
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight, "justify": Qt.AlignmentFlag.AlignJustify}
_LH = QTextBlockFormat.LineHeightTypes

# -- QTextDocument -> model ---------------------------------------------------------------------


def to_model(qdoc: QTextDocument) -> Document:
    """The editor's content as a core Document."""
    st = state_of(qdoc)
    doc = Document(kept=dict(st.kept), source=st.source, unsupported=list(st.unsupported), properties=dict(st.properties),
                   encoding=st.encoding)
    own = qdoc.property(MODEL_FONT) if _has_dynamic(qdoc, MODEL_FONT) else None
    font = own if isinstance(own, QFont) else qdoc.defaultFont()
    families = font.families() or [font.family()]
    doc.default_font = families[0] if families and families[0] else None
    doc.default_size = font.pointSizeF() if font.pointSizeF() > 0 else None
    doc.blocks = _frame_blocks(qdoc.rootFrame(), {})
    if doc.source is not None:
        doc.blocks = [b for i, b in enumerate(doc.blocks) if not qt_filler(doc.blocks, i)]
        mark_untouched(doc.blocks, st.baseline)
        doc.base = st.base
    return doc


def _frame_blocks(frame: QTextFrame | QTextTableCell, lists: dict[int, int]) -> list[Paragraph | Table]:
    out: list[Paragraph | Table] = []
    it = frame.begin()
    while not it.atEnd():
        block = it.currentBlock()
        if block.isValid():
            out.extend(_paragraphs(block, lists))
        else:
            child = it.currentFrame()  # only asked when there is one (see _prop)
            if isinstance(child, QTextTable):
                out.append(_table(child, lists))
            elif child is not None:
                out.extend(_frame_blocks(child, lists))
        it += 1
    return out


def _table(table: QTextTable, lists: dict[int, int]) -> Table:
    """A QTextTable as a model table: one model cell per Word cell (a merged one once, and hidden under it)."""
    origin, widths = _prop(table.format(), ORIGIN), table.format().columnWidthConstraints()
    t = Table(origin=origin if isinstance(origin, str) else None)
    if widths and all(c.type() == QTextLength.Type.FixedLength for c in widths):
        t.widths = [round(c.rawValue() / PX_PER_PT, 2) for c in widths]
    for r in range(table.rows()):
        t.rows.append([])
        t.spans.append([])
        t.down.append([])
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            if cell.column() == c:  # else a column of a cell spanning several: that cell is its first column's
                t.spans[-1].append(cell.columnSpan())
                t.down[-1].append(cell.rowSpan() if cell.row() == r else 0)  # 0: under a merged cell, hidden
                t.rows[-1].append([p for p in _frame_blocks(cell, lists) if isinstance(p, Paragraph)] if cell.row() == r else [])
    t.spans, t.down = [[] if all(n == 1 for row in grid for n in row) else grid for grid in (t.spans, t.down)]
    return t


def _paragraphs(block: QTextBlock, lists: dict[int, int]) -> list[Paragraph]:
    """One block as a paragraph; a kept block typed into becomes the block plus a paragraph."""
    bf = block.blockFormat()
    for view in BLOCK_FORMAT_VIEWS:
        bf = view(bf)
    p = Paragraph()
    style = _prop(bf, STYLE_PROPERTY)
    level = bf.headingLevel()
    if isinstance(style, str) and style in BY_ID:
        p.style = style
    elif 1 <= level <= 4:
        p.style = f"heading{level}"
    role = BY_ID.get(p.style)
    centred_role = role is not None and role.centered and bool(bf.alignment() & Qt.AlignmentFlag.AlignHCenter)
    if bf.hasProperty(QTextFormat.Property.BlockAlignment) and not centred_role:
        a = bf.alignment()
        p.align = "center" if a & Qt.AlignmentFlag.AlignHCenter else "right" if a & Qt.AlignmentFlag.AlignRight \
            else "justify" if a & Qt.AlignmentFlag.AlignJustify else "left"
    if bf.hasProperty(QTextFormat.Property.TextIndent):
        p.first_line_indent = round(bf.textIndent() / PX_PER_PT, 2)
    if bf.hasProperty(QTextFormat.Property.BlockLeftMargin):
        p.left_indent = round(bf.leftMargin() / PX_PER_PT, 2)
    if bf.hasProperty(QTextFormat.Property.BlockRightMargin):
        p.right_indent = round(bf.rightMargin() / PX_PER_PT, 2)
    if bf.hasProperty(QTextFormat.Property.BlockTopMargin):
        p.space_before = round(bf.topMargin() / PX_PER_PT, 2)
    if bf.hasProperty(QTextFormat.Property.BlockBottomMargin):
        p.space_after = round(bf.bottomMargin() / PX_PER_PT, 2)
    lh_type = bf.lineHeightType()
    if lh_type == _LH.ProportionalHeight.value and bf.lineHeight() != 0:
        p.line_spacing = round(bf.lineHeight() / 100, 3)
    elif lh_type in (_LH.FixedHeight.value, _LH.MinimumHeight.value):
        p.line_height = round(bf.lineHeight() / PX_PER_PT, 2)
    p.page_break_before = bool(bf.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    extra = _prop(bf, EXTRA_P)
    p.extra = extra if isinstance(extra, str) else ""
    origin = _prop(bf, ORIGIN)
    p.origin = origin if isinstance(origin, str) else None
    tl = block.textList() if bf.objectIndex() >= 0 else None
    if tl is not None:
        lf = tl.format()
        p.list_kind = "bullet" if lf.style().value in (-1, -2, -3) else "number"  # Disc, Circle, Square
        p.list_level = max(lf.indent() - 1, 0)
        p.list_id = _list_key(tl, lists)
    restore_format(bf, READ_P, p, P_FIELDS)
    style_fmt = BY_ID.get(p.style)
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid():
            p.runs.append(_run(frag.text(), frag.charFormat(), style_fmt))
        it += 1
    kept_block = _prop(bf, KEPT_BLOCK)
    if isinstance(kept_block, str):
        rest = [r for r in p.runs if r.kept != kept_block]
        p.runs = rest
        head = Paragraph(kept_block=kept_block, origin=p.origin)
        if not any(r.kept == kept_block for r in block_runs(block)):
            return [p]  # the placeholder itself was deleted
        p.origin = None  # text typed after a kept block is a new paragraph
        return [head, p] if any(r.text for r in rest) else [head]
    return [p]


def block_runs(block: QTextBlock) -> list[Run]:
    """The kept objects of a block, as runs (to tell whether a kept block's placeholder is still there)."""
    out = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid() and frag.charFormat().objectType() == KEPT_OBJECT:
            key = _prop(frag.charFormat(), KEPT_KEY)
            out.append(Run(OBJECT_CHAR, kept=key if isinstance(key, str) else ""))
        it += 1
    return out


def _list_key(tl: object, lists: dict[int, int]) -> int:
    # QTextList wrappers are recreated on each call; the list's first block identifies it.
    first = tl.item(0).position()  # type: ignore[attr-defined]
    return lists.setdefault(first, len(lists) + 1)


def _run(text: str, cf: QTextCharFormat, style: object) -> Run:
    wrap = _prop(cf, WRAP)
    if cf.objectType() == KEPT_OBJECT:
        key = _prop(cf, KEPT_KEY)
        return Run(OBJECT_CHAR, kept=key if isinstance(key, str) else "", wrap=wrap if isinstance(wrap, str) else None)
    r = Run(text, wrap=wrap if isinstance(wrap, str) else None)
    style_families = list(getattr(style, "families", ()))
    style_bold = bool(getattr(style, "bold", False))
    if cf.hasProperty(QTextFormat.Property.FontWeight):
        bold = cf.fontWeight() >= QFont.Weight.DemiBold.value
        # A heading's own weight is the style's, not the writer's emphasis.
        r.bold = bold and not (style_bold and p_is_style(cf, style_families))
    r.italic = cf.fontItalic()
    r.underline = cf.fontUnderline()
    families = cf.fontFamilies() if cf.hasProperty(QTextFormat.Property.FontFamilies) else None
    if families and list(families) != style_families:
        r.font = str(families[0])
    if cf.hasProperty(QTextFormat.Property.FontPointSize) and cf.fontPointSize() > 0:
        r.size = round(cf.fontPointSize(), 2)
    if cf.hasProperty(QTextFormat.Property.ForegroundBrush):
        brush = cf.foreground()
        if brush.style() != Qt.BrushStyle.NoBrush:
            r.color = brush.color().name()[1:].upper()
    if cf.isAnchor() and cf.anchorHref():
        r.link = cf.anchorHref()
    extra = _prop(cf, EXTRA_R)
    r.extra = extra if isinstance(extra, str) else ""
    restore_format(cf, READ_R, r, R_FIELDS)
    return r


# -- model -> QTextDocument ---------------------------------------------------------------------


def load_model(qdoc: QTextDocument, doc: Document) -> None:
    """Replace the editor's content with a core Document (not undoable, like opening a file)."""
    _install_handler(qdoc)
    undo = qdoc.isUndoRedoEnabled()
    qdoc.setUndoRedoEnabled(False)  # opening is not an edit; and it is much faster
    try:
        qdoc.clear()
        state = DocxState(dict(doc.kept), doc.source, list(doc.unsupported), properties=dict(doc.properties),
                          encoding=doc.encoding)
        qdoc.setProperty(STATE, state)
        cursor = QTextCursor(qdoc)
        cursor.beginEditBlock()
        _insert_blocks(cursor, doc.blocks, doc, first=True)
        cursor.endEditBlock()
        if doc.source is not None:
            shown = _frame_blocks(qdoc.rootFrame(), {})
            shown = [b for i, b in enumerate(shown) if not qt_filler(shown, i)]
            # Only blocks untouched in the model given (all of a file just read; not those a recovered
            # draft had edited) may be written back as their source elements.
            clean = untouched_origins(doc.blocks)
            state.baseline = {o: sig for o, sig in baseline(shown, {}).items() if o in clean}
            mark_untouched(shown, state.baseline)
            state.base = body_signature(Document(shown))
    finally:
        qdoc.setUndoRedoEnabled(undo)


def _insert_blocks(cursor: QTextCursor, blocks: list[Paragraph | Table], doc: Document, first: bool) -> None:
    # One QTextList per list and level: Qt shows a level by the list's indent.
    lists: dict[tuple[int | None, str, int], object] = {}
    prev_list: tuple[int | None, str, int] | None = None
    for block in blocks:
        if isinstance(block, Table):
            _insert_table(cursor, block, doc)
            first = True  # the table leaves an empty block after it: the next paragraph goes there
            prev_list = None
            continue
        bf, cf = _block_format(block)
        if not first:
            cursor.insertBlock(bf, cf)
        first = False
        current = cursor.currentList() if cursor.blockFormat().objectIndex() >= 0 else None
        if current is not None:
            current.remove(cursor.block())  # a new block joins the list before it; not ours to keep
        cursor.setBlockFormat(bf)
        cursor.setBlockCharFormat(cf)
        if block.kept_block is not None:
            item = doc.kept.get(block.kept_block)
            cursor.insertText(OBJECT_CHAR, _kept_format(block.kept_block, item.label if item else ""))
            prev_list = None
            continue
        if block.list_kind:
            key = (block.list_id if block.list_id is not None else -1 if prev_list is None else prev_list[0],
                   block.list_kind, block.list_level)
            tl = lists.get(key)
            if tl is None:
                lf = QTextListFormat()
                lf.setStyle(QTextListFormat.Style.ListDecimal if block.list_kind == "number"
                            else QTextListFormat.Style.ListDisc)
                lf.setIndent(block.list_level + 1)
                lists[key] = cursor.createList(lf)
            else:
                tl.add(cursor.block())  # type: ignore[attr-defined]
            prev_list = key
        else:
            prev_list = None
        for run in block.runs:
            if run.kept is not None:
                item = doc.kept.get(run.kept)
                fmt = _kept_format(run.kept, item.label if item else "")
                if run.wrap:
                    fmt.setProperty(WRAP, run.wrap)
                cursor.insertText(OBJECT_CHAR, fmt)
            elif run.text:
                fmt = char_format(run, cf)
                if doc.source is not None:  # only a save into the source needs the format as read
                    remember_format(fmt, READ_R, shown_run(run, BY_ID.get(block.style)), run, R_FIELDS)
                cursor.insertText(run.text.replace("\n", "\u2028"), fmt)
        if doc.source is not None and remember_format(read := QTextBlockFormat(), READ_P,
                                                      shown_paragraph(block, BY_ID.get(block.style)), block, P_FIELDS):
            cursor.mergeBlockFormat(read)


def _insert_table(cursor: QTextCursor, table: Table, doc: Document) -> None:
    rows, cols = len(table.rows), table.grid_columns()
    if not rows or not cols:
        cursor.insertBlock()
        return
    fmt = QTextTableFormat()
    if table.origin is not None:
        fmt.setProperty(ORIGIN, table.origin)
    if len(table.widths) == cols and all(w > 0 for w in table.widths):  # the file's own column widths
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.FixedLength, w * PX_PER_PT) for w in table.widths])
    qt_table = cursor.insertTable(rows, cols, fmt)
    for r, row in enumerate(table.rows):
        col = 0
        for c, cell in enumerate(row[:cols]):
            span, down = min(table.span(r, c)[0], cols - col), min(table.span(r, c)[1], rows - r)
            if span > 0 and down:  # a cell under a merged one (down 0) is hidden: the merged cell covers it
                if span > 1 or down > 1:  # merged while empty: merging a filled cell drops its last block's format
                    qt_table.mergeCells(r, col, down, span)
                _insert_blocks(qt_table.cellAt(r, col).firstCursorPosition(), list(cell), doc, first=True)
                if span > 1 or down > 1:  # its spans live in its first block's char format, which filling it reset
                    spans = QTextCharFormat()
                    spans.setProperty(QTextFormat.Property.TableCellRowSpan, down)
                    spans.setProperty(QTextFormat.Property.TableCellColumnSpan, span)
                    qt_table.cellAt(r, col).firstCursorPosition().mergeBlockCharFormat(spans)
            col += max(span, 0)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _block_format(p: Paragraph) -> tuple[QTextBlockFormat, QTextCharFormat]:
    bf = QTextBlockFormat()
    cf = QTextCharFormat()
    style = BY_ID.get(p.style)
    if p.style != "body" and style is not None:
        bf.setProperty(STYLE_PROPERTY, p.style)
        bf.setHeadingLevel(style.heading_level)
        # Show the role the way the paragraph-style feature does, so headings look like headings.
        cf.setProperty(QTextFormat.Property.FontSizeAdjustment, style.size_adjustment)
        cf.setFontWeight(QFont.Weight.Bold if style.bold else QFont.Weight.Normal)
        cf.setFontFamilies(list(style.families))
        if style.centered and p.align is None:
            bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    if p.align:
        bf.setAlignment(_ALIGN.get(p.align, Qt.AlignmentFlag.AlignLeft))
    if p.first_line_indent is not None:
        bf.setTextIndent(p.first_line_indent * PX_PER_PT)
    if p.left_indent is not None:
        bf.setLeftMargin(p.left_indent * PX_PER_PT)
    if p.right_indent is not None:
        bf.setRightMargin(p.right_indent * PX_PER_PT)
    if p.space_before is not None:
        bf.setTopMargin(p.space_before * PX_PER_PT)
    if p.space_after is not None:
        bf.setBottomMargin(p.space_after * PX_PER_PT)
    if p.line_height:
        bf.setLineHeight(p.line_height * PX_PER_PT, _LH.FixedHeight.value)
    elif p.line_spacing:
        bf.setLineHeight(p.line_spacing * 100, _LH.ProportionalHeight.value)
    if p.page_break_before:
        bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    if p.extra:
        bf.setProperty(EXTRA_P, p.extra)
    if p.kept_block is not None:
        bf.setProperty(KEPT_BLOCK, p.kept_block)
    if p.origin is not None:
        bf.setProperty(ORIGIN, p.origin)
    return bf, cf
