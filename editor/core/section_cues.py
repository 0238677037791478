"""Which section of a document a line belongs to, from the words of the headings above it."""
from __future__ import annotations

import re
from collections.abc import Sequence

from editor.core.headings import heading_level, strip_numbering

# Cue words per section, tried in this order: the first section with a cue in the heading wins.
# "问题" before "措施" because 存在问题和整改措施 is about problems first.
SECTION_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("problems", ("存在问题", "存在的问题", "問題", "问题", "不足", "短板", "差距", "薄弱", "困难")),
    ("next_steps", ("下一步", "下步", "今后", "打算", "计划", "計劃", "展望", "明年", "思路")),
    ("situation", ("形势", "形勢", "面临", "面臨", "当前", "當前", "背景", "现状", "現狀", "认清", "認清",
                   "意义", "意義", "认识", "認識")),
    ("measures", ("做法", "措施", "成效", "举措", "舉措", "主要工作", "工作开展", "工作開展", "成绩", "成績",
                  "落实", "落實", "开展", "開展", "经验", "經驗")),
    ("opening", ("基本情况", "基本情況", "总体情况", "總體情況", "概述", "前言", "引言")),
    ("closing", ("结语", "結語", "结束语", "結束語")),
)
_END_PUNCT = re.compile(r"[。；;！!？?]$")
UNNUMBERED_HEADING_MAX = 15


def section_for_heading(heading: str) -> str | None:
    """The section a heading's words name (存在问题 → problems), or None when no cue is present."""
    text = strip_numbering(heading)
    for section, cues in SECTION_CUES:
        if any(cue in text for cue in cues):
            return section
    return None


def is_heading(line: str) -> bool:
    """A numbered heading, or a short unnumbered line that names a section (存在问题)."""
    s = line.strip()
    if not s:
        return False
    if heading_level(s) is not None:
        return True
    return (len(s) <= UNNUMBERED_HEADING_MAX and not _END_PUNCT.search(s)
            and section_for_heading(s) is not None)


def section_at(lines: Sequence[str], line_no: int) -> str | None:
    """The section the line at line_no sits in, found from the nearest headings above it.

    A heading without cue words defers to its parent heading (a lower level number above it);
    numbered headings that name nothing are the usual 做法 headings of a summary, so measures.
    Above the first heading: the first line is the title, the rest the opening. None when the
    document has no headings at all.
    """
    if not lines:
        return None
    line_no = max(0, min(line_no, len(lines) - 1))
    level_limit = 99
    saw_heading = False
    for i in range(line_no, -1, -1):
        line = lines[i]
        if not is_heading(line):
            continue
        level = heading_level(line) or 1
        if level >= level_limit:  # a sibling or a deeper heading: not an ancestor
            continue
        saw_heading = True
        found = section_for_heading(line)
        if found is not None:
            return found
        level_limit = level
        if level <= 1:
            break
    if saw_heading:
        return "measures"
    if not any(is_heading(line) for line in lines[line_no:]):
        return None
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    return "title" if line_no <= first else "opening"
