"""`yuku convert IN OUT --config CFG`: simplified ⇄ traditional conversion of a .txt or .docx file."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from editor.core.errors import YukuError


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options."""
    p.add_argument("input", metavar="IN", help=".txt (any encoding) or .docx")
    p.add_argument("output", metavar="OUT", help="where to write (.txt is written as UTF-8); may equal IN")
    p.add_argument("--config", "-c", default=None,
                   help="OpenCC config: s2t s2tw s2twp s2hk t2s tw2s tw2sp hk2s … (default: the setting "
                        "default_conversion, s2t)")
    p.add_argument("--protect", action="append", default=[], metavar="TERM",
                   help="a term to leave unconverted (repeatable); added to the user's protected terms")
    p.add_argument("--no-user-terms", action="store_true", help="ignore the user's protected-terms list")
    p.add_argument("--json", action="store_true", help="print a JSON summary")


def _config(args: argparse.Namespace) -> str:
    from editor.core.script.converter import CONFIG_IDS, CONFIGS

    cfg = args.config
    if cfg is None:
        from editor.core.settings import Settings

        cfg = Settings().get("default_conversion")
    cfg = cfg.removesuffix(".json")
    if cfg not in CONFIG_IDS:
        valid = " ".join(c for c, _ in CONFIGS)
        raise YukuError(f"--config {cfg}", f"没有这个简繁转换配置，可用：{valid} / unknown OpenCC config")
    return str(cfg)


def _terms(args: argparse.Namespace) -> list[str]:
    from editor.core.script.protected_terms import load_terms, normalise_terms

    user = [] if args.no_user_terms else load_terms()
    return normalise_terms([*user, *args.protect])


def run(args: argparse.Namespace) -> int:
    """Convert one file with the converter its format registers."""
    from editor.core.formats.registry import format_for

    src, dst = Path(args.input), Path(args.output)
    config = _config(args)
    fmt = format_for(src, opening=True)
    if fmt is None or fmt.convert is None:
        raise YukuError(src, "不支持的文件类型，请给出 .txt 或 .docx / unsupported file type")
    if fmt.is_text and format_for(dst) is not fmt:
        raise YukuError(dst, "文本文件请输出为 .txt；要生成 Word 请用 yuku export / write text to .txt")
    if not fmt.is_text and dst.suffix.lower() != src.suffix.lower():
        raise YukuError(dst, f"输出文件应与输入同为 {src.suffix.lower()} / the output must be {src.suffix.lower()} like the input")
    if not src.exists():
        raise YukuError(src, "文件不存在，请检查路径 / the file does not exist")
    if not dst.parent.exists() and str(dst.parent) not in ("", "."):
        raise YukuError(dst, "目标文件夹不存在，请先创建 / the output folder does not exist")
    terms = _terms(args)
    try:
        details = fmt.convert(src, dst, config, terms)
    except OSError as exc:
        raise YukuError(dst, f"无法写入（{exc.strerror or exc}），原文件未改动 / cannot write the output") from None
    if args.json:
        print(json.dumps({"input": str(src), "output": str(dst), "config": config, **details}, ensure_ascii=False))
    return 0
