"""The `yuku` command: the editor without a subcommand, the subcommands of ARCHITECTURE.md otherwise."""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from editor import __version__

# Subcommand name -> module in editor.commands providing add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, str] = {
    "mine": "editor.commands.mine",
    "phrases": "editor.commands.phrases",
    "recover": "editor.commands.recover",
    "convert": "editor.commands.convert",
    "export": "editor.commands.export",
    "check": "editor.commands.check",
}

_HELP = {
    "mine": "读取语料（文件或文件夹）并重新挖掘语库 / read a corpus and re-mine the bank",
    "phrases": "列出语库中的短语 / list phrases in the bank",
    "convert": "简繁转换 .txt/.docx / convert between simplified and traditional script",
    "export": "导出 Word（公文格式）或纯文本 / export a draft to DOCX or a DOCX to text",
    "recover": "列出自动保存的草稿 / list drafts kept by autosave",
    "check": "公文格式与规范检查（GB/T 9704、15834、15835）/ check a 公文 against the standards",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="yuku", description="语库 Yuku — 公文写作编辑器")
    parser.add_argument("--version", action="version", version=f"yuku {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--self-test", action="store_true", help="start the GUI, run checks, print JSON")
    sub = parser.add_subparsers(dest="command")
    for name, module in COMMANDS.items():
        p = sub.add_parser(name, help=_HELP.get(name))
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        importlib.import_module(module).add_arguments(p)
    return parser


def _split_gui_args(argv: list[str]) -> tuple[list[str], list[str]]:
    """Files to open and Qt's own options (which argparse must not see)."""
    files = [a for a in argv if not a.startswith("-")]
    return files, [a for a in argv if a.startswith("-")]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version"):
        return _run_gui(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    from editor.core.errors import YukuError
    from editor.core.logs import setup_logging

    setup_logging()
    try:
        return int(importlib.import_module(COMMANDS[args.command]).run(args))
    except YukuError as exc:
        if getattr(args, "debug", False):
            raise
        print(f"yuku: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("yuku: 已中断 / interrupted", file=sys.stderr)
        return 1
    except Exception as exc:
        if getattr(args, "debug", False):
            raise
        logging.getLogger(__name__).exception("command failed")
        print(f"yuku: {exc.__class__.__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return 1


def _run_gui(argv: list[str]) -> int:
    """Open the editor (or run the self-test)."""
    debug = "--debug" in argv
    argv = [a for a in argv if a != "--debug"]
    from editor.core.logs import setup_logging

    setup_logging(logging.DEBUG if debug else logging.INFO)
    if "--self-test" in argv:
        from editor.gui.self_test.runner import run_self_test

        return run_self_test()
    unknown = [a for a in argv if a.startswith("--") and a not in ("--help",)]
    if unknown:
        print(f"yuku: 未知选项 {' '.join(unknown)}；用 yuku --help 查看用法 / unknown option, see yuku --help",
              file=sys.stderr)
        return 2
    files, _ = _split_gui_args(argv)
    from editor.gui.app import run_app

    return run_app(files)


if __name__ == "__main__":
    raise SystemExit(main())
