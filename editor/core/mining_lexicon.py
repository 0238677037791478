"""Word-level checks for mined phrases (jieba): idioms, fragments, personal and place names, junk."""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from editor.core.boilerplate import WEB_CUES

_lock = threading.Lock()
_jieba: Any = None

# A phrase that starts with a particle or conjunction, or ends with one or a preposition, is a
# piece cut out of a sentence (the scorer's rule, judged on words so 及时/对于 are not 及/对).
START_BAD = frozenset(["的", "了", "着", "和", "与", "及", "或", "等", "并", "而", "之", "地", "得"])
END_BAD = START_BAD | frozenset(["在", "对", "把", "被", "将", "以", "为", "从", "向", "跟", "同", "于", "是"])
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
# Place-like words that are about the whole country or the world, not an identifying place.
_GENERAL_PLACES = frozenset(["中国", "中华", "全国", "祖国", "国家", "中华民族", "亚洲", "欧洲", "美洲", "非洲", "境外", "国内", "国外", "全球", "世界", "华夏", "神州", "大地", "中华大地", "人间", "天下", "西方", "东方", "海外", "城乡", "基层", "一线"])
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
def _four_char_words() -> dict[str, str]:
    """Four-character words of jieba's dictionary with their part of speech."""
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            # Lines are "word freq tag"; only four-character words matter, so check cheaply first.
            if line[4:5] == " ":
                parts = line.split()
                if len(parts) == 3 and len(parts[0]) == 4:
                    out[parts[0]] = parts[2]
    return out


@lru_cache(maxsize=2)
def idioms(tags: str = "il") -> frozenset[str]:
    """Four-character idioms (POS i) and set phrases (POS l) from jieba's dictionary."""
    return frozenset(w for w, tag in _four_char_words().items() if tag in tags)


def is_patterned_idiom(text: str) -> bool:
    """ABAC or AABB four-character forms (群防群控, 联防联控, 严防严控, 兢兢业业)."""
    return len(text) == 4 and (
        (text[0] == text[2] and text[1] != text[3]) or (text[0] == text[1] and text[2] == text[3]))


def words(text: str) -> list[str]:
    """jieba words, blanks kept as one word."""
    return [w for w in _jb().lcut(text.replace("___", "某")) if w.strip()]


def is_fragment(text: str) -> bool:
    """True when the phrase starts or ends mid-phrase (的/了/和/在…)."""
    core = re.sub(r"[\s，、,。.;；:：!！?？“”\"‘’'《》（）()…—·\-]", "", text)
    w = words(core)
    return bool(w) and (w[0] in START_BAD or w[-1] in END_BAD)


def has_name(text: str) -> bool:
    """True when the phrase names a person or a specific place (unless that part is a blank)."""
    pseg = _jb().posseg
    for pair in pseg.lcut(text.replace("___", "，")):
        word, flag = pair.word, pair.flag
        if flag in ("nr", "nrfg", "nrt") and 2 <= len(word) <= 3 and word[0] in COMMON_SURNAMES:
            return True
        if flag == "ns" and len(word) >= 2 and word not in _GENERAL_PLACES:
            return True
    return False


def is_junk(text: str) -> bool:
    """Site boilerplate, Latin codes and leftover digits (QQ numbers, FM947, TV1)."""
    return bool(WEB_CUES.search(text) or _LATIN.search(text))
