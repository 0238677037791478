"""Issue 18's famous formulas come out whole and on their own from a corpus of 36 documents."""
from __future__ import annotations

import random

import pytest

from editor.core.mining.miner import mine_corpus

FILLERS = ["各地区各部门要结合实际抓好落实。", "今年以来经济运行总体平稳。", "要切实加强组织领导，明确责任分工。",
           "进一步优化营商环境，激发市场活力。", "加快推进重点项目建设。", "做好民生保障工作。", "扎实推进乡村振兴。",
           "持续改善生态环境质量。", "不断提高公共服务水平。", "深化重点领域改革。"]
FORMULAS = ["我们要坚持以人民为中心的发展思想，全面建成小康社会。", "必须以人民为中心，贯彻新发展理念。",
            "坚持创新、协调、绿色、开放、共享的新发展理念。", "为实现中华民族伟大复兴而奋斗。",
            "深化供给侧结构性改革，推动高质量发展。"]


@pytest.fixture(scope="module")
def mined():
    rng = random.Random(1)
    docs = []
    for i in range(36):
        body = [f"关于第{i}项工作的报告",
                "现在，我代表国务院，向大会报告政府工作，请予审议。" if i % 4 == 0 else "现将有关情况报告如下。"]
        middle = rng.sample(FILLERS, 4) + rng.sample(FORMULAS, 3)
        rng.shuffle(middle)
        docs.append((f"d{i}.txt", "\n".join([*body, *middle, f"本单位第{i}号事项由专人负责办理。"])))
    return {p.text: p for p in mine_corpus(docs).phrases}


@pytest.mark.parametrize("formula", ["全面建成小康社会", "深化供给侧结构性改革", "实现中华民族伟大复兴",
                                     "坚持以人民为中心的发展思想", "为实现中华民族伟大复兴而奋斗",
                                     "现在，我代表国务院，向大会报告政府工作，请予审议"])
def test_famous_formulas_are_whole_entries(mined, formula):
    assert formula in mined


def test_the_report_formula_opens_and_one_document_content_stays_out(mined):
    # It is a report's first sentence; only its last clause, alone, closes a 请示.
    assert mined["现在，我代表国务院，向大会报告政府工作，请予审议"].section == "opening"
    assert mined["为实现中华民族伟大复兴而奋斗"].section == "closing"
    assert not [t for t in mined if "专人负责" in t or "___号" in t]  # each document's own line
    # The title all 36 share, its number a blank, is a title formula (___年国务院政府工作报告 is one).
    assert [t for t in mined if "第___项" in t] == ["关于第___项工作的报告"]
    assert mined["关于第___项工作的报告"].section == "title"
    assert all(p.doc_count >= 2 for p in mined.values())  # 36 documents: nothing seen once


def test_no_entry_is_cut_inside_a_word_or_a_list(mined):
    for text in mined:
        assert not text.startswith(("、", "的", "协调、", "开放、", "共享的")), text
        assert "确诊零疑似" not in text
