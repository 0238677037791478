"""Fonts and sizes of each part of a DOCX (GB/T 9704-2012 7.2-7.4, OFFICIAL_FORMAT.md)."""
from __future__ import annotations

from editor.core import fonts
from editor.core.gongwen.check.rules import S9704, WARNING, Context, Finding, rule, this
from editor.core.model.headings import heading_level

# role style -> (font class, size in points, name of the part)
EXPECTED: dict[str, tuple[str, float, str]] = {
    "title": ("xiaobiaosong", 22.0, "标题（2号小标宋）"),
    "heading1": ("heiti", 16.0, "一级标题（3号黑体）"),
    "heading2": ("kaiti", 16.0, "二级标题（3号楷体）"),
    "heading3": ("fangsong", 16.0, "三级标题（3号仿宋）"),
    "heading4": ("fangsong", 16.0, "四级标题（3号仿宋）"),
    "body": ("fangsong", 16.0, "正文（3号仿宋）"),
    "GwMain": ("fangsong", 16.0, "主送机关（3号仿宋）"),
    "GwSignature": ("fangsong", 16.0, "署名和成文日期（3号仿宋）"),
    "GwRecord": ("fangsong", 14.0, "版记（4号仿宋）"),
    "GwRecordPlain": ("fangsong", 14.0, "版记（4号仿宋）"),
    "GwIssuerMark": ("xiaobiaosong", 0.0, "发文机关标志（小标宋）"),
}


def _norm(name: str) -> str:
    return name.replace(" ", "").lower()


@rule("font.part", f"{S9704} 7.2–7.4", WARNING, "各部分的字体字号（标题2号小标宋，正文3号仿宋 …）")
def part_fonts(ctx: Context) -> list[Finding]:
    """A DOCX paragraph whose font or size is not the one its part takes."""
    r = this("font.part")
    chains = fonts.chains()
    out: list[Finding] = []
    for ln in ctx.source.lines:
        expected = EXPECTED.get(ln.style)
        if expected is None or not ln.text:
            continue
        cls, size, what = expected
        allowed = {_norm(f) for f in chains[cls]}
        level = heading_level(ln.text) if ln.style == "body" else None
        if level is not None:  # a run-in heading (（一）加强组织领导。……) may be set in its heading's font
            allowed |= {_norm(f) for f in chains[EXPECTED[f"heading{level}"][0]]}
        if ln.font is not None and _norm(ln.font) not in allowed:
            out.append(r.finding(ln, ln.text[:20], f"{what}：字体是“{ln.font}” / wrong font for this part"))
        elif size and ln.size is not None and abs(ln.size - size) > 0.25:
            out.append(r.finding(ln, ln.text[:20], f"{what}：字号是 {ln.size:g} 磅 / wrong size for this part"))
    return out
