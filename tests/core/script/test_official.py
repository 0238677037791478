"""Conversion of the 公文要素: values convert; keys, 类型 and a 发文机关标志's closing 文件 do not."""
from __future__ import annotations

from editor.core.script.official import convert_draft, convert_part, converted_part_properties


def test_red_head_keeps_its_closing_word_in_every_config():
    for config in ("s2t", "s2tw", "s2twp", "s2hkp"):
        assert convert_part("发文机关标志", "江城市发展局文件\n江城市财政局文件 ", config).endswith("局文件 ")
    assert convert_part("发文机关标志", "江城市发展局文件", "s2twp") == "江城市發展局文件"
    assert convert_part(None, "江城市发展局文件", "s2twp") == "江城市發展局檔案"  # body text: the config's word
    assert convert_part("主送", "各有关文件", "s2twp") == "各有關檔案"


def test_type_and_protected_terms():
    assert convert_part("类型", "决定", "s2t") == "决定"
    assert convert_part("发文机关署名", "余小明", "s2t", ["余小明"]) == "余小明"
    props = {"Yuku.公文.类型": "决议", "Yuku.公文.主送": "各单位", "Yuku.other": "头发", "Yuku.公文.附注": "A"}
    assert converted_part_properties(props, "s2t") == {"Yuku.公文.主送": "各單位"}


def test_draft_block_keys_kept_values_and_body_converted():
    draft = ("\ufeff---\n类型: 决定\n主送：各单位\n签发人: 张三\n  李四\n# 注释里的头发\n\n自定: 头发\n---\n"
             "头发\n")
    assert convert_draft(draft, "s2t") == ("\ufeff---\n类型: 决定\n主送：各單位\n签发人: 張三\n  李四\n"
                                           "# 註釋裏的頭髮\n\n自定: 頭髮\n---\n頭髮\n")


def test_no_block_or_an_open_one_is_plain_text():
    assert convert_draft("头发\n---\n", "s2t") == "頭髮\n---\n"
    assert convert_draft("---\n主送: 各单位\n头发", "s2t") == "---\n主送: 各單位\n頭髮"  # never closed: text
    assert convert_draft("", "s2t") == ""
    assert convert_draft("---\n---\n头发", "s2t") == "---\n---\n頭髮"


def test_a_red_head_line_in_the_body_keeps_its_word_and_other_lines_do_not():
    from editor.core.script.official import paragraph_terms
    from editor.core.script.run_mapping import convert_runs

    assert paragraph_terms("中共江城市委员会文件") == ("文件",)
    assert paragraph_terms("关于印发有关文件") == ()  # a title, not a 版头
    assert paragraph_terms("一、学习上级文件") == ()
    assert convert_runs(["江城市发展", "局文", "件"], "s2twp") == ["江城市發展", "局文", "件"]
    assert convert_runs(["认真学习上级文件"], "s2twp") == ["認真學習上級檔案"]
