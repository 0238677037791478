"""The default bank, mined when the package is built and shipped, so that a first start does not mine.

`resources/bank/default.json` holds the phrases mined from `resources/corpus` and a fingerprint of
that corpus and of the miner's code. `python -m editor.build_bank` writes it (make run / package and
the PyInstaller spec run it); a test checks that the committed file is current. A file whose
fingerprint does not match the code it runs with is ignored, and the bank is mined as before.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sys
from pathlib import Path

from editor.core.model.phrases import Phrase
from editor.core.resources import resource_path, seed_corpus_dir

log = logging.getLogger(__name__)
FORMAT = 1
_FIELDS = ("text", "section", "kind", "score", "count", "doc_count", "example", "source")


def prebuilt_path() -> Path:
    """Where the shipped default bank lives."""
    return resource_path("bank", "default.json")


def _code_dirs() -> list[Path]:
    core = Path(__file__).resolve().parents[1]
    # Only the miner's own packages: a change elsewhere that alters the bank is caught by the test that
    # compares the shipped bank with a fresh mine.
    return [core / "mining", core / "corpus"]


def fingerprint(corpus: Path | None = None) -> str | None:
    """Digest of the corpus files and the miner's sources; None in a frozen bundle (no sources to read)."""
    if getattr(sys, "frozen", False):
        return None
    h = hashlib.sha1(f"format {FORMAT}".encode())
    root = corpus or seed_corpus_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".docx")):
        h.update(path.relative_to(root).as_posix().encode("utf-8"))
        h.update(hashlib.sha1(path.read_bytes()).digest())
    for folder in _code_dirs():
        for path in sorted(folder.glob("*.py")):
            h.update(path.name.encode("utf-8"))
            h.update(hashlib.sha1(path.read_bytes()).digest())
    return h.hexdigest()


def build(out: Path | None = None) -> int:
    """Mine the bundled corpus and write the shipped bank; returns the number of phrases."""
    from editor.core.corpus.reader import read_corpus_files
    from editor.core.mining.miner import mine_corpus

    target = out or prebuilt_path()
    read = read_corpus_files([seed_corpus_dir()])
    root = seed_corpus_dir()
    # Sources are stored relative to the corpus folder: the same file wherever Yuku is installed.
    corpus = [(Path(f.name).relative_to(root).as_posix() if Path(f.name).is_relative_to(root) else f.name, f.text)
              for f in read.files]
    result = mine_corpus(corpus)
    data = {"format": FORMAT, "fingerprint": fingerprint(), "documents": result.documents,
            "phrases": [{k: getattr(p, k) for k in _FIELDS} for p in result.phrases]}
    from editor.core.atomic import atomic_write_text

    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, json.dumps(data, ensure_ascii=False, indent=0) + "\n")
    return len(result.phrases)


def _read() -> dict | None:
    """The shipped file's data, or None when it is missing, damaged or of another format."""
    try:
        data = json.loads(prebuilt_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def shipped_id() -> str | None:
    """Which shipped bank this Yuku carries (its fingerprint), or None when it carries none."""
    data = _read()
    value = data.get("fingerprint") if data else None
    return value if isinstance(value, str) else None


def load_prebuilt() -> list[Phrase] | None:
    """The shipped phrases, or None when there are none or they were mined by other code or corpus."""
    path = prebuilt_path()
    data = _read()
    if data is None:
        return None
    current = fingerprint()
    if current is not None and data.get("fingerprint") != current:
        log.info("shipped bank %s is stale; the bank will be mined", path)
        return None
    try:
        return [Phrase(**{k: row[k] for k in _FIELDS}) for row in data["phrases"]]
    except (KeyError, TypeError):
        return None
