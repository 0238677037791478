"""Document types and skeletons for File → New."""
from __future__ import annotations

from editor.core.model.headings import heading_level
from editor.core.model.outline import (
    BUILTIN_TYPES,
    build_document,
    chinese_number,
    corpus_texts,
    learn_types,
    type_of_title,
)
from editor.core.model.phrases import BLANK
from editor.core.resources import seed_corpus_dir


def test_type_of_title():
    assert type_of_title("疫情防控工作总结(二)") == "工作总结"
    assert type_of_title("　　领导干部疫情防控工作总结") == "工作总结"
    assert type_of_title("2024年春节期间疫情防控工作部署会上的讲话") == "讲话稿"
    assert type_of_title("全县应对秋冬季疫情防控工作会议讲话提纲") == "讲话稿"
    assert type_of_title("2022抗擊新冠疫情心得總結【多篇】", lambda s: s.replace("總結", "总结")) == "心得体会"
    assert type_of_title("一、下一步工作打算") is None
    assert type_of_title("我们认真做好了今年的工作总结。") is None


def test_learn_types_uses_corpus_headings_and_keeps_fallbacks():
    doc = "某局工作总结\n一、高度重视\n正文。\n二、存在不足\n正文。\n三、下步打算\n正文。\n"
    types = learn_types([doc, doc.replace("某局", "某县")], normalise=lambda s: s)
    assert types[0].name == "工作总结"
    assert types[0].seen == 2
    assert ("problems", "存在不足") in types[0].headings
    assert ("next_steps", "下步打算") in types[0].headings
    assert {t.name for t in types} == {t.name for t in BUILTIN_TYPES}


def test_learn_types_needs_two_documents_for_a_heading():
    types = learn_types(["某局工作总结\n二、存在不足\n"], normalise=lambda s: s)
    assert ("problems", "存在不足") not in types[0].headings


def test_seed_corpus_gives_summary_and_speech_types():
    types = learn_types(corpus_texts([seed_corpus_dir()]))
    seen = [t.name for t in types if t.seen]
    assert "工作总结" in seen
    assert "讲话稿" in seen
    summary = next(t for t in types if t.name == "工作总结")
    assert ("next_steps", "下一步工作打算") in summary.headings


def test_build_document_skeleton():
    summary = next(t for t in BUILTIN_TYPES if t.name == "工作总结")
    doc = build_document(summary)
    styles = [p.style for p in doc.paragraphs]
    assert styles[0] == "title"
    texts = [p.text for p in doc.paragraphs]
    headings = [t for t in texts if heading_level(t) == 1]
    assert headings == ["一、主要工作及成效", "二、存在的问题和不足", "三、下一步工作打算"]
    assert [p.style for p in doc.paragraphs if heading_level(p.text) == 1] == ["heading1"] * 3
    assert BLANK in doc.plain_text()


def test_chinese_number():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]
