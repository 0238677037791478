"""Rules on the parts: 附件说明 (7.3.4), blanks left to fill, and 主送, 落款 and 签发人 a type needs."""
from __future__ import annotations

import re

from editor.core.gongwen.check.rules import ERROR, REGS, S9704, WARNING, Context, Finding, rule, this
from editor.core.gongwen.source import ATTACH_ITEM

_NOTE_COLON = re.compile(r"^(附\s*件\s*):")
_ITEM_MARK = re.compile(r"^([0-9０-９]{1,2})\s*(、|，|,|．|\.(?=\s)|\.)\s*")
_END_PUNCT = "。；，、.;,"
# Blanks a drafter leaves: underscores, XX / ××, □□. 〇〇 and 某某 also occur in real names and years.
BLANK = re.compile(r"_{2,}|＿+|(?<![A-Za-z])(?:X{2,}|x{2,3}|Ｘ{2,})(?![A-Za-z])|×{2,}|□{2,}")


@rule("attach.form", f"{S9704} 7.3.4", ERROR, "附件说明：“附件：1.名称”，全角冒号，名称后不加标点")
def attachment_note(ctx: Context) -> list[Finding]:
    """附件说明 with a half-width colon, 1、 for 1., or a name ending in punctuation."""
    r = this("attach.form")
    out = []
    for ln in ctx.source.lines:
        if ln.role == "attach_note" and (m := _NOTE_COLON.match(ln.text)):
            out.append(r.finding(ln, m.group(0), "“附件”后用全角冒号 / a full-width colon after 附件",
                                 m.group(1) + "：", 0))
        if ln.role not in ("attach_note", "attach_item", "part:附件"):
            continue
        body = ln.text
        offset = 0
        if ln.role == "attach_note":
            m = re.match(r"^附\s*件\s*[：:]\s*", body)
            offset = m.end() if m else 0
            body = body[offset:]
        im = _ITEM_MARK.match(body)
        if im and im.group(2) in ("、", "，", ","):
            out.append(r.finding(ln, im.group(1) + im.group(2), "附件序号写作“1.” / number attachments 1. 2.",
                                 im.group(1) + ".", offset + im.start()))
        if ln.role != "part:附件" and body and body[-1] in _END_PUNCT and not ATTACH_ITEM.fullmatch(body):
            out.append(r.finding(ln, body[-1], "附件名称后不加标点符号 / no punctuation after an attachment name",
                                 "", len(ln.text) - 1))
    for i, name in enumerate(ctx.source.parts.attachments):
        if name and name[-1] in _END_PUNCT:
            out.append(r.finding(ctx.source.key_lines.get("附件"), name,
                                 f"附件{i + 1}的名称后不加标点符号 / no punctuation after an attachment name",
                                 name.rstrip(_END_PUNCT)))
    return out


@rule("blanks.unfilled", f"{REGS} 第十九条", ERROR, "还有待填的空白（___、XX）")
def blanks(ctx: Context) -> list[Finding]:
    """Blanks still to fill: ___, XX, ××, □□; one finding a line (___年___月___日 is one date to fill, not three)."""
    r = this("blanks.unfilled")
    out = []
    for ln in ctx.source.lines:
        found = list(BLANK.finditer(ln.text))
        if not found:
            continue
        first, n = found[0], len(found)
        message = ("此处空白尚未填写 / a blank is still to be filled" if n == 1 else
                   f"本段还有 {n} 处空白尚未填写 / {n} blanks are still to be filled here")
        out.append(r.finding(ln, first.group(0), message, None, first.start()))
    return out


def _needs(ctx: Context, attr: str) -> bool:
    t = ctx.doc_type
    return t is not None and bool(getattr(t, attr))


@rule("parts.main", f"{S9704} 7.3.2；{REGS} 第九条", ERROR, "缺少主送机关")
def main_missing(ctx: Context) -> list[Finding]:
    """A type that needs a 主送机关 without one (front matter or the line after the title)."""
    if not _needs(ctx, "needs_main") or ctx.source.parts.main_recipients or ctx.source.role("main"):
        return []
    assert ctx.doc_type is not None
    title = ctx.source.title
    return [this("parts.main").finding(title, title.text if title else "",
                                       f"{ctx.doc_type.name}应有主送机关（标题下一行，顶格，后加全角冒号） "
                                       "/ this type needs its main recipients")]


@rule("parts.signature", f"{S9704} 7.3.5；{REGS} 第九条", ERROR, "缺少发文机关署名或成文日期")
def signature_missing(ctx: Context) -> list[Finding]:
    """A type that needs a 落款 without its 发文机关署名 or 成文日期."""
    if not _needs(ctx, "needs_signature"):
        return []
    src = ctx.source
    missing = []
    if not src.parts.issuer_names and not src.role("signature"):
        missing.append("发文机关署名")
    if not src.parts.date and not src.role("date"):
        missing.append("成文日期")
    if not missing:
        return []
    last = src.lines[-1] if src.lines else None
    return [this("parts.signature").finding(last, last.text if last else "",
                                            f"缺少{'和'.join(missing)}（正文之后，右空四字） / missing "
                                            f"{', '.join(missing)}")]


@rule("parts.signer", f"{S9704} 7.2.6", WARNING, "上行文（请示、报告）应标注签发人")
def signer_missing(ctx: Context) -> list[Finding]:
    """A 请示 or 报告 without 签发人."""
    if not _needs(ctx, "upward") or ctx.source.parts.signers:
        return []
    title = ctx.source.title
    return [this("parts.signer").finding(title, title.text if title else "",
                                         "上行文应在版头标注签发人 / an upward document names its 签发人")]


_NO_TEXT = re.compile(r"[（(]?\s*此\s*页\s*无\s*正\s*文\s*[）)]?")


@rule("closing.no_text", f"{S9704} 7.3.5.1", ERROR, "不得标识“此页无正文”：落款应与正文同处一面")
def no_text_page(ctx: Context) -> list[Finding]:
    """“此页无正文” marking a 落款 alone on its page: the standard forbids it (adjust the spacing instead)."""
    r = this("closing.no_text")
    return [r.finding(ln, m.group(0), "印章、落款应与正文同处一面，不得标识“此页无正文”，应调整行距、字距（Yuku 导出和"
                      "打印时自动调整） / the seal shares a page with the text: do not mark 此页无正文", None, m.start())
            for ln in ctx.source.lines for m in _NO_TEXT.finditer(ln.text)]
