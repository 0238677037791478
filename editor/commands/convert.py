"""`yuku convert IN OUT --config CFG`: simplified ⇄ traditional conversion of a .txt or .docx file."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from editor.core.errors import YukuError

TEXT_SUFFIXES = (".txt", ".md", ".text", "")
MAX_TEXT_BYTES = 256 * 1024 * 1024


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


def convert_text_file(src: Path, dst: Path, config: str, terms: list[str]) -> int:
    """Convert a text file in any encoding to UTF-8; returns the number of characters written."""
    from editor.core.atomic import atomic_write_bytes
    from editor.core.formats.encoding import decode_bytes
    from editor.core.script.converter import convert_text

    try:
        size = src.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise YukuError(src, "文件过大（超过 256 MB），请拆分后再转换 / the file is too large, split it first")
        data = src.read_bytes()
    except FileNotFoundError:
        raise YukuError(src, "文件不存在，请检查路径 / the file does not exist") from None
    except IsADirectoryError:
        raise YukuError(src, "这是文件夹，请给出文件 / this is a folder, not a file") from None
    except OSError as exc:
        raise YukuError(src, f"无法读取（{exc.strerror}），请检查权限 / cannot read the file") from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YukuError(src, "这不是文本文件（含二进制内容），请选择 .txt 或 .docx / not a text file")
    text = decode_bytes(data).text
    out = convert_text(text, config, terms)
    atomic_write_bytes(dst, out.encode("utf-8"))
    return len(out)


def run(args: argparse.Namespace) -> int:
    """Convert one file."""
    src, dst = Path(args.input), Path(args.output)
    config = _config(args)
    in_kind = src.suffix.lower()
    out_kind = dst.suffix.lower()
    is_docx = in_kind in (".docx", ".docm", ".dotx", ".dotm")
    if is_docx and out_kind != in_kind:
        raise YukuError(dst, f"输出文件应与输入同为 {in_kind} / the output must be {in_kind} like the input")
    if not is_docx and in_kind not in TEXT_SUFFIXES:
        raise YukuError(src, "不支持的文件类型，请给出 .txt 或 .docx / unsupported file type")
    if not is_docx and out_kind == ".docx":
        raise YukuError(dst, "文本文件请输出为 .txt；要生成 Word 请用 yuku export / write text to .txt")
    if not src.exists():
        raise YukuError(src, "文件不存在，请检查路径 / the file does not exist")
    if not dst.parent.exists() and str(dst.parent) not in ("", "."):
        raise YukuError(dst, "目标文件夹不存在，请先创建 / the output folder does not exist")
    terms = _terms(args)
    try:
        if is_docx:
            from editor.core.formats.docx.convert import convert_docx

            result = convert_docx(src, dst, config, terms)
            summary = {"input": str(src), "output": str(dst), "config": config,
                       "paragraphs": result.paragraphs, "changed_nodes": result.changed_nodes,
                       "parts": result.parts}
        else:
            chars = convert_text_file(src, dst, config, terms)
            summary = {"input": str(src), "output": str(dst), "config": config, "characters": chars}
    except OSError as exc:
        raise YukuError(dst, f"无法写入（{exc.strerror or exc}），原文件未改动 / cannot write the output") from None
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    return 0
