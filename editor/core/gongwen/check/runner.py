"""Run every rule over a source, and apply the certain fixes to a draft's text."""
from __future__ import annotations

from editor.core.gongwen import types
from editor.core.gongwen.check import fonts, numbering, numbers, parts_rules, punctuation  # noqa: F401 (register)
from editor.core.gongwen.check.rules import RULES, Context, Finding
from editor.core.gongwen.source import Source
from editor.core.gongwen.types import DocType


def resolve_type(source: Source, name: str | None) -> tuple[DocType | None, bool]:
    """The type to check against: --type, else the front matter's 类型, else the title's last words."""
    if name:
        return types.get(name), True
    if source.parts.doc_type:
        return types.get(source.parts.doc_type), True
    title = source.title
    return (types.from_title(title.text) if title else None), False


def run_checks(source: Source, type_name: str | None = None, only: set[str] | None = None) -> list[Finding]:
    """Every finding, ordered by place."""
    doc_type, forced = resolve_type(source, type_name)
    ctx = Context(source, doc_type, forced)
    out: list[Finding] = []
    for rule_id, r in RULES.items():
        if only is None or rule_id in only:
            out.extend(r.check(ctx))
    return sorted(out, key=lambda f: (f.line or 0, f.column))


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """The text with every certain fix applied (overlapping fixes: the first wins); returns (text, count)."""
    lines = text.split("\n")
    done = 0
    by_line: dict[int, list[Finding]] = {}
    for f in findings:
        if f.fix is not None and f.line is not None and 1 <= f.line <= len(lines):
            by_line.setdefault(f.line, []).append(f)
    for number, items in by_line.items():
        raw = lines[number - 1]
        taken: list[tuple[int, int]] = []
        edits = []
        for f in sorted(items, key=lambda f: f.column):
            start = _locate(raw, f)
            if start < 0:
                continue
            end = start + len(f.excerpt)
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            edits.append((start, end, f.fix or ""))
        for start, end, fix in sorted(edits, reverse=True):
            raw = raw[:start] + fix + raw[end:]
            done += 1
        lines[number - 1] = raw
    return "\n".join(lines), done


def _locate(raw: str, f: Finding) -> int:
    """Where a finding's excerpt is in the raw line (lines are checked stripped of indentation)."""
    stripped = raw.strip().lstrip("\u3000")
    bases = [raw.find(stripped) if stripped else 0]
    colon = min((i for i in (raw.find(":"), raw.find("：")) if i >= 0), default=-1)
    if colon >= 0:  # a front-matter value: the column counts from the value, not the line
        bases.append(colon + 1 + len(raw[colon + 1:]) - len(raw[colon + 1:].lstrip()))
    for base in bases:
        if raw.startswith(f.excerpt, base + f.column):
            return base + f.column
    return raw.find(f.excerpt)
