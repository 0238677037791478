"""Word-level checks for mined phrases (jieba): idioms, fragments, personal and place names, junk."""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from editor.core.corpus.boilerplate import WEB_CUES

_lock = threading.Lock()
_jieba: Any = None

# A phrase that starts with a particle or conjunction, or ends with one or a preposition, is a
# piece cut out of a sentence (the scorer's rule, judged on words so 及时/对于 are not 及/对); so is one
# opening with 在于 (根本在于…，在于…: the second half of a predicate whose subject is left behind).
START_BAD = frozenset(["的", "了", "着", "和", "与", "及", "或", "等", "并", "而", "之", "地", "得", "在于"])
END_BAD = START_BAD | frozenset(["在", "对", "把", "被", "将", "以", "为", "从", "向", "跟", "同", "于", "是"])
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
# Place-like words that are about the whole country or the world, not an identifying place.
_GENERAL_PLACES = frozenset(["中国", "中华", "全国", "祖国", "国家", "中华民族", "亚洲", "欧洲", "美洲", "非洲", "境外", "国内", "国外", "全球", "世界", "华夏", "神州", "大地", "中华大地", "人间", "天下", "西方", "东方", "海外", "城乡", "基层", "一线"])
# Words jieba tags as places that official writing uses as ordinary words.
_NOT_PLACES = frozenset(["美丽", "各乡镇", "乡镇", "城乡", "全省", "全市", "全县", "全区", "全镇", "本市", "本县"])
_PLACE_SUFFIX = "省市县区镇乡村州"
_GENERIC_PLACE_CHARS = frozenset("各全本该每我所其此辖城乡镇县市区村农邻外内")
_GENERIC_PLACE_WORDS = frozenset([
    "重点", "示范", "试点", "贫困", "中心", "特色", "先进", "美丽", "文明", "卫生", "行政", "自然", "开发", "园区",
    "社区", "风险", "封控", "管控", "防范", "核心", "缓冲", "隔离", "居住", "生活", "商业", "工业", "经济", "保税",
    "新城", "老城", "城中", "边境", "山区", "库区", "牧区", "林区", "矿区", "景区", "灾区", "疫区", "老区", "民族",
    "少数", "偏远", "落后", "发达", "沿海", "内陆", "省会", "地级", "县级", "区县", "直辖", "新区", "高新", "功能",
    "实验", "试验", "先行", "创新", "改革", "综合", "自贸", "保护", "管理", "服务", "安置", "移民"])
_PERSON = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:同志|书记|县长|市长|局长|主任|部长|主席|处长|科长|乡长|镇长|区长|"
                     r"省长|院士|教授|常委|队长|所长|院长|校长|总经理|董事长)")
_LATIN = re.compile(r"[A-Za-z]{2,}|\d")


def _jb() -> Any:
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(60)
                jieba.initialize()
                _jieba = jieba
    return _jieba


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Read jieba's dictionary in one pass.

    Returns four-character words with their part of speech, common two-character verbs, and every
    common two-character word.
    """
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    four: dict[str, str] = {}
    verbs: set[str] = set()
    two: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            # Lines are "word freq tag"; only two- and four-character words matter here.
            if line[4:5] == " ":
                parts = line.split()
                if len(parts) == 3 and len(parts[0]) == 4:
                    four[parts[0]] = parts[2]
            elif line[2:3] == " ":
                parts = line.split()
                if len(parts) == 3 and len(parts[0]) == 2 and int(parts[1]) >= 50:
                    two.add(parts[0])
                    if parts[2] == "v" and int(parts[1]) >= 200:
                        verbs.add(parts[0])
    return four, frozenset(verbs), frozenset(two)


def _four_char_words() -> dict[str, str]:
    return _dictionary()[0]


def two_char_words() -> tuple[frozenset[str], frozenset[str]]:
    """(common two-character verbs, common two-character words) from jieba's dictionary."""
    _, verbs, two = _dictionary()
    return verbs, two


@lru_cache(maxsize=2)
def idioms(tags: str = "il") -> frozenset[str]:
    """Four-character idioms (POS i) and set phrases (POS l) from jieba's dictionary."""
    return frozenset(w for w, tag in _four_char_words().items() if tag in tags)


def is_patterned_idiom(text: str) -> bool:
    """ABAC or AABB four-character forms (群防群控, 联防联控, 严防严控, 兢兢业业).

    Not two nouns that happen to share a first character (农业农村).
    """
    if len(text) != 4:
        return False
    if text[0] == text[1] and text[2] == text[3]:
        return True
    if text[0] != text[2] or text[1] == text[3]:
        return False
    tags = word_tags()
    return not (tags.get(text[:2], "")[:1] == "n" and tags.get(text[2:], "")[:1] == "n")


def warm() -> None:
    """Load what ranking reads of jieba's dictionary (a reducer waiting for counts does it then, off the critical path)."""
    _jb()
    idioms("i")
    idioms()


def word_tags() -> dict[str, str]:
    """Jieba's part-of-speech tag of each dictionary word (v, n, vn, d…)."""
    tags: dict[str, str] = _jb().posseg.dt.word_tag_tab
    return tags


@lru_cache(maxsize=200_000)
def segment_words(segment: str) -> tuple[str, ...]:
    """Jieba words of a segment, without HMM guesses (cached: stock clauses repeat across documents)."""
    return tuple(w for w in _jb().lcut(segment, HMM=False) if w.strip())


def words(text: str) -> list[str]:
    """Jieba words, blanks kept as one word."""
    return [w for w in _jb().lcut(text.replace("___", "某")) if w.strip()]


def is_fragment(text: str) -> bool:
    """True when the phrase starts or ends mid-phrase (的/了/和/在…)."""
    core = re.sub(r"[\s，、,。.;；:：!！?？“”\"‘’'《》（）()…—·\-]", "", text)
    w = words(core)
    tags = word_tags()
    if (len(w) >= 2 and w[-2] == "的" and tags.get(w[-1], "") == "v" and "某" not in w
            and not any(tags.get(x, "").startswith("v") for x in w[:-2])):
        return True  # 成绩的取得: a verb made a noun by 的, no verb before it: a subject whose sentence goes on
    return bool(w) and (w[0] in START_BAD or w[-1] in END_BAD)


def _is_generic_place_head(head: str) -> bool:
    return head in _GENERIC_PLACE_WORDS or any(ch in _GENERIC_PLACE_CHARS for ch in head)


def has_name(text: str, allow_places: bool = False) -> bool:
    """True when the phrase names a person or a specific place (unless that part is a blank).

    allow_places: a two-line verse may name a place of legend (不破楼兰终不还) without naming anyone's town.
    """
    pseg = _jb().posseg
    tokens = [(p.word, p.flag) for p in pseg.lcut(text.replace("___", "，"))]
    for i, (word, flag) in enumerate(tokens):
        if flag in ("nr", "nrfg", "nrt") and 2 <= len(word) <= 3 and word[0] in COMMON_SURNAMES:
            return True
        if flag == "ns" and len(word) >= 2 and word not in _GENERAL_PLACES and word not in _NOT_PLACES \
                and word[0] not in _GENERIC_PLACE_CHARS and not (allow_places and word[-1] not in _PLACE_SUFFIX):
            return True
        # 和源镇 / 云坪县 as one token, or 武隆 + 区 as two: a specific place.
        if len(word) == 3 and word[-1] in _PLACE_SUFFIX and not _is_generic_place_head(word[:2]) \
                and flag not in ("v", "vn", "a", "d"):
            return True
        if word in tuple(_PLACE_SUFFIX) + ("街道",) and i > 0:
            prev, prev_flag = tokens[i - 1]
            if len(prev) == 2 and prev_flag[0] in "nxj" and not _is_generic_place_head(prev):
                return True
    for m in _PERSON.finditer(text):
        who = m.group(1)
        if who[0] in COMMON_SURNAMES and not any(ch in "们各全位体党的" for ch in who):
            return True
    return False


def is_junk(text: str) -> bool:
    """Site boilerplate, Latin codes and leftover digits (QQ numbers, FM947, TV1)."""
    return bool(WEB_CUES.search(text) or _LATIN.search(text))


# The central government's own remit (defence, foreign affairs, the currency…): its lines rank low.
# Yuku's drafters write for offices, departments and local governments. A national report's lines on
# matters only the centre decides (实施稳健的货币政策, 坚持独立自主的和平外交政策, 加强国防动员和后备力量建设)
# recur in every report of that one issuer, so nothing in such a corpus tells them from the genre's
# formulas; yet no drafter of a summary, speech or notice can reuse them. They stay in the bank, found
# by search, but below the formulas and filed under general, out of the parts' short lists. The list
# names matters in the words only they use, not the genre's: the governing slogans every level repeats
# (新发展理念, 人类命运共同体, 一带一路) are not on it, nor words a local office uses too (军队转业干部,
# 年轻干部后备力量, 法律、行政法规另有规定的, ___亿元人民币, 长江两岸).
CENTRAL_REMIT = re.compile(
    # Defence and the armed forces (Constitution Art. 89 (10), Art. 93).
    r"国防|人民军队|军队建设|军队改革|对军队|强军|治军|军委|武装警察|武警|现代后勤|国家主权|"
    # Foreign affairs (Art. 89 (9)).
    r"外交|国际关系|国际组织|各国政府|和平发展道路|和谐世界|与邻为善|共商共建共享|多边贸易|进口政策|中外人文|"
    # Taiwan, Hong Kong and Macao (not 粤港澳大湾区, a region's own agenda).
    r"两岸关系|海峡两岸|两岸同胞|九二共识|一个中国|台湾|一国两制|特别行政区|祖国(?:和平)?统一|统一大业|"
    # The currency, the central budget and its debt, macro-economic control, the financial system's rules
    # (Legislation Law Art. 11 (9)).
    r"货币政策|财政政策|汇率|流动性|国际收支|赤字|发债|置换债券|中央预算|宏观调控|金融监管|宏观审慎|金融调控|"
    r"金融体制|存款保险|"
    # The national accounts (a province reports its 地区生产总值), the State Council's own legislation.
    r"国内生产总值|(?:制定|修订)行政法规|行政法规___部|法律议案|"
    # How the centre shares out its powers and its regions.
    r"两个积极性|区域发展总体战略|政治体制改革"
)
# Enough to rank such a line below the formulas of one document fewer and a section's weaker formulas.
DEMOTION = 0.25


def central(text: str) -> bool:
    """Whether a phrase is about a matter of the central government's own remit."""
    return CENTRAL_REMIT.search(text) is not None


# Verbs that mend what they name (加强薄弱环节, 补齐…短板, 解决…问题): a measure's words, not a shortcoming's,
# unless the phrase says the mending falls short (解决实际问题的能力还不够强, 完善制度还有差距).
_REMEDY = re.compile(r"^(?:加强|加大|补齐|补足|补上|弥补|解决|破解|着力解决|切实解决|提升|提高|强化|改进|完善|健全|消除)")
_SHORTFALL = re.compile(r"不够|不足|不强|不高|不力|差距|有待|欠缺|不到位|滞后")


def mends(text: str) -> bool:
    """Whether a phrase mends the shortcoming it names (加大补短板力度), and does not say the mending falls short."""
    return bool(_REMEDY.match(text)) and not _SHORTFALL.search(text)
