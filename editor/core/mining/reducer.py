"""The reduce step in a process of its own: it folds the map workers' counts in corpus order, ranks and keeps them.

mapreduce.StreamFold forks it (with the workers, before the files are structured) and talks to it
through two pipes: "start" (how many documents earlier runs folded), "counts" (each document's counts,
as the workers made them), "end"; it answers "progress", "need" (earlier documents' names or texts it
must fold again), and "done" with the phrases, or "error".
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core.mining.counting import Counts, DocCounts, map_document, reduce_counts

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.count_cache import CountCache
    from editor.core.model.phrases import Phrase

Progress = Callable[[int, int, str], None]
# assemble.rank_counts: merged counts → phrases (given, not imported: assemble uses this module).
Rank = Callable[[Counts, "Progress | None", "Callable[[], bool] | None", "CountCache | None"], "list[Phrase]"]
# A document as sent to a worker: title, script, paragraphs' fields (structure.Paragraph's order).
Light = tuple[str, bool, list[tuple[str, "int | None", str, str, str]]]


def light(doc: Document) -> Light:
    """What the map step reads of a document, as tuples (cheap to send to a worker)."""
    return doc.title, doc.traditional, [(p.text, p.level, p.heading, p.body, p.section) for p in doc.paragraphs]


def document(doc: Document | Light) -> Document:
    """A document again from what light sent (its name and file text are set in the main process)."""
    if not isinstance(doc, tuple):
        return doc
    from editor.core.corpus.structure import Document, Paragraph

    title, traditional, paragraphs = doc
    return Document("", title, [Paragraph(*p) for p in paragraphs], traditional)


class _Gone(Exception):
    """The main process went away while the reducer waited for it."""


def reduce_and_rank(cache_file: str, rank: Rank, inbox: Any, outbox: Any, *theirs: Any) -> None:
    """The reduce step in a process of its own: fold, keep, rank.

    The main process de-duplicates and feeds the workers; this one folds their counts in corpus
    order, ranks and keeps the merged counts. It starts from the last run's merged counts, read
    while the main process is still structuring the files, when their documents open the corpus
    ("start" says how many documents earlier runs folded); else it folds the earlier documents again
    from their own counts. A thread takes in what the main process sends as it comes, so sending
    never waits for folding. theirs: the main process's ends of the pipes (closed here).
    """
    import queue
    import signal
    import sys

    from editor.core.mining.blobs import load_blob
    from editor.core.mining.count_cache import _READERS, CountCache, read_cached

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # cancelled: clean up (a ranking's workers too)
    for end in theirs:  # this process's copies of the main process's ends (and its readers)
        end.close()
    _READERS.clear()
    box: queue.SimpleQueue[Any] = queue.SimpleQueue()
    later: deque[Any] = deque()  # what came while the reducer waited for documents it asked for

    def take() -> None:
        said: Any = ()
        while not said or said[0] != "end":
            try:
                said = inbox.recv()
            except (EOFError, OSError):
                said = ("end", None)
            box.put(said)

    def heard() -> Any:
        return later.popleft() if later else box.get()

    threading.Thread(target=take, daemon=True).start()
    try:
        cache = CountCache(Path(cache_file)) if cache_file else None
        # Read before the main process says what it needs: a re-mine's usual case, and reading the
        # merged counts (seconds at archive scale) then overlaps its structuring of the added files.
        kept = cache.kept_merged() if cache is not None else None
        from editor.core.mining.lexicon import warm

        warm()  # the idioms ranking reads (half a second), loaded while the main process still structures
        said = heard()
        if said[0] != "start":
            return  # the main process went away before starting
        _, first, keys, named = said
        if kept is not None and len(kept[0]) <= first and kept[0] == keys[:len(kept[0])]:
            base, counts = len(kept[0]), kept[1]
        else:
            base, counts = 0, Counts()
        kept = None

        def ask(names: list[int], lights: list[int]) -> tuple[dict[int, Any], dict[int, Light]]:
            """Names and file texts, or whole documents, of earlier documents, from the main process."""
            outbox.send(("need", names, lights))
            while (answer := box.get())[0] not in ("docs", "end"):
                later.append(answer)
            if answer[0] == "end":
                raise _Gone
            return answer[1], answer[2]

        unnamed = [i for i in range(base, first) if i not in named]
        if unnamed:  # the merged counts were unreadable: every earlier document is folded again
            named.update(ask(unnamed, [])[0])

        def earlier() -> Iterator[DocCounts]:  # appended to the merged counts, or those could not be read
            for i in range(base, first):
                part = read_cached(cache_file, keys[i]) if cache_file else None
                if part is None:  # not kept, or unreadable: mapped again
                    part = map_document(i, document(ask([], [i])[1][i]))
                part.name, part.surface = named[i]
                part.index = i
                yield part

        reduce_counts(earlier(), counts)
        done = first - base
        n = first
        while (said := heard())[0] != "end":
            parts_now = []
            for name, surface, blob, compressed in said[1]:
                part = load_blob(blob, compressed)
                part.name, part.surface, part.index = name, surface, n
                parts_now.append(part)
                n += 1
            reduce_counts(parts_now, counts)
            done += len(parts_now)
            outbox.send(("progress", n, 2 * max(n, said[2]), "挖掘短语 / mining phrases"))
        if said[1] is None:
            return  # the main process went away
        phrases = rank(counts, lambda *p: outbox.send(("progress", *p)), None, cache)
        if cache is not None:
            # Here, not in a forked child: pickling them there copied every page it touched (a second
            # copy of the counts at archive scale). Few added documents only add their keys.
            cache.keep_merged(said[1], counts, base)
        outbox.send(("done", phrases, done))
    except _Gone:
        return
    except BaseException as exc:  # reported to the main process, which says so
        outbox.send(("error", f"{type(exc).__name__}: {exc}"))
