"""File, filter and rank the merged counts of a corpus (the map and reduce steps are in counting.py).

Score = document frequency × section specificity × completeness: a stock formula recurs across
documents, belongs to the section it is over-represented in (not the one that holds most text), and
stands alone as a clause rather than living only inside one longer phrase.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping

from editor.core.corpus.sections import heading_section
from editor.core.mining.counting import Counts, Tally
from editor.core.mining.filters import (
    Evidence,
    clause_half,
    enumerates,
    headless,
    object_term,
    piece_of_saying,
    quoted_name,
    topical,
)
from editor.core.mining.lexicon import DEMOTION, central, mends
from editor.core.mining.ngrams import parallel_shaped
from editor.core.model.phrases import BLANK

# From this many documents of a phrase's family on (sections.family_of: 事务文书 or 法定公文), nothing
# seen in one document only is offered (every kind); for a thin section (THIN_SECTIONS), this many
# documents of the phrase's genre holding that section.
DF_CORPUS = 30
_STRUCTURE = ("heading", "parallel", "quote", "template", "idiom")
_KIND_PRIORITY = ("heading", "quote", "parallel", "template", "idiom", "collocation")
_KIND_FACTOR = {"heading": 1.15, "quote": 1.1, "parallel": 1.15, "template": 1.1, "idiom": 1.0, "collocation": 1.0}
# A phrase is filed under a section when that section's share of its documents is this much above
# the section's share of the corpus (smoothed), and it holds at least this share of them.
MIN_LIFT, MIN_SHARE = 1.15, 0.34
# Small sections are filed only by phrases whose own words fit them (or a strong, repeated skew):
# a noun that happens to stand in a 存在问题 paragraph is not a problems phrase.
SECTION_WORDS = {
    "problems": re.compile(r"问题|不足|短板|薄弱|差距|不(?:扎实|到位|力|够|足|强|高|严|细|深|全|实|规范|健全|完善|平衡|充分|及时)|有待|松懈|麻痹|侥幸|厌战|松劲|弱项|滞后|不平衡|不充分|"
                           r"隐患|缺乏|欠缺|尚未|亟待|不强|不高|偏低|困难|难以|不严|不实|形式主义|官僚主义|克服|整改|漏洞|清醒(?:地)?(?:看到|认识到)|肯定成绩"),
    "next_steps": re.compile(r"下一步|今后|下阶段|继续|持续|进一步|力争|巩固|着力|计划|打算|努力|确保|坚持|全力|奋力|推动"),
    "situation": re.compile(r"当前|目前|截至|形势|面对|随着|近年来|今年以来|以来|总体|态势|情况|严峻|复杂|稳定|成效|取得|"
                            r"明显|显著|来看|发生|出现|增长|下降|回顾|面临|疫情"),
    "opening": re.compile(r"^为|根据|按照|^经|经.{0,12}同意|经研究|现将|现就|如下|同意|收悉|以下|印发|转发|提出|各省|各部委|直属机构|今年以来|"
                          r"近年来|高度重视|重要意义|党中央|决策部署|制定本|施行|简称|研究|我代表|^首先|^现在|向大会(?:报告|作)|提交大会"),
    "closing": re.compile(r"同志们|让我们|特此|以上|妥否|批示|批转|^请|此复|此件|审议|施行|贯彻执行|奋斗|胜利|一定|坚信|相信|希望|必将|"
                          r"携手|共同(?:奋斗|努力|开创|谱写|书写|创造|前进|团结)|力量|信心|加油|属于|感谢|开创|新局面|新征程|迎接|组织实施|抓好落实|团结|阻击战|攻坚战|更大贡献|新的贡献"),
}

# A closing's formula opens or ends in a closing's own words (让我们…, 感谢…, …而奋斗), not merely holds one.
# (我们坚信… / 衷心希望… open a closing, but what follows them is the speaker's own content.)
# 打赢…攻坚战 / 阻击战: the rallying line a speech or reflection ends on.
_CLOSING_FORMULA = re.compile(r"^(?:让我们(?!的)|同志们|感谢|衷心感谢|特此|以上|请|妥否|此复|此件)|"
                              r"(?:而奋斗|而努力奋斗|而团结奋斗|而不懈奋斗|而共同奋斗|而接续奋斗|而继续奋斗|属于我们|新局面|新篇章|新的更大胜利|一起加油|新的更大贡献)[！!]?$|"
                              r"^打赢.{0,10}(?:攻坚战|阻击战|保卫战|总体战|歼灭战)[！!]?$")
# A situation's frame of time or viewpoint, nothing more (当前及今后一段时期, 从全国来看).
_SITUATION_FRAME = re.compile(r"^(?:当前|目前|今年以来|近年来|近期|截至目前)(?:及今后.{0,6})?$|^从.{1,4}来看$")
# The words of a term naming a shortcoming (侥幸心理, 薄弱环节, 形式主义), not of a topic that has problems.
_SHORTCOMING = re.compile(r"麻痹|侥幸|厌战|松劲|懈怠|薄弱|短板|弱项|漏洞|隐患|差距|不足|形式主义|官僚主义")
_OPENING_FORMULA = re.compile(r"^现将.{0,8}(?:总结|报告|汇报|通报|通知|函复|答复)如下$|^现就.{0,10}(?:通知|提出|答复)|如下意见$")
# From this many documents on, a word seen in one document only marks that document's subject.
OWN_WORDS_DOCS = 10
# A window inside clauses (never a whole clause anywhere) is offered from this many documents on.
NGRAM_DF = 3
# A candidate whose documents almost all show the same neighbouring word is a piece of a longer phrase.
CLOSED = 0.75


def pick_section(sections: Mapping[str, int], base: dict[str, float], kind: str = "", text: str = "") -> tuple[str, float]:
    """(section, lift): the section a phrase is most over-represented in, else general.

    An idiom or a short collocation is filed under a section only when clearly specific to it.
    """
    if "title" in sections:
        return "title", 2.0
    n = sum(sections.values())
    best, best_lift = "general", 1.0
    need_lift, need_share = (2.0, 0.6) if kind == "idiom" else (MIN_LIFT, MIN_SHARE)
    for s, c in sections.items():
        p = base.get(s, 0.01)
        lift = (c + p) / (n + 1) / p
        words = SECTION_WORDS.get(s)
        # A heading naming its part (___年政府工作任务 names the plan) is that part's, whatever its words.
        if words is not None and not words.search(text) and not (kind == "heading" and heading_section(text) == s):
            continue
        excluded = _NOT_OF.get(s)
        if excluded is not None and excluded(text):
            continue  # its words are another part's, though they stand here (a measure told in a review)
        if s != "general" and c / n >= need_share and lift >= need_lift and lift > best_lift:
            best, best_lift = s, lift
    return best, best_lift


def _acts_first(text: str) -> bool:
    """Whether a phrase opens with a verb other than a situation's own (回顾, 面对, 取得): an action."""
    from editor.core.mining.lexicon import word_tags
    from editor.core.mining.ngrams import segment_words

    words = segment_words(re.split(r"[，、]", text, maxsplit=1)[0].replace(BLANK, ""))
    return bool(words) and word_tags().get(words[0], "") == "v" and not SECTION_WORDS[
        "situation"].search(words[0])


# What keeps a phrase out of a part whose words it holds: 统筹推进…, what was done, told in a review of
# the year, is a measure, not the situation; 加大补短板力度, what mends a shortcoming, is a measure too.
_NOT_OF: dict[str, Callable[[str], bool]] = {"situation": _acts_first, "problems": mends}


def _closed(t: Tally) -> bool:
    """False when one neighbouring word accompanies it in most of its documents (a piece of a longer phrase)."""
    if t.structured and t.whole >= max(1, t.df // 2):
        return True
    from editor.core.mining.ngrams import END_BAD, START_BAD

    # A particle or modal beside it (要坚持…, …的发展思想) could never start or end a longer entry.
    # 、: inside a list; 让: a call that starts the longer entry (让我们更加紧密地团结…, not 我们更加紧密地团结).
    for side, weak in ((t.left, START_BAD - {"、", "让"}), (t.right, END_BAD - {"、"})):
        top = max((c for w, c in side.items() if w and w not in weak), default=0)
        if top >= CLOSED * t.df and top >= 1:
            return False
    return True


def _acts(half: str) -> bool:
    """A half of a heading that opens with an action word (加强领导, 确保质量, 高度重视).

    Not a noun or a one-character verb (政策衔接, 招采合一) or a bare adverb (逐年扩招): a topic's words.
    """
    from editor.core.mining.lexicon import word_tags
    from editor.core.mining.ngrams import _GENRE_VERBS, segment_words

    words = segment_words(half)
    if not words or len(words[0]) < 2:
        return False
    tag = word_tags().get(words[0], "")
    return words[0] in _GENRE_VERBS or tag[:1] == "v" or tag in ("i", "l", "ad", "a")


def _single_ok(t: Tally, kind: str) -> bool:
    """In a small corpus, what may be offered from one document: the genre's shapes, not its contents."""
    from editor.core.mining.candidates import cjk_len
    from editor.core.mining.frames import frame_fillings
    from editor.core.mining.lexicon import idioms, is_patterned_idiom
    from editor.core.mining.ngrams import is_predicate, opens_with_verb

    if not t.structured:
        return False
    if "problems" in t.sections and len(t.text) <= 8 and _SHORTCOMING.search(t.text) and not is_predicate(t.text):
        return True  # a short term naming a shortcoming (侥幸心理, 薄弱环节), listed under 存在问题
    if kind == "heading":
        # A heading naming a part (下一步工作打算), or an action of five characters or more.
        named = heading_section(t.text)
        if named not in (None, "measures") and len(t.text) <= 10:
            return True  # a heading naming a part of a report: 下一步工作打算, 存在的问题
        if t.text.startswith("关于") or not is_predicate(t.text):
            return False  # 关于…问题: one letter's topic
        # A short action (强化安全保障), two halves led by four characters (突出重点，压实责任) or a
        # topic with a verb (社会宣传聚能量); not a long heading naming one document's contents.
        halves = t.text.split("，")
        return ((len(halves) == 2 and len(halves[0]) == 4 and all(_acts(h) for h in halves))
                or (len(halves) == 1 and 5 <= cjk_len(t.text) <= 8
                and opens_with_verb(t.text)) or (len(t.text) == 7 and is_predicate(t.text[4:])))
    if kind == "parallel":
        return parallel_shaped(t.text)
    if kind == "idiom":
        return t.text in idioms("i") or is_patterned_idiom(t.text)
    if kind == "template":
        return "frame" in t.kinds  # a frame (从___来看), not one document's figure (人员___人)
    if kind == "quote":
        return _says(t.text)  # a quoted name (“钍基熔盐实验堆”) is one document's content
    # A whole clause of a closing in the closing's own words (胜利必将也一定属于我们), or an opening's
    # formula (现将有关情况总结如下).
    if t.whole and "situation" in t.sections and _SITUATION_FRAME.search(t.text):
        return True  # a frame needs no verb of its own
    if t.whole == 0 or not is_predicate(t.text) or not all(_common_words(mid) for mid in frame_fillings(t.text)):
        return False  # a frame filled with one document's own words (不断开创富民兴陇新局面): the frame is offered
    # A closing clause of up to 16 characters, or a whole closing sentence of two clauses (以上意见如无不妥，请批转…).
    if "closing" in t.sections and len(t.text) <= (24 if "，" in t.text else 16) and _CLOSING_FORMULA.search(t.text):
        return True
    return "opening" in t.sections and len(t.text) <= 16 and bool(_OPENING_FORMULA.search(t.text))


# Parts that a corpus may hold in a few documents only (a 工作总结's 存在问题, a speech's closing).
THIN_SECTIONS = ("situation", "problems", "next_steps", "closing")


def _few_alike(t: Tally, alike: Mapping[str, int]) -> bool:
    """Whether the corpus is small for this phrase: few documents in all, or few of its family.

    Sixty 通知 and 意见 show nothing of a speech's formulas: for the speeches and summaries beside them
    the corpus is as small as their own number. alike: _documents_alike, made once per ranking.
    """
    return alike.get(t.genre, 0) < DF_CORPUS


def _documents_alike(counts: Counts) -> dict[str, int]:
    """Each genre → the documents of its family (sections.family_of); every document for a genre of none."""
    from editor.core.corpus.sections import family_of

    families: Counter[str] = Counter()
    for genre, n in counts.genres.items():
        families[family_of(genre)] += n
    return {g: families[family_of(g)] if family_of(g) else counts.documents for g in counts.genres}


def _says(text: str) -> bool:
    """Whether a quotation says something: a saying of two parts, or one with a verb (咬定青山不放松)."""
    from editor.core.mining.ngrams import is_predicate

    return bool(re.search(r"[，,、]", text)) or is_predicate(text)


def _common_words(text: str) -> bool:
    """Whether a text is made of dictionary words of two characters or more (有关情况, not 富民兴陇)."""
    from editor.core.mining.lexicon import _jb
    from editor.core.mining.ngrams import segment_words

    freq = _jb().dt.FREQ
    return all(len(w) >= 2 and freq.get(w, 0) > 0 for w in segment_words(text))


def _thin(t: Tally, counts: Counts, alike: Mapping[str, int]) -> bool:
    """Whether recurrence cannot be judged yet for this phrase: a small corpus, or a thin part of its genre."""
    return _few_alike(t, alike) or any(
        s in THIN_SECTIONS and counts.genre_sections[(t.genre, s)] < DF_CORPUS for s in t.sections)


def _single_offered(t: Tally, kind: str, counts: Counts, base: dict[str, float], evidence: Evidence,
                    alike: Mapping[str, int]) -> bool:
    """Whether a phrase seen in one document may be offered: only where recurrence cannot yet be judged.

    That is a small corpus, or a part of a report that fewer than DF_CORPUS documents of its genre
    hold (45 通知 and 3 summaries are, for a summary's 存在问题, a corpus of three); there the genre's
    shapes are offered (_single_ok), never one document's contents.
    """
    if not _thin(t, counts, alike) or not _single_ok(t, kind) or _own_words(t, kind, counts):
        return False
    section = pick_section(t.sections, base, kind, t.text)[0]
    if kind in ("collocation", "heading") and _subject_matters(section) and evidence.names_title_subject(t):
        return False  # 建立考核信息系统 under a title about 考核: that document's business
    if _few_alike(t, alike):
        return True
    return section in THIN_SECTIONS and counts.genre_sections[(t.genre, section)] < DF_CORPUS


def _part_formula(t: Tally, base: dict[str, float]) -> bool:
    """A whole clause in a part's own formula, which need not have a formula's usual shape.

    A closing may end in a pronoun (胜利必将也一定属于我们); a situation's frame has no verb
    (当前及今后一段时期, 从全国来看).
    """
    if not t.structured or t.whole == 0:
        return False
    for section, shape in (("closing", _CLOSING_FORMULA), ("situation", _SITUATION_FRAME)):
        if shape.search(t.text) and pick_section(t.sections, base, "collocation", t.text)[0] == section:
            return True
    return False


def _subject_matters(section: str) -> bool:
    """Whether a title's subject in a phrase makes it that document's content.

    An opening or closing restates the title's business by design (提出了办理意见, 制定本条例).
    """
    return section not in ("title", "opening", "closing")


def _shortcoming(t: Tally, base: dict[str, float]) -> bool:
    """A term that names a shortcoming (侥幸心理, 薄弱环节), filed under problems: what a 存在问题 part lists."""
    return (t.structured and t.whole > 0 and bool(_SHORTCOMING.search(t.text))
            and pick_section(t.sections, base, "collocation", t.text)[0] == "problems")


def _own_words(t: Tally, kind: str, counts: Counts) -> bool:
    """A one-document entry holding a noun no other document uses: that document's subject (带量采购，以量换价).

    The four-plus-three heading of a summary (社会宣传聚能量) keeps its image word.
    """
    from editor.core.mining.lexicon import word_tags
    from editor.core.mining.ngrams import _SPLIT, is_predicate, segment_words

    if counts.documents < OWN_WORDS_DOCS or kind in ("idiom", "quote", "template") or (
            len(t.text) == 7 and is_predicate(t.text[4:])) or _SITUATION_FRAME.search(t.text):
        return False  # in a handful of documents every noun is some document's own; a frame names none
    tags = word_tags()
    if any(len(w) >= 2 and tags.get(w, "n")[:1] == "n" and counts.words[w] <= 1
           for seg in _SPLIT.split(t.text.replace(BLANK, "，")) if seg for w in segment_words(seg)):
        return True
    # Two halves neither of which another document says nor is made of common words (带量采购，以量换价,
    # not 突出重点，压实责任): this document's own slogan.
    halves = [h for h in t.text.split("，") if h]

    def generic(half: str) -> bool:  # said elsewhere, or made of dictionary words (not 带/量/采购)
        tally = counts.tallies.get(half)
        return (tally is not None and tally.df >= 2) or _common_words(half)

    # Slogan halves are short; a sentence of two longer clauses (以上意见如无不妥，请批转…) is not a slogan.
    return len(halves) == 2 and max(map(len, halves)) <= 8 and not any(generic(h) for h in halves)


def _pick_kind(t: Tally) -> str:
    from editor.core.mining.lexicon import idioms, is_patterned_idiom

    kinds = ["template" if k == "frame" else k for k in t.kinds if k != "collocation" or len(t.kinds) == 1]
    kind = min(kinds, key=lambda k: (_KIND_PRIORITY.index(k), -t.kinds.get(k, 0)))
    if kind == "collocation" and BLANK in t.text:
        kind = "template"
    if kind in ("collocation", "idiom") and len(t.text) == 4:
        kind = "idiom" if t.text in idioms("i") or is_patterned_idiom(t.text) else "collocation"
    return kind


def rank(counts: Counts, known: dict[str, bool] | None = None) -> list[tuple[float, str, Tally, str, str]]:
    """(score, key, tally, kind, section) of every candidate worth offering, best first.

    known: verdicts on texts kept between runs (assemble.rank_counts), added to: whether a text is
    shaped as a formula depends on the text alone, and tagging it with jieba was a third of a re-mine's
    ranking.
    """
    tallies, base_counts = counts.tallies, counts.sections
    from editor.core.mining.lexicon import idioms, is_patterned_idiom
    from editor.core.mining.ngrams import formula_shaped, is_predicate

    shapes = known if known is not None else {}

    def shaped(text: str, clause: bool) -> bool:
        key = f"shape\x00{int(clause)}\x00{text}"  # no kind is called "shape": no verdict's key is alike
        ok = shapes.get(key)
        if ok is None:
            ok = shapes[key] = formula_shaped(text, clause)
        return ok

    total = sum(base_counts.values()) or 1
    base = {s: max(0.01, c / total) for s, c in base_counts.items()}
    base.setdefault("title", 0.01)
    evidence = Evidence(counts)
    alike = _documents_alike(counts)  # summed once: a test for each of hundreds of thousands of candidates
    out = []
    for key, t in tallies.items():
        if t.df < 2 and not (t.structured and _thin(t, counts, alike)):
            continue  # most candidates: in one document, where recurrence can be judged (cheap test first)
        kind = _pick_kind(t)
        if t.df < 2 and not _single_offered(t, kind, counts, base, evidence, alike):
            continue  # one document's figures, names and own headings are not the genre's formulas
        if not t.structured and (t.df < NGRAM_DF or not _closed(t) or headless(t) or object_term(t) or clause_half(t)):
            continue  # a window inside clauses needs more evidence than a whole clause, and an end of its own
        if kind == "collocation" and t.df >= NGRAM_DF and 3 * t.whole < t.df and (
                object_term(t, judged_whole=True) or headless(t, judged_whole=True)):
            continue  # whole once, but joined to what leads or follows it everywhere else (…和社会稳定)
        if (enumerates(t.text) or evidence.lone_part_name(t, kind) or piece_of_saying(t, kind) or quoted_name(t)
                or evidence.kind_of_listed_word(t, kind)):
            continue  # …、…等形式: one document's particulars; 成员单位: one document's part, others' noun;
            # “高效办成一件事”改革: a programme's name the sentence acts on
        if kind == "parallel" and t.whole == 0:
            continue  # a list every document sets inside a modifier (…夯实基础、全面发力的关键时期)
        if kind == "parallel" and not parallel_shaped(t.text) and (t.df < 3 or not is_predicate(t.text)):
            continue  # a list of contents or bodies (索取发票、财政票据 / 科技部、财政部), not a parallel formula
        if kind == "idiom" and not (t.text in idioms("i") or is_patterned_idiom(t.text)):
            kind = "collocation"  # a four-character set phrase (高度重视), judged as one
        if kind == "quote" and not _says(t.text):
            kind = "collocation"  # a quoted name (“一刻钟便民生活圈”), not a saying: judged as a term
        # A bare term (营商环境, 科技创新) or a body's name (市场监管总局) is not a formula; a term naming
        # a shortcoming (侥幸心理) is, in a 存在问题 part.
        if (kind == "collocation" and not shaped(t.text, t.structured and t.whole > 0)
                and not _shortcoming(t, base) and not _part_formula(t, base)):
            continue
        if kind == "heading" and "title" in t.sections and (t.df < 2 or (BLANK in t.text and t.df < 3)):
            continue  # one document's own title (or a title whose numbers became blanks) is not a formula,
            # unless many share it (___年国务院政府工作报告)
        if (kind in ("collocation", "heading") and t.df <= 3 and "title" not in t.sections and "、" not in t.text
                and topical(t, counts) and not _shortcoming(t, base)):
            continue
        section, lift = pick_section(t.sections, base, kind, t.text)
        if (kind in ("collocation", "heading") and t.df <= 3 and _subject_matters(section)
                and evidence.names_title_subject(t)):
            continue  # 明确审核范围 only under titles about 审核: it recurs because its subject does
        whole = t.whole / t.df
        completeness = 1.0 if t.structured else 0.6 + 0.4 * whole
        spec = math.sqrt(min(lift, 4.0))
        # Four characters say less than a whole formula: 加强管理 ranks below 加强统筹协调 at the same df.
        n_chars = len(key)
        size = 1.0 if kind == "idiom" or n_chars >= 7 else 0.7 + 0.1 * (n_chars - 4)
        score = math.log2(1 + t.df) * spec * completeness * size * _KIND_FACTOR[kind]
        if central(t.text):
            # 实施稳健的货币政策: one issuer's agenda, not a drafter's formula (lexicon.CENTRAL_REMIT). Out of
            # the parts' short lists, deep in general: found by search, not offered while drafting a part.
            score, section = score * DEMOTION, "general"
        out.append((score, key, t, kind, section))
    # Ties broken by how many documents, then by length (shorter first), never by code point alone.
    out.sort(key=lambda r: (-r[0], -r[2].df, len(r[1]), r[1]))
    return out
