"""A quoted name, half of 与…相结合 or a pair inside a modifier is no formula; sayings and lists stay (issue 18)."""
from __future__ import annotations

import random

import pytest

from editor.core.corpus.structure import split_documents
from editor.core.mining.candidates import clean_unit, extract
from editor.core.mining.filters import quoted_name
from editor.core.mining.miner import mine_corpus
from editor.core.mining.ngrams import QUOTE, QUOTE_DE, segments
from tests.core.mining.test_quality_filters import _tally

FILLERS = ["今年以来经济运行总体平稳。", "做好民生保障工作。", "持续改善生态环境质量。", "深化重点领域改革。",
           "扎实推进乡村振兴。", "加快推进重点项目建设。", "各地区各部门要结合实际抓好落实。"]
# Where a name stands in its sentence: words against both quotation marks.
NAMED = ["深化数字政府建设，推动“高效办成一件事”向纵深发展。", "常态化推进“高效办成一件事”改革。",
         "推动“高效办成一件事”落地见效，群众办事更加便利。", "探索推出更多“高效办成一件事”服务事项。"]


@pytest.fixture(scope="module")
def mined() -> dict[str, str]:
    """Phrase → section, mined from 12 work summaries that name a programme and quote a saying."""
    rng = random.Random(3)
    docs = []
    for i in range(12):
        body = [f"第{i}局工作总结", "一、主要工作", rng.choice(FILLERS), NAMED[i % len(NAMED)],
                "我们始终牢记：“咬定青山不放松”。" if i % 2 else "大家说：“咬定青山不放松”，要一以贯之。",
                "强化阶段性政策，与制度性安排相结合，放水养鱼。", "坚持“稳住一头，放开一片”，增强发展活力。",
                "今后五年是基本实现社会主义现代化夯实基础、全面发力的关键时期。",
                "营造“众志成城、群防群控”的浓厚氛围。", "绘就农业强、农村美、农民富的美好画卷。",
                "加快形成统一开放、竞争有序的现代市场体系。", "始终保持“一张蓝图绘到底”的定力。",
                rng.choice(FILLERS), "二、下一步工作打算", rng.choice(FILLERS)]
        if i == 0:  # one document's saying
            body += ["三、工作回顾", "形势稳定向好，我们深深体会到：“幸福都是奋斗出来的”。"]
        docs.append((f"d{i}.txt", "\n".join(body)))
    return {p.text.translate(str.maketrans("", "", "“”")): p.section for p in mine_corpus(docs).phrases}


def test_a_programmes_quoted_name_is_not_an_entry(mined: dict[str, str]) -> None:
    assert "高效办成一件事" not in mined, sorted(mined)
    assert "幸福都是奋斗出来的" in mined, sorted(mined)  # one document's saying, between punctuation
    kinds = {(c.text, c.kind) for c in extract(split_documents("d.txt", "某区工作总结\n一、工作回顾\n"
                                                             "大力实施“稳增长促发展攻坚年”行动，成效明显。\n"
                                                             "我们深深体会到：“幸福都是奋斗出来的”。")[0])}
    assert ("稳增长促发展攻坚年", "quote") not in kinds  # one document's campaign: 实施“…”行动
    assert ("幸福都是奋斗出来的", "quote") in kinds
    speech = {(c.text, c.kind) for c in extract(split_documents("s.txt", "在全县干部大会上的讲话\n同志们：\n"
              "各级干部要牢记“打铁必须自身硬”，敢于担当作为。总书记“江山就是人民，人民就是江山”这句话深深打动了我。"
              "要坚持“绿水青山就是金山银山”理念。")[0])}
    for saying in ("打铁必须自身硬", "江山就是人民，人民就是江山", "绿水青山就是金山银山"):
        assert (saying, "quote") in speech, saying  # words against its marks, but no programme's kind after it
    one = mine_corpus([("s.txt", "在全县干部大会上的讲话\n同志们：\n各级干部要牢记“打铁必须自身硬”，敢于担当作为。\n"
                                 "要以“功成不必在我”的精神状态抓好落实。")]).phrases
    assert "打铁必须自身硬" in {p.text.translate(str.maketrans("", "", "“”")) for p in one}  # one document's saying


def test_a_quotation_a_noun_of_its_kind_follows_is_a_name() -> None:
    report = ("某省政府工作报告\n一、过去一年工作回顾\n"
              "推广“建枢纽带站点进家庭”模式，推进市县“一支队伍管执法”改革。\n"
              "创新“跟着美食去旅行”“跟着演艺去旅行”等新模式。实施“国家重点基础研究发展计划”。\n"
              "二、今年主要任务\n中央明确了“经济增长保持在合理区间”等重要目标。要坚持“绿水青山就是金山银山”理念，"
              "落实“五个进一步到位”重要要求，把“为企业服务就是为发展赋能”作为政府的“上心事”。"
              "让更多群众感受到“此心安处是吾乡”。")
    kinds = {c.text: c.kind for c in extract(split_documents("r.txt", report)[0]) if c.kind in ("quote", "collocation")}
    # Names: a noun says what they are (…模式, …改革, …等新模式), or they name it themselves (…计划).
    for name in ("建枢纽带站点进家庭", "一支队伍管执法", "跟着美食去旅行", "跟着演艺去旅行", "国家重点基础研究发展计划"):
        assert kinds.get(name) == "collocation", (name, kinds.get(name))
    # Sayings and stated aims: what follows them is a saying's kind (理念, 目标), a verb (作为) or an
    # adjective before one (重要要求), or nothing.
    for saying in ("经济增长保持在合理区间", "绿水青山就是金山银山", "五个进一步到位", "为企业服务就是为发展赋能",
                   "此心安处是吾乡"):
        assert kinds.get(saying) == "quote", (saying, kinds.get(saying))
    # A saying's kind may come after other nouns (发展理念, 工作作风, 优良传统): the run's head says what it is.
    speech = ("在全县干部大会上的讲话\n同志们：\n要践行“绿水青山就是金山银山”发展理念，弘扬“特别能吃苦特别能战斗”工作作风，"
              "传承“自力更生艰苦奋斗”优良传统，按照“成熟一个推进一个”工作思路抓好落实。")
    kinds = {c.text: c.kind for c in extract(split_documents("s.txt", speech)[0]) if c.kind in ("quote", "collocation")}
    for saying in ("绿水青山就是金山银山", "特别能吃苦特别能战斗", "自力更生艰苦奋斗", "成熟一个推进一个"):
        assert kinds.get(saying) == "quote", (saying, kinds.get(saying))


def test_a_saying_between_punctuation_and_a_two_part_saying_stay(mined: dict[str, str]) -> None:
    assert "咬定青山不放松" in mined, sorted(mined)
    inside = {"left": {QUOTE: 4}, "right": {QUOTE: 4}, "df": 4, "whole": 4, "structured": True}
    assert quoted_name(_tally("高效办成一件事", **inside))
    assert not quoted_name(_tally("稳住一头，放开一片", **inside))  # a two-part saying
    assert not quoted_name(_tally("不忘初心、牢记使命", **inside))  # a list
    assert not quoted_name(_tally("身先士卒", **inside))  # an idiom
    assert not quoted_name(_tally("高效办成一件事", **{**inside, "df": 1}))  # one document's: candidates._named
    row = {"left": {"": 1}, "right": {"": 1}, "df": 1, "whole": 1, "structured": True}
    assert not quoted_name(_tally("加强业务指导和工作协调", **row))  # in a row of quotations (“…”“…”)
    assert segments("推动“充分发挥机制作用”“加强业务指导”落实")[1][2] == ""  # marks between them, not words
    assert not quoted_name(_tally("高效办成一件事", **{**inside, "right": {QUOTE: 1, "": 3}}))  # ends clauses


def test_yu_before_xiang_jiehe_is_a_preposition_the_clause_keeps(mined: dict[str, str]) -> None:
    assert "制度性安排相结合" not in mined, sorted(mined)  # half of 与…相结合
    assert clean_unit("与制度性安排相结合") == "与制度性安排相结合"
    assert clean_unit("和社会稳定") == "社会稳定"  # a conjunction still goes
    assert clean_unit("同时与当地实际相结合") == "与当地实际相结合"  # and so does 同时 before it


def test_a_pair_between_words_and_de_is_the_middle_of_a_modifier(mined: dict[str, str]) -> None:
    assert "夯实基础、全面发力" not in mined, sorted(mined)  # …现代化夯实基础、全面发力的关键时期
    assert "众志成城、群防群控" in mined, sorted(mined)  # quotation marks give it its bounds
    assert "农业强、农村美、农民富" in mined, sorted(mined)  # three items are a formula wherever they stand
    assert "统一开放、竞争有序" in mined, sorted(mined)  # after a verb: the verb's object, a formula


def test_a_saying_that_modifies_a_noun_through_de_is_no_name(mined: dict[str, str]) -> None:
    assert "一张蓝图绘到底" in mined, sorted(mined)  # 保持“一张蓝图绘到底”的定力
    before_de = {"left": {QUOTE: 4}, "right": {QUOTE_DE: 4}, "df": 4, "whole": 4, "structured": True}
    assert quoted_name(_tally("一中一台", **before_de))  # no verb: a name (制造“一中一台”的图谋)
    assert not quoted_name(_tally("一张蓝图绘到底", **before_de))
