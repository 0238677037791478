"""Punctuation in Chinese text (GB/T 15834-2011): full-width marks and quotes, and titles without an end mark."""
from __future__ import annotations

import re

from editor.core.gongwen.check.rules import ERROR, S9704, S15834, WARNING, Context, Finding, rule, this
from editor.core.gongwen.source import Line

HAN = "\u4e00-\u9fff\u3400-\u4dbf"
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# A half-width mark right after a Han character and followed by Han text, a closing mark or the line's end.
_MARK = re.compile(rf"(?<=[{HAN}])([,;:?!])(?=[{HAN}“‘（《\"']|\s*$)")
# Half-width brackets around Han text only (no Latin, digits or nested brackets: formulas and codes stay).
_PARENS = re.compile(rf"\(([{HAN}、，]+)\)")
_QUOTED = re.compile(rf'"([^"\n]*[{HAN}][^"\n]*)"')
_SQUOTED = re.compile(rf"(?<![A-Za-z])'([{HAN}][^'\n]*)'(?![A-Za-z])")
TITLE_END = "。，；：、！？,.;:!?"


def _text_lines(ctx: Context) -> list[Line]:
    return [ln for ln in ctx.source.lines if ln.role not in ("docnum",)]


@rule("punct.halfwidth", S15834, ERROR, "中文里用了半角标点（, ; : ? ! ( )）")
def half_width(ctx: Context) -> list[Finding]:
    """Half-width , ; : ? ! or ( ) inside Chinese text."""
    r = this("punct.halfwidth")
    out = []
    for ln in _text_lines(ctx):
        for m in _MARK.finditer(ln.text):
            mark = m.group(1)
            out.append(r.finding(ln, mark, f"中文里应使用全角“{FULL[mark]}” / use the full-width {FULL[mark]}",
                                 FULL[mark], m.start()))
        for m in _PARENS.finditer(ln.text):
            fixed = f"（{m.group(1)}）"
            out.append(r.finding(ln, m.group(0), "中文里应使用全角括号“（）” / use full-width brackets",
                                 fixed, m.start()))
    return out


@rule("punct.quotes", S15834, ERROR, "中文里用了半角引号（\"…\" '…'）")
def quotes(ctx: Context) -> list[Finding]:
    """Straight quotes around Chinese text: “…” and ‘…’ belong there."""
    r = this("punct.quotes")
    out = []
    for ln in _text_lines(ctx):
        for m in _QUOTED.finditer(ln.text):
            out.append(r.finding(ln, m.group(0), "中文里应使用“”引号 / use “” quotes in Chinese text",
                                 f"“{m.group(1)}”", m.start()))
        for m in _SQUOTED.finditer(ln.text):
            out.append(r.finding(ln, m.group(0), "中文里应使用‘’引号 / use ‘’ quotes in Chinese text",
                                 f"‘{m.group(1)}’", m.start()))
    return out


@rule("title.punct", f"{S9704} 7.3.1；{S15834}", WARNING, "标题末尾不加标点")
def title_end(ctx: Context) -> list[Finding]:
    """A title that ends in a punctuation mark."""
    r = this("title.punct")
    title = ctx.source.title
    if title is None or not title.text or title.text[-1] not in TITLE_END:
        return []
    stripped = title.text.rstrip(TITLE_END)
    tail = title.text[len(stripped):]
    return [r.finding(title, tail, "标题末尾不加标点符号 / a title ends without punctuation", "", len(stripped))]
