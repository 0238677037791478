"""Phrase mining: structured, de-duplicated documents → ranked phrases with section, kind and example."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.core.mining.control import MiningCancelled, check_cancelled
from editor.core.model.phrases import Phrase

if TYPE_CHECKING:
    from editor.core.corpus.dedupe import Print, Prints
    from editor.core.corpus.structure import Document
    from editor.core.mining.count_cache import CountCache

Progress = Callable[[int, int, str], None]
__all__ = ["MiningCancelled", "MiningResult", "mine_corpus", "split_files", "structure_corpus"]


@dataclass
class MiningResult:
    """Mined phrases and how many distinct documents they came from."""

    phrases: list[Phrase]
    documents: int


# The files being split, set before workers are forked: they inherit them and are sent only numbers.
_FORKED: list[tuple[str, str]] = []


def _split_forked(item: int | tuple[str, str]) -> tuple[list[Document], list[tuple[Print | None, list[Print | None]]]]:
    from editor.core.corpus.archive import split_file
    from editor.core.corpus.dedupe import fingerprints

    docs = split_file(*(_FORKED[item] if isinstance(item, int) else item))
    return docs, fingerprints(docs)


def split_files(corpus: list[tuple[str, str]], cancelled: Callable[[], bool] | None = None,
                progress: Progress | None = None, prints: Prints | None = None) -> list[Document]:
    """Every file's documents (archive.split_file), in file order: in one worker process per core for many files.

    prints: filled with the documents' and paragraphs' de-duplication prints when workers made them.
    """
    from editor.core.corpus.archive import split_file
    from editor.core.mining.mapreduce import pool_context, windowed

    context = pool_context(sum(len(t) for _, t in corpus)) if len(corpus) > 8 else None
    docs: list[Document] = []

    def step(i: int) -> None:
        if i % 8 == 0:
            check_cancelled(cancelled)
            if progress:
                progress(i, len(corpus), "分析文档结构 / reading structure")

    if context is None:
        for i, (name, text) in enumerate(corpus):
            step(i)
            docs.extend(split_file(name, text))
        return docs
    items: list[int | tuple[str, str]] = list(corpus)
    if context.get_start_method() == "fork":
        _FORKED[:] = corpus
        items = list(range(len(corpus)))
    try:
        with context.Pool(os.cpu_count()) as pool:
            for i, (found, made) in enumerate(windowed(pool, _split_forked, items)):
                step(i)
                docs.extend(found)
                if prints is not None:
                    for doc, (doc_print, para_prints) in zip(found, made):
                        prints[id(doc)] = doc_print
                        prints.update(zip(map(id, doc.paragraphs), para_prints))
    finally:
        _FORKED.clear()
    return docs


def structure_corpus(corpus: list[tuple[str, str]], cancelled: Callable[[], bool] | None = None,
                     progress: Progress | None = None, cache: CountCache | None = None) -> list[Document]:
    """Files → de-duplicated documents with headings and sections (simplified script).

    cache: where the last run's structured archive is kept; files added after its files are then
    the only ones structured (corpus.archive), with the same result.
    """
    from editor.core.corpus import archive as arc

    files = [arc.file_identity(name, text) for name, text in corpus]
    kept = cache.archive(files) if cache is not None else None
    start = len(kept.files) if kept is not None else 0
    shown = 0  # the bar never goes back (splitting is its first half, removing copies the second)

    def report(share: int, stage: str) -> None:
        nonlocal shown
        shown = max(shown, share)
        if progress:
            progress(shown, 1000, stage)

    def split_step(done: int, total: int, stage: str) -> None:
        report(500 * done // max(1, total), stage)

    def step(done: int, total: int) -> None:
        check_cancelled(cancelled)
        report(500 + 500 * done // max(1, total), "去除重复 / removing copies")

    prints: Prints = {}  # by id() of the documents and paragraphs of split: they stay alive meanwhile
    split = split_files(corpus[start:], cancelled, split_step, prints)
    if kept is not None and arc.extend(kept, files[start:], split, prints, step):
        archive = kept
    else:
        if kept is not None:
            split = split_files(corpus[:start], cancelled, split_step, prints) + split
        archive = arc.structure_all(files, split, prints, step)
    if cache is not None and start < len(files):
        cache.keep_archive(archive)
    return archive.docs


def mine_corpus(corpus: list[tuple[str, str]], progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, cache: CountCache | None = None) -> MiningResult:
    """Mine (name, text) files into phrases; cache: per-document counts of earlier runs (count_cache)."""
    from editor.core.mining.assemble import mine_documents
    from editor.core.mining.control import collector_paused

    def rest(done: int, total: int, stage: str) -> None:
        if progress:
            progress(total // 2 + done, total // 2 * 3 if total else 1, stage)

    with collector_paused():
        # A third of the bar for structure, two thirds for counting and filtering.
        docs = structure_corpus(corpus, cancelled,
                                (lambda d, t, s: progress(d, 3 * max(t, 1), s)) if progress else None, cache)
        return MiningResult(mine_documents(docs, rest if progress else None, cancelled, cache), len(docs))
