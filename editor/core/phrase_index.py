"""An in-memory index of the bank for filtering as the user types and for suggestions.

SQLite cannot answer 1–2 character substring queries quickly (HAZARDS.md on search), and a
round trip per keystroke is too slow for a 100,000-phrase bank, so the panel loads the phrases
once and filters here. Every phrase keeps a normalised key (simplified script, case-folded) so a
query in either script finds phrases in either script.
"""
from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Callable, Iterable

from editor.core.phrases import KINDS, SECTIONS, Phrase

Group = tuple[str, str]  # (section, kind)
_INTERSECT_FROM = 200  # candidates above which two postings are intersected first
Normaliser = Callable[[str], str]


def default_normaliser(text: str) -> str:
    """Simplified script, case-folded: the form keys and queries are compared in."""
    from editor.core.script import to_simplified

    return to_simplified(text).casefold()


def _normalise_many(texts: list[str], normalise: Normaliser) -> list[str]:
    """Normalise many texts in one conversion call (one call per phrase is ~10x slower)."""
    cleaned = [t.replace("\n", " ") for t in texts]
    joined = normalise("\n".join(cleaned))
    parts = joined.split("\n")
    if len(parts) != len(cleaned):  # a converter that ate or added a newline: go one by one
        parts = [normalise(t) for t in cleaned]
    return parts


def group_order(group: Group) -> tuple[int, int, str, str]:
    """Sort key putting groups in the order of SECTIONS, then KINDS; unknown ids go last."""
    section, kind = group
    s = SECTIONS.index(section) if section in SECTIONS else len(SECTIONS)
    k = KINDS.index(kind) if kind in KINDS else len(KINDS)
    return (s, k, section, kind)


class PhraseIndex:
    """Phrases ranked best first, grouped by (section, kind), filtered by normalised substring."""

    def __init__(self, phrases: Iterable[Phrase], normalise: Normaliser = default_normaliser) -> None:
        self.normalise = normalise
        # Best first once, here: every filtered list below keeps this order for free.
        self.phrases: list[Phrase] = sorted(phrases, key=lambda p: (not p.favourite, -p.score, p.id or 0))
        self.keys: list[str] = _normalise_many([p.text for p in self.phrases], normalise)
        groups: dict[Group, list[int]] = {}
        for i, p in enumerate(self.phrases):
            groups.setdefault((p.section, p.kind), []).append(i)
        self.groups: dict[Group, list[int]] = {g: groups[g] for g in sorted(groups, key=group_order)}
        self._visible: dict[Group, list[int]] = {
            g: [i for i in ids if not self.phrases[i].hidden] for g, ids in self.groups.items()}
        # Per group, the visible phrases holding each character: a one-character query is a
        # lookup, and a longer one only tests the phrases holding its rarest character.
        self._postings: dict[Group, dict[str, list[int]]] = {}
        for g, ids in self._visible.items():
            postings: dict[str, list[int]] = {}
            for i in ids:
                for ch in set(self.keys[i]):
                    postings.setdefault(ch, []).append(i)
            self._postings[g] = postings
        self._sorted_keys: list[tuple[str, int]] | None = None
        self._last: tuple[str, bool, dict[Group, list[int]]] | None = None

    def __len__(self) -> int:
        """Number of phrases, hidden ones included."""
        return len(self.phrases)

    def normalise_query(self, query: str) -> str:
        """The query in the form keys are stored in."""
        return self.normalise(query.strip()).casefold() if query.strip() else ""

    def filter(self, query: str = "", include_hidden: bool = False) -> dict[Group, list[int]]:
        """Phrase positions per group whose text holds the query (either script), best first."""
        q = self.normalise_query(query)
        base = self.groups if include_hidden else self._visible
        if not q:
            everything = {g: ids for g, ids in base.items() if ids}
            self._last = (q, include_hidden, everything)
            return everything
        # Typing usually extends the query: a key holding the new query holds the old one too,
        # so only the previous matches need testing.
        previous: dict[Group, list[int]] | None = None
        if self._last is not None and self._last[1] == include_hidden and self._last[0] in q:
            previous = self._last[2]
        keys = self.keys
        result: dict[Group, list[int]] = {}
        for g, ids in base.items():
            candidates = ids if previous is None else previous.get(g, [])
            if not include_hidden and candidates:
                postings = self._postings[g]
                lists = [postings.get(ch, []) for ch in set(q)]
                lists.sort(key=len)
                if len(q) == 1:
                    if lists[0]:
                        result[g] = lists[0]
                    continue
                if len(lists[0]) < len(candidates):
                    candidates = lists[0]
                if len(lists) > 1 and len(candidates) > _INTERSECT_FROM:
                    # Two common characters: intersecting their postings (in C) leaves far fewer
                    # phrases to test than either alone.
                    both = set(lists[1]).intersection(candidates)
                    candidates = sorted(both)
            found = [i for i in candidates if q in keys[i]]
            if found:
                result[g] = found
        self._last = (q, include_hidden, result)
        return result

    def match_span(self, i: int, query: str, shown: str | None = None) -> tuple[int, int] | None:
        """Where the query matches phrase i's text (or its shown form), for highlighting."""
        q = self.normalise_query(query)
        if not q:
            return None
        text = shown if shown is not None else self.phrases[i].text
        key = self.keys[i] if shown is None else self.normalise(text).casefold()
        pos = key.find(q)
        if pos < 0:
            return None
        if len(key) == len(text):  # t2s and s2t keep lengths, so positions carry over
            return (pos, pos + len(q))
        return None

    def continuations(self, typed: str, limit: int = 8, min_chars: int = 2,
                      max_chars: int = 12) -> list[tuple[int, int]]:
        """Phrases that continue the typed clause: (position, number of typed chars they start with).

        The longest typed tail that starts some phrase wins; phrases equal to the tail are left
        out, since accepting them would add nothing.
        """
        if self._sorted_keys is None:
            self._sorted_keys = sorted((k, i) for i, k in enumerate(self.keys) if not self.phrases[i].hidden)
        skeys = self._sorted_keys
        typed_key = self.normalise(typed).casefold()
        if len(typed_key) != len(typed):
            return []
        out: list[tuple[int, int]] = []
        seen: set[int] = set()
        for n in range(min(max_chars, len(typed_key)), min_chars - 1, -1):
            tail = typed_key[-n:]
            start = bisect_left(skeys, (tail, -1))
            hits: list[int] = []
            j = start
            while j < len(skeys) and skeys[j][0].startswith(tail):
                key, i = skeys[j]
                if len(key) > n and i not in seen:
                    hits.append(i)
                j += 1
            for i in heapq.nsmallest(limit - len(out), hits):  # smaller position = better phrase
                seen.add(i)
                out.append((i, n))
            if len(out) >= limit:
                break
        return out

    def position_of(self, phrase_id: int | None) -> int | None:
        """The position of the phrase with this bank id."""
        for i, p in enumerate(self.phrases):
            if p.id == phrase_id:
                return i
        return None
