"""Official font classes, their fallback chains, and which of them a machine has."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Font class -> the standard name first, then what to use when it is missing. 仿宋_GB2312 and
# 方正小标宋简体 are licensed and often missing: they are named in files, never bundled.
DEFAULT_CHAINS: dict[str, list[str]] = {
    "xiaobiaosong": ["方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", "SimSun",
                     "Noto Serif CJK SC", "Source Han Serif SC"],
    "fangsong": ["仿宋_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong", "Noto Serif CJK SC"],
    "heiti": ["黑体", "SimHei", "华文黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC"],
    "kaiti": ["楷体_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti", "Noto Serif CJK SC"],
    "songti": ["宋体", "SimSun", "华文宋体", "STSong", "Noto Serif CJK SC", "Source Han Serif SC"],
    "latin": ["Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif"],
}
CLASS_NAMES = {"xiaobiaosong": "小标宋", "fangsong": "仿宋", "heiti": "黑体", "kaiti": "楷体",
               "songti": "宋体", "latin": "Times New Roman"}
# Where each font class is used in the official style, for the report.
CLASS_USES = {"xiaobiaosong": "标题", "fangsong": "正文、三四级标题", "heiti": "一级标题",
              "kaiti": "二级标题", "songti": "页码", "latin": "西文和数字"}


def chains(overrides: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """The fallback chains, with the user's settings (font_fallbacks) taking precedence.

    An override is keyed by class id or by the standard font name; its list replaces the
    fallbacks after the standard name.
    """
    out = {k: list(v) for k, v in DEFAULT_CHAINS.items()}
    for key, fallbacks in (overrides or {}).items():
        if not isinstance(fallbacks, list):
            continue
        for cls, chain in out.items():
            if key in (cls, chain[0]):
                out[cls] = [chain[0]] + [str(f) for f in fallbacks if str(f) != chain[0]]
    return out


def standard(cls: str) -> str:
    """The standard font name of a class (what an official file names)."""
    return DEFAULT_CHAINS[cls][0]


def _norm(name: str) -> str:
    return name.replace(" ", "").lower()


@dataclass(frozen=True)
class FontStatus:
    """One font class on this machine: its standard font, whether present, what stands in."""

    cls: str
    standard: str
    installed: bool
    substitute: str | None  # the first installed fallback when the standard font is missing


def font_report(available: Iterable[str], overrides: dict[str, list[str]] | None = None) -> list[FontStatus]:
    """Which official fonts this machine lacks and what would stand in for each."""
    have = {_norm(f) for f in available}
    report = []
    for cls, chain in chains(overrides).items():
        installed = _norm(chain[0]) in have
        sub = None if installed else next((f for f in chain[1:] if _norm(f) in have), None)
        report.append(FontStatus(cls, chain[0], installed, sub))
    return report


def missing_fonts(available: Iterable[str], overrides: dict[str, list[str]] | None = None) -> list[str]:
    """Standard official fonts not installed here."""
    return [s.standard for s in font_report(available, overrides) if not s.installed]


def resolve(cls: str, available: Iterable[str] | None, overrides: dict[str, list[str]] | None = None) -> str:
    """The font to name in a file: the standard one, or with `available` the first installed."""
    chain = chains(overrides)[cls]
    if available is None:
        return chain[0]
    have = {_norm(f) for f in available}
    return next((f for f in chain if _norm(f) in have), chain[0])


def alt_names(overrides: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Standard font -> its first fallback, written as w:altName so Word substitutes sensibly."""
    return {chain[0]: chain[1] for chain in chains(overrides).values() if len(chain) > 1}
