"""Section types: which part of a report each paragraph belongs to (MINING.md: cues, position, headings)."""
from __future__ import annotations

import re

from editor.core.corpus.structure import REPORT_PART, Document

# Heading cue words per section, checked in this order (a heading about 存在问题 is problems even
# when it also says 工作).
HEADING_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Narrow: 有关问题 / 几个问题 / 问题导向 name a topic, not the part of a report about shortcomings.
    ("problems", re.compile(r"存在(?:的)?(?:主要)?(?:问题|不足)|问题(?:和|与|及)不足|不足之处|短板|差距|薄弱环节|弱项|教训")),
    # 计划 / 安排 / 思路 name the next steps only as the plan of the work (工作计划), not a plan made (制定抽查计划).
    # A report's plan for the year it opens (2019年政府工作任务, 2016年重点工作) is its next steps.
    ("next_steps", re.compile(r"下一步|今后|打算|下阶段|下半年|明年|展望|(?:工作|下步)(?:思路|计划|安排)|^(?:思路|计划|安排)|"
                              r"^(?:对)?(?:\d{4}|___)年(?:政府)?(?:工作任务|重点工作|主要任务|工作总体部署|政府工作的建议)|总体要求和政策取向|"
                              # A coming period's or this year's tasks (“十五五”时期主要任务, …主要目标和重大举措,
                              # 今年重点工作; a plan period's in other words: …时期经济社会发展重点任务), not an
                              # account of them (…主要任务完成情况).
                              r"(?:(?:时期|^今年)(?:的)?(?:主要)?(?:任务|目标任务|目标和重大举措|目标(?:和|及|与)|重点工作|工作任务|总体部署)|"
                              r"五”?时期[^，。]{0,12}?(?:任务|举措))(?!.*(?:完成|落实|进展|回顾|情况))|"
                              r"主要目标任务|下一阶段")),
    # A report's review may name the period's achievements (2025年工作总结和“十四五”发展成就).
    ("situation", re.compile(r"形势|面临|现状|基本情况|总体情况|工作情况|认清|当前|回顾|背景|概况|发展成就")),
    ("closing", re.compile(r"结束语|结语")),
    ("measures", re.compile(r"做法|措施|举措|成效|经验|成绩")),
)
# A body paragraph that opens a new part without a heading ("下一步，将…", "存在问题：…").
BODY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("problems", re.compile(r"^(?:存在(?:的)?(?:主要)?问题|存在(?:的)?不足|但也要看到|同时也要看到|"
                            r"(?:但是?|不过)?[，,]?(?:工作中)?(?:也|还)存在|问题和不足|"
                            # A report turns to its shortcomings: 在肯定成绩的同时，我们也清醒看到…
                            r"在肯定成绩的同时|我们也(?:要)?清醒(?:地)?看到)|"
                            # …after a short address (在看到成绩的同时，我们也清醒地认识到 / 各位代表！我们也… /
                            # 总结一年来的工作，我们清醒地看到), said by the report's own 我们, not asked of others
                            # (各地区要清醒认识到…: an instruction).
                            r"^成绩固然可喜|^(?:[^，。！!]{0,10}[，！!])?(?:在(?:肯定|看到)成绩的同时|总结成绩的同时|"
                            r"我们(?:也|还)?(?:要)?清醒(?:地)?(?:看到|认识到))")),
    # A report that gives its year's plan no heading turns to it in words (今年要重点做好以下几方面工作,
    # 通观全局，做好今年政府工作必须…); not a review of what the plan was (…要着力抓好的十件实事全部完成,
    # 为做好今年工作，我局年初…).
    ("next_steps", re.compile(r"^(?:下一步|今后|下阶段|下步|接下来|明年|新的一年)|"
                              r"^(?:今年|\d{4}年)[，,]?(?:要|重点要|经济发展要)(?:着力|着重|重点)?(?:做好|抓好)(?!的)|"
                              r"^(?:[^，。]{0,8}[，,])?做好今年(?:政府)?工作(?:[，,]|必须|要)")),
    ("situation", re.compile(r"^(?:当前|目前|今年以来|面对|从.{1,6}来看)")),
)
# Action wording: in a document without headings, a paragraph full of it describes measures.
ACTION_CUES = re.compile(r"(?:^|[，。；,;])要|加强|落实|严格|做好|强化|措施|确保|压实|健全|完善|推进|抓好|筑牢")
# Sentences whose words place them wherever they stand (an 通知's 特此通知, a 请示's 妥否，请批示).
SENTENCE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("closing", re.compile(r"特此(?:通知|函告|函复|批复|通报|报告|说明)|以上(?:报告|意见|请示|情况)|妥否|请(?:予)?批示|"
                           r"请(?:予)?审议|此复|请(?:结合实际)?(?:认真)?(?:贯彻执行|贯彻落实|组织实施|遵照执行|抓好落实)|"
                           r"此件公开发布|^同志们|^让我们|(?:而(?:努力|团结|接续)?|不懈|共同)奋斗[！!。]?$|(?:更加紧密地|紧密)团结在.{2,40}周围")),
    ("opening", re.compile(r"(?:通知|意见|批复|答复|函复|总结|报告|汇报|通报)如下|如下意见|现提出以下|^现将|^现就|"
                           r"^经(?:国务院|党中央|研究|.{0,12}同意)|印发给你们|转发给你们|^你(?:省|市|区|部|委|局|单位|们).{0,20}(?:收悉|请示|报告|函)")),
    ("problems", re.compile(r"(?:存在|仍有|还有|依然|仍然)[^，。；]{0,14}(?:问题|不足|短板|差距|薄弱)|不到位|"
                            r"不够(?:到位|深入|扎实|完善|健全|有力|精准|及时)|有待(?:加强|提高|完善|提升|进一步)|"
                            r"(?:意识|能力|力度|水平)(?:还|仍)?(?:不强|不高|不足|不够)|有所松懈|麻痹|侥幸|亟待|短板|薄弱环节")),
    # The year's targets (今年发展主要预期目标是：…增长5%左右) are its plan, wherever the report sets them.
    # (…预期目标为5.5%左右，实际增长5.6%: a review, unlike …在实际工作中努力争取更好结果; 这次整治的主要目标是: a
    # campaign's aim, not the year's plan.)
    ("next_steps", re.compile(r"^(?:下一步|今后|下阶段|接下来|新的一年|明年)|预期目标(?:是|为)(?!.*(?:实际(?:增长|完成|达到|实现)|超额完成))")),
    ("situation", re.compile(r"^(?:当前|目前|今年以来|近年来|近期|截至|面对)|形势(?:依然|仍然|严峻|复杂)")),
)
# A clause that closes a document wherever its sentence began (现将…印发给你们，请认真贯彻执行).
CLOSING_CLAUSE = re.compile(r"^(?:请(?:结合实际)?(?:认真)?(?:贯彻执行|贯彻落实|组织实施|遵照执行|抓好落实)|特此(?:通知|函告|函复|批复|通报|报告)|"
                            r"此复|妥否|请(?:予)?批示|请(?:予)?审议|.{0,8}自.{0,12}起施行|（?此件公开发布）?$)")


# The longest lower heading read as a part's name whatever its cue's place (2023年下一步工作打算), not a
# point made in one (结构调整取得积极成效); and what may come before the cue opening a longer one (主要做法…).
PART_NAME = {"problems": 12, "next_steps": 12}
_PART_LEAD = re.compile(r"(?:主要|重点|工作中?|当前|目前|今后)?")
_CUE_OF = dict(HEADING_CUES)
# A report's request to the assembly, the last clause of its opening formula (…向大会报告政府工作，请予审议).
REPORT_REQUEST = ("请予审议", "请审议")


def clause_section(clause: str, sentence_section: str) -> str:
    """A clause's section: closing when it is a closing formula, else its sentence's."""
    clause = clause.strip()
    if sentence_section == "opening" and clause.startswith(REPORT_REQUEST):
        return "opening"  # 现在，我代表国务院，向大会报告政府工作，请予审议: a report opens on it
    return "closing" if CLOSING_CLAUSE.match(clause) else sentence_section


# Where opening and closing formulas may stand: the first and last 15 % of a document's paragraphs.
EDGE = 0.15


def sentence_section(sentence: str, paragraph_section: str, position: float) -> str:
    """The section a sentence's own cue words name, else its paragraph's.

    position: where the paragraph stands in its document, 0.0 (first) to 1.0 (last).
    """
    for section, cue in SENTENCE_CUES:
        if cue.search(sentence):
            if section == "opening" and position > 0.5 and "如下" not in sentence:
                continue
            if section == "closing" and position < 0.5 and not sentence.startswith(("特此", "此复", "请")):
                continue
            if section == "next_steps" and paragraph_section == "closing":
                continue  # 新的一年，我们将…: the paragraph that ends the document closes it
            return section
    return paragraph_section


# 新的一年 / 展望未来 open a summary's last paragraph as well as its 下一步 part: a closing only at the end.
CLOSING_START = re.compile(r"^(?:同志们|让我们|总之|总而言之|最后[，,]|我们坚信|我们相信|相信|衷心希望|希望|"
                           r"只要我们|征途漫漫|雄关漫道|胜利|新的一年[，,]我们|展望未来|站在新的起点)")


def genre_formula(line: str) -> bool:
    """A sentence whose cue words open or close a document of the genre (特此通知, 让我们…, 现将…如下).

    Such a line stands at the edge of most of its genre's documents, like a site's footer, but it is
    the formula itself (boilerplate.EdgeLines keeps it).
    """
    return bool(CLOSING_START.match(line) or any(cue.search(line) for section, cue in SENTENCE_CUES
                                                 if section in ("opening", "closing")))


# The kind of document (文种) a title names, in families that share their parts: a summary's 存在问题
# is evidence for another summary's, not for a 通知's.
_GENRES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("speech", re.compile(r"(?:讲话|发言|致辞|讲稿|提纲|演讲稿?)[（(]?[一二三四五六七八九十\d]*[)）]?$")),
    ("reflection", re.compile(r"(?:心得|体会|感悟|感想)(?:总结|体会)?[（(]?[一二三四五六七八九十\d]*[)）]?$")),
    ("summary", re.compile(r"(?:总结|汇报|述职报告|工作报告|情况报告)[（(]?[一二三四五六七八九十\d]*[)）]?$")),
    ("notice", re.compile(r"(?:通知|通报|通告|公告)$")),
    ("letter", re.compile(r"(?:函|复函|批复|答复|请示)$")),
    ("policy", re.compile(r"(?:意见|方案|规划|办法|规定|条例|决定|细则|纲要)$")),
)


def genre_of(title: str) -> str:
    """The family of document a title names (speech, summary, notice …); "" when it names none."""
    s = title.strip()
    return next((g for g, cue in _GENRES if cue.search(s)), "")


# 事务文书 (an office's own summaries, speeches, reflections) and 法定公文 (notices, letters, policies):
# each writes in its own formulas, so one family's many documents say nothing of the other's phrases.
_PRACTICAL = frozenset({"speech", "reflection", "summary"})


def family_of(genre: str) -> str:
    """"practical" (事务文书) or "statutory" (法定公文) for a genre; "" for a document naming none."""
    return "" if not genre else "practical" if genre in _PRACTICAL else "statutory"


def heading_section(heading: str) -> str | None:
    """The section a heading's words name, or None when they name none."""
    for section, cue in HEADING_CUES:
        if cue.search(heading):
            return section
    return None


def part_name(heading: str, section: str) -> bool:
    """Whether a heading whose words name section names a part (存在的问题和下一步打算, 主要做法), not a point made in one.

    A part's name opens with its cue or is short; a point says it last (控制投资过快增长，大力加强薄弱环节,
    结构调整取得积极成效).
    """
    found = _CUE_OF[section].search(heading)
    if found is not None and _PART_LEAD.fullmatch(heading[:found.start()]):
        return True
    return len(heading) <= PART_NAME.get(section, 8) and "，" not in heading and "," not in heading


# Words turning from a review to its shortcomings, which say that what came before was the review.
_AFTER_ACHIEVEMENTS = re.compile(r"(?:肯定|看到|总结)成绩的同时|成绩固然可喜")
# A part heading naming the work's methods (主要做法及成效): its part is measures, whatever follows it.
_WORK_DONE = re.compile(r"做法|措施|举措|经验")
# An account of work done (2024年以来主要做法, 2024年1-5月工作进展): a part so named is no plan, whatever its year.
_DONE = re.compile(r"以来|进展|完成|情况|开展|做法|成效|回顾")
# A year (2026年) or a plan period (“十五五”, 2026–2030) a heading names.
_YEAR = re.compile(r"(\d{4})年|“?十([一二三四五六七八九])五”?")
_TENS = "一二三四五六七八九"


def _span(heading: str) -> tuple[int, int] | None:
    """The first and last year a heading names ("2025年和“十四五”时期工作回顾" → 2021, 2025), or None."""
    years = []
    for m in _YEAR.finditer(heading):
        if m.group(1):
            years += [int(m.group(1))] * 2
        else:  # 十一五 is 2006–2010, each later plan five years on
            first = 2006 + 5 * (_TENS.index(m.group(2)))
            years += [first, first + 4]
    return (min(years), max(years)) if years else None


def assign_sections(doc: Document) -> None:
    """Set every paragraph's section from headings (propagated to their text), cues and position."""
    paras = doc.paragraphs
    if not paras:
        return
    numbered = [p.level for p in paras if p.level is not None and p.heading and 1 <= p.level <= 4]
    top = min(numbered) if numbered else None
    # A report laid out in part lines of its own (“十四五”时期工作回顾 … 2026年重点工作) numbers only the points
    # under them (（一）放大促消费扩投资政策效应): the points are lower headings of their part. Not a summary's
    # lead-ins (基本情况, 存在问题: its （一）… may be the work itself, or run on past them), nor 一、 headings,
    # a part whatever stands before them (the highest level of the numbering) — unless the part lines
    # come first and no 一、 names a part (“十五五”时期主要目标和2026年重点工作, then 一、… 四、: the year's points).
    part_lines = [i for i, p in enumerate(paras) if p.level == 0 and REPORT_PART.match(p.heading)]
    tops = [i for i, p in enumerate(paras) if p.heading and p.level == top]
    points = len(part_lines) >= 2 and ((top or 0) >= 2 or (
        bool(tops) and part_lines[0] < tops[0]
        and not any(heading_section(paras[i].heading) not in (None, "measures") for i in tops)))
    has_structure = any(p.heading for p in paras)
    current: str | None = None  # the section of the enclosing top-level heading
    named = False  # whether that heading's words named its part (一、2014年工作回顾), not a topic
    sub: str | None = None  # the section a lower heading names
    under: str | None = None  # the section of the nearest heading of any level
    seen_heading = False
    last = len(paras) - 1
    reviewed = 0  # the last year a part reviewing the past covered (2025年工作回顾)
    part = -1  # where the enclosing top-level part starts, when its heading named no part
    for i, p in enumerate(paras):
        if p.heading:
            cue = heading_section(p.heading)
            seen_heading = True
            if p.level == 0 or (p.level == top and not points):
                span = _span(p.heading)
                if cue == "situation" and span:
                    reviewed = max(reviewed, span[1])
                elif cue in (None, "measures") and span and reviewed and span[0] > reviewed and not _DONE.search(p.heading):
                    cue = "next_steps"  # after 2025年工作回顾, 2026年主要工作 is the plan
                current, sub, named = cue or "measures", None, cue is not None
                part = i if current == "measures" and not _WORK_DONE.search(p.heading) else -1
                p.section = current
            else:
                if named and cue and not part_name(p.heading, cue):
                    # A point of a named part (（二）控制投资过快增长，大力加强薄弱环节 under 工作回顾,
                    # ——结构调整取得积极成效): its words are what the part says, not another part's name.
                    cue = None
                sub = cue
                p.section = cue or current or "measures"
            under = p.section
            continue
        body_cue = next((s for s, c in BODY_CUES if c.match(p.text)), None)
        if body_cue == "problems" and part >= 0 and _AFTER_ACHIEVEMENTS.search(p.text[:30]):
            # 在肯定成绩的同时… looks back on what its part said: a part named by a topic
            # (一、一年接着一年干，新福建建设持续取得新进展新成效) was the review.
            for q in paras[part:i]:
                if q.section == "measures":
                    q.section = "situation"
            part = -1
        if body_cue in ("problems", "next_steps"):
            current, sub = body_cue, None
        closing_cue = bool(CLOSING_START.match(p.text))
        # A closing is found by its cue anywhere in the last 15 % (footers are already gone).
        if closing_cue and (i >= last - 1 or i >= (1 - EDGE) * last or not has_structure):
            p.section = "closing"
        elif not has_structure:
            if i == 0:
                p.section = "opening"
            elif i == last and len(paras) > 2:
                p.section = "closing"
            else:
                actions = len(ACTION_CUES.findall(p.text))
                p.section = current or body_cue or ("measures" if actions >= 3 else "general")
        elif not seen_heading:
            p.section = "opening"
        elif i == last and top is None and len(paras) > 2 and body_cue is None:
            # Lead-sentence or 一是… summaries end with a closing paragraph of their own.
            p.section = "closing"
        else:
            p.section = sub or current or under or body_cue or "general"
