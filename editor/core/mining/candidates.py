"""Candidate phrases of every kind from one structured document (headings, lists, quotes, clauses…)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from editor.core.corpus.normalize import PLACEHOLDER
from editor.core.corpus.sections import REPORT_REQUEST, clause_section
from editor.core.corpus.structure import Document
from editor.core.mining.control import CLAUSE_CACHE
from editor.core.mining.frames import frame_templates, title_templates, variable_templates
from editor.core.model.phrases import BLANK

SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
CLAUSE_SPLIT = re.compile(r"[，,：:]")
QUOTED = re.compile(r"“([^“”]{4,60})”")
INLINE_ENUM = re.compile(r"(?:^|(?<=[。；;！!？?]))\s*(?:其?[一二三四五六七八九十]是|首先|其次|再次|最后)[，,]?"
                         r"([^。；;！!？?：:，,]{4,20}[，,][^。；;！!？?：:，,]{2,20}|[^。；;！!？?：:，,]{4,20})[。；;]")
# Dates, then numbers (with units that only make sense after a number), become one blank.
DATE = re.compile(r"[\d〇零一二三四五六七八九十]{2,4}年(?:[\d一二三四五六七八九十]{1,2}月)?(?:[\d一二三四五六七八九十]{1,3}[日号])?"
                  r"|[\d]{1,2}月(?:[\d]{1,2}[日号])?|[\d]{1,2}[日号]")
NUMBER = re.compile(r"[\d]+(?:\.\d+)?[%％]?(?:万|亿|千|百)?(?:余|多)?")
# A lone X before a measure word is a placeholder too (返回人员X人); X光 or X射线 are not.
_SINGLE_X = re.compile(r"(?<![A-Za-z])[Xx×](?=[人个名例次天家条起处万亿元月日年号期批户所项])")
_BLANKS = re.compile(rf"(?:{re.escape(BLANK)}\s*)+")
# A date written with blanks (___月___日___时) is one blank followed by its last unit.
_BLANK_DATE = re.compile(rf"{re.escape(BLANK)}(?:[年月]{re.escape(BLANK)})+[日号]?")
_QUOTE_CHARS = str.maketrans("", "", "“”‘’\"'「」『』")
# 和, 及 or 与 joining what follows to what went before; not the first character of a word (和谐, 及时, 与会).
_JOIN = r"(?!和[谐平睦美气]|及[时早格]|与[会其时])(?:和|及|与)"
# Conjunctions that open a clause but not the phrase; 及时, 并非, 而今, 或许, 与会 keep their first character.
_LEAD = re.compile(r"^(?:必须|务必|应当|应该|一定要|特别是|尤其是|并且|而且|或者|同时|此外|另外|因此|所以|但是|从而|进而|以及|"
                   rf"{_JOIN}|要(?![求素害点闻件])|并(?![非不未肩重举])|而(?![今后已])|或(?![许是者])|但(?![凡愿]))")
_TRAIL = re.compile(r"(?:等等|等)$")
_PAIRED = re.compile(r"^(?:与|和)[^，,]{2,}相[\u4e00-\u9fff]{1,2}$")  # 与…相结合: a preposition, kept
# What may follow the last item of a list in running text (…、松劲心态等问题 / …的浓厚氛围).
_LIST_TAIL = re.compile(rf"^(?:等|的|{_JOIN}|工作|方面|措施|情况|问题|环节|领域|能力|作用|水平|意识|建设|改革|”)")
# A last item joined by 和/及/与 (…、继续教育和网络教育), not a tail word (…和谐, …及时).
_JOINED_ITEM = re.compile(rf"^(?:以及|{_JOIN})(?!其)[\u4e00-\u9fff]{{2}}")  # …和其他: a tail, not an item
_CITED = re.compile(r"《[^《》]{1,60}》(?:（[^（）]{0,20}）)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Titles: leading years, trailing serial numbers and collection marks are not part of the title.
_TITLE_TAIL = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+|【[^】]*】|\d*篇)$")


@dataclass
class Candidate:
    """One occurrence of a candidate phrase."""

    kind: str
    text: str
    section: str
    example: str
    standalone: bool = False  # a whole clause, list item or heading, not a window inside text


@lru_cache(maxsize=CLAUSE_CACHE)
def with_blanks(text: str) -> str:
    """Placeholders, dates and numbers → ___ (a run of them is one blank); cached: clauses recur."""
    s = _SINGLE_X.sub(BLANK, PLACEHOLDER.sub(BLANK, text))
    # A year alone keeps its 年 (___年工作打算, 到___年): the blank says what goes in it.
    s = DATE.sub(lambda m: BLANK + "年" if m.group().endswith("年") else BLANK, s)
    s = NUMBER.sub(BLANK, s)
    s = _BLANKS.sub(BLANK, s)
    return _BLANKS.sub(BLANK, _BLANK_DATE.sub(BLANK, s))


def cjk_len(text: str) -> int:
    """Number of Chinese characters (blanks and punctuation excluded)."""
    return len(_CJK.findall(text))


@lru_cache(maxsize=CLAUSE_CACHE)
def clean_unit(text: str) -> str:
    """A clause as a phrase: quote marks gone, leading conjunctions and a trailing 等 dropped."""
    s = text.translate(_QUOTE_CHARS).strip(" 　\t-—…·.")
    if not _PAIRED.match(s):
        s = _LEAD.sub("", s)
    s = _TRAIL.sub("", s)
    return s.strip(" 　\t-—…·.")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, ending punctuation kept."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def shared_prefix(items: list[str]) -> int:
    """How many characters all items open with."""
    n = 0
    for chars in zip(*items):
        if len(set(chars)) != 1:
            break
        n += 1
    return n


def shared_suffix(items: list[str]) -> int:
    """How many characters all items end with."""
    return shared_prefix([s[::-1] for s in items])


def list_items(clause: str) -> list[str] | None:
    """A 、-list of equal-length or same-shaped items, trimmed of its lead-in and tail."""
    parts = clause.translate(_QUOTE_CHARS).split("、")
    if len(parts) < 2:
        return None
    inner = parts[1:-1]
    width = len(inner[0]) if inner else len(parts[-1])
    if not inner and width > 8 and _LIST_TAIL.match(parts[-1][4:]):
        width = 4  # 众志成城、群防群控的浓厚氛围: two four-character items before a tail
    if not 2 <= width <= 8 or any(len(p) != width for p in inner):
        return None
    first, last = parts[0][-width:], parts[-1][:width]
    items = [first, *inner, last]
    if any(len(i) != width or not _CJK.search(i) for i in items):
        return None
    tail = parts[-1][width:]
    if _JOINED_ITEM.match(tail):
        return None  # 民族教育、特殊教育、继续教育|和网络教育: the list goes on past 和, cut it would be half
    if tail and not _LIST_TAIL.match(tail) and not _predicate_follows(parts[-1], width):
        # The last item runs on into the sentence (不平衡、不协调、不可持续的问题; 定人、定责、定时限): where
        # it ends is a guess, and the items before it are not the list (不平衡、不协调 is two thirds of one).
        return None
    if any(ch in item for item in items for ch in "等的和及与或"):
        return None
    shaped = shared_prefix(items) >= 1 or shared_suffix(items) >= 1
    if len(items) == 2 and not shaped and width != 4:
        return None
    if len(parts[0]) > width and not shaped and width != 4:
        return None  # cutting the lead-in at a guessed width is only safe for four-character items
    return items


def _inside_modifier(clause: str, items: list[str]) -> bool:
    """Whether a pair stands between its subject and a 的 (…现代化夯实基础、全面发力的关键时期): not a unit there.

    After a verb (形成统一开放、竞争有序的…), inside quotation marks or with three items or more it is a formula.
    """
    from editor.core.mining.lexicon import segment_words, word_tags

    pair = "、".join(items)
    at = clause.find(pair)
    if len(items) != 2 or at <= 0 or clause[at + len(pair):][:1] != "的":
        return False  # quotation marks inside the pair (“放管服”、…) or nothing before it
    word = (segment_words(clause[:at]) or ("",))[-1]
    tag = word_tags().get(word, "")
    return word.endswith(("化", "性")) or (tag[:1] in ("n", "r") and tag != "vn")


def _predicate_follows(last: str, width: int) -> bool:
    """Whether a list's last part ends its item at a word boundary and goes on with what is said of the list.

    防风险|放在突出位置, 早治疗|要求, 统一部署|及时推进: a verb, an adverb or the list's 要求/原则 follows.
    """
    from editor.core.mining.lexicon import segment_words, word_tags

    words, end = segment_words(last), 0
    for i, w in enumerate(words):
        end += len(w)
        if end == width:
            following = words[i + 1] if i + 1 < len(words) else ""
            tag = word_tags().get(following, "")
            return tag[:1] in ("v", "d") or following in ("要求", "原则", "方针")
        if end > width:
            return False
    return False


def _comma_runs(clauses: list[str]) -> list[list[str]]:
    """Runs of ≥3 short clauses opening the same way (全面动员，全面部署，全面发声)."""
    runs: list[list[str]] = []
    run: list[str] = []
    for c in clauses:
        if 2 <= len(c) <= 12 and run and c[:2] == run[0][:2]:
            run.append(c)
            continue
        if len(run) >= 3:
            runs.append(run)
        run = [c] if 2 <= len(c) <= 12 else []
    if len(run) >= 3:
        runs.append(run)
    return runs


def _is_couplet(clauses: list[str]) -> bool:
    """Two balanced halves: 没有一个冬天不能逾越，没有一个春天不会到来 / 疫情就是命令，防控就是责任."""
    if len(clauses) != 2:
        return False
    a, b = clauses
    if not 5 <= len(a) <= 14 or len(a) != len(b):
        return False
    return shared_prefix([a, b]) >= 2 or len(a) == 7 or ("就是" in a and "就是" in b)


def title_phrase(title: str) -> str:
    """A document title as a reusable phrase: serial numbers dropped, years made blanks."""
    s = title
    while True:
        t = _TITLE_TAIL.sub("", s)
        if t == s:
            break
        s = t
    return with_blanks(s).strip()


def extract(doc: Document) -> list[Candidate]:
    """Every candidate occurrence in a document (one entry per occurrence)."""
    from editor.core.corpus.sections import genre_of, sentence_section

    out: list[Candidate] = []
    last = max(1, len(doc.paragraphs) - 1)
    # Speeches, summaries and reflections quote sayings; a 通知 or 意见 quotes the names of its policies.
    sayings = genre_of(doc.title) not in ("notice", "letter", "policy")
    if doc.title:
        t = title_phrase(doc.title)
        if t:
            out.append(Candidate("heading", t, "title", doc.title, True))
        for tpl in title_templates(t):
            out.append(Candidate("frame", tpl, "title", doc.title, True))
    for index, p in enumerate(doc.paragraphs):
        sec = p.section
        if p.heading:
            out.append(Candidate("heading", with_blanks(p.heading.strip("。．.：:；; —-")), sec, p.text, True))
        body = p.body if p.heading else p.text
        for m in INLINE_ENUM.finditer(body):
            out.append(Candidate("heading", with_blanks(m.group(1)), sec, m.group(0).strip("。；; "), True))
        _quoted_candidates(body, sec, out, sayings)
        clauses: list[tuple[str, str, str]] = []
        for sentence in sentences(body):
            _sentence_candidates(sentence, sentence_section(sentence, sec, index / last), out, clauses)
        for tpl in variable_templates([c for c, _, _ in clauses]):
            out.append(Candidate("frame", tpl, sec, p.text[:200], True))
    return out


def _quoted_candidates(paragraph: str, sec: str, out: list[Candidate], sayings: bool = True) -> None:
    """Text in “…” (searched over the paragraph: a quotation may hold its own 。): quotes and lists."""
    for m in QUOTED.finditer(paragraph):
        q = m.group(1).strip().rstrip("。！!")
        example = paragraph[max(0, m.start() - 40):m.end() + 40]
        if "、" in q and "，" not in q:
            items = list_items(q) or _quoted_pair(q)
            if items:
                out.append(Candidate("parallel", "、".join(items), sec, example, True))
            continue
        n = cjk_len(q)
        if n >= 7 or (n >= 5 and ("，" in q or "," in q)):
            # A quoted name (实施“…攻坚年”行动; in a 通知 all but a sentence of its own) is its document's content.
            at, to, inner = m.start(), m.end(), m.group(1)
            said = (sayings and ("，" in q or not _named(paragraph, at, to))) or _stands_alone(paragraph, at, to, inner)
            out.append(Candidate("quote" if said else "collocation", q, sec, example, True))
        elif n >= 6:
            out.append(Candidate("collocation", q, sec, example, True))


_QUOTE_EDGE = "。！!？?，,；;：:…“”—"
# What kind of programme a quoted name names (not 理念, 精神, 要求, 这句话: what a saying is).
_PROGRAMME = re.compile(r"(?:专项)?(?:行动|活动|工程|计划|试点|品牌|项目|攻坚战)")
# What a saying or a stated aim is called when a noun follows it (坚持“绿水青山就是金山银山”理念, “…”等重要目标):
# not a name's kind.
_SAYING_KIND = ("理念", "精神", "思想", "论述", "论断", "方针", "原则", "道理", "真理", "箴言", "名言", "古训", "诗句",
                "格言", "警句", "信念", "境界", "情怀", "宗旨", "要义", "精髓", "观念", "目标", "作风", "传统", "思路",
                "定位", "导向", "责任", "指示", "嘱托", "使命", "要求", "战略")
# Further quotations in a row (“跟着美食去旅行”“跟着演艺去旅行”等新模式) and the 等 that closes them.
_MORE_QUOTES = re.compile(r"(?:[、和及与]?“[^“”]{1,40}”)*等?")
# A quotation that names its own kind (“国家重点基础研究发展计划”, “改革创新系列行动”).
_NAMES_ITS_KIND = re.compile(_PROGRAMME.pattern + "$")


def _named(paragraph: str, start: int, end: int) -> bool:
    """A name: a quotation a noun of its kind follows, or that names its kind itself.

    实施“稳增长促发展攻坚年”行动, “国家重点基础研究发展计划”, 推广“建枢纽带站点进家庭”模式, “一支队伍管执法”改革,
    “…”“…”等新模式. A saying is named by what it is (“…”理念, “…”精神) or by 的 (“…”的定力), or stands in its sentence.
    """
    if start > 0 and _CJK.match(paragraph[start - 1]) and _PROGRAMME.match(paragraph, end):
        return True
    if _NAMES_ITS_KIND.search(paragraph, start, end - 1):
        return True
    after = _MORE_QUOTES.match(paragraph, end)
    rest = paragraph[after.end() if after else end:][:10]
    if not rest or not _CJK.match(rest[0]):
        return False
    from editor.core.mining.lexicon import segment_words, word_tags

    tags = word_tags()
    words = list(segment_words(rest))
    if len(words) > 1 and tags.get(words[0], "") == "a":
        words = words[1:]  # …等新模式, …重要要求: the noun after its adjective says what it is
    # The nouns after it, up to three: their head says what it is (“…”发展理念, “…”工作作风: sayings).
    run = []
    for w in words[:3]:
        if not (tags.get(w, "").startswith("n") or tags.get(w, "") == "vn"):
            break
        run.append(w)
    return bool(run) and not any(w.endswith(_SAYING_KIND) for w in run)


def _stands_alone(paragraph: str, start: int, end: int, inner: str) -> bool:
    """A quotation that ends a sentence inside its marks or stands between punctuation (。“国家兴亡，匹夫有责”。)."""
    if inner.rstrip().endswith(("。", "！", "!", "？", "?")):
        return True
    before = paragraph[start - 1] if start > 0 else "。"
    return before in _QUOTE_EDGE and (paragraph[end] if end < len(paragraph) else "。") in _QUOTE_EDGE


def _quoted_pair(q: str) -> list[str] | None:
    """A quoted pair of equal-length items (外严防输入、内严防反弹): the quotes mark its bounds."""
    parts = q.split("、")
    if len(parts) == 2 and len(parts[0]) == len(parts[1]) and 3 <= len(parts[0]) <= 8:
        return parts
    return None


@lru_cache(maxsize=CLAUSE_CACHE)
def _clause_unit(c: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """A clause's own candidates: (the clause with cited titles as blanks, ((kind, text), …)).

    None for a clause holding part of a cited title. Cached: stock clauses recur across documents.
    """
    if "《" in c or "》" in c:
        if c.count("《") != c.count("》"):
            return None
        c = _CITED.sub(BLANK, c)  # 现将《…》印发给你们: the cited title varies, the frame is the formula
    unit = with_blanks(c)
    n = cjk_len(unit)
    specs: list[tuple[str, str]] = []
    if n == 4 and BLANK not in unit and len(unit) == 4:
        specs.append(("idiom", unit))
    elif (3 if BLANK in unit else 4) <= n:
        if n <= 24:
            specs.append(("template" if BLANK in unit else "collocation", unit))
        # A frame's middle may be long (团结在以习近平同志为核心的党中央周围): the clause is not an entry, its frame is.
        specs.extend(("frame", tpl) for tpl in frame_templates(unit))
    return c, tuple(specs)


def _sentence_candidates(sentence: str, sec: str, out: list[Candidate],
                         all_clauses: list[tuple[str, str, str]]) -> None:
    """Quotes, lists, runs, couplets and clauses of one sentence."""
    example = sentence
    body = sentence.rstrip("。！？!?；;…")
    clauses = [c.strip() for c in CLAUSE_SPLIT.split(body) if c.strip()]
    plain = [clean_unit(c) for c in clauses]
    if _is_couplet(plain) and "“" not in sentence:
        out.append(Candidate("quote", "，".join(plain), sec, example, True))
    for run in _comma_runs(plain):
        out.append(Candidate("parallel", "，".join(run), sec, example, True))
    for c in clauses:
        items = list_items(c)
        if items:
            whole = not _inside_modifier(c, items)
            out.append(Candidate("parallel", "、".join(items), sec, example, whole))
            for it in items:
                if len(it) == 4:
                    out.append(Candidate("idiom", it, sec, example, whole))
    for c in plain:
        found = _clause_unit(c)
        if found is None:
            continue
        cut, specs = found
        clause_sec = clause_section(cut, sec)
        for kind, text in specs:
            out.append(Candidate(kind, text, clause_sec, example, True))
        all_clauses.append((cut, clause_sec, example))
    # The whole sentence stands where the sentence does (现在，我代表国务院…，请予审议 opens a report),
    # though its last clause alone may be a closing formula (请予审议 closes a 请示).
    # Balanced 4+4 pairs (高度重视，加强领导) and short whole sentences are phrases in their own right.
    if len(plain) == 2 and all(len(c) == 4 for c in plain):
        out.append(Candidate("collocation", "，".join(plain), sec, example, True))
    elif 2 <= len(plain) <= 4 and cjk_len(_CITED.sub("", body)) <= 32 and all(cjk_len(c) >= 2 for c in plain):
        unit = with_blanks(_CITED.sub(BLANK, "，".join(plain)))
        out.append(Candidate("template" if BLANK in unit else "collocation", unit, sec, example, True))
    elif sec == "opening" and len(plain) > 2:
        # A long opening sentence's first clauses up to its request are the formula (现在，我代表国务院，
        # 向大会报告政府工作，请予审议，|并请…委员提出意见): what follows names this assembly's own guests.
        for k in range(min(4, len(plain) - 1), 1, -1):
            if plain[k - 1] not in REPORT_REQUEST:
                continue
            unit = with_blanks(_CITED.sub(BLANK, "，".join(plain[:k])))
            if cjk_len(unit) <= 32 and all(cjk_len(c) >= 2 for c in plain[:k]):
                out.append(Candidate("template" if BLANK in unit else "collocation", unit, sec, example, True))
                break
