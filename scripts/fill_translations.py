#!/usr/bin/env python3
"""Fill resources/i18n/*.ts: zh_TW from OpenCC s2tw with Taiwan UI terms, English from scripts/i18n/en.json.

Run after `python -m editor.build_translations --update` has extracted new strings:
    .venv/bin/python scripts/fill_translations.py [--check]
zh_TW strings already finished are kept (hand edits survive); --check lists English strings still missing and exits 1.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"

# Mainland UI words and their Taiwan equivalents (Microsoft's zh-TW glossary), applied to the
# simplified source before OpenCC so that 文件 (file) → 檔案 while 文档 (document) → 文件.
TW_TERMS: dict[str, str] = {
    "文件夹": "資料夾", "文件名": "檔名", "文件": "檔案", "文档": "文件", "文本文件": "文字檔",
    "文本": "文字", "保存": "儲存", "另存为": "另存新檔", "打开": "開啟", "新建": "新增",
    "退出": "結束", "撤销": "復原", "剪切": "剪下", "粘贴": "貼上", "复制": "複製", "全选": "全選",
    "查找": "尋找", "替换": "取代", "视图": "檢視", "工具栏": "工具列", "状态栏": "狀態列",
    "菜单": "選單", "首选项": "偏好設定", "设置": "設定", "默认": "預設", "界面": "介面",
    "帮助": "說明", "信息": "資訊", "字体": "字型", "打印": "列印", "全屏": "全螢幕",
    "屏幕": "螢幕", "窗口": "視窗", "程序": "程式", "导出": "匯出", "导入": "匯入", "图标": "圖示",
    "自动保存": "自動儲存", "最近打开": "最近開啟", "数据库": "資料庫", "数据": "資料",
    "缓存": "快取", "链接": "連結", "标签": "標籤", "选项": "選項", "支持": "支援", "用户": "使用者",
    "加载": "載入", "双击": "按兩下", "光标": "游標", "模板": "範本", "格式": "格式",
    "字符": "字元", "简繁": "簡繁", "更改": "變更", "消息": "訊息", "网络": "網路", "软件": "軟體",
    "磁盘": "磁碟", "硬盘": "硬碟", "运行": "執行", "计算机": "電腦", "进程": "處理程序", "鼠标": "滑鼠",
    "对象": "物件", "代码": "程式碼", "批量": "批次", "编码": "編碼", "拖入": "拖入",
    "另存为其他文件名": "另存為其他檔名", "另存为新文件": "另存為新檔案",
}
_TERM_RE = re.compile("|".join(sorted(map(re.escape, TW_TERMS), key=len, reverse=True)))


def to_taiwan(text: str) -> str:
    """A simplified UI string in Taiwan traditional script and vocabulary."""
    import opencc

    conv = opencc.OpenCC("s2tw")
    out: list[str] = []
    pos = 0
    for m in _TERM_RE.finditer(text):
        out.append(conv.convert(text[pos:m.start()]))
        out.append(TW_TERMS[m.group(0)])
        pos = m.end()
    out.append(conv.convert(text[pos:]))
    return "".join(out)


def _set(msg: etree._Element, values: list[str]) -> None:
    tr = msg.find("translation")
    if tr is None:
        tr = etree.SubElement(msg, "translation")
    tr.attrib.pop("type", None)
    if msg.get("numerus") == "yes":
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        for value in values:
            etree.SubElement(tr, "numerusform").text = value
    else:
        tr.text = values[0]


def _finished(msg: etree._Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    return bool((tr.text or "").strip() or len(tr))


def fill(path: Path, lookup, overwrite: bool = False) -> list[str]:
    """Fill unfinished messages with lookup(context, source) -> list | None; returns sources left."""
    tree = etree.parse(str(path))
    missing: list[str] = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            finished = _finished(msg)
            if finished and not overwrite:
                continue
            source = msg.findtext("source") or ""
            values = lookup(name, source, msg.get("numerus") == "yes")
            if values:
                _set(msg, values)
            elif not finished:
                missing.append(f"{name}: {source}")
    tree.write(str(path), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    return missing


def english_lookup(table: dict[str, object]):
    """Lookup in en.json: keys "source" or "context|source"; values a string or [singular, plural]."""
    def lookup(context: str, source: str, numerus: bool) -> list[str] | None:
        value = table.get(f"{context}|{source}", table.get(source))
        if value is None:
            return None
        values = list(value) if isinstance(value, list) else [str(value)]
        if numerus and len(values) == 1:
            values = values * 2
        return values
    return lookup


def main(argv: list[str] | None = None) -> int:
    """Fill both languages; with --check report English strings still missing."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--retranslate-tw", action="store_true", help="redo every zh_TW string")
    args = parser.parse_args(argv)
    fill(I18N / "yuku_zh_TW.ts", lambda c, s, n: [to_taiwan(s)], overwrite=args.retranslate_tw)
    table = json.loads((ROOT / "scripts" / "i18n" / "en.json").read_text(encoding="utf-8"))
    # en.json is the English source of truth: its entries replace what the .ts holds.
    missing = fill(I18N / "yuku_en.ts", english_lookup(table), overwrite=True)
    for line in missing:
        print(f"missing English: {line}", file=sys.stderr)
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    raise SystemExit(main())
