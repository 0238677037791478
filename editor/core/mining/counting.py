"""Map and reduce: each document's candidates counted once (map), merged over documents (reduce).

The map step needs nothing but one document, and the reduce step only adds counters, so the work
can run in parallel processes (or, later, on a cluster engine) and a new document's counts can be
added to stored ones without recounting the others.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from editor.core.mining.control import CLAUSE_CACHE
from editor.core.model.phrases import SECTIONS

if TYPE_CHECKING:
    from editor.core.corpus.structure import Document

_BIT = {s: 1 << i for i, s in enumerate(SECTIONS)}
# Titles kept per candidate: enough to see that a rare phrase's few documents share their subject.
TITLES_KEPT = 4
# The sections a window's bit set names, in SECTIONS order, for every possible bit set.
_SECTIONS_OF = [tuple(s for s, bit in _BIT.items() if bits & bit) for bits in range(1 << len(SECTIONS))]


@dataclass
class DocCounts:
    """One document's candidates: key → (text, kinds, sections, whole, left, right, example)."""

    index: int
    name: str
    traditional: bool
    surface: tuple[str, str] | None
    # Structured candidates: key → (text, example, kinds, sections, whole) — tuples, so sending and
    # storing a document's counts makes few objects.
    found: dict[str, Found] = field(default_factory=dict)
    grams: dict[str, list[object]] = field(default_factory=dict)  # windows (ngrams.Seen)
    sections: Counter[str] = field(default_factory=Counter)
    words: set[str] = field(default_factory=set)  # the document's words, for their document frequency
    genre: str = ""  # the family of document its title names (sections.genre_of)
    title: str = ""


Found = tuple[str, str, tuple[str, ...], tuple[str, ...], bool]


@dataclass
class _Seen:
    text: str
    example: str
    kinds: set[str] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    whole: bool = False


@dataclass(slots=True)
class Tally:
    """Everything the corpus shows of one candidate (by normalised key), merged over documents.

    Slotted, and pickled as the tuple of its fields: hundreds of thousands of them are kept between runs.
    """

    text: str
    example: str
    source: str
    # Plain dicts of counts, not Counters: there are hundreds of thousands of tallies, and plain
    # dicts are pickled and loaded in C when the merged counts are kept between runs.
    kinds: dict[str, int] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)
    left: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    df: int = 0
    whole: int = 0
    structured: bool = False
    traditional: int = 0
    surface: tuple[str, str] | None = None
    genre: str = ""  # the genre of the first document it was seen in
    titles: list[str] = field(default_factory=list)  # the titles of its first few documents ("" untitled)

    def __reduce__(self) -> tuple[type[Tally], tuple[object, ...]]:
        """Rebuilt from its fields in order (cheaper to write and read than a state dict)."""
        return Tally, (self.text, self.example, self.source, self.kinds, self.sections, self.left, self.right,
                       self.df, self.whole, self.structured, self.traditional, self.surface, self.genre, self.titles)


@lru_cache(maxsize=CLAUSE_CACHE)
def _counting_key(text: str) -> str:
    """normalize.counting_key, cached: a document's candidates recur across documents."""
    from editor.core.corpus.normalize import counting_key

    return counting_key(text)


_BODY_SECTIONS = frozenset(["problems", "next_steps"])


def map_document(index: int, doc: Document) -> DocCounts:
    """Every candidate of one document, each counted once (the map step)."""
    from editor.core.corpus.sections import clause_section, genre_of, sentence_section
    from editor.core.mining.candidates import CLAUSE_SPLIT, extract, sentences
    from editor.core.mining.ngrams import count_clause

    out = DocCounts(index, doc.name, doc.traditional, doc.surface, genre=genre_of(doc.title), title=doc.title)
    found: dict[str, _Seen] = {}
    for c in extract(doc):
        key = _counting_key(c.text)
        if not key:
            continue
        seen = found.get(key)
        if seen is None:
            seen = found[key] = _Seen(c.text, c.example)
        seen.kinds.add(c.kind)
        seen.sections.add(c.section)
        seen.whole = seen.whole or c.standalone
    out.found = {k: (s.text, s.example, tuple(s.kinds), tuple(s.sections), s.whole) for k, s in found.items()}
    last = max(1, len(doc.paragraphs) - 1)
    for i, p in enumerate(doc.paragraphs):
        text = p.text
        if p.heading:
            # A 存在问题 or 下一步 part is often one lead-sentence paragraph (一是…不足。二是…有待提高。):
            # its body is counted there. Elsewhere (（一）加强组织领导。各地区要…) it is not yet: counted, it
            # brought in bare terms (检验检测, 审批制度) and one document's content faster than formulas.
            text = p.body if p.section in _BODY_SECTIONS else ""
        for sentence in sentences(text):
            sec = sentence_section(sentence, p.section, i / last)
            head, at = sentence[:200], 0
            for clause in CLAUSE_SPLIT.split(sentence):
                at = sentence.find(clause, at)
                # The sentence's opening, or from the clause before this one on when the clause lies beyond
                # it (a report's sentence runs to hundreds of characters): the example shows the phrase.
                example = head if at + len(clause) <= 200 else _from_clause_before(sentence, at)
                at += len(clause)
                clause_sec = clause_section(clause, sec)
                out.sections[clause_sec] += 1
                count_clause(clause, _BIT[clause_sec], example, out.grams, out.words)
    return out


def _from_clause_before(sentence: str, at: int) -> str:
    """The sentence from the start of the clause before the one at `at` (if near) on, 200 characters, after …."""
    cut = max(sentence.rfind(c, max(0, at - 61), max(0, at - 1)) for c in "，,：:；;")
    start = cut + 1 if cut >= 0 else at
    return ("…" if start else "") + sentence[start:start + 199]


@dataclass
class Counts:
    """The merged counts of a corpus."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    sections: Counter[str] = field(default_factory=Counter)  # clauses per section
    words: Counter[str] = field(default_factory=Counter)  # documents per word
    documents: int = 0
    # Documents of each genre holding each section: how much evidence there is for its phrases.
    genre_sections: Counter[tuple[str, str]] = field(default_factory=Counter)
    genres: Counter[str] = field(default_factory=Counter)  # documents per genre


def reduce_counts(parts: Iterable[DocCounts], into: Counts | None = None) -> Counts:
    """Merge per-document counts (the reduce step), into earlier counts when given."""
    from editor.core.mining.control import surface_form

    counts = into or Counts()
    tallies, base = counts.tallies, counts.sections
    for part in parts:
        counts.documents += 1
        base.update(part.sections)
        counts.genre_sections.update((part.genre, s) for s in part.sections)
        counts.genres[part.genre] += 1
        counts.words.update(part.words)
        found, genre, surface = part.found, part.genre, part.surface
        # Where an entry comes from, as the sidebar shows it: the document's title (a file may hold
        # several documents, and an archive's file names are often numbers), else its file's name.
        title = surface_form(part.title, part.surface) if part.traditional and part.title else part.title
        name = title or part.name
        script = 1 if part.traditional else -1
        for key, (text, said, kinds, sections, standalone) in found.items():
            t = tallies.get(key)
            if t is None:
                t = tallies[key] = Tally(text, said, name, genre=genre)
            t.df += 1
            if len(t.titles) < TITLES_KEPT:
                t.titles.append(part.title)
            t_kinds, t_sections = t.kinds, t.sections
            for kind in kinds:
                t_kinds[kind] = t_kinds.get(kind, 0) + 1
            for section in sections:
                t_sections[section] = t_sections.get(section, 0) + 1
            t.whole += standalone
            t.structured = True
            t.traditional += script
            if surface is not None and t.surface is None:
                t.surface = surface
        # The hot loop of the reduce (a window per word span of every clause): locals, and each
        # section bit set looked up once rather than tested bit by bit.
        sections_of = _SECTIONS_OF
        title, grams = part.title, part.grams
        for key, (bits, left, right, whole, example) in grams.items():  # type: ignore[misc]
            t = tallies.get(key)
            if t is None:
                t = tallies[key] = Tally(key, example, name, genre=genre)  # type: ignore[arg-type]
            if key not in found:  # counted above otherwise: one document counts once
                t.df += 1
                if len(t.titles) < TITLES_KEPT:
                    t.titles.append(title)
                t_kinds = t.kinds
                t_kinds["collocation"] = t_kinds.get("collocation", 0) + 1
                t.traditional += script
                if whole:
                    t.whole += 1
            t_sections = t.sections
            for section in sections_of[bits]:  # type: ignore[call-overload]
                t_sections[section] = t_sections.get(section, 0) + 1
            # words (str), as ngrams.count_clause records them
            t_left, t_right = t.left, t.right
            t_left[left] = t_left.get(left, 0) + 1  # type: ignore[index, call-overload, operator]
            t_right[right] = t_right.get(right, 0) + 1  # type: ignore[index, call-overload, operator]
        if surface is not None:
            for key in grams:
                t = tallies[key]
                if t.surface is None:
                    t.surface = surface
    return counts
