"""Phrase mining: structured, de-duplicated documents → ranked phrases with section, kind and example."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.mining.control import MiningCancelled, check_cancelled
from editor.core.model.phrases import Phrase

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.count_cache import CountCache

Progress = Callable[[int, int, str], None]
__all__ = ["MiningCancelled", "MiningResult", "mine_corpus", "structure_corpus"]



@dataclass
class MiningResult:
    """Mined phrases and how many distinct documents they came from."""

    phrases: list[Phrase]
    documents: int


def structure_corpus(corpus: list[tuple[str, str]], cancelled: Callable[[], bool] | None = None,
                     progress: Progress | None = None) -> list[Document]:
    """Files → de-duplicated documents with headings and sections (simplified script)."""
    from editor.core.corpus.boilerplate import edge_line_key, recurring_edge_lines
    from editor.core.corpus.dedupe import dedupe_documents, dedupe_paragraphs, dedupe_passages
    from editor.core.corpus.normalize import fold_width, is_traditional, t2s
    from editor.core.corpus.sections import assign_sections
    from editor.core.corpus.structure import split_documents

    docs = []
    for i, (name, text) in enumerate(corpus):
        check_cancelled(cancelled)
        if progress:
            progress(i, len(corpus), "分析文档结构 / reading structure")
        # Counting happens in simplified script with half-width digits (MINING.md); the script
        # the document was written in is remembered so phrases can be shown in it.
        simplified = fold_width(t2s(text))
        found = split_documents(Path(name).name, simplified)
        if is_traditional(text, simplified):
            pair = (simplified, fold_width(text)) if len(simplified) == len(text) else None
            for d in found:
                d.traditional, d.surface = True, pair
        docs.extend(found)
    docs = dedupe_documents(docs)
    footers = recurring_edge_lines([[p.text for p in d.paragraphs if not p.heading] for d in docs])
    if footers:
        for d in docs:
            d.paragraphs = [p for p in d.paragraphs if p.heading or edge_line_key(p.text) not in footers]
    dedupe_paragraphs(docs)
    dedupe_passages(docs)
    for d in docs:
        assign_sections(d)
    return [d for d in docs if d.paragraphs]


def mine_corpus(corpus: list[tuple[str, str]], progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, cache: CountCache | None = None) -> MiningResult:
    """Mine (name, text) files into phrases; cache: per-document counts of earlier runs (count_cache)."""
    # A third of the bar for structure, two thirds for counting and filtering.
    docs = structure_corpus(corpus, cancelled, (lambda d, t, s: progress(d, 3 * max(t, 1), s)) if progress else None)

    def rest(done: int, total: int, stage: str) -> None:
        if progress:
            progress(total // 2 + done, total // 2 * 3 if total else 1, stage)

    from editor.core.mining.assemble import mine_documents

    return MiningResult(mine_documents(docs, rest if progress else None, cancelled, cache), len(docs))
