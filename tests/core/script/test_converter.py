"""core.script and core.script_mapping: configs, conversion, protected terms, script detection, run mapping."""
from __future__ import annotations

import json

import pytest

from editor.core.script import converter as script
from editor.core.script.protected_terms import load_terms, parse_terms, risky_names, save_terms
from editor.core.script.run_mapping import align, convert_runs, convert_spans
from editor.core.settings import Settings
from tests import DATA_ROOT

CASES_FILE = DATA_ROOT / "opencc" / "testcases.json"


def upstream_cases() -> list[tuple[str, str, str, str]]:
    """(case id, config, input, expected) for every upstream OpenCC case."""
    data = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    return [(c["id"], cfg, c["input"], exp) for c in data["cases"] for cfg, exp in c["expected"].items()]


def test_upstream_cases_are_all_there():
    cases = upstream_cases()
    assert len(cases) == 543
    assert (CASES_FILE.parent / "LICENSE").exists()
    assert (CASES_FILE.parent / "README.md").exists()


def test_configs_cover_every_shipped_config_with_chinese_names():
    import opencc

    shipped = {c[:-5] for c in opencc.CONFIGS}
    ids = [cid for cid, _ in script.CONFIGS]
    assert set(ids) == shipped
    assert ids[0] == "s2t"
    names = dict(script.CONFIGS)
    assert names["s2t"] == "简→繁"
    assert names["s2tw"] == "简→繁(台湾)"
    assert names["s2twp"] == "简→繁(台湾用语)"
    assert names["s2hk"] == "简→繁(香港)"
    assert names["t2s"] == "繁→简"
    assert all(name != cid for cid, name in script.CONFIGS)


def test_default_directions_never_swap_vocabulary():
    assert script.convert_text("发布软件", "s2t") == "發佈軟件"
    assert script.convert_text("发布软件", "s2tw") == "發佈軟件"
    assert script.convert_text("发布软件", "s2twp") == "釋出軟體"
    assert "s2t" not in script.VOCABULARY_CONFIGS


def test_unknown_config_is_refused():
    with pytest.raises(script.UnknownConfig):
        script.convert_text("头发", "s2x")
    with pytest.raises(script.UnknownConfig):
        script.converter("../../etc/passwd")


def test_converter_is_cached():
    assert script.converter("s2t") is script.converter("s2t")


@pytest.mark.parametrize(("case_id", "config", "text", "expected"), upstream_cases())
def test_upstream_case_as_text(case_id, config, text, expected):
    assert script.convert_text(text, config) == expected


@pytest.mark.parametrize(("case_id", "config", "text", "expected"), upstream_cases())
def test_upstream_case_one_run_per_character(case_id, config, text, expected):
    runs = convert_runs(list(text), config)
    assert "".join(runs) == expected
    assert len(runs) == len(text)
    if len(text) == len(expected) and config not in script.VOCABULARY_CONFIGS:
        # Same length: every character keeps its own run, so its own formatting.
        assert runs == list(expected)


def test_phrase_across_runs_converts_as_phrase():
    # 头|发 split over two runs: converting runs alone would give 頭發.
    assert convert_runs(["头", "发"], "s2t") == ["頭", "髮"]
    assert convert_runs(["发", "展了头", "发"], "s2t") == ["發", "展了頭", "髮"]


def test_length_changing_phrase_lands_on_its_own_runs():
    runs = convert_runs(["我的", "U", "盘", "坏了"], "s2twp")
    assert "".join(runs) == "我的隨身碟壞了"
    assert runs[0] == "我的"
    assert runs[3] == "壞了"
    assert runs[1] + runs[2] == "隨身碟"
    assert runs[1]
    assert runs[2]


def test_alignment_is_monotone_and_complete():
    src = "我们在老挝的服务器的硬盘需要使用互联网算法软件解决异步的问题。"
    out, owners = convert_spans(src, "s2twp")
    assert len(owners) == len(out)
    assert owners == sorted(owners)
    assert owners[0] == 0
    assert owners[-1] == len(src) - 1
    assert align("", "", "s2t") == []


def test_protected_terms_stay_and_neighbours_convert():
    text = "余小明同志在发展头发，于谦、范冰冰，余下的人"
    out = script.convert_text(text, "s2t", ["余小明", "于谦"])
    assert out.startswith("余小明同志在發展頭髮")
    assert "于謙" not in out
    assert "于谦" in out
    assert out.endswith("餘下的人")
    assert script.convert_text(text, "s2t").startswith("餘小明")


def test_protected_longest_term_wins():
    assert script.protected_spans("余小明余小", ["余小", "余小明"]) == [(0, 3), (3, 5)]


def test_protected_terms_across_runs_keep_their_runs():
    runs = convert_runs(["余", "小明", "发", "展"], "s2t", ["余小明"])
    assert runs == ["余", "小明", "發", "展"]


def test_detect_script():
    assert script.detect_script("这是简体中文，发展经济") == "simplified"
    assert script.detect_script("這是繁體中文，發展經濟") == "traditional"
    assert script.detect_script("这是简体中文。這是繁體中文。") == "mixed"
    assert script.detect_script("abc 123") == "none"
    assert script.detect_script("") == "none"
    # One traditional name in a long simplified text does not make it mixed.
    assert script.detect_script("关于进一步加强经济发展的工作总结报告，认真贯彻落实会议精神" * 5 + "劉") == "simplified"


def test_to_simplified_normalises_search_keys():
    assert script.to_simplified("頭髮發展") == "头发发展"
    assert script.to_simplified("") == ""
    assert script.to_script("头发", "traditional") == "頭髮"
    assert script.to_script("頭髮", "simplified") == "头发"
    assert script.to_script("头发", "none") == "头发"


def test_protected_terms_store(yuku_home):
    settings = Settings()
    assert load_terms(settings) == []
    assert save_terms([" 余小明 ", "", "范冰", "余小明"], settings) == ["余小明", "范冰"]
    assert load_terms(Settings()) == ["余小明", "范冰"]
    assert parse_terms("余小明，范冰\n于谦、 ；游泳队") == ["余小明", "范冰", "于谦", "游泳队"]


def test_risky_names_hint():
    assert risky_names("余小明同志、范冰，于谦主任讲话", known=["范冰"]) == ["余小明", "于谦"]
