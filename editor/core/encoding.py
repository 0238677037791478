"""Decode text files in any common Chinese encoding (HAZARDS.md: BOM, strict UTF-8, detector)."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Decoded:
    """Text with the encoding it was read in and how sure we are."""

    text: str
    encoding: str
    confidence: float


def normalise_label(label: str) -> str:
    """Map detector labels to the codec that decodes them fully (GBK→gb18030, Big5→cp950)."""
    low = label.lower().replace("_", "-")
    if low in ("gb2312", "gbk", "gb18030", "euc-cn", "hz-gb-2312", "cp936"):
        return "gb18030"
    if low in ("big5", "big5-hkscs", "cp950"):
        return "cp950"
    return low


def decode_bytes(data: bytes) -> Decoded:
    """Decode bytes: BOM, then strict UTF-8, then a detector; never raises."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec = "utf-8-sig" if name == "utf-8-sig" else name
            body = data if codec == "utf-8-sig" else data[len(bom):]
            return Decoded(body.decode(codec, errors="replace"), codec.replace("-sig", ""), 1.0)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    import chardet

    guess = chardet.detect(data[:200_000])
    label = normalise_label(guess.get("encoding") or "gb18030")
    try:
        return Decoded(data.decode(label), label, float(guess.get("confidence") or 0.0))
    except (UnicodeDecodeError, LookupError):
        return Decoded(data.decode("gb18030", errors="replace"), "gb18030", 0.0)
