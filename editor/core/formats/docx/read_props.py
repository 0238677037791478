"""Paragraph and run properties of a Word file, and the style and list tables they refer to."""
from __future__ import annotations

import re
from typing import Any

from editor.core.formats.docx.safety import DocxPackage
from editor.core.formats.docx.styles import W_NS
from editor.core.model.document import Paragraph

W = f"{{{W_NS}}}"
T_VAL = W + "val"
_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "justify", "distribute": "justify"}
_LOCAL: dict[str, str] = {}
_HEX = re.compile(r"[0-9A-Fa-f]{6}")
# An XML Schema integer (white space, sign and leading zeros allowed) of at most nine digits: longer
# ones or "²" are nonsense from a broken or hostile file, not a reason to crash.
# Zeros are taken possessively: a long run of them followed by junk fails at once, not zero by zero.
_NUMBER = re.compile(r"[ \t\r\n]*([+-]?)(?:0*+([1-9][0-9]{0,8})|0++)[ \t\r\n]*")


def number(value: str | None) -> int | None:
    """An attribute's integer value, or None when it is missing or not a sane integer."""
    m = _NUMBER.fullmatch(value) if value is not None else None
    if m is None:
        return None
    return int(m.group(1) + m.group(2)) if m.group(2) else 0


def local_name(tag: str) -> str:
    """The tag without its namespace (memoised: called for every property of every run)."""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1]
    return name


def _on(el: Any) -> bool:
    """A w:b-style toggle: present and not switched off."""
    return el.get(T_VAL, "true") not in ("0", "false", "off", "none")


def paragraph_roles(pkg: DocxPackage, name: str | None, root: Any = None) -> dict[str, str]:
    """StyleId -> role of a styles part, by name or outline level (Chinese Word uses ids "1", "2" …)."""
    roles: dict[str, str] = {}
    if not name:
        return roles
    info: dict[str, tuple[str, int | None]] = {}
    style_tag, name_tag, ppr_tag, lvl_tag = W + "style", W + "name", W + "pPr", W + "outlineLvl"
    for st in pkg.xml(name) if root is None else root:
        if st.tag != style_tag or st.get(W + "type", "paragraph") != "paragraph":
            continue
        nm, lvl = "", None
        for child in st:  # one pass over the children: styles.xml can hold hundreds of styles
            if child.tag == name_tag:
                nm = child.get(T_VAL, "").lower()
            elif child.tag == ppr_tag:
                for prop in child:
                    if prop.tag == lvl_tag and (n := number(prop.get(T_VAL))) is not None and n >= 0:
                        lvl = n
        info[st.get(W + "styleId", "")] = (nm, lvl)
    for sid, (nm, lvl) in info.items():
        role = None
        if nm == "title":
            role = "title"
        elif nm.startswith("heading ") and (level := number(nm[8:])) is not None and level >= 0:
            role = f"heading{level}" if level <= 4 else None
        elif lvl is not None and lvl <= 3:
            role = f"heading{lvl + 1}"
        if role:
            roles[sid] = role
    return roles


def list_kinds(pkg: DocxPackage, name: str | None) -> dict[str, dict[str, str]]:
    """NumId -> level -> "bullet" or "number", from a numbering part."""
    kinds: dict[str, dict[str, str]] = {}
    if not name:
        return kinds
    root = pkg.xml(name)
    abstract: dict[str, dict[str, str]] = {}
    for an in root.iter(W + "abstractNum"):
        levels = {}
        for lvl in an.iter(W + "lvl"):
            fmt = lvl.find(W + "numFmt")
            levels[lvl.get(W + "ilvl", "0")] = "bullet" if fmt is not None and \
                fmt.get(W + "val") == "bullet" else "number"
        abstract[an.get(W + "abstractNumId", "")] = levels
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        if ref is not None:
            kinds[num.get(W + "numId", "")] = abstract.get(ref.get(W + "val", ""), {})
    return kinds


class PropsReader:
    """w:pPr and w:rPr onto the model; needs roles, num_kinds and raw() from the reader."""

    roles: dict[str, str]
    num_kinds: dict[str, dict[str, str]]

    def raw(self, el: Any) -> str:
        """An element's XML as kept for the round trip."""
        raise NotImplementedError

    def raw_props(self, el: Any) -> str:
        """raw() of a w:rPr or w:pPr, memoised by its content: a long document repeats a few formats thousands of times."""
        cache: dict[tuple, str] = self.__dict__.setdefault("_props_cache", {})
        key: tuple = (el.tag, tuple(el.items()))
        for child in el:
            if len(child) or child.text:
                return self.raw(el)  # nested (w:rPrChange …): not worth a key
            key += (child.tag, tuple(child.items()))
        xml = cache.get(key)
        if xml is None:
            xml = cache[key] = self.raw(el)
        return xml

    def paragraph_props(self, p: Paragraph, ppr: Any, keep: bool = True) -> None:
        """Modelled w:pPr children onto p; the whole w:pPr kept raw (keep) for the round trip."""
        for child in ppr:
            if not isinstance(child.tag, str):
                continue
            name = child.tag.rsplit("}", 1)[-1]
            if name == "pStyle":
                role = self.roles.get(child.get(W + "val", ""))
                if role:
                    p.style = role
                    continue
            elif name == "outlineLvl" and (lvl := number(child.get(T_VAL))) is not None and 0 <= lvl <= 3:
                p.style = f"heading{lvl + 1}"
                continue
            elif name == "jc":
                p.align = _JC.get(child.get(W + "val", ""))
                continue
            elif name == "pageBreakBefore":
                p.page_break_before = _on(child)
                continue
            elif name == "spacing":
                self.spacing(p, child)
                continue
            elif name == "ind":
                self.indent(p, child)
                continue
            elif name == "numPr":
                num = child.find(W + "numId")
                lvl = child.find(W + "ilvl")
                num_id = num.get(W + "val", "0") if num is not None else "0"
                level = lvl.get(W + "val", "0") if lvl is not None else "0"
                if num_id != "0" and num_id in self.num_kinds:
                    p.list_kind = self.num_kinds[num_id].get(level, "number")
                    p.list_level = max(number(level) or 0, 0)
                    p.list_id = number(num_id)
        if keep:
            p.extra = self.raw_props(ppr)  # memoised: paragraphs repeat a few formats

    @staticmethod
    def spacing(p: Paragraph, el: Any) -> None:
        """w:spacing: before/after in points, line as a multiple (auto) or an exact pitch."""
        def num(name: str) -> float | None:
            v = number(el.get(W + name))
            return v / 20 if v is not None else None
        p.space_before, p.space_after = num("before"), num("after")
        line = num("line")
        if line:
            if el.get(W + "lineRule", "auto") == "auto":
                p.line_spacing = round(line * 20 / 240, 3)
            else:
                p.line_height = line

    @staticmethod
    def indent(p: Paragraph, el: Any) -> None:
        """w:ind: left/right/first-line (negative for hanging) in points."""
        def num(*names: str) -> float | None:
            for n in names:
                v = el.get(W + n)
                if v is not None:
                    value = number(v)
                    return value / 20 if value is not None else None
            return None
        p.left_indent = num("left", "start")
        p.right_indent = num("right", "end")
        hanging = num("hanging")
        p.first_line_indent = -hanging if hanging else num("firstLine")
        chars = number(el.get(W + "firstLineChars"))
        if p.first_line_indent is None and chars is not None and chars >= 0:
            p.first_line_indent = chars / 100 * 16  # character units: assume 三号 (16 pt)

    def run_props(self, rpr: Any, keep: bool = True) -> tuple:
        """(bold, italic, underline, font, size, colour, the raw w:rPr when keep) of a w:rPr."""
        bold = italic = underline = False
        font = color = None
        size = None
        for child in rpr:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            name = local_name(tag)
            if name == "b":
                bold = _on(child)
            elif name == "i":
                italic = _on(child)
            elif name == "u":
                underline = child.get(T_VAL, "single") != "none"
            elif name == "color":
                val = child.get(T_VAL, "auto")
                color = val.upper() if len(val) == 6 and _HEX.fullmatch(val) else None
            elif name == "sz":
                half_points = number(child.get(T_VAL))
                if half_points is not None:
                    size = half_points / 2
            elif name == "rFonts":
                font = child.get(W + "eastAsia") or child.get(W + "ascii") or child.get(W + "hAnsi")
        return bold, italic, underline, font, size, color, self.raw_props(rpr) if keep and len(rpr) else ""
