"""Heading numbering recognition."""
from __future__ import annotations

import pytest

from editor.core.model.headings import heading_level, strip_numbering


@pytest.mark.parametrize(("line", "level"), [
    ("一、总体情况", 1), ("十二、其他", 1), ("（一）加强领导", 2), ("(三)压实责任", 2),
    ("1.强化宣传", 3), ("２．落实", 3), ("（1）细化方案", 4), ("(12)其他", 4),
    ("今年以来，我们", None), ("2022年工作", None), ("1.5倍", None), ("一是强化领导", None),
])
def test_levels(line, level):
    assert heading_level(line) == level


def test_strip_numbering():
    assert strip_numbering("　　一、高度重视，加强领导") == "高度重视，加强领导"
    assert strip_numbering("（二）压实责任") == "压实责任"
    assert strip_numbering("正文") == "正文"
