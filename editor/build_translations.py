"""Translations: extract strings into resources/i18n/*.ts (lupdate) and compile them to .qm (lrelease).

`python -m editor.build_translations` compiles (make run/test/package do this; .qm files are build
output, never committed); `--update` first re-extracts every string from editor/ into the .ts files.
"""
from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

# The .ts files Yuku ships; zh_CN is the source language, so it has none.
TARGET_LANGUAGES = ("en", "zh_TW")
SOURCE_LANGUAGE = "zh_CN"


def _tool(name: str) -> list[str] | None:
    """A PySide6 tool (pyside6-lrelease, pyside6-lupdate) next to this Python, on PATH, or in PySide6."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return [str(here)]
    found = shutil.which(name)
    if found:
        return [found]
    try:  # the binary inside the PySide6 package (e.g. a build environment without scripts on PATH)
        import PySide6
    except ImportError:
        return None
    short = name.removeprefix("pyside6-")
    for candidate in (Path(PySide6.__file__).parent / short, Path(PySide6.__file__).parent / f"{short}.exe"):
        if candidate.exists():
            return [str(candidate)]
    return None


def lrelease_command() -> list[str] | None:
    """The pyside6-lrelease command, or None when PySide6 is not installed."""
    return _tool("pyside6-lrelease")


def build(folder: Path, out: Path | None = None, force: bool = False) -> list[Path]:
    """Compile every .ts in folder whose .qm (in out, default folder) is missing or older."""
    out = out or folder
    out.mkdir(parents=True, exist_ok=True)
    cmd = lrelease_command()
    written: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if cmd is None:
            raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
        subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def source_files(root: Path) -> list[Path]:
    """Python files whose strings are translated (the editor package, tests excluded)."""
    return sorted(p for p in (root / "editor").rglob("*.py") if "__pycache__" not in p.parts)


def update_sources(root: Path, folder: Path) -> None:
    """Re-extract strings into each language's .ts, keeping existing translations."""
    cmd = _tool("pyside6-lupdate")
    if cmd is None:
        raise SystemExit("pyside6-lupdate not found: install PySide6-Essentials")
    files = [str(p) for p in source_files(root)]
    for lang in TARGET_LANGUAGES:
        ts = folder / f"yuku_{lang}.ts"
        subprocess.run([*cmd, "-no-obsolete", "-locations", "absolute", "-source-language", SOURCE_LANGUAGE,
                        "-target-language", lang, *files, "-ts", str(ts)], check=True)
        fix_module_contexts(ts)


# Module-level helpers lupdate cannot see through: `def tr(text): return translate("ctx", text)`
# (lupdate files the strings under an empty context) and `tr = QCoreApplication.translate` (lupdate
# reads tr("ctx", "text") as source "ctx" with comment "text").
_MODULE_TR = re.compile(r'def tr\([^)]*\)[^:]*:\s*(?:"""[^"]*"""\s*)?return QCoreApplication\.translate\("(\w+)"')
_ALIAS_TR = re.compile(r"^\s*tr\s*=\s*QCoreApplication\.translate\b", re.M)


def fix_module_contexts(ts: Path) -> int:
    """Move strings lupdate put under the empty context to the context the code uses; drop locations."""
    tree = ElementTree.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    empty = contexts.get("")
    moved = 0
    if empty is not None:
        for msg in list(empty.iter("message")):
            loc = msg.find("location")
            path = (ts.parent / loc.get("filename", "")) if loc is not None else None  # relative to the .ts
            code = path.read_text(encoding="utf-8") if path is not None and path.is_file() else ""
            target = None
            match = _MODULE_TR.search(code)
            comment = msg.find("comment")
            if _ALIAS_TR.search(code) and comment is not None:
                target = msg.findtext("source") or ""
                msg.find("source").text = comment.text  # type: ignore[union-attr]
                msg.remove(comment)
            elif match:
                target = match.group(1)
            if not target:
                continue
            if target not in contexts:
                ctx = ElementTree.SubElement(root, "context")
                ElementTree.SubElement(ctx, "name").text = target
                contexts[target] = ctx
            empty.remove(msg)
            contexts[target].append(msg)
            moved += 1
        if not list(empty.iter("message")):
            root.remove(empty)
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            for loc in msg.findall("location"):
                msg.remove(loc)  # absolute paths are machine-specific; keep the .ts diffs small
    ElementTree.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return moved


PSEUDO_PAD = "～"


def lengthen(text: str, scale: float = 1.6) -> str:
    """Text wrapped in brackets and padded to about scale times its length (placeholders kept)."""
    if not text or text.startswith("<"):
        return text  # rich text: padding would break the markup
    extra = max(1, math.ceil(len(text) * (scale - 1)))
    return f"［{text}{PSEUDO_PAD * extra}］"


def write_pseudo_ts(source_ts: Path, out_ts: Path, use_translation: bool, scale: float) -> None:
    """A .ts whose every message is lengthened: the source text (zh_CN) or the translation."""
    tree = ElementTree.parse(source_ts)
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None:
            tr = ElementTree.SubElement(msg, "translation")
        forms = tr.findall("numerusform")
        source = msg.findtext("source") or ""
        if forms:
            for form in forms:
                form.text = lengthen((form.text or source) if use_translation else source, scale)
        else:
            tr.text = lengthen((tr.text or source) if use_translation else source, scale)
        tr.attrib.pop("type", None)
    tree.write(out_ts, encoding="utf-8", xml_declaration=True)


def build_pseudo(folder: Path, language: str, out_dir: Path, scale: float = 1.6) -> Path | None:
    """Compile a pseudo-translation .qm for language into out_dir (None without lrelease or .ts).

    Built with lrelease rather than a Python QTranslator subclass: PySide6 6.12 drops a reference
    to None on every call of a Python translate() override, and the interpreter aborts later.
    """
    cmd = lrelease_command()
    source = folder / ("yuku_en.ts" if language == SOURCE_LANGUAGE else f"yuku_{language}.ts")
    if cmd is None or not source.exists():
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    ts = out_dir / f"yuku_pseudo_{language}.ts"
    qm = ts.with_suffix(".qm")
    write_pseudo_ts(source, ts, use_translation=language != SOURCE_LANGUAGE, scale=scale)
    subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    """Command line: compile, optionally after re-extracting the strings."""
    parser = argparse.ArgumentParser(prog="python -m editor.build_translations")
    parser.add_argument("--update", action="store_true", help="re-extract strings from editor/ first")
    parser.add_argument("--force", action="store_true", help="rebuild every .qm")
    args = parser.parse_args(argv)
    from editor.core.resources import resource_path

    folder = resource_path("i18n")
    if args.update:
        update_sources(Path(__file__).resolve().parent.parent, folder)
    build(folder, force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
