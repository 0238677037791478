"""层次序数 (GB/T 9704-2012 7.3.3): 一、 （一） 1. （1）, in order, none skipped, rightly punctuated."""
from __future__ import annotations

import re

from editor.core.gongwen.check.rules import ERROR, S9704, Context, Finding, rule, this
from editor.core.gongwen.source import Line

CLAUSE = f"{S9704} 7.3.3"
_CN = "一二三四五六七八九十"
# level -> (pattern with groups open, number, punctuation, close), the right form of the mark
LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^()([{_CN}]{{1,3}})(、|[．.，,](?![0-9]))")),
    (2, re.compile(rf"^([（(])([{_CN}]{{1,3}})([）)]、?)")),
    (3, re.compile(r"^()([0-9０-９]{1,2})([.．、，,])(?![0-9０-９%％])")),
    (4, re.compile(r"^([（(])([0-9０-９]{1,2})([）)]、?)")),
)
RIGHT = {1: ("", "、"), 2: ("（", "）"), 3: ("", "."), 4: ("（", "）")}
# Marks accepted as written: full-width ．after an Arabic number is common in published documents.
ACCEPTED = {1: {("", "、")}, 2: {("（", "）")}, 3: {("", "."), ("", "．")}, 4: {("（", "）")}}
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
HEADING_ROLES = ("body",)
# Lines that open a new unit whose items restart: 第三条, 第二章, 2.1.1 (decimal headings) restart
# everything under 一、; a short line ending in a colon (注：) restarts the items under （一）.
_RESTART = re.compile(rf"^(?:第[{_CN}百零〇]+[条章节款]|[0-9]+(?:\.[0-9]+)+[\s　])")
_LIST_INTRO = re.compile(r"^.{0,30}[：:]$")
_TITLE_LIKE = re.compile(r"^[^。；！？：:]{2,40}$")


def cn_value(s: str) -> int:
    """一 … 九十九 as a number."""
    vals = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (vals.get(tens, 1) if tens else 1) * 10 + (vals.get(ones, 0) if ones else 0)
    return vals.get(s, 0)


def cn_number(n: int) -> str:
    """A number 1-99 in Chinese numerals (一 … 九十九)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def marks(line: Line) -> tuple[int, int, re.Match[str]] | None:
    """(level, number, match) of a heading mark at the start of a line, or None."""
    for level, pat in LEVELS:
        m = pat.match(line.text)
        if m and len(line.text) > m.end():
            num = m.group(2)
            value = cn_value(num) if level in (1, 2) else int(num.translate(_DIGITS))
            return level, value, m
    return None


Heading = tuple[Line, int, int, "re.Match[str] | None"]


def _headings(ctx: Context) -> list[Heading]:
    """Heading lines in order, and (level 0) the lines after which lower levels restart.

    "1、" counts only under a （一） heading: elsewhere it enumerates notes.
    """
    out: list[Heading] = []
    under = 0
    section = -1
    for ln in ctx.source.lines:
        if ln.section != section:
            section, under = ln.section, 0
        if ln.role not in HEADING_ROLES:
            continue
        if not (found := marks(ln)):
            if _RESTART.match(ln.text):
                out.append((ln, 1, 0, None))
            elif _LIST_INTRO.match(ln.text):
                out.append((ln, 2, 0, None))
            elif _TITLE_LIKE.match(ln.text):
                out.append((ln, 0, 0, None))
            continue
        level, _, m = found
        if level == 3 and m.group(3) in "，,、" and under < 2:
            continue
        under = level
        out.append((ln, *found))
    return out


def _mark(level: int, n: int) -> str:
    open_, close = RIGHT[level]
    return f"{open_}{cn_number(n) if level in (1, 2) else n}{close}"


def _sequence(ctx: Context) -> list[tuple[str, Line, str, str]]:
    """(kind, line, excerpt, expected) for each number that skips ahead or goes back."""
    out = []
    last: dict[int, int] = {}
    run: dict[int, int] = {}  # the last number of each level in the unit, for numbering through
    section = -1
    title_seen = False
    for ln, level, n, m in _headings(ctx):
        if ln.section != section:
            section, last, run = ln.section, {}, {}
        if m is None:  # 第三条, 2.1.1, 注：: the items under it restart; a title may start a new document
            title_seen = title_seen or level == 0
            if level:
                last = {k: v for k, v in last.items() if k <= level}
                run = {k: v for k, v in run.items() if k <= level}
            continue
        expected = last.get(level, 0) + 1
        if level == 1 and n == 1 and title_seen:
            expected = 1  # 一、 again after a title line: the next document of a 印发 or 转发
        title_seen = False
        if level not in last and n == run.get(level, -1) + 1:
            expected = n  # （四） under 二、 after （三） under 一、: numbered through, as many documents are
        if n > expected:
            out.append(("skip", ln, m.group(0), _mark(level, expected)))
        elif n < expected:
            out.append(("order", ln, m.group(0), _mark(level, expected)))
        last[level] = run[level] = n
        for lower in range(level + 1, 5):
            last.pop(lower, None)
    return out


@rule("numbering.skip", CLAUSE, ERROR, "层次序数跳号（一、之后是三、）")
def skipped(ctx: Context) -> list[Finding]:
    """A heading number that skips one or more (一、 then 三、)."""
    r = this("numbering.skip")
    return [r.finding(ln, ex, f"层次序数跳号：此处应为“{exp}” / numbering skips, expected {exp}")
            for kind, ln, ex, exp in _sequence(ctx) if kind == "skip"]


@rule("numbering.order", CLAUSE, ERROR, "层次序数重复或倒序")
def out_of_order(ctx: Context) -> list[Finding]:
    """A heading number repeated or going back (二、 then 二、 or 一、)."""
    r = this("numbering.order")
    return [r.finding(ln, ex, f"层次序数重复或倒序：此处应为“{exp}” / numbering repeats or goes back, expected {exp}")
            for kind, ln, ex, exp in _sequence(ctx) if kind == "order"]


@rule("numbering.punct", CLAUSE, ERROR, "层次序数标点错误（应为 一、（一）1.（1））")
def wrong_punctuation(ctx: Context) -> list[Finding]:
    """A heading mark written with the wrong punctuation (一. （一）、 1、 (1))."""
    r = this("numbering.punct")
    out = []
    for ln, level, _n, m in _headings(ctx):
        if m is None:
            continue
        open_, close = m.group(1), m.group(3)
        if (open_, close) in ACCEPTED[level]:
            continue
        if level == 1 and close in "，,":
            continue  # "一，" starts a sentence as often as a heading: not certain
        right = f"{RIGHT[level][0]}{m.group(2)}{RIGHT[level][1]}"
        out.append(r.finding(ln, m.group(0), f"层次序数应写作“{right}” / heading mark should be {right}", right))
    return out
