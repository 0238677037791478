"""Numbers (GB/T 15835-2011, GB/T 9704-2012 7.2.5 and 7.3.5): 发文字号, 成文日期, one form per expression."""
from __future__ import annotations

import re

from editor.core.gongwen.check.rules import ERROR, S9704, S15835, Context, Finding, rule, this
from editor.core.gongwen.source import ORDER_NUMBER, Line

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
# 机关代字 + year in brackets + 序号 + 号; group 2 the opening bracket, 4 the closing one, 5 a 第, 6 the number.
DOCNUM = re.compile(r"([\u4e00-\u9fff]{1,12})([〔\[［【(（])\s*([0-9０-９]{4})\s*([〕\]］】)）])(\s*第\s*)?([0-9０-９]+)号")
_NUM = "0-9０-９〇○零一二三四五六七八九十"
DATE = re.compile(rf"(?<![{_NUM}])([{_NUM}]{{2,4}})年([{_NUM}]{{1,3}})月(?:([{_NUM}]{{1,3}})日)?")
DATE_ANY = re.compile(rf"^\s*([{_NUM}]{{2,4}})\s*(?:年|[./\-])\s*([{_NUM}]{{1,3}})\s*(?:月|[./\-])\s*"
                      rf"([{_NUM}]{{1,3}})\s*日?\s*$")
SINCE = 2013  # GB/T 9704-2012 took effect on 2012-07-01: earlier documents wrote dates in Chinese numerals
DATE_ROLES = ("date", "part:成文日期", "part:印发日期")
RIGHT_DATE = re.compile(r"^[12][0-9]{3}年[1-9][0-9]?月[1-9][0-9]?日$")


def cn_int(s: str) -> int | None:
    """A number written in Arabic (half or full width) or Chinese numerals (二〇二四, 十二, 三十一)."""
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGIT.get(tens, -1) if tens else 1
        o = _CN_DIGIT.get(ones, -1) if ones else 0
        return None if t < 0 or o < 0 or len(tens) > 1 or len(ones) > 1 else t * 10 + o
    if all(c in _CN_DIGIT for c in s):
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    return None


def _kind(s: str) -> str:
    return "arabic" if re.fullmatch(r"[0-9０-９]+", s) else "chinese"


def docnum_places(ctx: Context) -> list[tuple[Line, re.Match[str]]]:
    """Every 发文字号 written in the parts, in the body or cited in the text."""
    out: list[tuple[Line, re.Match[str]]] = []
    for ln in ctx.source.lines:
        out.extend((ln, m) for m in DOCNUM.finditer(ln.text))
    return out


@rule("docnum.brackets", f"{S9704} 7.2.5", ERROR, "发文字号的年份应用六角括号〔〕")
def docnum_brackets(ctx: Context) -> list[Finding]:
    """A 发文字号 with [] () 【】 around the year instead of 〔〕."""
    r = this("docnum.brackets")
    out = []
    for ln, m in docnum_places(ctx):
        if m.group(2) != "〔" or m.group(4) != "〕":
            bad = m.group(0)[len(m.group(1)):m.end(4) - m.start()]
            out.append(r.finding(ln, bad, "发文字号的年份应用六角括号“〔〕” / use 〔〕 around the year",
                                 f"〔{m.group(3)}〕", m.start(2)))
    return out


@rule("docnum.di", f"{S9704} 7.2.5", ERROR, "发文字号的序号不加“第”字")
def docnum_di(ctx: Context) -> list[Finding]:
    """A 发文字号 whose number carries 第 (only a 命令's 令号 does)."""
    r = this("docnum.di")
    return [r.finding(ln, m.group(5), "发文字号的序号不加“第”字 / no 第 before the number", "", m.start(5))
            for ln, m in docnum_places(ctx) if m.group(5) and not ORDER_NUMBER.match(ln.text)]


@rule("docnum.zero", f"{S9704} 7.2.5", ERROR, "发文字号的序号不编虚位（不加前导 0）")
def docnum_zero(ctx: Context) -> list[Finding]:
    """A 发文字号 number with leading zeros (012号)."""
    r = this("docnum.zero")
    out = []
    for ln, m in docnum_places(ctx):
        num = m.group(6)
        if len(num) > 1 and num[0] in "0０":
            fixed = num.lstrip("0０") or "0"
            out.append(r.finding(ln, num, "发文字号的序号不编虚位 / no leading zeros in the number",
                                 fixed, m.start(6)))
    return out


def normal_date(text: str) -> str | None:
    """The date in the standard's form (2024年5月30日), when the text is certainly one date."""
    m = DATE_ANY.match(text)
    if not m:
        return None
    y, mo, d = (cn_int(g) for g in m.groups())
    if y is None or mo is None or d is None or not 1000 <= y <= 2999 or not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    return f"{y}年{mo}月{d}日"


@rule("date.form", f"{S9704} 7.3.5", ERROR, "成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位")
def date_form(ctx: Context) -> list[Finding]:
    """A 成文日期 (or 印发日期) not written 2024年5月30日."""
    r = this("date.form")
    out = []
    for ln in ctx.source.lines:
        if ln.role in DATE_ROLES and not RIGHT_DATE.match(ln.text):
            fixed = normal_date(ln.text)
            if fixed and int(fixed[:4]) < SINCE and not re.search("[0-9０-９]", ln.text):
                continue  # 一九九七年二月四日: the form GB/T 9704-1999 asked for, before this standard
            out.append(r.finding(ln, ln.text, "日期应写作“2024年5月30日”的形式 / write the date as 2024年5月30日",
                                 fixed))
    return out


@rule("numbers.mixed", S15835, ERROR, "同一表达中阿拉伯数字与汉字数字混用（二〇二四年6月）")
def mixed(ctx: Context) -> list[Finding]:
    """One date written partly in Arabic and partly in Chinese numerals."""
    r = this("numbers.mixed")
    out = []
    for ln in ctx.source.lines:
        if ln.role in DATE_ROLES:
            continue  # date.form covers these
        for m in DATE.finditer(ln.text):
            groups = [g for g in m.groups() if g]
            if len({_kind(g) for g in groups}) < 2:
                continue
            values = [cn_int(g) for g in groups]
            fixed = None
            if all(v is not None for v in values):
                y, *rest = values
                fixed = f"{y}年{rest[0]}月" + (f"{rest[1]}日" if len(rest) > 1 else "")
            out.append(r.finding(ln, m.group(0), "同一日期中阿拉伯数字与汉字数字混用 / mixed number forms",
                                 fixed, m.start()))
    return out
