"""Convert a paragraph whose text is split into formatting runs, then map the result back onto the runs.

OpenCC converts by phrases (头发→頭髮), so converting each run on its own breaks phrases that cross
run boundaries. Here the whole paragraph is converted once and every output character is traced
back to the source character it came from; that character's run gives its formatting.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from editor.core.script.converter import VOCABULARY_CONFIGS, convert_text, converter, protected_spans


def _proportional(sources: Sequence[int], n_out: int) -> list[int]:
    """Spread n_out output characters over the given source indexes, in order."""
    if not sources:
        return []
    n = len(sources)
    return [sources[min(n - 1, k * n // n_out)] for k in range(n_out)]


def _refine(src: str, src_idx: list[int], out: str, config: str) -> list[int]:
    """Align a changed stretch whose length differs: compare with a character-by-character conversion.

    Converting each source character alone gives text that matches the phrase conversion almost
    everywhere, so the difference shrinks to the few phrases that really changed length.
    """
    conv = converter(config)
    if "\n" in src:
        pieces = [conv.convert(c) for c in src]
    else:
        pieces = conv.convert("\n".join(src)).split("\n")
        if len(pieces) != len(src):  # pragma: no cover - defensive: OpenCC keeps newlines
            pieces = [conv.convert(c) for c in src]
    charwise: list[str] = []
    owner: list[int] = []
    for i, piece in enumerate(pieces):
        charwise.extend(piece)
        owner.extend([src_idx[i]] * len(piece))
    result: list[int] = []
    sm = SequenceMatcher(None, charwise, out, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            result.extend(owner[i1:i2])
        elif tag in ("replace", "insert"):
            span = owner[i1:i2] or [owner[i1 - 1] if i1 > 0 else (owner[0] if owner else src_idx[0])]
            result.extend(_proportional(span, j2 - j1))
    return result


# Characters after which OpenCC phrases practically never continue: text is cut into chunks there,
# each chunk converted alone; when the chunks' results join up to the whole conversion, every
# chunk maps exactly onto its source and only chunks whose length changed need a diff.
_SEPARATORS = re.compile(r"[^\s，。、；：？！,.;:?!（）()「」『』“”‘’《》【】\[\]]*[\s，。、；：？！,.;:?!（）()「」『』“”‘’《》【】\[\]]*")


_MAX_UNIT_SEARCH = 400


def _chunks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, protected) pieces covering text: protected terms alone, the rest cut at separators."""
    pieces: list[tuple[int, int, bool]] = []
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:
        for m in _SEPARATORS.finditer(text, pos, start):
            if m.end() > m.start():
                pieces.append((m.start(), m.end(), False))
        if end > start:
            pieces.append((start, end, True))
        pos = end
    return pieces


def _units(src: str, out: str, conv: object) -> list[tuple[int, int, str]]:
    """Cut a chunk where converting the two sides apart gives the same text as converting it whole.

    With OpenCC's forward maximum matching such cuts fall on its phrase boundaries, so each unit
    is one phrase (or a run of them) whose output is known exactly.
    """
    units: list[tuple[int, int, str]] = []
    start, rest = 0, out
    for k in range(1, len(src)):
        left = conv.convert(src[start:k])  # type: ignore[attr-defined]
        if rest.startswith(left) and conv.convert(src[k:]) == rest[len(left):]:  # type: ignore[attr-defined]
            units.append((start, k, left))
            start, rest = k, rest[len(left):]
    units.append((start, len(src), rest))
    return units


def _align_chunk(src: str, out: str, config: str, base: int) -> list[int]:
    """Source indexes (offset by base) for a chunk's output characters."""
    if len(src) == len(out):
        return list(range(base, base + len(out)))
    if len(src) > _MAX_UNIT_SEARCH:  # the unit search is quadratic; long chunks use the diff alone
        return _refine(src, list(range(base, base + len(src))), out, config)
    result: list[int] = []
    for a, b, unit_out in _units(src, out, converter(config)):
        if b - a == len(unit_out):
            result.extend(range(base + a, base + b))
        elif b - a <= 8:
            # One phrase replaced by another (U盘→隨身碟): spread it evenly, there is nothing finer.
            result.extend(_proportional(list(range(base + a, base + b)), len(unit_out)))
        else:
            result.extend(_refine(src[a:b], list(range(base + a, base + b)), unit_out, config))
    return result


def align(src: str, out: str, config: str, protected: Iterable[str] = ()) -> list[int]:
    """For each character of out (the conversion of src), the index of the source character it comes from.

    The mapping is monotone (never goes backwards), so runs stay contiguous.
    """
    if not out:
        return []
    if not src:
        return [0] * len(out)
    if len(src) == len(out) and config not in VOCABULARY_CONFIGS:
        # Character and phrase tables of the script configs map phrases to phrases of equal length.
        return list(range(len(out)))
    conv = converter(config)
    pieces = _chunks(src, protected_spans(src, protected))
    outs = [src[a:b] if prot else str(conv.convert(src[a:b])) for a, b, prot in pieces]
    if "".join(outs) == out:
        result: list[int] = []
        for (a, b, _), piece_out in zip(pieces, outs):
            result.extend(_align_chunk(src[a:b], piece_out, config, a))
    else:
        # A phrase crossed a separator: align the whole text against its character-wise conversion.
        result = _refine(src, list(range(len(src))), out, config)
    if len(result) != len(out):  # pragma: no cover - defensive: never lose characters
        result = _proportional(list(range(len(src))), len(out))
    for k in range(1, len(result)):  # keep it monotone even if a refinement wandered
        if result[k] < result[k - 1]:
            result[k] = result[k - 1]
    return result


def convert_runs(runs: Sequence[str], config: str, protected: Iterable[str] = ()) -> list[str]:
    """Convert a paragraph given as runs; returns the converted text of each run (same count).

    A run whose characters all disappear in conversion (rare, vocabulary configs) becomes "".
    """
    src = "".join(runs)
    if not src:
        return list(runs)
    if config in VOCABULARY_CONFIGS:  # only they swap words such as 文件 → 檔案
        from editor.core.script.official import paragraph_terms

        protected = (*protected, *paragraph_terms(src))
    out = convert_text(src, config, protected)
    if out == src:
        return list(runs)
    if len(out) == len(src) and config not in VOCABULARY_CONFIGS:
        # Identity alignment (see align): cut the output at the runs' own lengths.
        pieces: list[str] = []
        pos = 0
        for text in runs:
            pieces.append(out[pos:pos + len(text)])
            pos += len(text)
        return pieces
    owner_run: list[int] = []
    for r, text in enumerate(runs):
        owner_run.extend([r] * len(text))
    result: list[list[str]] = [[] for _ in runs]
    for ch, i in zip(out, align(src, out, config, protected)):
        result[owner_run[i]].append(ch)
    return ["".join(chars) for chars in result]


def convert_spans(text: str, config: str, protected: Iterable[str] = ()) -> tuple[str, list[int]]:
    """Converted text and, per output character, its source index (for callers holding formats)."""
    out = convert_text(text, config, protected)
    if out == text:
        return out, list(range(len(out)))
    return out, align(text, out, config, protected)
