"""Word-boundary n-grams of a document (jieba), counted once per document so counts merge (map → reduce).

A candidate starts and ends on a jieba word boundary, never crosses punctuation, a quotation mark or
a cited title, and never starts or ends with a particle or preposition; for each candidate a document
records the sections it was seen in, its neighbouring words and whether it stood alone as a clause.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from editor.core.mining.control import CLAUSE_CACHE
from editor.core.mining.lexicon import segment_words
from editor.core.model.phrases import BLANK

# Segments: runs of text between punctuation marks, quotation marks and brackets.
_SPLIT = re.compile(r"[，,。．.；;：:！!？?“”‘’\"'《》〈〉（）()【】\[\]…—·\s]+")
_TITLE = re.compile(r"《[^《》]{1,60}》")
_SLOT = "\ue000"  # a blank, one jieba token of its own
MIN_CHARS, MAX_CHARS, MAX_WORDS = 4, 16, 8
BOUNDARY = ""
START_BAD = frozenset(["、", "在于", "必须", "务必", "应当", "应该", "需要", "经", "按照", "根据", "依照", "依据", "通过", "随着", "对于", "关于", "围绕", "结合", "由", "自", "于", "到", "的", "了", "着", "和", "与", "及", "或", "等", "并", "而", "之", "地", "得", "也", "都", "就", "又", "还", "所", "其", "被", "把", "对", "向", "从", "给", "让", "使", "将", "为", "于", "在", "是", "要", "但", "且", "则", "即", "乃", "各", "该", "此", "这", "那", "每", "有", "个", "中", "上", "下"])
END_BAD = frozenset(["、", "的", "了", "着", "和", "与", "及", "或", "等", "并", "而", "之", "地", "得", "也", "都", "就", "又", "还", "所", "其", "被", "把", "对", "向", "从", "给", "让", "使", "将", "为", "以", "于", "在", "是", "要", "但", "且", "则", "即", "各", "该", "此", "这", "那", "每", "有", "个", "中", "更", "很", "最", "较", "不", "没", "进一步", "加快", "坚持", "加强", "推进", "推动", "实现", "提高", "做好", "开展", "建立", "完善", "落实", "按照", "根据", "通过", "围绕", "结合", "包括", "进行", "作为", "成为", "具有", "作出", "做出", "深化", "巩固", "增强", "优化", "扩大", "拓展", "关于", "对于", "以及", "同时", "一个", "一批", "一些", "若干", "主要", "重要", "相关", "有关", "其他", "其中", "已经", "正在", "可以", "应当", "应该", "必须", "需要", "能够", "不断", "积极", "认真", "切实", "全面", "大力", "深入", "有效", "持续", "严格", "依法", "加大", "统筹", "强化", "鼓励", "支持", "健全", "促进", "提升", "一定", "较好", "良好", "部分", "必要", "更多", "更大", "更好", "进一步"])
# A preposition whose object ends the phrase leaves it unfinished (感谢你们对政府…).
_PREPOSITIONS = frozenset(["对", "向", "把", "从", "将", "给", "按照", "根据", "通过", "围绕", "对于", "关于", "针对", "由", "自", "随着", "经"])


# A quotation mark beside a segment: the clause goes on through the quoted term (坚持把解决好“三农”问题…),
# so the segment's edge there is no clause boundary. Stands as the neighbouring word.
QUOTE = "“"
# Closing marks followed by 的: the quotation modifies a noun (保持“一张蓝图绘到底”的定力), as a saying may.
QUOTE_DE = "”的"
_QUOTES = frozenset("“”‘’\"'")


def segments(clause: str) -> list[tuple[str, str, str]]:
    """A clause's punctuation-free segments, each with what stands before / after it: BOUNDARY, QUOTE or QUOTE_DE.

    A cited title 《…》 or a number becomes one blank.
    """
    from editor.core.mining.candidates import with_blanks

    text = with_blanks(_TITLE.sub(BLANK, clause)).replace(BLANK, _SLOT)
    out = []
    pos = 0
    for m in _SPLIT.finditer(text + "。"):
        if m.start() > pos:
            out.append((text[pos:m.start()], _quoted_edge(text, pos - 1, -1), _quoted_edge(text, m.start(), 1)))
        pos = m.end()
    return out


def _quoted_edge(text: str, at: int, step: int) -> str:
    """QUOTE when the punctuation run starting at text[at] (going by step) is quotation marks alone, else BOUNDARY.

    QUOTE_DE when, going forward, 的 follows those marks.
    """
    marks = ""
    while 0 <= at < len(text) and _SPLIT.match(text[at]):
        marks += text[at]
        at += step
    if not marks or not all(c in _QUOTES for c in marks) or ("”" in marks and "“" in marks):
        return BOUNDARY  # punctuation, or quotations in a row (“加强…”“推动…”): as good as a comma
    return QUOTE_DE if step > 0 and text[at:at + 1] == "的" else QUOTE


# Words after which a verb stands without its object: a shortcoming's 有待提高, 亟待加强.
_AWAITING = frozenset(["有待", "亟待", "亟需", "仍需", "尚需", "还需", "有所"])


# Single characters that stand between words: a run of single characters broken by them is not one word.
_JOINERS = frozenset("的了着和与及或等并而之地得、")


def _cuts_run(words: tuple[str, ...], a: int) -> bool:
    """Whether the edge after words[a] cuts a run of 3+ single characters (推进碳|达峰 of 碳达峰碳中和).

    jieba leaves a word it does not know in single characters; no phrase starts or ends inside one.
    """

    def single(k: int) -> bool:
        return 0 <= k < len(words) and len(words[k]) == 1 and words[k] not in _JOINERS

    return single(a) and single(a + 1) and (single(a - 1) or single(a + 2))


def spans(words: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) word spans that may be phrases: 4–16 characters, ≤ 8 words, clean edges."""
    n = len(words)
    for i in range(n):
        first = words[i]
        if first in START_BAD or first == _SLOT or _cuts_run(words, i - 1):
            continue
        frame = first == "以"  # 以人民为中心: 以 opens a phrase only with its 为
        chars = 0
        for j in range(i, min(n, i + MAX_WORDS)):
            chars += len(words[j])
            if chars > MAX_CHARS:
                break
            last = words[j]
            if last == "、":
                break  # a list is a candidate of its own, whole (candidates.list_items); part of one is cut
            # 提高 / 加强 end a window only as what 有待 / 亟待 awaits (有待提高): otherwise an object follows.
            ends = last not in END_BAD or (j > i and words[j - 1] in _AWAITING and last not in START_BAD)
            if chars >= MIN_CHARS and ends and last != _SLOT and (j > i or len(first) >= 4) and (
                    not frame or "为" in words[i + 1:j]) and not _cuts_run(words, j):
                yield i, j + 1


# One window in one document: [section bits, a word on its left, a word on its right, whole, example].
Seen = list


# A segment's windows: (key, word on the left, word on the right, whole segment), and its words.
Windows = tuple[tuple[tuple[str, str, str, bool], ...], tuple[str, ...]]


@lru_cache(maxsize=CLAUSE_CACHE)
def _clause_windows(clause: str) -> tuple[Windows, ...]:
    """Every segment's windows and words (cached: stock clauses recur across documents)."""
    out = []
    for seg, start, end in segments(clause):
        words = segment_words(seg)
        n = len(words)
        found = []
        for i, j in spans(words):
            key = "".join(words[i:j])
            if _SLOT in key:
                key = key.replace(_SLOT, BLANK)
            left, right = words[i - 1] if i > 0 else start, words[j] if j < n else end
            found.append((key, left, right, left == right == BOUNDARY))
        out.append((tuple(found), words))
    return tuple(out)


def count_clause(clause: str, section_bit: int, example: str, out: dict[str, Seen], vocabulary: set[str]) -> None:
    """Add every window of a clause (and its words) to one document's counts."""
    for windows, words in _clause_windows(clause):
        vocabulary.update(words)
        for key, left, right, whole in windows:
            seen = out.get(key)
            if seen is None:
                out[key] = [section_bit, left, right, whole, example]
            else:
                seen[0] |= section_bit
                if whole:
                    seen[3] = True


# Verbs of the genre that jieba's dictionary files as nouns (现将有关情况总结如下).
_GENRE_VERBS = frozenset(["总结", "报告", "汇报", "通报", "通知", "批复", "答复", "函复", "部署", "安排", "研究", "决定", "印发", "转发", "执行", "审议", "施行", "深化", "强化", "优化", "细化", "夯实", "压实", "筑牢", "织密", "抓实", "抓好", "做实", "做好", "推进", "推动", "加强", "加快", "落实", "完善", "健全", "坚持", "提高", "提升", "促进", "加大", "统筹", "构建", "建立", "形成", "打造", "实施", "实行", "开展"])
_VERB_TAGS = frozenset(["v", "vd", "vi", "vg", "vq", "i"])  # not l: 生态环境, 对外贸易 are terms


def _modified_verb(word: str, tags: dict[str, str]) -> bool:
    """An adverb and a verb that jieba keeps as one word and files as a name or noun (严格执行, 密切配合)."""
    return len(word) == 4 and tags.get(word[:2], "") in ("a", "ad", "d") and tags.get(word[2:], "") == "v"


def is_predicate(text: str) -> bool:
    """True when a phrase holds a verb or idiom (or ends in an adjective): a formula, not a bare term or a name."""
    from editor.core.mining.lexicon import word_tags

    tags = word_tags()
    found = False
    words = [w for seg in _SPLIT.split(text.replace(BLANK, _SLOT)) if seg for w in segment_words(seg)]
    if words and len(words[0]) == 1 and tags.get(words[0], "n")[:1] in ("n", "q", "m", "f", "r", "s"):
        return False  # 镇高度重视: a noun's last character left at the start
    for w in words:
        if w in _GENRE_VERBS:
            found = True  # jieba files some of the genre's verbs as nouns or abbreviations (深化 j)
            continue
        tag = tags.get(w, "")
        if tag.startswith(("nt", "j")) and len(text) <= 8:
            return False  # an organisation or its abbreviation (保监会); has_name judges persons and places
        if w in _PREPOSITIONS:
            found = False  # what follows the preposition must hold the verb
            continue
        if tag == "l" and len(w) >= 4:
            tag = tags.get(w[-2:], "")  # a set phrase ending in a verb (切实增强), not a term (自然资源)
        if _modified_verb(w, tags):
            tag = "v"
        found = found or tag in _VERB_TAGS or w in _GENRE_VERBS or (w == "为" and "以" in words)  # 以人民为中心
    # 分工明确 / 总体稳定: an adjective as the predicate, at the end.
    return found or (len(words) > 1 and tags.get(words[-1], "") in ("a", "ad"))


def opens_with_verb(text: str) -> bool:
    """A heading that opens with an action (强化宣传引导), not a noun or adjective (不良反应, 临床使用)."""
    from editor.core.mining.lexicon import word_tags

    words = [w for seg in _SPLIT.split(text.replace(BLANK, _SLOT)) if seg for w in segment_words(seg)]
    tag = word_tags().get(words[0], "") if words else "n"
    return not tag.startswith(("n", "a", "m", "q", "r", "f", "s", "t"))


_OPENING_WORDS = frozenset(["现", "特", "请", "经", "要", "应", "须", "务必", "必须", "切实", "坚决", "始终", "共同", "不断", "全面", "深入", "认真", "大力", "积极", "扎实", "持续", "进一步", "着力", "努力", "加快", "狠抓", "全力", "奋力", "坚定", "牢固"])
_OPENING_TAGS = frozenset(["v", "vd", "vi", "vg", "vq", "d", "ad", "i", "p", "c"])


def formula_shaped(text: str, clause: bool = False) -> bool:
    """A collocation a drafter types, not a term (科技创新, 人才培养, 政务公开).

    It opens with a verb, adverb or preposition (加大宣传力度, 严厉打击, 以人民为中心) or ends in an
    adjective (分工明确).

    clause: it stood alone as a clause, so a subject and its verb (常态化防控思想有所松懈) count too.
    """
    from editor.core.mining.lexicon import idioms, is_patterned_idiom, word_tags

    if text in idioms("i") or is_patterned_idiom(text):
        return True
    tags = word_tags()
    words = [w for seg in _SPLIT.split(text.replace(BLANK, _SLOT)) if seg for w in segment_words(seg)]
    if not words or not is_predicate(text):
        return False
    first, last = tags.get(words[0], ""), tags.get(words[-1], "")
    if first == "l" and len(words[0]) >= 4:
        first = tags.get(words[0][:2], "")  # 切实增强 opens like 切实
    if _modified_verb(words[0], tags):
        first = "ad"
    if last == "r" or last.startswith("nt"):
        return False  # 属于我们 / 贯彻落实党中央、国务院…: the sentence goes on
    if first in _OPENING_TAGS or words[0] in _OPENING_WORDS or words[0] in _GENRE_VERBS or words[0] == _SLOT:
        return True
    if len(words) > 1 and last in ("a", "ad"):
        return True
    return clause and len(words) > 2 and last in ("v", "vi", "vd", "a", "i")


def parallel_shaped(text: str) -> bool:
    """Items of three or more characters sharing an opening or an ending (同步规划、同步建设 / 数据融通、服务融通).

    Lists of bodies (科技部、财政部) share an ending too, and are not formulas.
    """
    from editor.core.mining.candidates import shared_prefix, shared_suffix
    from editor.core.mining.lexicon import word_tags

    items = [i for i in re.split(r"[、，]", text) if i]
    if len(items) < 2 or min(len(i) for i in items) < 3:
        return False
    tags = word_tags()
    if any(tags.get(i, "").startswith(("nt", "ns", "j")) for i in items):
        return False
    head = items[0][:shared_prefix(items)]
    if head:
        # 好做法、好经验 / 统一调用、统一监管: a one-character or verb-like opening, not a noun (科研项目、科研资金).
        return len(head) == 1 or tags.get(head, "v")[:1] in ("v", "d", "a") or is_predicate(items[0])
    tail = items[0][len(items[0]) - shared_suffix(items):]
    # 数据融通、服务融通: the shared ending acts; 监督组、专家组 only names.
    if tail:
        return tags.get(tail, "")[:1] in ("v", "a", "d") or all(is_predicate(i) for i in items)
    # 外防输入、内防反弹 / 面上管控、点上精准: actions of one length sharing a character inside.
    return (len({len(i) for i in items}) == 1 and any(len(set(chars)) == 1 for chars in zip(*items))
            and all(is_predicate(i) for i in items))
