"""The `---` block at the top of a plain-text draft: the 公文要素 by the standard's names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.gongwen.parts import KEYS, LIST_KEYS, Parts, canonical_key

FENCE = "---"
_KEY_LINE = re.compile(r"^([^\s:：][^:：]{0,11})\s*[:：]\s?(.*)$")


class FrontMatterError(ValueError):
    """A front-matter block that cannot be read; the message says what to do."""


@dataclass
class FrontMatter:
    """The parts of a draft, where each was written, and the body after the block."""

    parts: Parts
    body: str
    body_line: int  # 1-based line of the file where the body starts
    key_lines: dict[str, int] = field(default_factory=dict)  # standard name -> 1-based line
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (line, key) not a standard name
    # Lines the parts cannot hold, so writing the parts back would lose them: comments, a key given
    # twice, a second line of a one-line part. (1-based line, what it is)
    unkept: list[tuple[int, str]] = field(default_factory=list)


def split(text: str) -> FrontMatter:
    """Parse a draft; without a leading `---` line the whole text is the body and the parts are empty.

    Raises FrontMatterError for a block that is opened but never closed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return FrontMatter(Parts(), text, 1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise FrontMatterError("公文要素块以 --- 开始却没有以 --- 结束，请在要素之后加一行 --- "
                               "/ the front matter opened with --- is never closed") from None
    parts = Parts()
    key_lines: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    values: dict[str, list[str]] = {}
    unkept: list[tuple[int, str]] = []
    current: str | None = None
    for i in range(1, end):
        raw = lines[i]
        if raw.lstrip().startswith("#"):
            unkept.append((i + 1, "comment"))
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = _KEY_LINE.match(raw)
        indented = raw[:1] in (" ", "\t", "\u3000")
        if m and not indented:
            key = canonical_key(m.group(1))
            if key is None:
                unknown.append((i + 1, m.group(1).strip()))
                current = None
                continue
            current = key
            if key in values:
                unkept.append((i + 1, "repeated key"))
            key_lines[key] = i + 1
            values[key] = [m.group(2).strip()]
        elif current is not None:
            if current not in LIST_KEYS:
                unkept.append((i + 1, "second line"))
            values[current].append(raw.strip())  # continuation of a multi-line value
        else:
            unknown.append((i + 1, raw.strip()))
    for key, vals in values.items():
        parts.set(key, "\n".join(v for v in vals if v))
    body = "\n".join(lines[end + 1:])
    return FrontMatter(parts, body, end + 2, key_lines, unknown, unkept)


def write(parts: Parts, body: str) -> str:
    """A draft with its parts as front matter (nothing added when no part is given)."""
    if parts.is_empty():
        return body
    out = [FENCE]
    for key in KEYS:
        value = parts.get(key)
        if not value:
            continue
        if isinstance(value, list) and key in LIST_KEYS and len(value) > 1:
            first, *rest = (f"{i}. {v}" for i, v in enumerate(value, 1)) if key == "附件" else value
            out.append(f"{key}: {first}")
            out.extend(f"  {v}" for v in rest)
        else:
            out.append(f"{key}: {parts.text_of(key)}")
    out.append(FENCE)
    return "\n".join(out) + "\n" + body


def front_matter_lines(lines: list[str]) -> list[tuple[int, str | None]] | None:
    """How script conversion treats each line of a draft's 公文要素 block, read as split() reads it.

    One (characters kept as written, standard name of the value that follows) a line, from the
    opening `---` to the closing one; the rest of the line is a value of that part (None: text).
    Keys are kept, fences and blank lines wholly. None when the draft has no closed block with a
    standard name in it: the whole text is then text.
    """
    if not lines or lines[0].lstrip("\ufeff").strip() != FENCE:
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if end is None:
        return None
    roles: list[tuple[int, str | None]] = [(len(lines[0]), None)]
    current: str | None = None
    found = False
    for raw in lines[1:end]:
        if not raw.strip():
            roles.append((len(raw), None))
            continue
        if raw.lstrip().startswith("#"):
            roles.append((0, None))  # a comment is text
            continue
        m = _KEY_LINE.match(raw)
        if m and raw[:1] not in (" ", "\t", "\u3000"):
            current = canonical_key(m.group(1))
            found = found or current is not None
            roles.append((m.start(2), current))  # an unknown key is a key too: kept as written
        else:
            lead = len(raw) - len(raw.lstrip(" \t\u3000"))
            roles.append((lead, current) if current is not None else (0, None))
    roles.append((len(lines[end]), None))
    return roles if found else None
