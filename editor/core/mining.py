"""Phrase mining (first cut): numbered headings and clauses that recur across documents."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.core.phrases import Phrase


@dataclass
class MiningResult:
    """Mined phrases and how many distinct documents they came from."""

    phrases: list[Phrase]
    documents: int


def mine_corpus(corpus: list[tuple[str, str]], progress: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> MiningResult:
    """Mine (name, text) files into phrases."""
    texts = {Path(name).name: text for name, text in corpus}
    return MiningResult(mine_texts(texts), len(texts))

_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])\s*(.{4,30}?)[。：:]?$")
_CLAUSE_SPLIT = re.compile(r"[，。；：！？,;:!?\n]")


def mine_texts(texts: dict[str, str]) -> list[Phrase]:
    """Mine phrases from {source name: text}."""
    found: dict[str, Phrase] = {}
    clause_docs: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, tuple[str, str]] = {}
    for source, text in texts.items():
        for line in text.splitlines():
            m = _HEADING.match(line)
            if m:
                head = m.group(1).strip()
                if head not in found:
                    found[head] = Phrase(head, "measures", "heading", 1.0, 1, 1, line.strip(), source)
            for clause in _CLAUSE_SPLIT.split(line):
                clause = clause.strip()
                if 6 <= len(clause) <= 30:
                    clause_docs[clause].add(source)
                    examples.setdefault(clause, (line.strip(), source))
    for clause, docs in clause_docs.items():
        if len(docs) >= 2 and clause not in found:
            ex, src = examples[clause]
            found[clause] = Phrase(clause, "general", "collocation", float(len(docs)), len(docs), len(docs), ex, src)
    return sorted(found.values(), key=lambda p: -p.score)


def read_corpus(paths: list[Path]) -> dict[str, str]:
    """Read .txt files (UTF-8) from files and folders."""
    texts: dict[str, str] = {}
    for path in paths:
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            if f.name.lower() == "readme.md":
                continue
            texts[f.name] = f.read_text(encoding="utf-8", errors="replace")
    return texts
