"""From documents to the bank's entries: map (in parallel, cached), reduce, rank, merge near-duplicates.

The map step runs only for documents whose counts are not cached; the entries are built from the
ranking with near-duplicates merged and tails of longer entries dropped.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from editor.core.mining.control import default_sigterm
from editor.core.mining.counting import Counts
from editor.core.mining.filters import acceptable
from editor.core.mining.mapreduce import FORK_CHARS, fold_corpus, pool_context
from editor.core.mining.ranking import rank
from editor.core.model.phrases import BLANK, Phrase

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.count_cache import CountCache

Progress = Callable[[int, int, str], None]
MAX_ENTRIES = 20_000
# From this many candidates to judge on, the filter runs in one worker process per core.
JUDGED_APART = 2000


def mine_documents(docs: list[Document], progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None, cache: CountCache | None = None) -> list[Phrase]:
    """Count (map, from the cache where it can), reduce, rank, merge near-duplicates and build Phrase records."""
    counts = fold_corpus(docs, cache, progress, cancelled)
    if cache is not None:
        from editor.core.mining.count_cache import document_key

        cache.keep_merged([document_key(d) for d in docs], counts)
    return rank_counts(counts, progress, cancelled, cache)


def rank_counts(counts: Counts, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                cache: CountCache | None = None) -> list[Phrase]:
    """Rank the merged counts, filter, merge near-duplicates and build Phrase records (cache: kept verdicts)."""
    from editor.core.corpus.normalize import chinese_punctuation, excerpt, with_quote_marks
    from editor.core.mining.control import check_cancelled, surface_form

    n_docs = counts.documents
    # The filter's verdicts depend on the text alone: those of earlier runs are kept (most of a
    # re-mine's candidates were judged before, and judging takes a jieba tagging each).
    verdicts = cache.verdicts() if cache is not None else {}
    known = len(verdicts)
    ranked = rank(counts, verdicts)
    judge(verdicts, [(t.text, kind, "frame" in t.kinds) for _, _, t, kind, _ in ranked[:2 * MAX_ENTRIES]])

    def passes(text: str, kind: str, frame: bool) -> bool:
        key = f"{kind}\x00{int(frame)}\x00{text}"
        ok = verdicts.get(key)
        if ok is None:
            ok = verdicts[key] = acceptable(text, kind, frame)
        return ok

    out: list[Phrase] = []
    kept: dict[tuple[str, str, int], list[tuple[int, str, int, Phrase]]] = {}
    shown: set[str] = set()
    for k, (score, key, t, kind, section) in enumerate(ranked):
        if k % 200 == 0:
            check_cancelled(cancelled)
            if progress:
                progress(n_docs + n_docs * k // max(1, len(ranked)), n_docs * 2, "筛选短语 / filtering")
        if not passes(t.text, kind, "frame" in t.kinds):
            continue
        # Near-duplicates (edit distance ≤ 2 on longer phrases) become one entry with variants.
        near = None
        # Counted without blanks: 现将___报告如下 and 现将___函复如下 are two formulas, two words apart in six.
        if len(key.replace(BLANK, "")) >= 8:
            size, mask = len(key), _char_mask(key)
            for edge in (key[:2], key[-2:]):
                # The first entry so near in the order they were kept, among those two characters
                # longer or shorter at most (kept by length) that may share all but four characters.
                found = [next(((order, p) for order, other, other_mask, p in kept.get((section, edge, n), ())
                               if (mask ^ other_mask).bit_count() <= 4 and within_two_edits(key, other)), None)
                         for n in range(size - 2, size + 3)]
                near = min((f for f in found if f is not None), key=lambda f: f[0], default=(0, None))[1]
                if near:
                    break
        text, example = t.text, t.example
        if t.traditional > 0:  # keep the script it was written in (MINING.md: surface forms for display)
            text, example = surface_form(text, t.surface), surface_form(example, t.surface)
        text = with_quote_marks(chinese_punctuation(text), example)
        example = excerpt(example, text)
        if text in shown:
            continue  # one text counted under two keys (坚持科学、民主、依法决策 as a window and as a clause)
        shown.add(text)
        if near is not None:
            if "又作" not in near.example and len(near.example) < 400:
                near.example = f"{near.example}（又作：{text}）"
            near.count += t.df
            continue
        phrase = Phrase(text, section, kind, round(score, 4), t.df, t.df, example, t.source)
        out.append(phrase)
        entry = (len(out), key, _char_mask(key), phrase)
        for edge in (key[:2], key[-2:]):
            kept.setdefault((section, edge, len(key)), []).append(entry)
        if len(out) >= MAX_ENTRIES:
            break
    # Kept whole (a third of a second at archive scale): a re-mine adding a few documents judges a
    # few hundred texts again next time rather than rewriting them all now.
    if cache is not None and len(verdicts) - known > known // 20:
        cache.keep_verdicts(verdicts)
    return _drop_tails(out, {key for _, key, t, _, _ in ranked if t.whole * 2 >= t.df})


def _judge_all(items: list[tuple[str, str, bool]]) -> list[bool]:
    return [acceptable(*item) for item in items]


def judge(verdicts: dict[str, bool], candidates: list[tuple[str, str, bool]]) -> None:
    """Add the filter's verdict on every (text, kind, frame) not judged yet: in one worker per core for many.

    Judging tags each text with jieba (names, fragments), the filter's main cost.
    """
    todo = list(dict.fromkeys(c for c in candidates if f"{c[1]}\x00{int(c[2])}\x00{c[0]}" not in verdicts))
    context = pool_context(FORK_CHARS * len(todo) // JUDGED_APART) if len(todo) >= JUDGED_APART else None
    if context is None or context.get_start_method() != "fork":
        return  # judged one at a time as the filter reaches them
    size = max(100, len(todo) // (4 * (os.cpu_count() or 1)))
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    with context.Pool(os.cpu_count(), default_sigterm) as pool:
        for chunk, oks in zip(chunks, pool.map(_judge_all, chunks)):
            for (text, kind, frame), ok in zip(chunk, oks):
                verdicts[f"{kind}\x00{int(frame)}\x00{text}"] = ok


def _drop_tails(phrases: list[Phrase], standalone: set[str] | None = None) -> list[Phrase]:
    """Drop a collocation found mostly inside a longer entry that begins or ends like it (答复如下 in 现答复如下).

    Headings, lists, quotations, templates and idioms (因地制宜 in 因地制宜发展…) are units of their own and stay.
    """
    from editor.core.corpus.normalize import phrase_key

    keys = [phrase_key(p.text) for p in phrases]
    by_edge: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        for edge in ("^" + k[:2], k[-2:] + "$"):
            by_edge.setdefault(edge, []).append(i)
    drop: set[int] = set()
    for i, k in enumerate(keys):
        if standalone and k in standalone and phrases[i].doc_count >= 2:
            continue  # a whole clause in most of its documents stands on its own (以人民为中心); one cannot show it
        for edge in ("^" + k[:2], k[-2:] + "$"):
            for j in by_edge.get(edge, ()):
                if (phrases[i].kind == "collocation" and j != i and len(keys[j]) > len(k) and k in keys[j]
                        and 3 * phrases[j].doc_count >= 2 * phrases[i].doc_count):
                    drop.add(i)
    return [p for i, p in enumerate(phrases) if i not in drop]


def _char_mask(text: str) -> int:
    """The characters of a text as bits (1,021, by code point): a cheap first test for within_two_edits.

    A bit set in one mask only stands for a character only one text holds, so more than four such bits
    mean more than four characters differ, which two edits cannot do; within_two_edits then decides.
    (Two look-ups an entry, each over a bucket of thousands at archive scale: sets cost a third of ranking.)
    """
    mask = 0
    for c in text:
        mask |= 1 << (ord(c) % 1021)
    return mask


def within_two_edits(a: str, b: str) -> bool:
    """Levenshtein distance ≤ 2 (banded, early exit), and not one word put for another.

    现将有关情况总结如下 / …函复如下 are two formulas, two edits apart; 坚决打赢 / 坚决打好 and
    稳中求进工作总基调 / 稳中求进的工作总基调 are one, written two ways.
    """
    if abs(len(a) - len(b)) > 2 or len(set(a) ^ set(b)) > 4 or _word_swapped(a, b):
        return False  # two edits change at most four distinct characters
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > 2:
            return False
        prev = cur
    return prev[-1] <= 2


def _word_swapped(a: str, b: str) -> bool:
    """Whether the two differ in one stretch of two or more characters on each side (总结 / 函复)."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return len(a) - start - end >= 2 and len(b) - start - end >= 2
