"""The 公文 types: the parts each needs, its layout variant and the outline File → New starts from."""
from __future__ import annotations

from dataclasses import dataclass

STANDARD, LETTER, MINUTES, ORDER = "standard", "letter", "minutes", "order"


@dataclass(frozen=True)
class DocType:
    """One type of 公文 and what GB/T 9704-2012 and the 条例 ask of it."""

    name: str
    layout: str = STANDARD  # standard 文件格式, letter 信函格式 (§10.1), minutes 纪要 (§10.3), order 命令 (§10.2)
    upward: bool = False  # 上行文: 签发人 beside the 发文字号 (§7.2.6)
    needs_main: bool = True  # 主送机关 (§7.3.2)
    needs_signature: bool = True  # 发文机关署名 and 成文日期 (§7.3.5)
    body: str = ""  # the outline after the title, with ___ blanks

    @property
    def required(self) -> tuple[str, ...]:
        """The parts export warns about when they are missing."""
        keys = ["发文机关标志", "发文字号"] if self.layout != MINUTES else ["发文机关标志"]
        if self.upward:
            keys.append("签发人")
        if self.needs_main:
            keys.append("主送")
        if self.needs_signature:
            keys += ["发文机关署名", "成文日期"]
        if self.layout == MINUTES:
            keys += ["出席", "成文日期"]
        return tuple(keys)


_REQUEST_BODY = "___（请示缘由）。\n现将有关事项请示如下：\n一、___\n二、___\n妥否，请批示。"
TYPES: dict[str, DocType] = {t.name: t for t in (
    DocType("通知", body="为___，现就有关事项通知如下。\n一、___\n二、___\n三、___"),
    DocType("通报", body="___（事实经过）。\n一、___\n二、___\n希望各单位___。"),
    DocType("意见", body="为___，现提出如下意见。\n一、总体要求\n___\n二、主要任务\n（一）___\n三、保障措施\n___"),
    DocType("决定", needs_main=False, body="为___，经研究，决定___。\n一、___\n二、___"),
    DocType("报告", upward=True, body="现将___情况报告如下：\n一、基本情况\n___\n二、存在问题\n___\n"
                                    "三、下一步打算\n___\n特此报告。"),
    DocType("请示", upward=True, body=_REQUEST_BODY),
    DocType("函", layout=LETTER, body="___。现将有关事项函告如下：\n一、___\n二、___\n特此函告。"),
    DocType("纪要", layout=MINUTES, needs_main=False, needs_signature=False,
            body="___年___月___日，___主持召开___会议，研究___。纪要如下：\n一、___\n二、___"),
    DocType("命令", layout=ORDER, needs_main=False, body="___"),
)}
# Title endings that name a type, longest first (复函 is a 函, 令 a 命令).
_ENDINGS = (("会议纪要", "纪要"), ("复函", "函"), ("通知", "通知"), ("通报", "通报"), ("意见", "意见"),
            ("决定", "决定"), ("报告", "报告"), ("请示", "请示"), ("纪要", "纪要"), ("命令", "命令"), ("函", "函"))


def get(name: str) -> DocType | None:
    """A type by name (None for an unknown one)."""
    return TYPES.get(name.strip())


def from_title(title: str) -> DocType | None:
    """The type a title names by its last words (关于…的通知 → 通知), or None."""
    t = title.strip().rstrip("。.")
    for ending, name in _ENDINGS:
        if t.endswith(ending):
            return TYPES[name]
    return None


def outline(name: str) -> str:
    """The draft File → New starts from: front matter with the type's parts, a title, the outline."""
    t = TYPES[name]
    fm = [f"类型: {name}", "发文机关标志: ___" + ("文件" if t.layout == STANDARD else "")]
    if t.layout != MINUTES:
        fm.append("发文字号: ___〔___〕___号")
    if t.upward:
        fm.append("签发人: ___")
    if t.needs_main:
        fm.append("主送: ___")
    if t.layout == MINUTES:
        fm += ["出席: ___", "列席: ___"]
    if t.needs_signature:
        fm.append("发文机关署名: ___")
    fm.append("成文日期: ___年___月___日")
    if name == "请示":
        fm.append("附注: （联系人：___，电话：___）")
    fm += ["抄送: ___", "印发机关: ___", "印发日期: ___年___月___日"]
    title = "___令" if t.layout == ORDER else f"关于___的{name}"
    return "---\n" + "\n".join(fm) + "\n---\n" + title + "\n" + t.body + "\n"
