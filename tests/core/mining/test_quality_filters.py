"""What reads like a phrase but is no formula stays out of the bank (issue 18 item 9), judged by general rules.

A head cut from its object (进一步提高…), a term other verbs act on (…政务公开), an enumeration closed
by 等 or of ministries, a part name only one document's headings use (成员单位), a phrase that recurs
only under titles naming its subject (明确审核范围 under …审核… titles), a piece of a quoted saying, a
kind named in a list of kinds (创新发展 in 规范发展、创新发展、融合发展); the good formulas of the same
shapes stay.
"""
from __future__ import annotations

import random
from collections import Counter

import pytest

from editor.core.mining.counting import Counts, Tally
from editor.core.mining.filters import Evidence, enumerates, headless, object_term, piece_of_saying
from editor.core.mining.miner import mine_corpus

FILLERS = ["各地区各部门要结合实际抓好落实。", "今年以来经济运行总体平稳。", "做好民生保障工作。",
           "持续改善生态环境质量。", "深化重点领域改革。", "扎实推进乡村振兴。", "加快推进重点项目建设。"]
OBJECTS = ["公共服务水平", "治理能力", "监管效能", "资金使用效益", "行政效率", "群众满意度", "办事效率"]


@pytest.fixture(scope="module")
def mined() -> dict[str, str]:
    """Phrase → section, mined from 36 documents built to hold each shape."""
    rng = random.Random(7)
    docs = []
    for i in range(36):
        title = "关于加强药品审核工作的意见" if i < 2 else f"关于做好第{i}项工作的意见"
        body = [title, "为做好有关工作，现提出如下意见。", "一、总体要求", rng.choice(FILLERS),
                f"进一步提高{OBJECTS[i % len(OBJECTS)]}，{rng.choice(FILLERS)}",
                f"要加强统筹协调，{'推进' if i % 2 else '促进'}政务公开，{rng.choice(FILLERS)}"]
        if i < 2:
            body += ["（一）明确审核范围。凡涉及重大公共利益的事项都要审核。"]
        if 5 <= i < 8:
            body += ["（二）明确工作责任。各单位要把责任落到实处。"]
        if i == 3:
            body += ["二、成员单位", "各有关部门为领导小组的组成部门。"]
        elif i % 3 == 0:
            body += [f"各成员单位要密切配合，{rng.choice(FILLERS)}"]
        if i % 4 == 0:
            body += ["通过在线访谈、网上调查和意见征集等形式，听取群众意见。"]
        if i % 5 == 0:
            body += ["三、保障措施", rng.choice(FILLERS)]
        body += [rng.choice(FILLERS), "请认真贯彻执行。"]
        docs.append((f"d{i}.txt", "\n".join(body)))
    return {p.text: p.section for p in mine_corpus(docs).phrases}


def test_the_good_formulas_of_each_shape_are_offered(mined: dict[str, str]) -> None:
    for formula in ("加强统筹协调", "保障措施", "明确工作责任", "推进政务公开"):
        assert formula in mined, formula


def test_a_head_without_its_object_is_not_offered(mined: dict[str, str]) -> None:
    assert "进一步提高" not in mined
    assert "进一步提高公共服务水平" in mined  # with the object it recurs with, it is whole


def test_a_term_that_verbs_act_on_is_not_an_entry_of_its_own(mined: dict[str, str]) -> None:
    assert "政务公开" not in mined


def test_an_enumeration_closed_by_deng_is_not_offered(mined: dict[str, str]) -> None:
    assert not [t for t in mined if "等形式" in t]


def test_a_part_name_of_one_document_is_not_a_heading_entry(mined: dict[str, str]) -> None:
    assert "成员单位" not in mined


def test_a_phrase_recurring_under_titles_naming_its_subject_is_not_offered(mined: dict[str, str]) -> None:
    assert "明确审核范围" not in mined


def _tally(text: str, **kw: object) -> Tally:
    t = Tally(text, text, "d.txt")
    for k, v in kw.items():
        setattr(t, k, v)
    return t


def test_headless_needs_content_words_on_the_right_and_no_clause_end() -> None:
    right = Counter({"政府": 1, "综合": 1, "学前教育": 1, "为": 1, "建设": 1})
    assert headless(_tally("进一步提高", df=5, right=right))
    assert not headless(_tally("进一步提高", df=5, right=right + Counter({"": 1})))  # ends a clause once
    assert not headless(_tally("突如其来", df=3, right=Counter({"的": 3})))  # a modifier idiom before 的
    assert not headless(_tally("保障和改善民生", df=3, right=Counter({"、": 2, "的": 1})))  # a list item
    assert not headless(_tally("进一步提高", df=5, right=right, structured=True))  # a whole clause somewhere
    # 推动科技创新|和产业创新深度融合: the first half of the verb's coordinated object (创新 tagged a verb).
    assert headless(_tally("推动科技创新", df=4, right=Counter({"和": 4})))
    assert not headless(_tally("推动科技创新", df=4, right=Counter({"和": 1, "等": 3})))  # joined in one of four


def test_a_modifier_always_followed_by_de_is_cut_from_its_noun() -> None:
    assert headless(_tally("支持符合条件", df=3, right=Counter({"的": 3})))  # 支持符合条件的企业
    assert headless(_tally("给予适当", df=5, right=Counter({"支持": 2, "的": 2, "补助": 1})))
    assert headless(_tally("没有硝烟", df=3, right=Counter({"的": 3})))  # 没有硝烟的战争
    assert not headless(_tally("坚持以人民为中心", df=4, right=Counter({"的": 3, "": 1})))  # stands alone once
    # 发展取得新|进步 / 新|成效 / 新的…: after a verb 新 needs its noun, whatever jieba tags the noun (进步 as
    # an adverb); 十九大 is a name, 做大 a verb's result, 更高 a predicate, and a list item is whole.
    assert headless(_tally("发展取得新", df=6, right=Counter({"进步": 3, "的": 2, "成效": 1})))
    assert not headless(_tally("发展取得新", df=6, right=Counter({"进步": 3, "": 1})))  # ends a clause once
    assert not headless(_tally("发展取得新", df=6, right=Counter({"": 1, "进步": 3}), whole=1), judged_whole=True)
    assert not headless(_tally("全面贯彻党的十九大", df=9, right=Counter({"和": 9})))
    assert not headless(_tally("把蛋糕做大", df=3, right=Counter({"做强": 3})))
    assert not headless(_tally("质量更高", df=3, right=Counter({"、": 3})))


def test_object_term_needs_a_noun_led_window_after_verbs() -> None:
    left = Counter({"促进": 3, "推进": 2, "实行": 1})
    assert object_term(_tally("政务公开", df=6, left=left))
    assert not object_term(_tally("政务公开", df=6, left=left + Counter({"": 2})))  # opens clauses too
    assert not object_term(_tally("统筹协调", df=8, left=Counter({"加强": 3, "强化": 1})))  # a verb pair


def test_a_window_ending_in_a_noun_after_nouns_is_the_head_of_a_longer_term() -> None:
    # 金融支持力度 / 服务支持力度: 支持力度 is a term's head (the formula is 加大…支持力度).
    assert object_term(_tally("支持力度", df=4, left=Counter({"金融": 1, "服务": 1, "的": 1, "激励": 1})))
    assert object_term(_tally("治理能力", df=4, left=Counter({"社会": 2, "和": 2})))
    # 加大补短板力度: the verb that governs 力度 stands outside the window.
    assert object_term(_tally("补短板力度", df=4, left=Counter({"加大": 2, "领域": 1, "服务": 1})))
    assert not object_term(_tally("加大宣传力度", df=4, left=Counter({"要": 3, "进一步": 1})))  # after a modal: whole
    assert not object_term(_tally("总体平稳", df=3, left=Counter({"形势": 1, "舆情": 1, "价格": 1})))  # ends in a verb
    assert not object_term(_tally("支持力度", df=4, left=Counter({"金融": 1, "": 3})))  # opens clauses too


def test_a_window_led_by_a_preposition_or_de_is_a_piece_of_its_phrase() -> None:
    assert object_term(_tally("社会公开", df=4, left=Counter({"向": 4})))  # 向社会公开
    assert object_term(_tally("积极作用", df=3, left=Counter({"的": 2, "了": 1})))  # …的积极作用
    # An action a preposition introduces is whole: 对于促进政务公开…具有重要意义.
    assert not object_term(_tally("促进政务公开", df=3, left=Counter({"对于": 2, "对": 1})))
    assert not object_term(_tally("社会公开", df=4, left=Counter({"向": 4, "": 2})))  # opens clauses too
    assert object_term(_tally("社会稳定", df=3, left=Counter({"和": 3})))  # …和社会稳定: a coordination's half
    assert object_term(_tally("密切接触者", df=3, left=Counter({"和": 1, "的": 1, "及": 1})))


def test_enumerates() -> None:
    assert enumerates("通过在线访谈、网上调查和意见征集等形式")
    assert not enumerates("简政放权、放管结合")
    assert not enumerates("等额选举")
    assert enumerates("教育部、外交部、财政部、体育总局___收悉")  # which ministries one letter answers
    assert not enumerates("认真落实党中央、国务院决策部署")  # names no ministry
    assert not enumerates("东部、中部、西部")


def test_a_piece_of_a_quoted_saying_is_not_a_formula() -> None:
    said = "“哪有什么岁月静好,不过是有人替你负重前行”。这是一句流行语。"
    assert piece_of_saying(_tally("岁月静好", df=2, example=said), "collocation")
    assert not piece_of_saying(_tally("岁月静好", df=2, example=said), "quote")  # the saying itself
    assert not piece_of_saying(_tally("岁月静好", df=5, example=said), "collocation")  # recurs on its own
    slogan = "“充分发挥省联防联控机制作用”是关键。"  # a quoted phrase, not a two-part saying
    assert not piece_of_saying(_tally("联防联控", df=2, example=slogan), "idiom")


def _counts(*tallies: Tally, titles: tuple[str, ...] = ()) -> Counts:
    counts = Counts(documents=40)
    for t in tallies:
        counts.tallies[t.text] = t
    for i, title in enumerate(titles):  # the corpus's other documents, known by the titles their words record
        counts.tallies[f"x{i}"] = _tally(f"x{i}", df=1, titles=[title])
    return counts


def test_a_lone_part_name_is_one_no_other_heading_ends_like() -> None:
    unit = _tally("成员单位", df=5, kinds=Counter({"heading": 1, "collocation": 4}))
    assert Evidence(_counts(unit)).lone_part_name(unit, "heading")
    other = _tally("牵头单位", df=1, kinds=Counter({"heading": 1}))
    assert not Evidence(_counts(unit, other)).lone_part_name(unit, "heading")
    stock = _tally("保障措施", df=4, kinds=Counter({"heading": 3, "collocation": 1}))
    assert not Evidence(_counts(stock)).lone_part_name(stock, "heading")  # a heading in three documents
    action = _tally("制定实施方案", df=2, kinds=Counter({"heading": 1, "collocation": 1}))
    assert not Evidence(_counts(action)).lone_part_name(action, "heading")  # an action and its object


def test_an_item_of_a_list_of_kinds_is_a_term() -> None:
    kinds = _tally("规范发展、创新发展、融合发展", df=1, structured=True)
    term = _tally("创新发展", df=3)
    assert Evidence(_counts(kinds, term)).kind_of_listed_word(term, "collocation")
    actions = _tally("统一调用、统一监管", df=1, structured=True)  # items share their opening: actions
    pair = _tally("统一监管", df=3)
    assert not Evidence(_counts(actions, pair)).kind_of_listed_word(pair, "collocation")
    unlisted = _tally("统筹协调", df=8)
    assert not Evidence(_counts(kinds, unlisted)).kind_of_listed_word(unlisted, "collocation")
    aid = _tally("一方有难、八方支援", df=1, structured=True)  # items of different lengths: not kinds of one word
    helped = _tally("八方支援", df=2)
    assert not Evidence(_counts(aid, helped)).kind_of_listed_word(helped, "collocation")


def test_a_title_subject_is_one_few_other_titles_name() -> None:
    titles = ["国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", "关于推行法制审核制度的指导意见"]
    scope = _tally("明确审核范围", df=2, titles=titles)
    assert Evidence(_counts(scope, titles=("关于做好就业工作的通知",))).names_title_subject(scope)
    common = _counts(scope, titles=tuple(f"关于第{i}批审核事项的通知" for i in range(5)))
    assert not Evidence(common).names_title_subject(scope)  # the corpus's theme, not one document's subject
    widespread = _counts(scope, titles=("关于做好就业工作的通知",))
    widespread.words["审核"] = 10
    assert not Evidence(widespread).names_title_subject(scope)  # a quarter of the documents use it
    rule = _tally("制定本条例", df=2, titles=["专利代理条例", "个人所得税法实施条例"])
    assert not Evidence(_counts(rule)).names_title_subject(rule)  # a document kind
    few = _counts(scope, titles=("关于做好就业工作的通知",))
    few.documents = 5
    assert not Evidence(few).names_title_subject(scope)  # in a handful of documents every title word is rare
    untitled = _tally("明确审核范围", df=2, titles=["", ""])
    assert not Evidence(_counts(untitled)).names_title_subject(untitled)


def test_near_duplicates_are_one_formula_written_two_ways_not_two_formulas() -> None:
    from editor.core.mining.assemble import within_two_edits

    assert not within_two_edits("现将有关情况总结如下", "现将有关情况函复如下")  # 总结 / 函复: two formulas
    assert within_two_edits("坚决打赢疫情防控阻击战", "坚决打好疫情防控阻击战")
    assert within_two_edits("坚持稳中求进工作总基调", "坚持稳中求进的工作总基调")


def test_a_verb_awaited_by_youdai_ends_a_window() -> None:
    from editor.core.mining.ngrams import segment_words, spans

    words = segment_words("财务人员专业能力有待提高")
    found = {"".join(words[i:j]) for i, j in spans(words)}
    assert "有待提高" in found  # a shortcoming's formula, though 提高 usually wants an object
    words = segment_words("要着力提高服务水平")
    assert "着力提高" not in {"".join(words[i:j]) for i, j in spans(words)}  # 提高 wants its object here


def test_the_character_mask_never_rejects_a_pair_within_two_edits() -> None:
    import random

    from editor.core.mining.assemble import _char_mask, within_two_edits

    rng = random.Random(7)
    alphabet = "加强组织领导落实责任推进工作全面深化改革坚持问题导向" + "".join(chr(0x4E00 + i * 1021) for i in range(8))
    for _ in range(2000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 14)))
        b = list(a)
        for _ in range(2):
            i = rng.randrange(len(b))
            b[i] = rng.choice(alphabet)
        b = "".join(b)
        if within_two_edits(a, b):
            assert (_char_mask(a) ^ _char_mask(b)).bit_count() <= 4, (a, b)


def test_an_adverb_and_verb_jieba_keeps_as_one_word_is_a_formula_not_a_name() -> None:
    from editor.core.mining.ngrams import formula_shaped, is_predicate

    # jieba files 严格执行 as a person's name and 密切配合 as a noun; their halves are 严格/密切 and a verb.
    for text in ("严格执行", "密切配合", "严肃查处"):
        assert is_predicate(text), text
        assert formula_shaped(text, True), text
    for text in ("市场监管", "医疗机构", "核酸检测"):  # terms: a noun and a verb, or nouns
        assert not formula_shaped(text, True), text


def test_a_parallel_of_actions_may_share_a_character_inside_its_items() -> None:
    from editor.core.mining.ngrams import parallel_shaped

    assert parallel_shaped("外防输入、内防反弹")  # 外防…、内防…: parallel by the shared 防
    assert not parallel_shaped("体温检测、扫健康码")  # items of different lengths: a list of checks
    assert not parallel_shaped("科技部、财政部")  # bodies sharing an ending
    assert not parallel_shaped("城市绿地、农村宅基")  # nouns of one length sharing nothing that acts


def test_a_window_never_ends_inside_a_word_jieba_does_not_know() -> None:
    from editor.core.mining.ngrams import segment_words, spans

    def windows(text: str) -> set[str]:
        words = segment_words(text)
        return {"".join(words[i:j]) for i, j in spans(words)}

    # jieba cuts 碳中和 into 碳/中/和: no window ends on 碳 or 中.
    found = windows("有序推进碳达峰碳中和工作")
    assert not [w for w in found if w.endswith(("碳", "碳中"))], found
    assert "互利共赢" in windows("坚持互利共赢的开放战略")  # 共/赢 then 的: the run ends at a particle
    assert "先行先试" in windows("开展创新政策先行先试、大胆创新")
    assert not [w for w in windows("为促进世界和平与发展作出了重要贡献") if w.endswith("作出")]  # 作出 wants its object


def test_the_first_half_of_a_coordinated_object_and_a_cut_frame_are_not_formulas() -> None:
    assert headless(_tally("接受社会", df=6, left=Counter({"主动": 3, "自觉": 2, "": 1}),
                           right=Counter({"和": 5, "监督": 1})))  # 接受社会和舆论监督
    assert headless(_tally("推进以国家公园", df=3, right=Counter({"为": 3})))  # …以国家公园为主体…
    # An action followed by another (…、…) or ending a clause is whole.
    assert not headless(_tally("保障和改善民生", df=3, right=Counter({"的": 1, "、": 2})))
    assert not headless(_tally("加强党风廉政建设", df=3, right=Counter({"和": 2, "": 1})))


def test_a_quotation_mark_is_no_clause_boundary() -> None:
    from editor.core.mining.ngrams import QUOTE, _clause_windows

    windows = {key: (left, right, whole) for found, _ in _clause_windows("坚持把解决好“三农”问题作为重中之重")
               for key, left, right, whole in found}
    assert windows["坚持把解决好"] == ("", QUOTE, False)  # the clause goes on through “三农”
    # Cut before a quoted term in most documents, it is a head without its object.
    assert headless(_tally("坚持把解决好", df=3, left=Counter({"": 1, "必须": 1, "要": 1}), right=Counter({QUOTE: 3})))
    whole = {key: w for found, _ in _clause_windows("请认真贯彻执行") for key, _, _, w in found}
    assert whole["请认真贯彻执行"]  # a clause between commas is still whole


def test_a_window_after_er_is_the_second_half_of_wei_er() -> None:
    assert object_term(_tally("努力奋斗", df=4, left=Counter({"而": 3, "共同": 1})))  # 为…而努力奋斗


def test_a_verb_always_followed_by_zai_wants_its_complement() -> None:
    # 我们要更加紧密地团结|在…周围
    assert headless(_tally("我们要更加紧密地团结", df=5, right=Counter({"在": 5})))
    assert not headless(_tally("坚持以人民为中心", df=4, right=Counter({"在": 1, "": 3})))  # ends clauses too


def test_a_one_document_quotation_is_a_saying_only_if_it_says_something() -> None:
    from editor.core.mining.ranking import _single_ok

    assert _single_ok(_tally("咬定青山不放松", df=1, whole=1, structured=True), "quote")
    assert _single_ok(_tally("有爱不惧风来急，风雨过后是晴天", df=1, whole=1, structured=True), "quote")
    assert not _single_ok(_tally("钍基熔盐实验堆", df=1, whole=1, structured=True), "quote")  # a name


def test_an_idiom_inside_a_longer_entry_stays_an_entry() -> None:
    from editor.core.mining.assemble import _drop_tails
    from editor.core.model.phrases import Phrase

    kept = _drop_tails([Phrase("因地制宜发展新质生产力", "general", "collocation", 3.0, 5, 5),
                        Phrase("因地制宜", "general", "idiom", 2.0, 5, 5), Phrase("答复如下", "opening", "collocation", 1.0, 3, 3),
                        Phrase("现答复如下", "opening", "collocation", 2.0, 3, 3)])
    assert [p.text for p in kept] == ["因地制宜发展新质生产力", "因地制宜", "现答复如下"]


def test_one_filling_of_a_frame_is_that_documents_the_frame_is_the_formula() -> None:
    from editor.core.mining.ranking import _single_ok

    filled = _tally("不断开创富民兴陇新局面", df=1, whole=1, structured=True, sections=Counter({"closing": 1}))
    assert not _single_ok(filled, "collocation")  # 不断开创___新局面 is offered instead
    generic = _tally("现将有关情况总结如下", df=1, whole=1, structured=True, sections=Counter({"opening": 1}))
    assert _single_ok(generic, "collocation")  # filled with the genre's own words, it is the formula as written
    call = _tally("胜利必将也一定属于我们", df=1, whole=1, structured=True, sections=Counter({"closing": 1}))
    assert _single_ok(call, "collocation")


def test_a_verb_made_a_noun_by_de_is_a_subject_whose_sentence_goes_on() -> None:
    from editor.core.mining.lexicon import is_fragment

    assert is_fragment("成绩的取得")  # 这些成绩的取得，凝聚着…
    assert not is_fragment("表示衷心的感谢")  # a verb before it: a whole predicate
    assert not is_fragment("关于___的通知")


def test_a_quoted_name_is_judged_as_a_term_and_a_two_part_saying_stays_a_saying() -> None:
    from editor.core.mining.ranking import _says

    assert not _says("一刻钟便民生活圈")
    assert _says("功成不必在我、功成必定有我")
    assert _says("咬定青山不放松")


def test_a_phrase_whole_once_but_joined_by_he_everywhere_else_is_half_a_coordination() -> None:
    t = _tally("社会稳定", df=4, whole=1, structured=True, left=Counter({"和": 3, "、": 1}))
    assert not object_term(t)  # as a whole clause it is not judged as a window
    assert object_term(t, judged_whole=True)  # ranking judges it so when it stood alone in under a third


def test_a_window_never_spans_a_list_mark_nor_ends_on_a_verb_that_wants_its_object() -> None:
    from editor.core.mining.ngrams import segment_words, spans

    def windows(text: str) -> set[str]:
        words = segment_words(text)
        return {"".join(words[i:j]) for i, j in spans(words)}

    found = windows("办好特殊教育、继续教育、专门教育")
    assert not [w for w in found if "、" in w], found  # the list is a candidate whole (candidates.list_items)
    for text in ("要持续深化改革", "进一步巩固成果", "不断增强活力", "持续优化营商环境", "扩大有效投资", "拓展发展空间"):
        assert not [w for w in windows(text) if w.endswith(("深化", "巩固", "增强", "优化", "扩大", "拓展"))], text


def test_a_phrase_whole_once_but_followed_by_de_everywhere_else_is_a_modifier() -> None:
    t = _tally("以县城为重要载体", df=5, whole=1, structured=True, right=Counter({"的": 4, "": 1}))
    assert not headless(t)  # as a whole clause it is not judged as a window
    assert headless(t, judged_whole=True)  # …以县城为重要载体的城镇化建设
    assert not headless(_tally("坚持问题导向", df=5, whole=2, structured=True, right=Counter({"的": 2, "": 3})),
                        judged_whole=True)  # ends clauses in most documents
