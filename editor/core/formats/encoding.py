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

# Below this confidence the GUI should show a preview and let the user pick the encoding.
RELIABLE_CONFIDENCE = 0.6
# Fewer non-ASCII bytes than this cannot tell GBK from Big5 (both decode without error).
_SHORT_SAMPLE = 40


@dataclass
class Decoded:
    """Text with the encoding it was read in and how sure we are (0-1)."""

    text: str
    encoding: str
    confidence: float

    @property
    def reliable(self) -> bool:
        """False when the user should confirm the encoding (short text or an unsure detector)."""
        return self.confidence >= RELIABLE_CONFIDENCE


def normalise_label(label: str) -> str:
    """Map detector labels to the codec that decodes them fully (GBK→gb18030, Big5→cp950)."""
    low = label.lower().replace("_", "-")
    if low in ("gb2312", "gbk", "gb18030", "euc-cn", "hz-gb-2312", "cp936", "iso-2022-cn"):
        return "gb18030"
    if low in ("big5", "big5-hkscs", "cp950", "big5hkscs"):
        return "cp950"
    if low in ("ascii", "us-ascii"):
        return "utf-8"
    return low


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or 0x20 <= code < 0x7F or ch in "\n\r\t" or 0x2010 <= code <= 0x2027)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the one byte order whose characters are Chinese text.

    GBK or Big5 bytes read as UTF-16 give Hangul, surrogates and private-use characters, never
    mostly ideographs, so a high share of plausible characters is a reliable sign.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8000]
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if sum(map(_plausible, text)) >= 0.95 * len(text):
            return codec
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode bytes: BOM, strict UTF-8, UTF-16 heuristics, then chardet; never raises."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data if name == "utf-8-sig" else data[len(bom):]
            return Decoded(body.decode(name, errors="replace"), name.replace("-sig", ""), 1.0)
    try:
        text = data.decode("utf-8")
        # Pure ASCII is valid in every candidate encoding: it is still read right either way.
        return Decoded(text, "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16, 0.9)
        except UnicodeDecodeError:
            pass
    import chardet

    guess = chardet.detect(data[:200_000])
    label = normalise_label(guess.get("encoding") or "gb18030")
    confidence = float(guess.get("confidence") or 0.0)
    if sum(1 for b in data[:4000] if b >= 0x80) < _SHORT_SAMPLE:
        confidence = min(confidence, RELIABLE_CONFIDENCE - 0.2)
    try:
        return Decoded(data.decode(label), label, confidence)
    except (UnicodeDecodeError, LookupError):
        pass
    # The guess does not decode cleanly: take the Chinese codec that does, else gb18030 with
    # replacement characters, and say we are unsure.
    for fallback in ("gb18030", "cp950"):
        try:
            return Decoded(data.decode(fallback), fallback, min(confidence, 0.3))
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode("gb18030", errors="replace"), "gb18030", 0.0)
