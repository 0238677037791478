"""A draft or a DOCX read for checking: its parts, and its lines each with its role in the 公文."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.gongwen import front_matter
from editor.core.gongwen.parts import KEYS, Parts

# A 发文字号 on a line of its own: 机关代字, a year in some brackets, a number, 号.
DOCNUM_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:[〔\[［【(（]\s*[0-9０-９〇一二三四五六七八九零]{2,4}\s*[〕\]］】)）]"
                         r"|[0-9]{4})\s*第?\s*[0-9０-９]+\s*号$")
ORDER_NUMBER = re.compile(r"^第[0-9０-９]+号$")  # 令号 of a 命令 (§10.2): 第 belongs there
_YEAR = r"(?:[0-9０-９]{2,4}|[〇○零一二三四五六七八九]{2,4})"
_MD = r"[0-9０-９一二三四五六七八九十〇○零]{1,3}"
DATE_ALONE = re.compile(rf"^{_YEAR}\s*(?:年\s*{_MD}\s*月\s*{_MD}\s*日|[./\-]\s*{_MD}\s*[./\-]\s*{_MD})$")
ATTACH_NOTE = re.compile(r"^附\s*件\s*[：:]")
ATTACH_ITEM = re.compile(r"^[0-9０-９]{1,2}\s*[.．、]")
ATTACH_PAGE = re.compile(r"^附件\s*[0-9０-９]{0,2}$")
NOTE_LINE = re.compile(r"^[（(].*[）)]$")
MAIN_MAX = 200


@dataclass
class Line:
    """One line of a draft (one paragraph of a DOCX) with its place and role."""

    number: int  # 1-based line of the file, or paragraph of the DOCX
    text: str
    role: str = "body"  # title docnum main body attach_note attach_item signature date note attach_page
    section: int = 0  # 0 the main text, 1… each 附件 or document after the 落款 (numbering restarts)
    font: str | None = None  # DOCX only: East Asian font of the paragraph's text
    size: float | None = None  # DOCX only: size in points
    style: str = ""  # DOCX only: the paragraph's role style (title, heading1 …, body) or Gw layout style


@dataclass
class Source:
    """A document to check: declared parts (front matter or DOCX properties) and its lines."""

    parts: Parts
    lines: list[Line]
    key_lines: dict[str, int] = field(default_factory=dict)
    unknown_keys: list[tuple[int, str]] = field(default_factory=list)
    is_docx: bool = False

    def role(self, role: str) -> list[Line]:
        """The lines with a role."""
        return [ln for ln in self.lines if ln.role == role]

    @property
    def title(self) -> Line | None:
        """The title line, if any."""
        found = self.role("title")
        return found[0] if found else None


def from_text(text: str) -> Source:
    """A plain-text draft (front matter allowed); raises front_matter.FrontMatterError."""
    fm = front_matter.split(text)
    body = fm.body.split("\n")
    lines = [Line(fm.body_line + i, s.strip().lstrip("\u3000").rstrip()) for i, s in enumerate(body)]
    lines = [ln for ln in lines if ln.text]
    assign_roles(lines)
    return Source(fm.parts, _part_lines(text, fm) + lines, fm.key_lines, fm.unknown)


def from_editor(text: str, parts: Parts) -> Source:
    """The editor's text (line n = paragraph n) with the form's parts as lines numbered -1, -2 and so on.

    part_key(number) names the part a negative line stands for.
    """
    lines = [Line(i + 1, s.strip().lstrip("\u3000")) for i, s in enumerate(text.split("\n"))]
    lines = [ln for ln in lines if ln.text]
    assign_roles(lines)
    part_lines = []
    for k, key in enumerate(KEYS):
        value = parts.text_of(key)
        if value and key != "类型":
            part_lines.append(Line(-(k + 1), value, role=f"part:{key}"))
    return Source(parts, part_lines + lines)


def part_key(number: int) -> str | None:
    """The standard name of the part a negative line number (from_editor) stands for."""
    keys = list(KEYS)
    return keys[-number - 1] if -len(keys) <= number < 0 else None


def _part_lines(text: str, fm: front_matter.FrontMatter) -> list[Line]:
    """The front-matter values as lines (role part:<key>), so rules check and fix them in place."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    out = []
    keys = sorted(fm.key_lines.items(), key=lambda kv: kv[1])
    for k, (key, number) in enumerate(keys):
        stop = keys[k + 1][1] if k + 1 < len(keys) else fm.body_line - 1
        for n in range(number, stop):
            line = raw[n - 1]
            value = line.split(":", 1)[-1] if n == number and ":" in line.split("：", 1)[0] \
                else line.split("：", 1)[-1] if n == number else line
            value = value.strip()
            if value and value != front_matter.FENCE:
                out.append(Line(n, value, role=f"part:{key}"))
    return out


def assign_roles(lines: list[Line]) -> None:
    """Give lines their roles from their text and order (title, 主送, 附件说明, 落款, 附注, 附件 pages)."""
    if not lines:
        return
    lines[0].role = "title"
    i = 1
    if i < len(lines) and (DOCNUM_LINE.match(lines[i].text) or ORDER_NUMBER.match(lines[i].text)):
        lines[i].role = "docnum"
        i += 1
    if i < len(lines) and _is_main(lines[i].text):
        lines[i].role = "main"
    section = 0
    after_date = False
    for k, ln in enumerate(lines[1:], 1):
        t = ln.text
        if ln.role != "body":
            ln.section = section
            continue
        if DATE_ALONE.match(t) and not after_date:
            ln.role = "date"
            after_date = True
            for prev in reversed(lines[max(1, k - 3):k]):
                if prev.role == "body" and _is_signature(prev.text):
                    prev.role = "signature"
                else:
                    break
        elif after_date and NOTE_LINE.match(t) and lines[k - 1].role in ("date", "note"):
            ln.role = "note"
        elif ATTACH_PAGE.match(t) or (after_date and lines[k - 1].role in ("date", "note")):
            section += 1
            ln.role = "attach_page" if ATTACH_PAGE.match(t) else "body"
        elif ATTACH_NOTE.match(t) and not after_date:
            ln.role = "attach_note"
        elif ATTACH_ITEM.match(t) and lines[k - 1].role in ("attach_note", "attach_item") and len(t) <= 80:
            ln.role = "attach_item"
        ln.section = section


def _is_main(text: str) -> bool:
    return text.endswith(("：", ":")) and len(text) <= MAIN_MAX and "。" not in text and not text.startswith("附件")


def _is_signature(text: str) -> bool:
    text = re.sub(r"&[a-z]+;", "", text)  # stray HTML entities in texts taken from web pages
    return len(text) <= 40 and not re.search(r"[。，；：！？,;:!?]", text)
