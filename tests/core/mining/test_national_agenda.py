"""An archive of national reports: its agenda ranks below the genre's formulas, its unheaded parts are found.

One issuer's reports repeat the centre's own lines every year (实施稳健的货币政策), as often as the
formulas a drafter reuses; lists closed by 和, halves of a subject and its predicate, and a plan or a
list of shortcomings without a heading came from the same archives (tests/data/eval/*_reports).
"""
from __future__ import annotations

import random
from collections import Counter

from editor.core.mining.miner import mine_corpus
from tests.core.mining.test_quality_filters import _tally


def test_the_central_governments_remit_is_told_from_the_slogans_every_level_repeats() -> None:
    from editor.core.mining.lexicon import central

    for line in ("实施稳健的货币政策", "坚持独立自主的和平外交政策", "加强国防动员和后备力量建设", "推动两岸关系和平发展",
                 "今年拟安排财政赤字___元", "坚持依法治军、从严治军", "为完成祖国统一大业而共同奋斗", "国内生产总值增长___左右"):
        assert central(line), line
    for line in ("推动构建人类命运共同体", "坚持新发展理念", "加强组织领导", "地区生产总值增长___左右", "加强后勤保障",
                 # A local office's own words, though they name the army, the law or the currency.
                 "法律、行政法规另有规定的，从其规定", "做好军队转业干部安置工作", "加强年轻干部后备力量建设",
                 "实行军事化管理", "完成投资___亿元人民币", "推进长江两岸造林绿化"):
        assert not central(line), line


def test_a_line_of_the_centres_remit_ranks_below_a_formula_as_common_and_stays_searchable() -> None:
    rng = random.Random(11)
    fields = ["城乡规划", "水利设施", "职业教育", "医疗保障", "文化市场", "交通网络", "粮食生产", "生态保护", "养老服务"]
    docs = []
    for year in range(1990, 2026):
        own = [f"推进{rng.choice(fields)}，投资{rng.randint(10, 999)}亿元。" for _ in range(6)]
        lines = [f"{year}年国务院政府工作报告", "各位代表：", f"一、{year - 1}年工作回顾", *own[:3],
                 f"二、{year}年政府工作任务", "继续实施稳健的货币政策。", "持续改善营商环境。", *own[3:]]
        docs.append((f"{year}.txt", "\n".join(lines)))
    phrases = {p.text: p for p in mine_corpus(docs).phrases}
    agenda, formula = phrases["继续实施稳健的货币政策"], phrases["持续改善营商环境"]
    assert agenda.doc_count == formula.doc_count >= 20
    assert agenda.score < formula.score / 2
    assert formula.section == "next_steps"
    assert agenda.section == "general"  # out of the part's short list


def test_a_list_that_goes_on_past_he_is_not_cut_before_its_last_item() -> None:
    from editor.core.mining.candidates import list_items

    assert list_items("发展民族教育、特殊教育、继续教育和网络教育") is None  # half the list
    assert list_items("加强学前教育、继续教育、特殊教育") == ["学前教育", "继续教育", "特殊教育"]
    assert list_items("加大学前教育、继续教育、特殊教育的投入") == ["学前教育", "继续教育", "特殊教育"]  # a tail
    # The reform a list names is its head, not part of its last item: the whole 放管服 formula.
    assert list_items("深化简政放权、放管结合、优化服务改革") == ["简政放权", "放管结合", "优化服务"]
    # A whole last item and what is said of the list (…统一步调|共同推进, …早治疗|要求): the list is whole.
    assert list_items("做到统一思想、统一行动、统一步调共同推进") == ["统一思想", "统一行动", "统一步调"]
    assert list_items("早发现、早报告、早隔离、早治疗要求") == ["早发现", "早报告", "早隔离", "早治疗"]
    # A last item that runs on (不可持|续): where it ends is a guess, and the items before it are not the list.
    assert list_items("发展中不平衡、不协调、不可持续的问题依然突出") is None


def test_half_of_a_subject_and_its_predicate_is_no_formula() -> None:
    from editor.core.mining.filters import clause_half, object_term

    # 不确定因素|明显增加 / 收入水平|明显增加: the description without what it describes.
    assert clause_half(_tally("明显增加", df=4, left=Counter({"因素": 2, "财力": 1, "问题": 1})))
    assert not clause_half(_tally("明显增加", df=4, left=Counter({"": 3, "因素": 1})))  # opens clauses itself
    assert not clause_half(_tally("明显增加", df=3, left=Counter({"要": 2, "因素": 1})))  # a subject in one of three
    assert not clause_half(_tally("明显增加", df=3))  # nothing seen beside it: nothing to judge by
    # 程度|明显提高 in four documents, a clause of its own in the fifth: still a description cut from its subject.
    assert clause_half(_tally("明显提高", df=5, left=Counter({"程度": 2, "": 1, "生产能力": 1, "消费水平": 1})))
    # 农民收入|增长缓慢 / 消费基金|增长过快: a verb and how much, without what grew.
    assert clause_half(_tally("增长缓慢", df=3, left=Counter({"农民收入": 2, "居民收入": 1})))
    assert clause_half(_tally("增长过快", df=3, left=Counter({"投资": 2, "总量": 1})))
    assert not clause_half(_tally("增长缓慢", df=3, left=Counter({"": 2, "农民收入": 1})))
    # 参保率|稳定在___以上 / 粮食产量|稳定在___斤: held at a figure, without what is held.
    assert clause_half(_tally("稳定在___以上", df=5, left=Counter({"比": 2, "率": 1, "比率": 1, "比例": 1})))
    assert not clause_half(_tally("稳定在___以上", df=3, left=Counter({"": 2, "率": 1})))  # opens clauses itself
    # 生态文明|建设取得新成效 / …等|工作取得新成效: a subject's head and its verb, without the rest of it.
    assert clause_half(_tally("建设取得新成效", df=5, left=Counter({"自身": 2, "政府": 2, "公园": 1})))
    assert clause_half(_tally("工作取得新成效", df=4, left=Counter({"等": 4})))
    assert not clause_half(_tally("工作取得新成效", df=4, left=Counter({"": 1, "等": 3})))  # whole once
    assert not clause_half(_tally("工作要求", df=3, left=Counter({"政府": 3})))  # a head and one word: a term
    # A verb and its object, not how much (消费|提供便利): not a description.
    assert not clause_half(_tally("提供便利", df=3, left=Counter({"消费": 1, "方面": 1, "投资": 1})))
    # 面临的形势|依然严峻: the subject without what is said of it.
    assert clause_half(_tally("面临的形势", df=3, right=Counter({"依然": 1, "仍然": 1, "极为": 1})))
    assert not clause_half(_tally("加强组织领导", df=3, left=Counter({"要": 3}), right=Counter({"": 3})))
    # 复杂|严峻形势 / …的严峻形势: jieba keeps 严峻形势 as one set phrase; its adjective leads it.
    assert object_term(_tally("严峻形势", df=3, left=Counter({"复杂": 2, "的": 1}), right=Counter({"": 3})))
    # An adjective before a verb is its adverb (坚定|实施…, 深入|实施…): the phrase is whole.
    assert not object_term(_tally("实施创新驱动发展战略", df=4, left=Counter({"坚定": 2, "深入": 2})))


def test_a_reports_plan_and_shortcomings_without_a_heading_are_found_by_their_words() -> None:
    from editor.core.corpus.sections import BODY_CUES

    cues = dict(BODY_CUES)
    for text in ("在看到成绩的同时，我们也清醒地认识到，经济社会生活中的困难和问题还不少。",
                 "各位代表！我们也清醒地认识到，发展中不平衡、不协调、不可持续的问题依然突出。",
                 "总结一年来的工作，我们清醒地看到，前进道路上还有不少困难。"):
        assert cues["problems"].match(text), text
    for text in ("今年要重点做好以下几方面工作。", "通观全局，做好今年政府工作必须把握好以下原则：",
                 "2010年要着力做好以下几方面工作。"):
        assert cues["next_steps"].match(text), text
    for text in ("今年以来，经济运行总体平稳。", "过去一年，我们做好了各方面工作。",
                 "为做好今年工作，我局年初即召开专题会议。", "2019年要着力抓好的十件实事全部完成。"):
        assert not cues["next_steps"].match(text), text  # a review of the year, not its plan
    # An instruction to others is no report's shortcomings.
    assert not cues["problems"].match("各地区各部门要清醒认识到做好安全生产工作的极端重要性。")


def test_what_mends_a_shortcoming_is_a_measure_though_it_names_the_shortcoming() -> None:
    from editor.core.mining.ranking import pick_section

    base = {"situation": 0.1, "measures": 0.5, "problems": 0.05, "next_steps": 0.2, "general": 0.15}
    for text in ("加大补短板力度", "补齐基础设施和公共服务短板", "加强薄弱环节"):
        assert pick_section({"problems": 4}, base, "collocation", text)[0] != "problems", text
    for text in ("民生领域还有不少短板", "农业基础仍然薄弱", "落实不到位", "解决实际问题的能力还不够强"):
        assert pick_section({"problems": 4}, base, "collocation", text)[0] == "problems", text
