"""Count candidates per document (map), merge the counts (reduce), then file, filter and rank them.

Score = document frequency × section specificity × completeness: a stock formula recurs across
documents, belongs to the section it is over-represented in (not the one that holds most text), and
stands alone as a clause rather than living only inside one longer phrase.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from editor.core.mining.counting import Counts, DocCounts, Tally, reduce_counts
from editor.core.mining.near_duplicates import within_two_edits
from editor.core.model.phrases import BLANK, Phrase

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.mapping import MapCache

Progress = Callable[[int, int, str], None]
MAX_ENTRIES = 20_000
# From this many documents on, nothing seen in one document only is offered (every kind).
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
                           r"隐患|缺乏|欠缺|尚未|亟待|不强|不高|偏低|困难|难以|不严|不实|形式主义|官僚主义|克服|整改|漏洞"),
    "next_steps": re.compile(r"下一步|今后|下阶段|继续|持续|进一步|力争|巩固|着力|计划|打算|努力|确保|坚持|全力|奋力|推动"),
    "situation": re.compile(r"当前|目前|截至|形势|面对|随着|近年来|今年以来|以来|总体|态势|情况|严峻|复杂|稳定|成效|取得|"
                            r"明显|显著|来看|发生|出现|增长|下降|回顾|面临|疫情"),
    "opening": re.compile(r"^为|根据|按照|^经|经.{0,12}同意|经研究|现将|现就|如下|同意|收悉|以下|印发|转发|提出|各省|各部委|直属机构|今年以来|"
                          r"近年来|高度重视|重要意义|党中央|决策部署|制定本|施行|简称|研究"),
    "closing": re.compile(r"同志们|让我们|特此|以上|妥否|批示|此复|此件|审议|施行|贯彻执行|奋斗|胜利|一定|坚信|相信|希望|必将|"
                          r"携手|共同|力量|信心|加油|属于|感谢|开创|新局面|新征程|迎接|组织实施|抓好落实|团结|阻击战|攻坚战"),
}
_OPENING_FORMULA = re.compile(r"^现将.{0,8}(?:总结|报告|汇报|通报|通知|函复|答复)如下$|^现就.{0,10}(?:通知|提出|答复)|如下意见$")
# From this many documents on, a word seen in one document only marks that document's subject.
OWN_WORDS_DOCS = 10
# A window inside clauses (never a whole clause anywhere) is offered from this many documents on.
NGRAM_DF = 3
# A named body doing something: …部 / …委 / …委员会 / …总局 followed by what it does.
_BODY = re.compile(r"[\u4e00-\u9fff]{1,8}(?<![干全内外局各本总东西中南北基细])(?:部|委|委员会|总局|署)(?=会同|负责|牵头|等|$)")
# A candidate whose documents almost all show the same neighbouring word is a piece of a longer phrase.
CLOSED = 0.75


def pick_section(sections: Counter[str], base: dict[str, float], kind: str = "", text: str = "") -> tuple[str, float]:
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
        if words is not None and not words.search(text):
            continue
        if s != "general" and c / n >= need_share and lift >= need_lift and lift > best_lift:
            best, best_lift = s, lift
    return best, best_lift


def _closed(t: Tally) -> bool:
    """False when one neighbouring word accompanies it in most of its documents (a piece of a longer phrase)."""
    if t.structured and t.whole >= max(1, t.df // 2):
        return True
    from editor.core.mining.ngrams import END_BAD, START_BAD

    # A particle or modal beside it (要坚持…, …的发展思想) could never start or end a longer entry.
    for side, weak in ((t.left, START_BAD - {"、"}), (t.right, END_BAD - {"、"})):  # 、: inside a list
        top = max((c for w, c in side.items() if w and w not in weak), default=0)
        if top >= CLOSED * t.df and top >= 1:
            return False
    return True


def _shaped(text: str) -> bool:
    """Items of three or more characters sharing an opening or an ending (同步规划、同步建设 / 数据融通、服务融通).

    Lists of bodies (科技部、财政部) share an ending too, and are not formulas.
    """
    from editor.core.mining.lexicon import _jb
    from editor.core.mining.ngrams import is_predicate

    items = [i for i in re.split(r"[、，]", text) if i]
    if len(items) < 2 or min(len(i) for i in items) < 3:
        return False
    tags = _jb().posseg.dt.word_tag_tab
    if any(tags.get(i, "").startswith(("nt", "ns", "j")) for i in items):
        return False
    head = _shared(items)
    if head:
        # 好做法、好经验 / 统一调用、统一监管: a one-character or verb-like opening, not a noun (科研项目、科研资金).
        return len(head) == 1 or tags.get(head, "v")[:1] in ("v", "d", "a") or is_predicate(items[0])
    tail = _shared([i[::-1] for i in items])[::-1]
    # 数据融通、服务融通: the shared ending acts; 监督组、专家组 only names.
    return bool(tail) and (tags.get(tail, "")[:1] in ("v", "a", "d") or all(is_predicate(i) for i in items))


def _shared(items: list[str]) -> str:
    """The opening all items share."""
    n = 0
    for chars in zip(*items):
        if len(set(chars)) != 1:
            break
        n += 1
    return items[0][:n]


def _single_ok(t: Tally, kind: str) -> bool:
    """In a small corpus, what may be offered from one document: the genre's shapes, not its contents."""
    from editor.core.corpus.sections import heading_section
    from editor.core.mining.candidates import cjk_len
    from editor.core.mining.lexicon import idioms, is_patterned_idiom
    from editor.core.mining.ngrams import is_predicate, opens_with_verb

    if not t.structured:
        return False
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
        return ((len(halves) == 2 and len(halves[0]) == 4) or (len(halves) == 1 and 5 <= cjk_len(t.text) <= 8
                and opens_with_verb(t.text)) or (len(t.text) == 7 and is_predicate(t.text[4:])))
    if kind == "parallel":
        return _shaped(t.text)
    if kind == "idiom":
        return t.text in idioms("i") or is_patterned_idiom(t.text)
    if kind == "template":
        return "frame" in t.kinds  # a frame (从___来看), not one document's figure (人员___人)
    if kind == "quote":
        return True
    # A whole clause of a closing in the closing's own words (胜利必将也一定属于我们), or an opening's
    # formula (现将有关情况总结如下).
    if t.whole == 0 or not is_predicate(t.text):
        return False
    if "closing" in t.sections and SECTION_WORDS["closing"].search(t.text):
        return True
    return "opening" in t.sections and len(t.text) <= 16 and bool(_OPENING_FORMULA.search(t.text))


def _watchword(t: Tally, n_docs: int) -> bool:
    """A noun phrase of three words or more that a tenth of the documents use: 新发展理念, 中华民族伟大复兴."""
    from editor.core.mining.ngrams import _SPLIT, is_predicate, segment_words

    if t.df < 3 or t.df < 0.1 * n_docs or BLANK in t.text:
        return False
    words = [w for seg in _SPLIT.split(t.text) if seg for w in segment_words(seg)]
    return len(words) >= 3 and len(t.text) >= 5 and not is_predicate(t.text) and not _BODY.search(t.text)


def _own_words(t: Tally, kind: str, counts: Counts) -> bool:
    """A one-document entry holding a noun no other document uses: that document's subject (带量采购，以量换价).

    The four-plus-three heading of a summary (社会宣传聚能量) keeps its image word.
    """
    from editor.core.mining.lexicon import _jb
    from editor.core.mining.ngrams import _SPLIT, is_predicate, segment_words

    if counts.documents < OWN_WORDS_DOCS or kind in ("idiom", "quote", "template") or (
            len(t.text) == 7 and is_predicate(t.text[4:])):
        return False  # in a handful of documents every noun is some document's own
    tags = _jb().posseg.dt.word_tag_tab
    if any(len(w) >= 2 and tags.get(w, "n")[:1] == "n" and counts.words[w] <= 1
           for seg in _SPLIT.split(t.text.replace(BLANK, "，")) if seg for w in segment_words(seg)):
        return True
    # Two halves neither of which another document says nor is made of common words (带量采购，以量换价,
    # not 突出重点，压实责任): this document's own slogan.
    halves = [h for h in t.text.split("，") if h]

    freq = _jb().dt.FREQ

    def generic(half: str) -> bool:  # said elsewhere, or made of dictionary words (not 带/量/采购)
        tally = counts.tallies.get(half)
        return (tally is not None and tally.df >= 2) or all(
            len(w) >= 2 and freq.get(w, 0) > 0 for w in segment_words(half))

    return len(halves) == 2 and not any(generic(h) for h in halves)


def _topical(t: Tally, counts: Counts) -> bool:
    """True when the phrase names its documents' topic, not the genre's words.

    Its sign: a noun of three or more characters found in hardly any other document.
    """
    from editor.core.mining.lexicon import _jb
    from editor.core.mining.ngrams import _SPLIT, segment_words

    tags = _jb().posseg.dt.word_tag_tab
    for seg in _SPLIT.split(t.text.replace(BLANK, "，")):
        for w in segment_words(seg) if seg else ():
            if len(w) >= 3 and tags.get(w, "n")[:1] == "n" and counts.words[w] <= t.df + 1:
                return True
    return False


def _pick_kind(t: Tally) -> str:
    from editor.core.mining.lexicon import idioms, is_patterned_idiom

    kinds = ["template" if k == "frame" else k for k in t.kinds if k != "collocation" or len(t.kinds) == 1]
    kind = min(kinds, key=lambda k: (_KIND_PRIORITY.index(k), -t.kinds[k]))
    if kind == "collocation" and BLANK in t.text:
        kind = "template"
    if kind in ("collocation", "idiom") and len(t.text) == 4:
        kind = "idiom" if t.text in idioms("i") or is_patterned_idiom(t.text) else "collocation"
    return kind


def rank(counts: Counts) -> list[tuple[float, str, Tally, str, str]]:
    """(score, key, tally, kind, section) of every candidate worth offering, best first."""
    tallies, base_counts, n_docs = counts.tallies, counts.sections, counts.documents
    from editor.core.mining.lexicon import idioms, is_patterned_idiom
    from editor.core.mining.ngrams import formula_shaped, is_predicate

    total = sum(base_counts.values()) or 1
    base = {s: max(0.01, c / total) for s, c in base_counts.items()}
    base.setdefault("title", 0.01)
    out = []
    for key, t in tallies.items():
        kind = _pick_kind(t)
        if t.df < 2 and (n_docs >= DF_CORPUS or not _single_ok(t, kind) or _own_words(t, kind, counts)):
            continue  # one document's figures, names and own headings are not the genre's formulas
        if not t.structured and (t.df < NGRAM_DF or not _closed(t)):
            continue  # a window inside clauses needs more evidence than a whole clause
        if kind == "parallel" and not _shaped(t.text) and (t.df < 3 or not is_predicate(t.text)):
            continue  # a list of contents or bodies (索取发票、财政票据 / 科技部、财政部), not a parallel formula
        if kind == "collocation" and not formula_shaped(t.text, t.structured and t.whole > 0) and not _watchword(t, n_docs):
            continue  # a bare term (营商环境, 科技创新) or a body's name (市场监管总局) is not a formula
        if kind == "idiom" and not (t.text in idioms("i") or is_patterned_idiom(t.text)):
            kind = "collocation"  # a four-character set phrase (高度重视), judged as one
        if kind == "collocation" and not formula_shaped(t.text, t.structured and t.whole > 0):
            continue
        if kind == "heading" and "title" in t.sections and (t.df < 2 or BLANK in t.text):
            continue  # one document's own title (or a title whose numbers became blanks) is not a formula
        if (kind in ("collocation", "heading") and t.df <= 3 and "title" not in t.sections and "、" not in t.text
                and _topical(t, counts)):
            continue
        section, lift = pick_section(t.sections, base, kind, t.text)
        whole = t.whole / t.df
        completeness = 1.0 if t.structured else 0.6 + 0.4 * whole
        spec = math.sqrt(min(lift, 4.0))
        # Four characters say less than a whole formula: 加强管理 ranks below 加强统筹协调 at the same df.
        n_chars = len(key)
        size = 1.0 if kind == "idiom" or n_chars >= 7 else 0.7 + 0.1 * (n_chars - 4)
        score = math.log2(1 + t.df) * spec * completeness * size * _KIND_FACTOR[kind]
        out.append((score, key, t, kind, section))
    # Ties broken by how many documents, then by length (shorter first), never by code point alone.
    out.sort(key=lambda r: (-r[0], -r[2].df, len(r[1]), r[1]))
    return out


def acceptable(text: str, kind: str, frame: bool = False) -> bool:
    """Length, balanced brackets, no names or site words, no fragment; frame: a genre frame (从___来看)."""
    from editor.core.mining.candidates import cjk_len
    from editor.core.mining.lexicon import has_name, is_fragment, is_junk

    n = cjk_len(text)
    if n < (3 if frame else 4) or n > 40 or text.replace(BLANK, "").strip("，、") == "":
        return False
    if text.startswith(BLANK) or text.endswith(BLANK) and kind != "heading":
        return False
    if any(text.count(a) != text.count(b) for a, b in ("（）", "()", "“”", "《》", "【】")):
        return False  # a cut-off bracket or quotation: a piece of a sentence
    if is_junk(text) or has_name(text, allow_places=kind == "quote" and text.count("，") + text.count(",") == 1):
        return False
    if kind != "template" and _BODY.search(text):
        return False  # 工业和信息化部负责 / 发展改革委会同…: which body does what is one document's content
    return kind == "quote" or not is_fragment(text)


def mine_documents(docs: list[Document], progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None, cache: MapCache | None = None) -> list[Phrase]:
    """Count, rank, merge near-duplicates and build Phrase records (cache: documents' stored counts)."""
    from editor.core.corpus.normalize import chinese_punctuation
    from editor.core.mining.control import check_cancelled, surface_form
    from editor.core.mining.mapping import map_documents

    def mapped() -> Iterable[DocCounts]:
        for i, part in enumerate(map_documents(docs, cache)):
            if i % 5 == 0:
                check_cancelled(cancelled)
                if progress:
                    progress(i, len(docs) * 2, "挖掘短语 / mining phrases")
            yield part

    counts = reduce_counts(mapped())
    n_docs = counts.documents
    ranked = rank(counts)
    out: list[Phrase] = []
    kept: dict[tuple[str, str], list[tuple[str, Phrase]]] = {}
    for k, (score, key, t, kind, section) in enumerate(ranked):
        if k % 200 == 0:
            check_cancelled(cancelled)
            if progress:
                progress(n_docs + n_docs * k // max(1, len(ranked)), n_docs * 2, "筛选短语 / filtering")
        if not acceptable(t.text, kind, "frame" in t.kinds):
            continue
        # Near-duplicates (edit distance ≤ 2 on longer phrases) become one entry with variants.
        near = None
        if len(key) >= 8:
            for bucket in ((section, key[:2]), (section, key[-2:])):
                near = next((p for other, p in kept.get(bucket, ()) if within_two_edits(key, other)), None)
                if near:
                    break
        text, example = t.text, t.example[:300]
        if t.traditional > 0:  # keep the script it was written in (MINING.md: surface forms for display)
            text, example = surface_form(text, t.surface), surface_form(example, t.surface)
        text = chinese_punctuation(text)
        if near is not None:
            if "又作" not in near.example and len(near.example) < 400:
                near.example = f"{near.example}（又作：{text}）"
            near.count += t.df
            continue
        phrase = Phrase(text, section, kind, round(score, 4), t.df, t.df, example, t.source)
        out.append(phrase)
        for bucket in ((section, key[:2]), (section, key[-2:])):
            kept.setdefault(bucket, []).append((key, phrase))
        if len(out) >= MAX_ENTRIES:
            break
    return _drop_tails(out, {key for _, key, t, _, _ in ranked if t.whole * 2 >= t.df})


def _drop_tails(phrases: list[Phrase], standalone: set[str] | None = None) -> list[Phrase]:
    """Drop a collocation found mostly inside a longer entry that begins or ends like it (答复如下 in 现答复如下).

    Headings, lists, quotations and templates are units of their own and stay.
    """
    from editor.core.corpus.normalize import phrase_key

    keys = [phrase_key(p.text) for p in phrases]
    by_edge: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        for edge in ("^" + k[:2], k[-2:] + "$"):
            by_edge.setdefault(edge, []).append(i)
    drop: set[int] = set()
    for i, k in enumerate(keys):
        if standalone and k in standalone:
            continue  # a whole clause in most of its documents stands on its own (以人民为中心)
        for edge in ("^" + k[:2], k[-2:] + "$"):
            for j in by_edge.get(edge, ()):
                if (phrases[i].kind in ("collocation", "idiom") and j != i and len(keys[j]) > len(k) and k in keys[j]
                        and phrases[j].doc_count >= 0.7 * phrases[i].doc_count):
                    drop.add(i)
    return [p for i, p in enumerate(phrases) if i not in drop]
