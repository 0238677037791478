"""Stock frames of official writing whose middle varies (现将…总结如下, 在…的坚强领导下) → templates with ___.

These are the genre's sentence frames, not phrases of any corpus: a clause that fills one becomes a
template even when the corpus holds a single filling (frequency cannot show a slot that is seen once).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.model.phrases import BLANK

_MID = r"(?P<mid>[^，。；：、]{2,16}?)"
# (pattern matched against a whole clause, template with {B} for the blank)
FRAMES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern.replace("MID", _MID)), template) for pattern, template in (
        (r"现(?P<a>将|就)MID(?P<w>总结|报告|汇报|通报|说明|通知|函复|答复|批复)如下", "现{a}{B}{w}如下"),
        # A 通知/批复 opens on whose consent it acts (经国务院同意, 经区委常委会研究).
        (r"经MID(?P<w>同意|批准|研究决定|研究)", "经{B}{w}"),
        (r"(?P<w>根据|按照|遵照)MID(?P<v>要求|部署|安排|精神|规定|指示)", "{w}{B}{v}"),
        (r"在MID的(?P<w>坚强|正确|统一)?领导下", "在{B}的{w}领导下"),
        (r"以MID为(?P<w>指导|引领|统领|抓手|载体|契机|重点|目标|核心|主线)", "以{B}为{w}"),
        (r"(?P<w>深入贯彻落实|认真贯彻落实|贯彻落实|深入学习贯彻|认真学习贯彻)MID(?P<v>精神|部署|要求|指示)",
         "{w}{B}{v}"),
        (r"为MID提供(?P<w>坚强|有力|坚实|良好)?(?P<v>保障|支撑|支持|保证)", "为{B}提供{w}{v}"),
        (r"坚持MID不动摇", "坚持{B}不动摇"),
        (r"(?P<w>围绕|聚焦)MID(?P<v>目标|任务|要求|中心工作)", "{w}{B}{v}"),
        (r"从MID来看", "从{B}来看"),
        # A speech closes on its call (为…而奋斗, 让我们更加紧密地团结在…周围).
        # (…而团结奋斗 / 紧密团结在…周围: how a party congress's report and its resolutions close.)
        (r"为MID而(?P<w>不懈奋斗|共同奋斗|继续奋斗|团结奋斗|接续奋斗|奋斗|努力奋斗|努力)", "为{B}而{w}"),
        (r"(?:(?P<w>让我们)|我们要|我们)?(?P<v>更加紧密地|紧密)团结在MID周围", "{w}{v}团结在{B}周围"),
        (r"(?P<w>确保|力争|推动)MID(?P<v>取得实效|落到实处|落地见效|见到实效|再上新台阶)", "{w}{B}{v}"),
        # A summary or report closes on its pledge (奋力开创…新局面, 为…作出新的更大贡献).
        (r"(?P<a>奋力|努力|全面|不断|加快)?(?P<w>开创|谱写|书写)MID(?P<v>新局面|新篇章|新境界)", "{a}{w}{B}{v}"),
        (r"为MID作出(?P<w>新的更大|更大|新的|积极|应有的|应有)?贡献", "为{B}作出{w}贡献"),
    ))


def _filled(clause: str) -> Iterator[tuple[re.Match[str], str]]:
    """(match, template) of every frame the clause fills, its middle not already a blank."""
    for pattern, template in FRAMES:
        m = pattern.fullmatch(clause)
        if m and BLANK not in m.group("mid"):
            yield m, template


def frame_templates(clause: str) -> list[str]:
    """The templates of every frame the clause fills (its middle becomes ___)."""
    return [template.format(B=BLANK, **{k: (v or "") for k, v in m.groupdict().items() if k != "mid"})
            for m, template in _filled(clause)]


def frame_fillings(clause: str) -> list[str]:
    """What the clause puts in the blank of every frame it fills (有关情况 in 现将有关情况总结如下)."""
    return [m.group("mid") for m, _ in _filled(clause)]
