"""Fast path of the DOCX reader: plain body paragraphs read straight from document.xml's text.

Walking lxml elements from Python costs ~0.4 µs per element (a proxy object each), more than
python-docx's whole open of a long document. Most paragraphs are `w:p` > `w:pPr`? > `w:r` >
`w:rPr`? + `w:t`: one regular expression (which runs in C) cuts the body into tokens, and their
w:pPr/w:rPr, repeated thousands of times with the same text, are read once each by the lxml path.
Everything else (tables, fields, bookmarks, drawings …) is handed to the lxml path element by
element, so the model is exactly the one that path builds on its own.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from editor.core.document_model import Paragraph, Run

# Attributes, quoted either way; never a namespace declaration (the reparse below relies on the
# paragraph and run inheriting exactly the root's namespaces).
ATTRS = r"""(?:\s+(?!xmlns)[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*"""
_ANY_ATTRS = r"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*"""
# Content of a w:rPr / w:pPr that holds no element of the same name (a w:rPrChange does: lxml path).
_RPR = rf"<w:rPr{ATTRS}(?:/>|>[^<]*(?:<(?!/?w:rPr[\s/>])[^<]*)*</w:rPr>)"
_PPR = rf"<w:pPr{ATTRS}(?:/>|>[^<]*(?:<(?!/?w:pPr[\s/>])[^<]*)*</w:pPr>)"
# Tokens covering the body without gaps: a whole plain run (w:rPr? + one w:t, and the w:p close
# when it follows), w:p open (with its w:pPr), w:p close, a w:pPr, any other tag, text between tags.
_TOKENS = re.compile(rf"(<w:r{ATTRS}>)({_RPR})?<w:t{ATTRS}>([^<]*)</w:t></w:r>(</w:p>)?|(<w:p{ATTRS}>)({_PPR})?"
                     rf"|(</w:p>)|({_PPR})|<(/?)([^\s/>]+){_ANY_ATTRS}(/?)>|([^<]+)")
_REF = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_DECL = re.compile(r"""<\?xml(?:\s+version\s*=\s*(?:"[^"]*"|'[^']*'))?(?:\s+encoding\s*=\s*(["'])([^"']*)\1)?"""
                   r"""(?:\s+standalone\s*=\s*(?:"[^"]*"|'[^']*'))?\s*\?>""")


class Mismatch(Exception):
    """The text and lxml's tree disagree: the caller reads the whole body through lxml instead."""


def _ref(m: re.Match[str]) -> str:
    if m.group(3):
        return _NAMED[m.group(3)]
    return chr(int(m.group(1))) if m.group(1) else chr(int(m.group(2), 16))


def unescape(text: str) -> str:
    """Character data as lxml gives it: line ends normalised first, then references expanded."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _REF.sub(_ref, text) if "&" in text else text


def body_text(raw: bytes) -> str | None:
    """document.xml as text, or None when it holds what the patterns do not model (then: lxml path)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    start = 0
    if raw.startswith(b"<?xml"):
        m = _DECL.match(raw[:200].decode("latin-1"))
        if m is None or (m.group(2) and m.group(2).lower().replace("_", "-") not in ("utf-8", "utf8")):
            return None
        start = m.end()
    # Comments, CDATA (both "<!…") and processing instructions could hide tags from the patterns; a
    # second declaration of the w prefix could rename it. Word writes none of these in document.xml.
    if b"<!" in raw or raw.find(b"<?", start) >= 0 or raw.count(b"xmlns:w=") != 1:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


class FastBody:
    """Body children of one document: plain paragraphs from the text, the rest via `other`."""

    def __init__(self, text: str, wrap: tuple[str, str], parse: Callable[[str], Any],
                 ppr: Callable[[Paragraph, Any], None], rpr: Callable[[Any], tuple]) -> None:
        self.text = text
        self.head, self.tail = wrap
        self.parse = parse
        self.ppr_of, self.rpr_of = ppr, rpr
        self.pprs: dict[str, tuple] = {}
        self.rprs: dict[str, tuple] = {}

    def _ppr(self, xml: str) -> tuple:
        """Paragraph fields after `runs` for a w:pPr, read once per distinct text by the lxml path."""
        vals = self.pprs.get(xml)
        if vals is None:
            p = Paragraph()
            self.ppr_of(p, self.parse(f"{self.head}<w:p>{xml}</w:p>{self.tail}")[0][0][0])
            vals = self.pprs[xml] = (p.style, p.align, p.first_line_indent, p.left_indent, p.right_indent,
                                     p.line_spacing, p.line_height, p.space_before, p.space_after, p.list_kind,
                                     p.list_level, p.list_id, p.page_break_before, None, p.extra)
        return vals

    def _rpr(self, xml: str) -> tuple:
        """Run() arguments after the text for a w:rPr, read once per distinct text by the lxml path."""
        args = self.rprs.get(xml)
        if args is None:
            b, i, u, font, size, color, extra = self.rpr_of(
                self.parse(f"{self.head}<w:p><w:r>{xml}</w:r></w:p>{self.tail}")[0][0][0][0])
            args = self.rprs[xml] = (b, i, u, font, size, color, None, None, extra)
        return args

    def tokens(self, start: int) -> list[tuple]:
        """The body's tokens from start (its content, after <w:body>)."""
        return _TOKENS.findall(self.text, start)

    def read(self, tokens: list[tuple], body: Callable[[], Any], other: Callable[[Any, list], None]) -> list:
        """Blocks of the body whose content starts at start; other(element, out) reads the rest.

        One findall cuts the body into tokens that cover it without gaps (every tag is matched by
        the generic alternative if by no other): plain paragraphs are built from their tokens, any
        other top-level element is counted through by depth and read from lxml's tree.
        """
        out: list = []
        plain = (False, False, False, None, None, None, None, None, "")  # docx_read._PLAIN as Run() args
        pprs, get_ppr, rprs, get_rpr = self.pprs, self._ppr, self.rprs, self._rpr
        depth = 0
        i = -1  # index of the current top-level element among the body's children
        simple = False
        ppr_xml = ""
        runs: list[Run] = []  # of the paragraph being read
        last, last_fmt = Run(""), ()  # its last run and that run's format
        seen = False  # the paragraph has an element child already (w:pPr counts only first)
        opened = ""
        for (r_open, rpr, t_text, r_end_p, p_open, p_ppr, p_close, ppr, close, name, selfc,
             _txt) in tokens:
            if simple:
                if r_open:
                    if "&" in t_text or "\r" in t_text:
                        t_text = unescape(t_text)
                    fmt = (rprs.get(rpr) or get_rpr(rpr)) if rpr else plain
                    if fmt == last_fmt:
                        last.text += t_text  # as _merge_runs joins neighbouring runs of one format
                    else:
                        last, last_fmt = Run(t_text, *fmt), fmt
                        runs.append(last)
                    if not r_end_p:
                        seen = True
                        continue
                    p_close = r_end_p
                if p_close:
                    out.append(Paragraph(runs, *(pprs.get(ppr_xml) or get_ppr(ppr_xml))) if ppr_xml
                               else Paragraph(runs))
                    depth, simple = 0, False
                    continue
                if ppr and not seen:
                    ppr_xml, seen = ppr, True
                    continue
                if _txt:
                    continue  # a tail: never read
                simple = False  # anything else: the whole paragraph goes through lxml
            elif depth == 0:
                if p_open:
                    depth, i, simple, ppr_xml, seen, opened = 1, i + 1, True, p_ppr, bool(p_ppr), "w:p"
                    runs, last_fmt = [], ()
                    continue
                if close:
                    break  # </w:body>
                if name:
                    i += 1
                    if selfc:
                        self._other(body, i, name, other, out)
                    else:
                        depth, opened = 1, name
                    continue
                if (ppr or r_open) and not r_end_p:  # not where the schema allows them: lxml reads it
                    i += 1
                    self._other(body, i, "w:pPr" if ppr else "w:r", other, out)
                    continue
                if _txt:
                    continue
                raise Mismatch("unexpected token")
            if p_open:
                depth += 1
            elif p_close or r_end_p:
                depth -= 1
            elif name:
                if close:
                    depth -= 1
                elif not selfc:
                    depth += 1
            if depth == 0:
                self._other(body, i, opened, other, out)
        else:
            raise Mismatch("body not closed")
        if i + 1 != len(body()):  # also waits for lxml's parse: a malformed part is refused
            raise Mismatch("text and tree disagree")
        return out

    @staticmethod
    def _other(body: Callable[[], Any], i: int, name: str, other: Callable[[Any, list], None], out: list) -> None:
        """A top-level element the tokens do not model, read from lxml's tree."""
        el = body()[i]
        if _qname(el) != name:
            raise Mismatch("text and tree disagree")
        other(el, out)


def _qname(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    local = tag.rsplit("}", 1)[-1]
    return f"{el.prefix}:{local}" if el.prefix else local
