"""Blanks left for the drafter (___, XX, 某某 …): find them in text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# The marks the corpus uses for a blank: runs of underscores (ASCII or full-width), XX/XXX/xxx,
# ××, 某某, 〇〇. Capital-X runs must not eat Latin words, so they stand alone between non-letters.
BLANK_PATTERN = re.compile(r"_{1,}|＿+|(?<![A-Za-z])(?:X{2,}|x{2,3})(?![A-Za-z])|×{2,}|某某|〇〇")


@dataclass(frozen=True)
class Blank:
    """One blank: where it is and what it looks like."""

    start: int
    end: int
    text: str


def find_blanks(text: str) -> list[Blank]:
    """Every blank in text, in order."""
    return [Blank(m.start(), m.end(), m.group()) for m in BLANK_PATTERN.finditer(text)]
