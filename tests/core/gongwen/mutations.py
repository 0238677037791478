"""Seeded mistakes, one generator a rule: each takes real documents and yields drafts that break the rule.

A case is (name, text, rule id). Detection is measured per rule on these; test_mutations fails when a
rule has no generator or fewer than MIN_CASES cases.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from editor.core.gongwen.check.numbering import cn_number

MIN_CASES = 10
Doc = tuple[str, str]
Mutator = Callable[[list[Doc]], Iterator[tuple[str, str]]]
MUTATORS: dict[str, Mutator] = {}


def mutator(rule_id: str) -> Callable[[Mutator], Mutator]:
    """Register the generator of cases for a rule."""
    def register(fn: Mutator) -> Mutator:
        MUTATORS[rule_id] = fn
        return fn
    return register


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _replace_line(text: str, index: int, new: str) -> str:
    lines = _lines(text)
    lines[index] = new
    return "\n".join(lines)


_H1 = re.compile(r"^([一二三四五六七八九十]{1,3})、")
_H2 = re.compile(r"^（([一二三四五六七八九十]{1,3})）")
_H3 = re.compile(r"^(\d{1,2})\.")


def _first(text: str, pattern: re.Pattern[str], skip: int = 1) -> int | None:
    """Index of the skip-th+1 line matching (skip=1: the second heading of its kind)."""
    hits = [i for i, ln in enumerate(_lines(text)) if pattern.match(ln)]
    return hits[skip] if len(hits) > skip else None


@mutator("numbering.skip")
def skip_number(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """二、 → 三、: the second level-1 heading jumps a number."""
    for name, text in docs:
        i = _first(text, _H1, 1)
        if i is not None:
            ln = _lines(text)[i]
            m = _H1.match(ln)
            assert m
            yield name, _replace_line(text, i, "三、" + ln[m.end():] if m.group(1) == "二" else "十九、" + ln[m.end():])


@mutator("numbering.order")
def repeat_number(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """（二） → （一）: a level-2 heading repeats the number before it."""
    for name, text in docs:
        i = _first(text, _H2, 1)
        if i is not None:
            ln = _lines(text)[i]
            m = _H2.match(ln)
            assert m
            yield name, _replace_line(text, i, "（一）" + ln[m.end():])


@mutator("numbering.punct")
def wrong_heading_punct(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """一、 → 一. or （一） → (一): a heading mark with the wrong punctuation."""
    for k, (name, text) in enumerate(docs):
        pattern = _H1 if k % 2 == 0 else _H2
        i = _first(text, pattern, 0)
        if i is None:
            continue
        ln = _lines(text)[i]
        m = pattern.match(ln)
        assert m
        wrong = f"{m.group(1)}." if pattern is _H1 else f"({m.group(1)})"
        yield name, _replace_line(text, i, wrong + ln[m.end():])


_COMMA = re.compile(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])")


@mutator("punct.halfwidth")
def half_width_comma(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """One full-width comma (or colon) in the body turned half-width."""
    for k, (name, text) in enumerate(docs):
        lines = _lines(text)
        for i in range(3, len(lines)):
            m = _COMMA.search(lines[i])
            if m and len(lines[i]) > 40:
                mark = "," if k % 2 == 0 else ";"
                yield name, _replace_line(text, i, lines[i][:m.start()] + mark + lines[i][m.end():])
                break


@mutator("punct.quotes")
def straight_quotes(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """“…” → "…" in one line."""
    for name, text in docs:
        lines = _lines(text)
        for i, ln in enumerate(lines):
            m = re.search(r"“([\u4e00-\u9fff、]{2,12})”", ln)
            if m and i > 0:
                yield name, _replace_line(text, i, ln[:m.start()] + f'"{m.group(1)}"' + ln[m.end():])
                break


_DOCNUM = re.compile(r"〔(\d{4})〕(\d+)号")


def _docnum_docs(docs: list[Doc]) -> Iterator[tuple[str, str, int, re.Match[str]]]:
    for name, text in docs:
        for i, ln in enumerate(_lines(text)):
            m = _DOCNUM.search(ln)
            if m:
                yield name, text, i, m
                break


@mutator("docnum.brackets")
def square_brackets(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """〔2019〕 → [2019] (or （2019）)."""
    for k, (name, text, i, m) in enumerate(_docnum_docs(docs)):
        ln = _lines(text)[i]
        year = f"[{m.group(1)}]" if k % 2 == 0 else f"（{m.group(1)}）"
        yield name, _replace_line(text, i, ln[:m.start()] + year + ln[m.start() + 6:])


@mutator("docnum.di")
def di_number(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """〔2019〕5号 → 〔2019〕第5号."""
    for name, text, i, m in _docnum_docs(docs):
        ln = _lines(text)[i]
        yield name, _replace_line(text, i, ln[:m.start(2)] + "第" + ln[m.start(2):])


@mutator("docnum.zero")
def zero_number(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """〔2019〕5号 → 〔2019〕005号."""
    for name, text, i, m in _docnum_docs(docs):
        ln = _lines(text)[i]
        yield name, _replace_line(text, i, ln[:m.start(2)] + "0" + ln[m.start(2):])


_DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def _date_docs(docs: list[Doc]) -> Iterator[tuple[str, str, int, re.Match[str]]]:
    for name, text in docs:
        for i, ln in enumerate(_lines(text)):
            m = _DATE_LINE.match(ln.strip())
            if m:
                yield name, text, i, m
                break


@mutator("date.form")
def bad_date(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """2019年1月27日 → 2019.1.27, 2019年01月27日, 2019-1-27 or 二〇一九年一月二十七日."""
    for k, (name, text, i, m) in enumerate(_date_docs(docs)):
        y, mo, d = m.groups()
        forms = [f"{y}.{mo}.{d}", f"{y}年{int(mo):02d}月{int(d):02d}日", f"{y}-{mo}-{d}",
                 "".join("〇一二三四五六七八九"[int(c)] for c in y) + f"年{cn_number(int(mo))}月{cn_number(int(d))}日"]
        form = forms[k % len(forms)]
        if (k % len(forms) == 3 and int(y) < 2013) or form == m.group(0):
            form = forms[0]  # dates before GB/T 9704-2012 took effect were written in Chinese numerals
        yield name, _replace_line(text, i, form)


@mutator("numbers.mixed")
def mixed_date(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """2019年6月 in running text → 二〇一九年6月."""
    for name, text in docs:
        lines = _lines(text)
        for i, ln in enumerate(lines):
            m = re.search(r"(?<!\d)(20\d\d|19\d\d)年(\d{1,2})月", ln)
            if m and i > 2 and not _DATE_LINE.match(ln.strip()):
                year = "".join("〇一二三四五六七八九"[int(c)] for c in m.group(1))
                yield name, _replace_line(text, i, ln[:m.start()] + f"{year}年{m.group(2)}月" + ln[m.end():])
                break


@mutator("title.punct")
def title_full_stop(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """A full stop (or colon) after the title."""
    for k, (name, text) in enumerate(docs):
        lines = _lines(text)
        yield name, _replace_line(text, 0, lines[0] + ("。" if k % 2 == 0 else "："))


def _signature_end(text: str) -> int | None:
    lines = _lines(text)
    return next((i for i, ln in enumerate(lines) if _DATE_LINE.match(ln.strip())), None)


@mutator("attach.form")
def attachment_note(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """An 附件说明 added before the 落款, written wrongly (附件:, 1、, a name ending in 。)."""
    wrong = ["附件:{n}", "附件：1、{n}", "附件：{n}。", "附件：1.{n}；"]
    for k, (name, text) in enumerate(docs):
        i = _signature_end(text)
        if i is None or i < 3:
            continue
        lines = _lines(text)
        note = wrong[k % len(wrong)].format(n=lines[0][:15])
        yield name, "\n".join(lines[:i - 1] + [note] + lines[i - 1:])


@mutator("blanks.unfilled")
def leave_blank(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """A word of the body replaced by ___ or XX."""
    for k, (name, text) in enumerate(docs):
        lines = _lines(text)
        for i in range(3, len(lines)):
            if len(lines[i]) > 30:
                blank = "___" if k % 2 == 0 else "XX"
                yield name, _replace_line(text, i, lines[i][:10] + blank + lines[i][12:])
                break


def _main_line(text: str) -> int | None:
    lines = _lines(text)
    return next((i for i in range(1, min(5, len(lines))) if lines[i].endswith("：") and "。" not in lines[i]), None)


@mutator("parts.main")
def drop_main(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """The 主送 line of a 通知 or 函 removed."""
    for name, text in docs:
        title = _lines(text)[0]
        i = _main_line(text)
        if i is not None and title.endswith(("通知", "函")):
            lines = _lines(text)
            yield name, "\n".join(lines[:i] + lines[i + 1:])


@mutator("parts.signature")
def drop_signature(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """The 署名 and 成文日期 of a 通知, 意见 or 函 removed."""
    for name, text in docs:
        title = _lines(text)[0]
        i = _signature_end(text)
        if i is not None and title.endswith(("通知", "意见", "函")):
            lines = _lines(text)
            yield name, "\n".join(lines[:i - 1] + lines[i + 1:])


@mutator("closing.no_text")
def no_text_page(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """（此页无正文） put above the 署名, as drafters do when the 落款 falls on a page of its own."""
    for k, (name, text) in enumerate(docs):
        i = _signature_end(text)
        if i is not None and i > 2:
            lines = _lines(text)
            yield name, "\n".join(lines[:i - 1] + [("（此页无正文）", "(此页无正文)", "此页无正文")[k % 3]] + lines[i - 1:])


@mutator("parts.signer")
def upward_without_signer(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """A real document's text sent up as a 请示 (front matter without 签发人)."""
    for name, text in docs:
        lines = _lines(text)
        title = re.sub(r"(通知|意见|函|决定|通报|批复|复函)$", "请示", lines[0])
        yield name, "---\n类型: 请示\n---\n" + "\n".join([title] + lines[1:])


@mutator("font.part")
def wrong_font(docs: list[Doc]) -> Iterator[tuple[str, str]]:
    """Marker cases: test_mutations exports these documents and changes a font in the DOCX."""
    yield from docs
