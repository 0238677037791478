"""Parts few documents hold (a summary's 下一步, a speech's closing) keep the genre's one-document formulas.

From 30 documents on a phrase must recur to be offered, but only where recurrence can be judged:
45 通知 and 2 summaries are, for a summary's 下一步 part, a corpus of two.
"""
from __future__ import annotations

import random

import pytest

from editor.core.corpus.sections import genre_of
from editor.core.mining.candidates import _stands_alone
from editor.core.mining.filters import acceptable
from editor.core.mining.miner import mine_corpus
from editor.core.mining.ranking import _acts

FILLERS = ["今年以来经济运行总体平稳。", "进一步优化营商环境，激发市场活力。", "加快推进重点项目建设，扩大有效投资。",
           "做好民生保障工作，兜牢基本民生底线。", "扎实推进乡村振兴，促进农民增收。", "持续改善生态环境质量，打好污染防治攻坚战。",
           "不断提高公共服务水平，方便群众办事。", "深化重点领域改革，激发发展动力。", "加强安全生产监管，坚决遏制重特大事故。",
           "推进政务公开，回应社会关切。", "完善社会保障体系，扩大覆盖范围。", "支持科技创新，培育新兴产业。"]
NOTICE_BODY = ["为做好第{i}项工作，现就有关事项通知如下。", "一、加强组织领导", "各地区、各部门要加强组织领导，明确责任分工。",
               "二、强化督促检查", "要加强督促检查，确保各项任务落到实处。", "请认真贯彻执行。"]


def _corpus(notices: int) -> list[tuple[str, str]]:
    rng = random.Random(7)
    docs = []
    for i in range(notices):
        body = [line.replace("{i}", str(i)) for line in NOTICE_BODY]
        body[2:2] = rng.sample(FILLERS, 5)  # documents that differ, so none is taken for a copy of another
        if i == 0:
            body.insert(3, "三、统筹制定抽查计划")  # one notice's own heading: measures, must recur to be offered
            body.insert(4, "制定第零号抽查计划并组织实施。")
        docs.append((f"n{i}.txt", "\n".join([f"关于做好第{i}项工作的通知", *body])))
    docs.append(("s.txt", "\n".join([
        "某区宣传工作总结", "今年以来，我区宣传工作取得明显成效。现将有关情况总结如下。",
        "一、当前形势", "当前及今后一段时期，宣传工作任务繁重。", "从全国来看，舆论环境复杂多变。",
        "二、主要做法", "强化舆论引导，营造良好氛围。", "三、存在问题", "宣传力量仍然不足，基层宣传阵地建设有待加强。",
        "四、下一步工作打算", "下一步，我们将继续加大宣传力度。",
        "五、存在的问题", "一些干部存在侥幸心理、厌战情绪。",
        "同志们，打赢这场宣传攻坚战，胜利必将也一定属于我们！",
        "让我们携手同心，为夺取全面胜利而努力奋斗！"])))
    return docs


@pytest.fixture(scope="module")
def mined():
    return {p.text: p for p in mine_corpus(_corpus(34)).phrases}


def test_a_thin_part_keeps_its_one_document_heading(mined):
    assert mined["下一步工作打算"].section == "next_steps"
    assert mined["下一步工作打算"].doc_count == 1


def test_a_thick_part_still_needs_recurrence(mined):
    assert "统筹制定抽查计划" not in mined  # a one-document measures heading among 34 notices
    assert mined["加强组织领导"].doc_count >= 30


def test_a_speech_closing_of_one_document_is_offered_as_a_closing(mined):
    closing = [p.text for p in mined.values() if p.section == "closing"]
    assert any(t.startswith("让我们携手同心") for t in closing), closing


def test_a_closing_rallying_line_and_a_closing_ending_in_a_pronoun_are_closings(mined):
    assert mined["打赢这场宣传攻坚战"].section == "closing"
    assert mined["胜利必将也一定属于我们"].section == "closing"  # 我们 ends it: the sentence ends there too


def test_a_situation_frame_of_one_document_is_offered_but_not_its_content(mined):
    assert mined["当前及今后一段时期"].section == "situation"
    assert mined["从全国来看"].section == "situation"
    assert "宣传工作任务繁重" not in mined  # what the frame introduces is the document's own
    assert "舆论环境复杂多变" not in mined


def test_a_term_naming_a_shortcoming_is_a_problems_entry_but_a_bare_topic_is_not(mined):
    assert mined["侥幸心理"].section == "problems"
    assert "营商环境" not in mined  # a bare term in every notice's filler, not a formula


def test_genre_comes_from_the_title():
    assert genre_of("2024年春节期间疫情防控工作部署会上的讲话") == "speech"
    assert genre_of("疫情防控工作总结(二)") == "summary"
    assert genre_of("2022抗击新冠疫情心得总结3") == "reflection"
    assert genre_of("国务院关于印发国家职业教育改革实施方案的通知") == "notice"
    assert genre_of("国务院关于同意设立某某的批复") == "letter"
    assert genre_of("") == ""


@pytest.mark.parametrize(("paragraph", "said"), [
    ("“国家兴亡，匹夫有责”。面对疫情，我们要行动。", True),
    ("“我是党员,冲锋在前!”有一种感动叫守望相助。", True),
    ("按照“先入库，后使用”原则，进行统一管理。", False),
    ("宁夏发展“互联网+医疗健康”，创新服务。", False),
    ("根据“中央关心西藏，全国支援西藏”的方针办学。", False),
])
def test_a_quotation_is_a_saying_only_when_it_stands_alone(paragraph, said):
    start = paragraph.index("“")
    end = paragraph.index("”") + 1
    assert _stands_alone(paragraph, start, end, paragraph[start + 1:end - 1]) is said


@pytest.mark.parametrize(("half", "acts"), [("加强领导", True), ("确保质量", True), ("高度重视", True), ("压实责任", True),
                                            ("政策衔接", False), ("招采合一", False), ("逐年扩招", False)])
def test_a_heading_half_opens_with_an_action(half, acts):
    assert _acts(half) is acts


def test_a_programme_name_with_a_symbol_is_not_a_phrase():
    assert not acceptable("互联网+医疗健康", "quote")
    assert acceptable("加强组织领导", "collocation")


def test_a_phrase_recurring_only_with_its_subject_is_not_offered():
    """Two documents about 职业教育 share 统筹协调全国职业教育工作: it is their subject, not a formula."""
    docs = _corpus(34)
    for i, title in enumerate(("关于加快发展现代职业教育的通知", "关于建立职业教育工作联席会议制度的批复")):
        own = FILLERS[6 * i:6 * i + 6]  # the two documents differ, so neither is taken for a copy
        docs.append((f"{title}.txt", "\n".join([
            title, "一、工作职责", f"统筹协调全国职业教育工作，{own[0]}", *own[1:3],
            "二、工作要求", f"要切实抓好工作落实。{own[3]}", *own[4:]])))
    mined = {p.text: p for p in mine_corpus(docs).phrases}
    assert "统筹协调全国职业教育工作" not in mined
    assert mined["切实抓好工作落实"].doc_count == 2
