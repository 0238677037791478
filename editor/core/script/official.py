"""Script conversion of the 公文要素: values convert, the standard's names and fixed 公文 words do not.

The editor, `yuku convert` of a draft's front matter and of a DOCX's stored parts all go through
here, so the three agree: 类型 keeps its standard (simplified) name, keys are never converted, and
a 发文机关标志's closing 文件 stays 文件 even under a vocabulary config (s2twp makes it 檔案).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from editor.core.gongwen.parts import KEYS, PROPERTY_PREFIX, UNCONVERTED_KEYS
from editor.core.script.converter import convert_text

# Words a part ends in that GB/T 9704 fixes: the 版头 reads "……文件" in every script and region.
FIXED_ENDINGS: dict[str, tuple[str, ...]] = {"发文机关标志": ("文件",)}
# A paragraph that is a 版头 line on its own (a 公文 laid out as Word, reopened): an organ's name then 文件.
_RED_HEAD = re.compile(r"^\s*[^\s，。、：；！？,.:;!?（）()“”\"《》]{2,40}?[局会府厅部委院室署办处司行]文件\s*$")


def paragraph_terms(text: str) -> tuple[str, ...]:
    """Fixed 公文 words in a paragraph of the body: a lone 版头 line ("江城市某某局文件") keeps its 文件."""
    return FIXED_ENDINGS["发文机关标志"] if _RED_HEAD.match(text) else ()


def convert_part(key: str | None, text: str, config: str, protected: Iterable[str] = ()) -> str:
    """One part's text converted (key: its standard name; None for text that is no part)."""
    terms = tuple(protected)
    if key in UNCONVERTED_KEYS:
        return text
    endings = FIXED_ENDINGS.get(key or "", ())
    if not endings:
        return convert_text(text, config, terms)
    lines = []
    for line in text.split("\n"):
        # Only the ending is fixed: "江城市文件管理局" elsewhere in a line converts as written.
        stripped = line.rstrip()
        end = next((e for e in endings if stripped.endswith(e)), "")
        head = stripped[:len(stripped) - len(end)]
        lines.append(convert_text(head, config, terms) + end + line[len(stripped):])
    return "\n".join(lines)


def converted_part_properties(properties: dict[str, str], config: str,
                              protected: Iterable[str] = ()) -> dict[str, str]:
    """The 公文 properties ("Yuku.公文.<name>") whose text conversion changes, with their new text."""
    terms = tuple(protected)
    out: dict[str, str] = {}
    for name, text in properties.items():
        key = name[len(PROPERTY_PREFIX):] if name.startswith(PROPERTY_PREFIX) else ""
        if key in KEYS:
            new = convert_part(key, text, config, terms)
            if new != text:
                out[name] = new
    return out


_EOL = re.compile(r"(\r\n|\r|\n)")


def convert_draft(text: str, config: str, protected: Iterable[str] = ()) -> str:
    """A plain-text draft converted; a 公文要素 front-matter block keeps its keys and its 类型 value.

    Lines, line endings and spacing stay as written: only the values and the body change.
    """
    from editor.core.gongwen.front_matter import front_matter_lines

    terms = tuple(protected)
    pieces = _EOL.split(text)  # line, ending, line, ending, …, last line
    lines = pieces[0::2]
    roles = front_matter_lines(lines)
    if roles is None:
        return convert_text(text, config, terms)
    out: list[str] = []
    block_end = len(roles)
    for i, ((kept, key), line) in enumerate(zip(roles, lines)):
        out.append(line[:kept] + convert_part(key, line[kept:], config, terms))
        if i < len(pieces) // 2:
            out.append(pieces[2 * i + 1])
    rest = "".join(pieces[2 * block_end:])
    return "".join(out) + convert_text(rest, config, terms)
