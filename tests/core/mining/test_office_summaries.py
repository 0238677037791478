"""An office's own summaries: the stock lines they all share come out as formulas (a user's first mine)."""
from __future__ import annotations

import pytest

from editor.core.corpus.dedupe import dedupe_paragraphs
from editor.core.corpus.structure import Document, Paragraph
from editor.core.mining.miner import mine_corpus

CLOSING = "新的一年，我们将以更加饱满的热情、更加务实的作风，奋力开创{}工作新局面，为全局高质量发展作出新的更大贡献。"
UNITS = {"人事科": ("人事", "坚持好干部标准，严格执行干部选拔任用工作条例，干部队伍结构进一步优化。",
                  "干部队伍年龄结构不够合理，年轻干部储备不足。", "持续优化干部队伍结构，加大年轻干部培养选拔力度。"),
         "财务科": ("财务", "严格执行预算管理制度，压减一般性支出，资金使用效益明显提高。",
                  "预算编制的精细化程度还不够高，个别项目执行进度偏慢。", "提高预算编制质量，加快预算执行进度。"),
         "信访科": ("信访", "畅通群众来信来访渠道，落实领导干部接访下访制度，信访秩序持续好转。",
                  "个别信访事项办理质量不高，群众满意度有待提升。", "健全源头预防化解机制，把矛盾纠纷化解在基层。"),
         "办公室": ("办公室", "加强文稿起草和督查督办，以文辅政水平不断提升，机关运转规范高效。",
                  "理论学习的系统性还不够强，调查研究不够深入。", "着力提升以文辅政水平，加强调查研究。")}


AWAITING = {"人事科": "教育培训的针对性", "财务科": "财务人员专业能力", "信访科": "矛盾纠纷排查质量",
            "办公室": "文稿起草的前瞻性"}


def _summary(unit: str) -> str:
    work, done, problem, plan = UNITS[unit]
    return "\n".join([f"2023年度{unit}工作总结", f"今年以来，{unit}在局党组的正确领导下，扎实推进各项工作。现将有关情况总结如下。",
                      "一、主要工作及成效", done, "二、存在的问题",
                      # One lead-sentence paragraph, as summaries write their shortcomings.
                      f"一是{problem}二是{AWAITING[unit]}有待提高。", "三、2024年工作打算", plan,
                      CLOSING.format(work)])


@pytest.fixture(scope="module")
def mined():
    return {p.text: p for p in mine_corpus([(f"{u}.txt", _summary(u)) for u in UNITS]).phrases}


def test_the_closing_every_summary_ends_on_is_offered_as_closing_templates(mined):
    for text in ("奋力开创___新局面", "为___作出新的更大贡献"):
        assert mined[text].section == "closing", text
        assert mined[text].doc_count >= 3, text  # counted in each summary after the first copy


def test_a_shortcoming_in_the_body_of_a_lead_sentence_paragraph_is_counted(mined):
    assert mined["有待提高"].section == "problems"
    assert mined["有待提高"].doc_count == 4


def test_a_year_keeps_its_unit_and_the_plan_heading_is_offered(mined):
    assert mined["___年工作打算"].section == "next_steps"
    assert mined["___年工作打算"].doc_count == 4
    assert mined["现将有关情况总结如下"].section == "opening"


def test_a_one_sentence_paragraph_two_documents_share_is_a_copy_and_three_make_it_stock():
    line = "在打赢疫情防控阻击战中，区宣传舆情组按照区委统一部署，全面动员，全面部署，全面发声。"
    a, b = Document("a", paragraphs=[Paragraph(line)]), Document("b", paragraphs=[Paragraph(line)])
    dedupe_paragraphs([a, b])
    assert [len(d.paragraphs) for d in (a, b)] == [1, 0]  # the same summary pasted into two files
    docs = [Document(f"d{i}", paragraphs=[Paragraph(CLOSING.format(w))]) for i, w in enumerate(("人事", "财务", "信访", "办公室"))]
    dedupe_paragraphs(docs)
    assert [len(d.paragraphs) for d in docs] == [1, 0, 1, 1]
