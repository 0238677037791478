"""Structure: documents in a file, boilerplate, broken lines, headings, sections, de-duplication."""
from __future__ import annotations

from editor.core.corpus.boilerplate import is_web_line, recurring_edge_lines
from editor.core.corpus.dedupe import dedupe_documents, dedupe_paragraphs
from editor.core.corpus.sections import assign_sections
from editor.core.corpus.structure import Document, Paragraph, is_title, split_documents, split_heading

FILE = """- 17.12 KB
- 2021-04-14 发布
- 1、本文档由用户上传,淘文库整理发布,可阅读全部内容。
- 网站客服QQ:403074932
疫情防控工作总结大全3篇
疫情防控工作总结(一)
在区委统一部署下，全面动员，全面部署。
1.全面发动兴热潮。连日来，召开专题会议。
存在问题:一是防护设备不足。二是人员少。
下一步,将充分发挥职能作用。
一是及时发布权威信息。通过电视、广播及时转播。
疫情防控工作总结(二)
今年以来，我们坚持常态化防控，实行24
小时值班制，确保
稳定高效运转。
一、认清形势，始终绷紧这根弦
从全国来看，形势严峻。
二、压实责任，持续站好这个岗
各级各部门要压紧压实责任。
同志们，让我们团结一心，夺取胜利！
"""


def test_splits_documents_and_drops_site_boilerplate():
    docs = split_documents("f.txt", FILE)
    assert [d.title for d in docs] == ["疫情防控工作总结(一)", "疫情防控工作总结(二)"]
    text = "\n".join(d.text() for d in docs)
    for junk in ("KB", "17.12", "2021-04-14", "上传", "客服", "大全"):
        assert junk not in text


def test_broken_lines_are_joined():
    second = split_documents("f.txt", FILE)[1]
    assert second.paragraphs[0].text == "今年以来，我们坚持常态化防控，实行24小时值班制，确保稳定高效运转。"


def test_headings_inline_and_enumerated():
    assert split_heading("1.全面发动兴热潮。连日来，召开专题会议。") == (3, "全面发动兴热潮", "连日来，召开专题会议。")
    assert split_heading("一、认清形势，始终绷紧这根弦") == (1, "认清形势，始终绷紧这根弦", "")
    assert split_heading("一是及时发布权威信息。通过电视") == (5, "及时发布权威信息", "通过电视")
    assert split_heading("存在问题:一是防护设备不足。")[:2] == (0, "存在问题")
    assert split_heading("今年以来，我们坚持") == (None, "", "今年以来，我们坚持")


def test_titles():
    assert is_title("2022抗击新冠疫情心得总结10")
    assert is_title("2024年春节期间疫情防控工作部署会上的讲话")
    assert not is_title("一、下一步工作打算")
    assert not is_title("今年以来，我们坚持常态化防控。")


def test_sections_from_headings_cues_and_position():
    first, second = split_documents("f.txt", FILE)
    for d in (first, second):
        assign_sections(d)
    assert [p.section for p in first.paragraphs] == ["opening", "measures", "problems", "next_steps", "next_steps"]
    assert [p.section for p in second.paragraphs] == ["opening", "situation", "situation", "measures", "measures",
                                                      "closing"]


def test_documents_without_headings_open_and_close():
    d = Document("x", "心得", [Paragraph("面对突如其来的疫情，我们众志成城。"), Paragraph("有爱不惧风来急。"),
                             Paragraph("要加强防控，落实责任，严格管理，做好服务。"), Paragraph("胜利一定属于我们！")])
    assign_sections(d)
    assert [p.section for p in d.paragraphs] == ["opening", "general", "measures", "closing"]


def test_web_lines():
    assert is_web_line("- 网站客服QQ:403074932")
    assert is_web_line("本文来源：某某网　责任编辑：小王")
    assert not is_web_line("要加大宣传力度，引导社会舆论。")


def test_recurring_edge_lines_are_footers_but_stock_sentences_are_not():
    docs = []
    for i in range(6):
        docs.append([f"正文第{i}段。", "要坚持人民至上、生命至上。", f"其他内容{i}。",
                     "主办单位：某某市人民政府办公室", "让我们团结一心，夺取胜利！"])
    found = recurring_edge_lines(docs)
    assert "主办单位：某某市人民政府办公室" in found
    assert "让我们团结一心，夺取胜利！" not in found
    assert "要坚持人民至上、生命至上。" not in found


def _doc(text):
    return Document("x", "", [Paragraph(line) for line in text.split("\\n")])


def test_near_duplicate_documents_and_repeated_paragraphs():
    base = ("今年以来，全区各级各部门认真贯彻落实上级决策部署，扎实推进各项工作，取得了明显成效。"
            "一是强化组织领导，成立工作专班，明确责任分工。二是加强宣传引导，营造浓厚氛围，凝聚社会共识。"
            "三是完善工作机制，建立会商制度，定期研判形势。四是狠抓督导检查，发现问题及时整改到位。")
    near = base.replace("明显", "显著", 1)
    other = "这是另一篇完全不同的文章，讲的是安全生产和应急管理方面的具体做法与体会。" * 3
    docs = dedupe_documents([_doc(base), _doc(near), _doc(other), _doc(base)])
    assert len(docs) == 2
    a = Document("a", "", [Paragraph(base), Paragraph("高度重视，加强领导")])
    b = Document("b", "", [Paragraph(base), Paragraph("高度重视，加强领导"), Paragraph(other)])
    dedupe_paragraphs([a, b])
    assert [p.text for p in b.paragraphs] == ["高度重视，加强领导", other]


def test_lead_sentences_in_parallel_are_headings():
    text = ("领导干部工作总结\n为深入贯彻落实上级部署，现将工作总结如下。\n"
            "加强组织领导，部署防控工作全天候。成立领导小组，明确分工，压实责任，确保各项工作落到实处。\n"
            "加大宣传力度，疫情防护知识全覆盖。印发宣传资料一万余份，张贴标语横幅，做到家喻户晓。\n")
    (doc,) = split_documents("x.txt", text)
    assign_sections(doc)
    assert [(p.level, p.heading, p.section) for p in doc.paragraphs] == [
        (None, "", "opening"), (6, "加强组织领导，部署防控工作全天候", "measures"),
        (6, "加大宣传力度，疫情防护知识全覆盖", "measures")]
    # A single short first sentence is not a heading.
    (essay,) = split_documents("y.txt", "心得体会\n有爱不惧风来急，风雨过后是晴天。各家医院的门诊台前，人们昼夜坚守，令人感动。\n")
    assert essay.paragraphs[0].heading == ""


def test_copies_are_found_among_many_documents_that_share_stock_text():
    """Stock sentences in every document name no source; a copy is still found through its own words."""
    import random

    from editor.core.corpus.dedupe import COMMON_SHINGLE

    rng = random.Random(5)
    stock = ["各地区各部门要切实加强组织领导，明确责任分工，确保各项任务落到实处。",
             "要坚持以人民为中心的发展思想，统筹推进各项工作，不断提高人民群众的获得感。"]
    words = "农业工业交通水利教育卫生文化科技环保财政金融商贸旅游体育民政司法"

    def own(i: int) -> str:
        return "".join(rng.choice(words) for _ in range(60)) + f"第{i}号事项。"

    docs = []
    for i in range(COMMON_SHINGLE + 10):
        docs.append(Document(f"d{i}", paragraphs=[Paragraph(stock[0]), Paragraph(own(i)), Paragraph(own(i) + own(i)),
                                                 Paragraph(stock[1])]))
    original = docs[COMMON_SHINGLE + 5]
    copy = Document("copy", paragraphs=[Paragraph(p.text) for p in original.paragraphs[:3]])  # one paragraph cut
    kept = dedupe_documents([*docs, copy])
    assert [d.name for d in kept] == [d.name for d in docs]
    # A paragraph pasted from a late document into a new one, lightly edited, is dropped there.
    fresh = own(999)
    pasted = "现将" + original.paragraphs[2].text[4:]
    later = Document("later", paragraphs=[Paragraph(pasted), Paragraph(fresh)])
    docs.append(later)
    dedupe_paragraphs(docs)
    assert [p.text for p in later.paragraphs] == [fresh]


def test_a_point_of_a_named_part_keeps_the_part_a_short_part_name_does_not():
    text = "\n".join(["2005年政府工作报告", "一、过去一年工作回顾", "过去一年，经济平稳较快发展。",
                      "（一）控制固定资产投资过快增长，大力加强薄弱环节。", "严把土地关口，投资增速回落。",
                      "（二）结构调整取得积极成效。", "服务业比重上升。",
                      "（三）存在的问题和下一步工作打算", "一些地方投资冲动依然强烈。",
                      "二、加强组织领导", "（一）认真查找工作中存在的问题，抓好整改", "各地区要抓好落实。"])
    doc = split_documents("r.txt", text)[0]
    assign_sections(doc)

    def section(start: str) -> str:
        return next(p.section for p in doc.paragraphs if p.text.startswith(start))

    # Points of the review (a 薄弱环节 or 成效 said in them) are the review's.
    assert section("（一）控制") == section("严把") == "situation"
    assert section("（二）结构") == section("服务业") == "situation"
    # A part of its own: its name opens with its cue, however long (存在的问题和下一步工作打算).
    assert section("（三）存在") == section("一些地方") == "problems"
    assert section("（一）认真") == "problems"  # under a topic heading a point's own cue stands


def test_a_part_name_opens_with_its_cue_a_point_says_it_last():
    from editor.core.corpus.sections import part_name

    assert part_name("存在问题，下步打算", "problems")  # a comma, but its cue opens it
    assert part_name("主要做法及取得的成效", "measures")
    assert part_name("2023年下一步工作打算", "next_steps")  # short enough to be a name
    assert not part_name("控制固定资产投资过快增长，大力加强薄弱环节", "problems")
    assert not part_name("结构调整取得积极成效", "measures")
    assert not part_name("加强薄弱环节，补齐短板", "problems")  # short, but a point of two halves


def test_a_reports_parts_on_lines_of_their_own_are_headings_that_name_them():
    text = "\n".join(["2026年甘肃省政府工作报告", "各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。",
                      "“十四五”时期工作回顾", "五年来，全省经济实力快速跃升。",
                      "“十五五”时期的主要目标任务", "到2030年，高质量发展水平明显提升。",
                      "二、2025年工作总结和“十四五”发展成就", "一年来，经济运行稳中有进。",
                      "三、“十五五”时期主要目标和重大举措", "坚持稳中求进工作总基调。"])
    doc = split_documents("r.txt", text)[0]
    assign_sections(doc)

    def section(start: str) -> str:
        return next(p.section for p in doc.paragraphs if p.text.startswith(start))

    assert split_heading("“十四五”时期工作回顾")[:2] == (0, "“十四五”时期工作回顾")
    assert split_heading("认真做好今年重点工作")[0] is None  # a line that does the work, not its name
    assert split_heading("抓好关键时期重点工作")[0] is None  # a time, not a plan period
    assert split_heading("今年重点工作")[0] == 0
    assert section("五年来") == "situation"
    assert section("到2030年") == "next_steps"
    assert section("一年来") == "situation"  # 工作总结, 发展成就: the review
    assert section("坚持稳中求进") == "next_steps"  # a coming period's aims and measures: the plan


def _sections(text: str) -> dict[str, str]:
    doc = split_documents("t.txt", text)[0]
    assign_sections(doc)
    return {p.text: p.section for p in doc.paragraphs}


def test_numbered_points_under_a_reports_part_lines_are_the_parts_not_measures():
    # 甘肃's 2026 report: its parts are lines of their own, its numbered points only under them.
    got = _sections("\n".join([
        "2026年甘肃省政府工作报告", "各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。",
        "“十四五”时期工作回顾", "五年来，全省经济实力快速跃升。",
        "2026年重点工作", "今年是“十五五”开局之年。",
        "（一）放大促消费扩投资政策效应", "积极承接用好政策。",
        "（二）存在的问题和不足", "一些地方投资冲动依然强烈。"]))
    assert got["（一）放大促消费扩投资政策效应"] == got["积极承接用好政策。"] == "next_steps"
    assert got["（二）存在的问题和不足"] == got["一些地方投资冲动依然强烈。"] == "problems"  # a part named under it
    # Points in the review too: each part's points are that part's.
    got = _sections("\n".join(["2026年某市政府工作报告", "各位代表：", "2025年工作回顾", "（一）经济运行稳中有进",
                                "生产总值增长5%。", "2026年重点工作", "（一）扩大有效投资", "实施重点项目100个。"]))
    assert got["（一）经济运行稳中有进"] == got["生产总值增长5%。"] == "situation"
    assert got["（一）扩大有效投资"] == got["实施重点项目100个。"] == "next_steps"


def test_part_lines_naming_two_things_and_the_top_level_points_under_them():
    # 内蒙古's 2026 report: each part line names two (a period's and a year's), and 一、… follow the plan's.
    got = _sections("\n".join([
        "2026年某自治区政府工作报告", "各位代表：", "现在，我代表自治区人民政府，向大会报告工作，请予审议。",
        "“十四五”时期发展成就和2025年工作回顾", "——这五年综合经济实力大幅提升。经济总量达到2.67万亿元。",
        "“十五五”时期主要目标和2026年重点工作", "今年是“十五五”开局之年。",
        "一、把铸牢中华民族共同体意识作为主线", "加强中华民族共有精神家园建设。",
        "二、全力抓好七项重点工作", "加快传统产业提质升级。"]))
    assert got["——这五年综合经济实力大幅提升。经济总量达到2.67万亿元。"] == "situation"
    assert got["一、把铸牢中华民族共同体意识作为主线"] == got["加快传统产业提质升级。"] == "next_steps"
    # A review's points may end in a measures word (…取得新成效): they name no part.
    got = _sections("\n".join([
        "2026年某自治区政府工作报告", "各位代表：", "“十四五”时期发展成就和2025年工作回顾", "一、高质量发展取得新成效",
        "经济总量达到2.67万亿元。", "二、改革开放迈出新步伐", "改革全面深化。", "“十五五”时期主要目标和2026年重点工作",
        "一、全力扩大有效需求", "实施重点项目100个。", "扩大消费。"]))
    assert got["一、高质量发展取得新成效"] == got["经济总量达到2.67万亿元。"] == "situation"
    assert got["一、全力扩大有效需求"] == got["实施重点项目100个。"] == "next_steps"
    # 一、 headings before the part lines are parts themselves, as before: a part line is no part of theirs.
    got = _sections("\n".join(["2026年某市政府工作报告", "各位代表：", "一、加快建设现代化产业体系", "实施重点项目100个。",
                                "2025年工作回顾", "生产总值增长5%。", "2026年重点工作", "扩大有效投资。", "二、加强政府自身建设",
                                "坚持依法行政。", "推进政务公开。"]))
    assert got["实施重点项目100个。"] == got["坚持依法行政。"] == "measures"
    assert got["生产总值增长5%。"] == "situation"
    # Part lines and nothing numbered under them.
    got = _sections("\n".join(["2026年某市政府工作报告", "各位代表：", "2025年工作回顾", "生产总值增长5%。",
                                "2026年重点工作", "实施重点项目100个。", "扩大有效投资。"]))
    assert got["生产总值增长5%。"] == "situation"
    assert got["实施重点项目100个。"] == "next_steps"


def test_a_part_for_a_year_after_the_one_reviewed_is_the_plan():
    got = _sections("\n".join(["2026年某省政府工作报告", "各位代表：", "一、2025年和“十四五”时期工作回顾",
                                "生产总值增长5%。", "二、“十五五”时期工作的主要考虑", "坚持稳中求进。",
                                "三、2026年主要工作", "（一）扩大有效投资", "实施重点项目100个。",
                                "四、全面加强政府自身建设", "坚持依法行政。"]))
    assert got["生产总值增长5%。"] == "situation"
    assert got["坚持稳中求进。"] == got["（一）扩大有效投资"] == got["实施重点项目100个。"] == "next_steps"
    assert got["坚持依法行政。"] == "measures"  # names no year: the government's own standing work
    # A measures word in the coming period's heading (…主要目标和战略举措) does not make it an account.
    got = _sections("\n".join(["2026年某省政府工作报告", "各位代表：", "一、“十四五”时期工作回顾", "生产总值增长5%。",
                                "二、“十五五”时期经济社会发展的主要目标和战略举措", "坚持稳中求进。", "三、2026年重点工作",
                                "实施重点项目100个。", "扩大有效投资。"]))
    assert got["坚持稳中求进。"] == "next_steps"
    # A summary that reviews nothing first keeps its year's work as measures.
    got = _sections("\n".join(["2023年某局工作总结", "一、2023年主要工作", "完成培训十二次。", "二、存在问题", "人手不足。"]))
    assert got["完成培训十二次。"] == "measures"
    # A later year's account of work done is no plan (a mid-year summary).
    for heading in ("二、2024年1-5月工作进展", "二、2024年以来主要做法"):
        got = _sections("\n".join(["2024年上半年工作总结", "一、2023年工作回顾", "完成任务。", heading,
                                    "完成培训五次。", "三、下一步打算", "继续加强学习。", "完善制度。"]))
        assert got["完成培训五次。"] == "measures", heading


def test_a_part_its_shortcomings_look_back_on_was_the_review():
    # 福建's 2026 report names its parts by their spirit; 在肯定成绩的同时 says the first one was the review.
    got = _sections("\n".join([
        "2026年某省政府工作报告", "各位代表：", "一、一年接着一年干，新福建建设持续取得新进展新成效",
        "过去一年，全省经济稳中有进。", "新增境内外上市公司5家。",
        "在肯定成绩的同时，我们也清醒认识到，发展还面临不少问题和挑战。",
        "二、一张蓝图绘到底，奋力谱写中国式现代化福建篇章", "实施重点项目100个。"]))
    assert got["过去一年，全省经济稳中有进。"] == got["新增境内外上市公司5家。"] == "situation"
    assert got["在肯定成绩的同时，我们也清醒认识到，发展还面临不少问题和挑战。"] == "problems"
    assert got["实施重点项目100个。"] == "measures"
    # Other turns to shortcomings say nothing of what came before (但也要看到: a summary's measures).
    got = _sections("\n".join(["2023年某局工作总结", "一、强化组织领导", "成立工作专班。",
                                "但也要看到，工作中还存在一些不足。", "二、完善制度", "修订制度八项。"]))
    assert got["成立工作专班。"] == "measures"
    # A part named as the work's methods stays measures, whatever turns after it.
    got = _sections("\n".join(["2023年某局工作总结", "一、主要做法及成效", "（一）强化组织领导", "成立工作专班。",
                                "在肯定成绩的同时，我们也清醒地认识到，工作中还存在一些不足。", "二、下一步打算",
                                "继续加强学习。", "完善制度。"]))
    assert got["（一）强化组织领导"] == got["成立工作专班。"] == "measures"
    # 成绩固然可喜，但… turns to the shortcomings as 在肯定成绩的同时 does.
    got = _sections("\n".join(["2026年某省政府工作报告", "各位代表：", "一、一年接着一年干，新福建建设持续取得新进展新成效",
                                "过去一年经济稳中有进。", "成绩固然可喜，但我们也清醒地看到，发展还面临不少问题。",
                                "二、一张蓝图绘到底", "实施项目。", "推进改革。"]))
    assert got["过去一年经济稳中有进。"] == "situation"
    assert got["成绩固然可喜，但我们也清醒地看到，发展还面临不少问题。"] == "problems"


def test_a_summarys_lead_ins_do_not_take_the_numbered_points_after_them():
    # One lead-in, or several: 基本情况 then （一）强化组织领导 is the work itself.
    got = _sections("\n".join(["2019年工作总结", "基本情况", "全年完成培训十二次。", "（一）强化组织领导",
                                "成立工作专班。", "（二）存在的问题", "培训覆盖面还不够广。"]))
    assert got["全年完成培训十二次。"] == "situation"
    assert got["（一）强化组织领导"] == got["成立工作专班。"] == "measures"
    assert got["培训覆盖面还不够广。"] == "problems"
    got = _sections("\n".join(["2023年工作总结", "今年以来，各项工作有序推进。", "主要成效：全年完成任务120%。",
                                "存在问题：人手不足。", "（一）强化组织领导", "成立工作专班。", "（二）完善制度", "修订制度八项。"]))
    assert got["（一）强化组织领导"] == got["修订制度八项。"] == "measures"
    # A research report's suggestions after its 存在问题 are not problems.
    got = _sections("\n".join(["关于农村养老服务的调研报告", "基本情况", "全县共有老年人三万人。", "存在问题",
                                "养老机构床位不足。", "对策建议", "（一）加大财政投入", "建议设立专项资金。"]))
    assert got["（一）加大财政投入"] == got["建议设立专项资金。"] == "measures"
    # A 下一步 sentence closing one point does not carry the later points into the next steps.
    got = _sections("\n".join(["2023年防汛工作总结", "基本情况", "汛期降雨偏多。", "主要做法", "（一）强化组织领导",
                                "成立防汛指挥部。", "下一步，将继续完善指挥体系。", "（二）开展隐患排查", "排查隐患点120处。",
                                "存在问题", "物资储备不足。"]))
    assert got["（二）开展隐患排查"] == got["排查隐患点120处。"] == "measures"
    # 存在问题 in the middle of a （一） list: the next point is a topic again.
    got = _sections("\n".join(["2019年工作总结", "基本情况", "全年完成培训十二次。", "主要做法", "（一）强化组织领导",
                                "成立工作专班。", "存在问题", "培训覆盖面还不够广。", "（二）加强队伍建设", "选派骨干参加轮训。"]))
    assert got["培训覆盖面还不够广。"] == "problems"
    assert got["（二）加强队伍建设"] == got["选派骨干参加轮训。"] == "measures"
    # Numbered 一、 parts stay the document's top whatever comes before them.
    got = _sections("\n".join(["2019年工作总结", "一、主要工作", "全年完成培训十二次。", "存在问题",
                                "培训覆盖面还不够广。", "二、加强队伍建设", "选派骨干参加轮训。"]))
    assert got["培训覆盖面还不够广。"] == "problems"
    assert got["二、加强队伍建设"] == got["选派骨干参加轮训。"] == "measures"


def test_a_plan_periods_tasks_in_other_words_are_the_next_steps():
    from editor.core.corpus.sections import heading_section

    for heading in ("“十五五”时期的主要目标和重点任务", "“十五五”时期经济社会发展重点任务", "“十二五”时期的主要目标和任务",
                    "“七五”时期的基本任务和主要建设方针"):
        assert heading_section(heading) == "next_steps", heading
    for heading in ("“十四五”时期主要任务完成情况", "“十四五”时期重点任务落实情况", "抓好关键时期重点任务"):
        assert heading_section(heading) != "next_steps", heading  # an account of them, or a time, not a plan


def test_the_documents_own_title_replaces_an_archives_label():
    # An archive's label, then the document's own title with its dateline or subtitle run on.
    [doc] = split_documents("r.txt", "1994年国务院政府工作报告\n"
                            "1994年政府工作报告——1994年3月10日在第八届全国人民代表大会第二次会议上\n"
                            "各位代表：\n现在，我代表国务院向大会作政府工作报告，请予审议。\n")
    assert doc.title == "1994年政府工作报告"
    assert doc.paragraphs[0].text.startswith("——1994年3月10日在第八届全国人民代表大会第二次会议上")
    [doc] = split_documents("r.txt", "1985年国务院政府工作报告\n1985年政府工作报告当前的经济形势和经济体制改革——1985年"
                            "3月27日在第六届全国人民代表大会第三次会议上\n各位代表：\n")
    assert doc.title == "1985年政府工作报告"
    assert doc.paragraphs[0].text.startswith("当前的经济形势和经济体制改革")
    [doc] = split_documents("r.txt", "2016年国务院政府工作报告\n政府工作报告\n——2016年3月5日在第十二届全国人民代表大会"
                            "第四次会议上\n各位代表：\n")
    assert doc.title == "政府工作报告"
    assert doc.paragraphs[0].text.startswith("——2016年")
    # A title set out in spaced characters is the same title.
    assert split_documents("r.txt", "2006年国务院政府工作报告\n2006年政 府 工 作 报 告——2006年3月5日\n各位代表：\n")[0].title == \
        "2006年政府工作报告"


def test_a_sentence_opening_with_the_titles_words_is_no_title():
    from editor.core.corpus.structure import own_title

    [doc] = split_documents("r.txt", "2016年国务院政府工作报告\n政府工作报告提出，要坚持稳中求进。\n各位代表：\n")
    assert doc.title == "2016年国务院政府工作报告"
    assert doc.paragraphs[0].text == "政府工作报告提出，要坚持稳中求进。"
    label = "2016年国务院政府工作报告"
    assert own_title(label, "政府工作报告（以下简称《报告》）提出，要坚持稳中求进。") is None
    assert own_title(label, "政府工作报告——这是我们的行动纲领，必须认真贯彻。") is None
    assert own_title(label, "政府工作报告起草组") is None  # a longer name
    assert own_title("XX县2023年工作总结", "2023年工作总结及2024年工作计划") is None
    # Words the label does not hold, in its order, are another document's title.
    assert own_title(label, "江苏省政府工作报告——2016年1月") is None
    assert own_title(label, "政府工作报告（2016年3月5日在第十二届全国人民代表大会第四次会议上）") == (
        "政府工作报告", "（2016年3月5日在第十二届全国人民代表大会第四次会议上）")
    # Another document type, or words the label does not hold, are not its own title.
    [doc] = split_documents("n.txt", "关于做好春节工作的通知\n春节工作方案（试行）\n各省、自治区、直辖市人民政府：\n")
    assert doc.title == "关于做好春节工作的通知"
    assert doc.paragraphs[0].text == "春节工作方案（试行）"


def test_a_huge_line_after_a_title_is_not_searched_through(monkeypatch):
    # Searched whole, a 1 M-character line of type words took half a minute (a slice and a test per word).
    from editor.core.corpus import structure
    from editor.core.corpus.structure import own_title

    tested = []
    real = structure.is_title
    monkeypatch.setattr(structure, "is_title", lambda line, first=False: tested.append(line) or real(line, first))
    assert own_title("2016年国务院政府工作报告", "报告" * 500_000) is None
    assert len(tested) <= 26
    assert own_title("2016年国务院政府工作报告", "政府工作报告" + "。" * 1_000_000) is None


def test_any_arrangement_of_report_and_summary_lines_gets_a_section_for_every_paragraph():
    """Part lines, numbered headings of every level, cue lines and bodies in any order: no crash, no gap."""
    import random

    from editor.core.model.phrases import SECTIONS

    pool = ["2025年工作回顾", "2026年重点工作", "“十四五”时期发展成就和2025年工作回顾", "“十五五”时期主要目标和2026年重点工作",
            "一、2025年工作回顾", "二、2026年主要工作", "三、全面加强政府自身建设", "一、一年接着一年干，建设持续取得新进展新成效",
            "（一）扩大有效投资", "（二）存在的问题和不足", "1.强化组织领导", "一是加强学习。", "存在问题：人手不足。",
            "基本情况", "下一步工作打算", "在肯定成绩的同时，我们也清醒认识到，发展还面临不少困难。",
            "今年经济社会发展主要预期目标是：地区生产总值增长5%左右。", "生产总值增长5%。", "实施重点项目100个。",
            "同志们，让我们更加紧密地团结在党中央周围，为实现目标而努力奋斗！", "各位代表：", ""]
    rng = random.Random(10)
    for _ in range(400):
        lines = ["2026年某市政府工作报告"] + [rng.choice(pool) for _ in range(rng.randint(0, 12))]
        for doc in split_documents("r.txt", "\n".join(lines)):
            assign_sections(doc)
            assert all(p.section in SECTIONS for p in doc.paragraphs), lines
