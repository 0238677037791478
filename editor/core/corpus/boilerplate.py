"""Web boilerplate: site notices, collection blurbs, snippets and footers that recur at document edges."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

# Words that only web pages put around a document (upload notices, customer service, copyright,
# paywalls, "the editor has collected…"). A line holding one is not the author's text.
WEB_CUES = re.compile(
    r"上传|下载|客服|版权|付费|文库|本站|本网|本网站|网站地图|网站声明|网站首页|小编|点击|扫码|二维码|公众号|"
    r"关注我们|免责|转载|责任编辑|来源[:：]|原标题|阅读全文|阅读次数|浏览次数|加入收藏|收藏本站|分享到|打印本页|"
    r"关闭窗口|ICP|备案号|技术支持|版权所有|联系电话|联系我们|举报电话|我要投诉|侵权|会员登录|登录注册|注册登录|"
    r"首页|上一篇|下一篇|相关推荐|相关文章|热门文章|更多范文|范文网|整理发布|https?://|www\.|\.com|\.cn\b|"
    r"QQ|ＱＱ|微信号|主办单位|承办单位|主办[:：]|承办[:：]|标识码|扫一扫|当前页|字号[:：]|【打印】|【关闭】|"
    r"发布时间[:：]|作者[:：]|编辑[:：]|审核[:：]|作者单位|稿件来源|文章来源|信息来源|供稿[:：]|推荐阅读|相关阅读|"
    r"返回顶部|浏览量|阅读量|【字体|字体[:：]|查看更多|展开全文|地址[:：]|邮编|电话[:：]|传真[:：]|邮箱[:：]|"
    r"网址[:：]|[Cc]opyright|©|All [Rr]ights|公有领域|本作品|维基文库|维基百科|不适用于该法|知识共享|"
    r"立法、行政、司法性质|许可协议|本文有删减",
)
# Collection headers of essay sites: "…【多篇】", "…大全3篇", "…范文5篇".
COLLECTION_TITLE = re.compile(r"【[^】]{0,6}篇】|大全|精选\d*篇|范文\d*篇|\d+篇$|合集")
# A file-size or date line left by a download page ("- 17.12 KB", "- 2021-04-14 发布").
_META_LINE = re.compile(r"^[-•·*\s]*(?:\d+(?:\.\d+)?\s*[KMG]B|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*(?:发布|上传|更新)?)\s*$",
                        re.IGNORECASE)
# Characters that make a short line look like a footer (URLs, phone numbers, email).
_FOOTERISH = re.compile(r"[A-Za-z]{3,}|\d{5,}|@|[|｜]")


def is_web_line(line: str) -> bool:
    """True for a line that belongs to the web page, not the document."""
    s = line.strip()
    if not s:
        return False
    if _META_LINE.match(s):
        return True
    # Long paragraphs may quote a cue word innocently (下载 an app); notices are short or list items.
    return bool(WEB_CUES.search(s) and (len(s) < 120 or s.startswith(("-", "•", "·", "*"))))


def is_snippet(line: str, following: str) -> bool:
    """A search-result snippet: a line cut off with '...' that repeats the text right after it."""
    s = line.rstrip()
    if not s.endswith(("...", "…", "……")):
        return False
    head = s.rstrip(".…")[:20].strip()
    return bool(head) and head[:10] in following


def edge_line_key(line: str) -> str:
    """What counts as 'the same footer': digits and spaces ignored."""
    return re.sub(r"[\d\s]+", "", line)


class EdgeLines:
    """Where each line (by edge_line_key) was seen, over the documents added so far (a later run adds more)."""

    def __init__(self, edge: int = 3, min_docs: int = 3) -> None:
        self.edge, self.min_docs = edge, min_docs
        self.at_edge: Counter[str] = Counter()
        self.anywhere: Counter[str] = Counter()
        self.docs_with: Counter[str] = Counter()
        self.documents = 0

    def add(self, lines: list[str]) -> None:
        """Count one document's lines."""
        n, edge = len(lines), self.edge
        mine: set[str] = set()
        for j, line in enumerate(lines):
            key = edge_line_key(line)
            if not key:
                continue
            self.anywhere[key] += 1
            mine.add(key)
            if j < edge or j >= n - edge:
                self.at_edge[key] += 1
        self.docs_with.update(mine)
        self.documents += 1

    def recurring(self, keep: Callable[[str], bool] | None = None) -> set[str]:
        """Keys of lines seen at the first/last `edge` lines of many documents and mostly there.

        Site footers and headers ("本文来源：某网 责任编辑：…") repeat at document edges across a
        site's pages; stock closing lines also recur, but in the body and with sentence punctuation,
        so a line must sit at an edge in most of its occurrences and look like page furniture.
        keep: lines that stay even in most documents (the genre's own opening and closing sentences).
        """
        out: set[str] = set()
        threshold = max(self.min_docs, self.documents // 20)
        widespread = max(10, self.documents // 2)
        for key, n_edge in self.at_edge.items():
            docs = self.docs_with[key]
            if docs < threshold or n_edge < 0.6 * self.anywhere[key]:
                continue
            # A recurring edge line that ends like a sentence and carries no page furniture may be a
            # stock opening/closing sentence: keep those unless they are very widespread.
            furniture = bool(WEB_CUES.search(key) or _FOOTERISH.search(key)) or (
                len(key) > 15 and "，" not in key and not key.endswith(("。", "！", "!")))
            # A genre's own opening or closing sentence stands at the edge of most of its documents
            # (现在，我代表国务院，向大会报告政府工作，请予审议 / 让我们…而努力奋斗！): the formula itself.
            if furniture or (docs >= widespread and not (keep is not None and keep(key))):
                out.add(key)
        return out


def recurring_edge_lines(documents: list[list[str]], edge: int = 3, min_docs: int = 3,
                         keep: Callable[[str], bool] | None = None) -> set[str]:
    """Keys of lines seen at the first/last `edge` lines of many documents and mostly there (EdgeLines)."""
    lines = EdgeLines(edge, min_docs)
    for doc in documents:
        lines.add(doc)
    return lines.recurring(keep)
