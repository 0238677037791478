"""Which section of a document a line belongs to, from the words of the headings above it."""
from __future__ import annotations

import re
from collections.abc import Sequence

from editor.core.model.headings import heading_level, strip_numbering

_END_PUNCT = re.compile(r"[。；;！!？?]$")
UNNUMBERED_HEADING_MAX = 15


def section_for_heading(heading: str) -> str | None:
    """The section a heading's words name (存在问题 → problems), or None when no cue is present.

    The cue words are the miner's (core.sections), so the panel's context agrees with how the
    bank's phrases were typed; traditional headings are compared in simplified form.
    """
    from editor.core.corpus.sections import heading_section
    from editor.core.script.converter import to_simplified

    return heading_section(to_simplified(strip_numbering(heading)))


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
