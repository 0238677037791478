"""The front matter of a draft: the standard's keys, multi-line values, round trip, bad blocks."""
from __future__ import annotations

import pytest

from editor.core.gongwen import front_matter, types
from editor.core.gongwen.parts import Parts

ISSUE_EXAMPLE = """---
类型: 通知
发文机关标志: 江城市人民政府办公室文件
发文机关署名: 江城市人民政府办公室
发文字号: 江政办发〔2024〕12号
主送: 各区人民政府，市政府各委、办、局
附件: 1. 江城市城市更新重点任务清单
  2. 江城市城市更新工作联络人名单
成文日期: 2024年5月30日
抄送: 市委各部门，市人大常委会办公厅
印发机关: 江城市人民政府办公室
印发日期: 2024年5月31日
---
关于推进城市更新工作的通知
正文。
"""


def test_the_issue_example_reads_into_its_parts():
    fm = front_matter.split(ISSUE_EXAMPLE)
    p = fm.parts
    assert p.doc_type == "通知"
    assert p.issuer_marks == ["江城市人民政府办公室文件"]
    assert p.doc_number == "江政办发〔2024〕12号"
    assert p.main_recipients == "各区人民政府，市政府各委、办、局"
    assert p.attachments == ["江城市城市更新重点任务清单", "江城市城市更新工作联络人名单"]
    assert p.date == "2024年5月30日"
    assert p.copy_to == "市委各部门，市人大常委会办公厅"
    assert (p.printer, p.print_date) == ("江城市人民政府办公室", "2024年5月31日")
    assert fm.body.startswith("关于推进城市更新工作的通知\n")
    assert fm.body_line == 14
    assert fm.key_lines["附件"] == 7
    assert fm.key_lines["成文日期"] == 9


def test_other_keys_aliases_and_full_width_colons():
    fm = front_matter.split("---\n份号：000123\n密级: 机密★1年\n紧急程度: 特急\n签发人: 张三、李四\n"
                            "附注: （联系人：王五，电话：12345678）\n文号: 江政〔2024〕3号\n主送机关: 市政府\n"
                            "发文机关标志: 江城市人民政府\n  江城市财政局\n---\n标题\n")
    p = fm.parts
    assert (p.copy_number, p.secrecy, p.urgency) == ("000123", "机密★1年", "特急")
    assert p.signers == ["张三", "李四"]
    assert p.note == "（联系人：王五，电话：12345678）"
    assert p.doc_number == "江政〔2024〕3号"
    assert p.main_recipients == "市政府"
    assert p.issuer_marks == ["江城市人民政府", "江城市财政局"]  # joint issuance


def test_unknown_keys_are_reported_not_lost():
    fm = front_matter.split("---\n类型: 函\n颜色: 红\n---\n标题\n")
    assert fm.unknown == [(3, "颜色")]
    assert fm.parts.doc_type == "函"


def test_no_front_matter_means_the_whole_text_is_the_body():
    fm = front_matter.split("标题\n---\n正文")
    assert fm.parts.is_empty()
    assert fm.body == "标题\n---\n正文"
    assert fm.body_line == 1


def test_an_unclosed_block_is_an_error_that_says_what_to_do():
    with pytest.raises(front_matter.FrontMatterError, match="---"):
        front_matter.split("---\n类型: 通知\n标题\n正文\n")


def test_write_and_read_back_give_the_same_parts():
    fm = front_matter.split(ISSUE_EXAMPLE)
    again = front_matter.split(front_matter.write(fm.parts, fm.body))
    assert again.parts == fm.parts
    assert again.body == fm.body
    assert front_matter.write(Parts(), "正文") == "正文"


@pytest.mark.parametrize("name", list(types.TYPES))
def test_every_type_outline_reads_back_as_that_type_with_blanks(name):
    fm = front_matter.split(types.outline(name))
    assert fm.parts.doc_type == name
    assert "___" in fm.body
    t = types.TYPES[name]
    for key in t.required:
        assert fm.parts.get(key), (name, key)


def test_types_from_titles():
    assert types.from_title("国务院办公厅关于黄金经济政策有关问题的复函").name == "函"
    assert types.from_title("关于召开专题会议的会议纪要").name == "纪要"
    assert types.from_title("关于申请经费的请示").upward
    assert types.from_title("国家职业教育改革实施方案") is None
