"""What reads like a phrase but is not a drafter's formula: a document's subject, a lone part name, a head without its object.

Each test looks only at the corpus's own evidence (titles, headings, the words beside a candidate),
never at a list of phrases, so it holds for corpora nobody here has read.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editor.core.mining.candidates import QUOTED
from editor.core.mining.lexicon import word_tags
from editor.core.model.phrases import BLANK

if TYPE_CHECKING:
    from editor.core.mining.counting import Counts, Tally

# From this many documents on, a title word that few other titles hold marks a document's subject
# (in a handful of documents every title word is rare).
TITLE_DOCS = 10
# An enumeration closed by 等 (通过在线访谈、网上调查和意见征集等形式, …等部门): one document's particulars.
# A named body doing something: …部 / …委 / …委员会 / …总局 followed by what it does.
_BODY_DOES = re.compile(r"[\u4e00-\u9fff]{1,8}(?<![干全内外局各本总东西中南北基细])(?:部|委|委员会|总局|署)(?=会同|负责|牵头|等|$)")
# Symbols that join names into a programme's name (互联网+医疗健康).
_SYMBOL = re.compile(r"[+＋=＝/／|｜#＃@＠&＆*＊<>＜＞~～^]")
_ENUMERATION = re.compile(r"、[^，；]*等")
# A list item naming a ministry, commission or bureau (教育部, 发展改革委, 体育总局), not 干部/全部/东部.
_BODY_ITEM = re.compile(r"^[\u4e00-\u9fff]{1,8}(?<![干全内外局各本总东西中南北基细党])(?:部|委|委员会|总局|署)(?:$|___)")
# Words on the right that start an object or a noun the phrase modifies (提高…水平, 创新创业团队); a
# blank there is a number or a cited title.
_CONTENT_TAGS = ("n", "v", "a", "l", "i", "b", "j", "m", "z")  # z: a bound character (卫生健康 + 委)


def headless(t: Tally, judged_whole: bool = False) -> bool:
    """A window never seen at a clause's end, followed by a content word in most documents: a head cut from its object.

    进一步提高…水平, 创新创业团队, 国务院第___次常务会议精神: the words that follow always complete it,
    so it is not a unit a drafter inserts. A list item (…、) or a phrase ending a clause somewhere is.
    judged_whole: judge a phrase that stood alone in a few documents too (以县城为重要载体|的…, whole once in five).
    """
    from editor.core.mining.ngrams import _SLOT, BOUNDARY, QUOTE, QUOTE_DE, segment_words

    if judged_whole:
        if 3 * t.right.get(BOUNDARY, 0) >= sum(t.right.values()):
            return False
    elif t.structured or t.whole or t.right.get(BOUNDARY, 0):
        return False
    from editor.core.mining.lexicon import idioms

    tags = word_tags()
    total = sum(t.right.values())
    # …的 completes it too: 支持符合条件 is always 支持符合条件的企业, a modifier cut from its noun
    # (not a set idiom: 突如其来的疫情 still offers 突如其来).
    # A quoted term after it (坚持把解决好“三农”问题) completes it as much as a word does.
    completing = (_SLOT, QUOTE, QUOTE_DE, "的") if t.text not in idioms("i") else (_SLOT, QUOTE, QUOTE_DE)
    content = sum(c for w, c in t.right.items() if w in completing or tags.get(w, "x").startswith(_CONTENT_TAGS))
    words = segment_words(t.text)
    if (not judged_whole and total > 0 and len(words) >= 2 and words[-1] == "新"
            and tags.get(words[-2], "")[:1] == "v" and not t.right.get("、")):
        # 发展取得新|进步 / 谱写新|篇章: after a verb, 新 modifies its object, whatever jieba tags the noun
        # (进步 as an adverb). Other adjectives there may be the verb's result (把蛋糕做|大、…): whole.
        return True
    # A noun never ending a clause and joined to the next noun (接受社会和舆论监督): the first half of a
    # coordinated object; the verb's object is the whole coordination. (After 、 a list of actions may go on.)
    # So is a verb's object that ends in a verb jieba tags as one (推动科技创新|和产业创新深度融合).
    object_verb = len(words) >= 3 and tags.get(words[0], "")[:1] == "v" and tags.get(words[-1], "") == "v"
    if _last_noun(t.text) or (words and tags.get(words[-1], "") == "vn") or object_verb:
        content += sum(c for w, c in t.right.items() if w in _JOINED and w != "的")
    if words and tags.get(words[-1], "")[:1] in ("v", "a"):
        content += t.right.get("在", 0)  # 我们要更加紧密地团结|在…周围: the verb's complement follows
    if "以" in words and "为" not in words:
        content += t.right.get("为", 0)  # 推进以国家公园|为主体…: cut inside 以…为
    return total > 0 and 3 * content >= 2 * total


def object_term(t: Tally, judged_whole: bool = False) -> bool:
    """A window never opening a clause and led in most documents by what it completes: a verb, a preposition, 的 or 和.

    推进政务公开 / 促进政务公开: 政务公开 is a term the verbs act on, not a formula of its own;
    社会公开 is always 向社会公开, 积极作用 …的积极作用 and 社会稳定 …和社会稳定: pieces of the phrase they stand in.
    judged_whole: judge a phrase that stood alone in a few documents too (社会稳定, whole once in four).
    """
    from editor.core.mining.ngrams import _GENRE_VERBS, _PREPOSITIONS, BOUNDARY, segment_words

    if (not judged_whole and (t.structured or t.whole)) or t.left.get(BOUNDARY, 0):
        return False
    tags = word_tags()
    words = segment_words(t.text)
    total = sum(t.left.values())
    # A preposition's noun object (向社会公开), not an action it introduces (对于促进政务公开…).
    opens_with_verb = bool(words) and tags.get(words[0], "").startswith("v")
    led = sum(c for w, c in t.left.items()
              if w in _JOINED or (w in _PREPOSITIONS and not opens_with_verb))
    if total > 0 and 3 * led >= 2 * total:
        return True
    # The head of a longer term, whatever the window opens with: 金融支持力度, 社会治理能力, 指示批示精神.
    # (One word jieba tags as a set phrase, 严峻形势, ends in its noun too; a term standing alone in a
    # few documents, 薄弱环节, is judged on the words it was cut into.)
    if words and (tags.get(words[-1], "") in ("n", "nz") or (not judged_whole and _last_noun(t.text))):
        # …or the object of the verb before it (加大|补短板力度), or an adjective's noun (复杂|严峻形势):
        # the window lacks the word that governs it. (An adjective before a verb is its adverb: 坚定|实施….)
        modifiers = ("n", "nz", "vn") if opens_with_verb else ("n", "nz", "vn", "a")
        nouns = sum(c for w, c in t.left.items() if w in _JOINED or tags.get(w, "") in modifiers
                    or (tags.get(w, "") == "v" and w not in _MODALS))
        if total > 0 and 3 * nouns >= 2 * total:
            return True
    if not words or not tags.get(words[0], "").startswith("n") or tags.get(words[0], "") == "vn":
        return False
    verbs = sum(c for w, c in t.left.items() if w in _GENRE_VERBS or tags.get(w, "").startswith("v"))
    return total > 0 and 3 * verbs >= 2 * total


def clause_half(t: Tally) -> bool:
    """A window that is half of a subject and its predicate, never a clause of its own.

    A description led by its subject in most documents (因素|明显增加, 水平|稳步提高, 农民收入|增长缓慢)
    lacks that subject; a subject followed by an adverb in most (面临的形势|依然严峻) lacks what is said of it.
    """
    from editor.core.mining.ngrams import BOUNDARY, segment_words

    if t.structured or t.whole:
        return False
    tags = word_tags()
    text = t.text
    words = segment_words(text)
    # An adverb or adjective and a verb, no object (明显增加; jieba may keep it as one word), or a verb
    # and how much (增长过快, 增长缓慢, 增长较快: an adverb leads its complement, unlike 提供便利's object).
    described = (len(text) >= 4 and tags.get(text[-2:], "") == "v"
                 and all(tags.get(w, "")[:1] in ("d", "a", "z") for w in segment_words(text[:-2]))) or (
        len(words) >= 2 and tags.get(words[0], "") == "v" and tags.get(words[1], "") in ("d", "ug", "zg")
        and all(tags.get(w, "") in ("d", "a", "ad", "ug", "zg", "z") for w in words[1:]))
    total = sum(t.left.values())
    if len(words) >= 2 and tags.get(words[0], "")[:1] in ("v", "a") and text.startswith(words[0] + "在" + BLANK):
        # Held at a figure (稳定在___以上, 控制在___左右): what is held stands before it (参保率|稳定在…).
        return 3 * t.left.get(BOUNDARY, 0) < max(1, total)
    if len(words) >= 3 and tags.get(words[0], "") in ("n", "vn") and tags.get(words[1], "")[:1] == "v" and (
            words[1] not in _MODALS and not t.left.get(BOUNDARY, 0)):
        # The head of a subject and its verb (生态文明|建设取得新成效, …等|工作取得新成效): led by the
        # subject's other words in most documents, it lacks them.
        nouns = sum(c for w, c in t.left.items() if w == "等" or tags.get(w, "")[:1] in ("n", "r") or tags.get(w, "") == "vn")
        if 3 * nouns >= 2 * max(1, total):
            return True
    if described:
        # Opening a clause in one document of several does not make it a clause (程度|明显提高 in four of five).
        if 3 * t.left.get(BOUNDARY, 0) >= total:
            return False
        nouns = sum(c for w, c in t.left.items() if tags.get(w, "")[:1] == "n" or tags.get(w, "") == "vn")
        return 3 * nouns >= 2 * max(1, total)
    if t.left.get(BOUNDARY, 0):
        return False
    if len(words) >= 2 and tags.get(words[-1], "") == "n":
        adverbs = sum(c for w, c in t.right.items() if tags.get(w, "")[:1] == "d")
        return 3 * adverbs >= 2 * max(1, sum(t.right.values()))
    return False


# Verbs that only lead another verb (要坚持…): what follows them is whole.
_MODALS = frozenset(["要", "应", "应当", "须", "必须", "将", "能", "能够", "可", "可以", "会", "需", "需要", "得以", "敢于", "善于"])
# What joins a window to the words before it: a modifier's 的, or a coordination's second half (…和社会稳定).
_JOINED = frozenset(["的", "和", "与", "及", "以及", "或", "或者", "而"])  # 而: 为…而|努力奋斗


def piece_of_saying(t: Tally, kind: str) -> bool:
    """A rare phrase first seen inside a quoted two-part saying it does not fill (岁月静好 in “哪有什么岁月静好，…”).

    The saying is a unit of its own (offered whole where it recurs); a piece of it is not a formula.
    """
    if kind == "quote" or t.df > 2:
        return False
    for quoted in QUOTED.findall(t.example):
        said = quoted.replace(",", "，")
        if "，" in said and t.text in said and len(said) > len(t.text) + 1:
            return True
    return False


def quoted_name(t: Tally) -> bool:
    """A quotation set inside its clause in most documents: a programme's or an award's name, not a saying.

    推动“高效办成一件事”向…, 入选“全国十大考古新发现”: the marks hold a name the sentence acts on, with
    words against both of them; a saying stands between punctuation (…：“咬定青山不放松”。). Before 的 a
    quotation with a verb is a saying modifying a noun (保持“一张蓝图绘到底”的定力), one without is a name
    (“一中一台”的图谋). A list or a two-part saying (“不忘初心、牢记使命”, “稳住一头，放开一片”) is a formula
    of its own and stays, and so does an idiom (党员的“身先士卒”). A clause's own edge looks like a word
    beside a quotation (要牢记“打铁必须自身硬”|，…), and one document may quote in a row (“…”、“…”): a name
    needs two documents (one document's is told in candidates._named).
    """
    from editor.core.mining.lexicon import idioms
    from editor.core.mining.ngrams import QUOTE, QUOTE_DE, is_predicate

    # structured: a candidate of its own somewhere (the quotation), not only a window inside clauses.
    if t.df < 2 or not t.structured or any(c in t.text for c in "，,、；") or t.text in idioms("i"):
        return False
    left, right = sum(t.left.values()), sum(t.right.values())
    if not (left > 0 and right > 0 and 2 * t.left.get(QUOTE, 0) > left):
        return False  # (tested first: tagging every candidate's words was half a re-mine's ranking)
    named = t.right.get(QUOTE, 0)
    if 2 * named <= right and t.right.get(QUOTE_DE, 0) and not is_predicate(t.text):
        named += t.right.get(QUOTE_DE, 0)
    return 2 * named > right


def enumerates(text: str) -> bool:
    """An enumeration of particulars: closed by 等 (…访谈、网上调查和意见征集等形式), or of bodies (教育部、外交部…).

    Which means a document used, or which ministries it addresses or sets to work, is that document's
    content; 党中央、国务院 names no ministry and stays.
    """
    return bool(_ENUMERATION.search(text)) or sum(bool(_BODY_ITEM.search(i)) for i in text.split("、")) >= 2


def _last_noun(text: str) -> str:
    """The noun a phrase ends in (单位 in 成员单位), or "" when it ends in a verb or anything else."""
    from editor.core.mining.ngrams import segment_words

    words = segment_words(text)
    if not words:
        return ""
    last = words[-1]
    if len(words) == 1 and len(last) == 4:
        last = last[2:]  # one dictionary word of two halves (监督管理): its second half heads it
    tag = word_tags().get(last, "")
    return last if tag.startswith("n") and tag not in ("vn", "nr", "nrfg", "nrt") else ""


class Evidence:
    """Corpus-wide evidence the filters share: the documents' titles and the nouns that end headings.

    Built lazily, once per ranking, from the merged counts (no extra pass in the map step).
    """

    def __init__(self, counts: Counts) -> None:
        """Keep the counts; the indexes are made on first use."""
        self.counts = counts
        self._titles: list[str] | None = None
        self._heads: Counter[str] | None = None
        self._in_titles: dict[str, int] = {}
        self._kinds: set[str] | None = None

    def titles(self) -> list[str]:
        """Every distinct document title of the corpus."""
        if self._titles is None:
            seen: set[str] = set()
            for t in self.counts.tallies.values():
                seen.update(t.titles)
            seen.discard("")
            self._titles = sorted(seen)
        return self._titles

    def heading_heads(self) -> Counter[str]:
        """Each noun → how many distinct headings of the corpus end in it (措施 in 保障措施, 工作措施 …)."""
        if self._heads is None:
            heads: Counter[str] = Counter()
            for t in self.counts.tallies.values():
                if t.kinds.get("heading") and "，" not in t.text:
                    noun = _last_noun(t.text)
                    if noun:
                        heads[noun] += 1
            self._heads = heads
        return self._heads

    def listed_kinds(self) -> set[str]:
        """Items of lists whose items share their last word and differ before it (规范发展、创新发展、融合发展)."""
        if self._kinds is None:
            kinds: set[str] = set()
            for t in self.counts.tallies.values():
                if "、" not in t.text or not t.structured:
                    continue
                items = [i for i in re.split(r"[、和与及]", t.text) if i]
                if (len(items) >= 2 and len({len(i) for i in items}) == 1 and len(items[0]) >= 4
                        and len({i[-2:] for i in items}) == 1 and len({i[:-2] for i in items}) == len(items)):
                    kinds.update(items)
            self._kinds = kinds
        return self._kinds

    def kind_of_listed_word(self, t: Tally, kind: str) -> bool:
        """A short phrase listed beside others that end in the same word: one kind of that word, a term.

        规范发展、创新发展、融合发展 name kinds of 发展, as 绿色发展 does; 创新发展 is not a phrase to insert.
        A dictionary idiom listed so (八方支援) keeps its own standing.
        """
        from editor.core.mining.lexicon import idioms

        return (kind == "collocation" and len(t.text) <= 6 and t.text not in idioms()
                and t.text in self.listed_kinds())

    def titles_with(self, word: str) -> int:
        """How many titles of the corpus hold word."""
        n = self._in_titles.get(word)
        if n is None:
            n = self._in_titles[word] = sum(word in x for x in self.titles())
        return n

    def lone_part_name(self, t: Tally, kind: str) -> bool:
        """A heading of one document only, naming a thing that no other heading names (成员单位, 组成人员).

        A stock part of the genre ends like other headings (保障措施 beside 工作措施, 工作任务 beside
        主要任务); a name no other heading shares is that document's part, and its other documents use it
        as an ordinary noun.
        """
        from editor.core.mining.ngrams import is_predicate

        if kind != "heading" or t.df < 2 or t.kinds.get("heading", 0) >= 2 or "，" in t.text:
            return False
        if len(t.text) > 4 and is_predicate(t.text):
            return False  # an action with its object (制定实施方案), not a name
        noun = _last_noun(t.text)
        return bool(noun) and self.heading_heads()[noun] <= 1

    def names_title_subject(self, t: Tally) -> bool:
        """A word of the phrase that every one of its documents' titles holds and hardly any other title does.

        明确审核范围 in two documents titled …审核…, 使用药品 in one titled …药品…: the phrase recurs because
        its subject does. A word many titles share or a quarter of the documents use (the corpus's theme,
        疫情 in a corpus of epidemic reports; 工作, 试点) or a document kind (条例, 通知) is not one
        document's subject.
        """
        from editor.core.corpus.sections import genre_of
        from editor.core.mining.ngrams import _GENRE_VERBS, _SPLIT, segment_words

        titled = [x for x in t.titles if x]
        if self.counts.documents < TITLE_DOCS or not titled or 2 * len(titled) < len(t.titles):
            return False  # most of its documents have no title to judge by
        if any(t.text in x for x in titled) and self.titles_with(t.text) <= t.df:
            return True  # 处理情况 in a document titled …调查处理情况的通报: what that document reports
        tags = word_tags()
        for seg in _SPLIT.split(t.text.replace(BLANK, "，")):
            for w in segment_words(seg) if seg else ():
                if (len(w) < 2 or w in _GENRE_VERBS or genre_of(w) or not tags.get(w, "n").startswith(("n", "v"))
                        or tags.get(w, "").startswith("nt")):
                    continue
                if 4 * self.counts.words[w] >= self.counts.documents:
                    continue  # a word a quarter of the documents use is the genre's (工作, 试点), not a subject
                if all(w in x for x in titled) and self.titles_with(w) <= t.df + 1:
                    return True
        return False


def acceptable(text: str, kind: str, frame: bool = False) -> bool:
    """Length, balanced brackets, no names or site words, no fragment; frame: a genre frame (从___来看)."""
    from editor.core.mining.candidates import cjk_len
    from editor.core.mining.lexicon import has_name, is_fragment, is_junk

    n = cjk_len(text)
    if n < (3 if frame else 4) or n > 40 or text.replace(BLANK, "").strip("，、") == "":
        return False
    if _SYMBOL.search(text):
        return False  # 互联网+医疗健康: a programme's name, not a phrase
    if (text.startswith(BLANK) and not text.startswith(BLANK + "年")) or text.endswith(BLANK) and kind != "heading":
        return False
    if any(text.count(a) != text.count(b) for a, b in ("（）", "()", "“”", "《》", "【】")):
        return False  # a cut-off bracket or quotation: a piece of a sentence
    if is_junk(text) or has_name(text, allow_places=kind == "quote" and text.count("，") + text.count(",") == 1):
        return False
    if kind != "template" and _BODY_DOES.search(text):
        return False  # 工业和信息化部负责 / 发展改革委会同…: which body does what is one document's content
    return kind == "quote" or not is_fragment(text)


def topical(t: Tally, counts: Counts) -> bool:
    """True when the phrase names its documents' topic, not the genre's words.

    Its signs: a noun of three or more characters found in hardly any other document, or a subject's
    name (two nouns or more, 职业教育) that every one of its few documents names in its title.
    """
    from editor.core.mining.ngrams import _SPLIT, segment_words

    tags = word_tags()
    titled = len(t.titles) == t.df and all(t.titles)
    for seg in _SPLIT.split(t.text.replace(BLANK, "，")):
        words = segment_words(seg) if seg else ()
        for w in words:
            if len(w) >= 3 and tags.get(w, "n")[:1] == "n" and counts.words[w] <= t.df + 1:
                return True
        if titled and any(all(name in title for title in t.titles) for name in _subject_names(words, tags, counts)):
            return True
    return False


def _subject_names(words: tuple[str, ...], tags: dict[str, str], counts: Counts) -> Iterator[str]:
    """Runs of a less common noun and the nouns after it, four characters or more (职业教育, 政务新媒体)."""
    for i, first in enumerate(words):
        if tags.get(first, "") not in ("n", "nz") or 4 * counts.words[first] > counts.documents:
            continue
        name = first
        for w in words[i + 1:]:
            if tags.get(w, "") not in ("n", "nz", "vn"):
                break
            name += w
            if len(name) >= 4:
                yield name
