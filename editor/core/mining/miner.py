"""Phrase mining: structured, de-duplicated documents → ranked phrases with section, kind and example."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from editor.core.mining.control import MiningCancelled, check_cancelled
from editor.core.model.phrases import Phrase

if TYPE_CHECKING:
    from editor.core.corpus.archive import Archive, Ready
    from editor.core.corpus.dedupe import Print, Prints
    from editor.core.corpus.structure import Document
    from editor.core.mining.count_cache import CountCache

Progress = Callable[[int, int, str], None]
__all__ = ["MiningCancelled", "MiningResult", "mine_corpus", "split_files", "structure_archive", "structure_corpus"]


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
                progress: Progress | None = None, prints: Prints | None = None, pool: Any = None,
                first: int = 0) -> list[Document]:
    """Every file's documents (archive.split_file), in file order: in one worker process per core for many files.

    prints: filled with the documents' and paragraphs' de-duplication prints when workers made them.
    pool: workers forked while _FORKED held the whole corpus, whose file `first` is corpus[0] (mine_corpus).
    """
    from editor.core.corpus.archive import split_file
    from editor.core.mining.control import windowed
    from editor.core.mining.mapreduce import pool_context

    context = pool_context(sum(len(t) for _, t in corpus)) if len(corpus) > 8 and pool is None else None
    docs: list[Document] = []

    def step(i: int) -> None:
        if i % 8 == 0:
            check_cancelled(cancelled)
            if progress:
                progress(i, len(corpus), "分析文档结构 / reading structure")

    if context is None and pool is None:
        for i, (name, text) in enumerate(corpus):
            step(i)
            docs.extend(split_file(name, text))
        return docs

    def run(pool: Any, items: list[int | tuple[str, str]]) -> None:
        for i, (found, made) in enumerate(windowed(pool, _split_forked, items)):
            step(i)
            docs.extend(found)
            if prints is not None:
                for doc, (doc_print, para_prints) in zip(found, made):
                    prints[id(doc)] = doc_print
                    prints.update(zip(map(id, doc.paragraphs), para_prints))

    if pool is not None:
        run(pool, list(range(first, first + len(corpus))))
        return docs
    assert context is not None
    items: list[int | tuple[str, str]] = list(corpus)
    if context.get_start_method() == "fork":
        _FORKED[:] = corpus
        items = list(range(len(corpus)))
    try:
        with context.Pool(os.cpu_count()) as made_pool:
            run(made_pool, items)
    finally:
        _FORKED.clear()
    return docs


def structure_archive(corpus: list[tuple[str, str]], cancelled: Callable[[], bool] | None = None,
                      progress: Progress | None = None, cache: CountCache | None = None,
                      ready: Ready | None = None, pool: Any = None,
                      files: list[str] | None = None) -> tuple[Archive, bool]:
    """Files → the structured archive (see structure_corpus), and whether it differs from the one the cache keeps.

    ready: told of each batch of finished documents (corpus.archive.extend), for the map step to start on.
    pool: workers forked while _FORKED held corpus (split_files); files: the files' identities, when known.
    """
    from editor.core.corpus import archive as arc

    files = files if files is not None else [arc.file_identity(name, text) for name, text in corpus]
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
    split = split_files(corpus[start:], cancelled, split_step, prints, pool, start)
    if kept is not None and arc.extend(kept, files[start:], split, prints, step, ready):
        return kept, start < len(files)
    if kept is not None:
        split = split_files(corpus[:start], cancelled, split_step, prints, pool) + split
    return arc.structure_all(files, split, prints, step, ready), True


def structure_corpus(corpus: list[tuple[str, str]], cancelled: Callable[[], bool] | None = None,
                     progress: Progress | None = None, cache: CountCache | None = None) -> list[Document]:
    """Files → de-duplicated documents with headings and sections (simplified script).

    cache: where the last run's structured archive is kept; files added after its files are then
    the only ones structured (corpus.archive), with the same result.
    """
    archive, changed = structure_archive(corpus, cancelled, progress, cache)
    if cache is not None and changed:
        cache.keep_archive(archive)
    return archive.docs


def mine_corpus(corpus: list[tuple[str, str]], progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, cache: CountCache | None = None) -> MiningResult:
    """Mine (name, text) files into phrases; cache: per-document counts of earlier runs (count_cache).

    De-duplication feeds the map step as it goes, and with worker processes the reduce step and the
    ranking run in a process of their own (mapreduce.StreamFold), all at once.
    """
    from editor.core.mining.assemble import rank_counts
    from editor.core.mining.control import collector_paused
    from editor.core.mining.count_cache import keep_state
    from editor.core.mining.mapreduce import StreamFold

    shown = 0

    def bar(done: int, total: int, stage: str) -> None:  # stages interleave: the bar never goes back
        nonlocal shown
        shown = max(shown, 3000 * done // max(1, total))
        if progress:
            progress(shown, 3000, stage)

    def rest(done: int, total: int, stage: str) -> None:
        bar(total // 2 + done, total // 2 * 3 if total else 1, stage)

    chars = sum(len(text) for _, text in corpus)
    with collector_paused():
        # A third of the bar for structure, two thirds for counting and filtering.
        fold = StreamFold(cache, chars, rest, cancelled, rank_counts)
        writer = None
        try:
            # The workers and the reducer are forked now, before this process structures the files
            # (mapreduce.StreamFold.fork_early): they inherit the files' text and split them too.
            from editor.core.corpus.archive import file_identity

            files = [file_identity(name, text) for name, text in corpus]
            held = cache.archived(files) if cache is not None else 0
            _FORKED[:] = corpus
            try:
                forked = fold.fork_early(sum(len(text) for _, text in corpus[held:]))
            finally:
                _FORKED.clear()  # the workers keep their copy; this process has the corpus itself
            archive, changed = structure_archive(corpus, cancelled, lambda d, t, s: bar(d, 3 * max(t, 1), s),
                                                 cache, fold.add, fold.pool if forked else None, files)
            if not fold.started:
                fold.start(archive.docs)  # nothing new was fed; its processes are forked before the thread starts
            if cache is not None and cache.conn is not None and changed:
                # Kept while the last documents are mapped and the reducer works: this thread mostly waits.
                writer = threading.Thread(target=keep_state, args=(cache.path, archive, [], None), daemon=True)
                writer.start()
            counts = fold.finish(archive.docs)
            if fold.reducer is not None:  # it folds, keeps the merged counts and ranks
                n_docs = len(archive.docs)
                if writer is not None:
                    writer.join()
                    writer = None
                # Only the documents are still wanted here (fold keeps them): the de-duplication
                # indexes (a third of the archive) go while the reducer ranks.
                del archive
                return MiningResult(fold.result(), n_docs)
        finally:
            fold.close()
            if writer is not None:
                writer.join()
        if cache is not None and cache.conn is not None:
            keep_state(cache.path, None, fold.keys, counts, fold.base)
        return MiningResult(rank_counts(counts, rest, cancelled, cache), len(archive.docs))
