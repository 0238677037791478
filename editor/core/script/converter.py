"""Simplified ⇄ traditional conversion through OpenCC: configs, cached converters, script detection."""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable
from typing import Any

# Every config OpenCC 1.4 can ship, in the order people look for them, with a name for people.
# Only those the installed package really has end up in CONFIGS.
_KNOWN: list[tuple[str, str]] = [
    ("s2t", "简→繁"),
    ("s2tw", "简→繁(台湾)"),
    ("s2twp", "简→繁(台湾用语)"),
    ("s2hk", "简→繁(香港)"),
    ("s2hkp", "简→繁(香港用语)"),
    ("t2s", "繁→简"),
    ("tw2s", "繁(台湾)→简"),
    ("tw2sp", "繁(台湾用语)→简"),
    ("hk2s", "繁(香港)→简"),
    ("hk2sp", "繁(香港用语)→简"),
    ("t2tw", "繁→繁(台湾)"),
    ("t2hk", "繁→繁(香港)"),
    ("tw2t", "繁(台湾)→繁"),
    ("hk2t", "繁(香港)→繁"),
    ("t2jp", "繁→日本新字体"),
    ("jp2t", "日本新字体→繁"),
]

# Configs that swap regional vocabulary (软件→軟體): never a default, aligned more carefully.
VOCABULARY_CONFIGS = frozenset({"s2twp", "tw2sp", "s2hkp", "hk2sp"})


class UnknownConfig(ValueError):
    """The OpenCC config is not one the installed package ships."""


def _installed_configs() -> list[tuple[str, str]]:
    """The configs the installed opencc package ships, known ones first in _KNOWN's order."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a hard dependency
        return []
    shipped = sorted(name[:-5] for name in getattr(opencc, "CONFIGS", []) if name.endswith(".json"))
    known = [(cid, label) for cid, label in _KNOWN if cid in shipped]
    extra = [(cid, cid) for cid in shipped if cid not in dict(_KNOWN)]
    return known + extra


CONFIGS: list[tuple[str, str]] = _installed_configs()
CONFIG_IDS: frozenset[str] = frozenset(cid for cid, _ in CONFIGS)

_lock = threading.Lock()


def config_label(config: str) -> str:
    """The Chinese name of a config (its id when unknown)."""
    return dict(CONFIGS).get(config, config)


def check_config(config: str) -> str:
    """Return config if the package ships it, else raise UnknownConfig listing the valid ones."""
    if config not in CONFIG_IDS:
        raise UnknownConfig(
            f"没有简繁转换配置 {config}，可用：{', '.join(c for c, _ in CONFIGS)} / unknown OpenCC config")
    return config


@functools.cache
def _make_converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def converter(config: str) -> Any:
    """The cached opencc.OpenCC instance for config (loading dictionaries takes a few ms)."""
    check_config(config)
    with _lock:  # lru_cache may build twice under races; the lock makes first loads cheap and single
        return _make_converter(config)


@functools.lru_cache(maxsize=64)
def _protect_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    # Longest first so that 余小明 wins over 余 when both are protected.
    clean = sorted({t for t in terms if t}, key=len, reverse=True)
    if not clean:
        return None
    return re.compile("|".join(re.escape(t) for t in clean))


def protected_spans(text: str, protected: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of protected terms in text, longest match first."""
    pattern = _protect_pattern(tuple(protected))
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text)]


def convert_text(text: str, config: str, protected: Iterable[str] = ()) -> str:
    """Convert text with an OpenCC config, leaving protected terms untouched.

    Text between protected terms is converted piece by piece: the term itself cannot be part of
    a phrase that OpenCC rewrites, and the neighbouring phrases still convert as phrases.
    """
    conv = converter(config)
    if not text:
        return text
    spans = protected_spans(text, protected)
    if not spans:
        return str(conv.convert(text))
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            out.append(conv.convert(text[pos:start]))
        out.append(text[start:end])
        pos = end
    if pos < len(text):
        out.append(conv.convert(text[pos:]))
    return "".join(out)


# -- script detection ---------------------------------------------------------------------------

_char_class: dict[str, int] = {}  # char -> 1 simplified-only, 2 traditional-only, 0 neither
_SIMP, _TRAD = 1, 2


def _classify(chars: Iterable[str]) -> None:
    """Classify unseen Han characters by converting them one by one (newline breaks phrases)."""
    new = [c for c in chars if c not in _char_class and c != "\n"]
    if not new:
        return
    joined = "\n".join(new)
    to_t = converter("s2t").convert(joined).split("\n")
    to_s = converter("t2s").convert(joined).split("\n")
    if len(to_t) != len(new) or len(to_s) != len(new):  # pragma: no cover - defensive
        to_t, to_s = [converter("s2t").convert(c) for c in new], [converter("t2s").convert(c) for c in new]
    for c, t, s in zip(new, to_t, to_s):
        if t != c and s == c:
            _char_class[c] = _SIMP
        elif s != c and t == c:
            _char_class[c] = _TRAD
        else:
            _char_class[c] = 0


def _is_han(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def script_counts(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character occurrences in text."""
    from collections import Counter

    # Counter over the whole string runs in C; filtering the distinct keys afterwards is cheap.
    counts = {c: n for c, n in Counter(text).items() if _is_han(c)}
    _classify(counts)
    simp = sum(n for c, n in counts.items() if _char_class.get(c) == _SIMP)
    trad = sum(n for c, n in counts.items() if _char_class.get(c) == _TRAD)
    return simp, trad


def detect_script(text: str) -> str:
    """The script of text: "simplified", "traditional", "mixed" or "none" (no telling characters).

    A small minority (≤ 5 %) of the other script's characters does not make a text mixed:
    OpenCC's tables list some characters as variants on both sides.
    """
    simp, trad = script_counts(text)
    total = simp + trad
    if total == 0:
        return "none"
    if trad <= total * 0.05:
        return "simplified"
    if simp <= total * 0.05:
        return "traditional"
    return "mixed"


def to_simplified(text: str) -> str:
    """Text in simplified script (t2s), for normalising search keys; keeps the length in practice."""
    return str(converter("t2s").convert(text)) if text else text


def to_script(text: str, script: str) -> str:
    """Text in the given script ("simplified" → t2s, "traditional" → s2t, else unchanged)."""
    if script == "simplified":
        return to_simplified(text)
    if script == "traditional":
        return str(converter("s2t").convert(text)) if text else text
    return text
