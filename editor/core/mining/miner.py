"""Phrase mining: structured, de-duplicated documents → ranked phrases with section, kind and example."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.model.phrases import BLANK, Phrase

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document
    from editor.core.mining.candidates import Candidate

Progress = Callable[[int, int, str], None]

MAX_ENTRIES = 20_000
# Below this many distinct documents a clause seen once may still be a stock phrase worth
# offering; above it, only what recurs across documents is (MINING.md: rank by DF).
SMALL_CORPUS = 40
_KIND_PRIORITY = ("heading", "quote", "parallel", "template", "idiom", "collocation")
_KIND_BONUS = {"heading": 1.0, "quote": 0.8, "parallel": 1.0, "template": 0.6, "idiom": 0.6, "collocation": 0.0}


@dataclass
class MiningResult:
    """Mined phrases and how many distinct documents they came from."""

    phrases: list[Phrase]
    documents: int


@dataclass
class _Tally:
    """Everything seen of one candidate phrase (by normalised key)."""

    text: str
    kinds: Counter[str] = field(default_factory=Counter)
    sections: Counter[str] = field(default_factory=Counter)
    docs: set[int] = field(default_factory=set)
    count: int = 0
    example: str = ""
    source: str = ""
    standalone: bool = False
    traditional: int = 0  # occurrences in traditional-script documents minus those in simplified
    surface: tuple[str, str] | None = None  # a traditional file it was seen in (simplified, original)


class MiningCancelled(Exception):
    """Raised inside the miner when the cancel hook turns true."""


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled and cancelled():
        raise MiningCancelled()


def structure_corpus(corpus: list[tuple[str, str]], cancelled: Callable[[], bool] | None = None,
                     progress: Progress | None = None) -> list[Document]:
    """Files → de-duplicated documents with headings and sections (simplified script)."""
    from editor.core.corpus.boilerplate import edge_line_key, recurring_edge_lines
    from editor.core.corpus.dedupe import dedupe_documents, dedupe_paragraphs
    from editor.core.corpus.normalize import fold_width, is_traditional, t2s
    from editor.core.corpus.sections import assign_sections
    from editor.core.corpus.structure import split_documents

    docs = []
    for i, (name, text) in enumerate(corpus):
        _check(cancelled)
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
    for d in docs:
        assign_sections(d)
    return [d for d in docs if d.paragraphs]


def _pick_kind(kinds: Counter[str]) -> str:
    return min(kinds, key=lambda k: (_KIND_PRIORITY.index(k), -kinds[k]))


def _pick_section(sections: Counter[str]) -> str:
    # Majority of where it was seen; on a tie a specific section beats "general".
    return max(sections, key=lambda s: (sections[s], s != "general"))


def _keep(t: _Tally, kind: str, n_docs: int) -> bool:
    """Frequency thresholds per kind: structure earns a place, plain clauses must recur."""
    from editor.core.mining.lexicon import idioms, is_patterned_idiom

    df = len(t.docs)
    if kind in ("heading", "parallel", "quote"):
        return True
    if kind == "template":
        # A number slot in one document is just that document's figure; a blank the author
        # left (___, XX, 某某) or a pattern seen twice is a template.
        return df >= 2 or n_docs < SMALL_CORPUS
    if kind == "idiom":
        return t.text in idioms() or is_patterned_idiom(t.text) or df >= 2 or n_docs < SMALL_CORPUS
    return df >= 2 or n_docs < SMALL_CORPUS


def _acceptable(text: str, kind: str) -> bool:
    from editor.core.mining.candidates import cjk_len
    from editor.core.mining.lexicon import has_name, is_fragment, is_junk

    n = cjk_len(text)
    if n < (3 if BLANK in text else 4) or (kind != "quote" and n > 40) or text.replace(BLANK, "").strip("，、") == "":
        return False
    if any(text.count(a) != text.count(b) for a, b in ("（）", "()", "“”", "《》", "【】")):
        return False  # a cut-off bracket or quotation: a piece of a sentence
    if is_junk(text) or has_name(text, allow_places=kind == "quote" and text.count("，") + text.count(",") == 1):
        return False
    return kind == "quote" or not is_fragment(text)


def mine_documents(docs: list[Document], progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[Phrase]:
    """Count candidates by document frequency, filter, rank and build Phrase records."""
    from editor.core.corpus.normalize import chinese_punctuation, counting_key
    from editor.core.mining.candidates import extract
    from editor.core.mining.lexicon import idioms, is_patterned_idiom

    tallies: dict[str, _Tally] = {}
    keys: dict[str, str] = {}
    idiom_set = idioms("i")
    true_idioms = idiom_set
    for i, doc in enumerate(docs):
        _check(cancelled)
        if i % 5 == 0:
            if progress:
                progress(i, len(docs) * 2, "挖掘短语 / mining phrases")
        found = extract(doc)
        # Idioms inside running text: four-character dictionary idioms in any clause.
        for p in doc.paragraphs:
            text = p.text
            for j in range(len(text) - 3):
                w = text[j:j + 4]
                if w in idiom_set:
                    found.append(_idiom(w, p.section, text))
        for c in found:
            key = keys.get(c.text)
            if key is None:
                key = keys[c.text] = counting_key(c.text)
            if not key:
                continue
            t = tallies.get(key)
            if t is None:
                t = tallies[key] = _Tally(c.text, example=c.example, source=doc.name)
            t.kinds[c.kind] += 1
            t.sections[c.section] += 1
            t.traditional += 1 if doc.traditional else -1
            if doc.surface is not None and t.surface is None:
                t.surface = doc.surface
            t.docs.add(i)
            t.count += 1
    n_docs = len(docs)
    ranked: list[tuple[float, str, _Tally, str]] = []
    for key, t in tallies.items():
        kind = _pick_kind(t.kinds)
        if kind == "idiom" and t.text not in true_idioms and not is_patterned_idiom(t.text):
            kind = "collocation"  # a four-character set phrase (高度重视), not an idiom
        if not _keep(t, kind, n_docs):
            continue
        df = len(t.docs)
        score = math.log2(1 + df) * 2 + math.log2(1 + t.count) * 0.3 + _KIND_BONUS[kind]
        ranked.append((score, key, t, kind))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    out: list[Phrase] = []
    for k, (score, _key, t, kind) in enumerate(ranked):
        if k % 50 == 0:
            _check(cancelled)
            if progress:
                progress(n_docs + n_docs * k // max(1, len(ranked)), n_docs * 2, "筛选短语 / filtering")
        if not _acceptable(t.text, kind):
            continue
        text, example = t.text, t.example[:300]
        if t.traditional > 0:  # keep the script it was written in (MINING.md: surface forms for display)
            text, example = _surface(text, t.surface), _surface(example, t.surface)
        text = chinese_punctuation(text)
        out.append(Phrase(text, _pick_section(t.sections), kind, round(score, 4), t.count, len(t.docs),
                          example, t.source))
        if len(out) >= MAX_ENTRIES:
            break
    return out


def _surface(text: str, pair: tuple[str, str] | None) -> str:
    """The original characters of a simplified text, found at the same offset in its file; else s2t."""
    from editor.core.corpus.normalize import s2t

    # A scan per phrase is cheap in a report-sized file; in a huge one, s2t is close enough.
    if pair is not None and len(pair[0]) <= 300_000:
        at = pair[0].find(text)
        if at >= 0:
            return pair[1][at:at + len(text)]
    return s2t(text)


def _idiom(word: str, section: str, example: str) -> Candidate:
    from editor.core.mining.candidates import Candidate

    return Candidate("idiom", word, section, example[:200], False)


def mine_corpus(corpus: list[tuple[str, str]], progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> MiningResult:
    """Mine (name, text) files into phrases."""
    # A third of the bar for structure, two thirds for counting and filtering.
    docs = structure_corpus(corpus, cancelled, (lambda d, t, s: progress(d, 3 * max(t, 1), s)) if progress else None)

    def rest(done: int, total: int, stage: str) -> None:
        if progress:
            progress(total // 2 + done, total // 2 * 3 if total else 1, stage)

    return MiningResult(mine_documents(docs, rest if progress else None, cancelled), len(docs))
