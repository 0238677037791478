"""The in-memory phrase index: filtering in both scripts, grouping, suggestions."""
from __future__ import annotations

from editor.core.bank.phrase_index import PhraseIndex
from editor.core.model.phrases import Phrase


def make_index():
    return PhraseIndex([
        Phrase("高度重视，加强领导", "measures", "heading", 5, id=1),
        Phrase("加強組織領導", "measures", "collocation", 4, id=2),
        Phrase("下一步工作打算", "next_steps", "heading", 9, id=3),
        Phrase("存在问题", "problems", "heading", 1, id=4, hidden=True),
        Phrase("同志们", "closing", "collocation", 3, id=5, favourite=True),
    ])


def texts(index, result):
    return {g: [index.phrases[i].text for i in ids] for g, ids in result.items()}


def test_empty_query_groups_visible_phrases_best_first():
    index = make_index()
    got = texts(index, index.filter(""))
    assert list(got) == [("measures", "heading"), ("measures", "collocation"), ("next_steps", "heading"),
                         ("closing", "collocation")]
    assert "存在问题" not in str(got)
    assert ("problems", "heading") in index.filter("", include_hidden=True)


def test_one_character_query_matches_both_scripts():
    index = make_index()
    got = texts(index, index.filter("领"))
    assert got == {("measures", "heading"): ["高度重视，加强领导"],
                   ("measures", "collocation"): ["加強組織領導"]}
    assert texts(index, index.filter("領導")) == got


def test_narrowing_and_widening_queries_are_both_right():
    index = make_index()
    assert len(index.filter("加")) == 2
    assert texts(index, index.filter("加强领")) == {("measures", "heading"): ["高度重视，加强领导"]}
    assert len(index.filter("加")) == 2  # widening again must not reuse the narrower result
    assert index.filter("不存在的词") == {}


def test_match_span_in_shown_script():
    index = make_index()
    i = index.phrases.index(next(p for p in index.phrases if p.id == 1))
    assert index.match_span(i, "领导") == (7, 9)
    assert index.match_span(i, "領導", shown="高度重視，加強領導") == (7, 9)
    assert index.match_span(i, "") is None


def test_continuations_prefer_longest_typed_tail():
    index = make_index()
    got = [(index.phrases[i].text, n) for i, n in index.continuations("我们要高度重")]
    assert got == [("高度重视，加强领导", 3)]
    got = [(index.phrases[i].text, n) for i, n in index.continuations("今年加強")]
    assert got == [("加強組織領導", 2)]
    assert index.continuations("存在") == []  # hidden phrases are not offered
    assert index.continuations("同志们") == []  # nothing left to add
    assert index.continuations("下") == []  # one character is too few


def test_favourites_rank_first_and_position_of():
    index = make_index()
    assert index.phrases[0].text == "同志们"
    assert index.phrases[index.position_of(3)].text == "下一步工作打算"


def test_pair_postings_give_the_same_answers(monkeypatch):
    import random

    from editor.core.bank import phrase_index

    monkeypatch.setattr(phrase_index, "PAIR_MIN_PHRASES", 1)
    rng = random.Random(7)
    alphabet = "工作推进安全加强领导組織"
    phrases = [Phrase("".join(rng.choice(alphabet) for _ in range(rng.randint(2, 9))), rng.choice(["measures", "general"]),
                      "collocation", rng.random(), id=n, hidden=n % 17 == 0) for n in range(400)]
    plain = PhraseIndex(phrases)
    paired = PhraseIndex(phrases)
    paired.build_pairs()
    assert paired._pairs is not None
    for query in ["工", "工作", "作工", "安全", "加强领导", "组织", "組織", "工作推", "x", "全安全", ""]:
        plain._last = None
        want = plain.filter(query)
        assert paired.filter(query) == want, query
        brute = sorted(i for i, p in enumerate(plain.phrases)
                       if not p.hidden and plain.normalise_query(query) in plain.keys[i])
        assert sorted(i for ids in want.values() for i in ids) == brute, query


def test_set_flags_in_place_matches_a_rebuild(monkeypatch):
    from editor.core.bank import phrase_index

    monkeypatch.setattr(phrase_index, "PAIR_MIN_PHRASES", 1)
    index = make_index()
    index.build_pairs()
    pos = index.position_of(1)
    index.set_flags(pos, hidden=True)
    assert texts(index, index.filter("领导")) == {("measures", "collocation"): ["加強組織領導"]}
    assert texts(index, index.filter("加强")) == {("measures", "collocation"): ["加強組織領導"]}
    assert all(index.phrases[i].id != 1 for i, _ in index.continuations("高度"))
    index.set_flags(pos, hidden=False, favourite=True)
    assert texts(index, index.filter("领导"))[("measures", "heading")] == ["高度重视，加强领导"]
    assert index.phrases[pos].favourite
    assert [index.phrases[i].text for i, _ in index.continuations("高度")] == ["高度重视，加强领导"]
    hidden = index.position_of(4)
    index.set_flags(hidden, hidden=False)
    assert texts(index, index.filter("问")) == {("problems", "heading"): ["存在问题"]}
