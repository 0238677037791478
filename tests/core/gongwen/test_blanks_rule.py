"""Blanks to fill are listed a line at a time: a fresh template is not twenty findings."""
from __future__ import annotations

from editor.core.gongwen.check.runner import run_checks
from editor.core.gongwen.source import from_text


def test_a_date_to_fill_is_one_finding_naming_its_blanks():
    text = "关于___的通知\n各区人民政府：\n现将有关事项通知如下。\n江城市人民政府\n___年___月___日\n"
    blanks = [f for f in run_checks(from_text(text)) if f.rule == "blanks.unfilled"]
    assert [(f.line, f.excerpt, f.column) for f in blanks] == [(1, "___", 2), (5, "___", 0)]
    assert "3 处" in blanks[1].message
    assert "3 处" not in blanks[0].message
