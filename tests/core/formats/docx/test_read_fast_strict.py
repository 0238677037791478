"""The fast DOCX reader never accepts what lxml refuses, and never reads a paragraph differently."""
from __future__ import annotations

import pytest

from editor.core.errors import YukuError
from editor.core.formats.docx.read import read_docx
from editor.core.formats.docx.read_fast import FastBody
from editor.core.formats.docx.safety import open_docx
from tests.docx_fixtures import DOC_NS, _document_with, build_docx, para, run

SECT = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'


def _outcome(path, fast):
    """The model, or the message the file is refused with."""
    try:
        return read_docx(open_docx(path), fast=fast)
    except YukuError as exc:
        return str(exc)


# Bodies that are well-formed: both paths must build the same model.
SOUND = {
    "self_closing_rpr_then_formatted_runs": '<w:p><w:r><w:rPr/><w:t>一</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
                                            "<w:t>二</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>三</w:t></w:r></w:p>",
    "rpr_with_attributes_self_closing": '<w:p><w:r><w:rPr w:rsidR="1"/><w:t>一</w:t></w:r>'
                                        "<w:r><w:rPr><w:b/></w:rPr><w:t>二</w:t></w:r></w:p>",
    "slash_in_attribute": '<w:p w:rsidR="a/b"><w:r w:rsidR="c/d"><w:rPr><w:b/></w:rPr><w:t>斜杠</w:t></w:r></w:p>',
    "slash_in_rpr_attribute": '<w:p><w:r><w:rPr w:rsidR="a/b"><w:b/></w:rPr><w:t>一</w:t></w:r><w:r><w:rPr '
                              'w:rsidR="c/"/><w:t>二</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>三</w:t></w:r></w:p>',
    "gt_in_attribute": '<w:p w:rsidR="a&gt;b"><w:r><w:t>大于</w:t></w:r></w:p><w:p w:rsidR="x>y"><w:r><w:t>二</w:t></w:r></w:p>',
    "gt_and_brackets_in_text": para(run("a > b ]] c")),
    "w14_attributes": '<w:p w14:paraId="1A2B3C4D" w14:textId="77777777"><w:r><w:t>段落标识</w:t></w:r></w:p>',
    "proof_marks": '<w:p><w:proofErr w:type="spellStart"/><w:r><w:t>拼</w:t></w:r><w:proofErr w:type="spellEnd"/>'
                   "<w:r><w:t>写</w:t></w:r></w:p>",
    "comment_in_body": "<!-- 注释 -->" + para(run("注释后")),
    "comment_in_paragraph": "<w:p><w:r><w:t>前</w:t></w:r><!-- x --><w:r><w:t>后</w:t></w:r></w:p>",
    "processing_instruction": '<?yuku x="1"?>' + para(run("指令后")),
    "cdata_text": "<w:p><w:r><w:t><![CDATA[<w:p>不是段落</w:p>]]></w:t></w:r></w:p>",
    "references": para(run("&#x4E2D;&#25991;&amp;&lt;&gt;&quot;&apos;")),
    "single_quotes": "<w:p w:rsidR='00A1'><w:r w:rsidR='00A2'><w:t xml:space='preserve'> 单引号 </w:t></w:r></w:p>",
    "whitespace_in_tags": '<w:p\n  w:rsidR="1" ><w:r\tw:rsidR="2"><w:t xml:space = "preserve">空白</w:t></w:r></w:p>',
    "empty_paragraphs": "<w:p/><w:p></w:p><w:p><w:pPr/></w:p>",
    "table_then_paragraph": "<w:tbl><w:tr><w:tc>" + para(run("格")) + "</w:tc></w:tr></w:tbl>" + para(run("后")),
    "text_between_children": para(run("一")) + "\n\t " + para(run("二")),
    "nested_prefix_redeclared": f'<w:tbl xmlns:w="{DOC_NS.split(chr(34))[1]}"><w:tr><w:tc>'
                                + para(run("再声明")) + "</w:tc></w:tr></w:tbl>",
}


@pytest.mark.parametrize("name", sorted(SOUND))
def test_sound_bodies_read_the_same_by_both_paths(tmp_path, name):
    path = build_docx(tmp_path / f"{name}.docx", SOUND[name])
    fast, slow = _outcome(path, True), _outcome(path, False)
    assert not isinstance(slow, str), slow
    assert fast == slow


def test_plain_runs_keep_their_own_formats(tmp_path):
    path = build_docx(tmp_path / "f.docx", SOUND["self_closing_rpr_then_formatted_runs"])
    runs = read_docx(open_docx(path)).paragraphs[0].runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [("一", False, False), ("二", True, False),
                                                          ("三", False, True)]


def test_plain_documents_take_the_fast_path(tmp_path, monkeypatch):
    used: list[int] = []
    real = FastBody.read
    monkeypatch.setattr(FastBody, "read", lambda self, *a: used.append(1) or real(self, *a))
    for name in ("w14_attributes", "proof_marks", "table_then_paragraph", "gt_and_brackets_in_text"):
        read_docx(open_docx(build_docx(tmp_path / f"{name}.docx", SOUND[name])))
    assert len(used) == 4


# Parts lxml refuses: the fast path must refuse them too, with the same message.
def _doc(body: str, after: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {DOC_NS}>'
            f"<w:body>{body}{SECT}</w:body></w:document>{after}").encode()


MALFORMED = {
    "control_character": _doc(para(run("控制\x01字符"))),
    "bad_entity": _doc(para(run("前&bogus;后"))),
    "bare_ampersand": _doc(para(run("甲 & 乙"))),
    "reference_to_forbidden_char": _doc(para(run("&#1;"))),
    "reference_out_of_range": _doc(para(run("&#x110000;"))),
    "cdata_end_in_text": _doc(para(run("a]]>b"))),
    "noncharacter": _doc(para(run("\ufffe"))),
    "lt_in_attribute": _doc('<w:p w:rsidR="a<b"><w:r><w:t>x</w:t></w:r></w:p>'),
    "undeclared_prefix": _doc('<w:p foo:bar="1"><w:r><w:t>x</w:t></w:r></w:p>'),
    "unicode_space_in_tag": _doc('<w:p\u3000w:rsidR="1"><w:r><w:t>x</w:t></w:r></w:p>'),
    "mismatched_end_tag": _doc("<w:tbl><w:tr><w:tc>" + para(run("x")) + "</w:tr></w:tc></w:tbl>"),
    "unclosed_body_child": _doc("<w:tbl><w:tr>" + para(run("x"))),
    "garbage_after_root": _doc(para(run("x")), after="<w:p/>"),
    "text_after_root": _doc(para(run("x")), after="尾巴"),
    "truncated": _doc(para(run("x")))[:-40],
    "unquoted_attribute": _doc("<w:p w:rsidR=1><w:r><w:t>x</w:t></w:r></w:p>"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_parts_are_refused_as_lxml_refuses_them(tmp_path, name):
    path = _document_with(tmp_path / f"{name}.docx", MALFORMED[name])
    slow = _outcome(path, False)
    assert isinstance(slow, str), "the case must be one lxml refuses"
    assert _outcome(path, True) == slow
    assert str(path.name) in slow or "XML" in slow


def _tabbed(text: str) -> str:
    """A paragraph that is not plain (a tab inside its run): the lxml path reads it."""
    return f"<w:p><w:r><w:t>{text}</w:t><w:tab/><w:t>尾</w:t></w:r></w:p>"


def test_many_elements_that_are_not_plain_are_read_from_one_parse(tmp_path, monkeypatch):
    import editor.core.formats.docx.read_fast as fast_module

    one_by_one: list[str] = []
    real_element = FastBody.element
    monkeypatch.setattr(FastBody, "element", lambda self, xml: one_by_one.append(xml) or real_element(self, xml))
    finished: list[int] = []
    real_read = FastBody.read

    def read(self, *args):  # counts bodies the fast path read to the end (no fallback to lxml)
        out = real_read(self, *args)
        finished.append(len(out))
        return out

    monkeypatch.setattr(FastBody, "read", read)
    body = "".join(para(run(f"第{i}段"), run("粗", "<w:b/>")) + para(run(f"又{i}"))
                   + (_tabbed(f"表{i}") if i % 2 else f'<w:bookmarkStart w:id="{i}" w:name="b{i}"/>')
                   for i in range(3 * fast_module._MANY))
    path = build_docx(tmp_path / "mixed.docx", body)
    fast = read_docx(open_docx(path))
    assert fast == read_docx(open_docx(path), fast=False)
    assert len(fast.paragraphs) > 6 * fast_module._MANY
    assert finished == [len(fast.blocks)]
    # The first _MANY were parsed on their own (besides w:rPr / w:pPr texts), the rest came from the tree.
    assert len([x for x in one_by_one if not x.startswith("<w:p><w:r><w:rPr") and not x.startswith("<w:p><w:pPr")]) \
        == fast_module._MANY


def test_a_body_of_paragraphs_that_are_not_plain_goes_to_lxml_at_once(tmp_path, monkeypatch):
    used: list[int] = []
    real = FastBody.read
    monkeypatch.setattr(FastBody, "read", lambda self, *a: used.append(1) or real(self, *a))
    path = build_docx(tmp_path / "tabs.docx", "".join(_tabbed(f"第{i}段") for i in range(300)))
    doc = read_docx(open_docx(path))
    assert doc == read_docx(open_docx(path), fast=False)
    assert doc.paragraphs[5].text == "第5段\t尾"
    assert used == []


# Found in review: each was accepted, misread, slow or a crash on the fast path.
MALFORMED_REVIEW = {
    "unicode_digits_in_reference": _doc(para(run("A&#\uff16\uff15;B"))),
    "forbidden_reference_in_attribute": _doc('<w:p w:rsidR="&#1;"><w:r><w:t>x</w:t></w:r></w:p>'),
    "surrogate_reference_in_attribute": _doc('<w:p><w:r><w:t xml:space="&#xD800;">x</w:t></w:r></w:p>'),
    "huge_reference": _doc(para(run("&#" + "9" * 5000 + ";"))),
    "attributes_on_body_end": _doc(para(run("x"))).replace(b"</w:body>", b'</w:body w:x="1">'),
    "empty_body_end": _doc(para(run("x"))).replace(b"</w:body>", b"</w:body/>"),
    "unicode_space_in_body_end": _doc(para(run("x"))).replace(b"</w:body>", "</w:body\u3000>".encode()),
    "two_byte_order_marks": b"\xef\xbb\xbf\xef\xbb\xbf" + _doc(para(run("x"))),
}


@pytest.mark.parametrize("name", sorted(MALFORMED_REVIEW))
def test_review_cases_are_refused_as_lxml_refuses_them(tmp_path, name):
    path = _document_with(tmp_path / f"{name}.docx", MALFORMED_REVIEW[name])
    slow = _outcome(path, False)
    assert isinstance(slow, str), "the case must be one lxml refuses"
    assert _outcome(path, True) == slow


def test_w_bound_to_another_namespace_is_refused_as_lxml_refuses_it(tmp_path):
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="urn:other" xmlns:v="{main}">'
           f"<w:body>{para(run('x'))}</w:body></w:document>").encode()
    path = _document_with(tmp_path / "other_w.docx", xml)
    slow = _outcome(path, False)
    assert _outcome(path, True) == slow


SOUND_REVIEW = {
    "long_zero_padded_reference": para(run("&#" + "0" * 5000 + "65;")),
    "comment_after_many_elements": "".join(f'<w:bookmarkStart w:id="{i}" w:name="b{i}"/>' for i in range(70))
                                   + "<!-- c -->" + para(run("x")),
    "reference_between_many_elements": "".join(f'<w:bookmarkStart w:id="{i}" w:name="b{i}"/>' for i in range(70))
                                       + "&#32;" + para(run("x")),
}


@pytest.mark.parametrize("name", sorted(SOUND_REVIEW))
def test_review_sound_cases_read_the_same(tmp_path, name):
    path = build_docx(tmp_path / f"{name}.docx", SOUND_REVIEW[name])
    slow = _outcome(path, False)
    assert not isinstance(slow, str), slow
    assert _outcome(path, True) == slow


def test_root_start_tag_is_the_real_one_not_a_comment(tmp_path):
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><!-- <w:document xmlns:w="{main}" xmlns:foo="urn:A"> -->'
           f'<w:document {DOC_NS}><w:body><w:tbl><w:tr><w:tc>{para(run("格"))}</w:tc></w:tr></w:tbl>{SECT}'
           "</w:body></w:document>").encode()
    path = _document_with(tmp_path / "fake_root.docx", xml)
    assert _outcome(path, True) == _outcome(path, False)


def _time_of(path):
    import time

    start = time.perf_counter()
    _outcome(path, True)
    return time.perf_counter() - start


@pytest.mark.parametrize("unit", ["<", ' <a="'])
def test_stray_angle_brackets_cost_linear_time(tmp_path, unit):
    # Doubling the input must not quadruple the time (it did: 20,000 "<" in a comment took 33 s).
    small = build_docx(tmp_path / "small.docx", para(run("x")) + "<!--" + unit * 4000 + " -->")
    large = build_docx(tmp_path / "large.docx", para(run("x")) + "<!--" + unit * 16000 + " -->")
    _time_of(small)
    assert _time_of(large) < 8 * _time_of(small) + 0.05


def test_many_runs_of_one_format_merge_in_linear_time(tmp_path):
    small = build_docx(tmp_path / "small.docx", "<w:p>" + run("十个字的一段文字啊") * 5000 + "</w:p>")
    large = build_docx(tmp_path / "large.docx", "<w:p>" + run("十个字的一段文字啊") * 40000 + "</w:p>")
    _time_of(small)
    assert _time_of(large) < 16 * _time_of(small) + 0.1
    assert read_docx(open_docx(large)).paragraphs[0].text == "十个字的一段文字啊" * 40000


# Found in the second review.
def test_the_body_read_is_the_roots_first(tmp_path):
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for name, first in (("empty_first", "<w:body/>"), ("declaring_first", '<w:body xmlns:q="urn:q"></w:body>'),
                        ("other_prefix_first", f'<v:body xmlns:v="{main}"/>')):
        xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {DOC_NS}>{first}'
               f"<w:body>{para(run('第二个'))}</w:body></w:document>").encode()
        path = _document_with(tmp_path / f"{name}.docx", xml)
        assert _outcome(path, True) == _outcome(path, False), name


def test_lxml_size_limits_hold_for_plain_paragraphs(tmp_path):
    import random
    import string

    letters = "".join(random.Random(7).choices(string.ascii_letters, k=10_000_001))
    long_name = "w:" + "a" * 50_001
    cases = {
        "text_node": para(run("x")) * 3 + para(run(letters)),
        "attribute_value": para(run("x")) * 3 + f'<w:p w:rsidR="{letters}"><w:r><w:t>x</w:t></w:r></w:p>',
        "attribute_name": para(run("x")) * 3 + f'<w:p {long_name}="1"><w:r><w:t>x</w:t></w:r></w:p>',
    }
    for name, body in cases.items():
        path = build_docx(tmp_path / f"{name}.docx", body)
        slow = _outcome(path, False)
        assert isinstance(slow, str), name
        assert _outcome(path, True) == slow, name


def test_thousands_of_distinct_run_formats_switch_to_one_parse(tmp_path, monkeypatch):
    parsed: list[int] = []
    real_element = FastBody.element
    monkeypatch.setattr(FastBody, "element", lambda self, xml: parsed.append(len(xml)) or real_element(self, xml))
    body = "".join(para(run(f"第{i}段", f'<w:sz w:val="{20 + i}"/>')) for i in range(6000))
    path = build_docx(tmp_path / "sizes.docx", body)
    fast = read_docx(open_docx(path))
    assert fast == read_docx(open_docx(path), fast=False)
    assert fast.paragraphs[5999].runs[0].size == (20 + 5999) / 2
    assert len(parsed) < 6000  # the budget ran out: the rest came from one parse of the part


def test_a_huge_element_is_not_walked_token_by_token(tmp_path, monkeypatch):
    import editor.core.formats.docx.read_fast as fast_module

    big = "<w:tbl>" + "<w:tr><w:tc>" + "<w:bookmarkStart w:id=\"1\" w:name=\"b\"/>" * (fast_module._BIG + 10) \
        + para(run("格")) + "</w:tc></w:tr></w:tbl>"
    path = build_docx(tmp_path / "big.docx", para(run("前")) * 10 + big + para(run("后")))
    joined: list[int] = []
    real_element = FastBody.element
    monkeypatch.setattr(FastBody, "element", lambda self, xml: joined.append(len(xml)) or real_element(self, xml))
    fast = read_docx(open_docx(path))
    assert fast == read_docx(open_docx(path), fast=False)
    assert joined == []  # the table was taken from the tree, never joined from its tokens
    assert fast.paragraphs[-1].text == "后"


@pytest.mark.parametrize("props", ['<w:sz w:val="' + "9" * 400 + '"/>', '<w:spacing w:before="' + "9" * 400 + '"/>',
                                   '<w:ind w:left="' + "9" * 400 + '"/>', '<w:outlineLvl w:val="\u00b2"/>',
                                   '<w:ind w:firstLineChars="\u00b2"/>'])
def test_absurd_numbers_in_properties_are_ignored_not_a_crash(tmp_path, props):
    where = "rpr" if props.startswith("<w:sz") else "ppr"
    body = para(run("数", props if where == "rpr" else ""), ppr=props if where == "ppr" else "")
    path = build_docx(tmp_path / "numbers.docx", body)
    fast, slow = _outcome(path, True), _outcome(path, False)
    assert fast == slow
    assert fast.paragraphs[0].text == "数"


# Found in the third review.
@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_an_element_right_at_the_token_limit_is_read_once(tmp_path, monkeypatch, extra):
    import editor.core.formats.docx.read_fast as fast_module

    # Tokens of the table: <w:tbl>, per row <w:tr> <w:tc> (plain paragraph) </w:tc> </w:tr>, </w:tbl>.
    # With extra == 0 its closing tag is the token that passes the limit.
    rows = 8
    tokens = 2 + 5 * rows
    monkeypatch.setattr(fast_module, "_BIG", tokens - 1 + extra)
    table = "<w:tbl>" + "".join(f"<w:tr><w:tc>{para(run(f'格{r}'))}</w:tc></w:tr>" for r in range(rows)) + "</w:tbl>"
    path = build_docx(tmp_path / "edge.docx", para(run("前")) + table + para(run("后")))
    fast = read_docx(open_docx(path))
    assert fast == read_docx(open_docx(path), fast=False)
    assert sum(1 for b in fast.blocks if not hasattr(b, "runs")) == 1  # one table, not two


def test_a_comment_full_of_angle_brackets_goes_to_lxml_without_tokenising(tmp_path, monkeypatch):
    import editor.core.formats.docx.read_fast as fast_module

    tokenised: list[int] = []
    real = fast_module.FastBody.tokens
    monkeypatch.setattr(fast_module.FastBody, "tokens", lambda self: tokenised.append(1) or real(self))
    for name, tail in (("comment", "<!--" + "<1" * 2000 + "-->"), ("instruction", '<?x ' + "<a" * 2000 + "?>")):
        path = build_docx(tmp_path / f"{name}.docx", para(run("x")) + tail + para(run("y")))
        assert _outcome(path, True) == _outcome(path, False)
    assert tokenised == []


@pytest.mark.parametrize(("value", "points"), [("+24", 12.0), (" 24 ", 12.0), ("0000000024", 12.0), ("-0", 0.0)])
def test_schema_integers_with_sign_space_or_zeros_are_read(tmp_path, value, points):
    path = build_docx(tmp_path / "sz.docx", para(run("字", f'<w:sz w:val="{value}"/>')))
    fast = read_docx(open_docx(path))
    assert fast == read_docx(open_docx(path), fast=False)
    assert fast.paragraphs[0].runs[0].size == points
