"""`yuku check`: findings with rule and source, JSON, exit codes 0/1/2, --fix for drafts and DOCX."""
from __future__ import annotations

import json

from editor.cli import main

BAD = ("---\n类型: 请示\n签发人: 张三\n发文字号: 江政[2024]第012号\n成文日期: 2024.5.30\n---\n"
       "关于申请经费的请示。\n市政府:\n一、基本情况\n三、申请事项\n请于二〇二四年6月前批复,\"专项资金\"___。\n"
       "附件:1、经费预算表。\n江城市人民政府\n2024年5月30日\n")
GOOD = ("关于做好防汛工作的通知\n各区人民政府：\n一、总体要求\n（一）加强领导。各区要落实责任。\n"
        "二、工作措施\n加强巡查。\n江城市人民政府\n2024年5月30日\n")


def test_json_findings_name_rule_source_line_excerpt_and_fix(tmp_path, capsys):
    draft = tmp_path / "bad.txt"
    draft.write_text(BAD, encoding="utf-8")
    assert main(["check", str(draft), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in findings} >= {"docnum.brackets", "docnum.di", "docnum.zero", "date.form",
                                             "title.punct", "punct.halfwidth", "numbering.skip", "numbers.mixed",
                                             "punct.quotes", "blanks.unfilled", "attach.form"}
    for f in findings:
        assert set(f) == {"rule", "source", "severity", "line", "excerpt", "message", "fix"}
        assert f["source"].startswith(("GB/T 9704-2012", "GB/T 15834-2011", "GB/T 15835-2011", "党政机关"))
    brackets = next(f for f in findings if f["rule"] == "docnum.brackets")
    assert (brackets["line"], brackets["excerpt"], brackets["fix"]) == (4, "[2024]", "〔2024〕")
    skip = next(f for f in findings if f["rule"] == "numbering.skip")
    assert skip["line"] == 10
    assert skip["fix"] is None


def test_fix_writes_every_certain_fix_and_keeps_the_rest(tmp_path, capsys):
    draft = tmp_path / "bad.txt"
    draft.write_text(BAD, encoding="utf-8")
    out = tmp_path / "fixed.txt"
    assert main(["check", str(draft), "--fix", str(out)]) == 1
    fixed = out.read_text(encoding="utf-8")
    assert "发文字号: 江政〔2024〕12号" in fixed
    assert "成文日期: 2024年5月30日" in fixed
    assert "\n关于申请经费的请示\n市政府：\n" in fixed
    assert "请于2024年6月前批复，“专项资金”___。" in fixed
    assert "附件：1.经费预算表\n" in fixed
    capsys.readouterr()
    assert main(["check", str(out), "--json"]) == 1
    left = {f["rule"] for f in json.loads(capsys.readouterr().out)}
    assert left == {"numbering.skip", "blanks.unfilled"}  # no certain fix for these


def test_clean_draft_exits_zero(tmp_path):
    draft = tmp_path / "good.txt"
    draft.write_text(GOOD, encoding="utf-8")
    assert main(["check", str(draft)]) == 0


def test_type_option_asks_for_the_parts_of_that_type(tmp_path, capsys):
    draft = tmp_path / "good.txt"
    draft.write_text("关于做好防汛工作的安排\n加强巡查。\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 0
    assert main(["check", str(draft), "--type", "通知", "--json"]) == 1
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)}
    assert rules == {"parts.main", "parts.signature"}


def test_bad_input_exits_two_with_one_line(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("yuku: ")
    assert "missing.txt" in err[0]
    unclosed = tmp_path / "open.txt"
    unclosed.write_text("---\n类型: 通知\n标题\n", encoding="utf-8")
    assert main(["check", str(unclosed)]) == 2
    assert "---" in capsys.readouterr().err
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF")
    assert main(["check", str(other)]) == 2
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04garbage")
    assert main(["check", str(broken)]) == 2


def test_docx_is_checked_by_paragraph_and_fixed_in_place(tmp_path, capsys):
    draft = tmp_path / "n.txt"
    draft.write_text("关于做好防汛工作的通知\n各区人民政府:\n一、总体要求\n加强巡查,落实责任。\n"
                     "江城市人民政府\n2024年5月30日\n", encoding="utf-8")
    docx_path = tmp_path / "n.docx"
    assert main(["export", str(draft), str(docx_path)]) == 0
    capsys.readouterr()
    assert main(["check", str(docx_path), "--json", "--fix", str(tmp_path / "f.docx")]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["line"], f["excerpt"]) for f in findings] == [
        ("punct.halfwidth", 2, ":"), ("punct.halfwidth", 4, ",")]
    assert main(["check", str(tmp_path / "f.docx")]) == 0
