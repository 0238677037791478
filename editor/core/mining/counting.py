"""Map and reduce: each document's candidates counted once (map), merged over documents (reduce).

The map step needs nothing but one document, and the reduce step only adds counters, so the work
can run in parallel processes (or, later, on a cluster engine) and a new document's counts can be
added to stored ones without recounting the others.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.core.model.phrases import SECTIONS

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document

_BIT = {s: 1 << i for i, s in enumerate(SECTIONS)}


@dataclass
class DocCounts:
    """One document's candidates: key → (text, kinds, sections, whole, left, right, example)."""

    index: int
    name: str
    traditional: bool
    surface: tuple[str, str] | None
    found: dict[str, _Seen] = field(default_factory=dict)  # structured candidates
    grams: dict[str, list[object]] = field(default_factory=dict)  # windows (ngrams.Seen)
    sections: Counter[str] = field(default_factory=Counter)
    words: set[str] = field(default_factory=set)  # the document's words, for their document frequency
    genre: str = ""  # the family of document its title names (sections.genre_of)


@dataclass
class _Seen:
    text: str
    example: str
    kinds: set[str] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    left: set[str] = field(default_factory=set)
    right: set[str] = field(default_factory=set)
    whole: bool = False
    ngram_only: bool = True


@dataclass
class Tally:
    """Everything the corpus shows of one candidate (by normalised key), merged over documents."""

    text: str
    example: str
    source: str
    kinds: Counter[str] = field(default_factory=Counter)
    sections: Counter[str] = field(default_factory=Counter)
    left: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    df: int = 0
    whole: int = 0
    structured: bool = False
    traditional: int = 0
    surface: tuple[str, str] | None = None
    genre: str = ""  # the genre of the first document it was seen in


def map_document(index: int, doc: Document) -> DocCounts:
    """Every candidate of one document, each counted once (the map step)."""
    from editor.core.corpus.normalize import counting_key
    from editor.core.corpus.sections import clause_section, genre_of, sentence_section
    from editor.core.mining.candidates import CLAUSE_SPLIT, extract, sentences
    from editor.core.mining.ngrams import count_clause

    out = DocCounts(index, doc.name, doc.traditional, doc.surface, genre=genre_of(doc.title))
    for c in extract(doc):
        key = counting_key(c.text)
        if not key:
            continue
        seen = out.found.get(key)
        if seen is None:
            seen = out.found[key] = _Seen(c.text, c.example)
        seen.kinds.add(c.kind)
        seen.sections.add(c.section)
        seen.whole = seen.whole or c.standalone
        seen.ngram_only = False
    last = max(1, len(doc.paragraphs) - 1)
    for i, p in enumerate(doc.paragraphs):
        if p.heading:
            continue
        for sentence in sentences(p.text):
            sec = sentence_section(sentence, p.section, i / last)
            example = sentence[:200]
            for clause in CLAUSE_SPLIT.split(sentence):
                clause_sec = clause_section(clause, sec)
                out.sections[clause_sec] += 1
                count_clause(clause, _BIT[clause_sec], example, out.grams, out.words)
    return out


@dataclass
class Counts:
    """The merged counts of a corpus."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    sections: Counter[str] = field(default_factory=Counter)  # clauses per section
    words: Counter[str] = field(default_factory=Counter)  # documents per word
    documents: int = 0
    # Documents of each genre holding each section: how much evidence there is for its phrases.
    genre_sections: Counter[tuple[str, str]] = field(default_factory=Counter)


def reduce_counts(parts: Iterable[DocCounts], into: Counts | None = None) -> Counts:
    """Merge per-document counts (the reduce step), into earlier counts when given."""
    counts = into or Counts()
    tallies, base = counts.tallies, counts.sections
    for part in parts:
        counts.documents += 1
        base.update(part.sections)
        counts.genre_sections.update((part.genre, s) for s in part.sections)
        counts.words.update(part.words)
        for key, seen in part.found.items():
            t = tallies.get(key)
            if t is None:
                t = tallies[key] = Tally(seen.text, seen.example, part.name, genre=part.genre)
            t.df += 1
            t.kinds.update(seen.kinds or ("collocation",))
            t.sections.update(seen.sections)
            t.left.update(seen.left)
            t.right.update(seen.right)
            t.whole += seen.whole
            t.structured = t.structured or not seen.ngram_only
            t.traditional += 1 if part.traditional else -1
            if part.surface is not None and t.surface is None:
                t.surface = part.surface
        for key, (bits, left, right, whole, example) in part.grams.items():  # type: ignore[misc]
            t = tallies.get(key)
            if t is None:
                t = tallies[key] = Tally(key, str(example), part.name, genre=part.genre)
            if key not in part.found:  # counted above: one document counts once
                t.df += 1
                t.kinds["collocation"] += 1
                t.traditional += 1 if part.traditional else -1
            for section, bit in _BIT.items():
                if bits & bit:  # type: ignore[operator]
                    t.sections[section] += 1
            t.left[str(left)] += 1
            t.right[str(right)] += 1
            t.whole += bool(whole) and key not in part.found
            if part.surface is not None and t.surface is None:
                t.surface = part.surface
    return counts


