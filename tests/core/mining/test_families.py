"""Recurrence is judged within a family of documents: many 通知 say nothing of a speech's formulas."""
from __future__ import annotations

import random

from editor.core.corpus.sections import family_of, genre_of
from editor.core.mining.miner import mine_corpus

VERBS = ["加强", "推进", "完善", "深化", "落实", "优化", "提升", "健全", "强化", "统筹"]
FIELDS = ["城乡规划", "水利设施", "职业教育", "医疗保障", "文化市场", "交通网络", "粮食生产", "科技创新", "生态保护",
          "就业服务", "住房保障", "食品安全", "社会救助", "养老服务", "数字经济", "对外贸易", "国有企业", "财税体制"]
SPEECH_LIST = "应查尽查、应检尽检、应隔尽隔"
NOTICE_LIST = "应报尽报、应统尽统、应核尽核"


def _notices(n: int, rng: random.Random) -> list[tuple[str, str]]:
    def own() -> str:  # each notice's own content: no two share a sentence
        return "".join(f"{rng.choice(VERBS)}{rng.choice(FIELDS)}，完成投资{rng.randint(10, 999)}亿元。" for _ in range(3))

    out = []
    for i in range(n):
        body = [own() for _ in range(4)]
        if i == 0:
            body[1] = f"各地区要做到{NOTICE_LIST}，{body[1]}"
        out.append((f"n{i}.txt", "\n".join([f"国务院办公厅关于第{i}项工作的通知", *body])))
    return out


def _speech() -> tuple[str, str]:
    lines = ["在全县疫情防控工作会议上的讲话", "同志们：", "今天召开会议，主要任务是部署近期工作。",
             f"一要严格排查。各乡镇要做到{SPEECH_LIST}，不漏一户。", "二要压实责任。各级干部要靠前指挥。"]
    return "speech.txt", "\n".join(lines)


def test_the_families():
    assert family_of(genre_of("在全县疫情防控工作会议上的讲话")) == family_of(genre_of("上半年工作总结")) == "practical"
    assert family_of(genre_of("国务院办公厅关于印发某方案的通知")) == family_of(genre_of("关于同意设立某区的批复")) \
        == "statutory"
    assert family_of(genre_of("无题")) == ""


def test_a_speech_among_many_notices_is_judged_as_a_small_corpus_of_its_own():
    mined = {p.text: p for p in mine_corpus([*_notices(40, random.Random(5)), _speech()]).phrases}
    # The speech's list is in one document, as it was before the notices came: the speech family is
    # still a corpus of one, where a parallel shape is all the evidence there can be.
    assert SPEECH_LIST in mined
    # One notice's list among forty notices: recurrence could be seen and was not.
    assert NOTICE_LIST not in mined
