"""Inline content of a Word paragraph (runs, hyperlinks, content controls, kept objects) onto the model.

The reader (docx/read.py) uses it for every paragraph it reads; the patching writer (docx/patch_runs.py)
reads a source paragraph's children again with the very same rules, so it can tell which of them still
hold exactly what the edited paragraph shows and keep those elements as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from editor.core.formats.docx.read_props import PropsReader, local_name
from editor.core.formats.docx.structure import BREAK_LABELS, M_NS, MC_NS, W
from editor.core.model.document import LINE_BREAK, OBJECT_CHAR, Document, KeptItem, Paragraph, Run

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_DROP_INLINE = {"proofErr", "permStart", "permEnd", "lastRenderedPageBreak", "noProof"}
_DESCEND = {"dir", "bdo", "ins", "moveTo"}
# Inline wrappers kept around the runs they hold (Run.wrap), so an edited paragraph keeps them too.
_WRAPPERS = {"sdt": "sdtContent", "smartTag": "", "customXml": ""}
_LABELS = {"footnoteReference": "脚注", "endnoteReference": "尾注", "commentReference": "批注",
           "object": "嵌入对象", "sym": "符号", "fldSimple": "域", "ruby": "拼音"}
_INVISIBLE_INLINE = {"bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "del",
                     "moveFrom", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"}
EMU_PER_CM = 360000
_VML_SIZE = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px)?")
_UNIT_CM = {"pt": 2.54 / 72, "in": 2.54, "cm": 1.0, "mm": 0.1, "px": 2.54 / 96, "": 2.54 / 72}

T_T, T_RPR, T_BR, T_R, T_P, T_PPR = W + "t", W + "rPr", W + "br", W + "r", W + "p", W + "pPr"
T_TYPE = W + "type"
_SIMPLE_TEXT = {W + "tab": "\t", W + "cr": LINE_BREAK, W + "noBreakHyphen": "\u2011", W + "softHyphen": "\u00ad"}
_PLAIN: tuple = (False, False, False, None, None, None, "")


class InlineReader(PropsReader):
    """Runs and inline elements of paragraphs, kept content stored in a document's kept items."""

    def __init__(self, doc: Document, nsmap: dict[str | None, str] | None = None) -> None:
        self.doc = doc
        self.decls: re.Pattern[str] = _declarations(nsmap or {})
        self.counter = 0
        self._heads: dict[str, str] = {}
        self.go_back: set[str] = set()

    # -- helpers --------------------------------------------------------------------------------

    def raw(self, el: Any) -> str:
        """An element's XML without the namespace declarations the root makes (patch.py adds them back)."""
        from lxml import etree

        text = etree.tostring(el, encoding="unicode", with_tail=False)
        end = text.find(">")
        head = text[:end]
        stripped = self._heads.get(head)
        if stripped is None:  # start tags repeat (every w:rPr): strip each kind once
            stripped = self._heads[head] = self.decls.sub("", head)
        return stripped + text[end:]

    def keep(self, xml: str, label: str, block: bool = False) -> str:
        """Store content aside and return its key."""
        self.counter += 1
        key = f"k{self.counter}"
        self.doc.kept[key] = KeptItem(xml, label, block)
        return key

    def note(self, what: str) -> None:
        """Remember content that will not survive editing as it was."""
        if what not in self.doc.unsupported:
            self.doc.unsupported.append(what)

    # -- inline content ---------------------------------------------------------------------------------

    def inline(self, parent: Any, p: Paragraph, link: str | None) -> None:
        """Runs and inline elements of a paragraph (or of a hyperlink, insertion … inside it)."""
        for el in parent:
            tag = el.tag
            if tag == T_R:
                self.run(el, p, link)
            elif tag != T_PPR:  # every paragraph starts with one: not worth a call
                self.inline_child(el, p, link)

    def inline_child(self, el: Any, p: Paragraph, link: str | None) -> None:
        """One child of a paragraph (or of a wrapper inside it) onto p's runs."""
        tag = el.tag
        if tag == T_R:
            self.run(el, p, link)
            return
        if not isinstance(tag, str) or tag == T_PPR:
            return
        name = local_name(tag)
        if tag == W + "hyperlink":
            anchor, rid = el.get(W + "anchor"), el.get(R_ID)
            target = f"#{anchor}" if anchor else f"rId:{rid}" if rid else None
            self.inline(el, p, target)
        elif name in _DESCEND and tag.startswith(W):
            if name in ("ins", "moveTo"):
                self.note("修订标记（编辑过的段落保存时接受其中的插入）")
            self.inline(el, p, link)
        elif name in _WRAPPERS and tag.startswith(W):
            self.wrapped(el, p, link)
        elif name in _DROP_INLINE:
            return
        elif tag == W + "bookmarkStart" and el.get(W + "name") == "_GoBack":
            self.go_back.add(el.get(W + "id", ""))  # Word's "last edit" mark: not content
        elif tag == W + "bookmarkEnd" and el.get(W + "id", "") in self.go_back:
            return
        elif name in _INVISIBLE_INLINE and tag.startswith(W):
            p.runs.append(Run(OBJECT_CHAR, kept=self.keep(self.raw(el), "")))
        else:
            label = "公式" if tag.startswith(M_NS) else _LABELS.get(name, "其他内容")
            p.runs.append(Run(OBJECT_CHAR, kept=self.keep(self.raw(el), label)))

    def wrapped(self, el: Any, p: Paragraph, link: str | None) -> None:
        """An inline content control (or smart tag, custom XML): its runs shown, its wrapper kept."""
        from copy import deepcopy

        content_name = _WRAPPERS[local_name(el.tag)]
        content = el.find(W + content_name) if content_name else el
        if content is None:
            p.runs.append(Run(OBJECT_CHAR, kept=self.keep(self.raw(el), "内容控件")))
            return
        shell = deepcopy(el)
        inner = shell.find(W + content_name) if content_name else shell
        for child in list(inner):
            if not (isinstance(child.tag, str) and child.tag.endswith("Pr")):
                inner.remove(child)
        key = self.keep(self.raw(shell), "")
        start = len(p.runs)
        self.inline(content, p, link)
        for r in p.runs[start:]:
            if r.wrap is None:  # the innermost wrapper is kept when wrappers nest
                r.wrap = key

    def run(self, el: Any, p: Paragraph, link: str | None) -> None:
        """A w:r: text with its format; objects and breaks inside it become kept runs of their own."""
        n = len(el)
        if n == 1 and el[0].tag == T_T:  # the usual shapes first: <w:r><w:t/></w:r> …
            p.runs.append(Run(el[0].text or "", link=link))
            return
        if n == 2 and el[0].tag == T_RPR and el[1].tag == T_T:  # … and <w:r><w:rPr/><w:t/></w:r>
            b, i, u, font, size, color, extra = self.run_props(el[0])
            p.runs.append(Run(el[1].text or "", b, i, u, font, size, color, None, link, extra))
            return
        rpr = None
        fmt = _PLAIN
        text: list[str] = []
        for child in el:
            tag = child.tag
            if tag == T_T:
                text.append(child.text or "")
            elif tag == T_RPR:
                rpr = child
                fmt = self.run_props(rpr)
            elif not isinstance(tag, str):
                continue
            elif tag in _SIMPLE_TEXT:
                text.append(_SIMPLE_TEXT[tag])
            elif tag == T_BR and child.get(T_TYPE, "textWrapping") == "textWrapping":
                text.append(LINE_BREAK)
            elif local_name(tag) in _DROP_INLINE:
                continue
            else:
                self._flush(fmt, link, text, p)
                label = BREAK_LABELS.get(child.get(T_TYPE, ""), "") if tag == T_BR else self.label(child)
                p.runs.append(Run(OBJECT_CHAR, kept=self.keep(self._object_run(el, rpr, child), label)))
        if text:
            self._flush(fmt, link, text, p)

    def _object_run(self, run: Any, rpr: Any, child: Any) -> str:
        """A run holding only one object, with its run's format (superscript footnote marks …)."""
        from copy import deepcopy

        from lxml import etree

        r = etree.Element(T_R, nsmap=run.nsmap)
        for name, value in run.attrib.items():
            r.set(name, value)
        if rpr is not None:
            r.append(deepcopy(rpr))
        r.append(deepcopy(child))
        return self.raw(r)

    @staticmethod
    def _flush(fmt: tuple, link: str | None, text: list[str], p: Paragraph) -> None:
        if text:
            b, i, u, font, size, color, extra = fmt
            p.runs.append(Run("".join(text), b, i, u, font, size, color, None, link, extra))
            text.clear()

    def label(self, el: Any) -> str:
        """What a kept object is, with its size when it has one, for the placeholder and the warnings."""
        name = local_name(el.tag)
        if name in ("fldChar", "instrText", "delInstrText"):
            return ""  # field markers: the field's result stays editable text between them
        if name in ("drawing", "pict", "object") or el.tag == MC_NS + "AlternateContent":
            xml = self.raw(el)
            kind = "文本框" if "txbxContent" in xml else "图表" if "/chart" in xml else \
                "嵌入对象" if name == "object" else "图片"
            return f"{kind} {size}" if (size := _object_size(el)) else kind
        return _LABELS.get(name, "其他内容")



def _object_size(el: Any) -> str:
    """"3.2 × 4.1 cm" from a drawing's extent or a VML shape's style; "" when it has none."""
    extent = next(el.iter(WP_EXTENT), None)
    if extent is not None:
        try:
            cx, cy = int(extent.get("cx", "")), int(extent.get("cy", ""))
        except ValueError:
            return ""
        return _cm(cx / EMU_PER_CM, cy / EMU_PER_CM)
    for node in el.iter():
        style = node.get("style") if isinstance(node.tag, str) else None
        if style and "width" in style and "height" in style:
            dims = {k: float(v) * _UNIT_CM[u] for k, v, u in _VML_SIZE.findall(style) if _is_number(v)}
            if "width" in dims and "height" in dims:
                return _cm(dims["width"], dims["height"])
    return ""


def _cm(width: float, height: float) -> str:
    """Width × height in centimetres to one decimal ("" when too small to say)."""
    return f"{width:.1f} × {height:.1f} cm" if width >= 0.05 and height >= 0.05 else ""


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _declarations(nsmap: dict[str | None, str]) -> re.Pattern[str]:
    """The root's prefixed namespace declarations, which raw() strips (kept XML inherits them)."""
    return _declarations_of(tuple((p, u) for p, u in nsmap.items() if p))


@lru_cache(maxsize=16)
def _declarations_of(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    # A regular expression, not markup: it matches the declarations lxml writes in a start tag.
    decls = [f' xmlns:{p}="{u}"' for p, u in pairs]
    return re.compile("|".join(re.escape(d) for d in decls) or "(?!)")


