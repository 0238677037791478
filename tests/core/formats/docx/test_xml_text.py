"""XML escaping matches the standard library's."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

import pytest

from editor.core.formats.docx.xml_text import escape_text, quote_attr


@pytest.mark.parametrize("s", ["", "黑体", "a&b<c>d", "“引号”", "Times New Roman", "x\ty\nz\r"])
def test_same_as_saxutils(s):
    assert escape_text(s) == escape(s)
    assert quote_attr(s) == quoteattr(s)


def test_double_quotes_in_attribute_are_escaped():
    from lxml import etree

    value = 'say "hi" & go'
    assert etree.fromstring("<a v=" + quote_attr(value) + "/>").get("v") == value
