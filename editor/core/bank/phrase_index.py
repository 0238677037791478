"""An in-memory index of the bank for filtering as the user types and for suggestions.

SQLite cannot answer 1–2 character substring queries quickly (HAZARDS.md on search), and a
round trip per keystroke is too slow for a 100,000-phrase bank, so the panel loads the phrases
once and filters here. Every phrase keeps a normalised key (simplified script, case-folded) so a
query in either script finds phrases in either script.
"""
from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import compress, repeat
from operator import contains, itemgetter

from editor.core.model.phrases import KINDS, SECTIONS, Phrase

Group = tuple[str, str]  # (section, kind)
Normaliser = Callable[[str], str]
PAIR_MIN_PHRASES = 200  # below this a character is rare enough to narrow a query alone


def default_normaliser(text: str) -> str:
    """Simplified script, case-folded: the form keys and queries are compared in."""
    from editor.core.script.converter import to_simplified

    return to_simplified(text).casefold()


def _normalise_many(texts: list[str], normalise: Normaliser) -> list[str]:
    """Normalise many texts in one conversion call (one call per phrase is ~10x slower)."""
    cleaned = [t.replace("\n", " ") for t in texts]
    joined = normalise("\n".join(cleaned))
    parts = joined.split("\n")
    if len(parts) != len(cleaned):  # a converter that ate or added a newline: go one by one
        parts = [normalise(t) for t in cleaned]
    return parts


def _holding(candidates: list[int], keys: list[str], q: str) -> list[int]:
    """The candidates whose key holds q, tested in C (a Python loop costs ~0.5 µs a phrase)."""
    if not candidates:
        return []
    picked = itemgetter(*candidates)(keys)
    if len(candidates) == 1:
        picked = (picked,)
    return list(compress(candidates, map(contains, picked, repeat(q))))


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
        # Postings of character pairs, built in slices after start-up (pair_builder): a two-character
        # query of common characters ("工作") then is a lookup instead of testing ~40% of the bank.
        self._pairs: dict[Group, dict[str, list[int]]] | None = None
        self._common: frozenset[str] = frozenset()
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
                if self._pairs is not None:
                    pair_lists = [self._pairs[g].get(q[j:j + 2], []) for j in range(len(q) - 1)
                                  if q[j] in self._common and q[j + 1] in self._common]
                    if pair_lists:
                        shortest = min(pair_lists, key=len)
                        if len(q) == 2:  # the pair's posting is the answer
                            if shortest:
                                result[g] = shortest
                            continue
                        if len(shortest) < len(candidates):
                            candidates = shortest
            found = _holding(candidates, keys, q)
            if found:
                result[g] = found
        self._last = (q, include_hidden, result)
        return result

    def pair_builder(self, step: int = 400) -> Iterator[int]:
        """Build the pair postings a slice at a time (yields phrases done), so a GUI can interleave it.

        Only pairs of common characters (in 1% of the bank or more) are indexed: a query holding a
        rare character is already narrowed by that character's own posting.
        """
        totals: Counter[str] = Counter()
        for postings in self._postings.values():
            for ch, ids in postings.items():
                totals[ch] += len(ids)
        limit = max(PAIR_MIN_PHRASES, len(self.phrases) // 100)
        common = frozenset(ch for ch, n in totals.items() if n >= limit)
        pairs: dict[Group, dict[str, list[int]]] = {}
        keys = self.keys
        done = 0
        for g, ids in self._visible.items():
            found: dict[str, list[int]] = {}
            pairs[g] = found
            for i in ids:
                key = keys[i]
                for pair in {key[j:j + 2] for j in range(len(key) - 1)
                             if key[j] in common and key[j + 1] in common}:
                    found.setdefault(pair, []).append(i)
                done += 1
                if done % step == 0:
                    yield done
        self._common = common
        self._pairs = pairs
        self._last = None
        yield done

    def build_pairs(self) -> None:
        """Build the pair postings in one go (benchmarks, tests)."""
        for _ in self.pair_builder():
            pass

    def set_flags(self, pos: int, favourite: bool | None = None, hidden: bool | None = None) -> None:
        """Mark a phrase favourite or hidden in place, without rebuilding.

        A 100,000-phrase rebuild takes a second. A new favourite keeps its place until the next load
        sorts it first.
        """
        phrase = self.phrases[pos]
        if favourite is not None:
            phrase.favourite = favourite
        if hidden is None or hidden == phrase.hidden:
            return
        phrase.hidden = hidden
        key = self.keys[pos]
        group = (phrase.section, phrase.kind)
        lists = [self._visible[group]]
        lists += [self._postings[group].setdefault(ch, []) for ch in set(key)]
        if self._pairs is not None:
            lists += [self._pairs[group].setdefault(key[j:j + 2], []) for j in range(len(key) - 1)
                      if key[j] in self._common and key[j + 1] in self._common]
        for ids in {id(x): x for x in lists}.values():  # each list once
            at = bisect_left(ids, pos)
            if hidden and at < len(ids) and ids[at] == pos:
                del ids[at]
            elif not hidden and (at == len(ids) or ids[at] != pos):
                ids.insert(at, pos)
        self._sorted_keys = None
        self._last = None

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
