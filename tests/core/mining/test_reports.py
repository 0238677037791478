"""A year's reports share their title, opening and closing lines: those are the formulas, not boilerplate."""
from __future__ import annotations

import random

import pytest

from editor.core.corpus.boilerplate import recurring_edge_lines
from editor.core.corpus.sections import genre_formula
from editor.core.mining.miner import mine_corpus

OPENING = "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"
CLOSING = "让我们更加紧密地团结在党中央周围，为全面建设社会主义现代化国家而努力奋斗！"
VERBS = ["加强", "推进", "完善", "深化", "落实", "优化", "提升", "健全", "强化", "统筹"]
FIELDS = ["城乡规划", "水利设施", "职业教育", "医疗保障", "文化市场", "交通网络", "粮食生产", "科技创新", "生态保护",
          "就业服务", "住房保障", "食品安全", "社会救助", "养老服务", "数字经济", "对外贸易", "国有企业", "财税体制"]


def _reports(n: int = 36) -> list[tuple[str, str]]:
    rng = random.Random(3)

    def own() -> str:  # each report's own figures: no two reports share a paragraph
        return "".join(f"{rng.choice(VERBS)}{rng.choice(FIELDS)}，全年完成投资{rng.randint(10, 999)}亿元。" for _ in range(3))

    out = []
    for i in range(n):
        year = 1990 + i
        lines = [f"{year}年国务院政府工作报告", f"——{year}年3月5日在全国人民代表大会第{i % 9 + 1}次会议上", "各位代表：",
                 OPENING, f"一、{year - 1}年工作回顾", *[own() for _ in range(5)], f"二、{year}年工作总体部署",
                 *[own() for _ in range(5)], "各位代表！", CLOSING]
        out.append((f"{year}.txt", "\n".join(lines)))
    return out


@pytest.fixture(scope="module")
def mined():
    return {p.text: p for p in mine_corpus(_reports()).phrases}


def test_the_closing_every_report_ends_on_is_offered_not_stripped(mined):
    for text in ("让我们更加紧密地团结在___周围", "为___而努力奋斗"):
        assert mined[text].section == "closing", text
    assert "我们更加紧密地团结" not in mined  # a piece of the call, cut after 让


def test_the_opening_sentence_every_report_shares_is_offered_up_to_its_own_guests(mined):
    # 现在，我代表国务院，向大会报告政府工作，请予审议，|并请全国政协委员提出意见: five clauses, too long whole.
    assert mined["现在，我代表国务院，向大会报告政府工作，请予审议"].section == "opening"


def test_a_title_all_reports_share_is_offered_with_its_year_blank(mined):
    assert mined["___年国务院政府工作报告"].section == "title"


def test_edge_lines_in_every_document_are_boilerplate_unless_they_are_the_genres_own():
    docs = [[f"第{i}号", "本文来源于某某网站，欢迎转发分享", "正文", OPENING, "正文二", CLOSING] for i in range(40)]
    lines = [[line.replace(str(i), "") for line in doc] for i, doc in enumerate(docs)]
    stripped = recurring_edge_lines(lines, keep=genre_formula)
    assert "本文来源于某某网站，欢迎转发分享" in stripped  # in every document, and no genre formula
    assert CLOSING not in stripped
    assert OPENING not in stripped


def test_a_reports_parts_are_told_by_its_own_turns_of_phrase():
    from editor.core.corpus.sections import BODY_CUES, clause_section, sentence_section

    problems = dict(BODY_CUES)["problems"]
    assert problems.match("在肯定成绩的同时，我们也清醒看到面临的问题和挑战。")  # a report's 存在问题
    # It closes on its call, wherever the call's verb stands (…不懈奋斗！ as well as …而奋斗！).
    last = "我们要更加紧密地团结在以习近平同志为核心的党中央周围，为实现目标不懈奋斗！"
    assert sentence_section(last, "measures", 1.0) == "closing"
    # 请予审议 closes a 请示, but opens a report when its sentence opens it.
    assert clause_section("请予审议", "opening") == "opening"
    assert clause_section("请予审议", "measures") == "closing"


def test_the_years_targets_are_its_plan_wherever_they_stand():
    from editor.core.corpus.sections import sentence_section

    targets = ("今年经济社会发展主要预期目标是：地区生产总值增长5%左右，在实际工作中努力争取更好结果；"
               "城镇调查失业率控制在5.5%左右。")
    assert sentence_section(targets, "measures", 0.5) == "next_steps"
    assert sentence_section("中央提出今年经济增长预期目标为5%左右，考虑了促进就业增收。", "measures", 0.5) == "next_steps"
    # A review that beat its target is still the review.
    beaten = "全区地区生产总值增长5.1%，增速高于预期目标、高于上年同期。"
    assert sentence_section(beaten, "situation", 0.2) == "situation"
    # A target met, an aim worked towards, a campaign's aim: not the year's plan.
    for text, section in (("过去一年，全省发展主要预期目标为增长5.5%左右，实际增长5.6%。", "situation"),
                          ("坚持以全年主要目标为牵引，统筹推进稳增长各项工作。", "measures"),
                          ("这次专项整治的主要目标是：全面排查安全隐患。", "measures")):
        assert sentence_section(text, section, 0.5) == section, text


def test_a_frame_with_a_long_middle_is_still_the_frame():
    from editor.core.mining.frames import frame_templates

    # The clause is too long to be an entry (26 characters); its frame is the formula.
    assert frame_templates("我们要更加紧密地团结在以习近平同志为核心的党中央周围") == ["更加紧密地团结在___周围"]
    assert frame_templates("让我们更加紧密地团结在党中央周围") == ["让我们更加紧密地团结在___周围"]


def test_a_report_closing_on_a_long_call_gives_its_frame_under_closing():
    call = "我们要更加紧密地团结在以习近平同志为核心的党中央周围，为全面建设社会主义现代化国家不懈奋斗！"
    reports = [(name, text.replace(CLOSING, call)) for name, text in _reports(12)]
    mined = {p.text: p for p in mine_corpus(reports).phrases}
    assert mined["更加紧密地团结在___周围"].section == "closing"


def test_a_reports_plan_for_the_year_is_its_next_steps_and_its_review_the_situation():
    from editor.core.corpus.sections import heading_section

    for heading in ("2019年政府工作任务", "2019年经济社会发展总体要求和政策取向", "2016年重点工作", "2017年工作总体部署",
                    "对2018年政府工作的建议", "今年发展主要目标和下一阶段工作总体部署", "___年工作打算"):
        assert heading_section(heading) == "next_steps", heading
    assert heading_section("2018年工作回顾") == "situation"
    assert heading_section("重点工作") is None  # a 通知's part of that name says nothing of time


def test_a_dash_led_heading_is_offered_without_its_dash():
    rng = random.Random(5)
    reports = []
    for year in range(2010, 2016):
        own = ["".join(f"{rng.choice(VERBS)}{rng.choice(FIELDS)}，投资{rng.randint(10, 999)}亿元。" for _ in range(3))
               for _ in range(6)]
        lines = [f"{year}年国务院政府工作报告", "各位代表：", f"一、{year - 1}年工作回顾",
                 # A series of dash-led lead sentences, as a report reviews its year.
                 *(f"——{lead}。{text}" for lead, text in zip(
                     ("经济运行总体平稳", "就业增长超出预期", "发展新动能不断增强", "改革开放迈出重要步伐"), own)),
                 f"二、{year}年政府工作任务", *own[4:]]
        reports.append((f"{year}.txt", "\n".join(lines)))
    mined = {p.text: p for p in mine_corpus(reports).phrases}
    assert mined["经济运行总体平稳"].section == "situation"
    assert not [t for t in mined if t.startswith("—")]


def test_a_heading_naming_its_part_is_filed_there_and_a_reports_turns_under_theirs():
    from editor.core.mining.ranking import pick_section

    base = {"opening": 0.05, "situation": 0.1, "measures": 0.5, "problems": 0.05, "next_steps": 0.2, "general": 0.1}
    assert pick_section({"next_steps": 4}, base, "heading", "___年政府工作任务")[0] == "next_steps"
    assert pick_section({"next_steps": 4}, base, "collocation", "扩大有效投资")[0] == "general"  # no word of the plan
    assert pick_section({"problems": 4}, base, "collocation", "我们也清醒看到")[0] == "problems"
    assert pick_section({"problems": 4}, base, "collocation", "在肯定成绩的同时")[0] == "problems"
    assert pick_section({"opening": 4}, base, "collocation", "向大会报告政府工作")[0] == "opening"


def test_what_a_review_of_the_year_says_was_done_is_no_situation():
    from editor.core.mining.ranking import pick_section

    base = {"situation": 0.1, "measures": 0.5, "next_steps": 0.2, "general": 0.2}
    assert pick_section({"situation": 4}, base, "collocation", "统筹推进疫情防控和经济社会发展")[0] != "situation"
    assert pick_section({"situation": 4}, base, "collocation", "回顾过去一年")[0] == "situation"
    assert pick_section({"situation": 4}, base, "collocation", "经济运行总体平稳")[0] == "situation"


def test_a_provincial_reports_own_turns():
    from editor.core.mining.lexicon import is_fragment
    from editor.core.mining.ranking import pick_section

    base = {"opening": 0.05, "situation": 0.1, "measures": 0.5, "problems": 0.05, "next_steps": 0.2, "general": 0.1}
    assert pick_section({"problems": 4}, base, "collocation", "我们也清醒认识到")[0] == "problems"
    # 成绩的取得，根本在于…，在于…: the second half of a predicate whose subject stays behind.
    assert is_fragment("在于习近平新时代中国特色社会主义思想科学指引")
    assert not is_fragment("关键在于落实")


def test_a_party_congress_closes_on_its_own_call():
    from editor.core.corpus.sections import sentence_section
    from editor.core.mining.frames import frame_templates

    call = "全党全军全国各族人民要紧密团结在党中央周围，为全面建设社会主义现代化国家而团结奋斗！"
    assert sentence_section(call, "measures", 0.98) == "closing"
    assert frame_templates("让我们紧密团结在以习近平同志为核心的党中央周围") == ["让我们紧密团结在___周围"]
    assert frame_templates("为全面建设社会主义现代化国家而团结奋斗") == ["为___而团结奋斗"]
    # The older call keeps its own words.
    assert frame_templates("让我们更加紧密地团结在党中央周围") == ["让我们更加紧密地团结在___周围"]


def test_a_community_or_common_prosperity_is_no_closing_word():
    from editor.core.mining.ranking import pick_section

    base = {"opening": 0.05, "situation": 0.1, "measures": 0.5, "closing": 0.01, "next_steps": 0.2, "general": 0.1}
    # 共同 closes a speech (共同奋斗, 共同努力); 共同体 is the theme a minority region's closing restates.
    assert pick_section({"closing": 4}, base, "collocation", "以铸牢中华民族共同体意识为主线")[0] != "closing"
    assert pick_section({"closing": 4}, base, "collocation", "为___而共同奋斗")[0] == "closing"
    assert pick_section({"closing": 4}, base, "collocation", "扎实推动共同富裕")[0] != "closing"
