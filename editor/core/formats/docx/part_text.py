"""document.xml as checked text: its encoding, characters, references and lengths, as lxml would."""
from __future__ import annotations

import re

# Bytes that are characters XML 1.0 allows (as UTF-8, every byte of U+0080 and above counts).
_XML_BYTES = bytes([9, 10, 13, *range(32, 256)])
_REF = re.compile(r"&(?:#([0-9]+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_BAD_REF = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)")
_NUM_REF = re.compile(r"&#(?:([0-9]+)|x([0-9a-fA-F]+));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
XML_DECL = re.compile(r"""<\?xml(?:\s+version\s*=\s*(?:"[^"]*"|'[^']*'))?(?:\s+encoding\s*=\s*(["'])([^"']*)\1)?"""
                   r"""(?:\s+standalone\s*=\s*(?:"[^"]*"|'[^']*'))?\s*\?>""")
# lxml (huge_tree=False) refuses a text node or attribute value of about 10 MB; the patterns do not
# count, so a part holding a stretch that long without "<" goes to lxml. The look-behind lets the
# count start only where a stretch starts, which keeps the search linear.
_LONG = 9_000_000
_LONG_STRETCH = re.compile(rb"(?<![^<])[^<]{%d}" % _LONG)


class Mismatch(Exception):
    """The text holds what the patterns do not model: the caller reads the whole body through lxml."""


def _code(dec: str | None, hex_: str | None) -> int:
    """The code point of a numeric reference, or -1 when it is not a character XML allows."""
    digits = (dec if dec is not None else hex_ or "").lstrip("0") or "0"
    if len(digits) > 7:  # beyond U+10FFFF in either base (and int() refuses very long strings)
        return -1
    code = int(digits) if dec is not None else int(digits, 16)
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return code
    return -1


def _ref(m: re.Match[str]) -> str:
    if m.group(3):
        return _NAMED[m.group(3)]
    code = _code(m.group(1), m.group(2))
    if code < 0:  # body_text refused these already
        raise Mismatch("reference to a character XML forbids")
    return chr(code)


def unescape(text: str) -> str:
    """Character data as lxml gives it: line ends normalised first, then references expanded."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _REF.sub(_ref, text) if "&" in text else text


def body_text(raw: bytes) -> str | None:
    """document.xml as text, or None when it holds what the patterns do not model (then: lxml path)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        if raw.startswith(b"\xef\xbb\xbf"):
            return None  # a second byte-order mark: malformed, lxml refuses it
    if raw.startswith(b"<?xml"):
        m = XML_DECL.match(raw[:200].decode("latin-1"))
        if m is None or (m.group(2) and m.group(2).lower().replace("_", "-") not in ("utf-8", "utf8")):
            return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # Characters XML forbids, "]]>" in character data and an "&" that starts no reference XML knows
    # make the part malformed: lxml refuses it.
    if len(raw) > _LONG and _LONG_STRETCH.search(raw):
        return None
    if raw.translate(None, _XML_BYTES) or "\ufffe" in text or "\uffff" in text or "]]>" in text:
        return None
    if "&" in text:
        if _BAD_REF.search(text):
            return None
        # Numeric references, in text and attribute values alike, must name characters XML allows.
        if "&#" in text and any(_code(m.group(1), m.group(2)) < 0 for m in _NUM_REF.finditer(text)):
            return None
    return text
