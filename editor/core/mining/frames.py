"""Templates with ___: stock frames whose middle varies (现将…总结如下), title frames (关于___的通知) and parallel clauses.

These are the genre's sentence frames, not phrases of any corpus: a clause that fills one becomes a
template even when the corpus holds a single filling (frequency cannot show a slot that is seen once).
"""
from __future__ import annotations

import re
from collections import defaultdict
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


_TITLE_FRAME = re.compile(r"^(?P<who>.{0,24}?)(?P<about>关于|对)(?P<verb>印发|转发)?(?P<mid>.+?)(?P<de>的)?"
                          r"(?P<type>通知|意见|指导意见|若干意见|实施意见|批复|复函|函|决定|通报|答复|报告|请示|方案|总结|讲话)$")
_RELAY = re.compile(r"^(.{2,12}?)(转发|批转)(?!.*印发).+的通知$")
_TITLE_KIND = re.compile(r"(?P<what>工作总结|心得总结|心得体会|述职报告|工作报告|工作计划|工作方案|会上的讲话|会议上的讲话|讲话提纲)$")


def title_templates(title: str) -> list[str]:
    """Reusable title frames: 国务院办公厅关于___的通知, 关于印发___的通知, ___工作总结."""
    out = []
    relay = _RELAY.match(title)
    if relay:  # 国务院办公厅转发国家教委关于…的通知: the body relayed varies too
        return [f"{relay.group(1)}{relay.group(2)}{BLANK}的通知", f"{relay.group(2)}{BLANK}的通知"]
    m = _TITLE_FRAME.match(title)
    if m and len(m.group("mid")) >= 2:
        verb, de, kind = m.group("verb") or "", m.group("de") or "", m.group("type")
        frame = f"{m.group('about')}{verb}{BLANK}{de}{kind}"
        out.append(frame)
        who = m.group("who")
        if who and BLANK not in who:
            out.append(who + frame)
    k = _TITLE_KIND.search(title)
    if k and k.start() >= 2:
        what = k.group("what")
        out.append(f"在{BLANK}{what}" if what.startswith("会") else f"{BLANK}{what}")
    return out


def variable_templates(clauses: list[str]) -> list[str]:
    """Parallel clauses of one paragraph differing only in an equal-length middle (从境外来看/从全国来看)."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in clauses:
        if 4 <= len(c) <= 10 and BLANK not in c:
            for width in (1, 2):
                mid = c[width:-2]
                if 1 <= len(mid) <= 4:
                    groups[(c[:width], c[-2:])].add(mid)
    out = []
    taken: set[str] = set()
    for (pre, suf), mids in sorted(groups.items(), key=lambda g: len(g[0][0])):
        if len(mids) >= 2 and {len(m) for m in mids} == {2} and len(pre) + len(suf) >= 3:
            if suf in taken:
                continue  # 从___来看 already covers 从全___来看
            taken.add(suf)
            out.append(f"{pre}{BLANK}{suf}")
    return out
