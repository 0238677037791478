"""Fast path of the DOCX reader: plain body paragraphs read straight from document.xml's text.

Building lxml's tree of a long document costs about as much as python-docx's whole open, and
walking it from Python costs ~0.4 µs per element on top. Most paragraphs are `w:p` > `w:pPr`? >
(`w:r` > `w:rPr`? + `w:t`)*: one regular expression (which runs in C) cuts the body into whole
plain paragraphs and other tags, and their w:pPr/w:rPr, repeated thousands of times with the same
text, are read once each by the lxml path. Every other top-level element (tables, fields,
bookmarks, drawings, a paragraph that is not plain …) is parsed on its own by lxml and handed to
the lxml path, so the model is exactly the one that path builds. When such elements are many or
huge, the rest of the body is read from one parse of the whole part instead. lxml checks what it
parses; the patterns accept only well-formed plain paragraphs, and the part's characters and
references are checked once, so a malformed part still falls to lxml, which refuses it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from editor.core.formats.docx.part_text import XML_DECL, Mismatch, body_text, unescape
from editor.core.formats.docx.styles import W_NS
from editor.core.model.document import Paragraph, Run

__all__ = ["FastBody", "Mismatch", "prepare"]

# Attributes, quoted either way; never a namespace declaration (the reparse below relies on the
# paragraph and run inheriting exactly the root's namespaces).
ATTRS = r"""(?:\s+(?!xmlns)[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*"""
# No "<" anywhere in a tag (it would be malformed): a match attempt then never runs past the next
# "<", which keeps tokenising linear whatever the text (a comment full of "<" was quadratic).
_ANY_ATTRS = r"""(?:\s+[^\s=/><"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*"""
# Attributes of the tags a plain paragraph is built from, strict enough that a match is well-formed:
# XML white space only, names with a prefix the root declares, values without "<" or bad characters
# (characters and references are checked once for the whole part), nor ">" (so that _RUNS can be
# simple). One leniency: a repeated attribute.
_SP = "[ \t\r\n]"
_STRICT = rf"""(?:{_SP}+(?:w|xml{{extra}}):[A-Za-z]{{1,64}}{_SP}*={_SP}*(?:"[^"<>]*"|'[^'<>]*'))*{_SP}*"""
_TAG_NAME = r"""[^\s/>!?<"'=][^\s/><"'=]*"""  # "!" and "?" start comments, CDATA, instructions
# Content of a w:rPr / w:pPr that holds no element of the same name (a w:rPrChange does: lxml path).
# lxml parses each distinct w:rPr / w:pPr text, so these need not be strict.
_RPR = rf"<w:rPr{ATTRS}(?:/>|>[^<]*(?:<(?!/?w:rPr[\s/>])[^<]*)*</w:rPr>)"
_PPR = rf"<w:pPr{ATTRS}(?:/>|>[^<]*(?:<(?!/?w:pPr[\s/>])[^<]*)*</w:pPr>)"
# Tokens covering the body without gaps: a whole plain paragraph (groups: the whole, its w:pPr, its
# runs; Word's spell-check marks may sit between the runs, both readers drop them), any other tag
# (the whole, "/" if closing, its name, "/" if empty), text between tags, and a "<" that starts no
# tag (a comment, CDATA, a processing instruction: the lxml path reads those).
_TOKENS = (rf"(<w:p{{a}}(?:/>|>({_PPR})?((?:<w:r{{a}}>(?:{_RPR.replace(ATTRS, '{a}', 1)})?<w:t{{a}}>[^<]*</w:t></w:r>"
           rf"|<w:proofErr{{a}}/>)*)</w:p>))|(<(/?)({_TAG_NAME}){_ANY_ATTRS}(/?)>)|([^<]+)|(<)")
# A plain run among a plain paragraph's runs, which the token matched already (groups: its w:rPr,
# its character data). Their attribute values hold no ">", and a w:rPr no w:rPr inside.
# The w:rPr's attributes are matched lazily: "/>" ends an empty one before ">" can.
_RUNS = re.compile(r"<w:r(?:[ \t\r\n][^>]*)?>(<w:rPr(?:[ \t\r\n][^>]*?)?(?:/>|>.*?</w:rPr>))?<w:t[^>]*>([^<]*)</w:t>",
                   re.S)
_PATTERNS: dict[bool, re.Pattern[str]] = {}
_MANY = 64  # elements parsed one by one before the whole part is parsed instead
_BIG = 20_000  # tokens of one element counted through before the whole part is parsed instead
_SLICE = 1 << 20  # characters tokenised at a time
_PLAIN = (False, False, False, None, None, None, None, None, "")  # Run() arguments after the text, no format
_BODY_OPEN = re.compile(rf"<w:body{ATTRS}>")
_BODY_END = re.compile(r"</w:body[ \t\r\n]*>")
_END = "</w:body></w:document>"


def _tokens_pattern(w14: bool) -> re.Pattern[str]:
    """The token pattern; Word 2010+ puts w14:paraId on paragraphs when the root declares w14."""
    pattern = _PATTERNS.get(w14)
    if pattern is None:
        strict = _STRICT.replace("{extra}", "|w14" if w14 else "")
        pattern = _PATTERNS[w14] = re.compile(_TOKENS.replace("{a}", strict))
    return pattern


def prepare(raw: bytes, opening: str, parse: Callable[[str | bytes], Any], ppr: Callable[[Paragraph, Any], None],
            rpr: Callable[[Any], tuple]) -> FastBody | None:
    """A FastBody for document.xml, or None when the lxml path must read it.

    opening is the root's start tag as it appears in the part. parse is lxml's safe parser.
    """
    text = body_text(raw)
    if text is None:
        return None
    start = text.find(opening)
    decl = XML_DECL.match(text)
    # Only the declaration and white space before the root: then opening is the root's start tag
    # (the caller finds it by a search, which a comment holding "<w:document" would fool).
    if start < 0 or text[decl.end() if decl else 0:start].strip(" \t\r\n"):
        return None
    m = _BODY_OPEN.search(text, start)
    if m is None:
        return None
    # A comment, CDATA or processing instruction in or after the body ends the fast path anyway
    # (a stray "<" token), but only once its slice is tokenised: a comment full of "<" is cheap
    # for lxml and dear in tokens. ("!" and "?" alone are rare in Chinese text: a quick first look.)
    if ("!" in text and text.find("<!", m.end()) >= 0) or ("?" in text and text.find("<?", m.end()) >= 0):
        return None
    # Everything up to <w:body> (declaration, root, anything Word puts before the body) checked by
    # lxml, which also gives the root's namespaces. Bytes: lxml refuses a str with an encoding.
    frame = parse((text[:m.end()] + _END).encode("utf-8"))
    if frame.nsmap.get("w") != W_NS:
        return None
    # The body the patterns found must be the one the reference reader takes: the root's first.
    body = frame.find(f"{{{W_NS}}}body")
    if body is None or frame.index(body) != len(frame) - 1:
        return None
    if not _mostly_plain(text, m.end(), "w14" in frame.nsmap):
        return None
    return FastBody(text, m.end(), (opening + m.group(0), _END), frame.nsmap, parse, ppr, rpr)


def _mostly_plain(text: str, start: int, w14: bool) -> bool:
    """Whether most paragraphs in the body's first 64 KB are plain: else lxml alone reads it faster.

    A paragraph that is not plain costs the fast path its tokens as well as lxml's reading.
    """
    plain = other = 0
    for whole, _ppr, _runs, _tag, close, name, _selfc, _txt, _stray in _tokens_pattern(w14).findall(
            text, start, start + 65536):
        if whole:
            plain += 1
        elif name == "w:p" and not close:
            other += 1
    return plain >= other


class FastBody:
    """Body children of one document: plain paragraphs from the text, the rest parsed one by one."""

    def __init__(self, text: str, start: int, wrap: tuple[str, str], nsmap: dict[str | None, str],
                 parse: Callable[[str | bytes], Any], ppr: Callable[[Paragraph, Any], None],
                 rpr: Callable[[Any], tuple]) -> None:
        self.text, self.start = text, start
        self.head, self.tail = wrap
        self.nsmap = nsmap
        self.parse = parse
        self.ppr_of, self.rpr_of = ppr, rpr
        self.pprs: dict[str, tuple] = {}
        self.rprs: dict[str, tuple] = {}
        self.formats: dict[tuple, tuple] = {_PLAIN: _PLAIN}
        # Characters parsed one piece at a time, at most about a quarter of the part again: past
        # that (thousands of distinct w:rPr, a huge root tag) one parse of the whole part is cheaper.
        self.budget = 1_000_000 + len(text) // 4

    def element(self, xml: str) -> Any:
        """One body child parsed on its own, with the root's namespaces."""
        self.budget -= len(self.head) + len(xml)
        if self.budget < 0:
            raise _UseTree
        body = self.parse(f"{self.head}{xml}{self.tail}")[0]
        if len(body) != 1:
            raise Mismatch("not one element")
        return body[0]

    def _ppr(self, xml: str) -> tuple:
        """Paragraph fields after `runs` for a w:pPr, read once per distinct text by the lxml path."""
        vals = self.pprs.get(xml)
        if vals is None:
            p = Paragraph()
            self.ppr_of(p, self.element(f"<w:p>{xml}</w:p>")[0])
            vals = self.pprs[xml] = (p.style, p.align, p.first_line_indent, p.left_indent, p.right_indent,
                                     p.line_spacing, p.line_height, p.space_before, p.space_after, p.list_kind,
                                     p.list_level, p.list_id, p.page_break_before, None, p.extra)
        return vals

    def _rpr(self, xml: str) -> tuple:
        """Run() arguments after the text for a w:rPr, read once per distinct text by the lxml path."""
        args = self.rprs.get(xml)
        if args is None:
            b, i, u, font, size, color, extra = self.rpr_of(self.element(f"<w:p><w:r>{xml}</w:r></w:p>")[0][0])
            args = (b, i, u, font, size, color, None, None, extra)
            # One object per distinct format, so that read() can compare formats by identity.
            args = self.rprs[xml] = self.formats.setdefault(args, args)
        return args

    def tokens(self) -> Iterator[tuple]:
        """The body's tokens, cut a slice of about 1 MB at a time (a list per slice, not per part).

        Slices end just after a "</w:p>": a tag boundary, so the tokens are those of the whole text
        (a "</w:p>" inside a comment or CDATA gives a stray "<" token either way).
        """
        pattern = _tokens_pattern("w14" in self.nsmap)
        text, start, end = self.text, self.start, len(self.text)
        while start < end:
            stop = text.find("</w:p>", start + _SLICE)
            stop = end if stop < 0 else stop + 6
            yield from pattern.findall(text, start, stop)
            start = stop

    def read(self, other: Callable[[Any, list], None], tree: Callable[[], Any]) -> list:
        """Blocks of the body; other(element, out) reads an element that is not a plain paragraph.

        The tokens cover the body without gaps: a plain paragraph is one token, built here; any other
        top-level element is counted through by depth, its tokens joined and parsed by lxml. When
        such elements are many (_MANY), large (_BIG tokens) or their parsing exceeds the budget, the
        rest of the body is read from one parse of the whole part, tree() (its w:body), instead.
        What follows </w:body> must be </w:document>.
        """
        out: list = []
        plain = _PLAIN
        pprs, get_ppr, rprs, get_rpr, runs_of = self.pprs, self._ppr, self.rprs, self._rpr, _RUNS.findall
        depth = 0
        i = -1  # position of the current top-level element among the body's children
        opened = ""  # name of the top-level element being counted through
        pieces: list[str] = []  # its text
        others = 0
        tokens = self.tokens()
        try:
            for whole, ppr, runs_text, tag, close, name, selfc, txt, stray in tokens:
                if stray:
                    raise Mismatch("a comment, CDATA or processing instruction")
                if depth:
                    pieces.append(whole or tag or txt)
                    if len(pieces) > _BIG:  # before the element is read: the tree reads it instead
                        raise _UseTree
                    if name:
                        if close:
                            depth -= 1
                            if not depth:
                                el = self.element("".join(pieces))
                                if _qname(el) != opened:
                                    raise Mismatch("element and text disagree")
                                other(el, out)
                        elif not selfc:
                            depth += 1
                elif whole:
                    i += 1
                    runs: list[Run] = []
                    if runs_text:
                        escaped = "&" in runs_text or "\r" in runs_text
                        last, last_fmt = Run(""), None  # the paragraph's last run and that run's format
                        joined: list[str] | None = None  # texts merged into last (joined once: linear)
                        for rpr, text in runs_of(runs_text):
                            if escaped:
                                text = unescape(text)
                            fmt = (rprs.get(rpr) or get_rpr(rpr)) if rpr else plain
                            if fmt is last_fmt:  # as _merge_runs joins neighbouring runs of one format
                                if joined is None:
                                    joined = [last.text]
                                joined.append(text)
                            else:
                                if joined is not None:
                                    last.text, joined = "".join(joined), None
                                last, last_fmt = Run(text, *fmt), fmt
                                runs.append(last)
                        if joined is not None:
                            last.text = "".join(joined)
                    out.append(Paragraph(runs, *(pprs.get(ppr) or get_ppr(ppr))) if ppr else Paragraph(runs))
                elif name:
                    if close:
                        if not _BODY_END.fullmatch(tag):
                            raise Mismatch("unexpected end tag")
                        break
                    i += 1
                    others += 1
                    if others > _MANY:
                        raise _UseTree
                    if selfc:
                        el = self.element(tag)
                        if _qname(el) != name:
                            raise Mismatch("element and text disagree")
                        other(el, out)
                    else:
                        depth, opened, pieces = 1, name, [tag]
                elif txt.strip(" \t\r\n"):
                    raise Mismatch("text directly in the body")  # lxml decides whether the part is sound
            else:
                raise Mismatch("body not closed")
        except _UseTree:
            return self._rest_from_tree(out, i, other, tree)
        # After the body: the root's end tag and white space only.
        rest = [t for t in tokens if not (t[7] and t[7].strip(" \t\r\n") == "")]
        if len(rest) != 1 or rest[0][3] != "</w:document>":
            raise Mismatch("not the end of the document")
        return out

    @staticmethod
    def _rest_from_tree(out: list, i: int, other: Callable[[Any, list], None], tree: Callable[[], Any]) -> list:
        """Body children from position i on, read from the parsed part (which lxml has checked whole)."""
        children = iter(tree())
        for _ in range(i):  # those before i were read from the text: the tree must have them too
            if next(children, None) is None:
                raise Mismatch("text and tree disagree")
        for el in children:
            other(el, out)
        return out


class _UseTree(Exception):
    """Reading on from the text costs more than one parse of the whole part."""


def _qname(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    local = tag.rsplit("}", 1)[-1]
    return f"{el.prefix}:{local}" if el.prefix else local
