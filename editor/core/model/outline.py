"""Document types and their usual section skeletons, for File → New.

Types and their usual headings are learnt from the corpus where it shows them (a title ending in
工作总结, 讲话 …, followed by headings such as 存在问题 or 下一步工作打算); a built-in skeleton per
type fills whatever the corpus does not show.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from editor.core.corpus.section_cues import section_for_heading
from editor.core.model.document import Document, Paragraph, Run
from editor.core.model.headings import heading_level, strip_numbering
from editor.core.model.phrases import BLANK

_CN_DIGITS = "一二三四五六七八九十"


@dataclass(frozen=True)
class DocType:
    """A kind of document with the skeleton a new one starts from."""

    name: str
    title: str
    opening: tuple[str, ...]
    headings: tuple[tuple[str, str], ...]  # (section id, heading text without numbering)
    closing: tuple[str, ...] = ()
    seen: int = 0  # documents of this type in the corpus
    learnt: tuple[str, ...] = field(default=())  # headings taken from the corpus


B = BLANK
BUILTIN_TYPES: tuple[DocType, ...] = (
    DocType("工作总结", f"{B}年{B}工作总结",
            (f"今年以来，在{B}的正确领导下，我们坚持{B}，较好地完成了各项工作任务。现将有关情况总结如下：",),
            (("measures", "主要工作及成效"), ("problems", "存在的问题和不足"), ("next_steps", "下一步工作打算"))),
    DocType("讲话稿", f"在{B}会议上的讲话",
            ("同志们：", f"今天，我们召开{B}会议，主要任务是{B}。下面，我讲几点意见。"),
            (("situation", "统一思想，认清形势"), ("measures", "突出重点，扎实推进各项工作"),
             ("next_steps", "加强领导，确保各项任务落到实处")),
            (f"同志们，{B}。让我们{B}，为{B}而努力奋斗！",)),
    DocType("心得体会", f"{B}心得体会",
            (f"近期，我参加了{B}，深受教育、收获很大。现将学习体会总结如下：",),
            (("situation", "提高思想认识"), ("measures", "联系工作实际"), ("next_steps", "明确今后努力方向")),
            (f"总之，{B}。",)),
    DocType("工作计划", f"{B}年{B}工作计划",
            (f"为{B}，根据{B}，结合实际，制定本计划。",),
            (("opening", "指导思想"), ("measures", "主要任务"), ("measures", "工作措施"),
             ("next_steps", "进度安排"))),
    DocType("通知", f"关于{B}的通知",
            (f"各{B}：", f"为{B}，现将有关事项通知如下："),
            (("measures", f"{B}"), ("measures", "工作要求")),
            ("特此通知。",)),
)

# Title endings → type name; longer endings first so 工作总结 wins over 总结.
_TITLE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("工作总结", "工作总结"), ("心得体会", "心得体会"), ("心得总结", "心得体会"), ("讲话提纲", "讲话稿"),
    ("讲话稿", "讲话稿"), ("讲话", "讲话稿"), ("致辞", "讲话稿"), ("工作计划", "工作计划"),
    ("实施方案", "工作计划"), ("工作方案", "工作计划"), ("通知", "通知"), ("心得", "心得体会"),
    ("总结", "工作总结"), ("计划", "工作计划"),
)
_TITLE_TAIL = re.compile(r"(?:[（(【\[][^）)】\]]{0,8}[）)】\]]|[0-9０-９]+|\s)+$")
_END_PUNCT = re.compile(r"[。；;！!？?，,：:]$")
TITLE_MAX = 40


def type_of_title(line: str, normalise: Callable[[str], str] = lambda s: s) -> str | None:
    """The document type a title line names (…工作总结(二) → 工作总结), or None."""
    s = line.strip().lstrip("\u3000")
    if not s or len(s) > TITLE_MAX or heading_level(s) is not None or _END_PUNCT.search(s):
        return None
    s = _TITLE_TAIL.sub("", normalise(s))
    for ending, name in _TITLE_ENDINGS:
        if s.endswith(ending):
            return name
    return None


def _clean_heading(line: str, normalise: Callable[[str], str]) -> str:
    return re.sub(r"[。：:；;，,.]+$", "", normalise(strip_numbering(line))).strip()


def learn_types(texts: Iterable[str], normalise: Callable[[str], str] | None = None,
                min_docs: int = 2) -> list[DocType]:
    """Types seen in the corpus (most common first) with their usual headings, then the rest built in.

    A heading from the corpus replaces the built-in one for its section when at least min_docs
    documents of that type use it.
    """
    normalise_fn: Callable[[str], str]
    if normalise is None:
        from editor.core.script.converter import to_simplified

        normalise_fn = to_simplified
    else:
        normalise_fn = normalise
    seen: Counter[str] = Counter()
    usual: dict[tuple[str, str], Counter[str]] = {}
    for text in texts:
        current: str | None = None
        used: set[tuple[str, str]] = set()
        for line in text.splitlines():
            found = type_of_title(line, normalise_fn)
            if found is not None:
                current = found
                seen[found] += 1
                used = set()
                continue
            if current is None or heading_level(line) != 1:
                continue
            section = section_for_heading(line)
            heading = _clean_heading(line, normalise_fn)
            if section in (None, "measures") or not heading or (section, heading) in used:
                continue  # measure headings are topic-specific; count each heading once per document
            used.add((section, heading))
            usual.setdefault((current, section), Counter())[heading] += 1
    builtin = {t.name: t for t in BUILTIN_TYPES}
    result: list[DocType] = []
    for name, n in seen.most_common():
        base = builtin.get(name)
        if base is None:
            continue
        headings = list(base.headings)
        learnt: list[str] = []
        for j, (section, text) in enumerate(headings):
            counts = usual.get((name, section))
            if counts:
                best, docs = counts.most_common(1)[0]
                if docs >= min_docs and best != text:
                    headings[j] = (section, best)
                    learnt.append(best)
        result.append(replace(base, headings=tuple(headings), seen=n, learnt=tuple(learnt)))
    names = {t.name for t in result}
    result.extend(t for t in BUILTIN_TYPES if t.name not in names)
    return result


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二 (heading numbers stay small)."""
    if n <= 10:
        return _CN_DIGITS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens - 1]) + "十" + (_CN_DIGITS[ones - 1] if ones else "")


def _para(text: str, style: str = "body", align: str | None = None) -> Paragraph:
    return Paragraph([Run(text)] if text else [], style=style, align=align)


def build_document(doc_type: DocType) -> Document:
    """The starting document for a type: title, opening, numbered headings with a blank each, closing."""
    blocks: list[Paragraph] = [_para(doc_type.title, "title", "center")]
    blocks.extend(_para(line) for line in doc_type.opening)
    for n, (_, heading) in enumerate(doc_type.headings, 1):
        blocks.append(_para(f"{chinese_number(n)}、{heading}", "heading1"))
        blocks.append(_para(BLANK))
    blocks.extend(_para(line) for line in doc_type.closing)
    return Document(list(blocks))


def empty_document() -> Document:
    """The 空白文档 choice."""
    return Document([])


def corpus_texts(folders: Iterable[object]) -> list[str]:
    """The .txt documents under the given folders, decoded (unreadable files are skipped)."""
    from pathlib import Path

    from editor.core.formats.encoding import decode_bytes

    texts: list[str] = []
    for folder in folders:
        root = Path(str(folder))
        files = sorted(root.rglob("*.txt")) if root.is_dir() else [root] if root.is_file() else []
        for f in files:
            try:
                texts.append(decode_bytes(f.read_bytes()).text)
            except OSError:
                continue  # a corpus file vanished or is unreadable: the built-in skeletons remain
    return texts
