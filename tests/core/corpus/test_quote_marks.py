"""Entries are counted without quotation marks but shown with them, as their documents write them."""
from __future__ import annotations

from editor.core.corpus.normalize import with_quote_marks
from editor.core.mining.miner import mine_corpus


def test_an_entry_takes_back_the_quotation_marks_its_example_gives_it():
    assert with_quote_marks("坚决做到两个维护", "要坚决做到“两个维护”，不断提高…") == "坚决做到“两个维护”"
    assert with_quote_marks("实现十五五良好开局", "奋力实现“十五五”良好开局") == "实现“十五五”良好开局"
    assert (with_quote_marks("增强四个意识、坚定四个自信、做到两个维护", "增强“四个意识”、坚定“四个自信”、做到“两个维护”")
            == "增强“四个意识”、坚定“四个自信”、做到“两个维护”")


def test_marks_that_enclose_the_whole_entry_or_do_not_pair_stay_out():
    assert with_quote_marks("疫情就是命令，防控就是责任", "牢记“疫情就是命令，防控就是责任”。") == "疫情就是命令，防控就是责任"
    assert with_quote_marks("两个维护", "坚决做到“两个维护”") == "两个维护"
    assert with_quote_marks("做到两个", "坚决做到“两个维护”") == "做到两个"  # “ without its ”
    assert with_quote_marks("现将___通知如下", "现将“有关”事项通知如下") == "现将___通知如下"


def test_the_bank_shows_the_marks():
    fields = ["城乡规划", "水利设施", "职业教育", "医疗保障", "文化市场", "交通网络", "粮食生产", "科技创新"]
    docs = []
    for i, field in enumerate(fields):
        own = "".join(f"加强{fields[(i + k) % 8]}建设，投资{i * 7 + k}亿元。" for k in range(1, 4))
        docs.append((f"{i}.txt", f"关于{field}工作的总结\n一、主要做法\n各单位提高站位，坚决做到“两个维护”，推进{field}工作。{own}"))
    texts = {p.text for p in mine_corpus(docs).phrases}
    assert "坚决做到“两个维护”" in texts, texts
    assert "坚决做到两个维护" not in texts


def test_an_example_holds_its_phrase_however_far_into_the_sentence_it_lies():
    from editor.core.corpus.normalize import excerpt

    sentence = "，".join(f"加强第{i}项工作" for i in range(60)) + "，实现“十五五”良好开局。"
    shown = excerpt(sentence, "实现“十五五”良好开局")
    assert len(shown) <= 300
    assert shown == "…实现“十五五”良好开局。"  # from the clause's start, the clause before it too far back
    assert excerpt("短句，实现良好开局。", "实现良好开局") == "短句，实现良好开局。"
    assert excerpt(sentence, "加强第1项工作") == sentence[:300]  # already in the sentence's opening
    assert excerpt(sentence, "不在句中") == sentence[:300]
    # The text's own place, not an earlier sentence part sharing its words; no … before a sentence's start.
    repeated = "坚持“两个毫不动摇”，" + sentence[:300] + "推动“两个毫不动摇”落地见效。"
    assert "推动“两个毫不动摇”落地见效" in excerpt(repeated, "推动“两个毫不动摇”落地见效")
    assert excerpt("一二" + "三" * 400, "二" + "三" * 299) == "一二" + "三" * 298


_WORDS = ("道路", "桥梁", "学校", "医院", "公园", "广场", "水库", "电站", "仓库", "码头", "车站", "机场", "工厂", "农场",
          "林场", "牧场", "港口", "隧道", "管网", "堤坝", "书屋", "剧场", "球场", "泳池", "食堂", "宿舍", "厂房", "园区",
          "社区", "村庄", "街道", "集市", "商场", "超市", "银行", "邮局", "药店", "诊所", "茶园", "果园")


def _long_sentence_summaries(last: str) -> list[tuple[str, str]]:
    """Eight summaries whose one sentence ends in `last` ({field}: the summary's field) after some 400 characters."""
    fields = ["城乡规划", "水利设施", "职业教育", "医疗保障", "文化市场", "交通网络", "粮食生产", "科技创新"]
    docs = []
    for i, field in enumerate(fields):
        # Each document's own clauses (never copies of another's), 44 of them before the last.
        clauses = "，".join(f"推进{_WORDS[(i * 5 + k) % 40]}{_WORDS[(i * 11 + k * 3) % 40]}{_WORDS[(i + k * 7) % 40]}"
                           for k in range(1, 45))
        docs.append((f"{i}.txt", f"关于{field}工作的总结\n一、主要做法\n今年，{clauses}，{last.format(field=field)}。"))
    return docs


def test_marks_come_back_beyond_a_long_sentences_opening():
    # A report's sentence runs to hundreds of characters; the phrase at its end kept no marks when
    # they were looked for in the sentence's first 200 (counting) or 300 (assembling) characters only.
    phrases = [p for p in mine_corpus(_long_sentence_summaries("奋力实现“十五五”良好开局")).phrases if "良好开局" in p.text]
    assert phrases
    for p in phrases:
        assert "“十五五”良好开局" in p.text
        assert p.text in p.example


def test_a_window_far_into_a_long_sentence_is_shown_in_its_example():
    # A window inside a clause of the document's own (counted in clauses, not a clause of its own).
    docs = _long_sentence_summaries("{field}战线要进一步加强统筹协调")
    [phrase] = [p for p in mine_corpus(docs).phrases if "统筹协调" in p.text]
    assert phrase.text in phrase.example
    assert phrase.example.startswith("…推进")  # from the clause before it, marked as cut
