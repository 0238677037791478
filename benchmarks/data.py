"""Synthetic but realistic inputs: official-writing reports, 1 MB documents, 100,000-phrase banks.

Everything is generated from a seed, so two runs measure the same bytes.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

UNITS = ["我局", "我县", "我单位", "市委办公室", "区财政局", "镇党委", "县教育局", "市生态环境局", "街道办事处",
         "县卫生健康局", "市住房和城乡建设局", "区市场监督管理局", "县农业农村局", "市交通运输局"]
LEADERS = ["在县委、县政府的正确领导下", "在市委、市政府的坚强领导下", "在上级部门的精心指导下",
           "在局党组的统一部署下", "在区委的坚强领导下"]
GUIDES = ["以习近平新时代中国特色社会主义思想为指导", "深入贯彻党的二十大精神", "认真落实中央决策部署",
          "坚持稳中求进工作总基调", "完整、准确、全面贯彻新发展理念"]
VERBS = ["深入推进", "持续加强", "扎实开展", "全面落实", "着力提升", "不断完善", "大力实施", "切实抓好",
         "积极稳妥推进", "统筹推进", "进一步健全", "坚决落实", "认真组织", "有序推进", "稳步实施",
         "全力推动", "加快构建", "深化拓展", "严格落实", "精心组织", "大力推广", "持续深化", "着力破解",
         "纵深推进", "全面加强", "聚焦推进", "扎实推进", "高标准推进", "常态化开展", "系统推进",
         "协同推进", "全面提升", "不断优化", "巩固拓展", "着力强化", "稳妥推进", "加大力度推进",
         "创新开展", "规范开展", "全面深化"]
OBJECTS = ["党风廉政建设", "安全生产工作", "营商环境优化", "乡村振兴战略", "基层治理能力", "干部队伍建设",
           "生态环境保护", "民生实事项目", "重点项目建设", "意识形态工作", "疫情防控工作", "招商引资工作",
           "作风建设", "制度体系建设", "信息化建设", "财政资金监管", "防汛抗旱工作", "信访维稳工作",
           "城乡环境整治", "产业结构调整", "人才引进工作", "政务服务改革", "教育质量提升", "医疗卫生服务",
           "文明城市创建", "耕地保护工作", "食品安全监管", "消防安全检查", "矛盾纠纷排查", "就业创业服务",
           "社会保障体系", "养老服务体系", "数字政府建设", "河长制工作", "林长制工作", "农村人居环境整治",
           "高标准农田建设", "老旧小区改造", "燃气安全整治", "交通秩序管理", "校园安全管理", "网络安全工作",
           "审计整改工作", "巡察反馈问题整改", "档案管理工作", "机关党建工作", "统战工作", "工会工作",
           "共青团工作", "妇女儿童工作", "科技创新工作", "金融风险防范", "预算绩效管理", "国有资产管理",
           "政府采购管理", "行政执法规范化", "法治政府建设", "普法宣传教育", "扫黑除恶常态化", "应急管理体系",
           "森林防火工作", "地质灾害防治", "水污染防治", "大气污染防治", "土壤污染防治", "垃圾分类工作",
           "节能降耗工作", "公共文化服务", "全民健身活动", "旅游市场整治", "乡风文明建设", "村集体经济发展",
           "农民增收工作", "特色产业培育", "中小企业帮扶", "重大风险化解", "安全隐患排查", "志愿服务活动",
           "新时代文明实践", "网格化管理", "群众满意度提升", "干部教育培训"]
TAILS = ["工作", "各项任务", "取得明显成效", "不断走深走实", "迈上新台阶", "形成长效机制", "落地见效",
         "取得阶段性成果", "呈现良好态势", "实现新突破", "稳中有进", "持续向好", "扎实有序", "成效显著",
         "全面完成目标任务", "得到上级肯定", "群众获得感明显增强", "形成工作合力", "营造良好氛围", "压实工作责任",
         "确保取得实效", "推动高质量发展", "筑牢安全防线", "守住底线红线", "提升服务水平", "夯实工作基础",
         "补齐短板弱项", "激发内生动力", "凝聚工作合力", "强化督促检查", "健全工作机制", "抓好贯彻落实",
         "提高工作效率", "规范工作流程", "加强统筹协调", "强化责任担当", "注重实际效果", "突出问题导向",
         "坚持目标导向", "完善考核办法"]
CONNECT = ["同时，", "此外，", "与此同时，", "一是", "二是", "三是", "四是", "", "", ""]
FIGURES = ["累计完成投资{n}亿元，同比增长{p}%", "全年共开展专项检查{n}次，发现并整改问题{m}个",
           "组织培训{n}场次，参训人员{m}人次", "新增就业岗位{m}个，完成年度目标的{p}%",
           "办结群众诉求{m}件，满意率达{p}%", "争取上级资金{n}亿元，实施项目{m}个"]
HEAD1 = ["一、", "二、", "三、", "四、", "五、", "六、"]
HEAD2 = ["（一）", "（二）", "（三）", "（四）", "（五）"]
PROBLEMS = ["工作推进不够平衡，个别领域仍有短板", "干部队伍能力素质与新形势新任务要求还有差距",
            "基层基础工作仍较薄弱，保障能力有待提升", "制度执行的刚性约束不够，督查问责力度有待加强"]
BLANK_MARKS = ["___", "XX", "某某", "××", "＿＿＿"]


def _sentence(rng: random.Random, blanks: bool) -> str:
    """One body sentence: a verb-object clause, sometimes a figure, sometimes a blank to fill."""
    parts = [rng.choice(CONNECT), rng.choice(VERBS), rng.choice(OBJECTS), "，", rng.choice(TAILS)]
    if rng.random() < 0.35:
        parts += ["，", rng.choice(FIGURES).format(n=rng.randint(2, 90), m=rng.randint(10, 5000),
                                                   p=rng.randint(50, 100))]
    if blanks and rng.random() < 0.15:
        parts += ["，由", rng.choice(BLANK_MARKS), "负责牵头落实"]
    parts.append(rng.choice(["。", "；", "。"]))
    return "".join(parts)


def report_paragraphs(rng: random.Random, blanks: bool = True, length: int = 20000) -> Iterator[str]:
    """Paragraphs of one work report of about `length` characters: title, opening, numbered sections."""
    unit = rng.choice(UNITS)
    year = rng.randint(2018, 2025)
    yield f"{unit}{year}年工作总结和{year + 1}年工作打算"
    yield (f"{year}年以来，{unit}{rng.choice(LEADERS)}，坚持{rng.choice(GUIDES)}，{rng.choice(VERBS)}"
           f"{rng.choice(OBJECTS)}，各项工作取得了新的成效。现将有关情况总结如下：")
    size = 0
    h1 = 0
    while size < length:
        title = (["一年来工作开展情况", "存在的问题和不足", "下一步工作打算"][h1 % 3] if h1 < 3
                 else f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}")
        yield f"{HEAD1[h1 % len(HEAD1)]}{title}"
        for h2 in range(rng.randint(2, 5)):
            yield f"{HEAD2[h2]}{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(TAILS)}。"
            for _ in range(rng.randint(1, 3)):
                if h1 % 3 == 1 and rng.random() < 0.5:
                    para = rng.choice(PROBLEMS) + "。" + _sentence(rng, blanks)
                else:
                    para = "".join(_sentence(rng, blanks) for _ in range(rng.randint(3, 8)))
                size += len(para)
                yield para
        h1 += 1
    yield "同志们，新的一年任务艰巨、使命光荣。让我们紧密团结在以习近平同志为核心的党中央周围，" \
          "开拓进取、真抓实干，为全面完成各项目标任务而努力奋斗！"


def document_text(target_bytes: int, seed: int = 1, blanks: bool = True) -> str:
    """A document of about target_bytes UTF-8 bytes (reports one after another), one line per paragraph."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < target_bytes:
        for para in report_paragraphs(rng, blanks):
            out.append(para)
            size += len(para.encode("utf-8")) + 1
            if size >= target_bytes:
                break
    return "\n".join(out)


def write_corpus(folder: Path, total_chars: int, seed: int = 2, report_chars: int = 30000) -> tuple[list[Path], int]:
    """Long reports (about report_chars each) in folder until total_chars; returns (files, characters)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    files: list[Path] = []
    chars = 0
    while chars < total_chars:
        text = "\n".join(report_paragraphs(rng, True, min(report_chars, total_chars - chars + 200)))
        path = folder / f"report_{len(files):04d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        chars += len(text)
    return files, chars


def phrase_texts(count: int, seed: int = 3) -> list[str]:
    """Count distinct phrase texts in the bank's style (verb + object, with a tail or blank)."""
    rng = random.Random(seed)
    combos = [(v, o, t) for v in VERBS for o in OBJECTS for t in TAILS]
    rng.shuffle(combos)
    seen: dict[str, None] = {}
    for i, (v, o, t) in enumerate(combos):
        # Mostly full clauses, some short verb-object forms and some with a blank, as mined banks hold.
        text = f"{v}{o}" if i % 7 == 0 else f"{v}___{t}" if i % 11 == 0 else f"{v}{o}，{t}"
        seen.setdefault(text, None)
        if len(seen) == count:
            return list(seen)
    raise ValueError(f"at most {len(seen)} distinct phrases")


def phrases(count: int, seed: int = 3) -> list[object]:
    """Count bank entries (editor.core.model.phrases.Phrase) spread over every section and kind."""
    from editor.core.model.phrases import KINDS, SECTIONS, Phrase

    rng = random.Random(seed)
    texts = phrase_texts(count, seed)
    return [Phrase(t, SECTIONS[i % len(SECTIONS)], KINDS[i % len(KINDS)], round(rng.random() * 10, 3),
                   rng.randint(1, 50), rng.randint(1, 20), f"示例：{t}。", f"report_{i % 500:04d}.txt")
            for i, t in enumerate(texts)]


def build_bank(path: Path, count: int, seed: int = 3) -> object:
    """A PhraseBank at path holding count mined phrases."""
    from editor.core.bank.store import PhraseBank

    bank = PhraseBank(path)
    bank.replace_mined(phrases(count, seed))  # type: ignore[arg-type]
    return bank
