"""No file in the project holds a merge's conflict markers (one reached README.md once)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.MULTILINE)
SUFFIXES = {".py", ".md", ".toml", ".cfg", ".txt", ".ts", ".json", ".sh", ".yml", ".yaml", ".tsv", ""}
SKIP = {".git", ".venv", "node_modules", "__pycache__", "build", "dist"}


def project_files():
    try:  # the tracked files, when this is a git checkout; else everything under the project
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, timeout=60)
        paths = [ROOT / line for line in out.stdout.splitlines()] if out.returncode == 0 else None
    except OSError:
        paths = None
    for path in paths if paths else ROOT.rglob("*"):
        if any(part in SKIP or part.endswith(".egg-info") for part in path.relative_to(ROOT).parts):
            continue
        if path.is_file() and path.suffix in SUFFIXES and path.stat().st_size < 5_000_000:
            yield path


def test_no_conflict_markers():
    bad = []
    for path in project_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        if MARKER.search(text):
            bad.append(str(path.relative_to(ROOT)))
    assert not bad, f"conflict markers in {bad}"


def test_the_check_sees_a_marker(tmp_path):
    assert MARKER.search("text\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n")
    assert not MARKER.search("标题\n=====\n正文 ======= 分隔\n")
