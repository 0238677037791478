"""Generate a realistic scaled corpus of long reports for mining tests and benchmarks.

`generate_corpus(folder, n_reports=90, chars_per_report=16_700)` writes ~1.5 M characters of
work summaries and speeches: stock phrases recurring across reports (the miner must find them),
varied non-recurring body text, personal and place names, per-site headers and footers (the miner
must drop them), exact and near duplicate reports. It returns a `GeneratedCorpus` saying what
was planted, so tests and benchmarks can check the bank against it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

STOCK_HEADINGS = [
    "高度重视，加强领导", "突出重点，压实责任", "强化宣传，营造氛围", "完善机制，形成合力", "加强督导，确保实效",
    "聚焦主业，提升效能", "优化服务，改善民生", "坚持问题导向，补齐短板弱项", "强化队伍建设，提升履职能力",
    "深化改革创新，激发发展活力",
]
STOCK_PARALLEL = [
    "早发现、早报告、早处置", "应查尽查、应检尽检、应收尽收", "思想上重视、组织上保障、措施上落实",
    "守土有责、守土担责、守土尽责", "全覆盖、无死角、零容忍", "定人、定责、定时限",
]
STOCK_CLAUSES = [
    "坚持以习近平新时代中国特色社会主义思想为指导", "全面贯彻落实党的二十大精神", "切实增强工作的责任感和紧迫感",
    "以钉钉子精神抓好各项工作落实", "确保各项决策部署落地见效", "不断提升人民群众的获得感、幸福感、安全感",
    "进一步压紧压实各方责任", "形成上下联动、齐抓共管的工作格局", "为全面完成全年目标任务奠定坚实基础",
    "持续巩固拓展工作成果", "推动各项工作迈上新台阶", "守住不发生系统性风险的底线",
]
STOCK_CLOSINGS = [
    "同志们，任务艰巨，使命光荣，让我们团结一心、真抓实干，奋力开创各项工作新局面！",
    "让我们更加紧密地团结在党中央周围，凝心聚力，砥砺前行，以优异成绩迎接新的挑战。",
]
STOCK_OPENINGS = [
    "今年以来，在上级党委、政府的坚强领导下，我们坚持稳中求进工作总基调，扎实推进各项工作，取得了明显成效。"
    "现将有关情况总结如下。",
    "为深入贯彻落实上级决策部署，进一步做好相关工作，根据工作安排，现将有关工作情况报告如下。",
]
SECTION_HEADINGS = {
    "situation": ["当前形势和基本情况", "工作开展的总体情况"],
    "problems": ["存在的问题和不足", "工作中存在的短板"],
    "next_steps": ["下一步工作打算", "今后工作思路"],
}
_VERBS = ["推进", "落实", "加强", "完善", "优化", "深化", "健全", "规范", "提升", "强化", "统筹", "拓展", "夯实",
          "创新", "保障", "细化", "改进", "巩固", "扩大", "加快"]
_OBJECTS = ["项目建设", "基层治理", "安全生产", "营商环境", "民生保障", "乡村振兴", "生态保护", "数字政务",
            "公共服务", "人才培养", "产业升级", "社会救助", "应急管理", "信访工作", "文化建设", "财政管理",
            "教育事业", "医疗卫生", "城市更新", "就业创业", "农田水利", "交通运输", "市场监管", "污染防治",
            "社区服务", "档案管理", "统计调查", "审计监督", "科技创新", "对外开放"]
_MODIFIERS = ["扎实", "有序", "稳步", "全面", "持续", "积极", "大力", "切实", "不断", "认真"]
_RESULTS = ["取得新进展", "实现新突破", "迈出新步伐", "得到明显改善", "呈现良好态势", "获得群众好评",
            "效果逐步显现", "质量稳步提高"]
_DETAILS = ["组织召开专题会议", "印发实施方案", "开展专项检查", "建立工作台账", "实行清单管理", "组织业务培训",
            "开展调查研究", "召开推进会", "落实包保责任", "完善考核办法", "开展督导检查", "建立会商机制"]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "建国志强海燕红梅晓东丽娟文军立新春华秀英国庆明辉玉兰德胜振华桂芳"
_PLACE_A = "青石桃柳云松梅竹金银丰安宁和平兴旺"
_PLACE_B = "河山岭湾坪川溪塘源桥"
SITES = ["阳光公文网", "范文之家", "政务资料库", "公文写作网", "精品文库"]


@dataclass
class GeneratedCorpus:
    """What the generator planted, for checking a mined bank against."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    characters: int = 0
    stock: list[str] = field(default_factory=list)  # recurring phrases a miner must find
    footers: list[str] = field(default_factory=list)  # site furniture that must not reach the bank
    names: list[str] = field(default_factory=list)  # personal and place names that must not either


def _site_furniture(site: str, rng: random.Random) -> tuple[list[str], list[str]]:
    code = rng.randint(10_000_000, 99_999_999)
    header = [f"首页 > {site} > 工作总结 > 正文", f"发布时间：2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}  字号：大 中 小"]
    footer = [f"本文来源：{site}　责任编辑：小{rng.choice(_SURNAMES)}", f"版权所有：{site}　备案号：ICP{code}号",
              f"{site}提醒您：本站资料仅供学习参考，转载请注明出处。", "【打印本页】【关闭窗口】"]
    return header, footer


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, 2))


def _place(rng: random.Random) -> str:
    return rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + rng.choice("县镇乡")


def _body_sentence(rng: random.Random, names: list[str]) -> str:
    """A varied sentence: mostly unique combinations, sometimes a stock clause, a name or a number."""
    parts = [f"{rng.choice(_MODIFIERS)}{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}",
             f"{rng.choice(_DETAILS)}{rng.randint(2, 60)}次",
             f"{rng.choice(_OBJECTS)}{rng.choice(_RESULTS)}"]
    roll = rng.random()
    if roll < 0.25:
        parts.insert(rng.randint(0, 2), rng.choice(STOCK_CLAUSES))
    elif roll < 0.33:
        parts.append(rng.choice(STOCK_PARALLEL))
    elif roll < 0.40:
        who = _name(rng)
        names.append(who)
        parts.insert(0, f"在{who}同志的带领下")
    elif roll < 0.46:
        where = _place(rng)
        names.append(where)
        parts.insert(0, f"{where}{rng.choice(_OBJECTS)}工作")
    return "，".join(parts) + "。"


def _paragraph(rng: random.Random, names: list[str], n: int) -> str:
    return "".join(_body_sentence(rng, names) for _ in range(n))


def _report(rng: random.Random, index: int, target: int, names: list[str]) -> str:
    unit = _place(rng)
    names.append(unit)
    kind = rng.choice(["工作总结", "工作报告", "在全县工作会议上的讲话"])
    lines = [f"{2019 + index % 5}年{unit}{rng.choice(_OBJECTS)}{kind}", rng.choice(STOCK_OPENINGS)]
    numerals = "一二三四五六七八九十"
    parts = [("situation", 1), ("measures", 4), ("problems", 1), ("next_steps", 1)]
    k = 0
    size = sum(len(x) for x in lines)
    while size < target:
        for section, count in parts:
            for _ in range(count):
                if section == "measures":
                    head = rng.choice(STOCK_HEADINGS) if rng.random() < 0.6 else \
                        f"{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}"
                else:
                    head = rng.choice(SECTION_HEADINGS[section])
                lines.append(f"{numerals[k % 10]}、{head}")
                k += 1
                for j in range(rng.randint(2, 4)):
                    lines.append(f"{'（' + numerals[j] + '）' if rng.random() < 0.3 else ''}"
                                 f"{_paragraph(rng, names, rng.randint(4, 8))}")
                size = sum(len(x) for x in lines)
                if size >= target:
                    break
            if size >= target:
                break
    lines.append(rng.choice(STOCK_CLOSINGS))
    return "\n".join(lines)


def generate_corpus(folder: Path, n_reports: int = 90, chars_per_report: int = 16_700,
                    seed: int = 0) -> GeneratedCorpus:
    """Write the corpus into folder (one .txt per report, some duplicated) and say what it holds."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = GeneratedCorpus(folder, stock=[*STOCK_HEADINGS, *STOCK_PARALLEL, *STOCK_CLAUSES])
    furniture = {site: _site_furniture(site, rng) for site in SITES}
    for header, footer in furniture.values():
        out.footers.extend(header + footer)
    reports: list[str] = []
    for i in range(n_reports):
        site = SITES[i % len(SITES)]
        header, footer = furniture[site]
        body = _report(rng, i, chars_per_report, out.names)
        reports.append("\n".join([*header, body, *footer]))
    # Sites copy each other: exact copies and near copies (a few characters changed).
    n_dup = max(1, n_reports // 10)
    for j in range(n_dup):
        src = reports[rng.randrange(len(reports))]
        if j % 2:
            chars = list(src)
            for _ in range(10):
                pos = rng.randrange(len(chars))
                if "\u4e00" <= chars[pos] <= "\u9fff":
                    chars[pos] = rng.choice(_OBJECTS[0])
            src = "".join(chars)
        reports.append(src)
    for i, text in enumerate(reports):
        path = folder / f"report_{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        out.files.append(path)
        out.characters += len(text)
    return out
