"""decode_bytes: BOMs, strict UTF-8, UTF-16 without BOM, GBK/GB18030/Big5, and honest confidence."""
from __future__ import annotations

import pytest

from editor.core.formats.encoding import RELIABLE_CONFIDENCE, decode_bytes, normalise_label

TEXT = ("疫情防控阶段工作总结\n一、高度重视，加强领导\n成立以区委常委、宣传部部长为组长的宣传工作组，"
        "深入研究部署，落实宣传组各项责任。坚持以团结稳定鼓劲、正面宣传为主的方针，重点宣传党中央、"
        "国务院关于疫情防控工作部署；宣传各级各单位深入一线的先进典型。\n")
TRAD = ("疫情防控階段工作總結\n一、高度重視，加強領導\n成立以區委常委、宣傳部部長為組長的宣傳工作組，"
        "深入研究部署，落實宣傳組各項責任。堅持以團結穩定鼓勁、正面宣傳為主的方針，重點宣傳黨中央、"
        "國務院關於疫情防控工作部署；宣傳各級各單位深入一線的先進典型。裏外\n")


@pytest.mark.parametrize(("encoding", "reported"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", None), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
])
def test_simplified_text_in_every_encoding(encoding, reported):
    decoded = decode_bytes(TEXT.encode(encoding))
    assert decoded.text == TEXT  # no stray U+FEFF, nothing lost
    if reported:
        assert decoded.encoding == reported
    assert decoded.reliable


def test_big5_text_with_characters_plain_big5_lacks():
    decoded = decode_bytes(TRAD.encode("cp950"))
    assert decoded.text == TRAD
    assert decoded.encoding == "cp950"
    assert decoded.reliable


def test_gb18030_only_characters():
    text = TEXT + "㐀𠀀"  # outside GBK
    assert decode_bytes(text.encode("gb18030")).text == text


def test_short_ambiguous_text_is_reported_as_unsure():
    decoded = decode_bytes("高度重视".encode("gbk"))
    assert decoded.confidence < RELIABLE_CONFIDENCE
    assert not decoded.reliable


def test_garbage_never_raises():
    decoded = decode_bytes(bytes(range(128, 256)) * 3)
    assert isinstance(decoded.text, str)
    assert decoded.confidence < RELIABLE_CONFIDENCE


def test_labels():
    assert normalise_label("GB2312") == "gb18030"
    assert normalise_label("Big5") == "cp950"
    assert normalise_label("ascii") == "utf-8"
