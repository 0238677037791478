"""Document structure: split a file into documents, join broken lines, find titles and headings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.corpus.boilerplate import COLLECTION_TITLE, is_snippet, is_web_line
from editor.core.model.headings import ENUM_CLAUSE, heading_level, strip_numbering

# Words that end the title of an official document (…工作总结, …会上的讲话, …心得体会(二)).
_DOC_TYPES = ("总结|總結|讲话|講話|发言|發言|心得|体会|體會|报告|報告|汇报|匯報|致辞|致辭|提纲|提綱|材料|方案|"
              "意见|意見|通知|计划|計劃|感悟|演讲稿|演講稿|讲稿|講稿|述职|述職|纲要|綱要|决定|決定|公报|公報|"
              "函|批复|批復|答复|答復|条例|條例|通报|通報|请示|請示|规定|規定|办法|辦法|细则|細則|公告|通告|决议|決議|纪要|紀要")
TITLE_END = re.compile(rf"(?:{_DOC_TYPES})\s*(?:[（(]?[一二三四五六七八九十\d]+[)）]?|【[^】]*】|\d*篇)?$")
# 发文字号 (国办发〔2019〕4号) and a 落款 line naming the issuing body, with its release note.
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*[\d０-９]{4}\s*[〕\]］)）]\s*[\d０-９]+\s*号$")
_SIGNATURE = re.compile(r"^(?:[\u4e00-\u9fff、，]{0,30}(?:国务院|办公厅|委员会|人民政府|军委|部|局|厅|委|办|院|处|科|组|室))"
                        r"\s*(（此件公开发布）)?$")
_NUMBERED = re.compile(r"^\d+(?:[.．]\d+)+|^\d+[.．、]")
_END_PUNCT = tuple("。！？；：，、,;:!?")
# A line that ends a sentence (or a quotation / bracket closing one): never joined to the next.
_CLOSED = tuple("。！？；：!?;:”’」』）)…")
_DATE_LINE = re.compile(r"^[\d０-９〇一二三四五六七八九十零]{2,4}\s*年(?:\s*[\d０-９一二三四五六七八九十]{1,2}\s*月"
                        r"(?:\s*[\d０-９一二三四五六七八九十]{1,3}\s*日)?)?$")
# A report's parts on a line of their own (“十四五”时期工作回顾, 2026年重点工作).
# A part line may name two (“十四五”时期发展成就和2025年工作回顾, “十五五”时期主要目标和2026年重点工作).
_PERIOD_PART = (r"(?:“?[一二三四五六七八九十]{2,3}五”?时期|\d{4}年|过去(?:一|五)年|今年)(?:(?:的)?(?:主要)?"
                r"(?:工作回顾|目标任务|重点工作|工作安排|工作任务|总体部署|发展成就)|(?:的)?主要目标)")
_REPORT_PART = rf"{_PERIOD_PART}(?:(?:和|及|与){_PERIOD_PART})?"
REPORT_PART = re.compile(rf"^{_REPORT_PART}[:：]?$")
# Unnumbered headings and inline lead-ins naming a part of a report (存在问题： 下一步工作打算).
CUE_HEADING = re.compile(r"^(存在(?:的)?(?:主要)?问题|存在(?:的)?不足|主要(?:做法|措施|成效|问题)|工作(?:措施|成效|打算)|"
                         r"下一步(?:工作)?(?:打算|计划|安排|思路|重点)?|今后(?:工作)?(?:打算|计划)|基本情况|总体情况|"
                         rf"存在(?:的)?(?:问题|不足)和(?:下一步)?(?:打算|建议|措施)|{_REPORT_PART})(?:[:：]|$)")
_INDENT = " \t\u3000\u00a0\ufeff"
MAX_HEADING = 40


@dataclass
class Paragraph:
    """One paragraph: surface text, heading level (1-4 numbered, 5 一是…, 0 unnumbered) and section."""

    text: str
    level: int | None = None
    heading: str = ""  # the heading's own words, numbering stripped; "" for body text
    body: str = ""  # the text after an inline heading ("1.全面发动兴热潮。连日来…" → "连日来…")
    section: str = "general"


@dataclass
class Document:
    """A document found in a file: title and paragraphs."""

    name: str
    title: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    traditional: bool = False  # written in traditional script (the text here is already simplified)
    # (simplified file text, original file text) of equal length, to find a phrase's surface form.
    surface: tuple[str, str] | None = None

    def text(self) -> str:
        """The body text, one paragraph a line."""
        return "\n".join(p.text for p in self.paragraphs)


def is_title(line: str, first: bool = False) -> bool:
    """A document title: short, unpunctuated, unnumbered, ending in a document type word.

    first: the file's first line, where official titles of up to 80 characters are usual.
    """
    s = line.strip(_INDENT)
    if not 4 <= len(s) <= (80 if first else 50) or s.endswith(_END_PUNCT) or "。" in s or "，" in s:
        return False
    if heading_level(s) is not None or ENUM_CLAUSE.match(s) or _NUMBERED.match(s):
        return False
    if s.count("《") != s.count("》") or s.startswith(("《", "附件")):
        return False  # a piece of a cited title, or an attachment line
    return bool(TITLE_END.search(s)) or bool(COLLECTION_TITLE.search(s))


def _is_heading_line(s: str) -> bool:
    return heading_level(s) is not None or bool(ENUM_CLAUSE.match(s)) or bool(CUE_HEADING.match(s))


# Zero-width characters vanish; odd spaces (no-break, en/em, thin, ideographic) become one space.
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")


def normalise_spaces(text: str) -> str:
    """Zero-width characters dropped and odd spaces made plain (\u200b政府工作报告 → 政府工作报告)."""
    return _ODD_SPACE.sub(" ", _ZERO_WIDTH.sub("", text))


def clean_lines(text: str) -> list[str]:
    """Stripped, non-empty lines with web boilerplate, snippets and date lines removed."""
    raw = [ln.strip(_INDENT) for ln in normalise_spaces(text).split("\n")]
    raw = [ln for ln in raw if ln]
    out: list[str] = []
    for i, ln in enumerate(raw):
        if is_web_line(ln) or _DATE_LINE.match(ln.replace(" ", "")) or _DOC_NUMBER.match(ln):
            continue
        m = _SIGNATURE.match(ln)
        dated = i + 1 < len(raw) and bool(_DATE_LINE.match(raw[i + 1].replace(" ", "")))
        if m and (i >= len(raw) - 4 or m.group(1) or dated):
            # The issuing body's name (落款) is not the author's phrase; 此件公开发布 is.
            if m.group(1):
                out.append(m.group(1))
            continue
        if is_snippet(ln, " ".join(raw[i + 1:i + 3])):
            continue
        out.append(ln)
    return out


def join_broken_lines(lines: list[str]) -> list[str]:
    """Re-join paragraphs that a PDF or web copy broke mid-sentence ("…落实24" + "小时值班制…")."""
    out: list[str] = []
    for ln in lines:
        if out:
            prev = out[-1]
            if prev.count("《") > prev.count("》") and len(prev) + len(ln) < 3000:
                out[-1] = prev + ln  # a line broken inside a cited title 《…》 is one line
                continue
            if (not prev.endswith(_CLOSED) and not is_title(prev) and not _is_heading_line(prev)
                    and not is_title(ln) and not _is_heading_line(ln) and len(prev) + len(ln) < 3000):
                out[-1] = prev + ln
                continue
        out.append(ln)
    return out


def split_heading(line: str) -> tuple[int | None, str, str]:
    """(level, heading words, body after it) for a line; (None, "", line) for body text."""
    level = heading_level(line)
    if level is not None:
        rest = strip_numbering(line)
    elif ENUM_CLAUSE.match(line):
        level, rest = 5, ENUM_CLAUSE.sub("", line, count=1)
    else:
        m = CUE_HEADING.match(line)
        if not m:
            return None, "", line
        return 0, m.group(1), line[m.end():].strip()
    m = re.search(r"[。：:；;！!？?]", rest)
    head, body = (rest[:m.start()], rest[m.end():].strip()) if m else (rest, "")
    head = head.strip()
    if not head or len(head) > MAX_HEADING:
        # A long numbered item is a list entry of body text, not a heading.
        return (level if level != 5 else None), "", rest
    return level, head, body


_LEAD = re.compile(r"^([^。！!？?；;《》：:]{6,24})[。！!；;]")
_TWO_HALVES = re.compile(r"[^，,“”]{4,9}[，,][^，,“”]{4,9}")


def mark_lead_headings(doc: Document) -> None:
    """Take the unnumbered lead headings of paragraphs that open with a parallel summary sentence.

    Such paragraphs (加强组织领导，部署防控工作全天候。…) carry a heading when two or more share the pattern.
    """
    leads: dict[int, str] = {}
    for i, p in enumerate(doc.paragraphs):
        if p.heading:
            continue
        m = _LEAD.match(p.text)
        if m and len(p.text) - m.end() >= 20:
            leads[i] = m.group(1)
    if len(leads) < 2:
        return
    keys = sorted(leads)
    keep: set[int] = set()
    # Two balanced halves in consecutive paragraphs (强化组织领导，筑牢防控堤坝) …
    for a, b in zip(keys, keys[1:]):
        if b == a + 1 and _TWO_HALVES.fullmatch(leads[a]) and _TWO_HALVES.fullmatch(leads[b]):
            keep.update((a, b))
    # … or three in a row opening alike (当好宣传员… 当好咨询员… 当好监督员…).
    for a, b, c in zip(keys, keys[1:], keys[2:]):
        if c == b + 1 == a + 2 and leads[a][:2] == leads[b][:2] == leads[c][:2]:
            keep.update((a, b, c))
    for i in keep:
        p = doc.paragraphs[i]
        head = leads[i]
        p.level, p.heading, p.body = 6, head, p.text[len(head) + 1:].strip()


_DOC_TYPE = re.compile(_DOC_TYPES)
# A dateline run on after a title (——2005年3月5日在…上, （2026年1月27日在…）), after a subtitle or not.
_DATELINE = re.compile(r"(?:[—―－\-]{1,2}|[（(])\s*[\d〇一二三四五六七八九零]{2,4}\s*年")
_SENTENCE_MARK = re.compile(r"[，。；：！？,;:!?《》]")


def _subsequence(short: str, long: str) -> bool:
    """Whether short's characters all appear in long, in order."""
    rest = iter(long)
    return all(c in rest for c in short)


def own_title(label: str, line: str) -> tuple[str, str] | None:
    """The document's own title opening the line after a label for it, and the rest of that line; None when it has none.

    An archive labels a document its own way (1994年国务院政府工作报告) and the document then gives
    its own title in fewer of the same words, often with a dateline or a subtitle run on
    (1994年政府工作报告——1994年3月10日在…会议上). The title is the drafter's; the label is not.
    """
    kind = TITLE_END.search(label)
    word = _DOC_TYPE.match(kind.group()) if kind else None
    if word is None:
        return None
    compact = re.sub(r"\s+", "", line)
    label = re.sub(r"\s+", "", label)
    found = None
    for m in _DOC_TYPE.finditer(compact, 0, 52):  # a title is short: a huge line is not searched through
        title, rest = compact[:m.end()], compact[m.end():]
        if m.group() != word.group() or not is_title(title) or not _subsequence(title, label):
            continue
        # The title alone, or with its dateline, after a subtitle or not (当前的经济形势和经济体制改革——
        # 1985年3月27日…): not a sentence that opens with the title's words (政府工作报告提出，…;
        # 政府工作报告（以下简称《报告》）…) nor a longer name (政府工作报告起草组).
        dated = _DATELINE.search(rest, 0, 60)
        if not rest or (dated and not _SENTENCE_MARK.search(rest, 0, dated.start())):
            found = (title, rest)
    return found


_SERIAL = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+)$")


def holds_several(lines: list[str]) -> bool:
    """A file clearly holds several documents: a collection header, a repeated or numbered series of titles."""
    titles = [ln for ln in lines if is_title(ln)]
    if len(titles) < 2:
        return False
    if any(COLLECTION_TITLE.search(t) for t in titles):
        return True
    if sum(1 for t in titles if _SERIAL.search(t)) >= 2:
        return True
    # A title repeated after a whole document's worth of text is a pasted copy; repeated after a few
    # lines (a decree, then the regulation it issues) it is still one document.
    first: dict[str, int] = {}
    chars = 0
    for ln in lines:
        if is_title(ln):
            stem = _SERIAL.sub("", ln)
            if stem in first and chars - first[stem] >= 300:
                return True
            first.setdefault(stem, chars)
        chars += len(ln)
    return False


def split_documents(name: str, text: str) -> list[Document]:
    """The documents in one file: one, unless it clearly holds several (sites paste a series under titles)."""
    lines = join_broken_lines(clean_lines(text))
    # A 落款 joined to its release note: the note is the document's, the body's name is not.
    lines = [m.group(1) if (m := _SIGNATURE.match(ln)) and m.group(1) else ln for ln in lines]
    several = holds_several(lines)
    docs: list[Document] = []
    current = Document(name)
    for i, ln in enumerate(lines):
        if (several and is_title(ln)) or (i == 0 and is_title(ln, first=True)):
            if current.paragraphs:
                docs.append(current)
                current = Document(name)
            # A collection header ("…心得总结【多篇】") names the page, not a document.
            current.title = "" if COLLECTION_TITLE.search(ln) else ln
            continue
        if current.title and not current.paragraphs and (own := own_title(current.title, ln)):
            current.title, ln = own  # the line after a label gives the document's own title
            if not ln:
                continue
        level, head, body = split_heading(ln)
        current.paragraphs.append(Paragraph(ln, level, head, body if head else ln))
    if current.paragraphs:
        docs.append(current)
    for d in docs:
        mark_lead_headings(d)
    return docs
